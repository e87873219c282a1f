// End-to-end sweep benchmark: the shipped Iris sweep (fixtures/sweeps/iris/sweep.yml: bayes, 20 trials, hyperband,
// up to 30 epochs) through the same engine the CLI and the Action use, cold (empty trial store) and warm (every
// trial cached), side by side with the same sweep written for Optuna 3.1 + PyTorch 1.13 (TPE, Hyperband pruner).
// Medians of several runs in one process each. Then the reference sweep (bench/sweeps/breast-cancer.yml: tpe, 20
// trials, 30 epochs, 569 real rows) with `parallel` at its default, at 1 and at 2, against Optuna + PyTorch at equal
// budget (best val_loss, val_accuracy of the best trial, wall time). Run: npm run bench:sweep
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSweep } from '../src/engine/run.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const config = path.resolve('fixtures/sweeps/iris/sweep.yml');
const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`warning: ${m}\n`) };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const cold: number[] = [];
const warm: number[] = [];
let best = Number.NaN;
let backend = '';
for (let i = 0; i < RUNS; i++) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
  let t0 = performance.now();
  const first = await runSweep({ configPath: config, cacheDir, log: quiet });
  cold.push(performance.now() - t0);
  t0 = performance.now();
  const again = await runSweep({ configPath: config, cacheDir, log: quiet });
  warm.push(performance.now() - t0);
  if (again.results.stats.trained !== 0) throw new Error('warm run trained something');
  best = first.results.best?.metrics.val_loss ?? Number.NaN;
  backend = first.results.backend;
  rmSync(cacheDir, { recursive: true, force: true });
}

const py = JSON.parse(
  execFileSync('/usr/bin/python3', [path.resolve('bench/optuna_torch_sweep.py'), path.resolve('fixtures/data/iris.csv'), String(RUNS)], { encoding: 'utf8' }),
) as { ms: number; best: number; importMs: number };

console.log(`Iris sweep, 20 trials, up to 30 epochs, hyperband (min 5, eta 3); median of ${RUNS} runs; Node ${process.version}, ${os.availableParallelism()} cores`);
console.log('| run | wall time | best val_loss |');
console.log('| --- | ---: | ---: |');
console.log(`| sweepgate (${backend}), cold: every trial trained | ${median(cold).toFixed(0)} ms | ${best.toFixed(4)} |`);
console.log(`| sweepgate (${backend}), warm: every trial from the cache | ${median(warm).toFixed(0)} ms | ${best.toFixed(4)} |`);
console.log(`| Optuna 3.1 TPE + HyperbandPruner, PyTorch 1.13 (1 thread) | ${py.ms.toFixed(0)} ms (+ ${py.importMs.toFixed(0)} ms imports) | ${py.best.toFixed(4)} |`);

// The reference sweep: parallel at its default (worker threads) and at 1, cold each time, beside Optuna + PyTorch.
const reference = path.resolve('bench/sweeps/breast-cancer.yml');
const refData = path.resolve('fixtures/data/breast_cancer.csv');
const rounds: Record<string, { ms: number[]; best: number[]; acc: number[]; backend: string; parallel: number }> = {};
const pyRef = { ms: [] as number[], best: [] as number[], acc: [] as number[] };
for (let i = 0; i < RUNS; i++) {
  // Alternated within each round, so load from other jobs on the machine falls on every row alike.
  for (const parallel of [undefined, 1, 2]) {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
    const t0 = performance.now();
    const out = await runSweep({ configPath: reference, cacheDir, log: quiet, ...(parallel ? { parallel } : {}) });
    const ms = performance.now() - t0;
    const n = out.config.parallel ?? 1;
    const row = (rounds[parallel ? `p${parallel}` : 'default'] ??= { ms: [], best: [], acc: [], backend: out.results.backendChoice ?? out.results.backend, parallel: n });
    row.ms.push(ms);
    row.best.push(out.results.best?.metrics.val_loss ?? Number.NaN);
    row.acc.push(out.results.best?.metrics.val_accuracy ?? Number.NaN);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const r = JSON.parse(execFileSync('/usr/bin/python3', [path.resolve('bench/optuna_torch_sweep.py'), refData, '1'], { encoding: 'utf8' })) as { ms: number; best: number; bestAcc: number };
  pyRef.ms.push(r.ms);
  pyRef.best.push(r.best);
  pyRef.acc.push(r.bestAcc);
}
const py1 = median(pyRef.ms);
console.log(`\nReference sweep: Breast Cancer (569 rows, 30 features), tpe, 20 trials, up to 30 epochs, hyperband (min 5, eta 3); median of ${RUNS} cold runs each, alternated; ${os.availableParallelism()} cores (so parallel 2 is one worker per core)`);
console.log('| run | wall time | vs Optuna + PyTorch | best val_loss | its val_accuracy |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, r] of Object.entries(rounds))
  console.log(`| sweepgate, parallel ${r.parallel}${label === 'default' ? ' (default)' : ''}, backend ${r.backend} | ${median(r.ms).toFixed(0)} ms | ${(py1 / median(r.ms)).toFixed(2)}× faster | ${median(r.best).toFixed(4)} | ${median(r.acc).toFixed(4)} |`);
console.log(`| Optuna 3.1 TPE + HyperbandPruner, PyTorch 1.13 (1 thread) | ${py1.toFixed(0)} ms | 1.00× | ${median(pyRef.best).toFixed(4)} | ${median(pyRef.acc).toFixed(4)} |`);
