import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { Rng, deriveSeed } from '../core/rng.js';
import type { Tf } from './backend.js';
import type { ActivationName, Hyperparameters, InitializerName } from './hyperparameters.js';

/** Batch-norm epsilon (as Keras) and moving-statistics momentum (as PyTorch: 0.9, so short runs settle). */
export const BN_EPSILON = 1e-3;
export const BN_MOMENTUM = 0.9;
/** Negative slope of leaky_relu (tf.nn.leaky_relu's and tfjs' default). */
export const LEAKY_RELU_ALPHA = 0.2;
/** tfjs' (and Keras') SELU constants. */
const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473769;

/** Where one weight tensor sits in the model's flat parameter vector. */
export interface Block {
  readonly offset: number;
  readonly size: number;
  readonly shape: readonly [number] | readonly [number, number];
}

export interface HiddenLayer {
  readonly kernel: Block;
  /** Absent with batch norm, whose beta plays the bias's part. */
  readonly bias?: Block;
  readonly bn?: { readonly gamma: Block; readonly beta: Block };
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
  /** Kernels only: what l1/l2 penalise. */
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

/** Seeded kernels, zero biases and betas, unit gammas; moving mean 0 and variance 1. */
export function buildMlp(hp: Hyperparameters, inputs: number, outputs: number, seed: number): Mlp {
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
  for (let i = 0; i < hp.layers; i++) {
    const kernel = block([fanIn, hp.units], initialKernel(hp.kernelInitializer, fanIn, hp.units, new Rng(deriveSeed(seed, 'init', i))));
    hidden.push(
      hp.batchNorm
        ? { kernel, bn: { gamma: block([hp.units], 1), beta: block([hp.units], 0) } }
        : { kernel, bias: block([hp.units], 0) },
    );
    fanIn = hp.units;
  }
  const outKernel = block([fanIn, outputs], initialKernel(hp.kernelInitializer, fanIn, outputs, new Rng(deriveSeed(seed, 'init', 'output'))));
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
    moving: hp.batchNorm ? hidden.map(() => ({ mean: new Float32Array(hp.units), variance: new Float32Array(hp.units).fill(1) })) : [],
  };
}

/**
 * The tfjs ops a pass needs, with one backend quirk handled: tfjs-backend-wasm runs matMul through XNNPACK
 * only when neither operand is transposed; with a transpose flag it falls back to a naive loop that is 4–8×
 * slower at these sizes (32×64·64×64: ~80 µs against ~10 µs). On wasm the transpose is therefore made
 * explicitly first; the cpu and tensorflow backends take the flags at no extra cost.
 */
export interface Ops {
  readonly tf: Tf;
  readonly explicitTranspose: boolean;
}

export function opsFor(tf: Tf): Ops {
  return { tf, explicitTranspose: tf.getBackend() === 'wasm' };
}

