#!/usr/bin/env python3
"""Writes scikit-learn's bundled tables as the plain CSV files users have: a header, the label column last.

The files come from Debian's python3-sklearn (sklearn/datasets/data/); scikit-learn itself is not imported, only
its CSV files are read, so unpacking the package (dpkg-deb -x) is enough:

    scripts/sklearn_tables.py /usr/lib/python3/dist-packages/sklearn/datasets/data OUT_DIR

Besides the tables as shipped it writes breast_cancer_gaps.csv: the same rows with 5% of the feature cells
replaced by NA, empty or ? (a fixed seed) and an Id column, to try the gap filling.
"""
import csv
import gzip
import os
import random
import sys


def rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        return list(csv.reader(f))


def write(path, header, body):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(body)
    print(path, len(body), "rows")


def classes(src, out, name, label="class"):
    data = rows(os.path.join(src, name + ".csv"))
    meta, body = data[0], data[1:]
    n_features = int(meta[1])
    names = meta[2:]
    header = ["f%d" % (i + 1) for i in range(n_features)] + [label]
    body = [r[:n_features] + [names[int(r[n_features])] if names else r[n_features]] for r in body if r]
    write(os.path.join(out, name + ".csv"), header, body)
    return header, body


def main(src, out):
    os.makedirs(out, exist_ok=True)
    classes(src, out, "iris", "species")
    classes(src, out, "wine_data", "cultivar")
    header, body = classes(src, out, "breast_cancer", "diagnosis")
    digits = rows(os.path.join(src, "digits.csv.gz"))
    write(os.path.join(out, "digits.csv"), ["p%d" % i for i in range(64)] + ["digit"],
          [[v.split(".")[0] for v in r] for r in digits if r])
    boston = rows(os.path.join(src, "boston_house_prices.csv"))
    write(os.path.join(out, "boston.csv"), boston[1], boston[2:])
    x = rows(os.path.join(src, "diabetes_data_raw.csv.gz"))
    y = rows(os.path.join(src, "diabetes_target.csv.gz"))
    write(os.path.join(out, "diabetes.csv"), ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "progression"],
          [r[0].split() + [t[0]] for r, t in zip(x, y)])
    rng = random.Random(1)
    gaps = []
    for i, r in enumerate(body):
        cells = [rng.choice(["NA", "", "?"]) if rng.random() < 0.05 else c for c in r[:-1]]
        gaps.append([str(i + 1)] + cells + [r[-1]])
    write(os.path.join(out, "breast_cancer_gaps.csv"), ["Id"] + header, gaps)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
