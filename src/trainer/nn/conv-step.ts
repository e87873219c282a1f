import type { Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { TrialError } from '../../core/errors.js';
import type { Tf } from '../tf/backend.js';
import { activationGradient, backprop, opsFor } from './backprop.js';
import type { ConvLayer, ConvNet } from './conv.js';
import type { ActivationName } from './hyperparameters.js';
import { type ConvWindow, avgPool2x2Backward, col2im, convWindow, im2colT, maxPool2x2Backward } from './im2col.js';
import { type BatchStats, activate } from './mlp.js';
import { type RawGradients, rawGradients } from './tf-raw-ops.js';

/**
 * The image trainer's training step, forward and backward written out like the dense path's (backprop.ts) instead of
 * tfjs autodiff's tape: per conv layer, forward is one fused conv2d (bias and relu in the kernel) and a pooling op;
 * backward is the pooling's gradient kernel, the activation's derivative, a bias sum, and the two conv gradients,
 * taken by `kernels`: the backend's own (native TensorFlow's Conv2DBackpropFilter / Conv2DBackpropInput), or, where
 * those are missing or slow (tfjs-backend-wasm), one matMul each around JS unfolding (im2col.ts). The dense head is
 * backprop() itself. Profiles and timings behind these choices: bench/RESULTS.md (issue 18).
 */
export type ConvKernels = 'native' | 'im2col';

/**
 * Native TensorFlow's own kernels; unfolding elsewhere: tfjs-backend-wasm has no Conv2DBackpropFilter and a naive
 * Conv2DBackpropInput, and tfjs-backend-cpu's are naive loops slower than unfolding plus its matMul.
 */
export const kernelsFor = (tf: Tf): ConvKernels => (tf.getBackend() === 'tensorflow' ? 'native' : 'im2col');

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
    let dOut: Tensor4D | undefined = dHead && tf.tensor4d(dHead, h.shape);
    const read: { layer: ConvLayer; dW: Tensor; dB: Tensor }[] = [];
    for (let i = net.layers.length - 1; i >= frozen && dOut; i--) {
      const back = backwardPass(tf, net, kernels, raw, activation, passes[i]!, dOut, i > frozen);
      read.push({ layer: net.layers[i]!, ...back });
      dOut = back.dX;
    }
    for (const layer of net.layers.slice(0, frozen)) grads.fill(0, layer.kernel.offset, layer.bias.offset + layer.bias.size);
    for (const { layer, dW, dB } of read) {
      grads.set(dW.dataSync(), layer.kernel.offset);
      grads.set(dB.dataSync(), layer.bias.offset);
    }
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

/** From dLoss/d(the layer's output): its filter and bias gradients, and dLoss/d(its input) when `below` trains. */
function backwardPass(
  tf: Tf,
  net: ConvNet,
  kernels: ConvKernels,
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
    const dA = poolGradient(tf, net.pooling, kernels, dOut, pass);
    dZ = (activation === 'relu' && raw ? raw.reluGrad(dA, pass.a) : activationGradient(tf, activation, dA, pass.z, pass.a)) as Tensor4D;
    dB = raw ? raw.biasAddGrad(dZ) : (tf.sum(dZ, [0, 1, 2]) as Tensor1D);
  }
  const [k, , inC] = pass.kernel.shape;
  const window = convWindow([pass.input.shape[1], pass.input.shape[2], inC], k, net.strides, net.padding);
  if (kernels === 'native') {
    const dW = tf.engine().runKernel(
      'Conv2DBackpropFilter',
      { x: pass.input, dy: dZ },
      {
        strides: net.strides,
        pad: net.padding,
        dataFormat: 'NHWC',
        filterShape: pass.kernel.shape,
      },
    ) as Tensor;
    const dX = below ? tf.conv2dTranspose(dZ, pass.kernel, pass.input.shape, net.strides, net.padding) : undefined;
    return { dW, dB, dX };
  }
  return { ...unfoldedGradients(tf, window, pass, dZ, below), dB };
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

/** 2×2 pooling with stride 2, `same` padding: the attributes of tfjs' pooling gradient kernels. */
const POOL_ATTRS = { filterSize: 2, strides: 2, pad: 'same' };

function poolGradient(tf: Tf, pooling: ConvNet['pooling'], kernels: ConvKernels, dOut: Tensor4D, pass: ConvPass): Tensor4D {
  const attrs = POOL_ATTRS;
  const [n, h, w, c] = pass.a.shape;
  if (pooling === 'max' && kernels === 'im2col')
    return tf.tensor4d(maxPool2x2Backward(pass.a.dataSync(), dOut.dataSync(), n, h, w, c), pass.a.shape);
  if (pooling === 'max') return tf.engine().runKernel('MaxPoolGrad', { dy: dOut, input: pass.a, output: pass.output }, attrs) as Tensor4D;
  // Only native TensorFlow's AvgPoolGrad divides a window on an odd side's edge by the pixels it covered.
  if (pooling === 'avg' && kernels === 'im2col') return tf.tensor4d(avgPool2x2Backward(dOut.dataSync(), n, h, w, c), pass.a.shape);
  if (pooling === 'avg') return tf.engine().runKernel('AvgPoolGrad', { dy: dOut, input: pass.a }, attrs) as Tensor4D;
  return dOut;
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
