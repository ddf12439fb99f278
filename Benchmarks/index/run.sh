#!/bin/sh
# The lookup index at scale (issue 15), one command: Benchmarks/index/run.sh SIZE [--brute N] [--cold N] [--rounds N]
# Builds tm and LookupBench in release (Benchmarks package), generates SIZE units and a 1,000-unit
# memory the way Benchmarks/lookup/gen.py does (into /tmp, never committed), and prints JSON:
# index bytes / TMX bytes, build time / `tm stats` time in the same run, peak RSS of the build,
# import and export (/usr/bin/time -v), cold `tm lookup` median at SIZE and at 1k, in-process
# first-pass and warm p50/p99, top-5 agreement with rapidfuzz and with tm's brute force.
set -e
here=$(cd "$(dirname "$0")" && pwd)
size=${1:?usage: run.sh SIZE [--brute N] [--cold N] [--rounds N] [--skip-peer]}
shift
exec python3 "$here/bench.py" --units "$size" "$@"
