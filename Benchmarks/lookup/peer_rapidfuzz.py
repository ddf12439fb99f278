#!/usr/bin/env python3
"""The rapidfuzz peer: brute-force top-5 with the same word-level distance as `tm lookup`.

Each distinct word key (as written by LookupBench: lower-cased, numbers and months as one key)
becomes one character, then `process.extract` with `Levenshtein.normalized_similarity`
(1 - d / max(m, n)), score_cutoff 0.5, limit 5 scans every unit. Compares each query's top-5
(unit, score) with `tm`'s distance-only top-5 (swift-top5.txt).

usage: peer_rapidfuzz.py OUT_DIR   (prints JSON)
"""
import json
import sys
import time

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein


def main():
    out = sys.argv[1]
    alphabet = {}

    def encode(line):
        chars = []
        for key in line.split():
            code = alphabet.get(key)
            if code is None:
                code = len(alphabet) + 0x100
                if code >= 0xD800:
                    code += 0x800  # skip the surrogates
                alphabet[key] = code
            chars.append(chr(code))
        return "".join(chars)

    with open(f"{out}/keys.txt", encoding="utf-8") as handle:
        choices = [encode(line) for line in handle.read().split("\n")[:-1]]
    with open(f"{out}/query-keys.txt", encoding="utf-8") as handle:
        queries = [encode(line) for line in handle.read().split("\n")[:-1]]
    with open(f"{out}/swift-top5.txt", encoding="utf-8") as handle:
        swift = [line.split() for line in handle.read().split("\n")[:-1]]
    latencies = []
    identical = 0
    differing = []
    for number, query in enumerate(queries):
        start = time.perf_counter()
        found = process.extract(query, choices, scorer=Levenshtein.normalized_similarity, limit=5, score_cutoff=0.5)
        latencies.append((time.perf_counter() - start) * 1e6)
        theirs = [(index, score) for _, score, index in found]
        ours = []
        for item in swift[number]:
            unit, distance, longest = (int(part) for part in item.split(":"))
            ours.append((unit, 1 - distance / longest))
        if theirs == ours:
            identical += 1
        elif len(differing) < 5:
            differing.append({"query": number, "rapidfuzz": theirs, "tm": ours})
    latencies.sort()
    print(json.dumps({
        "units": len(choices),
        "queries": len(queries),
        "identical_top5": identical,
        "differing_examples": differing,
        "p50_us": latencies[len(latencies) // 2],
        "p99_us": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
    }, indent=2))


if __name__ == "__main__":
    main()
