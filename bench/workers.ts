// Worker-thread benchmark (issue 8): sweeps at parallel 1 and 2, each run a fresh process (as the CLI and the
// Action run: nothing prepared or compiled beforehand), alternated within each round, waiting for the shared
// machine to be idle before each; medians of the rounds, per-trial durations (results durationMs) and wall time
// (process start to results). Two sweeps: a larger one (8 random trials of a 784→{128,256,512}→10 MLP, 2 epochs,
// 1000 rows × 784 features, wasm) and the reference sweep (bench/sweeps/breast-cancer.yml, backend auto).
// Run: node scripts/bundle.mjs bench/workers.ts && node build/workers.mjs   (BENCH_RUNS rounds, default 5;
// BENCH_ONLY=large|reference)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import type { SweepConfig } from '../src/core/config/types.js';
import { DEFAULT_TRIALS, neutralParams } from '../src/core/study/index.js';
import { runSweep } from '../src/engine/run.js';
import { createTabularObjective, estimatedTrialMs, loadTf } from '../src/trainer/index.js';

interface One {
  readonly wallMs: number;
  readonly setupMs: number;
  readonly durations: number[];
  readonly best: number;
  readonly backend: string;
  /** `backend: auto`'s measurement, when it ran. */
  readonly choice: string;
  readonly trials: string;
  /** The engine's deterministic estimate of the sweep's training in one thread (what the default `parallel` follows). */
  readonly estimateMs: number;
}

async function estimate(config: SweepConfig): Promise<number> {
  if (config.workload.kind !== 'trainer' || config.workload.trainer.type !== 'tabular') return Number.NaN;
  const tabular = await createTabularObjective(config.workload.trainer, await loadTf('cpu', { cwd: config.configDir, warn: () => {} }));
  return estimatedTrialMs(tabular.trialSize(neutralParams(config.space))) * (config.budget.trials ?? DEFAULT_TRIALS);
}

