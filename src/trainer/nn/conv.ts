import type { Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { TrialError, show } from '../../core/errors.js';
import { Rng, deriveSeed } from '../../core/rng.js';
import type { Tf } from '../tf/backend.js';
import type { ActivationName, ConvHyperparameters, Hyperparameters } from './hyperparameters.js';
import { type Block, type LayerPass, type Mlp, type Weights, activate, buildMlp, forward, initialKernel, weightsOf } from './mlp.js';

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

/** The head's weights as slices of a parameter tensor (for autodiff) or of the uploaded vector. */
function headWeights(tf: Tf, head: Mlp, p: Tensor1D): Weights {
  return weightsOf(head, (b: Block): Tensor => tf.reshape(tf.slice(p, b.offset, b.size), [...b.shape]));
}

/**
 * Logits for `x` (n × height × width × channels) from the parameters `p`, with tfjs' own ops: inference, and the
 * reference the fused training step (conv-step.ts) is checked against by autodiff. With `training`: batch
 * statistics, dropout masks and the head's layer passes, as mlp.forward. Call inside tf.tidy (or a gradient function).
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
    h = activate(tf, activation, tf.add(tf.conv2d(h, kernel, net.strides, net.padding), bias)) as Tensor4D;
    if (net.pooling === 'max') h = tf.maxPool(h, 2, 2, 'same');
    else if (net.pooling === 'avg') h = tf.avgPool(h, 2, 2, 'same');
  }
  return h;
}

/** Inference-mode logits for `rows` images (moving batch-norm statistics, no dropout). Call inside tf.tidy. */
export function convPredict(tf: Tf, net: ConvNet, activation: ActivationName, x: Float32Array, rows: number): Tensor2D {
  return convForward(tf, net, activation, tf.tensor1d(net.head.params), tf.tensor4d(x, [rows, ...net.inputShape]));
}

/**
 * Multiply-adds of one image's forward pass: each conv layer's output positions × its window (k·k·in) × filters, then
 * the dense head's kernels. A training step costs about 3× this per image (forward, the filter and the input
 * gradients): what `backend: auto` sizes an image model by (tf/native.ts).
 */
export function convMacsPerImage(net: ConvNet): number {
  let macs = 0;
  for (const layer of net.layers) {
    const [k, , inC, filters] = layer.kernel.shape4;
    const [h, w] = layer.in;
    const outH = net.padding === 'same' ? Math.ceil(h / net.strides) : Math.floor((h - k) / net.strides) + 1;
    const outW = net.padding === 'same' ? Math.ceil(w / net.strides) : Math.floor((w - k) / net.strides) + 1;
    macs += outH * outW * k * k * inC * filters;
  }
  for (const kernel of net.head.kernels.slice(0, net.head.kernels.length - net.layers.length)) macs += kernel.size;
  return macs;
}
