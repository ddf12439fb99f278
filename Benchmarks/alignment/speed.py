#!/usr/bin/env python3
"""Speed and peak memory of `tm align` beside hunalign on long documents.

  speed.py TM_BINARY [CORPUS] [--sizes 1000,10000,100000] [--hunalign-max 10000]

Builds pre-segmented document pairs of about N sentences per side by concatenating the
yardstick's TICO-19 tasks (written to a temporary folder at run time, never kept), then runs
`tm align --dry-run --format tsv --presegmented` and `hunalign -utf` (same FreeDict dictionary, as
in hunalign_align.py) under /usr/bin/time -v, and prints wall time, CPU time and maximum resident
set size. hunalign's table grows quadratically, so it runs only up to --hunalign-max sentences.
"""
import argparse, importlib.util, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TMEVAL = os.environ.get("TMEVAL", "/work/shared/eval/tmeval.py")


def timed(cmd, out_path):
    with open(out_path, "w") as out:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    info = {}
    for line in p.stderr.split("\n"):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            t = line.split(": ")[-1].split(":")
            info["wall"] = sum(float(x) * 60 ** k for k, x in enumerate(reversed(t)))
        elif line.startswith("Maximum resident set size"):
            info["rss_mb"] = int(line.split(": ")[-1]) / 1024
        elif line.startswith("User time"):
            info["user"] = float(line.split(": ")[-1])
        elif line.startswith("System time"):
            info["sys"] = float(line.split(": ")[-1])
    info["status"] = p.returncode
    return info


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tm")
    ap.add_argument("corpus", nargs="?", default="/work/shared/corpora/tico19-en-id")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--hunalign-max", type=int, default=10000)
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("tmeval", TMEVAL)
    tm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tm)
    sys.path.insert(0, HERE)
    import hunalign_align
    tmp = tempfile.mkdtemp(prefix="tm-align-speed-")
    try:
        tasks = tm.make_tasks(args.corpus, tmp, "preseg", 1)
        sides = {"id": [], "en": []}
        for name in tasks:
            for lang in sides:
                with open(os.path.join(tmp, f"{name}.{lang}.txt"), encoding="utf-8") as f:
                    lines = [l for l in f.read().split("\n") if l.strip()]
                sides[lang] += lines + ["<p>"]
        print("| sentences (id / en) | tool | wall s | CPU s | max RSS MB |")
        print("|---|---|---:|---:|---:|")
        for size in [int(s) for s in args.sizes.split(",")]:
            files = {}
            for lang, lines in sides.items():
                body = [l for l in lines if l != "<p>"]
                reps = size // len(body) + 1
                out, count = [], 0
                for _ in range(reps):
                    for l in lines:
                        if count >= size:
                            break
                        out.append(l)
                        count += l != "<p>"
                files[lang] = os.path.join(tmp, f"speed-{size}.{lang}")
                with open(files[lang], "w", encoding="utf-8") as f:
                    f.write("\n".join(out) + "\n")
            counts = {lang: sum(1 for l in open(files[lang], encoding="utf-8") if l.strip() and l.strip() != "<p>") for lang in files}
            label = f"{counts['id']} / {counts['en']}"
            r = timed([args.tm, "align", "--dry-run", "--format", "tsv", "--presegmented", files["id"], files["en"]], os.path.join(tmp, "out.tsv"))
            print(f"| {label} | tm align | {r['wall']:.2f} | {r['user'] + r['sys']:.2f} | {r['rss_mb']:.0f} |", flush=True)
            if size <= args.hunalign_max:
                r = timed([hunalign_align.HUNALIGN, "-utf", hunalign_align.dictionary(), files["id"], files["en"]], os.path.join(tmp, "out.ladder"))
                status = "" if r["status"] == 0 else f" (exit {r['status']})"
                print(f"| {label} | hunalign -utf{status} | {r['wall']:.2f} | {r['user'] + r['sys']:.2f} | {r['rss_mb']:.0f} |", flush=True)
            else:
                print(f"| {label} | hunalign -utf | not run (quadratic; > {args.hunalign_max}) | | |", flush=True)
    finally:
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
