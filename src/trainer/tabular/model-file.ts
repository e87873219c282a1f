import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { show, errorText } from '../../core/errors.js';
import type { JsonValue } from '../../core/json.js';
import type { Tf } from '../tf/backend.js';
import { DatasetError } from '../data/errors.js';
import type { ActivationName, Hyperparameters } from '../nn/hyperparameters.js';
import { BN_EPSILON, LEAKY_RELU_ALPHA, LN_EPSILON, type Mlp } from '../nn/mlp.js';
import { type TargetScale, addMlpLayers, layerAdder, trainerActivation } from './mlp-layers.js';

/**
 * The tabular trainer's MLP as a TensorFlow.js LayersModel on disk (`model.json` + `weights.bin`, the format
 * `tf.loadLayersModel` reads and tfjs-node's `file://` handler writes), and back.
 *
 * Saved as a Keras Sequential model that computes what the trainer's inference mode computes: per hidden layer a
 * Dense (no bias with a norm), BatchNormalization (momentum 0.9, ε 0.001, the moving statistics) or
 * LayerNormalization (ε 0.001), the activation (a LeakyReLU layer with α 0.2 for leaky_relu), Dropout; then the
 * output Dense with a softmax (classification: class probabilities, in the order of the model card's `classes`)
 * or, for regression, with the target's standardisation folded into its weights (predictions in the target's
 * units). The inputs are the encoded features (the card lists them and their encodings).
 */

/** A base model file that is not a model the trainer can fine-tune; names the file and what is wrong. */
export class BaseModelError extends DatasetError {
  override readonly name: string = 'BaseModelError';
}

export type { TargetScale };

/** Builds the LayersModel of a trained MLP. Call with the backend ready; dispose the model when done. */
export function toLayersModel(
  tf: Tf,
  model: Mlp,
  hp: Pick<Hyperparameters, 'activation' | 'dropout'>,
  inputs: number,
  task: 'classification' | 'regression',
  target: TargetScale,
): ReturnType<Tf['sequential']> {
  const layers = layerAdder(tf);
  addMlpLayers(tf, layers.add, model, hp, [inputs], task, target);
  return layers.done();
}

/** Writes `model.json` and `weights.bin` into `dir` (created), each atomically (tmp + rename). Returns model.json's path. */
export async function saveLayersModel(tf: Tf, lm: ReturnType<Tf['sequential']>, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'model.json');
  await lm.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      await atomicWrite(path.join(dir, 'weights.bin'), new Uint8Array(weightData));
      await atomicWrite(file, `${JSON.stringify(json)}\n`);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return file;
}

