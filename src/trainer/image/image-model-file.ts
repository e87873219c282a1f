import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorText, show } from '../../core/errors.js';
import type { Tf } from '../tf/backend.js';
import type { ActivationName, ConvHyperparameters, Hyperparameters, PaddingName, PoolingName } from '../nn/hyperparameters.js';
import { type ConvNet, convGeometry } from '../nn/conv.js';
import { LEAKY_RELU_ALPHA } from '../nn/mlp.js';
import {
  type BaseModel,
  BaseModelError,
  type Fail,
  type LayerJson,
  type WeightsOf,
  readLayers,
  readLayersFile,
} from '../tabular/model-file.js';
import { addMlpLayers, kerasActivation, layerAdder, trainerActivation } from '../tabular/mlp-layers.js';

/**
 * The image trainer's conv net as a TensorFlow.js LayersModel (saved and read like the tabular trainer's MLP,
 * tabular/model-file.ts), and back. Saved as a Keras Sequential model computing what the trainer's inference
 * mode computes: per conv layer a Conv2D (its window, strides, padding, a bias and the activation; leaky_relu is a
 * LeakyReLU layer after it) and a MaxPooling2D / AveragePooling2D (2×2, stride 2, padding same) unless `pooling:
 * none`; a Flatten; then the dense head as the tabular trainer saves its MLP, ending in a softmax over the model
 * card's `classes`. The inputs are standardised pixels, (v − mean) / std with the card's `pixels`.
 */

/** Builds the LayersModel of a trained conv net. Call with the backend ready; dispose the model when done. */
export function toImageLayersModel(
  tf: Tf,
  net: ConvNet,
  hp: Pick<Hyperparameters, 'activation' | 'dropout'>,
): ReturnType<Tf['sequential']> {
  const { add, done } = layerAdder(tf);
  const p = net.head.params;
  const inputShape = [...net.inputShape];
  const inline = hp.activation !== 'leaky_relu';
  net.layers.forEach((layer, i) => {
    const [k, , , filters] = layer.kernel.shape4;
    const conv = tf.layers.conv2d({
      filters,
      kernelSize: k,
      strides: net.strides,
      padding: net.padding,
      activation: inline ? kerasActivation(hp.activation as Exclude<ActivationName, 'leaky_relu'>) : 'linear',
      name: `conv_${i}`,
      ...(i === 0 ? { inputShape } : {}),
    });
    const kernel = p.slice(layer.kernel.offset, layer.kernel.offset + layer.kernel.size);
    add(conv, tf.tensor(kernel, [...layer.kernel.shape4]), tf.tensor(p.slice(layer.bias.offset, layer.bias.offset + filters), [filters]));
    if (!inline) add(tf.layers.leakyReLU({ alpha: LEAKY_RELU_ALPHA, name: `conv_${i}_activation` }));
    const pool = { poolSize: 2, strides: 2, padding: 'same' as const, name: `conv_${i}_pooling` };
    if (net.pooling === 'max') add(tf.layers.maxPooling2d(pool));
    else if (net.pooling === 'avg') add(tf.layers.averagePooling2d(pool));
  });
  add(tf.layers.flatten({ name: 'flatten', ...(net.layers.length === 0 ? { inputShape } : {}) }));
  addMlpLayers(tf, add, net.head, hp, undefined, 'classification', { mean: 0, std: 1 });
  return done();
}

/** A saved image model: its input shape and conv layers, the dense head after its Flatten, and its card's classes. */
export interface ImageBaseModel extends BaseModel {
  readonly inputShape: readonly [number, number, number];
  readonly conv: Omit<ConvHyperparameters, 'filters'> & {
    readonly layers: readonly { readonly kernel: Float32Array; readonly bias: Float32Array; readonly filters: number }[];
  };
  /** The card's class labels in output order (model-card.json beside model.json); undefined without a card. */
  readonly classes?: readonly string[];
}

const POOLING_LAYERS: Readonly<Record<string, PoolingName>> = { MaxPooling2D: 'max', AveragePooling2D: 'avg' };

