import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTIVATIONS, INITIALIZERS, OPTIMIZERS } from '../../src/core/config/trainer-params.js';
import { TrialError } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import type { Objective } from '../../src/core/objective.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { prepareTabularData } from '../../src/trainer/data/tabular-data.js';
import { createTabularObjective, tabularFingerprint } from '../../src/trainer/tabular/tabular-objective.js';
import { cleanupTempDirs, fixture, recordingCtx, spec, tempDir } from './helpers.js';

afterAll(cleanupTempDirs);

let handle: TfHandle;
let iris: Objective;
let separable: Objective;
let linear: Objective;

beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: (m) => console.error(m) });
  iris = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }), handle);
  separable = await createTabularObjective(spec({ data: fixture('separable.csv'), target: 'label', task: 'classification' }), handle);
  linear = await createTabularObjective(spec({ data: fixture('linear.csv'), target: 'y', task: 'regression' }), handle);
});

const numTensors = (): number => handle.tf.memory().numTensors;

/** Std of a fixture's validation targets: the RMSE of predicting their mean. */
function validationStd(file: string, target: string): number {
  const d = prepareTabularData({ data: fixture(file), target, task: 'regression', validationSplit: 0.2 }, readFileSync(fixture(file)));
  const t = Array.from(d.validation.targets!);
  const m = t.reduce((s, v) => s + v, 0) / t.length;
  return Math.sqrt(t.reduce((s, v) => s + (v - m) ** 2, 0) / t.length);
}

