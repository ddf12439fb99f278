#!/usr/bin/env python3
"""The lookup index at scale (issue 15). Run through run.sh SIZE; see BENCHMARKS.md.

Every figure is from this one run, with the machine's load average (1 minute) noted beside it:
the machine is shared, so the ratios (build / stats, SIZE / 1k) are what to compare.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LOOKUP = os.path.join(os.path.dirname(HERE), "lookup")
CORPUS = "/work/shared/corpora/tico19-en-id"


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode not in (0, 2):
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-3000:]}")
    return result


def timed(command):
    """Wall seconds and peak RSS (MB) of a new process, by /usr/bin/time -v."""
    start = time.perf_counter()
    result = run(["/usr/bin/time", "-v"] + command)
    wall = time.perf_counter() - start
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return wall, int(match.group(1)) / 1024 if match else None, result


def load():
    return round(os.getloadavg()[0], 2)


def folder_bytes(folder, suffix):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder) if name.endswith(suffix))


def generate(scratch, units):
    memory = os.path.join(scratch, "memory")
    if not os.path.exists(os.path.join(scratch, "queries.txt")):
        shutil.rmtree(memory, ignore_errors=True)
        run([sys.executable, os.path.join(LOOKUP, "gen.py"), CORPUS, scratch, "--units", str(units)])
    return memory


def cold_lookups(tm, memory, queries):
    times = []
    for query in queries:
        start = time.perf_counter()
        run([tm, "lookup", query, "--tm", memory, "--json"])
        times.append((time.perf_counter() - start) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, required=True)
    parser.add_argument("--cold", type=int, default=20)
    parser.add_argument("--brute", type=int, default=10)
    parser.add_argument("--scratch", default="/tmp/tm-index-bench")
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of stats, build, stats (the ratio is their median)")
    args = parser.parse_args()
    results = {"units": args.units, "loads": {}}
    loads = results["loads"]

    package = os.path.dirname(HERE)
    for product in ("LookupBench", "tm"):
        run(["swift", "build", "-c", "release", "--package-path", package, "--product", product])
    release = run(["swift", "build", "-c", "release", "--package-path", package, "--show-bin-path"]).stdout.strip()
    tm, bench = os.path.join(release, "tm"), os.path.join(release, "LookupBench")

    scratch = f"{args.scratch}-{args.units}"
    small_scratch = f"{args.scratch}-1000"
    memory = generate(scratch, args.units)
    small = generate(small_scratch, 1000)
    queries = open(os.path.join(scratch, "queries.txt"), encoding="utf-8").read().split("\n")[:-1]
    tmx_bytes = folder_bytes(memory, ".tmx")
    results["tmx_mb"] = round(tmx_bytes / 1e6, 1)

    # Build against a full read, same run: rounds of stats, build, stats again (the page cache
    # warm for all; every build starts with no index). One round's ratio moves by ±20 % on this
    # shared machine, so the figure is the median of the rounds, each round listed.
    loads["stats"] = loads["build"] = load()
    builds, stats_pairs, ratios, build_peaks, stats_peaks = [], [], [], [], []
    for _ in range(args.rounds):
        shutil.rmtree(os.path.join(memory, ".tm-index"), ignore_errors=True)
        stats_before, stats_rss, _ = timed([tm, "stats", "--tm", memory, "--json"])
        shutil.rmtree(os.path.join(memory, ".tm-index"), ignore_errors=True)
        build, build_rss, _ = timed([tm, "lookup", queries[0], "--tm", memory, "--json"])
        stats_after, _, _ = timed([tm, "stats", "--tm", memory, "--json"])
        builds.append(round(build, 2))
        stats_pairs.append([round(stats_before, 2), round(stats_after, 2)])
        ratios.append(round(build / ((stats_before + stats_after) / 2), 2))
        build_peaks.append(build_rss)
        stats_peaks.append(stats_rss)
    index_bytes = folder_bytes(os.path.join(memory, ".tm-index"), ".tmlx")
    results.update({
        "index_mb": round(index_bytes / 1e6, 1), "index_over_tmx": round(index_bytes / tmx_bytes, 3),
        "build_s": builds, "stats_s": stats_pairs, "build_over_stats_rounds": ratios,
        "build_over_stats": round(statistics.median(ratios), 2), "build_peak_rss_mb": round(max(build_peaks), 1),
        "stats_peak_rss_mb": round(max(stats_peaks), 1),
    })

    # Import the memory's files into a new memory, then export the memory to one TMX.
    imported = os.path.join(scratch, "imported")
    shutil.rmtree(imported, ignore_errors=True)
    parts = sorted(os.path.join(memory, name) for name in os.listdir(memory) if name.endswith(".tmx"))
    loads["import"] = load()
    import_s, import_rss, _ = timed([tm, "import"] + parts + ["--tm", imported, "--json"])
    loads["export"] = load()
    exported = os.path.join(scratch, "exported.tmx")
    export_s, export_rss, _ = timed([tm, "export", "--out", exported, "--tm", memory, "--json"])
    shutil.rmtree(imported, ignore_errors=True)
    os.remove(exported)
    # The same units as one TSV (exported), imported into a new memory: the streamed TSV read.
    tsv = os.path.join(scratch, "exported.tsv")
    run([tm, "export", "--out", tsv, "--format", "tsv", "--tm", memory, "--json"])
    loads["import_tsv"] = load()
    import_tsv_s, import_tsv_rss, _ = timed([tm, "import", tsv, "--tm", imported, "--json"])
    shutil.rmtree(imported, ignore_errors=True)
    os.remove(tsv)
    results.update({"import_s": round(import_s, 1), "import_peak_rss_mb": round(import_rss, 1),
                    "export_s": round(export_s, 1), "export_peak_rss_mb": round(export_rss, 1),
                    "import_tsv_s": round(import_tsv_s, 1), "import_tsv_peak_rss_mb": round(import_tsv_rss, 1)})

    # Cold lookups: a new process each, index built and in the page cache; SIZE against 1k.
    small_queries = open(os.path.join(small_scratch, "queries.txt"), encoding="utf-8").read().split("\n")[:-1]
    run([tm, "lookup", small_queries[0], "--tm", small, "--json"])
    loads["cold"] = load()
    cold = cold_lookups(tm, memory, queries[: args.cold])
    cold_small = cold_lookups(tm, small, small_queries[: args.cold])
    results.update({"cold_ms_median": round(statistics.median(cold), 1),
                    "cold_1k_ms_median": round(statistics.median(cold_small), 1),
                    "cold_over_1k": round(statistics.median(cold) / statistics.median(cold_small), 2)})

    # In-process: first pass (what a cold lookup pays: lists and units checked, units read back)
    # and the warm second pass; brute force on the first BRUTE queries.
    out = os.path.join(scratch, "out")
    os.makedirs(out, exist_ok=True)
    loads["in_process"] = load()
    inprocess = json.loads(run([bench, memory, os.path.join(scratch, "queries.txt"), out, str(args.brute)]).stdout)
    results.update({
        "first_pass_p50_ms": round(inprocess["first_pass_p50_us"] / 1000, 2),
        "first_pass_p99_ms": round(inprocess["first_pass_p99_us"] / 1000, 2),
        "warm_p50_ms": round(inprocess["p50_us"] / 1000, 2), "warm_p99_ms": round(inprocess["p99_us"] / 1000, 2),
        "brute_force_identical": f'{inprocess["brute_force_identical"]}/{inprocess["brute_force_queries"]}',
        "queries_with_70_match": inprocess["queries_with_70_match"],
    })
    if not args.skip_peer:
        loads["peer"] = load()
        peer = json.loads(run([sys.executable, os.path.join(LOOKUP, "peer_rapidfuzz.py"), out]).stdout)
        results.update({
            "rapidfuzz_p50_ms": round(peer["p50_us"] / 1000, 1),
            "rapidfuzz_identical_top5": f'{peer["identical_top5"]}/{len(queries)}',
            "first_pass_p50_speedup_over_rapidfuzz": round(peer["p50_us"] / inprocess["first_pass_p50_us"], 1),
        })
    print(json.dumps(results, indent=2))
    with open(os.path.join(scratch, "results.json"), "w") as handle:
        json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main()
