// End-to-end sweep benchmark: the shipped Iris sweep (fixtures/sweeps/iris/sweep.yml: bayes, 20 trials, hyperband,
// up to 30 epochs) through the same engine the CLI and the Action use, cold (empty trial store) and warm (every
// trial cached), side by side with the same sweep written for Optuna 3.1 + PyTorch 1.13 (TPE, Hyperband pruner).
// Medians of several runs in one process each. Then the reference sweep (bench/sweeps/breast-cancer.yml: tpe, 20
// trials, 30 epochs, 569 real rows) with `parallel` at its default, at 1 and at 2, against Optuna + PyTorch at equal
// budget (best val_loss, val_accuracy of the best trial, wall time), on the same validation rows and encoding, over
// the same sweep seeds on both sides (BENCH_SEEDS, default 7,8,9,10,11). Run: npm run bench:sweep
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSweep } from '../src/engine/run.js';
import { validationRowsOf } from './lib/validation-rows.js';

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
  const first = await runSweep({ configPath: config, mode: { cacheDir }, ports: { log: quiet } });
  cold.push(performance.now() - t0);
  t0 = performance.now();
  const again = await runSweep({ configPath: config, mode: { cacheDir }, ports: { log: quiet } });
  warm.push(performance.now() - t0);
  if (again.results.stats.trained !== 0) throw new Error('warm run trained something');
  best = first.results.best?.metrics.val_loss ?? Number.NaN;
  backend = first.results.backend;
  rmSync(cacheDir, { recursive: true, force: true });
}

// Optuna scores on sweepgate's validation rows here too.
const irisVal = validationRowsOf(config);
const irisValFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-bench-val-')), 'validation-rows.json');
writeFileSync(irisValFile, JSON.stringify(irisVal.rows));
const py = JSON.parse(
  execFileSync('/usr/bin/python3', [path.resolve('bench/optuna_torch_sweep.py'), irisVal.data, String(RUNS), '--val', irisValFile], {
    encoding: 'utf8',
  }),
) as { ms: number; best: number; importMs: number };

console.log(
  `Iris sweep, 20 trials, up to 30 epochs, hyperband (min 5, eta 3); median of ${RUNS} runs; Node ${process.version}, ${os.availableParallelism()} cores`,
);
console.log('| run | wall time | best val_loss |');
console.log('| --- | ---: | ---: |');
console.log(`| sweepgate (${backend}), cold: every trial trained | ${median(cold).toFixed(0)} ms | ${best.toFixed(4)} |`);
console.log(`| sweepgate (${backend}), warm: every trial from the cache | ${median(warm).toFixed(0)} ms | ${best.toFixed(4)} |`);
console.log(
  `| Optuna 3.1 TPE + HyperbandPruner, PyTorch 1.13 (1 thread) | ${py.ms.toFixed(0)} ms (+ ${py.importMs.toFixed(0)} ms imports) | ${py.best.toFixed(4)} |`,
);

