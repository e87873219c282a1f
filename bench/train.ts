// Trainer benchmark: the built-in tabular trainer on each TensorFlow.js backend (cpu, wasm, and tensorflow when a
// tfjs-node build is found) against PyTorch 1.13 (CPU) training the same MLP on the same data, epochs, batch size
// and optimiser, at a tabular size and a large size. Side by side in one run; medians of repeats.
// Run: npm run bench:train   (needs /usr/bin/python3 with python3-torch from Debian; tfjs-node from
// SWEEPGATE_TFJS_NODE_DIR, default ~/.cache/sweepgate-tfjs-node, built by ../shared/tools/tfjs-node-local.sh)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TabularTrainerSpec } from '../src/core/config/types.js';
import { Rng } from '../src/core/rng.js';
import type { BackendName } from '../src/core/backends.js';
import { BackendError, createTabularObjective, loadTf, type TfHandle } from '../src/trainer/index.js';

interface Shape {
  readonly name: string;
  readonly rows: number;
  readonly features: number;
  readonly classes: number;
  readonly repeats: number;
  readonly steps: number;
  readonly params: Record<string, string | number>;
}

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const SHAPES: readonly Shape[] = [
  {
    name: 'tabular: 4000 rows × 16 features, MLP 16→64→64→2',
    rows: 4000,
    features: 16,
    classes: 2,
    repeats: REPEATS,
    steps: 50,
    params: { epochs: 10, batch_size: 32, layers: 2, units: 64, activation: 'relu', optimizer: 'adam', learning_rate: 0.005 },
  },
  {
    name: 'large: 1000 rows × 784 features, MLP 784→512→512→10',
    rows: 1000,
    features: 784,
    classes: 10,
    repeats: Math.min(REPEATS, 3),
    steps: 5,
    params: { epochs: 1, batch_size: 64, layers: 2, units: 512, activation: 'relu', optimizer: 'adam', learning_rate: 0.001 },
  },
];

function makeData(file: string, s: Shape): void {
  // Classes from a non-linear function of a few features, so hidden layers matter.
  const rng = new Rng(2024);
  const lines = [[...Array.from({ length: s.features }, (_, i) => `f${i}`), 'label'].join(',')];
  for (let r = 0; r < s.rows; r++) {
    const x = Array.from({ length: s.features }, () => rng.normal());
    const v = Math.sin(x[0]! * 1.5) + x[1]! * x[2]! * 0.5 + 0.3 * x[3]! + 0.2 * rng.normal();
    const label =
      s.classes === 2 ? (v > 0 ? 'pos' : 'neg') : `c${Math.min(s.classes - 1, Math.max(0, Math.floor((v + 2) * (s.classes / 4))))}`;
    lines.push([...x.map((n) => n.toFixed(4)), label].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** tfjs-node as a user's workspace would hold it: a folder whose node_modules has the build. */
function tfjsNodeWorkspace(): string | undefined {
  const dir = process.env.SWEEPGATE_TFJS_NODE_DIR ?? path.join(os.homedir(), '.cache', 'sweepgate-tfjs-node');
  if (!existsSync(path.join(dir, 'node_modules', '@tensorflow', 'tfjs-node'))) return undefined;
  const ws = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-ws-'));
  symlinkSync(path.join(dir, 'node_modules'), path.join(ws, 'node_modules'), 'dir');
  return ws;
}

async function ours(handle: TfHandle, data: string, s: Shape): Promise<{ trialMs: number; stepMs: number; acc: number }> {
  const spec: TabularTrainerSpec = { type: 'tabular', data, target: 'label', task: 'classification', validationSplit: 0.2, defaults: {} };
  const objective = await createTabularObjective(spec, handle);
  const times: number[] = [];
  let acc = 0;
  for (let i = 0; i < s.repeats + 1; i++) {
    const t0 = performance.now();
    const r = await objective.run(s.params, { seed: 1 + i, report: () => false, signal: new AbortController().signal });
    if (i > 0) times.push(performance.now() - t0); // the first run warms up kernels and JIT
    acc = r.metrics.val_accuracy ?? Number.NaN;
  }
  const steps: number[] = [];
  for (let i = 0; i < 3; i++) steps.push(await objective.msPerStep(handle, s.params, s.steps));
  await objective.dispose();
  return { trialMs: median(times), stepMs: median(steps), acc };
}

function torch(data: string, threads: number, s: Shape): { ms: number; stepMs: number; acc: number } {
  const out = execFileSync(
    '/usr/bin/python3',
    [path.resolve('bench', 'torch_train.py'), data, String(s.repeats), String(threads), JSON.stringify(s.params)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as { ms: number; stepMs: number; acc: number };
}

const dir = path.resolve('build');
mkdirSync(dir, { recursive: true });
const ws = tfjsNodeWorkspace();
const backends: BackendName[] = ['cpu', 'wasm', 'tensorflow'];
console.log(`Node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? ''}, ${new Date().toISOString()}`);
for (const s of SHAPES) {
  const data = path.join(dir, `bench-train-${s.features}.csv`);
  makeData(data, s);
  const rows: string[][] = [];
  for (const b of backends) {
    let handle: TfHandle;
    try {
      handle = await loadTf(b, { cwd: ws ?? process.cwd(), warn: () => {} });
    } catch (err) {
      if (!(err instanceof BackendError)) throw err;
      rows.push([`sweepgate tabular (${b})`, 'n/a', 'n/a', err.message]);
      continue;
    }
    const r = await ours(handle, data, s);
    rows.push([`sweepgate tabular (${b})`, r.stepMs.toFixed(3), r.trialMs.toFixed(0), r.acc.toFixed(3)]);
  }
  for (const threads of [1, os.availableParallelism()]) {
    const r = torch(data, threads, s);
    rows.push([`PyTorch 1.13 (${threads} thread${threads > 1 ? 's' : ''})`, r.stepMs.toFixed(3), r.ms.toFixed(0), r.acc.toFixed(3)]);
  }
  const torch1 = Number(rows[backends.length]![2]);
  console.log(
    `\n${s.name}; ${JSON.stringify(s.params)}; per trial: median of ${s.repeats} after a warm-up; per step: median of 3 × ${s.steps} steps of one batch`,
  );
  console.log('| trainer | ms per step | ms per trial | trial vs PyTorch 1 thread | val_accuracy |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, step, ms, acc] of rows)
    console.log(`| ${name} | ${step} | ${ms} | ${ms === 'n/a' ? 'n/a' : `${(Number(ms) / torch1).toFixed(2)}×`} | ${acc} |`);
}
