# Optuna + PyTorch side of bench/sweep.ts: the fixtures/sweeps/iris/sweep.yml search (same space, budget,
# epochs, batch size and hyperband rungs) with Optuna 3.1's TPE sampler and Hyperband pruner, on the CSV given
# (label in the last column: Iris, or bench/sweeps/breast-cancer.yml's data). Optuna has no trial cache, so every run
# trains every trial.
#
# Like for like with sweepgate: --val FILE names a JSON list of the 0-based data-row indices sweepgate validates on
# (bench/sweep.ts computes them with src/trainer/data/split.ts), and the features are encoded as sweepgate's trainer does
# (src/trainer/data/tabular-data.ts): each column standardised by the training rows' mean and population standard deviation
# (a constant column becomes 0), float32; classes sorted. Without --val, a seeded 30% permutation (the old split).
#
#   optuna_torch_sweep.py DATA --val VAL.json --seeds 7,8,9      one sweep per seed (TPESampler(seed), study name
#                                                                  and torch seeds from it): a JSON list of
#                                                                  {"seed", "ms", "best", "bestAcc", "params",
#                                                                  "epochs" trained, "pruned" trials}
#   optuna_torch_sweep.py DATA --val VAL.json --fixed P.json --seeds 0,1,2
#                                                                  train the params in P.json (sweepgate's names)
#                                                                  once per torch seed, 30 epochs, no pruning:
#                                                                  a JSON list of {"seed", "val_loss", "val_accuracy"}
#   optuna_torch_sweep.py DATA RUNS [--val VAL.json]             RUNS sweeps (seeds 7, 8, ...): {"ms": median,
#                                                                  "best", "bestAcc" (last run), "importMs"}
import argparse, csv, json, statistics, time

t_import = time.perf_counter()
import optuna
import torch
import_ms = (time.perf_counter() - t_import) * 1000
optuna.logging.set_verbosity(optuna.logging.WARNING)
torch.set_num_threads(1)

ap = argparse.ArgumentParser()
ap.add_argument('data')
ap.add_argument('runs', nargs='?', type=int)
ap.add_argument('--val')
ap.add_argument('--seeds')
ap.add_argument('--fixed')
ap.add_argument('--epochs', type=int, default=30)
ap.add_argument('--init', choices=['torch', 'glorot'], default='torch')
args = ap.parse_args()

with open(args.data) as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
classes = sorted(set(r[-1] for r in body))
X64 = torch.tensor([[float(v) for v in r[:-1]] for r in body], dtype=torch.float64)
y = torch.tensor([classes.index(r[-1]) for r in body])
if args.val:
    with open(args.val) as f:
        val = torch.tensor(sorted(json.load(f)))
    is_val = torch.zeros(len(body), dtype=torch.bool)
    is_val[val] = True
    tr = torch.arange(len(body))[~is_val]
else:
    perm = torch.randperm(len(body), generator=torch.Generator().manual_seed(0))
    n_val = round(len(body) * 0.3)
    val, tr = perm[:n_val], perm[n_val:]
# sweepgate's encoding: training-row mean and population std; a constant column is encoded as 0.
mu = X64[tr].mean(0)
sd = X64[tr].std(0, unbiased=False)
constant = ~(sd > 1e-12 * torch.clamp(mu.abs(), min=1))
X = torch.where(constant, torch.zeros_like(X64), (X64 - mu) / torch.where(constant, torch.ones_like(sd), sd)).float()
Xt, yt, Xv, yv = X[tr], y[tr], X[val], y[val]
ACT = {'relu': torch.nn.ReLU, 'tanh': torch.nn.Tanh}
OPT = {'adam': torch.optim.Adam, 'rmsprop': torch.optim.RMSprop, 'sgd': torch.optim.SGD}
lossf = torch.nn.CrossEntropyLoss()


def fit(p, torch_seed, epochs, report=None):
    """Trains one MLP with PyTorch's defaults (nn.Linear init, optimizer defaults); returns the last epoch's
    (val_loss, val_accuracy). `report(epoch, val_loss)` returning True stops it (pruned)."""
    torch.manual_seed(torch_seed)
    mods, d = [], X.shape[1]
    for _ in range(p['layers']):
        mods += [torch.nn.Linear(d, p['units']), ACT[p['activation']]()]
        d = p['units']
    model = torch.nn.Sequential(*mods, torch.nn.Linear(d, len(classes)))
    if args.init == 'glorot':  # sweepgate's default: glorot_uniform kernels, zero biases
        for m in model:
            if isinstance(m, torch.nn.Linear):
                torch.nn.init.xavier_uniform_(m.weight)
                torch.nn.init.zeros_(m.bias)
    opt = OPT[p['optimizer']](model.parameters(), lr=p['learning_rate'])
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(tr))
        for i in range(0, len(tr), 16):
            idx = order[i : i + 16]
            opt.zero_grad()
            lossf(model(Xt[idx]), yt[idx]).backward()
            opt.step()
        with torch.no_grad():
            out = model(Xv)
            val_loss = lossf(out, yv).item()
            acc = (out.argmax(1) == yv).float().mean().item()
        if report is not None and report(epoch, val_loss, acc):
            raise optuna.TrialPruned()
    return val_loss, acc


def sweep(seed):
    def objective(trial):
        p = {
            'learning_rate': trial.suggest_float('learning_rate', 0.001, 0.3, log=True),
            'units': trial.suggest_categorical('units', [8, 16, 32]),
            'layers': trial.suggest_int('layers', 1, 2),
            'activation': trial.suggest_categorical('activation', ['relu', 'tanh']),
            'optimizer': trial.suggest_categorical('optimizer', ['adam', 'rmsprop', 'sgd']),
        }

        def report(epoch, val_loss, acc):
            trial.set_user_attr('val_accuracy', acc)
            trial.report(val_loss, epoch)
            return trial.should_prune()

        return fit(p, seed * 1000 + trial.number, args.epochs, report)[0]

    t0 = time.perf_counter()
    study = optuna.create_study(
        # A fixed name: HyperbandPruner assigns trials to brackets by a CRC of the study name and trial number.
        study_name=f'bench-{seed}',
        direction='minimize',
        sampler=optuna.samplers.TPESampler(seed=seed),
        pruner=optuna.pruners.HyperbandPruner(min_resource=5, max_resource=args.epochs, reduction_factor=3),
    )
    study.optimize(objective, n_trials=20)
    ms = (time.perf_counter() - t0) * 1000
    b = study.best_trial
    epochs = sum(len(t.intermediate_values) for t in study.trials)
    pruned = sum(t.state == optuna.trial.TrialState.PRUNED for t in study.trials)
    return {'seed': seed, 'ms': ms, 'best': b.value, 'bestAcc': b.user_attrs.get('val_accuracy', float('nan')), 'params': b.params, 'epochs': epochs, 'pruned': pruned}


seeds = [int(s) for s in args.seeds.split(',')] if args.seeds else None
if args.fixed:
    with open(args.fixed) as f:
        params = json.load(f)
    out = []
    for s in seeds:
        loss, acc = fit(params, s, args.epochs)
        out.append({'seed': s, 'val_loss': loss, 'val_accuracy': acc})
    print(json.dumps(out))
elif seeds is not None:
    print(json.dumps([sweep(s) for s in seeds]))
else:
    runs = [sweep(7 + run) for run in range(args.runs)]
    print(json.dumps({'ms': statistics.median(r['ms'] for r in runs), 'best': runs[-1]['best'], 'bestAcc': runs[-1]['bestAcc'], 'importMs': import_ms}))
