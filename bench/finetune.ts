// Fine-tuning benchmark (issue 18, point 4): the conv-net regime on the shipped 8×8 digits. A conv net is
// pre-trained once on the digits 0-4 (fixtures/data/digits-0-4.csv) and saved (save_best's code path); then, on
// the digits 5-9 (digits-5-9.csv, classes the base never saw), a fine-tune with both conv layers frozen (a new
// head), one with nothing frozen (the base's weights as the start) and the same net trained from scratch, at equal
// epochs, for several trial seeds, interleaved.
// Prints val_accuracy and ms per trial (medians over the seeds), in-process.
//   npm run bench:finetune                         both arms
//   BENCH_ONLY=frozen|unfrozen|scratch node build/finetune.mjs   one arm (to time whole processes, e.g. /usr/bin/time -v)
// BENCH_SEEDS (default 5), BENCH_EPOCHS (default "1,4,10"), BENCH_BACKEND (default wasm).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImageTrainerSpec } from '../src/core/config/types.js';
import type { Params } from '../src/core/json.js';
import type { TrialContext } from '../src/core/objective.js';
import type { BackendName } from '../src/core/backends.js';
import { loadTf } from '../src/trainer/tf/backend.js';
import { createImageObjective } from '../src/trainer/image/image-objective.js';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 5);
const EPOCHS = (process.env.BENCH_EPOCHS ?? '1,4,10').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY;
const BACKEND = (process.env.BENCH_BACKEND ?? 'wasm') as BackendName;
const ARCH = { conv_layers: 2, filters: 8, layers: 1, units: 32 };
const TRAIN = { batch_size: 32, learning_rate: 0.01 };

const spec = (file: string, extra: Partial<ImageTrainerSpec> = {}): ImageTrainerSpec => ({
  type: 'image',
  data: path.resolve('fixtures/data', file),
  target: 'label',
  task: 'classification',
  inputShape: [8, 8, 1],
  validationSplit: 0.2,
  defaults: {},
  ...extra,
});
const ctx = (seed: number): TrialContext => ({ seed, report: () => false, signal: new AbortController().signal });
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const handle = await loadTf(BACKEND, { cwd: process.cwd(), warn: (m) => process.stderr.write(`warning: ${m}\n`) });
const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-finetune-'));
const t0 = performance.now();
const pre = await createImageObjective(spec('digits-0-4.csv'), handle);
await pre.saveModel!({ ...ARCH, ...TRAIN, epochs: 6 }, 1, dir, {});
const pretrainMs = performance.now() - t0;

const tuned = await createImageObjective(spec('digits-5-9.csv', { baseModel: dir }), handle);
const arms = {
  frozen: { objective: tuned, params: { ...TRAIN, freeze_layers: 2 } },
  unfrozen: { objective: tuned, params: { ...TRAIN, freeze_layers: 0 } },
  scratch: { objective: await createImageObjective(spec('digits-5-9.csv'), handle), params: { ...ARCH, ...TRAIN } },
};
const names = (Object.keys(arms) as (keyof typeof arms)[]).filter((a) => !ONLY || a === ONLY);
const runs: { arm: string; epochs: number; seed: number; acc: number; ms: number }[] = [];
for (const epochs of EPOCHS)
  for (let seed = 1; seed <= SEEDS; seed++)
    for (const arm of seed % 2 ? names : [...names].reverse()) {
      const { objective, params } = arms[arm];
      const start = performance.now();
      const r = await objective.run({ ...params, epochs } as Params, ctx(seed));
      runs.push({ arm, epochs, seed, acc: r.metrics.val_accuracy!, ms: performance.now() - start });
    }
rmSync(dir, { recursive: true, force: true });

console.log(
  `digits 5-9 (896 images, validation split 0.2), backend ${handle.backend}, ${SEEDS} trial seeds, ${os.availableParallelism()} cores, Node ${process.version}; ` +
    `pre-training on digits 0-4 (6 epochs + save): ${(pretrainMs / 1000).toFixed(1)} s`,
);
console.log('| arm | epochs | median val_accuracy | min–max | median ms per trial |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const epochs of EPOCHS)
  for (const arm of names) {
    const r = runs.filter((x) => x.arm === arm && x.epochs === epochs);
    const accs = r.map((x) => x.acc);
    console.log(
      `| ${arm} | ${epochs} | ${median(accs).toFixed(4)} | ${Math.min(...accs).toFixed(4)}–${Math.max(...accs).toFixed(4)} | ${median(r.map((x) => x.ms)).toFixed(0)} |`,
    );
  }
