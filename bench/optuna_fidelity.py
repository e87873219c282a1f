#!/usr/bin/python3
"""Optuna side of `npm run bench:fidelity`: TPESampler with HyperbandPruner and without a pruner, at the same total
number of epochs as our side, on the same synthetic learning curves (synthetic_loss, defined identically in
bench/fidelity/synthetic.ts) and the same recorded real curves (each --table NAME=PATH, by default
tabular=bench/fidelity/breast_cancer_curves.json: problem NAME sees the first training run of each configuration,
NAME-rotated sees run s mod runs for seed s).

Every epoch run counts against the budget, pruned trials included; the trial running when the budget is spent is
stopped there and told FAIL, so it cannot be chosen. The chosen configuration is study.best_trial (complete trials
only). Seeds --first-seed .. --first-seed + --seeds - 1; a run is deterministic given its seed (see run()), and
test/bench/fidelity.test.ts checks that two runs print the same. Prints one JSON document: {"optuna": version,
"results": {problem: {setting: [{"params", "epochs", "trials"} per seed]}}}; settings "tpe" and "tpe+hyperband",
and on the recorded grids "tpe ordered" and "tpe ordered+hyperband" (numeric lists searched by rank, see table_problem); bench/fidelity.ts scores it. `--values '[[lr, dropout, width, epoch], ...]'` prints
synthetic_loss at those points instead (for test/bench/fidelity.test.ts), without importing Optuna.
Run with Debian's /usr/bin/python3 (python3-optuna); never a runtime dependency.
"""
import argparse
import json
import math

EPOCHS = 27


def synthetic_loss(lr, dropout, width, epoch):
    u = (math.log10(lr) + 4) / 4
    floor = 0.1 + 0.5 * u * u + 0.3 * (dropout - 0.3) ** 2 + 0.2 * (width - 0.7) ** 2
    k = 0.01 * 100**u * (1 - 0.5 * dropout) * (1 - 0.4 * width)
    return floor + (1 - floor) * math.exp(-k * epoch)


def synthetic_problem():
    def suggest(trial):
        return {
            "lr": trial.suggest_float("lr", 1e-4, 1, log=True),
            "dropout": trial.suggest_float("dropout", 0, 0.9),
            "width": trial.suggest_float("width", 0, 1),
        }

    def curve(params):
        return [synthetic_loss(params["lr"], params["dropout"], params["width"], t) for t in range(1, EPOCHS + 1)]

    return suggest, curve, lambda params: params


def load_table(path):
    with open(path) as f:
        return json.load(f)


def ordered_values(values):
    """A list of three or more numbers, sorted (what an ordered setting searches by rank), else None."""
    if len(values) >= 3 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return sorted(values)
    return None


def table_problem(table, visible, ordered=False):
    """The recorded grid; the sampler sees training run `visible` of each configuration (as bench/fidelity/harness.ts).

    A list of values is a categorical in Optuna (`suggest_categorical`): the analogue of a sweep's `values:`. With
    `ordered`, a list of three or more numbers is searched by its rank instead (`suggest_int` over 0..n-1 of the
    sorted values), what an Optuna user does by hand to tell TPE the values are ordered, and what our bayes and tpe do
    with such a list by themselves."""
    grid = table["grid"]
    names = list(grid)
    curves = {json.dumps([r["params"][n] for n in names]): r["curves"][visible] for r in table["rows"]}
    ranked = {n: ordered_values(grid[n]) for n in names} if ordered else {}

    def suggest(trial):
        return {n: suggest_one(trial, n) for n in names}

    def suggest_one(trial, n):
        if ranked.get(n):
            return ranked[n][trial.suggest_int(f"{n}_rank", 0, len(ranked[n]) - 1)]
        return trial.suggest_categorical(n, grid[n])

    def decode(params):
        """Optuna's params of a trial (ranks for ordered lists) as the grid's values."""
        return {n: ranked[n][params[f"{n}_rank"]] if ranked.get(n) else params[n] for n in names}

    def curve(params):
        return curves[json.dumps([params[n] for n in names])]

    return suggest, curve, decode


def run(name, problem, setting, seed, budget):
    import optuna

    suggest, curve, decode = problem
    pruner = (
        optuna.pruners.HyperbandPruner(min_resource=1, max_resource=EPOCHS, reduction_factor=3)
        if setting.endswith("+hyperband")
        else optuna.pruners.NopPruner()
    )
    # Deterministic per seed: TPESampler draws from its own RandomState(seed), and HyperbandPruner assigns a trial to
    # a bracket by crc32 of the study name and the trial number, so the study gets a fixed name (create_study's
    # default is a fresh uuid, which made every run prune differently).
    study = optuna.create_study(
        study_name=f"fidelity-{name}-{setting}-{seed}", sampler=optuna.samplers.TPESampler(seed=seed), pruner=pruner
    )
    used = 0
    trials = 0
    while used < budget:
        trial = study.ask()
        trials += 1
        values = curve(suggest(trial))
        state = None
        for epoch, value in enumerate(values, start=1):
            if used >= budget:
                state = optuna.trial.TrialState.FAIL
                break
            used += 1
            trial.report(value, epoch)
            if trial.should_prune():
                state = optuna.trial.TrialState.PRUNED
                break
        if state is None:
            study.tell(trial, values[-1])
        else:
            study.tell(trial, state=state)
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    best = decode(study.best_trial.params) if complete else None
    return {"params": best, "epochs": used, "trials": trials}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--budget", type=int, default=20 * EPOCHS)
    ap.add_argument("--problems", default="synthetic,tabular,tabular-rotated")
    ap.add_argument("--table", action="append", metavar="NAME=PATH", help="a recorded grid (repeatable)")
    ap.add_argument("--values")
    args = ap.parse_args()
    if args.values is not None:
        print(json.dumps([synthetic_loss(*p) for p in json.loads(args.values)]))
        return
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    # Per seed: NAME shows every sweep the first training run; NAME-rotated shows sweep seed s run s mod runs.
    # A problem: (seed, ordered) -> (suggest, curve, decode).
    problems = {"synthetic": lambda seed, ordered: synthetic_problem()}
    for spec in args.table or ["tabular=bench/fidelity/breast_cancer_curves.json"]:
        name, _, path = spec.partition("=")
        if not path:
            ap.error(f"--table {spec}: expected NAME=PATH")
        table = load_table(path)
        problems[name] = lambda seed, ordered, t=table: table_problem(t, 0, ordered)
        problems[f"{name}-rotated"] = lambda seed, ordered, t=table: table_problem(t, seed % len(t["seeds"]), ordered)
    unknown = [n for n in args.problems.split(",") if n not in problems]
    if unknown:
        ap.error(f"--problems: no problem {', '.join(unknown)} (known: {', '.join(problems)})")
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    results = {}
    for name in args.problems.split(","):
        # The ordered settings only where there is a list to order (the recorded grids).
        settings = ("tpe", "tpe+hyperband") + (() if name == "synthetic" else ("tpe ordered", "tpe ordered+hyperband"))
        results[name] = {
            setting: [
                run(name, problems[name](seed, setting.startswith("tpe ordered")), setting, seed, args.budget)
                for seed in seeds
            ]
            for setting in settings
        }
    print(json.dumps({"optuna": optuna.__version__, "results": results}))


if __name__ == "__main__":
    main()
