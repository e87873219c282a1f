import type { Optimizer } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { OPTIMIZERS } from '../../src/core/config/trainer-params.js';
import { Rng } from '../../src/core/rng.js';
import { type Tf, loadTf } from '../../src/trainer/backend.js';
import type { OptimizerName } from '../../src/trainer/hyperparameters.js';
import { createOptimizer } from '../../src/trainer/optimizers.js';

// The trainer's JS optimizers must follow tfjs' own, as the trainer called them before they moved to JS:
// the same trajectory of weights (to float32 rounding) over a run of steps with the same gradients.

let tf: Tf;
beforeAll(async () => {
  tf = (await loadTf('cpu', { cwd: process.cwd(), warn: () => {} })).tf;
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
