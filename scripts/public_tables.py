#!/usr/bin/env python3
"""Public tables as users have them: SAEP-J at its defaults against scikit-learn on the same 80/20 splits.

The tables (docs/RESULTS.md, "Public tables as they come") are the CSV files R's users write from R's own
`datasets` and three Debian R packages (scripts/public_tables.R), and two tables that Debian's python3-statsmodels
ships as it ships them (grunfeld: comma-separated with a firm-name column; anes96: tab-separated with '-quoted
headers). Text values, booleans and NA gaps stay as they come; so do an Id column (breast_cancer_wisconsin) and
R's row names (mtcars's unnamed first column of car names).

Each table is split 80/20 with a fixed seed (scikit-learn's train_test_split, random_state=0, stratified by the
label for classes). The split copies the file's lines byte for byte into TABLE-train.csv and TABLE-test.csv; rows
whose label is a gap go to the training file as they come (SAEP-J skips them with a count; the scikit-learn side
drops them, as its users must) and never to the test file.

On the same parts it fits what a scikit-learn user writes first: median imputation and one-hot encoding of text
columns (most-frequent imputation first), then logistic regression (numbers standardised) or ridge for a numeric
target, a random forest and histogram gradient boosting, all at their defaults (random_state=0); it prints test
accuracy, or RMSE for a numeric target. With --saep JAR it runs `saep search` on each table with the label column
as the only option (and --seed S for each of --seeds), and adds its test accuracy or RMSE, members and time.

    Rscript scripts/public_tables.R RAW_DIR
    /usr/bin/python3 scripts/public_tables.py RAW_DIR OUT_DIR [--saep saep-cli/target/saep.jar] [--seeds 1,2,3]

It writes OUT_DIR/results.json and prints one Markdown row per table.

With --folds K the single split gives way to K-fold cross-validation over each whole table (scikit-learn's
StratifiedKFold, or KFold for a numeric target, shuffled with random_state=0), so that a table's figure is a mean over
K test parts instead of one small one: fold k's lines are copied byte for byte into TABLE-fk-train.csv and
TABLE-fk-test.csv as above (unlabelled rows in every training file), and the three models and `saep search` run on
each. It prints per table the means over the folds (SAEP-J's with its std), the best model (the best mean) and
SAEP-J - best with the standard error of the paired per-fold differences, then the mean over the tables and the
worst; tables run smallest first, --jobs searches at once. The folds' test parts are test data: they measure
the defaults and must not choose them (--inner is for that: with --folds it splits each fold's training part
80/20 again, random_state=1, into TABLE-fk-fit.csv and TABLE-fk-val.csv, and every model and search runs on those,
a nested cross-validation that never reads the folds' test parts). --mlp adds scikit-learn's MLPClassifier (or
MLPRegressor) at its defaults on standardised inputs as a neural-network reference, outside the best of three;
--smooth adds two more smooth (not tree-based) references on standardised inputs, each tuned on the fold's training
part alone (GridSearchCV, 3 inner folds, random_state=1): an RBF support vector machine (C, gamma) and k nearest
neighbours (k, distance weights) -- what models that draw smooth boundaries reach where the trees win.

    OMP_NUM_THREADS=1 /usr/bin/python3 scripts/public_tables.py RAW_DIR OUT_DIR --folds 5 \
        --saep saep-cli/target/saep.jar --extra '--threads 1' --jobs 2
"""
import argparse
import concurrent.futures
import csv
import json
import math
import os
import shutil
import subprocess
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC, SVR

STATSMODELS = "/usr/lib/python3/dist-packages/statsmodels/datasets"

