import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { ACTIVATIONS } from '../../src/core/config/trainer-params.js';
import { Rng } from '../../src/core/rng.js';
import { type Tf, loadTf } from '../../src/trainer/tf/backend.js';
import { type ActivationName, type Hyperparameters, parseHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { type Ops, backprop } from '../../src/trainer/nn/backprop.js';
import {
  BN_EPSILON,
  type Block,
  LN_EPSILON,
  type Mlp,
  activate,
  addPenaltyGradient,
  buildMlp,
  dropoutMasks,
  predict,
} from '../../src/trainer/nn/mlp.js';

// The trainer's hand-written backward pass against tfjs' autodiff of the same model written with plain ops
// (as the trainer computed it before the backward pass was written out): every activation, with and without
// batch norm, dropout and l1/l2, for both losses, in each of the backend-dependent variants of the pass
// (explicit transposes as on wasm; the element-wise part on the device, or in JS as on cpu).

let tf: Tf;
beforeAll(async () => {
  tf = (await loadTf('cpu', { cwd: process.cwd(), warn: () => {} })).tf;
});

const ROWS = 12;
const INPUTS = 5;

interface Case {
  readonly task: 'classification' | 'regression';
  readonly hp: Hyperparameters;
}

function makeCase(task: Case['task'], params: Record<string, string | number | boolean>): Case {
  return { task, hp: parseHyperparameters({ layers: 2, units: 6, ...params }) };
}

/** Random inputs, targets (one-hot or standardised) and a model whose weights are away from their initial values. */
function fixture(c: Case, seed: number): { model: Mlp; x: Float32Array; y: Float32Array; outputs: number } {
  const rng = new Rng(seed);
  const outputs = c.task === 'classification' ? 3 : 1;
  const model = buildMlp(c.hp, INPUTS, outputs, seed);
  // Non-trivial biases, gammas and betas, so their gradients are exercised too.
  for (let i = 0; i < model.params.length; i++) model.params[i] = model.params[i]! + 0.3 * rng.normal();
  for (const m of model.moving) {
    m.mean.forEach((_, j) => (m.mean[j] = 0.2 * rng.normal()));
    m.variance.forEach((_, j) => (m.variance[j] = 0.5 + rng.next()));
  }
  const x = Float32Array.from({ length: ROWS * INPUTS }, () => rng.normal());
  const y = new Float32Array(ROWS * outputs);
  for (let r = 0; r < ROWS; r++) {
    if (c.task === 'classification') y[r * outputs + rng.int(outputs)] = 1;
    else y[r] = rng.normal();
  }
  return { model, x, y, outputs };
}

/** dLoss/dOutputs of the mean loss, as the trainer computes it in JS. */
function lossGradient(task: Case['task'], y: Float32Array, outputs: number) {
  return (out: Float32Array): Float32Array => {
    const g = new Float32Array(out.length);
    for (let r = 0; r < ROWS; r++) {
      if (task === 'regression') {
        g[r] = (2 * (out[r]! - y[r]!)) / ROWS;
        continue;
      }
      const row = out.subarray(r * outputs, (r + 1) * outputs);
      const max = Math.max(...row);
      const sum = row.reduce((s, v) => s + Math.exp(v - max), 0);
      row.forEach((v, j) => (g[r * outputs + j] = (Math.exp(v - max) / sum - y[r * outputs + j]!) / ROWS));
    }
    return g;
  };
}

/** The model written with plain tfjs ops over a flat parameter tensor, for tf.grad. */
function referenceLoss(c: Case, model: Mlp, x: Tensor2D, y: Tensor2D, masks: readonly Float32Array[], p: Tensor1D): Tensor {
  const block = (b: Block): Tensor => tf.reshape(tf.slice(p, b.offset, b.size), [...b.shape]);
  let h: Tensor = x;
  model.hidden.forEach((layer, i) => {
    let z = tf.matMul(h as Tensor2D, block(layer.kernel) as Tensor2D) as Tensor;
    if (layer.bn) {
      const { mean, variance } = tf.moments(z, 0);
      z = tf.add(tf.mul(tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, BN_EPSILON))), block(layer.bn.gamma)), block(layer.bn.beta));
    } else if (layer.ln) {
      const { mean, variance } = tf.moments(z, 1, true);
      z = tf.add(tf.mul(tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, LN_EPSILON))), block(layer.ln.gamma)), block(layer.ln.beta));
    } else {
      z = tf.add(z, block(layer.bias!));
    }
    h = activate(tf, c.hp.activation, z);
    if (masks[i]) h = tf.mul(h, tf.tensor2d(masks[i]!, [ROWS, c.hp.widths[i]!]));
  });
  const out = tf.add(tf.matMul(h as Tensor2D, block(model.outKernel) as Tensor2D), block(model.outBias));
  let loss = c.task === 'classification' ? tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(out)), 1))) : tf.mean(tf.square(tf.sub(out, y)));
  for (const k of model.kernels) {
    if (c.hp.l1 > 0) loss = tf.add(loss, tf.mul(tf.sum(tf.abs(block(k))), c.hp.l1));
    if (c.hp.l2 > 0) loss = tf.add(loss, tf.mul(tf.sum(tf.square(block(k))), c.hp.l2));
  }
  return loss;
}

