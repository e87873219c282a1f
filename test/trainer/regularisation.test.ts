import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TrialError } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import type { Objective } from '../../src/core/objective.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { EarlyStopping } from '../../src/trainer/nn/early-stopping.js';
import { hiddenWidths, parseHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { applyWeightDecay, buildMlp } from '../../src/trainer/nn/mlp.js';
import { learningRateAt } from '../../src/trainer/nn/schedule.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { cleanupTempDirs, fixture, recordingCtx, spec, tempDir } from './helpers.js';

// The regularisation and optimisation hyperparameters of the dense trainer, each shown to do what it says.

afterAll(cleanupTempDirs);

let handle: TfHandle;
let iris: Objective;
beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
  iris = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }), handle);
});

const lrs = (params: Params, epochs: number): number[] => {
  const hp = parseHyperparameters({ epochs, ...params });
  return Array.from({ length: epochs }, (_, i) => learningRateAt(hp, i + 1));
};
const close = (got: number[], want: number[]): void => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 12));
};

describe('learning-rate schedule, per epoch', () => {
  test('constant: learning_rate itself every epoch', () => {
    expect(lrs({ learning_rate: 0.03 }, 4)).toEqual([0.03, 0.03, 0.03, 0.03]);
  });

  test('step: × lr_decay_rate every lr_decay_epochs epochs', () => {
    close(
      lrs({ learning_rate: 0.1, lr_schedule: 'step', lr_decay_rate: 0.5, lr_decay_epochs: 2 }, 6),
      [0.1, 0.1, 0.05, 0.05, 0.025, 0.025],
    );
  });

  test('exponential: × lr_decay_rate^(1/lr_decay_epochs) per epoch', () => {
    close(lrs({ learning_rate: 0.1, lr_schedule: 'exponential', lr_decay_rate: 0.25, lr_decay_epochs: 2 }, 4), [0.1, 0.05, 0.025, 0.0125]);
  });

  test('cosine: from learning_rate down towards learning_rate·lr_min_fraction', () => {
    const got = lrs({ learning_rate: 0.1, lr_schedule: 'cosine', lr_min_fraction: 0.1 }, 4);
    // 0.01 + 0.09·(1 + cos(π·t/4))/2 for t = 0..3
    close(got, [0.1, 0.01 + (0.09 * (1 + Math.SQRT1_2)) / 2, 0.055, 0.01 + (0.09 * (1 - Math.SQRT1_2)) / 2]);
  });

  test('warm-up ramps linearly to learning_rate, then the schedule starts from the top', () => {
    close(lrs({ learning_rate: 0.4, warmup_epochs: 3 }, 5), [0.1, 0.2, 0.3, 0.4, 0.4]);
    close(
      lrs({ learning_rate: 0.4, warmup_epochs: 1, lr_schedule: 'step', lr_decay_rate: 0.5, lr_decay_epochs: 1 }, 4),
      [0.2, 0.4, 0.2, 0.1],
    );
  });

  // The validation loss depends only on the weights (no dropout, no batch norm): a rate of ~0 freezes it.
  const valLosses = async (params: Params): Promise<number[]> => {
    const ctx = recordingCtx(3);
    await iris.run({ epochs: 3, optimizer: 'sgd', learning_rate: 0.5, ...params }, ctx);
    return ctx.reports.map((r) => r.metrics.val_loss!);
  };

  test('the trainer steps with the scheduled rate: a step decay to ~0 after epoch 1 freezes the model', async () => {
    const [, e2, e3] = await valLosses({ lr_schedule: 'step', lr_decay_rate: 1e-9, lr_decay_epochs: 1 });
    const [, c2, c3] = await valLosses({});
    expect(Math.abs(e3! - e2!)).toBeLessThan(1e-6);
    expect(Math.abs(c3! - c2!)).toBeGreaterThan(1e-3);
  });

  test("... and during warm-up: a long warm-up keeps the first epochs' steps small", async () => {
    const warm = await valLosses({ warmup_epochs: 1000 });
    const cold = await valLosses({});
    expect(Math.abs(warm[2]! - warm[0]!)).toBeLessThan(0.2 * Math.abs(cold[2]! - cold[0]!));
  });
});

