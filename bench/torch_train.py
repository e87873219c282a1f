# PyTorch side of bench/train.ts: the same MLP, data split, optimiser, epochs and batch size.
import csv, json, statistics, sys, time
import torch

data, repeats, threads, params = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
torch.set_num_threads(threads)
with open(data) as f:
    rows = list(csv.reader(f))[1:]
X = torch.tensor([[float(v) for v in r[:-1]] for r in rows])
classes = sorted(set(r[-1] for r in rows))
y = torch.tensor([classes.index(r[-1]) for r in rows])
n = len(rows)
perm = torch.randperm(n, generator=torch.Generator().manual_seed(0))
val, tr = perm[: n // 5], perm[n // 5 :]
mu, sd = X[tr].mean(0), X[tr].std(0)
X = (X - mu) / sd

def trial(seed):
    torch.manual_seed(seed)
    layers, d = [], X.shape[1]
    for _ in range(params['layers']):
        layers += [torch.nn.Linear(d, params['units']), torch.nn.ReLU()]
        d = params['units']
    model = torch.nn.Sequential(*layers, torch.nn.Linear(d, len(classes)))
    opt = torch.optim.Adam(model.parameters(), lr=params['learning_rate'])
    lossf = torch.nn.CrossEntropyLoss()
    Xt, yt = X[tr], y[tr]
    bs = params['batch_size']
    for _ in range(params['epochs']):
        order = torch.randperm(len(tr))
        for i in range(0, len(tr), bs):
            idx = order[i : i + bs]
            opt.zero_grad()
            loss = lossf(model(Xt[idx]), yt[idx])
            loss.backward()
            opt.step()
        with torch.no_grad():  # per-epoch validation, as sweepgate reports val metrics every epoch
            acc = (model(X[val]).argmax(1) == y[val]).float().mean().item()
    return acc

def ms_per_step(steps):
    # One batch, stepped `steps` times after one warm-up step: what bench/train.ts's `ms per step` column times.
    torch.manual_seed(0)
    layers, d = [], X.shape[1]
    for _ in range(params['layers']):
        layers += [torch.nn.Linear(d, params['units']), torch.nn.ReLU()]
        d = params['units']
    model = torch.nn.Sequential(*layers, torch.nn.Linear(d, len(classes)))
    opt = torch.optim.Adam(model.parameters(), lr=params['learning_rate'])
    lossf = torch.nn.CrossEntropyLoss()
    xb, yb = X[tr][: params['batch_size']], y[tr][: params['batch_size']]
    def step():
        opt.zero_grad()
        lossf(model(xb), yb).backward()
        opt.step()
    step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - t0) * 1000 / steps

times, acc = [], 0.0
for i in range(repeats + 1):
    t0 = time.perf_counter()
    acc = trial(1 + i)
    if i > 0:
        times.append((time.perf_counter() - t0) * 1000)
step_ms = statistics.median([ms_per_step(20) for _ in range(3)])
print(json.dumps({'ms': statistics.median(times), 'stepMs': step_ms, 'acc': acc}))
