#!/usr/bin/env python3
"""One Markdown table per `saep compare` output: what docs/RESULTS.md prints for a comparison at equal budget.

    /usr/bin/python3 scripts/compare_table.py [--against CMP_DIR] CMP_DIR[+CMP_DIR...] [CMP_DIR ...]

Directories joined by '+' are comparisons of the same data with other seeds, summarised as one table. A
comparison that was interrupted (no comparison.json yet) contributes its finished runs (runs/*/report.json).

Reads CMP_DIR/comparison.json (its runs, so that every figure is recomputed the same way whatever version wrote
it) and prints, per method: test accuracy mean ± sample std over the runs, its difference to AdaNet's mean, mean
members and their ratio to AdaNet's, parameters, ECE, NLL, ECE (T), the steps all candidates of a run trained
(read from each run's report.json: the cost that early stopping leaves of the planned budget) and mean wall
seconds of a run. ECE (T) is the ECE of the ensemble as saved: after its temperature where the validation part
fitted one, as it is where it could not (such runs are counted in the last column), as `saep compare` summarises it
since the fix of that column.
Without an adanet method in the comparison the two columns against it use --against CMP_DIR's adanet runs (a
comparison of the baselines alone, with other options, set against the full one), or print "–".
"""
import json
import math
import os
import re
import statistics
import sys


def mean(values):
    return sum(values) / len(values)


def std(values):
    return statistics.stdev(values) if len(values) > 1 else 0.0


RUN_DIRECTORY = re.compile(r"^(.+)-(uniform|learned|single)-(seed|fold)[0-9]+$")


def finished_runs(path):
    """An interrupted comparison's finished runs (no comparison.json yet): each runs/NAME/report.json."""
    if not os.path.isdir(os.path.join(path, "runs")):
        sys.exit(f"{path}: neither comparison.json nor runs/ (not a saep compare output)")
    runs = []
    for entry in sorted(os.listdir(os.path.join(path, "runs"))):
        match = RUN_DIRECTORY.match(entry)
        report_path = os.path.join(path, "runs", entry, "report.json")
        if not match or not os.path.exists(report_path):
            continue
        with open(report_path) as f:
            report = json.load(f)
        final = report["final"]
        calibration = final.get("calibration", {})
        runs.append({"method": match.group(1), "directory": os.path.join("runs", entry),
                     "testAccuracy": final["testAccuracy"], "ensembleSize": final["ensembleSize"],
                     "parameters": final["parameters"], "ece": calibration.get("ece"),
                     "nll": calibration.get("nll"), "eceScaled": calibration.get("eceScaled"),
                     "totalSeconds": report["timing"]["totalSeconds"], "dataset": report["dataset"]["name"]})
    return runs


def rows(paths):
    """The runs of one or more comparisons of the same data (other seeds), by method, each with its directory."""
    by_method = {}
    name = None
    for path in paths:
        if os.path.exists(os.path.join(path, "comparison.json")):
            with open(os.path.join(path, "comparison.json")) as f:
                report = json.load(f)
            name, runs = report["dataset"]["name"], report["runs"]
        else:
            runs = finished_runs(path)
            name = runs[0]["dataset"] if runs else name
        for run in runs:
            by_method.setdefault(run["method"], []).append(dict(run, directory=os.path.join(path, run["directory"])))
    return name, by_method


def steps_trained(run):
    with open(os.path.join(run["directory"], "report.json")) as f:
        report = json.load(f)
    return sum(c["stepsRun"] for it in report["iterations"] for c in it["candidates"])


def number(value):
    return float("nan") if value is None else value


def table(path, against=None):
    name, by_method = rows(path.split("+"))
    base = by_method.get("adanet") or (rows(against.split("+"))[1].get("adanet") if against else None)
    base_acc = mean([r["testAccuracy"] for r in base]) if base else float("nan")
    base_size = mean([r["ensembleSize"] for r in base]) if base else float("nan")
    print(f"**{name}** ({path})\n")
    print("| method | test accuracy | Δ vs adanet | members | size vs adanet | parameters | ECE | NLL | ECE (T) "
          "| steps trained | s / run | runs without T |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for method, runs in by_method.items():
        acc = [r["testAccuracy"] for r in runs]
        size = mean([r["ensembleSize"] for r in runs])
        scaled = [number(r.get("eceScaled")) for r in runs]
        as_saved = [r["ece"] if math.isnan(s) else s for r, s in zip(runs, scaled)]
        missing = sum(1 for s in scaled if math.isnan(s))
        delta = "–" if math.isnan(base_acc) else f"{100 * (mean(acc) - base_acc):+.2f} pt"
        ratio = "–" if math.isnan(base_size) else f"{size / base_size:.2f}×"
        print(f"| {method} | {mean(acc):.4f} ± {std(acc):.4f} | {delta} "
              f"| {size:.2f} | {ratio} | {mean([r['parameters'] for r in runs]):,.0f} "
              f"| {mean([r['ece'] for r in runs]):.4f} | {mean([r['nll'] for r in runs]):.4f} "
              f"| {mean(as_saved):.4f} | {mean([steps_trained(r) for r in runs]):,.0f} "
              f"| {mean([r['totalSeconds'] for r in runs]):.1f} | {missing} of {len(runs)} |")
    print()


def main():
    args = sys.argv[1:]
    against = None
    if len(args) > 2 and args[0] == "--against":
        against, args = args[1], args[2:]
    if not args:
        sys.exit("usage: compare_table.py [--against CMP_DIR] CMP_DIR[+CMP_DIR...] [CMP_DIR ...]")
    for path in args:
        table(path, against)


if __name__ == "__main__":
    main()
