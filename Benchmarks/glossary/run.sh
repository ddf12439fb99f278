#!/bin/sh
# Glossary benchmarks: matching speed (50,000 entries × 1,000-word article), stemmer vs PySastrawi,
# term suggestions vs the baseline on TICO-19. Run from anywhere: Benchmarks/glossary/run.sh
set -e
cd "$(dirname "$0")/../.."
swift build -c release -Xswiftc -enable-testing --product tm   # same flags as the test build below, so nothing is built twice
echo "== matching: 1,000-word article against a generated 50,000-entry glossary (release build)"
TM_GLOSSARY_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter GlossaryBenchmarkTests 2>&1 | grep glossary-benchmark
echo "== stemmer (derivational) vs PySastrawi on the words of TICO-19 id"
python3 Benchmarks/glossary/stemmer-vs-sastrawi.py .build/release/tm 40
echo "== tm glossary suggest: alignment vs baseline, top 50 (table in Benchmarks/glossary/suggest-top50.md)"
python3 Benchmarks/glossary/suggest-eval.py .build/release/tm 50
