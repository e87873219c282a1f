import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { StepMetrics } from '../../src/core/trial.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { GOLDEN_CASES } from './golden-cases.js';
import { fixture, recordingCtx, repoRoot, spec } from './helpers.js';

// New hyperparameters at their defaults must leave every existing trial's numbers exactly as they were
// (TABULAR_TRAINER_VERSION 4), or cached trials would be reused for results the trainer no longer produces.
// Version 5 changed rmsprop's default momentum only; its golden case sets version 4's 0.9 (golden-cases.ts).

const golden = JSON.parse(readFileSync(path.join(repoRoot, 'test/trainer/fixtures/golden-v4.json'), 'utf8')) as {
  name: string;
  reports: StepMetrics[];
}[];

let handle: TfHandle;
beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
});

for (const c of GOLDEN_CASES) {
  test(`${c.name}: the same per-epoch metrics, bit for bit, as trainer version 4 recorded`, async () => {
    const want = golden.find((g) => g.name === c.name);
    expect(want).toBeDefined();
    const o = await createTabularObjective(spec({ data: fixture(c.data), target: c.target, task: c.task }), handle);
    const defaults = {
      weight_decay: 0,
      lr_schedule: 'constant',
      warmup_epochs: 0,
      layer_norm: false,
      early_stopping_patience: 0,
      width_schedule: 'constant',
      validation_split: 0.2,
    };
    for (const params of [c.params, { ...defaults, ...c.params }]) {
      const ctx = recordingCtx(c.seed);
      await o.run(params, ctx);
      expect(ctx.reports).toStrictEqual(want!.reports);
    }
  });
}
