#!/usr/bin/env python3
"""Rebuilds Sources/TranslationMemory/Resources/stemmer-id-words.txt from ../shared/lexicon/freedict-eng-ind.tsv
(CC BY-SA 3.0): the one-word Indonesian headwords, lower-cased."""
import re, sys, pathlib
root = pathlib.Path(__file__).resolve().parents[2]
lexicon = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared/lexicon/freedict-eng-ind.tsv")
words = set()
for line in lexicon.open(encoding="utf-8"):
    w = line.split("\t")[0].strip().lower()
    if " " not in w and re.fullmatch(r"[a-zé]+(-[a-zé]+)?", w) and len(w) >= 2:
        words.add(w)
out = root / "Sources/TranslationMemory/Resources/stemmer-id-words.txt"
with out.open("w", encoding="utf-8") as f:
    f.write("# Indonesian single words: the Indonesian headwords of FreeDict eng-ind (WikDict edition 2022.11.18,\n"
            "# Debian dict-freedict-eng-ind 2022.12.07-2), lower-cased, one-word entries only.\n"
            "# Licence: CC BY-SA 3.0 Unported (https://creativecommons.org/licenses/by-sa/3.0/); (c) FreeDict/WikDict\n"
            "# contributors, from Wiktionary. Made by Benchmarks/glossary/make-stemmer-words.py.\n")
    for w in sorted(words):
        f.write(w + "\n")
print(f"{len(words)} words -> {out}")