describe('weight_decay', () => {
  test('shrinks every kernel by 1 − lr·weight_decay and leaves biases and norm parameters alone', () => {
    const hp = parseHyperparameters({ layers: 2, units: 4, layer_norm: true });
    const model = buildMlp(hp, 3, 2, 1);
    model.params.fill(0.5);
    applyWeightDecay(model, 0.1, 2);
    const kernelValues = new Set(model.kernels.flatMap((k) => Array.from(model.params.subarray(k.offset, k.offset + k.size))));
    expect([...kernelValues]).toEqual([Math.fround(0.5 * 0.8)]);
    const ln = model.hidden[0]!.ln!;
    expect(Array.from(model.params.subarray(ln.gamma.offset, ln.beta.offset + ln.beta.size)).every((v) => v === 0.5)).toBe(true);
    expect(model.params[model.outBias.offset]).toBe(0.5);
  });

  test('with l2 0, a strong decay drives the weights (and so the logits) towards zero in training', async () => {
    // Balanced iris: with near-zero kernels only the biases speak, and the loss approaches ln 3 from below.
    const decayed = await iris.run({ epochs: 10, l2: 0, weight_decay: 30, learning_rate: 0.01 }, recordingCtx(1));
    const plain = await iris.run({ epochs: 10, l2: 0, learning_rate: 0.01 }, recordingCtx(1));
    expect(plain.metrics.val_loss).toBeLessThan(0.6);
    expect(decayed.metrics.val_loss).toBeGreaterThan(1.0);
    expect(decayed.metrics.val_loss).toBeLessThan(Math.log(3) + 0.01);
  });

  test('applies to every optimizer', async () => {
    for (const optimizer of ['sgd', 'momentum', 'rmsprop', 'adagrad', 'adadelta', 'adamax']) {
      const a = await iris.run({ epochs: 2, optimizer, weight_decay: 0.5 }, recordingCtx(2));
      const b = await iris.run({ epochs: 2, optimizer }, recordingCtx(2));
      expect(a.metrics.val_loss, optimizer).not.toBe(b.metrics.val_loss);
    }
  });
});

describe('layer_norm', () => {
  test('trains (iris well above chance), differs from no normalisation; together with batch_norm it is an error', async () => {
    const ctx = recordingCtx(2);
    const ln = await iris.run({ epochs: 30, batch_size: 16, layer_norm: true }, ctx);
    expect(ln.metrics.val_accuracy).toBeGreaterThanOrEqual(0.8);
    expect(ln.metrics.loss).toBeLessThan(0.6 * ctx.reports[0]!.metrics.loss!); // it learns (the 29-row validation split is too small to ask the same of val_loss)
    const plain = await iris.run({ epochs: 3, layer_norm: false }, recordingCtx(2));
    const norm = await iris.run({ epochs: 3, layer_norm: true }, recordingCtx(2));
    expect(norm.metrics.loss).not.toBe(plain.metrics.loss);
    await expect(iris.run({ batch_norm: true, layer_norm: true }, recordingCtx(2))).rejects.toThrow(
      'layer_norm: cannot be true together with batch_norm: pick one normalisation, got true',
    );
  });
});

describe('early_stopping_patience', () => {
  test('stops after `patience` epochs without a strict improvement; ties do not count', () => {
    const s = new EarlyStopping(2, { name: 'val_loss', goal: 'minimize' });
    expect([1, 0.8, 0.8, 0.9].map((v) => s.shouldStop({ val_loss: v }))).toEqual([false, false, false, true]);
    const m = new EarlyStopping(1, { name: 'val_accuracy', goal: 'maximize' });
    expect([0.5, 0.7, 0.9, 0.8].map((v) => m.shouldStop({ val_accuracy: v }))).toEqual([false, false, false, true]);
    expect(() => new EarlyStopping(1, { name: 'val_mae', goal: 'minimize' }).shouldStop({ val_loss: 1 })).toThrow(
      /watches metric "val_mae"/,
    );
  });

  test('stops training early on the sweep metric; the metrics are those of the epoch it stopped at', async () => {
    const separable = await createTabularObjective(
      spec({
        data: fixture('separable.csv'),
        target: 'label',
        task: 'classification',
        earlyStoppingMetric: { name: 'val_accuracy', goal: 'maximize' },
      }),
      handle,
    );
    try {
      const ctx = recordingCtx(1);
      const r = await separable.run({ epochs: 60, early_stopping_patience: 2 }, ctx);
      const acc = ctx.reports.map((s) => s.metrics.val_accuracy!);
      expect(acc.length).toBeLessThan(60);
      // the last two epochs did not beat the best before them
      expect(Math.max(...acc.slice(-2))).toBeLessThanOrEqual(Math.max(...acc.slice(0, -2)));
      expect(r.metrics).toEqual(ctx.reports.at(-1)!.metrics);
      const all = recordingCtx(1);
      await separable.run({ epochs: acc.length + 3 }, all);
      expect(all.reports).toHaveLength(acc.length + 3); // without patience, every epoch
    } finally {
      await separable.dispose?.();
    }
  });
});

