import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { Rng, deriveSeed } from '../../core/rng.js';
import type { Tf } from '../tf/backend.js';
import type { ActivationName, Hyperparameters, InitializerName } from './hyperparameters.js';

/** Batch-norm epsilon (as Keras) and moving-statistics momentum (as PyTorch: 0.9, so short runs settle). */
export const BN_EPSILON = 1e-3;
export const BN_MOMENTUM = 0.9;
/** Layer-norm epsilon (Keras LayerNormalization's default). */
export const LN_EPSILON = 1e-3;
/** Negative slope of leaky_relu (tf.nn.leaky_relu's and tfjs' default). */
export const LEAKY_RELU_ALPHA = 0.2;

/** Where one weight tensor sits in the model's flat parameter vector. */
export interface Block {
  readonly offset: number;
  readonly size: number;
  readonly shape: readonly [number] | readonly [number, number];
}

export interface HiddenLayer {
  readonly kernel: Block;
  /** Absent with batch or layer norm, whose beta plays the bias's part. */
  readonly bias?: Block;
  readonly bn?: { readonly gamma: Block; readonly beta: Block };
  /** Layer norm: the same γ and β per unit, but statistics over each row's units instead of the batch. */
  readonly ln?: { readonly gamma: Block; readonly beta: Block };
}

/**
 * The model lives in JS typed arrays, not tfjs variables: every step uploads the weights, runs the forward
 * and backward passes on the backend, and reads the gradients back. At tabular sizes that is cheaper than
 * dozens of per-variable optimizer ops on the device, and no tensor outlives a step, so nothing can leak.
 */
export interface Mlp {
  readonly hidden: readonly HiddenLayer[];
  readonly outKernel: Block;
  readonly outBias: Block;
  /** Kernels only: what l1/l2 penalise and weight_decay shrinks. */
  readonly kernels: readonly Block[];
  /** Every trainable value, flat, in the order of the blocks: what the optimizer updates. */
  readonly params: Float32Array;
  /** Batch-norm moving statistics, per hidden layer (empty without batch norm). Not trained by the optimizer. */
  readonly moving: readonly { readonly mean: Float32Array; readonly variance: Float32Array }[];
}

/**
 * Kernel values for a fan_in × fan_out layer, drawn with sweepgate's own Rng so they are identical on every
 * backend: Keras' variance-scaling initialisers (uniform on ±sqrt(3·scale), or a normal truncated at two
 * standard deviations with Keras' 0.8796 correction), scale = 1/fan_avg (glorot), 2/fan_in (he), 1/fan_in (lecun).
 * `count` values (default fan_in × fan_out; a conv kernel has more values than its fans multiply to).
 */
export function initialKernel(
  kind: InitializerName,
  fanIn: number,
  fanOut: number,
  rng: Rng | readonly Rng[],
  count = fanIn * fanOut,
): Float32Array {
  const scale = kind.startsWith('glorot') ? 2 / (fanIn + fanOut) : kind.startsWith('he') ? 2 / fanIn : 1 / fanIn;
  const out = new Float32Array(count);
  const limit = Math.sqrt(3 * scale);
  const std = Math.sqrt(scale) / 0.8796256610342398;
  const draw = (g: Rng): number => {
    if (kind.endsWith('uniform')) return g.uniform(-limit, limit);
    let z: number;
    do z = g.normal();
    while (Math.abs(z) > 2);
    return z * std;
  };
  if (!Array.isArray(rng)) {
    for (let i = 0; i < count; i++) out[i] = draw(rng as Rng);
    return out;
  }
  // One stream per row: row r holds input r's weights, so each input's weights are its own.
  const streams = rng as readonly Rng[];
  const width = count / streams.length;
  streams.forEach((g, r) => {
    for (let i = r * width; i < (r + 1) * width; i++) out[i] = draw(g);
  });
  return out;
}

