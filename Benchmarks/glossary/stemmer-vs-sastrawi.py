#!/usr/bin/env python3
"""Compares tm's Indonesian stemmer (derivational mode) with PySastrawi on the distinct words of the
Indonesian side of ../shared/corpora/tico19-en-id. Prints the agreement rate (distinct words and running
words) and a reproducible sample of disagreements to judge by hand.

Usage: Benchmarks/glossary/stemmer-vs-sastrawi.py [path/to/tm] [samples]   (needs `pip install PySastrawi`)
"""
import collections, pathlib, random, re, subprocess, sys
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

root = pathlib.Path(__file__).resolve().parents[2]
tm = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/release/tm")
samples = int(sys.argv[2]) if len(sys.argv) > 2 else 40
text = (root.parent / "shared/corpora/tico19-en-id/id.txt").read_text(encoding="utf-8")
counts = collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text))
words = sorted(w for w in counts if len(w) >= 3)
ours = {}
out = subprocess.run([tm, "glossary", "stem", "--mode", "derivational"], input="\n".join(words) + "\n",
                     capture_output=True, text=True, check=True).stdout
for line in out.splitlines():
    word, stem, _ = line.split("\t")
    ours[word] = stem
sastrawi = StemmerFactory().create_stemmer()
theirs = {w: sastrawi.stem(w) for w in words}
agree = [w for w in words if ours[w] == theirs[w]]
running = sum(counts[w] for w in words)
running_agree = sum(counts[w] for w in agree)
changed_ours = sum(1 for w in words if ours[w] != w)
changed_theirs = sum(1 for w in words if theirs[w] != w)
print(f"distinct words: {len(words)}; agreement {len(agree)}/{len(words)} = {len(agree)/len(words):.1%}")
print(f"running words: {running}; agreement {running_agree/running:.1%}")
print(f"words changed by tm: {changed_ours}; by Sastrawi: {changed_theirs}")
disagree = [w for w in words if ours[w] != theirs[w]]
random.Random(19).shuffle(disagree)
print("\nword\ttm\tSastrawi")
for w in disagree[:samples]:
    print(f"{w}\t{ours[w]}\t{theirs[w]}")
