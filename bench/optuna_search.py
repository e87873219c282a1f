#!/usr/bin/python3
"""Optuna 3.1 side of `npm run bench:search`: the same objectives, budgets and seeds as bench/search/functions.ts.

Prints one JSON document on stdout: {"optuna": "<version>", "results": {fn: {method: {"regrets": [...],
"early": [...], "seconds": [...]}}}}, `early` being the regret after the first EARLY trials. Run with Debian's
/usr/bin/python3 (python3-optuna); never a runtime dependency.
"""
import argparse
import json
import math
import sys
import time
import warnings

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
# QMCSampler is experimental in 3.1 and warns about it, about Sobol sizes that are not powers of two and about the
# categorical parameters it leaves to its independent (random) sampler; the figures say so instead.
warnings.filterwarnings("ignore")

# Trials after which the regret is also reported (the exploration phase, where quasi-random search is meant to help).
EARLY = 10


def branin(t):
    x1 = t.suggest_float("x1", -5, 10)
    x2 = t.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    s = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - s) * math.cos(x1) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
H_P = [
    [v * 1e-4 for v in r]
    for r in [
        [1312, 1696, 5569, 124, 8283, 5886],
        [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650],
        [4047, 8828, 8732, 5743, 1091, 381],
    ]
]


def hartmann6(t):
    x = [t.suggest_float(f"x{j + 1}", 0, 1) for j in range(6)]
    s = 0.0
    for i in range(4):
        inner = sum(H_A[i][j] * (x[j] - H_P[i][j]) ** 2 for j in range(6))
        s += H_ALPHA[i] * math.exp(-inner)
    return -s


def levy4(t):
    x = [t.suggest_float(f"x{i + 1}", -10, 10) for i in range(4)]
    w = [1 + (v - 1) / 4 for v in x]
    d = len(w)
    s = math.sin(math.pi * w[0]) ** 2
    for i in range(d - 1):
        s += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    s += (w[d - 1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[d - 1]) ** 2)
    return s


OPT_BASE = {"sgd": 0.08, "momentum": 0.04, "adam": 0.0, "rmsprop": 0.02}
OPT_LR = {"sgd": -1, "momentum": -1.5, "adam": -3, "rmsprop": -3.3}


def mlp(t):
    opt = t.suggest_categorical("optimizer", ["sgd", "momentum", "adam", "rmsprop"])
    lr = t.suggest_float("learning_rate", 1e-5, 1, log=True)
    layers = t.suggest_int("layers", 1, 4)
    units = t.suggest_int("units", 16, 512, log=True)
    dropout = t.suggest_float("dropout", 0, 0.6)
    act = t.suggest_categorical("activation", ["relu", "tanh", "elu", "sigmoid"])
    wd = t.suggest_float("weight_decay", 1e-6, 0.1, log=True)
    lr_term = 0.15 * (math.log10(lr) - OPT_LR[opt]) ** 2
    size_term = 0.08 * (math.log2(units) - (9 - layers)) ** 2 + 0.03 * (layers - 3) ** 2
    drop_term = 0.8 * (dropout - 0.05 * layers) ** 2
    act_term = {"elu": 0.0, "relu": 0.01, "tanh": 0.025 * layers, "sigmoid": 0.05 * layers}[act]
    wd_term = 0.05 * (math.log10(wd) + 4) ** 2
    return 0.2 + OPT_BASE[opt] + lr_term + size_term + drop_term + act_term + wd_term


FUNCTIONS = {
    "branin": (branin, 30, 0.397887357729738),
    "hartmann6": (hartmann6, 50, -3.32236801141551),
    "levy4": (levy4, 50, 0.0),
    "mlp": (mlp, 40, 0.2),
}

METHODS = {
    "optuna-tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "optuna-tpe-mv": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "optuna-random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "optuna-qmc": lambda seed: optuna.samplers.QMCSampler(scramble=True, seed=seed),
    "optuna-qmc-halton": lambda seed: optuna.samplers.QMCSampler(qmc_type="halton", scramble=True, seed=seed),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--functions", default=",".join(FUNCTIONS))
    args = ap.parse_args()
    out = {}
    for name in args.functions.split(","):
        fn, budget, optimum = FUNCTIONS[name]
        out[name] = {}
        for method, make in METHODS.items():
            regrets, early, seconds = [], [], []
            for seed in range(args.seeds):
                study = optuna.create_study(sampler=make(seed))
                t0 = time.perf_counter()
                study.optimize(fn, n_trials=budget)
                seconds.append(time.perf_counter() - t0)
                regrets.append(study.best_value - optimum)
                early.append(min(t.value for t in study.trials[:EARLY]) - optimum)
            out[name][method] = {"regrets": regrets, "early": early, "seconds": seconds}
            print(f"{name} {method} done", file=sys.stderr)
    json.dump({"optuna": optuna.__version__, "results": out}, sys.stdout)


if __name__ == "__main__":
    main()