/**
 * Seeded kernels, zero biases and betas, unit gammas; moving mean 0 and variance 1. With `inputNames`, the
 * weights leaving each input are drawn from a stream of that input's own (seeded by the trial seed and the
 * input's name), so a model with a column added, dropped or moved starts from the same weights for every other
 * column: two runs with the same seed then differ by what changed, not by a reshuffled initialisation, which
 * is what lets the gate's paired replay tell a small change from noise.
 */
export function buildMlp(hp: Hyperparameters, inputs: number, outputs: number, seed: number, inputNames?: readonly string[]): Mlp {
  const inputRngs = (fanOut: number, otherwise: Rng): Rng | Rng[] =>
    inputNames ? inputNames.map((name) => new Rng(deriveSeed(seed, 'init-input', name, fanOut))) : otherwise;
  const values: { block: Block; init: Float32Array | number }[] = [];
  let offset = 0;
  const block = (shape: readonly [number] | readonly [number, number], init: Float32Array | number): Block => {
    const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
    const b: Block = { offset, size, shape };
    offset += size;
    values.push({ block: b, init });
    return b;
  };
  const hidden: HiddenLayer[] = [];
  let fanIn = inputs;
  for (const [i, units] of hp.widths.entries()) {
    const rng = new Rng(deriveSeed(seed, 'init', i));
    const kernel = block([fanIn, units], initialKernel(hp.kernelInitializer, fanIn, units, i === 0 ? inputRngs(units, rng) : rng));
    const norm = (): { gamma: Block; beta: Block } => ({ gamma: block([units], 1), beta: block([units], 0) });
    hidden.push(hp.batchNorm ? { kernel, bn: norm() } : hp.layerNorm ? { kernel, ln: norm() } : { kernel, bias: block([units], 0) });
    fanIn = units;
  }
  const outKernel = block(
    [fanIn, outputs],
    initialKernel(
      hp.kernelInitializer,
      fanIn,
      outputs,
      hp.widths.length === 0
        ? inputRngs(outputs, new Rng(deriveSeed(seed, 'init', 'output')))
        : new Rng(deriveSeed(seed, 'init', 'output')),
    ),
  );
  const outBias = block([outputs], 0);
  const params = new Float32Array(offset);
  for (const { block: b, init } of values) {
    if (typeof init === 'number') params.fill(init, b.offset, b.offset + b.size);
    else params.set(init, b.offset);
  }
  return {
    hidden,
    outKernel,
    outBias,
    kernels: [...hidden.map((h) => h.kernel), outKernel],
    params,
    moving: hp.batchNorm ? hp.widths.map((units) => ({ mean: new Float32Array(units), variance: new Float32Array(units).fill(1) })) : [],
  };
}

/**
 * One block of the parameters as a tensor. Not a copy: the cpu backend keeps the very array it is given, which
 * is safe because these tensors never outlive the tf.tidy of their pass and `params` only changes between passes.
 */
function upload(tf: Tf, params: Float32Array, b: Block): Tensor {
  return tf.tensor(params.subarray(b.offset, b.offset + b.size), [...b.shape], 'float32');
}

/** The model's current weights as tensors, uploaded afresh for each pass (call inside tf.tidy). */
export interface Weights {
  readonly hidden: readonly { kernel: Tensor2D; bias?: Tensor1D; gamma?: Tensor1D; beta?: Tensor1D }[];
  readonly outKernel: Tensor2D;
  readonly outBias: Tensor1D;
}

export function uploadWeights(tf: Tf, model: Mlp): Weights {
  return weightsOf(model, (b) => upload(tf, model.params, b));
}

