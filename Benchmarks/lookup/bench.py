#!/usr/bin/env python3
"""Lookup benchmark, one command: `python3 Benchmarks/lookup/bench.py` from the repository root.

1. Builds `tm` and LookupBench (release) in the Benchmarks package (Benchmarks/Package.swift).
2. Generates the memory (gen.py: UNITS units mutated from TICO-19, 4 TMX files) and 1,000 queries
   in SCRATCH (default /tmp/tm-lookup-bench; never in the repository).
3. Index build: `tm lookup` with no index (wall time, index size).
4. Cold lookup: `tm lookup QUERY --json` as a new process, for COLD queries (page cache warm).
5. In-process (LookupBench): p50/p99 per query, second pass (the first pass checks the lists it
   reads); top-5 of the index vs brute force (penalties on) for BRUTE queries.
6. Peer (peer_rapidfuzz.py): rapidfuzz `process.extract` over the same units and word keys;
   top-5 compared with tm's distance-only top-5 for every query.

usage: bench.py [--scratch DIR] [--units N] [--cold 20] [--brute 30] [--regenerate]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-3000:]}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scratch", default="/tmp/tm-lookup-bench")
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--cold", type=int, default=20)
    parser.add_argument("--brute", type=int, default=30)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    scratch = args.scratch
    os.makedirs(scratch, exist_ok=True)

    # One release build tree (Benchmarks/.build) for the benchmark and the tm it measures.
    package = os.path.dirname(HERE)
    for product in ("LookupBench", "tm"):
        run(["swift", "build", "-c", "release", "--package-path", package, "--product", product])
    release = run(["swift", "build", "-c", "release", "--package-path", package, "--show-bin-path"]).strip()
    bench = os.path.join(release, "LookupBench")
    tm = os.path.join(release, "tm")

    memory = os.path.join(scratch, "memory")
    queries_path = os.path.join(scratch, "queries.txt")
    if args.regenerate or not os.path.exists(queries_path):
        run(["rm", "-rf", memory])
        run([sys.executable, os.path.join(HERE, "gen.py"), "/work/shared/corpora/tico19-en-id"
             if os.path.exists("/work/shared/corpora/tico19-en-id") else os.path.join(ROOT, "..", "shared", "corpora", "tico19-en-id"),
             scratch, "--units", str(args.units)])
    queries = open(queries_path, encoding="utf-8").read().split("\n")[:-1]
    tmx_bytes = sum(os.path.getsize(os.path.join(memory, name)) for name in os.listdir(memory) if name.endswith(".tmx"))

    run(["rm", "-rf", os.path.join(memory, ".tm-index")])
    start = time.perf_counter()
    run([tm, "lookup", queries[0], "--tm", memory, "--json"])
    build_seconds = time.perf_counter() - start
    index_folder = os.path.join(memory, ".tm-index")
    index_bytes = sum(os.path.getsize(os.path.join(index_folder, name)) for name in os.listdir(index_folder))

    cold = []
    for query in queries[: args.cold]:
        start = time.perf_counter()
        run([tm, "lookup", query, "--tm", memory, "--json"])
        cold.append((time.perf_counter() - start) * 1000)

    out = os.path.join(scratch, "out")
    os.makedirs(out, exist_ok=True)
    inprocess = json.loads(run([bench, memory, queries_path, out, str(args.brute)]))
    peer = json.loads(run([sys.executable, os.path.join(HERE, "peer_rapidfuzz.py"), out]))

    result = {
        "units": inprocess["units"], "tmx_mb": round(tmx_bytes / 1e6, 1), "queries": len(queries),
        "queries_with_70_match": inprocess["queries_with_70_match"],
        "index_build_s": round(build_seconds, 1), "index_mb": round(index_bytes / 1e6, 1),
        "cold_lookup_ms_median": round(statistics.median(cold), 1), "cold_lookup_ms_max": round(max(cold), 1),
        "tm_p50_us": round(inprocess["p50_us"], 1), "tm_p99_us": round(inprocess["p99_us"], 1),
        "tm_first_pass_p50_us": round(inprocess["first_pass_p50_us"], 1),
        "tm_first_pass_p99_us": round(inprocess["first_pass_p99_us"], 1),
        "tm_distance_only_p50_us": round(inprocess["distance_only_p50_us"], 1),
        "tm_distance_only_p99_us": round(inprocess["distance_only_p99_us"], 1),
        "rapidfuzz_p50_us": round(peer["p50_us"], 1), "rapidfuzz_p99_us": round(peer["p99_us"], 1),
        "p50_speedup": round(peer["p50_us"] / inprocess["p50_us"], 1),
        "top5_identical_to_rapidfuzz": peer["identical_top5"],
        "differing_examples": peer["differing_examples"],
        "brute_force_queries": inprocess["brute_force_queries"],
        "top5_identical_to_brute_force": inprocess["brute_force_identical"],
        "brute_force_median_ms": round(inprocess["brute_force_median_ms"], 1),
    }
    print(json.dumps(result, indent=2))
    with open(os.path.join(scratch, "results.json"), "w") as handle:
        json.dump(result, handle, indent=2)


if __name__ == "__main__":
    main()