describe('validation_split as a hyperparameter', () => {
  test('a trial with another split is scored on that many validation rows; the default split is unchanged', async () => {
    const half = await iris.run({ epochs: 2, validation_split: 0.5 }, recordingCtx(4));
    expect(half.metrics.val_accuracy! * 75).toBeCloseTo(Math.round(half.metrics.val_accuracy! * 75), 9); // 25 per class
    const byDefault = await iris.run({ epochs: 2 }, recordingCtx(4));
    const explicit = await iris.run({ epochs: 2, validation_split: 0.2 }, recordingCtx(4));
    expect(explicit.metrics).toEqual(byDefault.metrics);
    expect(half.metrics).not.toEqual(byDefault.metrics);
  });

  test('trainer.validation_split is its default; beside a validation file it is a trial error', async () => {
    const wide = await createTabularObjective(
      spec({ data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.5 }),
      handle,
    );
    const dir = tempDir('split');
    const lines = readFileSync(fixture('separable.csv'), 'utf8').trim().split('\n');
    writeFileSync(path.join(dir, 'train.csv'), `${lines.slice(0, 151).join('\n')}\n`);
    writeFileSync(path.join(dir, 'val.csv'), `${[lines[0], ...lines.slice(151)].join('\n')}\n`);
    const withFile = await createTabularObjective(
      spec({ data: path.join(dir, 'train.csv'), validation: path.join(dir, 'val.csv'), target: 'label', task: 'classification' }),
      handle,
    );
    try {
      expect((await wide.run({ epochs: 2 }, recordingCtx(4))).metrics).toEqual(
        (await iris.run({ epochs: 2, validation_split: 0.5 }, recordingCtx(4))).metrics,
      );
      const err = await withFile.run({ epochs: 1, validation_split: 0.3 }, recordingCtx(1)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TrialError);
      expect(String(err)).toBe(
        'TrialError: validation_split: cannot be used with trainer.validation (a separate validation file replaces the split), got 0.3',
      );
    } finally {
      await wide.dispose?.();
      await withFile.dispose?.();
    }
  });
});

describe('per-layer widths', () => {
  test('width_schedule: constant, shrink (halving, at least 1), grow (doubling, at most 4096)', () => {
    expect(hiddenWidths(3, 64, 'constant')).toEqual([64, 64, 64]);
    expect(hiddenWidths(4, 12, 'shrink')).toEqual([12, 6, 3, 2]);
    expect(hiddenWidths(3, 1, 'shrink')).toEqual([1, 1, 1]);
    expect(hiddenWidths(3, 2048, 'grow')).toEqual([2048, 4096, 4096]);
    const model = buildMlp(parseHyperparameters({ layers: 3, units: 16, width_schedule: 'shrink' }), 4, 3, 1);
    expect(model.hidden.map((h) => h.kernel.shape)).toEqual([
      [4, 16],
      [16, 8],
      [8, 4],
    ]);
    expect(model.outKernel.shape).toEqual([4, 3]);
  });

  test("a funnel trains, with dropout and batch norm on each layer's own width", async () => {
    const r = await iris.run(
      { epochs: 3, layers: 3, units: 16, width_schedule: 'shrink', dropout: 0.2, batch_norm: true },
      recordingCtx(5),
    );
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
  });
});
