import type { Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { TrialError, show } from '../../core/errors.js';
import { Rng, deriveSeed } from '../../core/rng.js';
import type { Tf } from '../tf/backend.js';
import type { ActivationName, ConvHyperparameters, Hyperparameters } from './hyperparameters.js';
import {
  type BatchStats,
  type Block,
  type LayerPass,
  type Mlp,
  type Weights,
  activate,
  buildMlp,
  forward,
  initialKernel,
  weightsOf,
} from './mlp.js';

/** Where one conv layer sits in the flat parameter vector, and the sides it maps. */
export interface ConvLayer {
  /** kernelSize × kernelSize × inChannels × filters (tf.conv2d's filter layout). */
  readonly kernel: Block & { readonly shape4: readonly [number, number, number, number] };
  readonly bias: Block;
  readonly in: readonly [number, number, number];
  /** After the convolution and the pooling. */
  readonly out: readonly [number, number, number];
}

/**
 * Conv layers (each: conv2d with `kernel_size`, `strides`, `padding`, a bias and `activation`, then 2×2 pooling
 * with stride 2 unless `pooling: none`), flattened into the dense head of the tabular trainer (mlp.ts: its
 * hidden layers with batch/layer norm and dropout, and a linear output). One flat parameter vector holds the
 * head's blocks first and the conv blocks after them, so the JS optimizers, l1/l2, weight decay and the
 * schedule work on it exactly as for the MLP; `head.kernels` lists the conv kernels too.
 */
export interface ConvNet {
  /** [height, width, channels] of an input image. */
  readonly inputShape: readonly [number, number, number];
  readonly layers: readonly ConvLayer[];
  readonly head: Mlp;
  readonly pooling: ConvHyperparameters['pooling'];
  readonly strides: number;
  readonly padding: ConvHyperparameters['padding'];
}

/** Side after a conv of window k and stride s: `same` keeps ⌈side/s⌉, `valid` ⌊(side − k)/s⌋ + 1. */
const convSide = (side: number, k: number, s: number, padding: 'same' | 'valid'): number =>
  padding === 'same' ? Math.ceil(side / s) : Math.floor((side - k) / s) + 1;

/**
 * The sides each conv layer sees and gives. A stride longer than a layer's input side, or (padding valid) a
 * window larger than it, fails the trial, naming the hyperparameter, its value and the layer's input.
 */
export function convGeometry(
  inputShape: readonly [number, number, number],
  conv: ConvHyperparameters,
): { in: [number, number, number]; out: [number, number, number] }[] {
  let [h, w, c] = inputShape;
  return conv.filters.map((filters, i) => {
    const input: [number, number, number] = [h, w, c];
    const at = `conv layer ${i + 1}'s input (${h}×${w}${i === 0 ? `, trainer.input_shape ${show(inputShape)}` : ''})`;
    if (conv.strides > Math.min(h, w)) throw new TrialError(`strides ${conv.strides} is larger than ${at}`);
    if (conv.padding === 'valid' && conv.kernelSize > Math.min(h, w))
      throw new TrialError(
        `kernel_size ${conv.kernelSize} is larger than ${at} with padding valid (use padding same, fewer conv_layers or a smaller window)`,
      );
    h = convSide(h, conv.kernelSize, conv.strides, conv.padding);
    w = convSide(w, conv.kernelSize, conv.strides, conv.padding);
    if (conv.pooling !== 'none') {
      h = Math.ceil(h / 2);
      w = Math.ceil(w / 2);
    }
    c = filters;
    return { in: input, out: [h, w, c] };
  });
}

/** Seeded conv kernels (Keras' fans: k·k·in and k·k·filters) and zero biases, after the head's seeded weights. */
export function buildConvNet(
  dense: Hyperparameters,
  conv: ConvHyperparameters,
  inputShape: readonly [number, number, number],
  outputs: number,
  seed: number,
): ConvNet {
  const geometry = convGeometry(inputShape, conv);
  const [fh, fw, fc] = geometry.at(-1)?.out ?? inputShape;
  const mlp = buildMlp(dense, fh * fw * fc, outputs, seed);
  let offset = mlp.params.length;
  const k = conv.kernelSize;
  const inits: { offset: number; values: Float32Array }[] = [];
  const layers: ConvLayer[] = geometry.map((g, i) => {
    const inC = g.in[2];
    const filters = g.out[2];
    const size = k * k * inC * filters;
    const kernel = { offset, size, shape: [k * k * inC, filters] as const, shape4: [k, k, inC, filters] as const };
    inits.push({
      offset,
      values: initialKernel(dense.kernelInitializer, k * k * inC, k * k * filters, new Rng(deriveSeed(seed, 'init', 'conv', i)), size),
    });
    offset += size;
    const bias: Block = { offset, size: filters, shape: [filters] };
    offset += filters;
    return { kernel, bias, in: g.in, out: g.out };
  });
  const params = new Float32Array(offset);
  params.set(mlp.params);
  for (const { offset: at, values } of inits) params.set(values, at);
  const head: Mlp = { ...mlp, params, kernels: [...mlp.kernels, ...layers.map((l) => l.kernel)] };
  return { inputShape, layers, head, pooling: conv.pooling, strides: conv.strides, padding: conv.padding };
}

/**
 * tf.conv2d with its gradient written out: dx is tf.conv2dTranspose (the Conv2DBackpropInput kernel), and the
 * filter's gradient is one matMul, im2col(x)ᵀ · dy, with im2col built from k² strided slices of the padded
 * input. tfjs-backend-wasm has no Conv2DBackpropFilter kernel, so tfjs' own gradient of conv2d fails there;
 * this one uses only ops every backend has, and the same code runs on all of them.
 */
export function conv2d(tf: Tf, x: Tensor4D, filter: Tensor4D, strides: number, padding: 'same' | 'valid'): Tensor4D {
  const op = tf.customGrad((...args) => {
    const [xIn, fIn, save] = args as [Tensor4D, Tensor4D, (tensors: Tensor[]) => void];
    const value = tf.conv2d(xIn, fIn, strides, padding);
    // saved, so tfjs keeps them alive until the backward pass has run
    save([xIn, fIn]);
    const gradFunc = (dy: Tensor, saved: Tensor[]): Tensor[] => {
      const [xIn, fIn] = saved as [Tensor4D, Tensor4D];
      const dy4 = dy as Tensor4D;
      const dx = tf.conv2dTranspose(dy4, fIn, xIn.shape, strides, padding);
      return [dx, filterGradient(tf, xIn, dy4, fIn.shape, strides, padding)];
    };
    return { value, gradFunc };
  });
  return op(x, filter) as Tensor4D;
}

/** dLoss/dfilter of a conv2d (NHWC, square window and stride, TensorFlow's padding rule), from its input and dLoss/doutput. */
export function filterGradient(
  tf: Tf,
  x: Tensor4D,
  dy: Tensor4D,
  filterShape: readonly [number, number, number, number],
  s: number,
  padding: 'same' | 'valid',
): Tensor4D {
  const [n, inH, inW, inC] = x.shape;
  const [, outH, outW, outC] = dy.shape;
  const [k] = filterShape;
  // TensorFlow's 'same': total padding max((out − 1)·s + k − in, 0), the smaller half before
  const padH = padding === 'same' ? Math.max((outH - 1) * s + k - inH, 0) : 0;
  const padW = padding === 'same' ? Math.max((outW - 1) * s + k - inW, 0) : 0;
  const padded =
    padH + padW > 0
      ? tf.pad(x, [
          [0, 0],
          [Math.floor(padH / 2), padH - Math.floor(padH / 2)],
          [Math.floor(padW / 2), padW - Math.floor(padW / 2)],
          [0, 0],
        ])
      : x;
  const columns: Tensor[] = [];
  for (let kh = 0; kh < k; kh++)
    for (let kw = 0; kw < k; kw++)
      columns.push(tf.stridedSlice(padded, [0, kh, kw, 0], [n, kh + (outH - 1) * s + 1, kw + (outW - 1) * s + 1, inC], [1, s, s, 1]));
  // rows: every output position; columns: (kh, kw, channel), the filter's own layout
  const patches = tf.reshape(tf.concat(columns, 3), [n * outH * outW, k * k * inC]) as Tensor2D;
  const grad = tf.matMul(tf.transpose(patches), tf.reshape(dy, [n * outH * outW, outC]) as Tensor2D);
  return tf.reshape(grad, [...filterShape]) as Tensor4D;
}

/** The head's weights as slices of a parameter tensor (for autodiff) or of the uploaded vector. */
function headWeights(tf: Tf, head: Mlp, p: Tensor1D): Weights {
  return weightsOf(head, (b: Block): Tensor => tf.reshape(tf.slice(p, b.offset, b.size), [...b.shape]));
}

/**
 * Logits for `x` (n × height × width × channels) from the parameters `p`. With `training`: batch statistics,
 * dropout masks and the head's layer passes, as mlp.forward. Call inside tf.tidy (or a gradient function).
 */
export function convForward(
  tf: Tf,
  net: ConvNet,
  activation: ActivationName,
  p: Tensor1D,
  x: Tensor4D,
  training?: { masks: readonly Float32Array[]; layers: LayerPass[] },
  from = 0,
): Tensor2D {
  const h = convFeatures(tf, net, activation, p, x, from, net.layers.length);
  const flat = tf.reshape(h, [x.shape[0], -1]) as Tensor2D;
  return forward(tf, net.head, headWeights(tf, net.head, p), activation, flat, training);
}

/** Conv layers `from` to `to` (exclusive) on `x`, the input of layer `from`. */
function convFeatures(tf: Tf, net: ConvNet, activation: ActivationName, p: Tensor1D, x: Tensor4D, from: number, to: number): Tensor4D {
  let h: Tensor4D = x;
  for (const layer of net.layers.slice(from, to)) {
    const kernel = tf.reshape(tf.slice(p, layer.kernel.offset, layer.kernel.size), [...layer.kernel.shape4]) as Tensor4D;
    const bias = tf.slice(p, layer.bias.offset, layer.bias.size);
    h = activate(tf, activation, tf.add(conv2d(tf, h, kernel, net.strides, net.padding), bias)) as Tensor4D;
    if (net.pooling === 'max') h = tf.maxPool(h, 2, 2, 'same');
    else if (net.pooling === 'avg') h = tf.avgPool(h, 2, 2, 'same');
  }
  return h;
}

/**
 * One training step's data loss (mean softmax cross-entropy), its gradient with respect to every parameter
 * (written into `grads`), the batch's logits and the head's batch-norm statistics. The gradient is tfjs'
 * autodiff (tf.grad) of the whole network as a function of the flat parameter vector: conv layers have no
 * hand-written backward pass. Leaves no tensors behind.
 */
export function convStep(
  tf: Tf,
  net: ConvNet,
  activation: ActivationName,
  batch: { x: Float32Array; rows: number; labels: Int32Array; classes: number; masks: readonly Float32Array[] },
  grads: Float32Array,
  opts: { readonly frozenLayers?: number } = {},
): { loss: number; logits: Float32Array; stats: BatchStats } {
  // Fine-tuning: the bottom `frozenLayers` layers, conv layers counted from the input, get no update. The frozen conv
  // layers are a constant of the step (their gradient stays 0); frozen hidden layers are the caller's to skip.
  const frozen = Math.min(opts.frozenLayers ?? 0, net.layers.length);
  let loss = Number.NaN;
  let logits: Float32Array = new Float32Array(0);
  const stats: { mean: Float32Array; variance: Float32Array }[] = [];
  tf.tidy(() => {
    const images = tf.tensor4d(batch.x, [batch.rows, ...net.inputShape]);
    const x = frozen > 0 ? convFeatures(tf, net, activation, tf.tensor1d(net.head.params), images, 0, frozen) : images;
    const oneHot = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), batch.classes);
    const f = (p: Tensor): Tensor => {
      const layers: LayerPass[] = [];
      const out = convForward(tf, net, activation, p as Tensor1D, x, { masks: batch.masks, layers }, frozen);
      // Read inside the function, which runs once, eagerly: these values are needed beside the gradient.
      logits = out.dataSync() as Float32Array;
      for (const l of layers)
        if (l.bn) stats.push({ mean: l.bn.mean.dataSync() as Float32Array, variance: l.bn.variance.dataSync() as Float32Array });
      const ce = tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(out)), 1)));
      loss = ce.dataSync()[0]!;
      return ce;
    };
    grads.set(tf.grad(f)(tf.tensor1d(net.head.params)).dataSync());
  });
  return { loss, logits, stats };
}

/** Inference-mode logits for `rows` images (moving batch-norm statistics, no dropout). Call inside tf.tidy. */
export function convPredict(tf: Tf, net: ConvNet, activation: ActivationName, x: Float32Array, rows: number): Tensor2D {
  return convForward(tf, net, activation, tf.tensor1d(net.head.params), tf.tensor4d(x, [rows, ...net.inputShape]));
}
