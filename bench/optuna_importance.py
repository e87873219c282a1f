"""Optuna's get_param_importances on trial sets written by bench/importance.ts (npm run bench:importance).

Reads a JSON file: {"space": [{"name", "kind": "log"|"float"|"int"|"cat", "low", "high", "choices"}],
"sets": [{"id", "trials": [{"params": {...}, "value": float}]}]}. For each set it builds a finished study with
optuna.trial.create_trial and prints, as JSON on stdout, the importances of each evaluator this Optuna has:
fANOVA (seeds 0 and 1, to show how much a seed moves it) and, from Optuna 4.x on, PED-ANOVA (the default of
get_param_importances in Optuna 5), with the seconds each call took.
"""

import json
import sys
import time

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator, get_param_importances

optuna.logging.set_verbosity(optuna.logging.ERROR)


def distribution(p):
    if p["kind"] == "log":
        return FloatDistribution(p["low"], p["high"], log=True)
    if p["kind"] == "float":
        return FloatDistribution(p["low"], p["high"])
    if p["kind"] == "int":
        return IntDistribution(p["low"], p["high"])
    return CategoricalDistribution(p["choices"])


def evaluators():
    out = {"fanova-seed0": lambda: FanovaImportanceEvaluator(seed=0), "fanova-seed1": lambda: FanovaImportanceEvaluator(seed=1)}
    try:
        from optuna.importance import PedAnovaImportanceEvaluator

        out["ped-anova"] = lambda: PedAnovaImportanceEvaluator()
    except ImportError:
        pass
    return out


def main():
    doc = json.load(open(sys.argv[1]))
    dists = {p["name"]: distribution(p) for p in doc["space"]}
    results = {}
    for s in doc["sets"]:
        study = optuna.create_study(direction="minimize")
        for t in s["trials"]:
            study.add_trial(optuna.trial.create_trial(params=t["params"], distributions=dists, value=t["value"]))
        row = {}
        for name, make in evaluators().items():
            start = time.perf_counter()
            imp = get_param_importances(study, evaluator=make(), normalize=True)
            row[name] = {"importances": dict(imp), "seconds": time.perf_counter() - start}
        results[s["id"]] = row
    json.dump({"optuna": optuna.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