describe('learning', () => {
  test('learns the linearly separable fixture', async () => {
    const r = await separable.run({ epochs: 15 }, recordingCtx(1));
    expect(r.metrics.val_accuracy).toBeGreaterThan(0.9);
    expect(Object.keys(r.metrics).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  });

  test('learns iris (three classes, string labels)', async () => {
    const r = await iris.run({ epochs: 30, batch_size: 16 }, recordingCtx(2));
    expect(r.metrics.val_accuracy).toBeGreaterThan(0.85);
  });

  test('beats the mean predictor on the linear regression fixture, in original units', async () => {
    const ctx = recordingCtx(3);
    const r = await linear.run({ epochs: 30, batch_size: 16, learning_rate: 0.02 }, ctx);
    const std = validationStd('linear.csv', 'y');
    expect(std).toBeGreaterThan(3); // the target is around 100 with a spread of several units
    expect(r.metrics.val_rmse).toBeLessThan(0.5 * std);
    expect(r.metrics.val_loss).toBeCloseTo(r.metrics.val_rmse! ** 2, 6);
    expect(r.metrics.val_mae).toBeLessThanOrEqual(r.metrics.val_rmse!);
    expect(Object.keys(r.metrics).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae', 'val_rmse']);
    // the learning curve goes down
    expect(ctx.reports.at(-1)!.metrics.val_rmse).toBeLessThan(ctx.reports[0]!.metrics.val_rmse!);
  });

  test('beats the mean predictor on the diabetes data', async () => {
    const diabetes = await createTabularObjective(
      spec({ data: fixture('diabetes.csv'), target: 'progression', task: 'regression' }),
      handle,
    );
    try {
      const r = await diabetes.run({ epochs: 10, learning_rate: 0.005 }, recordingCtx(4));
      expect(r.metrics.val_rmse).toBeLessThan(validationStd('diabetes.csv', 'progression'));
    } finally {
      await diabetes.dispose?.();
    }
  });
});

describe('epochs, reports and final metrics', () => {
  test("reports every epoch (steps 1..epochs); the final metrics are the last epoch's", async () => {
    const ctx = recordingCtx(5);
    const r = await iris.run({ epochs: 4 }, ctx);
    expect(ctx.reports.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    expect(r.metrics).toEqual(ctx.reports[3]!.metrics);
  });

  test("stops when ctx.report returns true (pruned), with that epoch's metrics, and frees its tensors", async () => {
    const before = numTensors();
    const ctx = recordingCtx(6, 2);
    const r = await iris.run({ epochs: 50 }, ctx);
    expect(ctx.reports).toHaveLength(2);
    expect(r.metrics).toEqual(ctx.reports[1]!.metrics);
    expect(numTensors()).toBe(before);
  });

  test('a cancelled sweep (aborted signal) fails the trial', async () => {
    const ac = new AbortController();
    ac.abort('time budget');
    const ctx = { ...recordingCtx(7), signal: ac.signal };
    await expect(iris.run({ epochs: 3 }, ctx)).rejects.toThrow(/cancelled before epoch 1: time budget/);
  });
});

describe('determinism', () => {
  const params: Params = { epochs: 3, layers: 2, units: 8, dropout: 0.3, batch_norm: true, batch_size: 16 };

  test('same params and seed give identical learning curves; another seed does not', async () => {
    const a = recordingCtx(11);
    const b = recordingCtx(11);
    const c = recordingCtx(12);
    await iris.run(params, a);
    await iris.run(params, b);
    await iris.run(params, c);
    expect(b.reports).toEqual(a.reports);
    expect(c.reports).not.toEqual(a.reports);
  });

  test('the same data in another folder gives the same fingerprint and the same metrics', async () => {
    const dir = tempDir('tabular');
    copyFileSync(fixture('iris.csv'), path.join(dir, 'flowers.csv'));
    const moved = await createTabularObjective(
      spec({ data: path.join(dir, 'flowers.csv'), target: 'species', task: 'classification' }),
      handle,
    );
    try {
      expect(moved.fingerprint).toBe(iris.fingerprint);
      const a = recordingCtx(13);
      const b = recordingCtx(13);
      await iris.run({ epochs: 2 }, a);
      await moved.run({ epochs: 2 }, b);
      expect(b.reports).toEqual(a.reports);
    } finally {
      await moved.dispose?.();
    }
  });
});

describe('fingerprint', () => {
  const bytes = readFileSync(fixture('iris.csv'));
  const base = spec({ data: '/a/iris.csv', target: 'species', task: 'classification' });

  test('covers the data bytes and the spec, not the paths', () => {
    const fp = tabularFingerprint(base, bytes);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(tabularFingerprint({ ...base, data: '/elsewhere/x.csv' }, bytes)).toBe(fp);
    const changed = Buffer.from(bytes);
    changed[changed.length - 2] = changed[changed.length - 2]! ^ 1;
    expect(tabularFingerprint(base, changed)).not.toBe(fp);
    expect(tabularFingerprint({ ...base, defaults: { epochs: 5 } }, bytes)).not.toBe(fp);
    expect(tabularFingerprint({ ...base, validationSplit: 0.3 }, bytes)).not.toBe(fp);
    expect(tabularFingerprint({ ...base, splitSeed: 1 }, bytes)).not.toBe(fp); // the split seed picks other validation rows
    expect(tabularFingerprint({ ...base, splitBy: ['id'] }, bytes)).not.toBe(fp);
    expect(tabularFingerprint({ ...base, features: ['petal_length'] }, bytes)).not.toBe(fp);
    // with a validation file, its bytes count and validation_split (then unused) does not
    const withVal = tabularFingerprint({ ...base, validation: '/a/v.csv' }, bytes, bytes);
    expect(withVal).not.toBe(fp);
    expect(tabularFingerprint({ ...base, validation: '/b/w.csv', validationSplit: 0.5 }, bytes, bytes)).toBe(withVal);
    expect(tabularFingerprint({ ...base, validation: '/a/v.csv' }, bytes, changed)).not.toBe(withVal);
  });

  test('a separate validation file is used as given', async () => {
    const dir = tempDir('tabular');
    const lines = readFileSync(fixture('separable.csv'), 'utf8').trim().split('\n');
    writeFileSync(path.join(dir, 'train.csv'), `${[lines[0], ...lines.slice(1, 151)].join('\n')}\n`);
    writeFileSync(path.join(dir, 'val.csv'), `${[lines[0], ...lines.slice(151)].join('\n')}\n`);
    const o = await createTabularObjective(
      spec({ data: path.join(dir, 'train.csv'), validation: path.join(dir, 'val.csv'), target: 'label', task: 'classification' }),
      handle,
    );
    try {
      const r = await o.run({ epochs: 15 }, recordingCtx(1));
      expect(r.metrics.val_accuracy).toBeGreaterThan(0.9);
      expect(Math.round(r.metrics.val_accuracy! * 50)).toBeCloseTo(r.metrics.val_accuracy! * 50, 9); // 50 validation rows
    } finally {
      await o.dispose?.();
    }
  });
});

describe('hyperparameters', () => {
  const runs = (p: Params) => async () => {
    const before = numTensors();
    const ctx = recordingCtx(21);
    const r = await iris.run({ epochs: 2, layers: 2, units: 8, ...p }, ctx);
    expect(ctx.reports).toHaveLength(2);
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(numTensors()).toBe(before);
  };
  for (const optimizer of OPTIMIZERS) test(`optimizer ${optimizer}`, runs({ optimizer }));
  for (const activation of ACTIVATIONS) test(`activation ${activation}`, runs({ activation }));
  for (const kernel_initializer of INITIALIZERS) test(`kernel_initializer ${kernel_initializer}`, runs({ kernel_initializer }));
  test('batch_norm, dropout, l1 and l2 together', runs({ batch_norm: true, dropout: 0.5, l1: 0.001, l2: 0.01 }));
  test('layers 0 (a logistic model) and a batch larger than the data', runs({ layers: 0, batch_size: 1000 }));
  test(
    'layer_norm, weight_decay, a cosine schedule with warm-up and a growing width together',
    runs({ layer_norm: true, weight_decay: 0.01, lr_schedule: 'cosine', warmup_epochs: 1, width_schedule: 'grow', dropout: 0.2 }),
  );

  test('trainer.defaults apply under the trial params', async () => {
    const o = await createTabularObjective(
      spec({ data: fixture('iris.csv'), target: 'species', task: 'classification', defaults: { epochs: 3 } }),
      handle,
    );
    try {
      const ctx = recordingCtx(1);
      await o.run({}, ctx);
      expect(ctx.reports).toHaveLength(3);
      const ctx2 = recordingCtx(1);
      await o.run({ epochs: 1 }, ctx2);
      expect(ctx2.reports).toHaveLength(1);
    } finally {
      await o.dispose?.();
    }
  });

  test("l2 regularisation shrinks the weights' effect: training loss is higher with a large penalty", async () => {
    const plain = await iris.run({ epochs: 10 }, recordingCtx(1));
    const penalised = await iris.run({ epochs: 10, l2: 1 }, recordingCtx(1));
    expect(penalised.metrics.loss).toBeGreaterThan(plain.metrics.loss!);
  });

  test('bad or unknown hyperparameters fail the trial, naming them', async () => {
    await expect(iris.run({ optimizer: 'lbfgs' }, recordingCtx(1))).rejects.toThrow(TrialError);
    await expect(iris.run({ optimizer: 'lbfgs' }, recordingCtx(1))).rejects.toThrow(/optimizer: must be one of sgd, momentum/);
    await expect(iris.run({ batch_size: 0 }, recordingCtx(1))).rejects.toThrow(/batch_size/);
    await expect(iris.run({ learnin_rate: 0.1 }, recordingCtx(1))).rejects.toThrow(/not a trainer hyperparameter: learnin_rate/);
  });
});

describe('failures and memory', () => {
  test('a diverging loss fails the trial with a TrialError and leaks nothing', async () => {
    const before = numTensors();
    const err = await linear
      .run({ optimizer: 'sgd', learning_rate: 1e12, epochs: 5, activation: 'linear' }, recordingCtx(1))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrialError);
    expect(String(err)).toMatch(/became (NaN|Infinity|-Infinity) at epoch \d.*diverged/);
    expect(numTensors()).toBe(before);
  });

  test('an exception from ctx.report propagates and leaks nothing', async () => {
    const before = numTensors();
    const ctx = {
      ...recordingCtx(1),
      report(): boolean {
        throw new Error('store is down');
      },
    };
    await expect(iris.run({ epochs: 3, batch_norm: true, dropout: 0.2 }, ctx)).rejects.toThrow('store is down');
    expect(numTensors()).toBe(before);
  });

  test('numTensors returns to its starting value after complete trials', async () => {
    const before = numTensors();
    await separable.run({ epochs: 2, batch_norm: true, dropout: 0.1, l1: 0.01 }, recordingCtx(1));
    await linear.run({ epochs: 2, optimizer: 'rmsprop' }, recordingCtx(1));
    expect(numTensors()).toBe(before);
  });

  test('an objective holds no tensors between trials; a disposed one refuses to run', async () => {
    const before = numTensors();
    const o = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }), handle);
    expect(numTensors()).toBe(before);
    await o.run({ epochs: 1, batch_norm: true }, recordingCtx(1));
    expect(numTensors()).toBe(before);
    await o.dispose?.();
    expect(numTensors()).toBe(before);
    await expect(o.run({}, recordingCtx(1))).rejects.toThrow(/disposed/);
  });

  test('a file that cannot be read fails when the objective is created; data that cannot be trained on, when it is prepared', async () => {
    await expect(createTabularObjective(spec({ data: fixture('nope.csv'), target: 'y', task: 'regression' }), handle)).rejects.toThrow(
      /nope\.csv: cannot be read: ENOENT/,
    );
    // Prepared on first use (the first trial that trains), so a run whose trials are all cached never parses it.
    const noTarget = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'kind', task: 'classification' }), handle);
    expect(() => noTarget.prepare()).toThrow(/target column "kind" is not in the header/);
    const words = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'species', task: 'regression' }), handle);
    await expect(words.run({}, recordingCtx(1))).rejects.toThrow(/regression target column "species" must hold numbers, got "setosa"/);
  });
});
