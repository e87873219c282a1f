import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf/backend.js';
import type { ActivationName } from './hyperparameters.js';
import { type RawGradients, rawGradients } from './tf-raw-ops.js';
import { type BatchStats, type HiddenLayer, type LayerPass, LEAKY_RELU_ALPHA, type Mlp, forward, uploadWeights } from './mlp.js';

/** tfjs' (and Keras') SELU constants. */
const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473769;

/**
 * How the backward pass uses the current backend, from measurements at tabular sizes (32×64 blocks):
 * - `explicitTranspose` (wasm): tfjs-backend-wasm runs matMul through XNNPACK only when neither operand is
 *   transposed; with a transpose flag it falls back to a naive loop 4–8× slower (~80 µs against ~10 µs), so
 *   the transpose is made first as its own op. The cpu and tensorflow backends take the flags at no cost.
 * - `elementwiseInJs` (cpu): the cpu backend's element-wise kernels call their op through a closure per
 *   element (15–20 ns each, 20–60 µs per op at 32×64) and hand back their arrays without copying, so the
 *   element-wise part of the backward pass runs faster as plain JS loops over the read-back values. On wasm
 *   the ops take ~3 µs and each read-back is a copy, so there it stays on the device; on tensorflow too.
 */
export interface Ops {
  readonly tf: Tf;
  readonly explicitTranspose: boolean;
  readonly elementwiseInJs: boolean;
  /**
   * Native TensorFlow's own ReluGrad, for relu's derivative in one op instead of tfjs-node's seven (tf-raw-ops.ts); the
   * same numbers. Undefined on the other backends.
   */
  readonly raw?: RawGradients | undefined;
}

export function opsFor(tf: Tf): Ops {
  const backend = tf.getBackend();
  return { tf, explicitTranspose: backend === 'wasm', elementwiseInJs: backend === 'cpu', raw: rawGradients(tf) };
}

