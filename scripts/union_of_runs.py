#!/usr/bin/env python3
"""The mean of two searches' ensembles on each fold, from two folders of scripts/public_tables.py with --folds.

For each table and fold that both folders ran (run-TABLE-fK-SEED/ensemble), `saep predict` scores the fold's test file
(its inner holdout TABLE-fK-val.csv with --inner, else TABLE-fK-test.csv) with each saved ensemble, and the script
averages the two ensembles' class probabilities row by row: what one model holding both runs' members at half their
weights would predict. It prints each table's accuracy of A, of B and of their mean over the folds, the mean over the
tables, and the paired difference mean - A (standard error over the tables). Used in docs/RESULTS.md to ask whether
the standardised and the piecewise-linear runs of the same bags do better together than either.

    /usr/bin/python3 scripts/union_of_runs.py A_DIR B_DIR --saep saep-cli/target/saep.jar [--inner] [--seed 1]
"""
import argparse
import concurrent.futures
import csv
import os
import re
import statistics
import subprocess


def predict(jar, model, data, out):
    if not os.path.exists(out):
        subprocess.run(["java", "--add-modules", "jdk.incubator.vector", "-jar", jar, "predict", "--model", model,
                        "--data", "csv:" + data, "--out", out], check=True, capture_output=True)
    with open(out) as f:
        return list(csv.DictReader(f))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--saep", required=True)
    parser.add_argument("--inner", action="store_true", help="score the inner holdouts (TABLE-fK-val.csv)")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    runs = {}
    for name in os.listdir(args.a):
        m = re.fullmatch(r"run-(.+)-f(\d+)-" + re.escape(args.seed), name)
        if m and os.path.isdir(os.path.join(args.b, name, "ensemble")):
            runs.setdefault(m.group(1), []).append(int(m.group(2)))
    part = "val" if args.inner else "test"
    jobs = []
    for table, folds in runs.items():
        for k in folds:
            data = os.path.join(args.a, f"{table}-f{k}-{part}.csv")
            for side in (args.a, args.b):
                model = os.path.join(side, f"run-{table}-f{k}-{args.seed}", "ensemble")
                out = os.path.join(side, f"predictions-{table}-f{k}-{args.seed}.csv")
                jobs.append((table, k, side, model, data, out))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        rows = dict(zip([(t, k, s) for t, k, s, *_ in jobs],
                        pool.map(lambda j: predict(args.saep, j[3], j[4], j[5]), jobs)))
    means = {}
    for table in sorted(runs):
        scores = {"a": [], "b": [], "mean": []}
        for k in sorted(runs[table]):
            a, b = rows[(table, k, args.a)], rows[(table, k, args.b)]
            classes = [c for c in a[0] if c.startswith("p_")]
            right = {"a": 0, "b": 0, "mean": 0}
            for ra, rb in zip(a, b):
                p = [float(ra[c]) + float(rb[c]) for c in classes]
                right["a"] += ra["predicted"] == ra["label"]
                right["b"] += rb["predicted"] == rb["label"]
                right["mean"] += classes[p.index(max(p))][2:] == ra["label"]
            for key in right:
                scores[key].append(right[key] / len(a))
        means[table] = {key: statistics.mean(v) for key, v in scores.items()}
        print(f"| {table} | {means[table]['a']:.4f} | {means[table]['b']:.4f} | {means[table]['mean']:.4f} |")
    tables = list(means)
    print("| **mean** | " + " | ".join(f"{statistics.mean(means[t][k] for t in tables):.4f}"
                                     for k in ("a", "b", "mean")) + " |")
    diffs = [100 * (means[t]["mean"] - means[t]["a"]) for t in tables]
    se = statistics.stdev(diffs) / len(diffs) ** 0.5 if len(diffs) > 1 else float("nan")
    print(f"mean of both - A: {statistics.mean(diffs):+.2f} points (standard error {se:.2f}; "
          f"{sum(d > 0 for d in diffs)} up, {sum(d < 0 for d in diffs)} down)")


if __name__ == "__main__":
    main()