/**
 * Reads a model saved by the image trainer's `save_best` (or any Keras Sequential model of the same layers) without
 * tfjs. Its bytes, for the trial key, are model.json's, the weight files' and the card's when there is one.
 */
export async function readImageBaseModel(fileOrDir: string): Promise<ImageBaseModel> {
  const { file, bytes, layers, weightsOf, fail } = await readLayersFile(fileOrDir);
  const flattenAt = layers.findIndex((l) => l.class_name === 'Flatten');
  if (flattenAt < 0)
    fail('has no Flatten layer: the image trainer fine-tunes its own conv nets (Conv2D and pooling layers, a Flatten, then Dense layers)');
  const conv = readConvLayers(layers.slice(0, flattenAt + 1), weightsOf, fail);
  const geometry = convGeometry(conv.inputShape, { ...conv, filters: conv.layers.map((l) => l.filters) });
  const [h, w, c] = geometry.at(-1)?.out ?? conv.inputShape;
  const head = readLayers(layers.slice(flattenAt + 1), weightsOf, fail, h * w * c);
  const first = head.hidden[0] ?? head.output;
  if (first.kernel.length !== h * w * c * first.units)
    fail(`its first Dense layer's kernel has ${first.kernel.length} values, not the Flatten's ${h * w * c} × ${first.units}`);
  if (head.hidden.length > 0 && conv.activation !== undefined && head.activation !== conv.activation)
    fail(`its conv layers use ${conv.activation} and its dense layers ${head.activation}; the trainer uses one activation`);
  if (head.task !== 'classification') fail('does not end in a softmax: the image trainer does classification only');
  const card = await readCard(file);
  if (card.classes && card.classes.length !== head.output.units)
    fail(`its model-card.json lists ${card.classes.length} classes, but its output layer has ${head.output.units} units`);
  const activation = head.hidden.length > 0 ? head.activation : (conv.activation ?? head.activation);
  return {
    file,
    bytes: [...bytes, ...(card.bytes ? [card.bytes] : [])],
    ...head,
    activation,
    inputShape: conv.inputShape,
    conv: { kernelSize: conv.kernelSize, strides: conv.strides, padding: conv.padding, pooling: conv.pooling, layers: conv.layers },
    ...(card.classes ? { classes: card.classes } : {}),
  };
}

/** What the conv part of the layers (up to and including the Flatten) says. */
interface ConvWalk {
  inputShape: [number, number, number];
  kernelSize: number;
  strides: number;
  padding: PaddingName;
  pooling: PoolingName;
  activation?: ActivationName;
  layers: { kernel: Float32Array; bias: Float32Array; filters: number }[];
}

function readConvLayers(layers: readonly LayerJson[], weightsOf: WeightsOf, fail: Fail): ConvWalk {
  const shape = (layers[0]?.config.batch_input_shape ?? layers[0]?.config.batchInputShape) as (number | null)[] | undefined;
  if (shape?.length !== 4 || shape.slice(1).some((d) => typeof d !== 'number'))
    fail(`its first layer must take images (batch_input_shape [null, height, width, channels]), got ${show(shape ?? null)}`);
  const walk: ConvWalk = {
    inputShape: shape!.slice(1) as [number, number, number],
    kernelSize: 0,
    strides: 1,
    padding: 'same',
    pooling: 'none',
    layers: [],
  };
  const seen = { pooled: 0, settings: new Set<string>() };
  layers.forEach((layer, i) => {
    const c = layer.config;
    const at = `layer ${i + 1} (${layer.class_name} ${show(String(c.name))})`;
    if (layer.class_name === 'Conv2D') return readConv2d(walk, seen.settings, layer, at, weightsOf, fail);
    if (layer.class_name in POOLING_LAYERS) {
      const pool = POOLING_LAYERS[layer.class_name]!;
      if (show(c.pool_size) !== show([2, 2]) || show(c.strides) !== show([2, 2]) || c.padding !== 'same')
        fail(
          `${at}: the trainer pools 2×2 with stride 2 and padding same, got pool_size ${show(c.pool_size)}, strides ${show(c.strides)}, padding ${show(c.padding)}`,
        );
      if (seen.pooled > 0 && walk.pooling !== pool) fail(`${at}: the conv layers pool differently; the trainer pools all alike`);
      walk.pooling = pool;
      seen.pooled++;
      return;
    }
    if (layer.class_name === 'LeakyReLU') {
      if (Math.abs(Number(c.alpha) - LEAKY_RELU_ALPHA) > 1e-6)
        fail(`${at}: alpha ${String(c.alpha)} differs from the trainer's ${LEAKY_RELU_ALPHA}`);
      return void (walk.activation = 'leaky_relu');
    }
    if (layer.class_name !== 'Flatten')
      fail(`${at} is not a layer the image trainer builds before its Flatten (Conv2D, LeakyReLU, MaxPooling2D, AveragePooling2D)`);
  });
  if (seen.pooled !== 0 && seen.pooled !== walk.layers.length)
    fail('only some of its conv layers are followed by pooling; the trainer pools after each or none');
  return walk;
}

