// End-to-end sweep benchmark: the shipped Iris sweep (fixtures/sweeps/iris/sweep.yml: bayes, 20 trials, hyperband,
// up to 30 epochs) through the same engine the CLI and the Action use, cold (empty trial store) and warm (every
// trial cached), side by side with the same sweep written for Optuna 3.1 + PyTorch 1.13 (TPE, Hyperband pruner).
// Medians of several runs in one process each. Run: npm run bench:sweep
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
