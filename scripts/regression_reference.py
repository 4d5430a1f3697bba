#!/usr/bin/env python3
"""Reference RMSEs for docs/RESULTS.md's regression table.

Splits scikit-learn's bundled diabetes table (442 rows, 10 features; no download) 80/20 with a fixed seed, writes
the two parts as CSV files for SAEP-J (scripts/RegressionRun.java reads them), and prints the test RMSE of
scikit-learn's ridge, random forest and histogram gradient boosting fitted on the same training part, and of
predicting the training mean.

    /usr/bin/python3 scripts/regression_reference.py OUT_DIR   (Debian's python3-sklearn)
"""
import csv
import os
import sys

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge


def write(path, x, y, names):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(list(names) + ["target"])
        for row, t in zip(x, y):
            w.writerow([repr(float(v)) for v in row] + [repr(float(t))])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "regression-data"
    os.makedirs(out, exist_ok=True)
    data = load_diabetes()
    x, y = data.data, data.target
    order = np.random.RandomState(0).permutation(len(y))
    test = order[: len(y) // 5]
    train = order[len(y) // 5:]
    write(os.path.join(out, "diabetes-train.csv"), x[train], y[train], data.feature_names)
    write(os.path.join(out, "diabetes-test.csv"), x[test], y[test], data.feature_names)
    models = {
        "mean of the training targets": None,
        "ridge (alpha 1)": Ridge(alpha=1.0),
        "random forest (100 trees)": RandomForestRegressor(n_estimators=100, random_state=0),
        "HistGradientBoosting": HistGradientBoostingRegressor(random_state=0),
    }
    for name, model in models.items():
        if model is None:
            p = np.full(len(test), y[train].mean())
        else:
            p = model.fit(x[train], y[train]).predict(x[test])
        rmse = float(np.sqrt(np.mean((p - y[test]) ** 2)))
        print(f"diabetes\t{name}\tRMSE {rmse:.2f}")


if __name__ == "__main__":
    main()
