// Trainer parity on the reference sweep's data and split: the same fixed params trained by sweepgate's tabular
// trainer and by PyTorch 1.13 (bench/optuna_torch_sweep.py --fixed, PyTorch's defaults) on exactly the same
// validation rows and encoding, over several seeds each, full epochs, no pruning. Separates the trainers from the
// searches in bench:sweep. Run: node scripts/bundle.mjs bench/parity.ts && node build/parity.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSweepConfig } from '../src/core/config/index.js';
import { createTabularObjective, loadTf } from '../src/trainer/index.js';
import { validationRowsOf } from './lib/validation-rows.js';

const SEEDS = Array.from({ length: Number(process.env.BENCH_SEEDS ?? 10) }, (_, i) => i + 1);
const reference = path.resolve('bench/sweeps/breast-cancer.yml');
const PARAMS = (
  process.env.BENCH_PARAMS
    ? JSON.parse(process.env.BENCH_PARAMS)
    : [
        { learning_rate: 0.003, units: 16, layers: 1, activation: 'relu', optimizer: 'adam' },
        { learning_rate: 0.03, units: 16, layers: 1, activation: 'relu', optimizer: 'adam' },
        { learning_rate: 0.003, units: 16, layers: 1, activation: 'relu', optimizer: 'rmsprop' },
        { learning_rate: 0.03, units: 16, layers: 1, activation: 'relu', optimizer: 'rmsprop' },
        { learning_rate: 0.03, units: 16, layers: 1, activation: 'relu', optimizer: 'sgd' },
        { learning_rate: 0.1, units: 32, layers: 2, activation: 'tanh', optimizer: 'sgd' },
      ]
) as Record<string, string | number>[];

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]): number => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

const config = parseSweepConfig(readFileSync(reference, 'utf8'), reference);
if (config.workload.kind !== 'trainer' || config.workload.trainer.type !== 'tabular') throw new Error('not a tabular sweep');
const spec = config.workload.trainer;
const val = validationRowsOf(reference);
const valFile = path.resolve('build/parity-val.json');
writeFileSync(valFile, JSON.stringify(val.rows));
const handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
const objective = await createTabularObjective(spec, handle);
if (objective.validation?.fingerprint !== val.fingerprint) throw new Error('validation rows differ from the trainer’s');

console.log(
  `${SEEDS.length} seeds each, ${spec.defaults['epochs']} epochs, batch ${spec.defaults['batch_size']}, ${val.rows.length} validation rows (the same on both sides); Node ${process.version}, ${os.availableParallelism()} cores`,
);
console.log('| params | sweepgate val_loss mean ± sd | PyTorch val_loss mean ± sd | sweepgate val_acc | PyTorch val_acc |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const p of PARAMS) {
  const ours = [];
  for (const seed of SEEDS)
    ours.push((await objective.run(p, { seed, report: () => false, signal: new AbortController().signal })).metrics);
  const pfile = path.resolve('build/parity-params.json');
  writeFileSync(pfile, JSON.stringify(p));
  const theirs = JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        path.resolve('bench/optuna_torch_sweep.py'),
        val.data,
        '--val',
        valFile,
        '--fixed',
        pfile,
        '--seeds',
        SEEDS.join(','),
        '--init',
        process.env.BENCH_TORCH_INIT ?? 'torch',
      ],
      { encoding: 'utf8' },
    ),
  ) as { val_loss: number; val_accuracy: number }[];
  const a = ours.map((m) => m['val_loss']!);
  const b = theirs.map((m) => m.val_loss);
  console.log(
    `| ${p['optimizer']} lr ${p['learning_rate']} ${p['layers']}×${p['units']} ${p['activation']} | ${mean(a).toFixed(4)} ± ${sd(a).toFixed(4)} | ${mean(b).toFixed(4)} ± ${sd(b).toFixed(4)} | ${mean(ours.map((m) => m['val_accuracy']!)).toFixed(4)} | ${mean(theirs.map((m) => m.val_accuracy)).toFixed(4)} |`,
  );
}
await objective.dispose();
