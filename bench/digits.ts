// Image benchmark: on the 8×8 handwritten digits (fixtures/data/digits.csv, 1,797 images), a conv sweep against a
// dense (MLP) sweep with the same trial budget, method, seed, epochs and early stopping, through the engine the CLI
// and the Action use; then the time per trial of one fixed conv model. Run: npm run bench:digits
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSweep } from '../src/engine/run.js';

const TRIALS = Number(process.env.BENCH_TRIALS ?? 12);
const SEED = Number(process.env.BENCH_SEED ?? 3);
const data = path.resolve('fixtures/data/digits.csv');
const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`warning: ${m}\n`) };

const common = (trainer: string, parameters: string): string =>
  `method: tpe\nseed: ${SEED}\nrun_cap: ${TRIALS}\nmetric: {name: val_accuracy, goal: maximize}\n` +
  `trainer: {${trainer}, validation_split: 0.2, defaults: {epochs: 10, batch_size: 32, early_stopping_patience: 3}}\nparameters:\n${parameters}`;
const shared =
  '  learning_rate: {distribution: log_uniform_values, min: 0.001, max: 0.03}\n' +
  '  lr_schedule: {values: [constant, cosine]}\n  dropout: {values: [0.0, 0.2]}\n';
const dense = common(
  `type: tabular, data: ${data}, target: label, task: classification`,
  `${shared}  layers: {values: [1, 2, 3]}\n  units: {values: [32, 64, 128]}\n  width_schedule: {values: [constant, shrink]}\n`,
);
const conv = common(
  `type: image, data: ${data}, target: label, input_shape: [8, 8, 1]`,
  `${shared}  units: {values: [32, 64]}\n  conv_layers: {values: [1, 2]}\n  filters: {values: [8, 16, 32]}\n  filter_schedule: {values: [constant, grow]}\n` +
    '  kernel_size: {values: [3, 5]}\n  pooling: {values: [max, avg]}\n',
);

async function sweep(name: string, text: string): Promise<{ ms: number; best: number; backend: string; params: unknown }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-digits-'));
  const configPath = path.join(dir, `${name}.yml`);
  writeFileSync(configPath, text);
  const t0 = performance.now();
  const { results } = await runSweep({ configPath, mode: { cacheDir: path.join(dir, 'cache') }, ports: { log: quiet } });
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return { ms, best: results.best?.metrics.val_accuracy ?? Number.NaN, backend: results.backend, params: results.best?.params };
}

const rows = [
  ['dense (MLP) sweep', await sweep('dense', dense)],
  ['conv sweep', await sweep('conv', conv)],
] as const;
console.log(
  `8×8 digits (1,797 images, validation split 0.2), tpe seed ${SEED}, ${TRIALS} trials each, up to 10 epochs, early_stopping_patience 3; Node ${process.version}, ${os.availableParallelism()} cores`,
);
console.log('| sweep | backend | wall time | best val_accuracy | best params |');
console.log('| --- | --- | ---: | ---: | --- |');
for (const [name, r] of rows)
  console.log(`| ${name} | ${r.backend} | ${(r.ms / 1000).toFixed(1)} s | ${r.best.toFixed(4)} | \`${JSON.stringify(r.params)}\` |`);
