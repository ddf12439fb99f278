#!/usr/bin/env bash
# Bounded libFuzzer campaign on the TMX reader (issue 11): builds Benchmarks/fuzz with
# -sanitize=fuzzer,address, fuzzes from the project's seeds for SECONDS (default 600), then
# prints executions, crashes, hangs and OOMs, each crashing input replayed to name its finding.
#
#   Benchmarks/fuzz/run.sh [SECONDS]          # findings in Benchmarks/fuzz/findings/ (git-ignored)
#   TM_FUZZ_OUT=/tmp/f Benchmarks/fuzz/run.sh 60
#
# -fork=1 with -ignore_crashes/-ignore_timeouts/-ignore_ooms keeps fuzzing past a finding, so one
# known defect does not end the campaign; every crashing, hanging (over 10 s) or over-2-GB input
# is kept as crash-*, timeout-*, oom-* under findings/artifacts/.
set -euo pipefail
seconds=${1:-600}
here=$(cd "$(dirname "$0")" && pwd)
out=${TM_FUZZ_OUT:-$here/findings}
binary=$here/.build/release/TMXReaderFuzz

swift build -c release -Xswiftc -sanitize=fuzzer,address --package-path "$here" >&2

rm -rf "$out"
mkdir -p "$out/corpus" "$out/artifacts"
# The harness writes each input to a file; keep those files in memory and remove them afterwards.
scratch=$(mktemp -d /dev/shm/tm-fuzz-run.XXXXXX 2>/dev/null || mktemp -d)
sampler=""
cleanup() {
    [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# The machine's load, sampled every 15 s: the run shares its cores with whatever else runs.
( while :; do cut -d' ' -f1 /proc/loadavg >> "$out/load.txt"; sleep 15; done ) &
sampler=$!

export SWIFT_BACKTRACE=enable=no   # Swift's backtracer trips ASan and can stall a crashing child
export TM_FUZZ_SCRATCH=$scratch
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$binary" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -dict="$here/tmx.dict" -artifact_prefix="$out/artifacts/" \
    "$out/corpus" "$here/seeds" 2> "$out/fuzz.log" || true
kill "$sampler" 2>/dev/null || true
sampler=""

# The last stats line of -fork: "#N: cov: C ft: F corp: K exec/s: E oom/timeout/crash: O/T/C time: Ts ..."
stats=$(grep -E '^#[0-9]+: cov:' "$out/fuzz.log" | tail -n 1)
executions=$(sed -E 's/^#([0-9]+):.*/\1/' <<< "$stats")
elapsed=$(sed -E 's/.* time: ([0-9]+)s.*/\1/' <<< "$stats")
coverage=$(sed -E 's/.* cov: ([0-9]+) .*/\1/' <<< "$stats")
count() { find "$out/artifacts" -name "$1-*" | wc -l; }
crashes=$(count crash); hangs=$(count timeout); ooms=$(count oom)
corpus=$(find "$out/corpus" -type f | wc -l)
load=$(sort -n "$out/load.txt" | awk '{ v[NR] = $1; s += $1 } END { if (NR) printf "mean %.1f, min %s, max %s (%d samples)", s / NR, v[1], v[NR], NR }')

echo "started:         $started"
echo "command:         Benchmarks/fuzz/run.sh $seconds"
echo "fuzzed for:      ${elapsed} s (limit ${seconds} s)"
echo "executions:      $executions"
echo "exec/s:          $(( executions / (elapsed > 0 ? elapsed : 1) ))"
echo "coverage:        $coverage edges"
echo "corpus:          $corpus inputs (from $(find "$here/seeds" -type f | wc -l) seeds)"
echo "crashes:         $crashes"
echo "hangs (> 10 s):  $hangs"
echo "OOMs (> 2 GB):   $ooms"
echo "load average:    $load"
echo "artifacts:       $out/artifacts"

# Replays every artifact and names what it hit: the harness's own message, or ASan's summary.
if [ "$crashes" -gt 0 ] || [ "$ooms" -gt 0 ]; then
    echo "findings (replayed):"
    for artifact in "$out"/artifacts/crash-* "$out"/artifacts/oom-*; do
        [ -e "$artifact" ] || continue
        finding=$( (timeout 60 "$binary" -rss_limit_mb=2048 "$artifact" 2>&1 || true) \
            | grep -m 1 -E 'Fatal error: |SUMMARY: (AddressSanitizer|libFuzzer)' \
            | sed -E 's/.*Fatal error: ([^:]*):.*/\1/; s/.*SUMMARY: //' || true)
        echo "${finding:-not reproduced}"
    done | sort | uniq -c | sed 's/^/  /'
fi
