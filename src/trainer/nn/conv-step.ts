import type { Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { TrialError } from '../../core/errors.js';
import type { Tf } from '../tf/backend.js';
import { activationBackward, activationGradient, backprop, opsFor } from './backprop.js';
import type { ConvLayer, ConvNet } from './conv.js';
import type { ActivationName } from './hyperparameters.js';
import {
  type ConvWindow,
  type DzLayouts,
  avgPool2x2Backward,
  channelSums,
  col2im,
  convWindow,
  flippedKernel,
  hwncFromNhwc,
  im2colT,
  maxPool2x2Backward,
  maxPoolReluBackward,
} from './im2col.js';
import { type BatchStats, activate } from './mlp.js';
import { type RawGradients, rawGradients } from './tf-raw-ops.js';

/**
 * The image trainer's training step, forward and backward written out like the dense path's (backprop.ts) instead of
 * tfjs autodiff's tape: per conv layer, forward is one fused conv2d (bias and relu in the kernel) and a pooling op
 * (on native TensorFlow, relu after max pooling: ConvPass);
 * backward is the pooling's gradient, the activation's derivative, a bias sum, and the two conv gradients, taken by
 * `kernels`:
 * - `native` (native TensorFlow): its own kernels (MaxPoolGrad, ReluGrad, BiasAddGrad, Conv2DBackpropFilter,
 *   Conv2DBackpropInput), about one op each, since on tfjs-node every op costs tens of µs before any arithmetic;
 * - `conv` (tfjs-backend-wasm, which has no Conv2DBackpropFilter and a naive Conv2DBackpropInput): the pooling's
 *   gradient, the activation's derivative and the bias sum as one JS loop over the read-back activations, and both conv
 *   gradients as forward conv2d calls, which XNNPACK runs: the input gradient a convolution of dZ with the kernel
 *   turned half a turn, the filter gradient a convolution of the input with dZ, both transposed so that the batch is
 *   the axis summed over (stride 1; longer strides unfold as `im2col`);
 * - `im2col` (tfjs-backend-cpu, whose conv kernels are naive loops): the same JS loop, then one matMul each around JS
 *   unfolding (im2col.ts).
 * The dense head is backprop() itself. Profiles and timings behind these choices: bench/RESULTS.md (issue 18).
 */
export type ConvKernels = 'native' | 'conv' | 'im2col';

export const kernelsFor = (tf: Tf): ConvKernels => {
  const backend = tf.getBackend();
  return backend === 'tensorflow' ? 'native' : backend === 'wasm' ? 'conv' : 'im2col';
};

export interface ConvStepOptions {
  /**
   * Fine-tuning: the bottom `frozenLayers` layers (conv layers first, from the input up, then the head's hidden
   * layers) are frozen. Their gradients are zero and the conv layers' filter gradients are not even computed, nor
   * is anything below the lowest trained layer, so an optimizer step leaves their weights bit-identical. Default 0.
   */
  readonly frozenLayers?: number;
  /** Default: kernelsFor(tf). */
  readonly kernels?: ConvKernels;
}

export interface ConvBatch {
  /** rows × height × width × channels, NHWC. */
  readonly x: Float32Array;
  readonly rows: number;
  readonly labels: Int32Array;
  readonly classes: number;
  /** The head's dropout masks (none, or one per hidden layer). */
  readonly masks: readonly Float32Array[];
}

export interface ConvStepResult {
  /** Mean softmax cross-entropy of the batch. */
  readonly loss: number;
  readonly logits: Float32Array;
  readonly stats: BatchStats;
}

/**
 * One conv layer's forward pass, kept for its backward pass. With `poolFirst` (relu then max pooling on native
 * TensorFlow) the layer pools the pre-activation and applies relu to the pooled values, a quarter as many: the same
 * numbers, because relu is monotone (max of relu = relu of max), and the same gradient, because a window's first
 * largest pre-activation is its first largest activation whenever that is positive, and the gradient is zero
 * otherwise. Then `a` holds the pooled pre-activation.
 */
interface ConvPass {
  readonly input: Tensor4D;
  readonly kernel: Tensor4D;
  readonly z: Tensor4D;
  readonly a: Tensor4D;
  readonly output: Tensor4D;
  readonly poolFirst: boolean;
}

/**
 * dLoss/dParams of the batch's mean softmax cross-entropy into `grads` (laid out as `net.head.params`), with the
 * batch's loss, logits and the head's batch-norm statistics. Leaves no tensors behind.
 */
export function convStep(
  tf: Tf,
  net: ConvNet,
  activation: ActivationName,
  batch: ConvBatch,
  grads: Float32Array,
  options: ConvStepOptions = {},
): ConvStepResult {
  const frozen = frozenLayersOf(net, options.frozenLayers ?? 0);
  const kernels = options.kernels ?? kernelsFor(tf);
  const raw = kernels === 'native' ? rawGradients(tf) : undefined;
  let loss = Number.NaN;
  let logits = new Float32Array(0);
  let stats: BatchStats = [];
  tf.tidy(() => {
    const passes: ConvPass[] = [];
    let h = tf.tensor4d(batch.x, [batch.rows, ...net.inputShape]);
    for (const layer of net.layers) {
      const pass = forwardPass(tf, net, layer, activation, h, raw);
      passes.push(pass);
      h = pass.output;
    }
    const flat = h.dataSync() as Float32Array;
    // The head's gradient with respect to its input is only needed when a conv layer below it trains.
    const dHead = frozen < net.layers.length ? new Float32Array(flat.length) : undefined;
    const lossGradient = (out: Float32Array): Float32Array => {
      logits = Float32Array.from(out);
      const ce = softmaxCrossEntropy(out, batch.labels, batch.classes);
      loss = ce.loss;
      return ce.gradient;
    };
    stats = backprop(opsFor(tf), net.head, activation, { x: flat, rows: batch.rows, masks: batch.masks }, lossGradient, grads, dHead);
    let dOut: Tensor4D | Float32Array | undefined = dHead;
    for (let i = net.layers.length - 1; i >= frozen && dOut; i--) {
      const layer = net.layers[i]!;
      const pass = passes[i]!;
      const below = i > frozen;
      const back: { dW: Tensor; dB: Tensor1D | Float32Array; dX?: Tensor4D } =
        kernels === 'native'
          ? nativeBackward(tf, net, raw, activation, pass, asTensor(tf, dOut, pass.output.shape), below)
          : jsBackward(tf, net, kernels, layer, activation, pass, asArray(dOut), below);
      grads.set(back.dW.dataSync(), layer.kernel.offset);
      grads.set(back.dB instanceof Float32Array ? back.dB : back.dB.dataSync(), layer.bias.offset);
      dOut = back.dX;
    }
    for (const layer of net.layers.slice(0, frozen)) grads.fill(0, layer.kernel.offset, layer.bias.offset + layer.bias.size);
    zeroFrozenHead(net, frozen, grads);
  });
  return { loss, logits, stats };
}

/** `frozenLayers`, checked: a whole number no larger than the layers below the output (conv, then the head's hidden). */
function frozenLayersOf(net: ConvNet, k: number): number {
  const layers = net.layers.length + net.head.hidden.length;
  if (!Number.isInteger(k) || k < 0 || k > layers)
    throw new TrialError(`freeze_layers must be a whole number from 0 to ${layers} (conv and hidden layers below the output), got ${k}`);
  return k;
}

/** The head's hidden layers among the bottom `frozen` (after the conv layers) get zero gradients. */
function zeroFrozenHead(net: ConvNet, frozen: number, grads: Float32Array): void {
  for (let i = 0; i < frozen - net.layers.length; i++) {
    const hidden = net.head.hidden[i]!;
    for (const block of [hidden.kernel, hidden.bias, hidden.bn?.gamma, hidden.bn?.beta, hidden.ln?.gamma, hidden.ln?.beta])
      if (block) grads.fill(0, block.offset, block.offset + block.size);
  }
}

function forwardPass(
  tf: Tf,
  net: ConvNet,
  layer: ConvLayer,
  activation: ActivationName,
  input: Tensor4D,
  raw: RawGradients | undefined,
): ConvPass {
  const p = net.head.params;
  const kernel = tf.tensor4d(p.subarray(layer.kernel.offset, layer.kernel.offset + layer.kernel.size), [...layer.kernel.shape4]);
  const bias = tf.tensor1d(p.subarray(layer.bias.offset, layer.bias.offset + layer.bias.size));
  if (raw && activation === 'relu' && net.pooling === 'max') {
    const z = tf.fused.conv2d({ x: input, filter: kernel, strides: net.strides, pad: net.padding, bias });
    const pooled = tf.maxPool(z, 2, 2, 'same');
    return { input, kernel, z, a: pooled, output: tf.relu(pooled), poolFirst: true };
  }
  // relu goes into the conv kernel with the bias (as mlp.forward's matMul); the others follow as their own op.
  const fused = activation === 'relu' ? 'relu' : 'linear';
  const z = tf.fused.conv2d({ x: input, filter: kernel, strides: net.strides, pad: net.padding, bias, activation: fused });
  const a = fused === activation ? z : (activate(tf, activation, z) as Tensor4D);
  const output = net.pooling === 'max' ? tf.maxPool(a, 2, 2, 'same') : net.pooling === 'avg' ? tf.avgPool(a, 2, 2, 'same') : a;
  return { input, kernel, z, a, output, poolFirst: false };
}

const asTensor = (tf: Tf, g: Tensor4D | Float32Array, shape: Tensor4D['shape']): Tensor4D =>
  g instanceof Float32Array ? tf.tensor4d(g, shape) : g;
const asArray = (g: Tensor4D | Float32Array): Float32Array => (g instanceof Float32Array ? g : (g.dataSync() as Float32Array));

/** 2×2 pooling with stride 2, `same` padding: the attributes of tfjs' pooling gradient kernels. */
const POOL_ATTRS = { filterSize: 2, strides: 2, pad: 'same' };

/**
 * From dLoss/d(the layer's output), with native TensorFlow's kernels: its filter and bias gradients, and dLoss/d(its
 * input) when `below` trains.
 */
function nativeBackward(
  tf: Tf,
  net: ConvNet,
  raw: RawGradients | undefined,
  activation: ActivationName,
  pass: ConvPass,
  dOut: Tensor4D,
  below: boolean,
): { dW: Tensor; dB: Tensor1D; dX?: Tensor4D } {
  let dZ: Tensor4D;
  let dB: Tensor1D;
  if (pass.poolFirst && raw) {
    // relu's gradient and the bias sum on the pooled values; each window's gradient then goes to its largest z.
    const dPooled = raw.reluGrad(dOut, pass.output) as Tensor4D;
    dB = raw.biasAddGrad(dPooled);
    dZ = tf.engine().runKernel('MaxPoolGrad', { dy: dPooled, input: pass.z, output: pass.a }, POOL_ATTRS) as Tensor4D;
  } else {
    const dA =
      net.pooling === 'max'
        ? (tf.engine().runKernel('MaxPoolGrad', { dy: dOut, input: pass.a, output: pass.output }, POOL_ATTRS) as Tensor4D)
        : net.pooling === 'avg'
          ? (tf.engine().runKernel('AvgPoolGrad', { dy: dOut, input: pass.a }, POOL_ATTRS) as Tensor4D)
          : dOut;
    dZ = (activation === 'relu' && raw ? raw.reluGrad(dA, pass.a) : activationGradient(tf, activation, dA, pass.z, pass.a)) as Tensor4D;
    dB = raw ? raw.biasAddGrad(dZ) : (tf.sum(dZ, [0, 1, 2]) as Tensor1D);
  }
  const dW = tf
    .engine()
    .runKernel(
      'Conv2DBackpropFilter',
      { x: pass.input, dy: dZ },
      { strides: net.strides, pad: net.padding, dataFormat: 'NHWC', filterShape: pass.kernel.shape },
    ) as Tensor;
  const dX = below ? tf.conv2dTranspose(dZ, pass.kernel, pass.input.shape, net.strides, net.padding) : undefined;
  return { dW, dB, dX };
}

/**
 * From dLoss/d(the layer's output) as an array: dZ and the bias gradient in JS from the read-back activations, then
 * the conv gradients as forward convolutions (`conv`, stride 1) or by unfolding.
 */
function jsBackward(
  tf: Tf,
  net: ConvNet,
  kernels: ConvKernels,
  layer: ConvLayer,
  activation: ActivationName,
  pass: ConvPass,
  dOut: Float32Array,
  below: boolean,
): { dW: Tensor; dB: Float32Array; dX?: Tensor4D } {
  const [n, h, w, c] = pass.a.shape;
  const [k, , inC] = pass.kernel.shape;
  const window = convWindow([pass.input.shape[1], pass.input.shape[2], inC], k, net.strides, net.padding);
  const asConv = kernels === 'conv' && net.strides === 1;
  // The filter gradient as a convolution takes dZ positions first (HWNC); the input gradient and unfolding, NHWC.
  const { dZ, dB } = poolActivationBackward(net.pooling, activation, pass, dOut, { nhwc: !asConv || below, hwnc: asConv });
  if (asConv) {
    const p = net.head.params.subarray(layer.kernel.offset, layer.kernel.offset + layer.kernel.size);
    return {
      dW: convFilterGradient(tf, window, pass.input, tf.tensor4d(dZ.hwnc!, [h, w, n, c])),
      dB,
      dX: below ? convInputGradient(tf, window, p, tf.tensor4d(dZ.nhwc!, pass.a.shape), inC) : undefined,
    };
  }
  return { ...unfoldedGradients(tf, window, pass, tf.tensor4d(dZ.nhwc!, pass.a.shape), below), dB };
}

/**
 * dZ in the layouts asked for, and its channel sums, from dLoss/d(the pooled output): pooling's gradient, then the
 * activation's derivative (relu after max pooling: one loop, maxPoolReluBackward).
 */
function poolActivationBackward(
  pooling: ConvNet['pooling'],
  activation: ActivationName,
  pass: ConvPass,
  dOut: Float32Array,
  want: { readonly nhwc: boolean; readonly hwnc: boolean },
): { dZ: DzLayouts; dB: Float32Array } {
  const [n, h, w, c] = pass.a.shape;
  const a = pass.a.dataSync() as Float32Array;
  if (pooling === 'max' && activation === 'relu') {
    const dZ: DzLayouts = {
      nhwc: want.nhwc ? new Float32Array(a.length) : undefined,
      hwnc: want.hwnc ? new Float32Array(a.length) : undefined,
    };
    return { dZ, dB: maxPoolReluBackward(a, dOut, n, h, w, c, dZ) };
  }
  const dA = pooling === 'max' ? maxPool2x2Backward(a, dOut, n, h, w, c) : pooling === 'avg' ? avgPool2x2Backward(dOut, n, h, w, c) : dOut;
  // Only softplus reads z (activationBackward); the others take a in its place, unread.
  const nhwc = activationBackward(activation, dA, activation === 'softplus' ? pass.z.dataSync() : a, a);
  return { dZ: { nhwc, hwnc: want.hwnc ? hwncFromNhwc(nhwc, n, h, w, c) : undefined }, dB: channelSums(nhwc, c) };
}

type Padding4 = [[number, number], [number, number], [number, number], [number, number]];

/**
 * The filter gradient as one forward convolution (stride 1): dW[kh, kw, i, o] = Σ over images and output positions of
 * x[image, y + kh − top, x + kw − left, i] · dZ[image, y, x, o], which is the input with its channels as the batch and
 * its images as the channels (i × H × W × n) convolved with dZ as the filter (outH × outW × n × o, `dZhwnc`), padded to give
 * k × k; the result (i × k × k × o) turned back to the filter's layout.
 */
function convFilterGradient(tf: Tf, g: ConvWindow, input: Tensor4D, dZhwnc: Tensor4D): Tensor4D {
  const bottom = g.k + g.outH - 1 - g.h - g.top;
  const right = g.k + g.outW - 1 - g.w - g.left;
  const pad: Padding4 = [
    [0, 0],
    [g.top, bottom],
    [g.left, right],
    [0, 0],
  ];
  const dWt = tf.conv2d(tf.transpose(input, [3, 1, 2, 0]) as Tensor4D, dZhwnc, 1, pad);
  return tf.transpose(dWt, [1, 2, 0, 3]);
}

/**
 * The input gradient as one forward convolution (stride 1): dZ convolved with the kernel turned half a turn and its
 * channel axes swapped (im2col.ts flippedKernel), padded by k − 1 less the forward pass's padding on each side.
 */
function convInputGradient(tf: Tf, g: ConvWindow, kernel: Float32Array, dZ: Tensor4D, inC: number): Tensor4D {
  const filters = dZ.shape[3];
  const bottom = g.outH - 1 + g.k - g.h - g.top;
  const right = g.outW - 1 + g.k - g.w - g.left;
  const pad: Padding4 = [
    [0, 0],
    [g.k - 1 - g.top, g.k - 1 - bottom],
    [g.k - 1 - g.left, g.k - 1 - right],
    [0, 0],
  ];
  const flipped = tf.tensor4d(flippedKernel(kernel, g.k, inC, filters), [g.k, g.k, filters, inC]);
  return tf.conv2d(dZ, flipped, 1, pad);
}

/**
 * The conv gradients by unfolding: dW = colsᵀ · dZ and dX = col2im(dZ · Wᵀ), each matMul with operands that need no
 * transpose flag (tfjs-backend-wasm runs XNNPACK only without one; backprop.ts).
 */
function unfoldedGradients(tf: Tf, g: ConvWindow, pass: ConvPass, dZ: Tensor4D, below: boolean): { dW: Tensor; dX?: Tensor4D } {
  const [n] = pass.input.shape;
  const [k, , inC, filters] = pass.kernel.shape;
  const taps = k * k * inC;
  const positions = n * g.outH * g.outW;
  const dZ2 = tf.reshape(dZ, [positions, filters]) as Tensor2D;
  const dW = tf.matMul(tf.tensor2d(im2colT(pass.input.dataSync(), n, g), [taps, positions]), dZ2);
  if (!below) return { dW };
  const wT = tf.transpose(tf.reshape(pass.kernel, [taps, filters])) as Tensor2D;
  const dCols = tf.matMul(dZ2, wT).dataSync();
  return { dW, dX: tf.tensor4d(col2im(dCols, n, g), pass.input.shape) };
}

/** Mean softmax cross-entropy over the batch (float64) and its gradient with respect to the logits. */
function softmaxCrossEntropy(out: ArrayLike<number>, labels: Int32Array, classes: number): { loss: number; gradient: Float32Array } {
  const rows = labels.length;
  const gradient = new Float32Array(out.length);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let max = -Infinity;
    for (let j = 0; j < classes; j++) max = Math.max(max, out[base + j]!);
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(out[base + j]! - max);
    loss += max + Math.log(sum) - out[base + labels[r]!]!;
    for (let j = 0; j < classes; j++) gradient[base + j] = (Math.exp(out[base + j]! - max) / sum - (j === labels[r] ? 1 : 0)) / rows;
  }
  return { loss: loss / rows, gradient };
}