# name, file (in RAW_DIR unless absolute), label column, task, delimiter, quote character
TABLES = [
    ("iris", "iris.csv", "Species", "classification", ",", '"'),
    ("penguins", "penguins.csv", "species", "classification", ",", '"'),
    ("house_votes_84", "house_votes_84.csv", "Class", "classification", ",", '"'),
    ("breast_cancer_wisconsin", "breast_cancer_wisconsin.csv", "Class", "classification", ",", '"'),
    ("soybean", "soybean.csv", "Class", "classification", ",", '"'),
    ("pima_diabetes2", "pima_diabetes2.csv", "diabetes", "classification", ",", '"'),
    ("infert", "infert.csv", "case", "classification", ",", '"'),
    ("survey", "survey.csv", "Sex", "classification", ",", '"'),
    ("letters", "letters.csv", "lettr", "classification", ",", '"'),
    ("satellite", "satellite.csv", "classes", "classification", ",", '"'),
    ("vehicle", "vehicle.csv", "Class", "classification", ",", '"'),
    ("glass", "glass.csv", "Type", "classification", ",", '"'),
    ("sonar", "sonar.csv", "Class", "classification", ",", '"'),
    ("ionosphere", "ionosphere.csv", "Class", "classification", ",", '"'),
    ("anes96", STATSMODELS + "/anes96/anes96.csv", "vote", "classification", "\t", "'"),
    ("airquality", "airquality.csv", "Ozone", "regression", ",", '"'),
    ("warpbreaks", "warpbreaks.csv", "breaks", "regression", ",", '"'),
    ("co2_plants", "co2_plants.csv", "uptake", "regression", ",", '"'),
    ("mtcars", "mtcars.csv", "mpg", "regression", ",", '"'),
    ("grunfeld", STATSMODELS + "/grunfeld/grunfeld.csv", "invest", "regression", ",", '"'),
]
GAPS = ["", "NA"]


def read_lines(path, label, delimiter, quote):
    """The file's header, its non-blank lines (line endings kept), their labels, and which are labelled or not."""
    with open(path, newline="") as f:
        lines = f.read().splitlines(keepends=True)
    header, body = lines[0], [line for line in lines[1:] if line.strip()]
    names = next(csv.reader([header], delimiter=delimiter, quotechar=quote))
    at = names.index(label)
    labels = [next(csv.reader([line], delimiter=delimiter, quotechar=quote))[at].strip() for line in body]
    known = [i for i, v in enumerate(labels) if v not in GAPS]
    unlabelled = [i for i, v in enumerate(labels) if v in GAPS]
    return header, body, labels, known, unlabelled


def write_part(out, name, part, header, body, rows):
    """Copies the header and the lines of the rows given, in file order, byte for byte into NAME-PART.csv."""
    p = os.path.join(out, "%s-%s.csv" % (name, part))
    with open(p, "w", newline="") as f:
        f.write(header)
        f.writelines(body[i] for i in sorted(rows))
    return p


def split_files(path, label, task, delimiter, quote, out, name, parts=("train", "test"), seed=0):
    """Copies the file's lines into NAME-train.csv and NAME-test.csv (or the parts named); returns their paths."""
    header, body, labels, known, unlabelled = read_lines(path, label, delimiter, quote)
    strata = [labels[i] for i in known] if task == "classification" else None
    train, test = train_test_split(known, test_size=0.2, random_state=seed, stratify=strata)
    train = sorted(train + unlabelled)
    paths = [write_part(out, name, part, header, body, rows) for part, rows in zip(parts, (train, test))]
    return paths, len(body), len(unlabelled)


def fold_files(path, label, task, delimiter, quote, out, name, folds, seed=0):
    """K-fold cross-validation over the labelled rows (stratified by the label for classes, shuffled with the seed):
    for fold k (from 1) copies the lines into NAME-fK-train.csv and NAME-fK-test.csv as split_files does, the
    unlabelled rows into every training file. Returns the (train, test) paths of each fold, the rows, the unlabelled."""
    header, body, labels, known, unlabelled = read_lines(path, label, delimiter, quote)
    strata = [labels[i] for i in known]
    splitter = (StratifiedKFold if task == "classification" else KFold)(folds, shuffle=True, random_state=seed)
    parts = []
    for k, (train, test) in enumerate(splitter.split(known, strata), 1):
        fold = "%s-f%d" % (name, k)
        parts.append((write_part(out, fold, "train", header, body, [known[i] for i in train] + unlabelled),
                      write_part(out, fold, "test", header, body, [known[i] for i in test])))
    return parts, len(body), len(unlabelled)


def read(path, delimiter, quote):
    frame = pd.read_csv(path, sep=delimiter, quotechar=quote)
    frame.columns = [c.strip(quote) for c in frame.columns]
    return frame


def describe(frame, label):
    x = frame.drop(columns=[label])
    kinds = {"numeric": 0, "boolean": 0, "text": 0}
    for c in x.columns:
        kinds["boolean" if x[c].dtype == bool else "numeric" if pd.api.types.is_numeric_dtype(x[c]) else "text"] += 1
    return kinds, int(x.isna().sum().sum()), int(frame[label].isna().sum())


