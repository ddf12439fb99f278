#!/usr/bin/env bash
# The team server against the trigram way (issue 17), in one run on one database:
#   Benchmarks/server/run.sh UNITS [SCRATCH] [SECONDS]
# 1. generates UNITS units and 1,000 queries as Benchmarks/lookup/gen.py does (TICO-19 based);
# 2. starts a throwaway PostgreSQL (as `nobody` when run as root), creates a token, starts
#    `tm serve` (release build), and loads the units with `tm push` (timed);
# 3. restarts the server and times its start-up (until it answers a lookup) and its memory;
# 4. wrk at 1, 8 and 32 connections over the queries for SECONDS each (p50/p99, requests/s);
# 5. the Weblate/amaGama way on the same database (trigram.py: pg_trgm `%` with a GIN index,
#    rescored with a word-level score): first pass p50/p99, then 1 and 8 clients;
# 6. top-5 agreement: the server's answers against `tm lookup` on the same units pulled into a
#    folder (the exact index), and the trigram way's against the server's.
# Needs: wrk, Debian's postgresql, psycopg2 (pip), a release build (swift build -c release).
set -euo pipefail
UNITS=${1:-100000}
SCRATCH=${2:-/tmp/tm-server-bench}
SECONDS_EACH=${3:-15}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TM="$ROOT/.build/release/tm"
CORPUS=${CORPUS:-$ROOT/../shared/corpora/tico19-en-id}
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$TM" ] || { echo "build first: swift build -c release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk (apt install wrk)" >&2; exit 1; }

rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
python3 "$ROOT/Benchmarks/lookup/gen.py" "$CORPUS" "$SCRATCH/data" --units "$UNITS" --files 8 --queries 1000 >/dev/null
QUERIES="$SCRATCH/data/queries.txt"

mkdir -p "$SCRATCH/pg"; [ "$(id -u)" = 0 ] && chown nobody:nogroup "$SCRATCH/pg"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$PG/initdb" -D "$SCRATCH/pg/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C >/dev/null
as_pg "$PG/pg_ctl" -D "$SCRATCH/pg/data" -l "$SCRATCH/pg/log" -o "-p $PORT -k $SCRATCH/pg -c listen_addresses=127.0.0.1" -w start >/dev/null
trap 'kill $SERVER 2>/dev/null || true; as_pg "$PG/pg_ctl" -D "$SCRATCH/pg/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
"$PG/createdb" -h 127.0.0.1 -p "$PORT" -U postgres bench
DB="postgres://postgres@127.0.0.1:$PORT/bench"
TOKEN=$("$TM" serve token create bench --role admin --database "$DB" | tail -1)
export TM_TOKEN=$TOKEN

start_server() {
    : > "$SCRATCH/serve.log"
    local started=$(date +%s.%N)
    "$TM" serve --database "$DB" --listen 127.0.0.1:0 --max-body 512MB 2>"$SCRATCH/serve.log" &
    SERVER=$!
    until grep -q "listening on" "$SCRATCH/serve.log"; do sleep 0.05; done
    URL=$(grep -o 'http://[0-9.:]*' "$SCRATCH/serve.log" | head -1)
    until curl -sf -H "Authorization: Bearer $TOKEN" "$URL/v1/lookup?q=harga" >/dev/null; do sleep 0.05; done
    STARTUP=$(python3 -c "print(round($(date +%s.%N) - $started, 2))")
}

start_server
LOAD_START=$(date +%s.%N)
"$TM" push --server "$URL" --tm "$SCRATCH/data/memory" --json > "$SCRATCH/push.json"
LOAD_SECONDS=$(python3 -c "print(round($(date +%s.%N) - $LOAD_START, 1))")
echo "{\"units\": $UNITS, \"load_with_tm_push_seconds\": $LOAD_SECONDS, \"added\": $(python3 -c "import json;print(json.load(open('$SCRATCH/push.json'))['added'])")}"
kill $SERVER; wait $SERVER 2>/dev/null || true

start_server
RSS=$(ps -o rss= -p $SERVER | tr -d ' ')
echo "{\"server_start_seconds\": $STARTUP, \"server_rss_mb_after_start\": $((RSS / 1024))}"

for C in 1 8 32; do
    T=$(( C < 2 ? C : 2 ))
    printf '{"http_clients": %d, "wrk": ' "$C"
    QUERIES="$QUERIES" TOKEN="$TOKEN" wrk -t "$T" -c "$C" -d "${SECONDS_EACH}s" --latency -s "$HERE/wrk-lookup.lua" "$URL" | tail -1
    echo "}"
done
RSS=$(ps -o rss= -p $SERVER | tr -d ' ')
echo "{\"server_rss_mb_after_load\": $((RSS / 1024))}"

# Top 5 of the server, of the exact index on a folder of the same units, of the trigram way.
python3 - "$URL" "$TOKEN" "$QUERIES" "$SCRATCH/server-top.jsonl" <<'PY'
import json, sys, urllib.parse, urllib.request
url, token, queries, out = sys.argv[1:5]
with open(out, "w") as f:
    for q in [l.strip() for l in open(queries, encoding="utf-8") if l.strip()][:200]:
        r = urllib.request.Request(url + "/v1/lookup?n=5&min=50&q=" + urllib.parse.quote(q), headers={"Authorization": "Bearer " + token})
        report = json.load(urllib.request.urlopen(r))
        f.write(json.dumps({"query": q, "top": [[m["score"], m["source"]] for m in report["matches"]]}, ensure_ascii=False) + "\n")
PY
# The exact index over the server's own units (pulled into a folder: the generated files repeat
# some units, which the server stores once).
"$TM" pull --server "$URL" --tm "$SCRATCH/pulled" >/dev/null
head -200 "$QUERIES" | while IFS= read -r q; do
    "$TM" lookup --tm "$SCRATCH/pulled" -n 5 --min 50 --json -- "$q" | python3 -c "
import json,sys; r=json.load(sys.stdin); print(json.dumps({'query': r['query'], 'top': [[m['score'], m['source']] for m in r['matches']]}, ensure_ascii=False))"
done > "$SCRATCH/folder-top.jsonl"

python3 "$HERE/trigram.py" "$DB" "$QUERIES" --table units --source source --target target --setup \
    --top-out "$SCRATCH/trigram-top.jsonl" --clients 1,8 --seconds "$SECONDS_EACH"

python3 - "$SCRATCH" <<'PY'
import json, sys
d = sys.argv[1]
load = lambda name: [json.loads(l) for l in open(f"{d}/{name}", encoding="utf-8")]
server, folder, trigram = load("server-top.jsonl"), load("folder-top.jsonl"), load("trigram-top.jsonl")[:200]
same = sum(a["top"] == b["top"] for a, b in zip(server, folder))
sources = lambda r: [s for _, s in r["top"]]
tri_same = sum(sources(a) == sources(b) for a, b in zip(trigram, server))
tri_set = sum(set(sources(a)) == set(sources(b)) for a, b in zip(trigram, server))
print(json.dumps({"queries_compared": len(server), "server_top5_identical_to_exact_index": same,
                  "trigram_top5_identical_to_exact_index_in_order": tri_same, "trigram_top5_same_set": tri_set}))
PY
