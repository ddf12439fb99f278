#!/usr/bin/env python3
"""The Weblate/amaGama way of finding translation-memory matches, on the team server's own
PostgreSQL database: pg_trgm's `%` operator with a GIN trigram index picks candidates, which are
rescored in application code with a word-level score and the best N kept.

  trigram.py DSN QUERIES --table T --source COL --target COL [--clients 1,8] [--seconds 20]
             [--top-out FILE] [--candidates 50] [--threshold 0.3] [--setup]

--setup creates the extension and the GIN index (timed). For each client count, every client
runs queries in turn for --seconds and the latencies (one query: candidates + rescoring) give
p50/p99 and throughput. --top-out writes, per query (first pass, one client), the top 5 as JSON
lines for comparison with the exact index.

The rescoring: 100 × (1 − d / max(m, n)) over lower-cased words (d: word edit distance), tm's
fuzzy formula without its placeable, case and punctuation points.
"""
import argparse, json, re, statistics, sys, threading, time
import psycopg2

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def score(query, candidate):
    a, b = words(query), words(candidate)
    longest = max(len(a), len(b))
    return 100.0 * (1 - distance(a, b) / longest) if longest else 0.0


def lookup(cursor, sql, query, candidates, n, database=None):
    started = time.perf_counter()
    cursor.execute(sql, (query, query, candidates))
    rows = cursor.fetchall()
    if database is not None:
        database.append(time.perf_counter() - started)
    scored = sorted(((score(query, source), source, target) for source, target in rows), key=lambda r: (-r[0], r[1]))
    return scored[:n]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dsn")
    ap.add_argument("queries")
    ap.add_argument("--table", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--clients", default="1,8")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--candidates", type=int, default=50)
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--top-out")
    ap.add_argument("--setup", action="store_true")
    args = ap.parse_args()
    queries = [l.strip() for l in open(args.queries, encoding="utf-8") if l.strip()]
    # `%%` is pg_trgm's `%` (similar to) once psycopg2 has put the parameters in.
    sql = (f"SELECT {args.source}, {args.target} FROM {args.table} WHERE {args.source} %% %s "
           f"ORDER BY similarity({args.source}, %s) DESC LIMIT %s")
    connection = psycopg2.connect(args.dsn)
    connection.autocommit = True
    with connection.cursor() as cursor:
        if args.setup:
            started = time.perf_counter()
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(f"CREATE INDEX IF NOT EXISTS bench_trgm ON {args.table} USING gin ({args.source} gin_trgm_ops)")
            cursor.execute(f"ANALYZE {args.table}")
            print(json.dumps({"trigram_index_seconds": round(time.perf_counter() - started, 1)}), flush=True)
        if args.top_out:
            cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, false)", (str(args.threshold),))
            firsts, database = [], []
            with open(args.top_out, "w", encoding="utf-8") as out:
                for query in queries:
                    started = time.perf_counter()
                    top = lookup(cursor, sql, query, args.candidates, 5, database)
                    firsts.append(time.perf_counter() - started)
                    out.write(json.dumps({"query": query, "top": [[round(s, 2), src] for s, src, _ in top]}, ensure_ascii=False) + "\n")
            firsts.sort()
            database.sort()
            print(json.dumps({"pass": "first, 1 client", "queries": len(firsts),
                              "database_p50_ms": round(1000 * database[len(database) // 2], 2),
                              "p50_ms": round(1000 * firsts[len(firsts) // 2], 2),
                              "p99_ms": round(1000 * firsts[min(len(firsts) - 1, int(len(firsts) * 0.99))], 2)}), flush=True)
    connection.close()

    for clients in [int(c) for c in args.clients.split(",")]:
        latencies, lock = [], threading.Lock()
        deadline = time.perf_counter() + args.seconds

        def client(k):
            own = psycopg2.connect(args.dsn)
            own.autocommit = True
            mine = []
            with own.cursor() as cursor:
                cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, false)", (str(args.threshold),))
                index = k * 97
                while time.perf_counter() < deadline:
                    query = queries[index % len(queries)]
                    index += 1
                    started = time.perf_counter()
                    lookup(cursor, sql, query, args.candidates, 5)
                    mine.append(time.perf_counter() - started)
            own.close()
            with lock:
                latencies.extend(mine)

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads: t.start()
        for t in threads: t.join()
        elapsed = time.perf_counter() - started
        latencies.sort()
        print(json.dumps({"clients": clients, "requests": len(latencies), "per_second": round(len(latencies) / elapsed, 1),
                          "p50_ms": round(1000 * latencies[len(latencies) // 2], 2) if latencies else None,
                          "p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 2) if latencies else None}),
              flush=True)


if __name__ == "__main__":
    main()
