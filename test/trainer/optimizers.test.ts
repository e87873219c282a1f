import type { Optimizer } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { OPTIMIZERS } from '../../src/core/config/trainer-params.js';
import { Rng } from '../../src/core/rng.js';
import { type Tf, type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import type { OptimizerName } from '../../src/trainer/nn/hyperparameters.js';
import { createOptimizer } from '../../src/trainer/nn/optimizers.js';
import type { Params } from '../../src/core/json.js';
import { effectiveDefaults } from '../../src/engine/champion-step.js';
import { parseHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { fixture, recordingCtx, spec } from './helpers.js';

// The trainer's JS optimizers must follow tfjs' own, as the trainer called them before they moved to JS:
// the same trajectory of weights (to float32 rounding) over a run of steps with the same gradients.

let tf: Tf;
let handle: TfHandle;
beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
  tf = handle.tf;
});

function tfjsOptimizer(name: OptimizerName, lr: number, momentum: number): Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, momentum);
    case 'adam':
      return tf.train.adam(lr);
    case 'adamax':
      return tf.train.adamax(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9, momentum);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
  }
}

describe('JS optimizers follow tfjs 4.22', () => {
  for (const name of OPTIMIZERS) {
    test(name, () => {
      const size = 40;
      const steps = 25;
      const lr = name === 'adadelta' ? 1 : 0.05;
      const momentum = 0.8;
      const rng = new Rng(5);
      const start = Float32Array.from({ length: size }, () => rng.normal());
      const gradients = Array.from({ length: steps }, () => Float32Array.from({ length: size }, () => rng.normal() * (0.1 + rng.next())));

      const ours = start.slice();
      const optimizer = createOptimizer({ optimizer: name, momentum }, size);
      for (const g of gradients) optimizer.step(ours, g, lr);

      const variable = tf.variable(tf.tensor1d(start));
      const reference = tfjsOptimizer(name, lr, momentum);
      for (const g of gradients) tf.tidy(() => reference.applyGradients({ [variable.name]: tf.tensor1d(g) }));
      const theirs = variable.dataSync() as Float32Array;
      reference.dispose();
      // tfjs 4.22's MomentumOptimizer.dispose forgets the learning-rate scalar it inherits from SGD
      for (const value of Object.values(reference)) if (value instanceof tf.Tensor && !value.isDisposed) value.dispose();
      variable.dispose();

      let moved = 0;
      for (let i = 0; i < size; i++) {
        expect(ours[i]).toBeCloseTo(theirs[i]!, 4);
        moved = Math.max(moved, Math.abs(ours[i]! - start[i]!));
      }
      expect(moved).toBeGreaterThan(0.01); // the comparison is not between two untouched vectors
    });
  }
});

// `momentum` defaults to 0.9 for the heavy-ball optimizer; rmsprop takes its own default, 0, as tfjs
// (tf.train.rmsprop), Keras and PyTorch do. Before trainer version 5 an rmsprop trial silently got 0.9, which
// multiplies its steps by up to 10: on the Breast Cancer reference sweep's split, rmsprop at lr 0.003 ended at
// val_loss 0.99 against PyTorch's 0.24 (0.24 with momentum 0; bench/parity.ts).
describe("rmsprop's momentum", () => {
  test('defaults to 0 for rmsprop and to 0.9 for momentum; a momentum that is set applies to both', () => {
    expect(parseHyperparameters({ optimizer: 'rmsprop' }).momentum).toBe(0);
    expect(parseHyperparameters({}, { optimizer: 'rmsprop' }).momentum).toBe(0);
    expect(parseHyperparameters({ optimizer: 'momentum' }).momentum).toBe(0.9);
    expect(parseHyperparameters({ optimizer: 'rmsprop', momentum: 0.5 }).momentum).toBe(0.5);
    expect(parseHyperparameters({ optimizer: 'rmsprop' }, { momentum: 0.8 }).momentum).toBe(0.8);
    expect(parseHyperparameters({ optimizer: 'rmsprop', momentum: 0.9 }).momentum).toBe(0.9);
  });

  test('an rmsprop trial without momentum trains as tf.train.rmsprop(lr) does, i.e. with momentum 0', async () => {
    const o = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }), handle);
    const run = async (params: Params): Promise<unknown> => {
      const ctx = recordingCtx(3);
      await o.run({ epochs: 2, optimizer: 'rmsprop', learning_rate: 0.01, ...params }, ctx);
      return ctx.reports;
    };
    const unset = await run({});
    expect(unset).toStrictEqual(await run({ momentum: 0 }));
    expect(unset).not.toStrictEqual(await run({ momentum: 0.9 }));
  });

  test('a champion replay fills an added momentum with what an rmsprop champion trained with', () => {
    const workload = { kind: 'trainer', trainer: spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }) } as const;
    expect(effectiveDefaults(workload, { optimizer: 'rmsprop' })('momentum')).toBe(0);
    expect(effectiveDefaults(workload, { optimizer: 'momentum' })('momentum')).toBe(0.9);
    expect(effectiveDefaults(workload, { optimizer: 'rmsprop' })('dropout')).toBe(0);
    expect(effectiveDefaults({ kind: 'objective', module: 'x.mjs' }, { optimizer: 'rmsprop' })('momentum')).toBeUndefined();
  });

  test('a champion replay fills an added validation_split with trainer.validation_split, what the champion trained with', () => {
    const trainer = spec({ data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.3 });
    expect(effectiveDefaults({ kind: 'trainer', trainer }, {})('validation_split')).toBe(0.3);
    // trainer.defaults still wins, as in the trainer
    expect(
      effectiveDefaults({ kind: 'trainer', trainer: { ...trainer, defaults: { validation_split: 0.25 } } }, {})('validation_split'),
    ).toBe(0.25);
  });
});