// The reference sweep, like for like: Optuna scores on exactly sweepgate's validation rows (computed with the trainer's
// own split and checked against the fingerprint the run records) with sweepgate's encoding, and both sides run the
// same list of sweep seeds (sweepgate's `seed`, Optuna's TPESampler seed). Per seed: parallel at its default, at 1
// and at 2, cold each time, then Optuna + PyTorch, alternated so load from other jobs falls on every row alike.
const reference = path.resolve('bench/sweeps/breast-cancer.yml');
const SEEDS = (process.env.BENCH_SEEDS ?? '7,8,9,10,11').split(',').map(Number);
const val = validationRowsOf(reference);
const valFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-bench-val-')), 'validation-rows.json');
writeFileSync(valFile, JSON.stringify(val.rows));
interface SeedRow {
  seed: number;
  ms: number;
  best: number;
  acc: number;
  params: string;
  epochs: number;
}
const rounds: Record<string, { rows: SeedRow[]; backend: string; parallel: number }> = {};
const pyRows: SeedRow[] = [];
const show = (p: Record<string, unknown>): string =>
  Object.entries(p)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(3) : String(v)}`)
    .join(', ');
for (const seed of SEEDS) {
  for (const parallel of [undefined, 1, 2]) {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
    const t0 = performance.now();
    const out = await runSweep({
      configPath: reference,
      overrides: { seed, ...(parallel ? { parallel } : {}) },
      mode: { cacheDir },
      ports: { log: quiet },
    });
    const ms = performance.now() - t0;
    if (out.results.validation?.fingerprint !== val.fingerprint)
      throw new Error('the validation rows handed to Optuna are not the ones sweepgate scored on');
    const row = (rounds[parallel ? `p${parallel}` : 'default'] ??= {
      rows: [],
      backend: out.results.backendChoice ?? out.results.backend,
      parallel: out.config.parallel ?? 1,
    });
    const best = out.results.best;
    const epochs = out.results.trials.reduce((n, t) => n + t.history.length, 0);
    row.rows.push({
      seed,
      ms,
      best: best?.metrics.val_loss ?? Number.NaN,
      acc: best?.metrics.val_accuracy ?? Number.NaN,
      params: best ? show(best.params) : '',
      epochs,
    });
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const [r] = JSON.parse(
    execFileSync('/usr/bin/python3', [path.resolve('bench/optuna_torch_sweep.py'), val.data, '--val', valFile, '--seeds', String(seed)], {
      encoding: 'utf8',
    }),
  ) as { seed: number; ms: number; best: number; bestAcc: number; params: Record<string, unknown>; epochs: number }[];
  pyRows.push({ seed, ms: r!.ms, best: r!.best, acc: r!.bestAcc, params: show(r!.params), epochs: r!.epochs });
}
const pyRef = { ms: median(pyRows.map((r) => r.ms)), best: median(pyRows.map((r) => r.best)), acc: median(pyRows.map((r) => r.acc)) };
console.log(
  `\nReference sweep: Breast Cancer (569 rows, 30 features; the same ${val.rows.length} validation rows on both sides), tpe, 20 trials, up to 30 epochs, hyperband (min 5, eta 3); sweep seeds ${SEEDS.join(', ')} on both sides, cold, alternated; medians over the seeds; ${os.availableParallelism()} cores (so parallel 2 is one worker per core)`,
);
console.log('| run | wall time | vs Optuna + PyTorch | best val_loss | its val_accuracy |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const med = (rows: SeedRow[], k: 'ms' | 'best' | 'acc'): number => median(rows.map((r) => r[k]));
for (const [label, r] of Object.entries(rounds))
  console.log(
    `| sweepgate, parallel ${r.parallel}${label === 'default' ? ' (default)' : ''}, backend ${r.backend} | ${med(r.rows, 'ms').toFixed(0)} ms | ${(pyRef.ms / med(r.rows, 'ms')).toFixed(2)}× faster | ${med(r.rows, 'best').toFixed(4)} | ${med(r.rows, 'acc').toFixed(4)} |`,
  );
console.log(
  `| Optuna 3.1 TPE + HyperbandPruner, PyTorch 1.13 (1 thread) | ${pyRef.ms.toFixed(0)} ms | 1.00× | ${pyRef.best.toFixed(4)} | ${pyRef.acc.toFixed(4)} |`,
);
console.log(
  '\nPer seed (sweepgate with parallel at its default | Optuna + PyTorch): wall time, best val_loss, its val_accuracy, epochs trained over all trials; the best trial’s params',
);
console.log('| seed | sweepgate | Optuna + PyTorch | sweepgate best params | Optuna best params |');
console.log('| ---: | --- | --- | --- | --- |');
const cellOf = (r: SeedRow): string => `${r.ms.toFixed(0)} ms, ${r.best.toFixed(4)}, ${r.acc.toFixed(4)}, ${r.epochs} ep`;
rounds['default']!.rows.forEach((r, i) =>
  console.log(`| ${r.seed} | ${cellOf(r)} | ${cellOf(pyRows[i]!)} | ${r.params} | ${pyRows[i]!.params} |`),
);
for (const [label, r] of Object.entries(rounds))
  if (label !== 'default')
    console.log(
      `parallel ${r.parallel} per seed (ms, best, acc): ${r.rows.map((x) => `${x.seed}: ${x.ms.toFixed(0)}, ${x.best.toFixed(4)}, ${x.acc.toFixed(4)}`).join('; ')}`,
    );