/** ‖a − b‖ / ‖b‖ */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / den);
}

function check(c: Case, variant: Omit<Ops, 'tf'>): void {
  const { model, x, y, outputs } = fixture(c, 7);
  const masks = dropoutMasks(c.hp.dropout, ROWS, c.hp.widths, 99);
  const before = tf.memory().numTensors;
  const grads = new Float32Array(model.params.length).fill(Number.NaN);
  const stats = backprop({ tf, ...variant }, model, c.hp.activation, { x, rows: ROWS, masks }, lossGradient(c.task, y, outputs), grads);
  addPenaltyGradient(model, c.hp.l1, c.hp.l2, grads);
  expect(tf.memory().numTensors).toBe(before);

  const expected = tf.tidy(() => {
    const xt = tf.tensor2d(x, [ROWS, INPUTS]);
    const yt = tf.tensor2d(y, [ROWS, outputs]);
    const f = (p: Tensor): Tensor => referenceLoss(c, model, xt, yt, masks, p as Tensor1D);
    return tf.grad(f)(tf.tensor1d(model.params));
  });
  const want = expected.dataSync() as Float32Array;
  expected.dispose();
  expect(grads.every(Number.isFinite)).toBe(true);
  expect(relativeError(grads, want)).toBeLessThan(1e-4);

  // The batch statistics handed back for the moving averages are the first layer's batch moments.
  expect(stats).toHaveLength(c.hp.batchNorm ? c.hp.layers : 0);
  if (c.hp.batchNorm) {
    const moments = tf.tidy(() => {
      const kernel = model.hidden[0]!.kernel;
      const w = tf.tensor2d(model.params.slice(kernel.offset, kernel.offset + kernel.size), [INPUTS, c.hp.units]);
      const m = tf.moments(tf.matMul(tf.tensor2d(x, [ROWS, INPUTS]), w), 0);
      return [m.mean, m.variance];
    });
    const [mean, variance] = moments.map((t) => t.dataSync() as Float32Array);
    tf.dispose(moments);
    expect(relativeError(stats[0]!.mean, mean!)).toBeLessThan(1e-5);
    expect(relativeError(stats[0]!.variance, variance!)).toBeLessThan(1e-5);
  }
}

const VARIANTS: Omit<Ops, 'tf'>[] = [
  { explicitTranspose: false, elementwiseInJs: false },
  { explicitTranspose: true, elementwiseInJs: false },
  { explicitTranspose: false, elementwiseInJs: true },
  { explicitTranspose: true, elementwiseInJs: true },
];

