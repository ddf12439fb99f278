#!/usr/bin/env python3
"""Segmentation benchmarks for `tm segment` beside sentencex, sentence-splitter (Moses rules),
pysbd and syntok.

  bench.py accuracy            # tmeval.py segment on TICO-19, every tool through the same --cmd
  bench.py speed [--mb 100]    # MB/s on an article-like text built in /tmp from the corpus

Paths: the yardstick and corpus in ../shared (read-only); `tm` from .build/release (build it with
`swift build -c release`). The speed input is made at run time in a temporary folder and removed:
no corpus text is copied into the project.
"""
import argparse, json, os, random, resource, shlex, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("TM_SHARED", os.path.abspath(os.path.join(ROOT, "..", "shared")))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared"
EVAL = os.path.join(SHARED, "eval", "tmeval.py")
CORPUS = os.path.join(SHARED, "corpora", "tico19-en-id")
TM = os.path.join(ROOT, ".build", "release", "tm")
PEER = os.path.join(HERE, "peer_segment.py")
PEERS = ["sentencex", "moses", "pysbd", "syntok"]


def command(tool, lang="{lang}", file="{file}"):
    if tool == "tm":
        return f"{shlex.quote(TM)} segment --sentences-only --lang {lang} {file}"
    return f"python3 {shlex.quote(PEER)} {tool} {lang} {file}"


def accuracy(args):
    rows = []
    for tool in ["tm"] + PEERS:
        p = subprocess.run([sys.executable, EVAL, "segment", CORPUS, "--cmd", command(tool)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print(f"{tool}: tmeval failed: {p.stderr.strip()[:300]}", file=sys.stderr)
            continue
        result = json.loads(p.stdout.strip().splitlines()[-1])
        rows.append((tool, result))
        print(tool, json.dumps(result), file=sys.stderr)
    print("| tool | id P | id R | id F1 | en P | en R | en F1 |")
    print("|---|---|---|---|---|---|---|")
    for tool, r in rows:
        print(f"| {tool} | {r['id']['precision']:.4f} | {r['id']['recall']:.4f} | {r['id']['f1']:.4f} "
              f"| {r['en']['precision']:.4f} | {r['en']['recall']:.4f} | {r['en']['f1']:.4f} |")


def build_input(path, megabytes, lang):
    """Article-like text: paragraphs of 2-6 corpus lines joined by a space, blank lines between."""
    with open(os.path.join(CORPUS, f"{lang}.txt"), encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l.strip()]
    rng = random.Random(1)
    target = megabytes * 1_000_000
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            k = 0
            while k < len(lines) and size < target:
                n = rng.randint(2, 6)
                para = " ".join(lines[k:k + n]) + "\n\n"
                out.write(para)
                size += len(para.encode("utf-8"))
                k += n
    return size


def timed(cmd):
    """(wall seconds, CPU seconds = user + system of the child). The machine is shared: CPU time
    is the one-core figure, wall time is what a user waited."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(f"failed: {cmd}: {p.stderr.decode()[:300]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def speed(args):
    tmp = tempfile.mkdtemp(prefix="tm-segbench-")
    try:
        print("| tool | lang | input MB | wall s | CPU s | MB/s (wall) | MB/s (CPU, one core) |")
        print("|---|---|---|---|---|---|---|")

        def row(tool, lang, size, wall, cpu):
            print(f"| {tool} | {lang} | {size / 1e6:.1f} | {wall:.2f} | {cpu:.2f} | {size / 1e6 / wall:.2f} "
                  f"| {size / 1e6 / cpu:.2f} |", flush=True)

        for lang in ("id", "en"):
            big = os.path.join(tmp, f"big.{lang}.txt")
            size = build_input(big, args.mb, lang)
            runs = [timed(command("tm", lang, shlex.quote(big))) for _ in range(args.repeat)]
            wall = min(r[0] for r in runs)
            cpu = min(r[1] for r in runs)
            row("tm", lang, size, wall, cpu)
            small = os.path.join(tmp, f"small.{lang}.txt")
            size_small = build_input(small, args.peer_mb, lang)
            for tool in PEERS:
                wall, cpu = timed(command(tool, lang, shlex.quote(small)))
                row(tool, lang, size_small, wall, cpu)
            os.remove(big)
    finally:
        subprocess.run(["rm", "-rf", tmp])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="verb", required=True)
    sub.add_parser("accuracy")
    s = sub.add_parser("speed")
    s.add_argument("--mb", type=int, default=100, help="size of tm's input in MB (default 100)")
    s.add_argument("--peer-mb", type=int, default=2, help="size of the peers' input in MB (default 2)")
    s.add_argument("--repeat", type=int, default=3, help="tm runs; the best is kept")
    args = ap.parse_args()
    if not os.access(TM, os.X_OK):
        raise SystemExit(f"{TM} not found: run `swift build -c release` first")
    {"accuracy": accuracy, "speed": speed}[args.verb](args)


if __name__ == "__main__":
    main()