/** The model's weight tensors, each block made by `tensor` (an upload, or a slice of a flat parameter tensor). */
export function weightsOf(model: Mlp, tensor: (b: Block) => Tensor): Weights {
  return {
    hidden: model.hidden.map((h) => {
      const norm = h.bn ?? h.ln;
      return {
        kernel: tensor(h.kernel) as Tensor2D,
        bias: h.bias && (tensor(h.bias) as Tensor1D),
        gamma: norm && (tensor(norm.gamma) as Tensor1D),
        beta: norm && (tensor(norm.beta) as Tensor1D),
      };
    }),
    outKernel: tensor(model.outKernel) as Tensor2D,
    outBias: tensor(model.outBias) as Tensor1D,
  };
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

/** relu and linear go into tfjs' fused matMul (one kernel with the bias); the others follow as their own op. */
const fusedActivation = (name: ActivationName): 'relu' | 'linear' => (name === 'relu' ? 'relu' : 'linear');

/** What the backward pass needs from one hidden layer's training-mode forward pass. */
export interface LayerPass {
  readonly input: Tensor2D;
  /** Pre-activation (normalised when batch or layer norm is on). */
  readonly z: Tensor2D;
  /** Activation output, before dropout. */
  readonly a: Tensor2D;
  /** After dropout: the next layer's input. */
  readonly output: Tensor2D;
  readonly mask?: { readonly values: Float32Array; readonly tensor: Tensor2D };
  readonly bn?: {
    readonly xhat: Tensor2D;
    readonly rstd: Tensor1D;
    readonly gamma: Tensor1D;
    readonly mean: Tensor1D;
    readonly variance: Tensor1D;
  };
  /** Layer norm: x̂ and each row's 1/√(variance + ε) (rows × 1). */
  readonly ln?: { readonly xhat: Tensor2D; readonly rstd: Tensor2D; readonly gamma: Tensor1D };
}

/** Training mode: the step's dropout masks (none, or one per hidden layer), and where each layer's pass goes. */
export interface TrainingPass {
  readonly masks: readonly Float32Array[];
  readonly layers: LayerPass[];
}

/**
 * Logits (classification) or standardised predictions (regression) for `x`. Without `training`: inference
 * mode (batch norm with its moving statistics, no dropout; layer norm is the same in both modes). With it: batch statistics, dropout, and each
 * hidden layer's tensors recorded for the backward pass. Call inside tf.tidy.
 */
export function forward(tf: Tf, model: Mlp, w: Weights, activation: ActivationName, x: Tensor2D, training?: TrainingPass): Tensor2D {
  let h = x;
  w.hidden.forEach((layer, i) => {
    const input = h;
    let z: Tensor2D;
    let a: Tensor2D;
    let bn: LayerPass['bn'];
    let ln: LayerPass['ln'];
    if (model.hidden[i]!.ln && layer.gamma && layer.beta) {
      const zIn = tf.matMul(h, layer.kernel);
      const centred = tf.sub(zIn, tf.mean(zIn, 1, true));
      const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), 1, true), LN_EPSILON)) as Tensor2D;
      const xhat = tf.mul(centred, rstd) as Tensor2D;
      ln = { xhat, rstd, gamma: layer.gamma };
      z = tf.add(tf.mul(xhat, layer.gamma), layer.beta);
      a = activate(tf, activation, z) as Tensor2D;
    } else if (layer.gamma && layer.beta) {
      const zIn = tf.matMul(h, layer.kernel);
      const mean: Tensor1D = training ? tf.mean(zIn, 0) : tf.tensor1d(model.moving[i]!.mean);
      const centred = tf.sub(zIn, mean);
      const variance: Tensor1D = training ? tf.mean(tf.square(centred), 0) : tf.tensor1d(model.moving[i]!.variance);
      const rstd = tf.rsqrt(tf.add(variance, BN_EPSILON)) as Tensor1D;
      const xhat = tf.mul(centred, rstd) as Tensor2D;
      bn = { xhat, rstd, gamma: layer.gamma, mean, variance };
      z = tf.add(tf.mul(xhat, layer.gamma), layer.beta);
      a = activate(tf, activation, z) as Tensor2D;
    } else {
      const fused = fusedActivation(activation);
      z = tf.fused.matMul({ a: h, b: layer.kernel, bias: layer.bias, activation: fused }) as Tensor2D;
      a = fused === activation ? z : (activate(tf, activation, z) as Tensor2D);
    }
    h = a;
    if (training) {
      const values = training.masks[i];
      const mask = values && { values, tensor: tf.tensor2d(values, a.shape as [number, number]) };
      if (mask) h = tf.mul(a, mask.tensor);
      training.layers.push({ input, z, a, output: h, mask, bn, ln });
    }
  });
  return tf.fused.matMul({ a: h, b: w.outKernel, bias: w.outBias }) as Tensor2D;
}

