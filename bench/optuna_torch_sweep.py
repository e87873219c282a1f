# Optuna + PyTorch side of bench/sweep.ts: the fixtures/sweeps/iris/sweep.yml search (same space, budget,
# epochs, batch size and hyperband rungs) with Optuna 3.1's TPE sampler and Hyperband pruner, on the CSV given
# (label in the last column: Iris, or bench/sweeps/breast-cancer.yml's data). Optuna has no trial cache, so every run
# trains every trial. Prints {"ms": median sweep ms, "best": val_loss, "bestAcc": its val_accuracy, "importMs"}.
import csv, json, statistics, sys, time

t_import = time.perf_counter()
import optuna
import torch
import_ms = (time.perf_counter() - t_import) * 1000
optuna.logging.set_verbosity(optuna.logging.WARNING)
torch.set_num_threads(1)

data, runs = sys.argv[1], int(sys.argv[2])
with open(data) as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
classes = sorted(set(r[-1] for r in body))
X = torch.tensor([[float(v) for v in r[:-1]] for r in body])
y = torch.tensor([classes.index(r[-1]) for r in body])
perm = torch.randperm(len(body), generator=torch.Generator().manual_seed(0))
n_val = round(len(body) * 0.3)
val, tr = perm[:n_val], perm[n_val:]
mu, sd = X[tr].mean(0), X[tr].std(0)
X = (X - mu) / sd
ACT = {'relu': torch.nn.ReLU, 'tanh': torch.nn.Tanh}
OPT = {'adam': torch.optim.Adam, 'rmsprop': torch.optim.RMSprop, 'sgd': torch.optim.SGD}

def objective(trial):
    lr = trial.suggest_float('learning_rate', 0.001, 0.3, log=True)
    units = trial.suggest_categorical('units', [8, 16, 32])
    layers = trial.suggest_int('layers', 1, 2)
    act = trial.suggest_categorical('activation', ['relu', 'tanh'])
    opt_name = trial.suggest_categorical('optimizer', ['adam', 'rmsprop', 'sgd'])
    torch.manual_seed(trial.number)
    mods, d = [], X.shape[1]
    for _ in range(layers):
        mods += [torch.nn.Linear(d, units), ACT[act]()]
        d = units
    model = torch.nn.Sequential(*mods, torch.nn.Linear(d, len(classes)))
    opt = OPT[opt_name](model.parameters(), lr=lr)
    lossf = torch.nn.CrossEntropyLoss()
    Xt, yt = X[tr], y[tr]
    val_loss = float('inf')
    for epoch in range(1, 31):
        order = torch.randperm(len(tr))
        for i in range(0, len(tr), 16):
            idx = order[i : i + 16]
            opt.zero_grad()
            lossf(model(Xt[idx]), yt[idx]).backward()
            opt.step()
        with torch.no_grad():
            out = model(X[val])
            val_loss = lossf(out, y[val]).item()
            trial.set_user_attr('val_accuracy', (out.argmax(1) == y[val]).float().mean().item())
        trial.report(val_loss, epoch)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return val_loss

times, best = [], float('nan')
for run in range(runs):
    t0 = time.perf_counter()
    study = optuna.create_study(
        direction='minimize',
        sampler=optuna.samplers.TPESampler(seed=7 + run),
        pruner=optuna.pruners.HyperbandPruner(min_resource=5, max_resource=30, reduction_factor=3),
    )
    study.optimize(objective, n_trials=20)
    times.append((time.perf_counter() - t0) * 1000)
    best = study.best_value
    best_acc = study.best_trial.user_attrs.get('val_accuracy', float('nan'))
print(json.dumps({'ms': statistics.median(times), 'best': best, 'bestAcc': best_acc, 'importMs': import_ms}))
