#!/bin/sh
# Segmentation benchmarks: accuracy on TICO-19 (tmeval.py) and speed, tm beside its peers.
# Usage: Benchmarks/segmentation/run.sh [accuracy|speed]   (both by default)
set -e
cd "$(dirname "$0")/../.."
swift build -c release --product tm >&2
here=Benchmarks/segmentation
case "${1:-all}" in
  accuracy) python3 $here/bench.py accuracy ;;
  speed) python3 $here/bench.py speed ;;
  *) python3 $here/bench.py accuracy; python3 $here/bench.py speed ;;
esac
