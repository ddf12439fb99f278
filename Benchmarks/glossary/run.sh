#!/bin/sh
# Glossary benchmarks: matching speed (50,000 entries × 1,000-word article), stemmer vs PySastrawi,
# term suggestions vs the baseline on TICO-19. Run from anywhere: Benchmarks/glossary/run.sh
# Everything is built in release by the Benchmarks package (Benchmarks/.build), tm included.
set -e
cd "$(dirname "$0")/.."
swift build -c release --product tm
tm="$(swift build -c release --show-bin-path)/tm"
echo "== matching: 1,000-word article against a generated 50,000-entry glossary (release build)"
swift package benchmark --target GlossaryBenchmark --no-progress
echo "== stemmer (derivational) vs PySastrawi on the words of TICO-19 id"
python3 glossary/stemmer-vs-sastrawi.py "$tm" 40
echo "== tm glossary suggest: alignment vs baseline, top 50 (table in Benchmarks/glossary/suggest-top50.md)"
python3 glossary/suggest-eval.py "$tm" 50