function readConv2d(walk: ConvWalk, settings: Set<string>, layer: LayerJson, at: string, weightsOf: WeightsOf, fail: Fail): void {
  const c = layer.config;
  const [k, k2] = (c.kernel_size ?? []) as number[];
  const [s, s2] = (c.strides ?? [1, 1]) as number[];
  if (k === undefined || k !== k2 || s !== s2)
    fail(`${at}: the trainer's windows and strides are square, got kernel_size ${show(c.kernel_size)}, strides ${show(c.strides)}`);
  if ((c.data_format ?? 'channels_last') !== 'channels_last') fail(`${at}: data_format must be channels_last, got ${show(c.data_format)}`);
  if (show(c.dilation_rate ?? [1, 1]) !== show([1, 1]))
    fail(`${at}: the trainer does not dilate, got dilation_rate ${show(c.dilation_rate)}`);
  if (c.use_bias === false) fail(`${at}: the trainer's conv layers have a bias (use_bias true)`);
  const act = String(c.activation ?? 'linear');
  if (act !== 'linear') walk.activation = activationOf(act, at, fail);
  settings.add(`${k}/${s}/${String(c.padding)}`);
  if (settings.size > 1) fail(`${at}: its conv layers differ in kernel_size, strides or padding; the trainer's are all alike`);
  walk.kernelSize = k!;
  walk.strides = s!;
  walk.padding = c.padding === 'valid' ? 'valid' : 'same';
  const filters = Number(c.filters);
  const inC = walk.layers.at(-1)?.filters ?? walk.inputShape[2];
  const kernel = weightsOf(layer, 'kernel');
  if (kernel.length !== k! * k! * inC * filters) fail(`${at}: its kernel has ${kernel.length} values, not ${k}×${k}×${inC}×${filters}`);
  walk.layers.push({ kernel, bias: weightsOf(layer, 'bias'), filters });
}

function activationOf(keras: string, at: string, fail: Fail): ActivationName {
  return trainerActivation(keras) ?? fail(`${at}: activation ${show(keras)} is not one the trainer has`);
}

/** model-card.json beside model.json, when there is one: its bytes and the class labels of its outputs. */
async function readCard(file: string): Promise<{ readonly bytes?: Uint8Array; readonly classes?: readonly string[] }> {
  const cardFile = path.join(path.dirname(file), 'model-card.json');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(cardFile);
  } catch {
    return {}; // a LayersModel without a card: its classes are not known
  }
  try {
    const card = JSON.parse(Buffer.from(bytes).toString('utf8')) as { outputs?: { probabilities?: unknown } };
    const classes = card.outputs?.probabilities;
    return Array.isArray(classes) ? { bytes, classes: classes.map(String) } : { bytes };
  } catch (err) {
    throw new BaseModelError({ file: cardFile }, `is not JSON: ${errorText(err)}`);
  }
}