# The references printed after a row, outside the best of three: scaled inputs, like the linear model.
REFERENCES = ("mlp", "svm", "knn")


def baselines(train, test, label, task, mlp=False, smooth=False):
    train = train.dropna(subset=[label])
    x, y, xt, yt = train.drop(columns=[label]), train[label], test.drop(columns=[label]), test[label]
    text = [c for c in x.columns if not pd.api.types.is_numeric_dtype(x[c]) and x[c].dtype != bool]
    numbers = [c for c in x.columns if c not in text]

    def prep(scale):
        steps = [SimpleImputer(strategy="median")] + ([StandardScaler()] if scale else [])
        return ColumnTransformer([
            ("num", make_pipeline(*steps), numbers),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="ignore", sparse_output=False)), text),
        ])

    if task == "classification":
        y, yt = y.astype(str), yt.astype(str)
        models = {"linear": LogisticRegression(max_iter=1000), "forest": RandomForestClassifier(random_state=0),
                  "hgb": HistGradientBoostingClassifier(random_state=0)}
    else:
        models = {"linear": Ridge(), "forest": RandomForestRegressor(random_state=0),
                  "hgb": HistGradientBoostingRegressor(random_state=0)}
    if mlp:  # a reference network, not one of the three the target counts: scikit-learn's defaults, more epochs
        network = MLPClassifier if task == "classification" else MLPRegressor
        models["mlp"] = network(max_iter=2000, random_state=0)
    if smooth:  # references too: smooth boundaries, each tuned on this training part only
        classes = task == "classification"
        inner = (StratifiedKFold if classes else KFold)(3, shuffle=True, random_state=1)
        models["svm"] = GridSearchCV(SVC() if classes else SVR(),
                                     {"C": [0.3, 1, 3, 10, 30, 100, 300], "gamma": ["scale", 0.03, 0.1, 0.3, 1]},
                                     cv=inner)
        models["knn"] = GridSearchCV(KNeighborsClassifier() if classes else KNeighborsRegressor(),
                                     {"n_neighbors": [1, 3, 5, 7, 9], "weights": ["uniform", "distance"]}, cv=inner)
    scores = {}
    for key, model in models.items():
        fitted = make_pipeline(prep(key in REFERENCES or key == "linear"), model).fit(x, y)
        predicted = fitted.predict(xt)
        if task == "classification":
            scores[key] = float(np.mean(predicted == yt.to_numpy()))
        else:
            scores[key] = float(math.sqrt(np.mean((predicted - yt.to_numpy()) ** 2)))
    return scores


