# The script a user would write instead of sweepgate for one trial (bench/data.ts): pandas read_csv, standardise on the
# training rows, the same MLP (2 x 64 ReLU, Adam 0.01, batch 64) for one epoch in PyTorch on one thread, imports
# included. Prints the validation accuracy. Usage: python3 torch_data.py data.csv
import sys
import pandas as pd
import torch

torch.set_num_threads(1)
df = pd.read_csv(sys.argv[1])
y = torch.tensor(pd.factorize(df['label'], sort=True)[0])
X = torch.tensor(df.drop(columns=['label']).to_numpy(dtype='float32'))
n = len(df)
perm = torch.randperm(n, generator=torch.Generator().manual_seed(0))
val, tr = perm[: n // 5], perm[n // 5 :]
mu, sd = X[tr].mean(0), X[tr].std(0)
X = (X - mu) / sd
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(X.shape[1], 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
lossf = torch.nn.CrossEntropyLoss()
Xt, yt = X[tr], y[tr]
order = torch.randperm(len(tr))
for i in range(0, len(tr), 64):
    idx = order[i : i + 64]
    opt.zero_grad()
    lossf(model(Xt[idx]), yt[idx]).backward()
    opt.step()
with torch.no_grad():
    print((model(X[val]).argmax(1) == y[val]).float().mean().item())
