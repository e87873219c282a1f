# PyTorch side of bench/conv.ts: the same conv net, data, optimiser, epochs and batch size.
# Args: CSV (pixel columns, then the label), repeats, threads, params JSON, image side (8 or 28), pixel scale.
import csv, json, statistics, sys, time
import torch

data, repeats, threads, params = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
side = int(sys.argv[5]) if len(sys.argv) > 5 else 8
scale = float(sys.argv[6]) if len(sys.argv) > 6 else 16.0
torch.set_num_threads(threads)
with open(data) as f:
    rows = list(csv.reader(f))[1:]
X = torch.tensor([[float(v) / scale for v in r[:-1]] for r in rows]).reshape(-1, 1, side, side)
y = torch.tensor([int(r[-1]) for r in rows])
n = len(rows)
perm = torch.randperm(n, generator=torch.Generator().manual_seed(0))
val, tr = perm[: n // 5], perm[n // 5 :]

def trial(seed):
    torch.manual_seed(seed)
    f, k = params['filters'], params['kernel_size']
    grow = params.get('filter_schedule') == 'grow'
    layers, c, s = [], 1, side
    for _ in range(params['conv_layers']):
        layers += [torch.nn.Conv2d(c, f, k, padding=k // 2), torch.nn.ReLU(), torch.nn.MaxPool2d(2, ceil_mode=True)]
        c, s = f, (s + 1) // 2
        f = f * 2 if grow else f
    model = torch.nn.Sequential(*layers, torch.nn.Flatten(), torch.nn.Linear(c * s * s, params['units']), torch.nn.ReLU(), torch.nn.Linear(params['units'], 10))
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

# repeats 0: one trial, timed (a whole process as a user runs it: startup, import, data, one trial).
# cpuMs: the process's CPU time over the timed trials (time.process_time, all threads), beside the wall time.
times, cpu, acc = [], [], 0.0
for i in range(repeats + 1):
    t0, c0 = time.perf_counter(), time.process_time()
    acc = trial(1 + i)
    if i > 0 or repeats == 0:
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
print(json.dumps({'ms': statistics.median(times), 'acc': acc, 'times': times, 'cpuMs': statistics.median(cpu), 'cpuTimes': cpu}))