function matMul(ops: Ops, a: Tensor2D, b: Tensor2D, transposeA: boolean, transposeB: boolean): Tensor2D {
  const { tf } = ops;
  if (!ops.explicitTranspose) return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

export interface Batch {
  /** rows × inputs, row-major. */
  readonly x: Float32Array;
  readonly rows: number;
  /** Inverted-dropout mask (rows × units) per hidden layer, or none. */
  readonly masks: readonly Float32Array[];
}

/**
 * One training-mode forward and backward pass over a batch. `lossGradient` receives the outputs
 * (rows × outputs, row-major) and returns dLoss/dOutputs in the same layout; the loss itself is the caller's.
 * dLoss/dParams is written into `grads` (laid out as `model.params`). Returns the batch-norm statistics for
 * the moving averages. With `inputGradient`, dLoss/dx (rows × inputs) is written there too (the conv step's way down
 * into its conv layers). Leaves no tensors behind.
 *
 * The backward pass is written out rather than taken from tfjs' autodiff, whose tape bookkeeping (a clone of
 * every saved tensor, casts, gradient accumulation) costs more than the arithmetic at these sizes.
 */
export function backprop(
  ops: Ops,
  model: Mlp,
  activation: ActivationName,
  batch: Batch,
  lossGradient: (outputs: Float32Array) => Float32Array,
  grads: Float32Array,
  inputGradient?: Float32Array,
): BatchStats {
  const { tf } = ops;
  // Results leave the tidy through this array, not its return value, which tfjs walks key by key looking for tensors.
  const stats: { mean: Float32Array; variance: Float32Array }[] = [];
  tf.tidy(() => {
    const w = uploadWeights(tf, model);
    const layers: LayerPass[] = [];
    const x = tf.tensor2d(batch.x, [batch.rows, batch.x.length / batch.rows]);
    const out = forward(tf, model, w, activation, x, { masks: batch.masks, layers });
    const dOut = lossGradient(out.dataSync() as Float32Array);

    // delta: dLoss/d(the current layer's pre-activation), rows × width, walking down from the output layer.
    let delta = tf.tensor2d(dOut, [batch.rows, model.outBias.size]);
    grads.set(matMul(ops, layers.at(-1)?.output ?? x, delta, true, false).dataSync(), model.outKernel.offset);
    columnSums(dOut, model.outBias.size, grads, model.outBias.offset);
    for (let i = layers.length - 1; i >= 0; i--) {
      const pass = layers[i]!;
      const above = i === layers.length - 1 ? w.outKernel : w.hidden[i + 1]!.kernel;
      const da = matMul(ops, delta, above, false, true);
      const hiddenDelta = ops.elementwiseInJs ? hiddenDeltaInJs : hiddenDeltaOnDevice;
      delta = hiddenDelta(ops, activation, pass, model.hidden[i]!, model, da, grads);
      grads.set(matMul(ops, pass.input, delta, true, false).dataSync(), model.hidden[i]!.kernel.offset);
    }
    if (inputGradient) inputGradient.set(matMul(ops, delta, w.hidden[0]?.kernel ?? w.outKernel, false, true).dataSync());
    for (const p of layers)
      if (p.bn) stats.push({ mean: p.bn.mean.dataSync() as Float32Array, variance: p.bn.variance.dataSync() as Float32Array });
  });
  return stats;
}

/**
 * dLoss/dz of a hidden layer from dLoss/d(its output) `da`, through dropout, the activation and batch norm,
 * with tfjs ops. Writes the layer's bias (or γ and β) gradients: column sums, done in JS on the read-back
 * values, which costs less than tfjs' axis-0 reduction.
 */
function hiddenDeltaOnDevice(
  { tf, raw }: Ops,
  activation: ActivationName,
  pass: LayerPass,
  layer: HiddenLayer,
  model: Mlp,
  da: Tensor2D,
  grads: Float32Array,
): Tensor2D {
  const dy = pass.mask ? tf.mul(da, pass.mask.tensor) : da;
  let dz = (activation === 'relu' && raw ? raw.reluGrad(dy, pass.a) : activationGradient(tf, activation, dy, pass.z, pass.a)) as Tensor2D;
  if (pass.bn && layer.bn) {
    // y = γ·x̂ + β with x̂ = (z − mean)·rstd over the batch: dz = rstd·γ·(dy − mean(dy) − x̂·mean(dy·x̂))
    const { xhat, rstd, gamma } = pass.bn;
    columnSums(tf.mul(dz, xhat).dataSync(), layer.bn.gamma.size, grads, layer.bn.gamma.offset);
    columnSums(dz.dataSync(), layer.bn.beta.size, grads, layer.bn.beta.offset);
    dz = tf.mul(tf.sub(tf.sub(dz, tf.mean(dz, 0)), tf.mul(xhat, tf.mean(tf.mul(dz, xhat), 0))), tf.mul(rstd, gamma)) as Tensor2D;
  } else if (pass.ln && layer.ln) {
    // y = γ·x̂ + β with x̂ = (z − mean)·rstd over each row's units: dx̂ = dy·γ, dz = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), means along the row
    const { xhat, rstd, gamma } = pass.ln;
    columnSums(tf.mul(dz, xhat).dataSync(), layer.ln.gamma.size, grads, layer.ln.gamma.offset);
    columnSums(dz.dataSync(), layer.ln.beta.size, grads, layer.ln.beta.offset);
    const dxhat = tf.mul(dz, gamma);
    dz = tf.mul(tf.sub(tf.sub(dxhat, tf.mean(dxhat, 1, true)), tf.mul(xhat, tf.mean(tf.mul(dxhat, xhat), 1, true))), rstd) as Tensor2D;
  } else {
    columnSums(dz.dataSync(), layer.bias!.size, grads, layer.bias!.offset);
  }
  return dz;
}

/** dLoss/da · activation′(z) with tfjs ops; from a where that is exact (a > 0 exactly when z > 0 for the relu family). */
export function activationGradient(tf: Tf, name: ActivationName, da: Tensor, z: Tensor, a: Tensor): Tensor {
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
    case 'softplus': // softplus′ = sigmoid
      return tf.mul(da, tf.sigmoid(z));
    case 'linear':
      return da;
  }
}

/** hiddenDeltaOnDevice's arithmetic as JS loops over read-back values; the result is uploaded for the matMuls. */
function hiddenDeltaInJs(
  { tf }: Ops,
  activation: ActivationName,
  pass: LayerPass,
  layer: HiddenLayer,
  model: Mlp,
  daTensor: Tensor2D,
  grads: Float32Array,
): Tensor2D {
  let da = daTensor.dataSync() as Float32Array;
  if (pass.mask) da = multiply(da, pass.mask.values);
  // Only softplus reads z, and linear reads neither z nor a: those read-backs are skipped (da stands in, unread).
  const z = activation === 'softplus' ? pass.z.dataSync() : da;
  const a = activation === 'softplus' || activation === 'linear' ? da : pass.a.dataSync();
  const dz = activationBackward(activation, da, z, a);
  if (pass.bn && layer.bn) batchNormBackward(dz, pass.bn.xhat.dataSync(), pass.bn.rstd.dataSync(), model, layer.bn, grads);
  else if (pass.ln && layer.ln) layerNormBackward(dz, pass.ln.xhat.dataSync(), pass.ln.rstd.dataSync(), model, layer.ln, grads);
  else columnSums(dz, layer.bias!.size, grads, layer.bias!.offset);
  return tf.tensor2d(dz, daTensor.shape);
}

function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! * b[i]!;
  return out;
}

/**
 * dLoss/da · activation′(z) into a new array (read-back arrays may be the backend's own). One loop per
 * activation rather than a callback per element, which V8 would not inline across trials.
 */