function matMul(ops: Ops, a: Tensor2D, b: Tensor2D, transposeA: boolean, transposeB: boolean): Tensor2D {
  const { tf } = ops;
  if (!ops.explicitTranspose) return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** One block of the parameters as a tensor. A copy: the cpu backend keeps the very array it is given. */
function upload(tf: Tf, params: Float32Array, b: Block): Tensor {
  return tf.tensor(params.slice(b.offset, b.offset + b.size), [...b.shape], 'float32');
}

interface Weights {
  readonly hidden: readonly { kernel: Tensor2D; bias?: Tensor1D; gamma?: Tensor1D; beta?: Tensor1D }[];
  readonly outKernel: Tensor2D;
  readonly outBias: Tensor1D;
}

function uploadWeights(tf: Tf, model: Mlp): Weights {
  const up = (b: Block): Tensor => upload(tf, model.params, b);
  return {
    hidden: model.hidden.map((h) => ({
      kernel: up(h.kernel) as Tensor2D,
      bias: h.bias && (up(h.bias) as Tensor1D),
      gamma: h.bn && (up(h.bn.gamma) as Tensor1D),
      beta: h.bn && (up(h.bn.beta) as Tensor1D),
    })),
    outKernel: up(model.outKernel) as Tensor2D,
    outBias: up(model.outBias) as Tensor1D,
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

/**
 * dLoss/dz from dLoss/da, where a = activation(z). Written from the output a where that is exact (a > 0
 * exactly when z > 0 for the relu family), from z otherwise.
 */
function activationGradient(tf: Tf, name: ActivationName, da: Tensor, z: Tensor, a: Tensor): Tensor {
  switch (name) {
    case 'relu':
      return tf.mul(da, tf.step(a));
    case 'leaky_relu':
      return tf.mul(da, tf.step(a, LEAKY_RELU_ALPHA));
    case 'elu': // 1 for z > 0, e^z = a + 1 below
      return tf.mul(da, tf.add(tf.minimum(a, 0), 1));
    case 'selu': // scale for z > 0, scale·alpha·e^z = a + scale·alpha below
      return tf.mul(da, tf.add(tf.mul(tf.step(a), SELU_SCALE - SELU_SCALE_ALPHA), tf.add(tf.minimum(a, 0), SELU_SCALE_ALPHA)));
    case 'tanh':
      return tf.mul(da, tf.sub(1, tf.square(a)));
    case 'sigmoid':
      return tf.mul(da, tf.mul(a, tf.sub(1, a)));
    case 'softplus':
      return tf.mul(da, tf.sigmoid(z));
    case 'linear':
      return da;
  }
}

/** relu and linear go into tfjs' fused matMul (one kernel with the bias); the others follow as their own op. */
const fusedActivation = (name: ActivationName): 'relu' | 'linear' => (name === 'relu' ? 'relu' : 'linear');

/** What the backward pass needs from one hidden layer's forward pass. */
interface LayerPass {
  readonly input: Tensor2D;
  readonly z: Tensor2D;
  readonly a: Tensor2D;
  readonly mask?: Tensor2D;
  readonly bn?: { readonly xhat: Tensor2D; readonly rstd: Tensor1D; readonly mean: Tensor1D; readonly variance: Tensor1D };
}

/**
 * Logits (classification) or standardised predictions (regression) for `x`, in inference mode (batch norm
 * with its moving statistics, no dropout). Call inside tf.tidy.
 */
export function predict(ops: Ops, model: Mlp, activation: ActivationName, x: Tensor2D): Tensor2D {
  const { tf } = ops;
  const w = uploadWeights(tf, model);
  let h: Tensor2D = x;
  w.hidden.forEach((layer, i) => {
    let z: Tensor2D;
    if (layer.gamma && layer.beta) {
      const { mean, variance } = model.moving[i]!;
      const scale = tf.mul(tf.rsqrt(tf.add(tf.tensor1d(variance), BN_EPSILON)), layer.gamma);
      z = tf.add(tf.mul(tf.sub(tf.matMul(h, layer.kernel), tf.tensor1d(mean)), scale), layer.beta);
      h = activate(tf, activation, z) as Tensor2D;
    } else {
      const fused = fusedActivation(activation);
      z = tf.fused.matMul({ a: h, b: layer.kernel, bias: layer.bias, activation: fused }) as Tensor2D;
      h = fused === activation ? z : (activate(tf, activation, z) as Tensor2D);
    }
  });
  return tf.fused.matMul({ a: h, b: w.outKernel, bias: w.outBias }) as Tensor2D;
}

export interface Batch {
  /** rows × inputs, row-major. */
  readonly x: Float32Array;
  readonly rows: number;
  /** Inverted-dropout mask (rows × units) per hidden layer, or none. */
  readonly masks: readonly Float32Array[];
}

/** Batch mean and (biased) variance of each batch-norm layer's pre-activations, for the moving averages. */
export type BatchStats = readonly { readonly mean: Float32Array; readonly variance: Float32Array }[];

/**
 * One training-mode forward and backward pass over a batch. `lossGradient` receives the outputs
 * (rows × outputs, row-major) and returns dLoss/dOutputs in the same layout; the loss itself is the caller's.
 * dLoss/dParams is written into `grads` (laid out as `model.params`). Leaves no tensors behind.
 *
 * The backward pass is written out rather than taken from tfjs' autodiff: the tape's bookkeeping (a clone of
 * every saved tensor, casts, gradient accumulation) cost more than the arithmetic at these sizes.
 */
export function backprop(
  ops: Ops,
  model: Mlp,
  activation: ActivationName,
  batch: Batch,
  lossGradient: (outputs: Float32Array) => Float32Array,
  grads: Float32Array,
): BatchStats {
  const { tf } = ops;
  // Results leave the tidy through this array, not its return value, which tfjs walks key by key looking for tensors.
  const stats: { mean: Float32Array; variance: Float32Array }[] = [];
  tf.tidy(() => {
    const w = uploadWeights(tf, model);
    const passes: LayerPass[] = [];
    let h = tf.tensor2d(batch.x, [batch.rows, batch.x.length / batch.rows]);
    w.hidden.forEach((layer, i) => {
      let z: Tensor2D;
      let a: Tensor2D;
      let bn: LayerPass['bn'];
      if (layer.gamma && layer.beta) {
        const zIn = tf.matMul(h, layer.kernel);
        const mean = tf.mean(zIn, 0) as Tensor1D;
        const centred = tf.sub(zIn, mean);
        const variance = tf.mean(tf.square(centred), 0) as Tensor1D;
        const rstd = tf.rsqrt(tf.add(variance, BN_EPSILON)) as Tensor1D;
        const xhat = tf.mul(centred, rstd) as Tensor2D;
        bn = { xhat, rstd, mean, variance };
        z = tf.add(tf.mul(xhat, layer.gamma), layer.beta) as Tensor2D;
        a = activate(tf, activation, z) as Tensor2D;
      } else {
        const fused = fusedActivation(activation);
        z = tf.fused.matMul({ a: h, b: layer.kernel, bias: layer.bias, activation: fused }) as Tensor2D;
        a = fused === activation ? z : (activate(tf, activation, z) as Tensor2D);
      }
      const maskValues = batch.masks[i];
      const mask = maskValues && tf.tensor2d(maskValues, [batch.rows, a.shape[1]!]);
      passes.push({ input: h, z, a, mask, bn });
      h = mask ? (tf.mul(a, mask) as Tensor2D) : a;
    });
    const out = tf.fused.matMul({ a: h, b: w.outKernel, bias: w.outBias });
    const dOutValues = lossGradient(out.dataSync() as Float32Array);
    const dOut = tf.tensor2d(dOutValues, [batch.rows, model.outBias.size]);

    const write = (b: Block, t: Tensor): void => grads.set(t.dataSync(), b.offset);
    // Bias-like gradients are column sums over the batch: summed in JS from the read-back values, which
    // costs less than tfjs' axis-0 reduction (a transpose then a sum on the cpu backend: ~60 µs at 32×64).
    const writeColumnSums = (b: Block, values: Float32Array | Uint8Array | Int32Array): void => columnSums(values, b.size, grads, b.offset);
    write(model.outKernel, matMul(ops, h, dOut, true, false));
    writeColumnSums(model.outBias, dOutValues);
    let dh: Tensor2D | undefined = passes.length > 0 ? matMul(ops, dOut, w.outKernel, false, true) : undefined;
    for (let i = passes.length - 1; i >= 0; i--) {
      const pass = passes[i]!;
      const layer = model.hidden[i]!;
      const weights = w.hidden[i]!;
      const da = pass.mask ? tf.mul(dh!, pass.mask) : dh!;
      let dz = activationGradient(tf, activation, da, pass.z, pass.a) as Tensor2D;
      if (pass.bn && layer.bn) {
        // y = γ·x̂ + β with x̂ = (z − μ)·rstd over the batch: dz = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), dx̂ = dy·γ
        const { xhat, rstd } = pass.bn;
        writeColumnSums(layer.bn.gamma, tf.mul(dz, xhat).dataSync());
        writeColumnSums(layer.bn.beta, dz.dataSync());
        const dxhat = tf.mul(dz, weights.gamma!);
        dz = tf.mul(tf.sub(tf.sub(dxhat, tf.mean(dxhat, 0)), tf.mul(xhat, tf.mean(tf.mul(dxhat, xhat), 0))), rstd) as Tensor2D;
      } else {
        writeColumnSums(layer.bias!, dz.dataSync());
      }
      write(layer.kernel, matMul(ops, pass.input, dz, true, false));
      dh = i > 0 ? matMul(ops, dz, weights.kernel, false, true) : undefined;
    }
    for (const p of passes) if (p.bn) stats.push({ mean: p.bn.mean.dataSync() as Float32Array, variance: p.bn.variance.dataSync() as Float32Array });
  });
  return stats;
}

/** Sums of the columns of a row-major matrix with `width` columns, written into `out` from `offset`. */
function columnSums(values: ArrayLike<number>, width: number, out: Float32Array, offset: number): void {
  const sums = new Float64Array(width);
  for (let r = 0; r < values.length; r += width) for (let j = 0; j < width; j++) sums[j] = sums[j]! + values[r + j]!;
  out.set(sums, offset);
}

/** moving ← momentum·moving + (1 − momentum)·batch, for each batch-norm layer. */
export function updateMovingStats(model: Mlp, stats: BatchStats): void {
  model.moving.forEach((moving, i) => {
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

/** Inverted-dropout masks (kept units scaled by 1/(1−rate)) drawn with sweepgate's Rng from a per-step seed. */
export function dropoutMasks(rate: number, rows: number, units: number, layers: number, seed: number): Float32Array[] {
  if (rate <= 0 || layers === 0) return [];
  const rng = new Rng(seed);
  const keep = 1 / (1 - rate);
  const masks: Float32Array[] = [];
  for (let l = 0; l < layers; l++) {
    const values = new Float32Array(rows * units);
    for (let i = 0; i < values.length; i++) values[i] = rng.next() < rate ? 0 : keep;
    masks.push(values);
  }
  return masks;
}
