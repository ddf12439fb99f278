#!/usr/bin/env python3
"""Analysis and pre-translation benchmark: `python3 Benchmarks/job/bench.py` from the repository root.

1. Builds `tm` in release mode (`swift build -c release --product tm`, build tree BUILD).
2. Generates a memory of UNITS units with ../lookup/gen.py (TICO-19 pairs mutated as news repeats
   itself, 4 TMX files) in SCRATCH (default /tmp/tm-job-bench; never in the repository), unless it
   is there already.
3. Writes a ~600-word (Trados count) Indonesian article into SCRATCH: a title, a dateline, paragraphs of three
   sentences taken from gen.py's queries (half near-duplicates of memory units, half held out),
   two sentences repeated, two credit lines.
4. Builds the index once (`tm analyze`, timed apart), then times, RUNS times each (median, max):
   `tm analyze ARTICLE --json`, and `tm pretranslate ARTICLE --out FILE.xlf --omegat DIR --draft FILE`;
   beside them, the lookups the job makes, one `tm lookup --query-file SEGMENT --json` process
   per distinct segment (what a translator pasting sentence after sentence runs).

usage: bench.py [--scratch DIR] [--units N] [--runs 5] [--build DIR]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode not in (0, 2):
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-3000:]}")
    return result.stdout


def timed(command):
    start = time.perf_counter()
    run(command)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scratch", default="/tmp/tm-job-bench")
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", default="/tmp/tm-job-bench-build")
    args = parser.parse_args()
    os.makedirs(args.scratch, exist_ok=True)

    run(["swift", "build", "-c", "release", "--product", "tm", "--build-path", args.build], cwd=ROOT)
    tm = os.path.join(run(["swift", "build", "-c", "release", "--build-path", args.build, "--show-bin-path"], cwd=ROOT).strip(), "tm")

    memory = os.path.join(args.scratch, "memory")
    queries_path = os.path.join(args.scratch, "queries.txt")
    stamp = os.path.join(args.scratch, "units.txt")
    if not os.path.exists(stamp) or open(stamp).read().strip() != str(args.units):
        shutil.rmtree(memory, ignore_errors=True)
        corpus = "/work/shared/corpora/tico19-en-id"
        if not os.path.exists(corpus):
            corpus = os.path.join(ROOT, "..", "shared", "corpora", "tico19-en-id")
        run([sys.executable, os.path.join(HERE, "..", "lookup", "gen.py"), corpus, args.scratch,
             "--units", str(args.units), "--queries", "200"])
        with open(stamp, "w") as out:
            out.write(f"{args.units}\n")
    tmx_bytes = sum(os.path.getsize(os.path.join(memory, name)) for name in os.listdir(memory) if name.endswith(".tmx"))

    # The article: sentences from the queries until 600 words (Trados count is close to this).
    sentences = [line.strip() for line in open(queries_path, encoding="utf-8") if line.strip()]
    body, words = [], 0
    for sentence in sentences:
        if words >= 630:
            break
        sentence = sentence[0].upper() + sentence[1:]
        if not sentence.endswith((".", "!", "?")):
            sentence += "."
        body.append(sentence)
        words += len(sentence.split())
    body[len(body) // 2] = body[0]
    body[-1] = body[1]
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    article = os.path.join(args.scratch, "article.txt")
    with open(article, "w", encoding="utf-8") as out:
        out.write("Pemerintah menyiapkan langkah baru\n\nJAKARTA (ANTARA) - " + "\n\n".join(paragraphs)
                  + "\n\nPewarta: Budi Santoso\nEditor: Rina Wijaya\n")

    env_tm = ["--tm", memory]
    index_time = timed([tm, "analyze", article, "--json"] + env_tm)
    analysis = json.loads(run([tm, "analyze", article, "--json"] + env_tm))

    analyze_times = [timed([tm, "analyze", article, "--json"] + env_tm) for _ in range(args.runs)]
    pretranslate_times = []
    for _ in range(args.runs):
        project = os.path.join(args.scratch, "project")
        shutil.rmtree(project, ignore_errors=True)
        pretranslate_times.append(timed([tm, "pretranslate", article, "--out", os.path.join(args.scratch, "article.xlf"), "--omegat", project,
                                         "--draft", os.path.join(args.scratch, "draft.txt")] + env_tm))

    # The lookups the job makes: one per distinct segment (title, dateline, body), each a process.
    segments = json.loads(run([tm, "segment", article, "--json"]))
    texts = ([segments["title"]["text"]] if segments.get("title") else []) \
        + ([segments["dateline"]["text"]] if segments.get("dateline") else []) \
        + [s["text"] for p in segments["paragraphs"] for s in p["sentences"]]
    distinct = list(dict.fromkeys(texts))
    lookup_times = []
    query = os.path.join(args.scratch, "segment.txt")
    for text in distinct:
        with open(query, "w", encoding="utf-8") as out:
            out.write(text)
        lookup_times.append(timed([tm, "lookup", "--query-file", query, "--json", "--min", "50", "-n", "5"] + env_tm))

    def spread(values):
        return f"{statistics.median(values):.3f} s (max {max(values):.3f} s)"

    print(f"memory: {args.units:,} units, {tmx_bytes / 1e6:.0f} MB of TMX in {memory}")
    print(f"article: {analysis['total']['segments']} segments, {analysis['total']['words']} words (Trados count), "
          f"{analysis['credits']['segments']} credit lines apart")
    print("bands: " + ", ".join(f"{b['band']} {b['segments']}" for b in analysis["bands"]))
    print(f"first analyze (builds the index): {index_time:.1f} s")
    print(f"tm analyze --json, {args.runs} runs: {spread(analyze_times)}")
    print(f"tm pretranslate --out --omegat --draft, {args.runs} runs: {spread(pretranslate_times)}")
    print(f"tm lookup, one process per distinct segment ({len(distinct)}): sum {sum(lookup_times):.2f} s, "
          f"median {statistics.median(lookup_times) * 1000:.0f} ms each")


if __name__ == "__main__":
    main()