// A child: one sweep, then its figures as JSON on stdout.
if (process.argv[2] === '--one') {
  const [config, parallel, backend] = process.argv.slice(3);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
  let setupMs = 0;
  const out = await runSweep({
    configPath: config!,
    overrides: { parallel: Number(parallel), ...(backend ? { backend: backend as 'wasm' } : {}) },
    mode: { cacheDir },
    ports: {
      log: {
        info: (m) => void (m.startsWith('sweep ') && (setupMs = performance.now())),
        warn: (m) => process.stderr.write(`warning: ${m}\n`),
      },
    },
  });
  const wallMs = performance.now(); // since the process started: Node, the bundle's modules, setup, the sweep
  const estimateMs = await estimate(out.config);
  rmSync(cacheDir, { recursive: true, force: true });
  const one: One = {
    wallMs,
    setupMs,
    durations: out.results.trials.map((t) => Math.round(t.durationMs)),
    best: out.results.best?.metrics.val_loss ?? Number.NaN,
    backend: out.results.backend,
    choice: out.results.backendChoice ?? '',
    trials: out.results.trials.map((t) => `${t.key}:${JSON.stringify(t.metrics)}`).join('|'),
    estimateMs,
  };
  process.stdout.write(JSON.stringify(one));
  process.exit(0);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY;

/** The machine is shared: before each run, wait (up to 5 min) until it has been under 15% busy for 3 s. */
async function waitIdle(): Promise<void> {
  const busy = (): [number, number] =>
    os
      .cpus()
      .reduce(
        ([b, t], c) => [
          b + c.times.user + c.times.nice + c.times.sys + c.times.irq,
          t + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle,
        ],
        [0, 0],
      );
  let calm = 0;
  for (let i = 0; i < 300 && calm < 3; i++) {
    const [b0, t0] = busy();
    await new Promise((r) => setTimeout(r, 1000));
    const [b1, t1] = busy();
    calm = (b1 - b0) / (t1 - t0) < 0.15 ? calm + 1 : 0;
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function makeLarge(dir: string): string {
  const rng = new Rng(2024);
  const features = 784;
  const lines = [[...Array.from({ length: features }, (_, i) => `f${i}`), 'label'].join(',')];
  for (let r = 0; r < 1000; r++) {
    const x = Array.from({ length: features }, () => rng.normal());
    const v = Math.sin(x[0]! * 1.5) + x[1]! * x[2]! * 0.5 + 0.3 * x[3]! + 0.2 * rng.normal();
    lines.push([...x.map((n) => n.toFixed(4)), `c${Math.min(9, Math.max(0, Math.floor((v + 2) * 2.5)))}`].join(','));
  }
  writeFileSync(path.join(dir, 'large.csv'), `${lines.join('\n')}\n`);
  const config = path.join(dir, 'large.yml');
  writeFileSync(
    config,
    `name: large-workers
method: random
seed: 3
run_cap: 8
metric: {name: val_loss, goal: minimize}
trainer: {type: tabular, data: large.csv, target: label, task: classification, validation_split: 0.2, defaults: {epochs: 2, batch_size: 64}}
parameters:
  units: {values: [128, 256, 512]}
  learning_rate: {distribution: log_uniform_values, min: 0.0005, max: 0.01}
  optimizer: {values: [adam, sgd]}
`,
  );
  return config;
}

const dir = process.env.BENCH_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'sg-workers-'));
const sweeps: { name: string; config: string; backend?: string }[] = [];
if (ONLY !== 'reference')
  sweeps.push({ name: 'large (784→{128,256,512}→10, 8 random trials, wasm)', config: makeLarge(dir), backend: 'wasm' });
if (ONLY !== 'large')
  sweeps.push({
    name: 'reference (breast-cancer.yml, tpe 20 trials, backend auto)',
    config: path.resolve('bench/sweeps/breast-cancer.yml'),
  });
// The reference sweep with larger trial budgets (BENCH_CAPS=60,120): where workers start to pay off.
for (const cap of (process.env.BENCH_CAPS ?? '').split(',').filter(Boolean)) {
  const text = readFileSync('bench/sweeps/breast-cancer.yml', 'utf8')
    .replace(/^run_cap: \d+$/m, `run_cap: ${cap}`)
    .replace('../../fixtures/data/breast_cancer.csv', path.resolve('fixtures/data/breast_cancer.csv'));
  const config = path.join(dir, `breast-cancer-${cap}.yml`);
  writeFileSync(config, text);
  sweeps.push({ name: `reference with run_cap ${cap} (tpe, backend auto)`, config });
}

const self = fileURLToPath(import.meta.url);
console.log(`Node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model}, ${new Date().toISOString()}`);
// BENCH_BEFORE=<another build of this harness> (e.g. of the commit before a change) runs beside this one, alternated.
const builds: [string, string][] = [
  ['this build', self],
  ...(process.env.BENCH_BEFORE ? [['before', path.resolve(process.env.BENCH_BEFORE)] as [string, string]] : []),
];
for (const s of sweeps) {
  const rows = new Map<string, One[]>();
  for (let i = 0; i < RUNS; i++) {
    for (const [label, script] of builds) {
      for (const parallel of [1, 2]) {
        await waitIdle();
        const one = JSON.parse(
          execFileSync(process.execPath, [script, '--one', s.config, String(parallel), ...(s.backend ? [s.backend] : [])], {
            encoding: 'utf8',
          }),
        ) as One;
        const key = `${label}, parallel ${parallel}`;
        rows.set(key, [...(rows.get(key) ?? []), one]);
        process.stderr.write(
          `${s.name} ${key} run ${i + 1}: ${one.wallMs.toFixed(0)} ms (setup ${one.setupMs.toFixed(0)}) [${one.durations.join(' ')}] ${one.backend} ${one.choice}\n`,
        );
      }
    }
  }
  const first = [...rows.values()][0]![0]!;
  console.log(`\n${s.name}: medians of ${RUNS} cold processes, alternated; estimated training ${(first.estimateMs / 1000).toFixed(1)} s`);
  console.log(
    '| build, parallel | wall, process start to results (median) | all runs | setup before the first trial | per-trial durationMs (run of median wall) | sum of trial durations | best val_loss |',
  );
  console.log('| --- | ---: | --- | ---: | --- | ---: | ---: |');
  for (const [key, r] of rows) {
    const walls = r.map((o) => o.wallMs);
    const mid = r[walls.indexOf(median(walls))]!;
    const sum = median(r.map((o) => o.durations.reduce((a, b) => a + b, 0)));
    console.log(
      `| ${key} | ${median(walls).toFixed(0)} ms | ${walls.map((w) => w.toFixed(0)).join(' ')} | ${median(r.map((o) => o.setupMs)).toFixed(0)} ms | ${mid.durations.join(' ')} | ${sum} ms | ${median(r.map((o) => o.best)).toFixed(4)} |`,
    );
  }
  const all = [...rows.values()].flat();
  console.log(
    `backends: ${[...new Set(all.map((o) => o.backend))].join(', ')}${all.some((o) => o.choice) ? ` (auto: ${all.map((o) => o.choice).join('; ')})` : ''}`,
  );
  // The same trials on the same backend: every run at one parallelism; for random (and grid), also across them.
  const same = (xs: readonly One[]): boolean =>
    xs.every((o) => o.backend !== xs[0]!.backend || o.trials === xs[0]!.trials) &&
    xs.every((o) => o.backend === xs[0]!.backend || xs.filter((p) => p.backend === o.backend).every((p) => p.trials === o.trials));
  const backends = [...new Set(all.map((o) => o.backend))];
  console.log(
    `identical trials (keys, metrics) on one backend, within each row: ${[...rows.values()].every(same)}; across the rows at parallel 1 and 2 (random and grid only): ${backends.every((b) => same(all.filter((o) => o.backend === b)))}`,
  );
}
if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
