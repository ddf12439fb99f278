#!/usr/bin/env python3
"""Evaluates `tm glossary suggest` on a memory built from ../shared/corpora/tico19-en-id/original.en-id.tmx.

Runs the alignment method and the baseline (most frequent n-grams + most co-occurring English word) in the
same run, top N each, with an empty glossary (so nothing is left out as already known). A pair is judged
correct when the lexicon (../shared/lexicon: FreeDict eng-ind + TICO-19 terminology) has it (case-insensitive,
English plural -s ignored), else by the project's reading in judgements.tsv (`id<TAB>en<TAB>ok|wrong<TAB>why`).
Pairs judged by neither are shown as `?` and counted wrong.

Usage: Benchmarks/glossary/suggest-eval.py [path/to/tm] [N]   (writes Benchmarks/glossary/suggest-top50.md)
"""
import json, os, pathlib, subprocess, sys, tempfile, time

here = pathlib.Path(__file__).resolve().parent
root = here.parents[1]
shared = root.parent / "shared"
tm = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/release/tm")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50

def en_key(text):
    words = text.lower().split()
    out = []
    for w in words:
        if len(w) > 3 and w.endswith("ies"): w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"): w = w[:-1]
        out.append(w)
    return " ".join(out)

lexicon = {}
for name in ["freedict-eng-ind.tsv", "tico19-covid-terminology.tsv"]:
    for line in (shared / "lexicon" / name).open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            lexicon.setdefault(parts[0].lower(), set()).add(en_key(parts[1]))

judgements = {}
judge_file = here / "judgements.tsv"
if judge_file.exists():
    for line in judge_file.open(encoding="utf-8"):
        if line.startswith("#") or not line.strip(): continue
        parts = line.rstrip("\n").split("\t")
        judgements[(parts[0].lower(), parts[1].lower())] = (parts[2], parts[3] if len(parts) > 3 else "")

def judge(source, target):
    if en_key(target) in lexicon.get(source.lower(), set()):
        return "lexicon", True
    verdict = judgements.get((source.lower(), target.lower()))
    if verdict:
        return "reading", verdict[0] == "ok"
    return "?", False

with tempfile.TemporaryDirectory() as tmp:
    memory = os.path.join(tmp, "TMX")
    empty = os.path.join(tmp, "no-glossary")
    os.mkdir(empty)
    subprocess.run([tm, "import", "--tm", memory, str(shared / "corpora/tico19-en-id/original.en-id.tmx")], check=True,
                   stdout=subprocess.DEVNULL)
    results = {}
    for method in ["alignment", "baseline"]:
        start = time.time()
        out = subprocess.run([tm, "glossary", "suggest", "--tm", memory, "--glossary", empty, "--json", "-n", str(n),
                              "--method", method], check=True, capture_output=True, text=True).stdout
        results[method] = (json.loads(out), time.time() - start)

lines = [f"# `tm glossary suggest` on TICO-19 en-id (3,071 units), top {n}, min-count 3\n",
         "Judged: `lexicon` = pair found in ../shared/lexicon (FreeDict eng-ind + TICO-19 terminology); "
         "`reading` = judged by the project (Benchmarks/glossary/judgements.tsv); `?` = unjudged (counted wrong).\n"]
summary = []
for method in ["alignment", "baseline"]:
    suggestions, seconds = results[method]
    correct = 0; by_lexicon = 0
    rows = []
    for rank, s in enumerate(suggestions, 1):
        how, ok = judge(s["source"], s["target"])
        correct += ok; by_lexicon += (how == "lexicon")
        rows.append(f"| {rank} | {s['source']} | {s['target']} | {s['frequency']} | {s['confidence']:.2f} | {how} | {'✓' if ok else '✗'} |")
    precision = correct / max(1, len(suggestions))
    summary.append(f"| {method} | {len(suggestions)} | {by_lexicon} | {correct} | {precision:.0%} | {seconds:.1f} s |")
    lines.append(f"\n## {method}: {correct}/{len(suggestions)} correct ({precision:.0%}), {by_lexicon} confirmed by the lexicon, {seconds:.1f} s\n")
    lines.append("| # | Indonesian | English | freq | conf | judged by | ok |\n| --- | --- | --- | --- | --- | --- | --- |")
    lines += rows
table = "| method | pairs | in lexicon | correct | precision | time |\n| --- | --- | --- | --- | --- | --- |\n" + "\n".join(summary)
(here / "suggest-top50.md").write_text("\n".join(lines[:2]) + "\n" + table + "\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
print(table)
unjudged = [(s["source"], s["target"]) for m in results for s in results[m][0] if judge(s["source"], s["target"])[0] == "?"]
for pair in unjudged: print("unjudged:", *pair, sep="\t")
