#!/usr/bin/env python3
"""Calibration of `tm align`'s confidence, and a list of its mistakes, on a yardstick corpus.

  calibrate.py TM_BINARY CORPUS [--track preseg|raw|noisy] [--seed 1] [--errors N] [--features F]
               [--parameters JSON]

Writes the yardstick's tasks (tmeval.py make-align) to a temporary folder, aligns each with
`tm align --dry-run --format json` (from an empty folder: no memory, no glossary), and judges
every printed pair against the gold links: a pair with both sides is right when it makes links,
all of them gold links, and holds no inserted foreign sentence (as tmeval.py counts it); a pair
with one side empty is right when its sentence has no gold partner. Prints the table confidence
bucket -> pairs, fraction right (the table in BENCHMARKS.md), the links of the pairs kept at 0.5
counted as tmeval.py counts them (precision, recall), and with --errors the first N wrong pairs;
--features writes each pair's evidence and verdict for fit_calibration.py, with its right and
wrong links (a foreign sentence one more wrong link) and its document, so that a rule on the
features can be scored as tmeval.py would score it without running tm again. --parameters passes
`tm align --parameters JSON` (the aligner's knobs, for experiments).
"""
import argparse, importlib.util, json, os, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TMEVAL = os.environ.get("TMEVAL", "/work/shared/eval/tmeval.py")


def load_tmeval():
    spec = importlib.util.spec_from_file_location("tmeval", TMEVAL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tm")
    ap.add_argument("corpus")
    ap.add_argument("--track", default="preseg")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--features", help="write per-pair features and verdicts as JSON lines here")
    ap.add_argument("--parameters", help="JSON passed to tm align --parameters")
    args = ap.parse_args()
    tm = load_tmeval()
    tmp = tempfile.mkdtemp(prefix="tm-calibrate-")
    tasks = tm.make_tasks(args.corpus, tmp, args.track, args.seed)
    buckets = [(0.0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 0.99), (0.99, 1.01)]
    empty = tempfile.mkdtemp(prefix="tm-calibrate-cwd-")
    counts = {b: [0, 0] for b in buckets}
    errors = []
    gold_total = kept_right = kept_wrong = 0
    feats = open(args.features, "w") if args.features else None
    for name in tasks:
        base = os.path.join(tmp, name)
        cmd = [args.tm, "align", "--dry-run", "--format", "json"]
        if args.track == "preseg":
            cmd.append("--presegmented")
        cmd += [base + ".id.txt", base + ".en.txt"]
        if args.parameters:
            cmd += ["--parameters", args.parameters]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=empty)
        if out.returncode not in (0, 2):
            print(name, "failed:", out.stderr[:200], file=sys.stderr)
            continue
        pairs = json.loads(out.stdout)["pairs"]
        gold = json.load(open(base + ".gold.json"))
        id_text = open(base + ".id.txt", encoding="utf-8").read()
        en_text = open(base + ".en.txt", encoding="utf-8").read()
        gold_links = {(i, j) for a, b in gold["beads"] for i in a for j in b}
        gold_total += len(gold_links)
        linked_id = {i for i, _ in gold_links}
        linked_en = {j for _, j in gold_links}
        id_sp = tm.locate(id_text, [p["indonesian"] for p in pairs])
        en_sp = tm.locate(en_text, [p["english"] for p in pairs])
        id_noise = {str(n): v for n, v in enumerate(gold.get("id_noise", []))}
        en_noise = {str(n): v for n, v in enumerate(gold.get("en_noise", []))}
        for k, p in enumerate(pairs):
            a = tm.covered(id_sp[k], gold["id_spans"]) if p["indonesian"] else set()
            b = tm.covered(en_sp[k], gold["en_spans"]) if p["english"] else set()
            right_links = wrong_links = 0
            if p["indonesian"] and p["english"]:
                links = {(i, j) for i in a for j in b}
                foreign = tm.covered(id_sp[k], id_noise) or tm.covered(en_sp[k], en_noise)
                right = bool(links) and links <= gold_links and not foreign
                right_links = len(links & gold_links)
                wrong_links = len(links - gold_links) + (1 if foreign else 0)
                if p["confidence"] >= 0.5:
                    kept_right += right_links
                    kept_wrong += wrong_links
            elif p["indonesian"]:
                right = not (a & linked_id)
            else:
                right = not (b & linked_en)
            c = p["confidence"]
            for lo, hi in buckets:
                if lo <= c < hi:
                    counts[(lo, hi)][0] += 1
                    counts[(lo, hi)][1] += right
            if feats:
                row = {k: v for k, v in p.items() if k not in ("indonesian", "english")}
                row["right"] = right
                row["rightLinks"], row["wrongLinks"], row["document"] = right_links, wrong_links, name
                feats.write(json.dumps(row) + "\n")
            if not right:
                errors.append((name, p))
    total = sum(v[0] for v in counts.values())
    print(f"track {args.track}, seed {args.seed}: {total} pairs, {len(errors)} wrong")
    print("| confidence | pairs | share of pairs | fraction right |")
    print("|---|---:|---:|---:|")
    for (lo, hi), (n, r) in counts.items():
        label = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
        print(f"| {label} | {n} | {n / max(total, 1):.3f} | {r / n if n else float('nan'):.3f} |")
    kept = kept_right + kept_wrong
    print(f"links of the pairs kept at 0.5: precision {kept_right / max(kept, 1):.4f}, "
          f"recall {kept_right / max(gold_total, 1):.4f} ({kept_wrong} wrong)")
    for name, p in errors[:args.errors]:
        print(f"\n{name} {p['kind']} {p['confidence']}\n  ID: {p['indonesian'][:150]}\n  EN: {p['english'][:150]}")
    subprocess.run(["rm", "-rf", tmp, empty])


if __name__ == "__main__":
    main()
