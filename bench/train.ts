// Trainer benchmark: the built-in tabular trainer (WASM and CPU backends) against PyTorch 1.13 (CPU) training
// the same MLP on the same data, epochs, batch size and optimiser. Side by side in one run; medians of repeats.
// Run: npm run bench:train   (needs /usr/bin/python3 with python3-torch from Debian)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TabularTrainerSpec } from '../src/core/config/types.js';
import { Rng } from '../src/core/rng.js';
import { createTabularObjective, loadTf, type BackendChoice } from '../src/trainer/index.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 4000);
const FEATURES = 16;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const params = { epochs: 10, batch_size: 32, layers: 2, units: 64, activation: 'relu', optimizer: 'adam', learning_rate: 0.005 };

function makeData(file: string): void {
  // Two interleaved classes with a non-linear boundary, so a hidden layer matters.
  const rng = new Rng(2024);
  const lines = [[...Array.from({ length: FEATURES }, (_, i) => `f${i}`), 'label'].join(',')];
  for (let r = 0; r < ROWS; r++) {
    const x = Array.from({ length: FEATURES }, () => rng.normal());
    const s = Math.sin(x[0]! * 1.5) + x[1]! * x[2]! * 0.5 + 0.3 * x[3]! + 0.2 * rng.normal();
    lines.push([...x.map((v) => v.toFixed(5)), s > 0 ? 'pos' : 'neg'].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function ours(backend: BackendChoice, data: string): Promise<{ ms: number; acc: number }> {
  const handle = await loadTf(backend, { cwd: process.cwd(), warn: () => {} });
  const spec: TabularTrainerSpec = { type: 'tabular', data, target: 'label', task: 'classification', validationSplit: 0.2, defaults: {} };
  const objective = await createTabularObjective(spec, handle);
  const times: number[] = [];
  let acc = 0;
  for (let i = 0; i < REPEATS + 1; i++) {
    const t0 = performance.now();
    const r = await objective.run(params, { seed: 1 + i, report: () => false, signal: new AbortController().signal });
    if (i > 0) times.push(performance.now() - t0); // the first run warms up kernels and JIT
    acc = r.metrics.val_accuracy ?? Number.NaN;
  }
  await objective.dispose?.();
  return { ms: median(times), acc };
}

function torch(data: string, threads: number): { ms: number; acc: number } {
  const out = execFileSync('/usr/bin/python3', [path.resolve('bench', 'torch_train.py'), data, String(REPEATS), String(threads), JSON.stringify(params)], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; acc: number };
}

const dir = path.resolve('build');
mkdirSync(dir, { recursive: true });
const data = path.join(dir, 'bench-train.csv');
makeData(data);
const rows: string[][] = [];
for (const backend of ['wasm', 'cpu'] as const) {
  const r = await ours(backend, data);
  rows.push([`sweepgate tabular (${backend})`, r.ms.toFixed(0), r.acc.toFixed(3)]);
}
for (const threads of [1, os.availableParallelism()]) {
  const r = torch(data, threads);
  rows.push([`PyTorch 1.13 (${threads} thread${threads > 1 ? 's' : ''})`, r.ms.toFixed(0), r.acc.toFixed(3)]);
}
const torch1 = Number(rows[2]![1]);
console.log(`${ROWS} rows x ${FEATURES} features, MLP 2x64 relu, adam, 10 epochs, batch 32; median of ${REPEATS} trials; Node ${process.version}, ${os.availableParallelism()} cores`);
console.log('| trainer | ms per trial | vs PyTorch 1 thread | val_accuracy |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, ms, acc] of rows) console.log(`| ${name} | ${ms} | ${(Number(ms) / torch1).toFixed(2)}x | ${acc} |`);
