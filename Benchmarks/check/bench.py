"""The accuracy benchmark of `tm check` beside translate-toolkit's `pofilter`, on the labelled set
of make_pairs.py, both run on the same pairs in the same run.

    python3 Benchmarks/check/bench.py [--tm PATH_TO_TM] [--part tuning|heldout|both|fresh]
    python3 Benchmarks/check/bench.py --corpus ID_FILE EN_FILE [--corpus-glossary FILE]

Reads Benchmarks/check/{tuning,heldout}.tsv (label<TAB>INDONESIAN<TAB>ENGLISH) and glossary.tsv,
runs `tm check --pairs … --glossary … --json` and `pofilter` (the pairs as PO: msgctxt "pair N",
msgid Indonesian, msgstr English) and prints, per error class, the recall of each tool (share of
the seeded pairs on which it reports that class: tm by check id, pofilter by its corresponding
test; "tm caught": by any figure check, for the figure classes), and the share of clean pairs
each flags. Prints JSON after the table.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
QUANTITIES = ["numbers", "money", "percent", "ranges", "dates", "times", "weekdays", "years", "ordinals", "measures"]
# pofilter's tests that look for what each tm check looks for; None: pofilter has no such test.
POFILTER = {**{q: ["numbers"] for q in QUANTITIES},
            "untranslated": ["untranslated", "blank"], "same-as-source": ["unchanged"], "end-punctuation": ["endpunc"],
            "brackets": ["brackets"], "quotes": ["doublequoting"], "double-space": ["doublespacing"],
            "double-word": ["doublewords"], "urls": ["urls"], "emails": ["emails"], "tags": ["xmltags"],
            "length-ratio": ["long", "short"], "terms": None, "forbidden-term": None, "credits": None}


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, source, target = line.rstrip("\n").split("\t")
            rows.append((label, source, target))
    return rows


def run_tm(tm, rows, work, glossary=os.path.join(HERE, "glossary.tsv")):
    pairs = os.path.join(work, "pairs.tsv")
    with open(pairs, "w", encoding="utf-8") as f:
        for _, source, target in rows:
            f.write(f"{source}\t{target}\n")
    env = dict(os.environ, TM_PATH=os.path.join(work, "no-memory"), NO_COLOR="1")
    env.pop("TM_GLOSSARY", None)
    given = ["--glossary", glossary] if glossary else []
    run = subprocess.run([tm, "check", "--pairs", pairs, *given, "--json",
                          # The set holds sentences with and without their seeded error: not inconsistencies.
                          "--skip", "inconsistent-target,inconsistent-source"],
                         capture_output=True, text=True, cwd=work, env=env)
    if run.returncode not in (0, 2):
        sys.exit(f"tm check failed ({run.returncode}): {run.stderr}")
    found = defaultdict(set)
    for finding in json.loads(run.stdout)["findings"]:
        found[finding["pair"]].add(finding["check"])
    return found


def run_pofilter(rows, work):
    from translate.storage import po
    store = po.pofile()
    for number, (_, source, target) in enumerate(rows, 1):
        unit = store.addsourceunit(source)
        unit.target = target
        unit.setcontext(f"pair {number}")
    source, out = os.path.join(work, "pairs.po"), os.path.join(work, "flagged.po")
    with open(source, "wb") as f:
        f.write(bytes(store))
    subprocess.run(["pofilter", "--language=en", source, out], check=True, capture_output=True)
    found = defaultdict(set)
    with open(out, "rb") as f:
        for unit in po.pofile(f.read()).units:
            if unit.isheader():
                continue
            number = int(unit.getcontext().split()[1])
            for note in unit.getnotes("translator").splitlines():
                if note.startswith("(pofilter) "):
                    found[number].add(note[len("(pofilter) "):].split(":")[0])
    return found


def evaluate(rows, tm_found, po_found):
    classes = sorted({label for label, _, _ in rows if label != "clean"}, key=lambda c: list(POFILTER).index(c))
    mapped = {test for tests in POFILTER.values() if tests for test in tests}
    clean = [n for n, (label, _, _) in enumerate(rows, 1) if label == "clean"]
    result = {"pairs": len(rows), "clean": len(clean), "classes": {}}
    for c in classes:
        seeded = [n for n, (label, _, _) in enumerate(rows, 1) if label == c]
        tests = POFILTER[c]
        result["classes"][c] = {
            "seeded": len(seeded),
            "tm_recall": sum(c in tm_found[n] for n in seeded) / len(seeded),
            # Found under any figure check: a year inside a date is the dates check's, tons a measure.
            "tm_caught": sum(bool(tm_found[n] & (set(QUANTITIES) if c in QUANTITIES else {c})) for n in seeded) / len(seeded),
            "pofilter_recall": None if tests is None else sum(bool(po_found[n] & set(tests)) for n in seeded) / len(seeded),
            "tm_clean_flagged": sum(c in tm_found[n] for n in clean) / len(clean),
        }
    result["tm_clean_flagged_quantities"] = sum(bool(tm_found[n] & set(QUANTITIES)) for n in clean) / len(clean)
    result["pofilter_clean_flagged_numbers"] = sum("numbers" in po_found[n] for n in clean) / len(clean)
    result["tm_clean_flagged_any"] = sum(bool(tm_found[n]) for n in clean) / len(clean)
    result["pofilter_clean_flagged_mapped"] = sum(bool(po_found[n] & mapped) for n in clean) / len(clean)
    result["pofilter_clean_flagged_any"] = sum(bool(po_found[n]) for n in clean) / len(clean)
    quantity_seeded = [n for n, (label, _, _) in enumerate(rows, 1) if label in QUANTITIES]
    result["tm_recall_quantities"] = sum(rows[n - 1][0] in tm_found[n] for n in quantity_seeded) / len(quantity_seeded)
    result["pofilter_recall_quantities"] = sum("numbers" in po_found[n] for n in quantity_seeded) / len(quantity_seeded)
    return result


def table(name, r):
    print(f"\n{name}: {r['pairs']} pairs, {r['clean']} clean")
    print(f"{'class':<16}{'seeded':>7}{'tm recall':>11}{'tm caught':>11}{'pofilter':>10}{'tm clean flagged':>18}")
    for c, v in r["classes"].items():
        po = "n/a" if v["pofilter_recall"] is None else f"{v['pofilter_recall']:.3f}"
        print(f"{c:<16}{v['seeded']:>7}{v['tm_recall']:>11.3f}{v['tm_caught']:>11.3f}{po:>10}{v['tm_clean_flagged']:>17.2%}")
    print(f"quantities (all ten): tm recall {r['tm_recall_quantities']:.3f}, pofilter numbers {r['pofilter_recall_quantities']:.3f}")
    print(f"clean pairs flagged, figures: tm {r['tm_clean_flagged_quantities']:.2%}, pofilter numbers {r['pofilter_clean_flagged_numbers']:.2%}")
    print(f"clean pairs flagged, any check: tm {r['tm_clean_flagged_any']:.2%}, pofilter corresponding tests "
          f"{r['pofilter_clean_flagged_mapped']:.2%}, pofilter any test {r['pofilter_clean_flagged_any']:.2%}")


def corpus(args):
    """Real translations (say TICO-19, /work/shared/corpora/tico19-en-id): unlabelled, so the
    share of pairs each tool flags, most of them correct, is the false-alarm rate's upper bound."""
    with open(args.corpus[0], encoding="utf-8") as a, open(args.corpus[1], encoding="utf-8") as b:
        rows = [("?", s.rstrip("\n").replace("\t", " "), t.rstrip("\n").replace("\t", " ")) for s, t in zip(a, b)]
    with tempfile.TemporaryDirectory() as work:
        tm_found, po_found = run_tm(os.path.abspath(args.tm), rows, work, args.corpus_glossary), run_pofilter(rows, work)
    n = len(rows)
    figures = sum(bool(tm_found[i] & set(QUANTITIES)) for i in range(1, n + 1))
    result = {"pairs": n, "tm_flagged_figures": figures / n,
              "pofilter_flagged_numbers": sum("numbers" in po_found[i] for i in range(1, n + 1)) / n,
              "tm_flagged_terms": sum("terms" in tm_found[i] for i in range(1, n + 1)) / n,
              "tm_flagged_any": sum(bool(tm_found[i]) for i in range(1, n + 1)) / n,
              "pofilter_flagged_any": sum(bool(po_found[i]) for i in range(1, n + 1)) / n}
    print(f"{n} pairs: flagged by tm's figure checks {result['tm_flagged_figures']:.2%}, by pofilter numbers "
          f"{result['pofilter_flagged_numbers']:.2%}; tm terms {result['tm_flagged_terms']:.2%}; "
          f"any check: tm {result['tm_flagged_any']:.2%}, pofilter {result['pofilter_flagged_any']:.2%}")
    print(json.dumps(result, indent=1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", nargs=2, metavar=("ID_FILE", "EN_FILE"), help="unlabelled real pairs, line N with line N")
    parser.add_argument("--corpus-glossary", help="the glossary for --corpus (default: none)")
    parser.add_argument("--tm", default=os.path.join(HERE, "..", "..", ".build", "debug", "tm"))
    parser.add_argument("--part", default="tuning", choices=["tuning", "heldout", "both", "fresh"])
    parser.add_argument("--show-misses", action="store_true", help="print the pairs tm gets wrong")
    args = parser.parse_args()
    if args.corpus:
        return corpus(args)
    results = {}
    for part in (["tuning", "heldout"] if args.part == "both" else [args.part]):
        rows = read(os.path.join(HERE, f"{part}.tsv"))
        with tempfile.TemporaryDirectory() as work:
            tm_found, po_found = run_tm(os.path.abspath(args.tm), rows, work), run_pofilter(rows, work)
        results[part] = evaluate(rows, tm_found, po_found)
        table(part, results[part])
        if args.show_misses:
            for n, (label, source, target) in enumerate(rows, 1):
                wrong = (label != "clean" and label not in tm_found[n]) or (label == "clean" and tm_found[n])
                if wrong:
                    print(f"  {label} pair {n}: tm {sorted(tm_found[n])}\n    {source}\n    {target}")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
