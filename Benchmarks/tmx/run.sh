#!/usr/bin/env bash
# TMX store benchmark, one command: builds tm in release mode, generates 100k- and 1M-unit TMX
# files in /tmp, and measures tm stats (vs xmllint --stream), tm import and tm export.
#   Benchmarks/tmx/run.sh                      # sizes 100000,1000000, reads best of 3
#   Benchmarks/tmx/run.sh --sizes 10000 --repeat 1
# Extra arguments go to bench.py (see its --help). Needs xmllint (libxml2-utils), /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product tm >&2
exec python3 Benchmarks/tmx/bench.py --tm "$(swift build -c release --show-bin-path)/tm" "$@"