/** Writes the model (saveLayersModel) and its card, model-card.json, into `dir`, then disposes the model. Returns model.json's path. */
export async function saveWithCard(
  tf: Tf,
  lm: ReturnType<Tf['sequential']>,
  card: Readonly<Record<string, JsonValue>>,
  dir: string,
): Promise<string> {
  try {
    const file = await saveLayersModel(tf, lm, dir);
    await atomicWrite(path.join(dir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
    return file;
  } finally {
    lm.dispose();
  }
}

export async function atomicWrite(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** What a base model gives the trainer: its architecture and, layer by layer, its weights. */
export interface BaseModel {
  /** model.json's path, and the bytes of it and of its weight files, in manifest order: for the trial key. */
  readonly file: string;
  readonly bytes: readonly Uint8Array[];
  readonly inputs: number;
  readonly activation: ActivationName;
  readonly norm: 'none' | 'batch' | 'layer';
  readonly hidden: readonly {
    readonly kernel: Float32Array;
    readonly units: number;
    readonly bias?: Float32Array;
    readonly gamma?: Float32Array;
    readonly beta?: Float32Array;
    readonly movingMean?: Float32Array;
    readonly movingVariance?: Float32Array;
  }[];
  /** The output Dense: logits (classification, before the softmax) or predictions in the target's units. */
  readonly output: { readonly kernel: Float32Array; readonly bias: Float32Array; readonly units: number };
  readonly task: 'classification' | 'regression';
}

export interface LayerJson {
  readonly class_name: string;
  readonly config: Record<string, unknown>;
}

/** The parts of model.json the reader looks at. */
interface ModelJson {
  modelTopology?: { class_name?: string; config?: { layers?: LayerJson[] } | LayerJson[] };
  weightsManifest?: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** Fails the read with a message about the base model's file. */
export type Fail = (message: string) => never;

/**
 * Reads a LayersModel saved by `save_best` (or any Keras Sequential MLP of the same layers: Dense,
 * BatchNormalization, LayerNormalization, Activation, LeakyReLU, Dropout, and a final Dense with or without a
 * softmax) without tfjs: the topology is JSON and the weights float32. `file` is model.json or its folder.
 */
export async function readBaseModel(fileOrDir: string): Promise<BaseModel> {
  const { file, bytes, layers, weightsOf, fail } = await readLayersFile(fileOrDir);
  return { file, bytes, ...readLayers(layers, weightsOf, fail) };
}

/** A Sequential LayersModel's file, its bytes, its layers and their weights, and how to fail about it. */
export interface LayersFile {
  readonly file: string;
  readonly bytes: readonly Uint8Array[];
  readonly layers: readonly LayerJson[];
  readonly weightsOf: WeightsOf;
  readonly fail: Fail;
}

/** Reads model.json (or the model.json in the folder `fileOrDir`) and its weight files; they must be a Sequential model. */
export async function readLayersFile(fileOrDir: string): Promise<LayersFile> {
  const file = fileOrDir.endsWith('.json') ? fileOrDir : path.join(fileOrDir, 'model.json');
  const fail: Fail = (message) => {
    throw new BaseModelError({ file }, message);
  };
  const { jsonBytes, doc } = await readModelJson(file, fail);
  const topology = doc.modelTopology;
  if (topology?.class_name !== 'Sequential')
    return fail(`is not a Sequential LayersModel (model.json's modelTopology.class_name is ${show(topology?.class_name ?? null)})`);
  const layers = (Array.isArray(topology.config) ? topology.config : topology.config?.layers) ?? [];
  const weights = await readWeights(file, doc, fail);
  const weightsOf = (layer: LayerJson, suffix: string): Float32Array => {
    const name = String(layer.config.name);
    const found =
      weights.tensors.get(`${name}/${suffix}`) ??
      [...weights.tensors.entries()].find(([k]) => k.startsWith(`${name}/`) && k.endsWith(`/${suffix}`))?.[1];
    return found ?? fail(`layer ${show(name)} has no weight ${show(suffix)} in the weightsManifest`);
  };
  return { file, bytes: [jsonBytes, ...weights.bytes], layers, weightsOf, fail };
}

async function readModelJson(file: string, fail: Fail): Promise<{ readonly jsonBytes: Uint8Array; readonly doc: ModelJson }> {
  let jsonBytes: Uint8Array;
  try {
    jsonBytes = await readFile(file);
  } catch (err) {
    return fail(`cannot be read: ${errorText(err)}`);
  }
  try {
    return { jsonBytes, doc: JSON.parse(Buffer.from(jsonBytes).toString('utf8')) as ModelJson };
  } catch (err) {
    return fail(`is not JSON: ${errorText(err)}`);
  }
}

/** The weight files of the manifest's groups (their bytes, one entry per group) and each float32 tensor by name. */
async function readWeights(
  file: string,
  doc: ModelJson,
  fail: Fail,
): Promise<{ readonly bytes: Uint8Array[]; readonly tensors: Map<string, Float32Array> }> {
  const bytes: Uint8Array[] = [];
  const tensors = new Map<string, Float32Array>();
  for (const group of doc.weightsManifest ?? []) {
    const parts: Uint8Array[] = [];
    for (const p of group.paths) {
      const weightsFile = path.join(path.dirname(file), p);
      try {
        parts.push(await readFile(weightsFile));
      } catch (err) {
        throw new BaseModelError(
          { file: weightsFile },
          `cannot be read (named in ${path.basename(file)}'s weightsManifest): ${errorText(err)}`,
        );
      }
    }
    const data = Buffer.concat(parts);
    bytes.push(data);
    let offset = 0;
    for (const w of group.weights) {
      if (w.dtype !== 'float32') fail(`weight ${show(w.name)} is ${show(w.dtype)}; only float32 weights are read`);
      const n = w.shape.reduce((a, b) => a * b, 1);
      if (offset + 4 * n > data.length) fail(`weight ${show(w.name)} runs past the end of the weight files (${data.length} bytes)`);
      tensors.set(w.name, new Float32Array(data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + 4 * n)));
      offset += 4 * n;
    }
  }
  return { bytes, tensors };
}

type HiddenLayer = { -readonly [K in keyof BaseModel['hidden'][number]]: BaseModel['hidden'][number][K] };

/** What the layers seen so far make of the model: the walk over its layers, from the input. */
interface LayerWalk {
  /** Index of the output Dense (the last Dense). */
  readonly outputAt: number;
  readonly hidden: HiddenLayer[];
  readonly activations: Set<ActivationName>;
  readonly norms: Set<BaseModel['norm']>;
  inputs?: number;
  softmax: boolean;
  /** The last Dense: the layer a normalisation applies to (the output Dense once it is reached). */
  current?: HiddenLayer;
}

export type WeightsOf = (layer: LayerJson, suffix: string) => Float32Array;

/**
 * The architecture and weights of the layers, checked to be an MLP the trainer builds. `inputs`: what the layers
 * take when they follow others (the image trainer's Flatten); otherwise the first layer's batch_input_shape says.
 */
export function readLayers(
  layers: readonly LayerJson[],
  weightsOf: WeightsOf,
  fail: Fail,
  inputs?: number,
): Omit<BaseModel, 'file' | 'bytes'> {
  const denses = layers.map((l, i) => (l.class_name === 'Dense' ? i : -1)).filter((i) => i >= 0);
  if (denses.length === 0) fail('has no Dense layer');
  const walk: LayerWalk = {
    outputAt: denses.at(-1)!,
    hidden: [],
    activations: new Set(),
    norms: new Set(),
    softmax: false,
    ...(inputs !== undefined ? { inputs } : {}),
  };
  layers.forEach((layer, i) => readLayer(walk, layer, i, weightsOf, fail));
  const { hidden, activations, norms } = walk;
  if (activations.size > 1) fail(`its hidden layers use different activations (${[...activations].join(', ')}); the trainer uses one`);
  if (norms.size > 1 || (norms.size === 1 && hidden.some((h) => !h.gamma)))
    fail('its hidden layers are normalised differently; the trainer normalises all or none, one way');
  for (const [i, h] of hidden.entries())
    if (!h.bias && !h.gamma) fail(`hidden Dense ${i + 1} has neither a bias nor a normalisation after it`);
  return {
    inputs: walk.inputs!,
    activation: [...activations][0] ?? 'linear',
    norm: [...norms][0] ?? 'none',
    hidden,
    output: walk.current as BaseModel['output'],
    task: walk.softmax ? 'classification' : 'regression',
  };
}

function readLayer(walk: LayerWalk, layer: LayerJson, i: number, weightsOf: WeightsOf, fail: Fail): void {
  const c = layer.config;
  const at = `layer ${i + 1} (${layer.class_name} ${show(String(c.name))})`;
  if (i === 0 && walk.inputs === undefined) {
    const shape = (c.batch_input_shape ?? c.batchInputShape) as (number | null)[] | undefined;
    if (shape?.length !== 2)
      fail(`${at}: the first layer must take a vector of inputs (batch_input_shape [null, n]), got ${show(shape ?? null)}`);
    walk.inputs = shape![1]!;
  }
  switch (layer.class_name) {
    case 'Dense':
      return readDense(walk, layer, i === walk.outputAt, at, weightsOf, fail);
    case 'BatchNormalization':
    case 'LayerNormalization':
      return readNorm(walk, layer, i, at, weightsOf, fail);
    case 'Activation': {
      const act = String(c.activation);
      if (i > walk.outputAt) {
        if (act !== 'softmax') fail(`${at}: only a softmax may follow the output Dense, got ${show(act)}`);
        walk.softmax = true;
        return;
      }
      walk.activations.add(trainerActivation(act) ?? fail(`${at}: activation ${show(act)} is not one the trainer has`));
      return;
    }
    case 'LeakyReLU':
      if (Math.abs(Number(c.alpha) - LEAKY_RELU_ALPHA) > 1e-6)
        fail(`${at}: alpha ${String(c.alpha)} differs from the trainer's leaky_relu slope ${LEAKY_RELU_ALPHA}`);
      walk.activations.add('leaky_relu');
      return;
    case 'Dropout':
      return; // inference is unaffected; the fine-tune's own `dropout` applies
    default:
      fail(
        `${at} is not a layer the tabular trainer builds (it fine-tunes MLPs: Dense, BatchNormalization, LayerNormalization, Activation, LeakyReLU, Dropout)`,
      );
  }
}

function readDense(walk: LayerWalk, layer: LayerJson, isOutput: boolean, at: string, weightsOf: WeightsOf, fail: Fail): void {
  const c = layer.config;
  const units = Number(c.units);
  const kernel = weightsOf(layer, 'kernel');
  const bias = c.use_bias === false ? undefined : weightsOf(layer, 'bias');
  const act = String(c.activation ?? 'linear');
  if (isOutput) {
    if (act !== 'linear' && act !== 'softmax')
      fail(`${at}: the output Dense must be linear (optionally followed by a softmax), got activation ${show(act)}`);
    walk.softmax ||= act === 'softmax';
    walk.current = { kernel, units, bias: bias ?? new Float32Array(units) };
    return;
  }
  walk.current = { kernel, units, ...(bias ? { bias } : {}) };
  walk.hidden.push(walk.current);
  if (act !== 'linear') {
    const ours = trainerActivation(act) ?? fail(`${at}: activation ${show(act)} is not one the trainer has`);
    walk.activations.add(ours);
  }
}

function readNorm(walk: LayerWalk, layer: LayerJson, i: number, at: string, weightsOf: WeightsOf, fail: Fail): void {
  const kind = layer.class_name === 'BatchNormalization' ? 'batch' : 'layer';
  const h = walk.current;
  if (!h || i > walk.outputAt) return void fail(`${at}: normalisation must follow a hidden Dense layer`);
  const eps = Number(layer.config.epsilon);
  const want = kind === 'batch' ? BN_EPSILON : LN_EPSILON;
  if (Math.abs(eps - want) > 1e-12) fail(`${at}: epsilon ${eps} differs from the trainer's ${want}`);
  walk.norms.add(kind);
  h.gamma = weightsOf(layer, 'gamma');
  h.beta = weightsOf(layer, 'beta');
  if (kind === 'batch') {
    h.movingMean = weightsOf(layer, 'moving_mean');
    h.movingVariance = weightsOf(layer, 'moving_variance');
  }
}
