import type { Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import { Rng, deriveSeed } from '../core/rng.js';
import type { Tf } from './backend.js';
import type { ActivationName, Hyperparameters, InitializerName } from './hyperparameters.js';

/** Batch-norm epsilon (as Keras) and moving-statistics momentum (as PyTorch: 0.9, so short runs settle). */
export const BN_EPSILON = 1e-3;
export const BN_MOMENTUM = 0.9;
/** Negative slope of leaky_relu (tf.nn.leaky_relu's and tfjs' default). */
export const LEAKY_RELU_ALPHA = 0.2;

export interface HiddenLayer {
  readonly kernel: Variable;
  /** Absent with batch norm, whose beta plays the bias's part. */
  readonly bias?: Variable;
  readonly bn?: {
    readonly gamma: Variable;
    readonly beta: Variable;
    readonly movingMean: Variable;
    readonly movingVariance: Variable;
  };
}

export interface Mlp {
  readonly hidden: readonly HiddenLayer[];
  readonly outKernel: Variable;
  readonly outBias: Variable;
  /** What the optimizer updates. */
  readonly trainable: Variable[];
  /** Kernels only: what l1/l2 penalise. */
  readonly kernels: Variable[];
  dispose(): void;
}

/**
 * Kernel values for a fan_in × fan_out layer, drawn with sweepgate's own Rng so they are identical on every
 * backend: Keras' variance-scaling initialisers (uniform on ±sqrt(3·scale), or a normal truncated at two
 * standard deviations with Keras' 0.8796 correction), scale = 1/fan_avg (glorot), 2/fan_in (he), 1/fan_in (lecun).
 */
export function initialKernel(kind: InitializerName, fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const scale = kind.startsWith('glorot') ? 2 / (fanIn + fanOut) : kind.startsWith('he') ? 2 / fanIn : 1 / fanIn;
  const out = new Float32Array(fanIn * fanOut);
  if (kind.endsWith('uniform')) {
    const limit = Math.sqrt(3 * scale);
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-limit, limit);
  } else {
    const std = Math.sqrt(scale) / 0.8796256610342398;
    for (let i = 0; i < out.length; i++) {
      let z: number;
      do z = rng.normal();
      while (Math.abs(z) > 2);
      out[i] = z * std;
    }
  }
  return out;
}

export function buildMlp(tf: Tf, hp: Hyperparameters, inputs: number, outputs: number, seed: number): Mlp {
  const created: Variable[] = [];
  const variable = (values: Float32Array | number[], shape: number[], trainable = true): Variable => {
    const init = tf.tensor(values, shape, 'float32');
    const v = tf.variable(init, trainable);
    init.dispose();
    created.push(v);
    return v;
  };
  const ones = (n: number): number[] => new Array<number>(n).fill(1);
  const zeros = (n: number): number[] => new Array<number>(n).fill(0);
  try {
    const hidden: HiddenLayer[] = [];
    let fanIn = inputs;
    for (let i = 0; i < hp.layers; i++) {
      const kernel = variable(initialKernel(hp.kernelInitializer, fanIn, hp.units, new Rng(deriveSeed(seed, 'init', i))), [fanIn, hp.units]);
      hidden.push(
        hp.batchNorm
          ? {
              kernel,
              bn: {
                gamma: variable(ones(hp.units), [hp.units]),
                beta: variable(zeros(hp.units), [hp.units]),
                movingMean: variable(zeros(hp.units), [hp.units], false),
                movingVariance: variable(ones(hp.units), [hp.units], false),
              },
            }
          : { kernel, bias: variable(zeros(hp.units), [hp.units]) },
      );
      fanIn = hp.units;
    }
    const outKernel = variable(initialKernel(hp.kernelInitializer, fanIn, outputs, new Rng(deriveSeed(seed, 'init', 'output'))), [fanIn, outputs]);
    const outBias = variable(zeros(outputs), [outputs]);
    return {
      hidden,
      outKernel,
      outBias,
      trainable: created.filter((v) => v.trainable),
      kernels: [...hidden.map((h) => h.kernel), outKernel],
      dispose: () => created.forEach((v) => v.dispose()),
    };
  } catch (err) {
    created.forEach((v) => v.dispose());
    throw err;
  }
}

export function activate(tf: Tf, name: ActivationName, x: Tensor): Tensor {
  switch (name) {
    case 'relu':
      return tf.relu(x);
    case 'elu':
      return tf.elu(x);
    case 'selu':
      return tf.selu(x);
    case 'leaky_relu':
      return tf.leakyRelu(x, LEAKY_RELU_ALPHA);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softplus':
      return tf.softplus(x);
    case 'linear':
      return x;
  }
}

/** Training-mode extras: a dropout mask per hidden layer, and where the batch statistics go. */
export interface TrainingPass {
  readonly masks: readonly (Tensor | undefined)[];
  /** Filled with kept [mean, variance] per batch-norm layer; the caller disposes them. */
  readonly batchStats: Tensor[];
}

/** Logits (classification) or standardised predictions (regression). `training` undefined: inference. */
export function forward(tf: Tf, model: Mlp, activation: ActivationName, x: Tensor2D, training?: TrainingPass): Tensor2D {
  let h: Tensor = x;
  model.hidden.forEach((layer, i) => {
    let z: Tensor = tf.matMul(h as Tensor2D, layer.kernel as Tensor2D);
    if (layer.bn) {
      let mean: Tensor;
      let variance: Tensor;
      if (training) {
        const m = tf.moments(z, 0);
        mean = m.mean;
        variance = m.variance;
        training.batchStats.push(tf.keep(mean), tf.keep(variance));
      } else {
        mean = layer.bn.movingMean;
        variance = layer.bn.movingVariance;
      }
      z = tf.add(tf.mul(tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, BN_EPSILON))), layer.bn.gamma), layer.bn.beta);
    } else {
      z = tf.add(z, layer.bias!);
    }
    h = activate(tf, activation, z);
    const mask = training?.masks[i];
    if (mask) h = tf.mul(h, mask);
  });
  return tf.add(tf.matMul(h as Tensor2D, model.outKernel as Tensor2D), model.outBias) as Tensor2D;
}

/** moving ← momentum·moving + (1 − momentum)·batch, for each batch-norm layer, from a training pass's stats. */
export function updateMovingStats(tf: Tf, model: Mlp, batchStats: readonly Tensor[]): void {
  tf.tidy(() => {
    let k = 0;
    for (const layer of model.hidden) {
      if (!layer.bn) continue;
      const mean = batchStats[k++]!;
      const variance = batchStats[k++]!;
      layer.bn.movingMean.assign(tf.add(tf.mul(layer.bn.movingMean, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
      layer.bn.movingVariance.assign(tf.add(tf.mul(layer.bn.movingVariance, BN_MOMENTUM), tf.mul(variance, 1 - BN_MOMENTUM)));
    }
  });
}

/** Inverted-dropout masks (kept units scaled by 1/(1−rate)) drawn with sweepgate's Rng from a per-step seed. */
export function dropoutMasks(tf: Tf, rate: number, rows: number, units: number, layers: number, seed: number): (Tensor | undefined)[] {
  if (rate <= 0 || layers === 0) return [];
  const rng = new Rng(seed);
  const keep = 1 / (1 - rate);
  const masks: Tensor[] = [];
  for (let l = 0; l < layers; l++) {
    const values = new Float32Array(rows * units);
    for (let i = 0; i < values.length; i++) values[i] = rng.next() < rate ? 0 : keep;
    masks.push(tf.tensor2d(values, [rows, units]));
  }
  return masks;
}
