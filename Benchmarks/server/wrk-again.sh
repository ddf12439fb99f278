#!/usr/bin/env bash
# The HTTP part of run.sh again, on the database and --cache folder a finished run left:
#   Benchmarks/server/wrk-again.sh [SCRATCH] [SECONDS]
# Starts that run's PostgreSQL again, starts `tm serve --cache SCRATCH/cache` (start-up timed:
# the cache's index is taken up), and runs wrk at 1, 8 and 32 connections for SECONDS each over
# the same queries. For measuring again when the machine is quieter, without loading 1M units
# again. The release build in use is the current one (say which commit).
set -euo pipefail
SCRATCH=${1:-/tmp/tm-server-bench}
SECONDS_EACH=${2:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TM="$ROOT/.build/release/tm"
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -d "$SCRATCH/pg/data" ] && [ -d "$SCRATCH/cache" ] || { echo "$SCRATCH holds no finished run.sh run" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
load() { cut -d' ' -f1 /proc/loadavg; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$PG/pg_ctl" -D "$SCRATCH/pg/data" -l "$SCRATCH/pg/log" -o "-p $PORT -k $SCRATCH/pg -c listen_addresses=127.0.0.1" -w start >/dev/null
trap 'kill $SERVER 2>/dev/null || true; as_pg "$PG/pg_ctl" -D "$SCRATCH/pg/data" -m fast stop >/dev/null 2>&1 || true' EXIT
DB="postgres://postgres@127.0.0.1:$PORT/bench"
TOKEN=$("$TM" serve token create "again-$(date +%s%N)" --role reader --database "$DB" 2>/dev/null | tail -1)

: > "$SCRATCH/serve-again.log"
STARTED=$(date +%s.%N)
"$TM" serve --database "$DB" --listen 127.0.0.1:0 --cache "$SCRATCH/cache" 2>"$SCRATCH/serve-again.log" &
SERVER=$!
until grep -q "listening on" "$SCRATCH/serve-again.log"; do sleep 0.05; done
URL=$(grep -o 'http://[0-9.:]*' "$SCRATCH/serve-again.log" | head -1)
until curl -sf -H "Authorization: Bearer $TOKEN" "$URL/v1/lookup?q=harga" >/dev/null; do sleep 0.05; done
STARTUP=$(python3 -c "print(round($(date +%s.%N) - $STARTED, 2))")
# RssAnon is the server's own memory; RssFile the pages of the mapped index, the mirror's TMX and
# the binary it has touched (the kernel's page cache, shared and given back under pressure).
memory() { awk '/^VmHWM/ {h=$2} /^VmRSS/ {r=$2} /^RssAnon/ {a=$2} /^RssFile/ {f=$2} END {printf "\"peak_rss_mb\": %d, \"rss_mb\": %d, \"rss_anon_mb\": %d, \"rss_file_mb\": %d", h/1024, r/1024, a/1024, f/1024}' /proc/$SERVER/status; }
echo "{\"server_start\": \"$(grep 'units indexed' "$SCRATCH/serve-again.log" | sed 's/"//g')\", \"seconds\": $STARTUP, $(memory), \"load_average\": $(load)}"
for C in 1 8 32; do
    T=$(( C < 2 ? C : 2 ))
    RESULT=$(QUERIES="$SCRATCH/data/queries.txt" TOKEN="$TOKEN" wrk -t "$T" -c "$C" -d "${SECONDS_EACH}s" --latency -s "$HERE/wrk-lookup.lua" "$URL" | tail -1)
    echo "{\"http_clients\": $C, \"wrk\": $RESULT, \"load_average\": $(load)}"
done
echo "{\"server_after_wrk\": true, $(memory)}"
