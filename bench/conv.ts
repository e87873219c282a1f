// Conv trainer benchmark: the built-in image trainer (trainer.type: image) against PyTorch 1.13 (CPU) training the
// same conv net on the same 8×8 digits (fixtures/data/digits.csv, 1,797 images), epochs, batch size and optimiser.
// Side by side in one run, per backend that loads here; medians of repeats. Run: npm run bench:conv
// (needs /usr/bin/python3 with Debian's python3-torch).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { ImageTrainerSpec } from '../src/core/config/types.js';
import { createImageObjective, loadTf, type BackendChoice } from '../src/trainer/index.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const data = path.resolve('fixtures/data/digits.csv');
// Two conv layers of 16 3×3 filters (same padding, relu, 2×2 max pooling), a 64-unit dense layer, 10 outputs.
const params = {
  conv_layers: 2,
  filters: 16,
  kernel_size: 3,
  padding: 'same',
  pooling: 'max',
  layers: 1,
  units: 64,
  epochs: 5,
  batch_size: 32,
  optimizer: 'adam',
  learning_rate: 0.005,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function ours(backend: BackendChoice): Promise<{ ms: number; acc: number } | string> {
  let handle;
  try {
    // tfjs-node resolves from the workspace; TFJS_NODE_DIR points at a folder that has it (../shared/tools/tfjs-node-local.sh DIR).
    handle = await loadTf(backend, {
      cwd: backend === 'tensorflow' && process.env.TFJS_NODE_DIR ? process.env.TFJS_NODE_DIR : process.cwd(),
      warn: () => {},
    });
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
  const spec: ImageTrainerSpec = {
    type: 'image',
    data,
    target: 'label',
    task: 'classification',
    inputShape: [8, 8, 1],
    validationSplit: 0.2,
    defaults: {},
  };
  const objective = await createImageObjective(spec, handle);
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

function torch(threads: number): { ms: number; acc: number } {
  const out = execFileSync(
    '/usr/bin/python3',
    [path.resolve('bench', 'torch_conv.py'), data, String(REPEATS), String(threads), JSON.stringify(params)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as { ms: number; acc: number };
}

const rows: string[][] = [];
for (const backend of ['tensorflow', 'wasm', 'cpu'] as const) {
  const r = await ours(backend);
  rows.push(
    typeof r === 'string'
      ? [`sweepgate image (${backend})`, '—', '—', `not available here: ${r}`]
      : [`sweepgate image (${backend})`, r.ms.toFixed(0), r.acc.toFixed(3), ''],
  );
}
for (const threads of [1, os.availableParallelism()]) {
  const r = torch(threads);
  rows.push([`PyTorch 1.13 (${threads} thread${threads > 1 ? 's' : ''})`, r.ms.toFixed(0), r.acc.toFixed(3), '']);
}
const torch1 = Number(rows.find((r) => r[0]!.includes('(1 thread)'))![1]);
console.log(
  `digits 8×8×1 (1,797 images, 80/20 split), conv 2×16 3×3 same + 2×2 max pool, dense 64, adam, ${params.epochs} epochs, batch 32; median of ${REPEATS} trials; Node ${process.version}, ${os.availableParallelism()} cores`,
);
console.log('| trainer | ms per trial | vs PyTorch 1 thread | val_accuracy | note |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [name, ms, acc, note] of rows)
  console.log(`| ${name} | ${ms} | ${ms === '—' ? '—' : `${(Number(ms) / torch1).toFixed(2)}x`} | ${acc} | ${note} |`);
