#!/usr/bin/env python3
"""TMX store benchmark: read (`tm stats` vs `xmllint --stream --noout`), `tm import`, `tm export`.

For each size it generates a TMX (gentmx.py) in a scratch folder, then measures every command with
`/usr/bin/time -v` (wall and CPU seconds, max RSS). Reads are repeated (`--repeat`) and the best run
is kept, xmllint and tm alternating so that both see the same machine load. Import and export run
once per size, and their `--json` reports are checked (every unit read, added, written).

usage: bench.py --tm PATH/TO/tm [--sizes 100000,1000000] [--repeat 3] [--scratch /tmp/tm-bench-tmx]
                [--keep]
Prints a Markdown table (stdout) and writes results.json in the scratch folder.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, cwd=None):
    """Runs command under /usr/bin/time -v; returns (wall s, cpu s, max RSS MB, stdout)."""
    report = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    if report.returncode != 0:
        sys.exit(f"failed ({report.returncode}): {' '.join(command)}\n{report.stderr[-2000:]}")
    err = report.stderr

    def field(name):
        match = re.search(re.escape(name) + r": (.+)", err)
        if not match:
            sys.exit(f"/usr/bin/time gave no '{name}' for {' '.join(command)}")
        return match.group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = clock[-1] + 60 * clock[-2] + (3600 * clock[-3] if len(clock) == 3 else 0)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, rss, report.stdout


def best(runs):
    """The run with the least CPU time (the least disturbed by other load)."""
    return min(runs, key=lambda run: run[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tm", required=True, help="the tm binary (a release build)")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scratch", default="/tmp/tm-bench-tmx")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--callgrind", type=int, default=20000,
                        help="also count instructions (valgrind callgrind) of xmllint and tm stats on a file of "
                             "this many units, a figure the machine's load cannot disturb; 0 to skip")
    parser.add_argument("--table", help="only print the tables of an earlier results.json")
    args = parser.parse_args()
    if args.table:
        with open(args.table) as f:
            return print_tables(json.load(f))
    tm = os.path.abspath(args.tm)
    os.makedirs(args.scratch, exist_ok=True)
    results = []
    for size in [int(s) for s in args.sizes.split(",")]:
        source = os.path.join(args.scratch, f"bench-{size}.tmx")
        memory = os.path.join(args.scratch, f"memory-{size}")
        exported = os.path.join(args.scratch, f"export-{size}.tmx")
        print(f"generating {size} units…", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "gentmx.py"), str(size), source], check=True)
        megabytes = os.path.getsize(source) / 1e6

        xmllint_runs, stats_runs = [], []
        for _ in range(args.repeat):
            xmllint_runs.append(timed(["xmllint", "--stream", "--noout", source]))
            stats_runs.append(timed([tm, "stats", "--json", "--tm", source]))
        stats = json.loads(stats_runs[0][3])
        if stats["units"] != size:
            sys.exit(f"tm stats counted {stats['units']} units in {source}, expected {size}")
        xmllint, stats_best = best(xmllint_runs), best(stats_runs)

        shutil.rmtree(memory, ignore_errors=True)
        imported = timed([tm, "import", "--json", "--tm", memory, source])
        report = json.loads(imported[3])
        if report["added"] != size:
            sys.exit(f"tm import added {report['added']} of {size} units")
        exported_run = timed([tm, "export", "--json", "--tm", memory, "--out", exported])
        report = json.loads(exported_run[3])
        if report["unitsWritten"] != size:
            sys.exit(f"tm export wrote {report['unitsWritten']} of {size} units")
        export_megabytes = os.path.getsize(exported) / 1e6

        row = {
            "units": size, "file_MB": round(megabytes, 1), "export_MB": round(export_megabytes, 1),
            "xmllint": {"wall": xmllint[0], "cpu": xmllint[1], "rss_MB": round(xmllint[2], 1)},
            "stats": {"wall": stats_best[0], "cpu": stats_best[1], "rss_MB": round(stats_best[2], 1)},
            "import": {"wall": imported[0], "cpu": imported[1], "rss_MB": round(imported[2], 1)},
            "export": {"wall": exported_run[0], "cpu": exported_run[1], "rss_MB": round(exported_run[2], 1)},
            "read_ratio_wall": round(xmllint[0] / max(stats_best[0], 0.01), 2),
            "read_ratio_cpu": round(xmllint[1] / max(stats_best[1], 0.01), 2),
        }
        results.append(row)
        print(json.dumps(row), file=sys.stderr)
        if not args.keep:
            for path in (source, exported):
                os.remove(path)
            shutil.rmtree(memory, ignore_errors=True)

    instructions = None
    if args.callgrind and shutil.which("valgrind"):
        source = os.path.join(args.scratch, f"bench-{args.callgrind}.tmx")
        subprocess.run([sys.executable, os.path.join(HERE, "gentmx.py"), str(args.callgrind), source], check=True)
        instructions = {"units": args.callgrind}
        for key, command in (("xmllint", ["xmllint", "--stream", "--noout", source]),
                             ("stats", [tm, "stats", "--tm", source])):
            out = os.path.join(args.scratch, f"callgrind-{key}.out")
            run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command,
                                 capture_output=True, text=True)
            match = re.search(r"Collected : (\d+)", run.stderr)
            if run.returncode != 0 or not match:
                sys.exit(f"callgrind failed on {' '.join(command)}:\n{run.stderr[-2000:]}")
            instructions[key] = int(match.group(1))
        instructions["ratio"] = round(instructions["xmllint"] / instructions["stats"], 2)
        print(json.dumps(instructions), file=sys.stderr)
        if not args.keep:
            os.remove(source)

    with open(os.path.join(args.scratch, "results.json"), "w") as f:
        json.dump({"sizes": results, "instructions": instructions}, f, indent=2)

    print_tables({"sizes": results, "instructions": instructions})


def print_tables(saved):
    """Markdown: times and peak memory, then throughput per wall second and per CPU second (on a
    loaded machine the CPU figures are the steadier ones)."""
    results = saved["sizes"] if isinstance(saved, dict) else saved
    print("| units | file | command | wall s | CPU s | max RSS | units/s (wall) | MB/s (wall) | units/s (CPU) | MB/s (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        for key, label, mb in (("xmllint", "xmllint --stream --noout", r["file_MB"]), ("stats", "tm stats", r["file_MB"]),
                               ("import", "tm import", r["file_MB"]), ("export", "tm export", r["export_MB"])):
            m = dict(r[key])
            m["wall"], m["cpu"] = max(m["wall"], 0.01), max(m["cpu"], 0.01)  # /usr/bin/time's resolution
            print(f"| {r['units']:,} | {r['file_MB']} MB | {label} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss_MB']:.0f} MB "
                  f"| {r['units'] / m['wall']:,.0f} | {mb / m['wall']:.1f} | {r['units'] / m['cpu']:,.0f} | {mb / m['cpu']:.1f} |")
    print()
    print("| units | read ratio tm stats / xmllint --stream, wall | same, CPU |")
    print("|---|---|---|")
    for r in results:
        print(f"| {r['units']:,} | {r['read_ratio_wall']} | {r['read_ratio_cpu']} |")
    counted = saved.get("instructions") if isinstance(saved, dict) else None
    if counted:
        print()
        print(f"Instructions (callgrind, {counted['units']:,} units): xmllint --stream {counted['xmllint']:,}, "
              f"tm stats {counted['stats']:,}: ratio {counted['ratio']}")

if __name__ == "__main__":
    main()
