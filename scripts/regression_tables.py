#!/usr/bin/env python3
"""Reference RMSEs for docs/RESULTS.md's statsmodels regression tables.

Two real tables that Debian's python3-statsmodels bundles as CSV (no download):

- ``fair``: 6,366 women surveyed by Redbook in 1974 (Fair, "A theory of extramarital affairs", 1978); the target
  ``affairs`` is the time spent in extramarital affairs, from 8 features (marriage rating, age, years married,
  children, religiousness, education, occupation, husband's occupation).
- ``randhie``: 20,190 person-years of the RAND Health Insurance Experiment; the target ``mdvis`` is the number of
  outpatient visits to a doctor, from 9 features (coinsurance, deductible, income, health and disease measures).

Each is split 80/20 with a fixed seed (NumPy RandomState(0), as regression_reference.py splits diabetes); the two
parts are written as CSV for SAEP-J (scripts/RegressionRun.java reads them), and the test RMSE and R² of
scikit-learn's ridge, random forest and histogram gradient boosting fitted on the same training part, and of
predicting the training mean, are printed.

    /usr/bin/python3 scripts/regression_tables.py OUT_DIR   (Debian's python3-sklearn and python3-statsmodels)
"""
import csv
import os
import sys

import numpy as np
import statsmodels.api as sm
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge

TABLES = {"fair": sm.datasets.fair, "randhie": sm.datasets.randhie}


def write(path, x, y, names):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(list(names) + ["target"])
        for row, t in zip(x, y):
            w.writerow([repr(float(v)) for v in row] + [repr(float(t))])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "regression-data"
    os.makedirs(out, exist_ok=True)
    for name, module in TABLES.items():
        data = module.load_pandas()
        x = data.exog.to_numpy(dtype=float)
        y = data.endog.to_numpy(dtype=float)
        order = np.random.RandomState(0).permutation(len(y))
        test = order[: len(y) // 5]
        train = order[len(y) // 5:]
        write(os.path.join(out, name + "-train.csv"), x[train], y[train], data.exog.columns)
        write(os.path.join(out, name + "-test.csv"), x[test], y[test], data.exog.columns)
        models = {
            "mean of the training targets": None,
            "ridge (alpha 1)": Ridge(alpha=1.0),
            "random forest (100 trees)": RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=1),
            "HistGradientBoosting": HistGradientBoostingRegressor(random_state=0),
        }
        variance = float(np.mean((y[test] - y[test].mean()) ** 2))
        for label, model in models.items():
            if model is None:
                p = np.full(len(test), y[train].mean())
            else:
                p = model.fit(x[train], y[train]).predict(x[test])
            mse = float(np.mean((p - y[test]) ** 2))
            print(f"{name}\t{label}\tRMSE {np.sqrt(mse):.4f}\tR2 {1 - mse / variance:.4f}"
                  f"\ttrain {len(train)}\ttest {len(test)}")


if __name__ == "__main__":
    main()
