// Worker-thread benchmark (issue 8): sweeps at parallel 1 and 2, each run a fresh process (as the CLI and the
// Action run: nothing prepared or compiled beforehand), alternated within each round, waiting for the shared
// machine to be idle before each; medians of the rounds, per-trial durations (results durationMs) and wall time
// (process start to results). Two sweeps: a larger one (8 random trials of a 784→{128,256,512}→10 MLP, 2 epochs,
// 1000 rows × 784 features, wasm) and the reference sweep (bench/sweeps/breast-cancer.yml, backend auto).
// Run: node scripts/bundle.mjs bench/workers.ts && node build/workers.mjs   (BENCH_RUNS rounds, default 5;
// BENCH_ONLY=large|reference)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { runSweep } from '../src/engine/run.js';

interface One {
  readonly wallMs: number;
  readonly setupMs: number;
  readonly durations: number[];
  readonly best: number;
  readonly backend: string;
  readonly trials: string;
}

// A child: one sweep, then its figures as JSON on stdout.
if (process.argv[2] === '--one') {
  const [config, parallel, backend] = process.argv.slice(3);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
  let setupMs = 0;
  const out = await runSweep({
    configPath: config!,
    cacheDir,
    parallel: Number(parallel),
    log: { info: (m) => void (m.startsWith('sweep ') && (setupMs = performance.now())), warn: (m) => process.stderr.write(`warning: ${m}\n`) },
    ...(backend ? { backend: backend as 'wasm' } : {}),
  });
  const wallMs = performance.now();
  rmSync(cacheDir, { recursive: true, force: true });
  const one: One = {
    wallMs,
    setupMs,
    durations: out.results.trials.map((t) => Math.round(t.durationMs)),
    best: out.results.best?.metrics.val_loss ?? Number.NaN,
    backend: out.results.backendChoice ?? out.results.backend,
    trials: out.results.trials.map((t) => `${t.key}:${JSON.stringify(t.metrics)}`).join('|'),
  };
  process.stdout.write(JSON.stringify(one));
  process.exit(0);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY;

/** The machine is shared: before each run, wait (up to 5 min) until it has been under 15% busy for 3 s. */
async function waitIdle(): Promise<void> {
  const busy = (): [number, number] =>
    os.cpus().reduce(([b, t], c) => [b + c.times.user + c.times.nice + c.times.sys + c.times.irq, t + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle], [0, 0]);
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
if (ONLY !== 'reference') sweeps.push({ name: 'large (784→{128,256,512}→10, 8 random trials, wasm)', config: makeLarge(dir), backend: 'wasm' });
if (ONLY !== 'large') sweeps.push({ name: 'reference (breast-cancer.yml, tpe 20 trials, backend auto)', config: path.resolve('bench/sweeps/breast-cancer.yml') });

const self = fileURLToPath(import.meta.url);
console.log(`Node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model}, ${new Date().toISOString()}`);
for (const s of sweeps) {
  const rows: Record<number, One[]> = {};
  for (let i = 0; i < RUNS; i++) {
    for (const parallel of [1, 2]) {
      await waitIdle();
      const t0 = performance.now();
      const one = JSON.parse(execFileSync(process.execPath, [self, '--one', s.config, String(parallel), ...(s.backend ? [s.backend] : [])], { encoding: 'utf8' })) as One;
      const processMs = performance.now() - t0;
      (rows[parallel] ??= []).push({ ...one, wallMs: processMs });
      process.stderr.write(`${s.name} p${parallel} run ${i + 1}: ${processMs.toFixed(0)} ms (setup ${one.setupMs.toFixed(0)}) [${one.durations.join(' ')}] ${one.backend}\n`);
    }
  }
  console.log(`\n${s.name}: medians of ${RUNS} cold processes, alternated`);
  console.log('| parallel | wall, process start to exit (median) | all runs | setup before the first trial | per-trial durationMs (run of median wall) | best val_loss |');
  console.log('| ---: | ---: | --- | ---: | --- | ---: |');
  for (const [p, r] of Object.entries(rows)) {
    const walls = r.map((o) => o.wallMs);
    const mid = r[walls.indexOf(median(walls))]!;
    console.log(
      `| ${p} | ${median(walls).toFixed(0)} ms | ${walls.map((w) => w.toFixed(0)).join(' ')} | ${median(r.map((o) => o.setupMs)).toFixed(0)} ms | ${mid.durations.join(' ')} | ${median(r.map((o) => o.best)).toFixed(4)} |`,
    );
  }
  const all = [...rows[1]!, ...rows[2]!];
  console.log(`backends: ${[...new Set(all.map((o) => o.backend))].join('; ')}`);
  // The same trials on the same backend: every run at one parallelism; for random (and grid), also across them.
  const same = (xs: readonly One[]): boolean => xs.every((o) => o.backend !== xs[0]!.backend || o.trials === xs[0]!.trials);
  console.log(`identical trials (keys, metrics) within parallel 1: ${same(rows[1]!)}, within 2: ${same(rows[2]!)}, across 1 and 2: ${same(all)}`);
}
if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
