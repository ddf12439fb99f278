#!/usr/bin/env python3
"""Fits the confidence model of `AlignmentCalibration` (Sources/TranslationMemory/Alignment/
AlignmentEvidence.swift) to per-pair features written by `calibrate.py --features`.

  fit_calibration.py FEATURES.jsonl [MORE.jsonl ...]

Three logistic models, ridge-penalised Newton iterations, no dependencies:
  pair  (1-1 with evidence > 0): log(1 + evidence), unmatched edge, length score, margin to the best
        competitor, how many of the two beads beside it are sentences left out;
  merge (2-1, 1-2, ... with evidence > 0): the same without the margin (a merge's weakest sentence
        is not a feature: `mergeSplitMargin` splits the merges it would weigh against);
  skip  (1-0 / 0-1): the best evidence the sentence reaches with a sentence nearby.
A pair with evidence <= 0 is not fitted: its confidence is sigmoid(evidence). Prints the
coefficients to paste into the Swift source (divide the /10 features' weights by 10).
"""
import json, math, sys

FEATURES = {
    "pair": lambda r: [1.0, math.log1p(r["evidence"]), r["unmatchedEdge"] / 10, r["lengthScore"],
                       min(0, r["evidence"] - r["competingEvidence"]) / 10, r["adjacentOmissions"]],
    "merge": lambda r: [1.0, math.log1p(r["evidence"]), r["unmatchedEdge"] / 10, r["lengthScore"],
                        r["adjacentOmissions"]],
    "skip": lambda r: [1.0, math.log1p(max(0, r["competingEvidence"])), min(0, r["competingEvidence"]) / 10],
}


def group(r):
    if r["kind"] in ("1-0", "0-1"):
        return "skip"
    if r["evidence"] <= 0:
        return None
    return "pair" if r["kind"] == "1-1" else "merge"


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[k]] for k, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[k][n] / m[k][k] if m[k][k] else 0.0 for k in range(n)]


def fit(rows, make, ridge=0.1, steps=30):
    """Logistic regression by Newton's method (IRLS) with a ridge penalty on the slopes."""
    xs = [make(r) for r in rows]
    ys = [1.0 if r["right"] else 0.0 for r in rows]
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(steps):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, ys):
            z = max(-30, min(30, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for i in range(d):
                grad[i] += (y - p) * x[i]
                for j in range(d):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, d):
            grad[i] -= ridge * w[i]
            hess[i][i] += ridge
        step = solve(hess, grad)
        w = [a + b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-6:
            break
    return w


def main():
    rows = []
    for path in sys.argv[1:]:
        with open(path) as f:
            rows += [json.loads(line) for line in f if line.strip()]
    for name, make in FEATURES.items():
        part = [r for r in rows if group(r) == name]
        if not part:
            continue
        wrong = sum(1 for r in part if not r["right"])
        w = fit(part, make)
        print(f"{name}: {len(part)} pairs, {wrong} wrong, coefficients {[round(v, 3) for v in w]}")
    negative = [r for r in rows if r["kind"] not in ("1-0", "0-1") and r["evidence"] <= 0]
    print(f"evidence <= 0: {len(negative)} pairs, {sum(1 for r in negative if not r['right'])} wrong (confidence sigmoid(evidence))")


if __name__ == "__main__":
    main()