export function activationBackward(name: ActivationName, da: ArrayLike<number>, z: ArrayLike<number>, a: ArrayLike<number>): Float32Array {
  const n = da.length;
  const dz = new Float32Array(n);
  switch (name) {
    case 'relu':
      for (let i = 0; i < n; i++) dz[i] = a[i]! > 0 ? da[i]! : 0;
      break;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) dz[i] = a[i]! > 0 ? da[i]! : da[i]! * LEAKY_RELU_ALPHA;
      break;
    case 'elu':
      for (let i = 0; i < n; i++) dz[i] = a[i]! > 0 ? da[i]! : da[i]! * (a[i]! + 1);
      break;
    case 'selu':
      for (let i = 0; i < n; i++) dz[i] = da[i]! * (a[i]! > 0 ? SELU_SCALE : a[i]! + SELU_SCALE_ALPHA);
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) dz[i] = da[i]! * (1 - a[i]! * a[i]!);
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) dz[i] = da[i]! * a[i]! * (1 - a[i]!);
      break;
    case 'softplus':
      for (let i = 0; i < n; i++) dz[i] = da[i]! / (1 + Math.exp(-z[i]!));
      break;
    case 'linear':
      dz.set(da);
      break;
  }
  return dz;
}

/**
 * Batch norm's backward pass in place on `delta` (dLoss/dy in, dLoss/dz out, rows × units) for
 * y = γ·x̂ + β, x̂ = (z − mean)·rstd over the batch; writes dγ = Σ dy·x̂ and dβ = Σ dy into `grads`.
 * dz = rstd·γ·(dy − dβ/rows − x̂·dγ/rows), the usual rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) with dx̂ = dy·γ.
 */
function batchNormBackward(
  delta: Float32Array,
  xhat: ArrayLike<number>,
  rstd: ArrayLike<number>,
  model: Mlp,
  bn: NonNullable<HiddenLayer['bn']>,
  grads: Float32Array,
): void {
  const units = bn.gamma.size;
  const rows = delta.length / units;
  const dGamma = new Float64Array(units);
  const dBeta = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    for (let j = 0, k = r * units; j < units; j++, k++) {
      dBeta[j] = dBeta[j]! + delta[k]!;
      dGamma[j] = dGamma[j]! + delta[k]! * xhat[k]!;
    }
  }
  grads.set(dGamma, bn.gamma.offset);
  grads.set(dBeta, bn.beta.offset);
  const scale = Float64Array.from({ length: units }, (_, j) => rstd[j]! * model.params[bn.gamma.offset + j]!);
  for (let r = 0; r < rows; r++) {
    for (let j = 0, k = r * units; j < units; j++, k++)
      delta[k] = scale[j]! * (delta[k]! - dBeta[j]! / rows - (xhat[k]! * dGamma[j]!) / rows);
  }
}

/**
 * Layer norm's backward pass in place on `delta` (dLoss/dy in, dLoss/dz out, rows × units) for y = γ·x̂ + β,
 * x̂ = (z − mean)·rstd over each row's units (rstd: one per row); writes dγ = Σ dy·x̂ and dβ = Σ dy (over rows).
 * With dx̂ = dy·γ: dz = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), the means taken along the row — batch norm's
 * formula with rows and units swapped, and γ inside the means because it varies along the row.
 */
function layerNormBackward(
  delta: Float32Array,
  xhat: ArrayLike<number>,
  rstd: ArrayLike<number>,
  model: Mlp,
  ln: NonNullable<HiddenLayer['ln']>,
  grads: Float32Array,
): void {
  const units = ln.gamma.size;
  const rows = delta.length / units;
  const dGamma = new Float64Array(units);
  const dBeta = new Float64Array(units);
  const gamma = model.params.subarray(ln.gamma.offset, ln.gamma.offset + units);
  const dxhat = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    let meanD = 0;
    let meanDX = 0;
    for (let j = 0, k = r * units; j < units; j++, k++) {
      dBeta[j] = dBeta[j]! + delta[k]!;
      dGamma[j] = dGamma[j]! + delta[k]! * xhat[k]!;
      const d = (dxhat[j] = delta[k]! * gamma[j]!);
      meanD += d;
      meanDX += d * xhat[k]!;
    }
    meanD /= units;
    meanDX /= units;
    for (let j = 0, k = r * units; j < units; j++, k++) delta[k] = rstd[r]! * (dxhat[j]! - meanD - xhat[k]! * meanDX);
  }
  grads.set(dGamma, ln.gamma.offset);
  grads.set(dBeta, ln.beta.offset);
}

/** Sums of the columns of a row-major matrix with `width` columns, written into `out` from `offset`. */
function columnSums(values: ArrayLike<number>, width: number, out: Float32Array, offset: number): void {
  const sums = new Float64Array(width);
  for (let r = 0; r < values.length; r += width) for (let j = 0; j < width; j++) sums[j] = sums[j]! + values[r + j]!;
  out.set(sums, offset);
}