describe('backprop matches tfjs autodiff', () => {
  for (const activation of ACTIVATIONS) {
    test(`${activation}: plain, with batch norm + dropout + l1/l2, with layer norm; element-wise work on the device and in JS`, () => {
      for (const variant of [VARIANTS[0]!, VARIANTS[2]!]) {
        check(makeCase('classification', { activation }), variant);
        check(makeCase('classification', { activation, batch_norm: true, dropout: 0.3, l1: 0.01, l2: 0.02 }), variant);
        check(makeCase('classification', { activation, layer_norm: true, dropout: 0.3, l2: 0.02 }), variant);
      }
    });
  }

  VARIANTS.forEach((variant) => {
    test(`regression and layers 0 (${JSON.stringify(variant)})`, () => {
      check(makeCase('regression', { activation: 'tanh', dropout: 0.2 }), variant);
      check(makeCase('regression', { activation: 'relu', batch_norm: true, l2: 0.1 }), variant);
      check(makeCase('classification', { layers: 0, l1: 0.05 }), variant);
      check(makeCase('classification', { activation: 'elu', batch_norm: true, dropout: 0.5, layers: 3 }), variant);
      check(makeCase('regression', { activation: 'softplus', layer_norm: true, layers: 3 }), variant);
      // widths 8, 4, 2 and 3, 6, 12: every kernel, bias, mask and norm block takes its layer's own width
      check(
        makeCase('classification', { activation: 'relu', layers: 3, units: 8, width_schedule: 'shrink', dropout: 0.2, layer_norm: true }),
        variant,
      );
      check(
        makeCase('regression', { activation: 'tanh', layers: 3, units: 3, width_schedule: 'grow', batch_norm: true, dropout: 0.2 }),
        variant,
      );
    });
  });
});

describe('predict (inference mode)', () => {
  const inference = (c: Case): { got: Float32Array; want: Float32Array } => {
    const { model, x } = fixture(c, 3);
    const got = tf.tidy(() => predict(tf, model, c.hp.activation, tf.tensor2d(x, [ROWS, INPUTS])).dataSync() as Float32Array);
    const want = tf.tidy(() => {
      const block = (b: Block): Tensor => tf.tensor(model.params.slice(b.offset, b.offset + b.size), [...b.shape]);
      let h: Tensor = tf.tensor2d(x, [ROWS, INPUTS]);
      model.hidden.forEach((layer, i) => {
        let z = tf.matMul(h as Tensor2D, block(layer.kernel) as Tensor2D) as Tensor;
        if (layer.bn) {
          const { mean, variance } = model.moving[i]!;
          z = tf.add(
            tf.mul(tf.div(tf.sub(z, tf.tensor1d(mean)), tf.sqrt(tf.add(tf.tensor1d(variance), BN_EPSILON))), block(layer.bn.gamma)),
            block(layer.bn.beta),
          );
        } else if (layer.ln) {
          const { mean, variance } = tf.moments(z, 1, true);
          z = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, LN_EPSILON))), block(layer.ln.gamma)), block(layer.ln.beta));
        } else {
          z = tf.add(z, block(layer.bias!));
        }
        h = activate(tf, c.hp.activation as ActivationName, z);
      });
      return tf.add(tf.matMul(h as Tensor2D, block(model.outKernel) as Tensor2D), block(model.outBias)).dataSync() as Float32Array;
    });
    return { got, want };
  };

  test("uses the moving statistics for batch norm, each row's own statistics for layer norm, and no dropout", () => {
    const cases: Record<string, string | number | boolean>[] = [
      { activation: 'selu' },
      { activation: 'relu', batch_norm: true, dropout: 0.5 },
      { activation: 'softplus', batch_norm: true },
      { activation: 'tanh', layer_norm: true, dropout: 0.5 },
    ];
    for (const params of cases) {
      const { got, want } = inference(makeCase('classification', params));
      expect(relativeError(got, want)).toBeLessThan(1e-5);
    }
  });
});