/** Inference-mode outputs for `x` (call inside tf.tidy). */
export function predict(tf: Tf, model: Mlp, activation: ActivationName, x: Tensor2D): Tensor2D {
  return forward(tf, model, uploadWeights(tf, model), activation, x);
}

/** Batch mean and (biased) variance of each batch-norm layer's pre-activations, for the moving averages. */
export type BatchStats = readonly { readonly mean: ArrayLike<number>; readonly variance: ArrayLike<number> }[];

/** moving ← momentum·moving + (1 − momentum)·batch, for each batch-norm layer but the first `frozen` (fine-tuning). */
export function updateMovingStats(model: Mlp, stats: BatchStats, frozen = 0): void {
  model.moving.forEach((moving, i) => {
    if (i < frozen) return;
    const { mean, variance } = stats[i]!;
    for (let j = 0; j < mean.length; j++) {
      moving.mean[j] = BN_MOMENTUM * moving.mean[j]! + (1 - BN_MOMENTUM) * mean[j]!;
      moving.variance[j] = BN_MOMENTUM * moving.variance[j]! + (1 - BN_MOMENTUM) * variance[j]!;
    }
  });
}

/** Adds the gradient of l1·Σ|w| + l2·Σw² over every kernel to `grads`. */
export function addPenaltyGradient(model: Mlp, l1: number, l2: number, grads: Float32Array): void {
  if (l1 === 0 && l2 === 0) return;
  const p = model.params;
  for (const k of model.kernels) {
    for (let i = k.offset; i < k.offset + k.size; i++) grads[i] = grads[i]! + l1 * Math.sign(p[i]!) + 2 * l2 * p[i]!;
  }
}

/**
 * Decoupled weight decay (Loshchilov & Hutter's AdamW, PyTorch's `weight_decay` of AdamW): every kernel value
 * shrinks by the factor 1 − lr·decay, beside the optimizer's own update rather than through the gradient, so
 * Adam's per-weight scaling does not weaken it for weights with large gradients as it does an l2 penalty.
 * Biases and normalisation parameters are left alone, as with l1/l2. `lr` is the step's scheduled rate; only
 * kernel values in params[from, to) are decayed (a fine-tune decays each part at its own rate, frozen ones not).
 */
export function applyWeightDecay(model: Mlp, lr: number, decay: number, from = 0, to = model.params.length): void {
  if (decay === 0) return;
  const factor = 1 - lr * decay;
  const p = model.params;
  for (const k of model.kernels) {
    const start = Math.max(k.offset, from);
    const end = Math.min(k.offset + k.size, to);
    for (let i = start; i < end; i++) p[i] = p[i]! * factor;
  }
}

/**
 * Inverted-dropout masks (kept units scaled by 1/(1−rate)), one per hidden layer of the given widths, drawn with
 * sweepgate's Rng from a per-step seed, layer after layer.
 */
export function dropoutMasks(rate: number, rows: number, widths: readonly number[], seed: number): Float32Array[] {
  if (rate <= 0 || widths.length === 0) return [];
  const rng = new Rng(seed);
  const keep = 1 / (1 - rate);
  const masks: Float32Array[] = [];
  for (const units of widths) {
    const values = new Float32Array(rows * units);
    for (let i = 0; i < values.length; i++) values[i] = rng.next() < rate ? 0 : keep;
    masks.push(values);
  }
  return masks;
}