def saep(jar, train, test, label, seed, out, extra=()):
    shutil.rmtree(out, ignore_errors=True)
    command = ["java", "--add-modules", "jdk.incubator.vector", "-jar", jar, "search", "--data", "csv:" + train,
               "--test", "csv:" + test, "--label-column", label, "--out", out] + list(extra)
    if seed != 1:  # the default seed is 1: seed 1 runs the command exactly as a user types it
        command += ["--seed", str(seed)]
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True)
    seconds = time.time() - started
    first = run.stdout.splitlines()[0] if run.stdout else ""
    if run.returncode != 0:
        return {"seed": seed, "error": (run.stderr or run.stdout).strip().splitlines()[-1], "rc": run.returncode,
                "command": " ".join(command)}
    with open(os.path.join(out, "report.json")) as f:
        final = json.load(f)["final"]
    warnings = [w for w in run.stderr.splitlines() if w.strip() and "incubator" not in w]
    score = final["testAccuracy"] if final.get("testAccuracy") is not None else final["regression"]["rmse"]
    return {"seed": seed, "score": score, "members": final.get("ensembleSize"), "seconds": round(seconds, 1),
            "decided": first, "warnings": warnings, "regression": final.get("regression")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw")
    parser.add_argument("out")
    parser.add_argument("--saep", help="the CLI jar (saep-cli/target/saep.jar)")
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--only", help="comma-separated table names")
    parser.add_argument("--extra", default="", help="more options for saep search, e.g. '--space FILE' (for tuning)")
    parser.add_argument("--no-baselines", action="store_true", help="only SAEP-J (the sklearn columns print as 0)")
    parser.add_argument("--inner", action="store_true",
                        help="split each training part again 80/20 (random_state=1) and score on that inner part,"
                             " to tune defaults without looking at the test part; with --folds, each fold's"
                             " training part (nested cross-validation: the folds' test parts are never read)")
    parser.add_argument("--folds", type=int,
                        help="K-fold cross-validation over each whole table (random_state=0, stratified for classes)"
                             " instead of the single split: every model and SAEP-J on the same K folds, tables"
                             " smallest first; measures, never tunes (the folds' test parts are test data)")
    parser.add_argument("--mlp", action="store_true",
                        help="with --folds: also scikit-learn's MLPClassifier/MLPRegressor (standardised, max_iter"
                             " 2000), a neural-network reference printed after the row; not one of the three")
    parser.add_argument("--smooth", action="store_true",
                        help="with --folds: also an RBF SVM and k nearest neighbours, each tuned on the fold's"
                             " training part (3 inner folds), printed after the row; not among the three")
    parser.add_argument("--jobs", type=int, default=1, help="with --folds: SAEP-J searches run at once")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    if args.folds:
        cross_validate(args, [t for t in TABLES if not only or t[0] in only])
        return
    results = []
    for name, file, label, task, delimiter, quote in TABLES:
        if only and name not in only:
            continue
        path = file if os.path.isabs(file) else os.path.join(args.raw, file)
        (train, test), rows, unlabelled = split_files(path, label, task, delimiter, quote, args.out, name)
        if args.inner:  # the test part is left alone: the training part's own holdout scores the settings tried
            (train, test), _, _ = split_files(train, label, task, delimiter, quote, args.out, name, ("fit", "val"), 1)
        whole = read(path, delimiter, quote)
        kinds, gaps, label_gaps = describe(whole, label)
        entry = {"name": name, "task": task, "label": label, "rows": rows, "unlabelled": unlabelled,
                 "columns": kinds, "gaps": gaps, "labelGaps": label_gaps, "train": train, "test": test,
                 "classes": int(whole[label].nunique()) if task == "classification" else None,
                 "sklearn": {"linear": 0, "forest": 0, "hgb": 0} if args.no_baselines
                 else baselines(read(train, delimiter, quote), read(test, delimiter, quote), label, task)}
        if args.saep:
            entry["saep"] = [saep(args.saep, train, test, label, int(s), os.path.join(args.out, "run-%s-%s" % (name, s)),
                                  args.extra.split()) for s in args.seeds.split(",")]
        results.append(entry)
        print(row(entry), flush=True)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


def cross_validate(args, tables):
    """Runs every table on the same K folds; prints a Markdown row a table as each finishes and a summary, and
    rewrites OUT/results.json after each table, so the tables done so far are kept if the run is stopped."""
    path = {t[0]: t[1] if os.path.isabs(t[1]) else os.path.join(args.raw, t[1]) for t in tables}
    lines = {}
    for name, *_ in tables:
        with open(path[name], newline="") as f:
            lines[name] = sum(1 for line in f)
    seeds = [int(s) for s in args.seeds.split(",")]
    pool = concurrent.futures.ThreadPoolExecutor(max(1, args.jobs))
    planned = []
    for name, _, label, task, delimiter, quote in sorted(tables, key=lambda t: lines[t[0]]):
        folds, rows, unlabelled = fold_files(path[name], label, task, delimiter, quote, args.out, name, args.folds)
        if args.inner:  # nested: each fold's training part split again; its test part is left alone
            folds = [split_files(train, label, task, delimiter, quote, args.out, "%s-f%d" % (name, k), ("fit", "val"),
                                 1)[0] for k, (train, _) in enumerate(folds, 1)]
        runs = [[pool.submit(saep, args.saep, train, test, label, seed,
                             os.path.join(args.out, "run-%s-f%d-%s" % (name, k, seed)), args.extra.split())
                 for seed in seeds] for k, (train, test) in enumerate(folds, 1)] if args.saep else []
        planned.append((name, label, task, delimiter, quote, folds, rows, unlabelled, runs))
    results = []
    for name, label, task, delimiter, quote, folds, rows, unlabelled, runs in planned:
        entry = {"name": name, "task": task, "label": label, "rows": rows, "unlabelled": unlabelled,
                 "folds": []}
        for k, (train, test) in enumerate(folds):
            fold = {"train": train, "test": test,
                    "sklearn": {"linear": 0, "forest": 0, "hgb": 0} if args.no_baselines
                    else baselines(read(train, delimiter, quote), read(test, delimiter, quote), label, task,
                                             args.mlp, args.smooth)}
            if runs:
                fold["saep"] = [run.result() for run in runs[k]]
            entry["folds"].append(fold)
        entry["summary"] = fold_summary(entry)
        results.append(entry)
        print(fold_row(entry), flush=True)
        write_json(os.path.join(args.out, "results.json"), results)
    pool.shutdown()
    for task in ("classification", "regression"):
        line = folds_overall([e for e in results if e["task"] == task])
        if line:
            print(line)


def fold_summary(e):
    """Over the folds: SAEP-J's mean and std (its seeds averaged within a fold), each model's mean, the best model
    (the best mean), and SAEP-J − best with the standard error of the paired per-fold differences."""
    folds = e["folds"]
    sign = 1 if e["task"] == "classification" else -1  # accuracy: higher is better; RMSE: lower
    models = {key: [f["sklearn"][key] for f in folds] for key in ("linear", "forest", "hgb")}
    best = max(models, key=lambda key: sign * np.mean(models[key]))
    summary = {key: float(np.mean(v)) for key, v in models.items()}
    summary["best"] = best
    for key in REFERENCES:
        if key in folds[0]["sklearn"]:
            summary[key] = float(np.mean([f["sklearn"][key] for f in folds]))
    if any("saep" not in f or any("score" not in r for r in f["saep"]) for f in folds):
        summary["ours"] = None
        return summary
    ours = [float(np.mean([r["score"] for r in f["saep"]])) for f in folds]
    difference = np.subtract(ours, models[best])
    summary.update({"ours": float(np.mean(ours)), "oursStd": float(np.std(ours, ddof=1)), "perFold": ours,
                    "difference": float(np.mean(difference)),
                    "differenceSe": float(np.std(difference, ddof=1) / math.sqrt(len(folds)))})
    return summary


def fold_row(e):
    s = e["summary"]
    scale, fmt = (100, "%.4f") if e["task"] == "classification" else (1, "%.2f")
    ran = "saep" in e["folds"][0]
    ours = ("failed" if ran else "-") if s["ours"] is None else (fmt + " ± " + fmt) % (s["ours"], s["oursStd"])
    difference = "" if s["ours"] is None else "%+.1f ± %.1f" % (scale * s["difference"], scale * s["differenceSe"])
    references = "".join(" %s %s" % (key.upper(), fmt % s[key]) for key in REFERENCES if key in s)
    return "| %s | %d | %d | %s | %s | %s | %s | %s | %s |%s" % (
        e["name"], e["rows"], len(e["folds"]), ours, fmt % s["linear"], fmt % s["forest"], fmt % s["hgb"],
        fmt % s[s["best"]], difference, references)


def folds_overall(entries):
    done = [e for e in entries if e["summary"]["ours"] is not None]
    if not done:
        return None
    scale = 100 if done[0]["task"] == "classification" else 1
    sign = 1 if done[0]["task"] == "classification" else -1
    worst = min(done, key=lambda e: sign * e["summary"]["difference"])
    return "%s, %d tables: SAEP-J %.4f, best of scikit-learn %.4f, SAEP-J - best %+.2f (mean); worst %s %+.1f" % (
        done[0]["task"], len(done), np.mean([e["summary"]["ours"] for e in done]),
        np.mean([e["summary"][e["summary"]["best"]] for e in done]),
        scale * np.mean([e["summary"]["difference"] for e in done]), worst["name"],
        scale * worst["summary"]["difference"])


def write_json(path, value):
    """Writes through a temporary file and a rename, so a stopped run never leaves a half-written file."""
    with open(path + ".tmp", "w") as f:
        json.dump(value, f, indent=1)
    os.replace(path + ".tmp", path)


def row(e):
    s = e["sklearn"]
    fmt = "%.4f" if e["task"] == "classification" else "%.2f"
    runs = [r for r in e.get("saep", []) if "score" in r]
    ours = " / ".join(fmt % r["score"] for r in runs) or ("failed" if e.get("saep") else "-")
    mean = (fmt % (sum(r["score"] for r in runs) / len(runs))) if runs else "-"
    k = e["columns"]
    return "| %s | %d | %d num, %d bool, %d text | %d | %s (%s) | %s | %s | %s | %s | %s |" % (
        e["name"], e["rows"], k["numeric"], k["boolean"], k["text"], e["gaps"], e["label"],
        "%d classes" % e["classes"] if e["classes"] else "numeric", ours, mean,
        fmt % s["linear"], fmt % s["forest"], fmt % s["hgb"])


if __name__ == "__main__":
    main()
