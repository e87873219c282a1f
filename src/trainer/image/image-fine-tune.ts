import { ConfigError, TrialError, show } from '../../core/errors.js';
import { displayPath } from '../data/errors.js';
import type { ConvHyperparameters, Hyperparameters } from '../nn/hyperparameters.js';
import { type ConvNet, buildConvNet } from '../nn/conv.js';
import { type Segment, baseArchitecture, fineTuneSegments, setBaseWeights } from '../tabular/fine-tune.js';
import { createOptimizer } from '../nn/optimizers.js';
import type { ImageBaseModel } from './image-model-file.js';

/**
 * Fine-tuning an image `trainer.base_model`, the conv-net regime: its conv layers and dense head replace the
 * trial's architecture and seeded weights. `freeze_layers: k` keeps the bottom k layers, conv layers counted
 * from the input first, then the head's hidden layers; the rest train at `fine_tune_learning_rate`, a new
 * output layer (new classes) at `learning_rate`.
 */

/**
 * Whether the base model's output layer fits the data's classes, or a new one is trained; a base model that
 * takes other images, or whose classes overlap the data's without being them, is a config error naming both.
 * Without a card (classes unknown) the output layer is kept when its size is the number of classes.
 */
export function keepsOutputLayer(base: ImageBaseModel, inputShape: readonly [number, number, number], classes: readonly string[]): boolean {
  const at = displayPath(base.file);
  if (show(base.inputShape) !== show(inputShape))
    throw new ConfigError(
      'trainer.base_model',
      `${at} takes images of shape ${show(base.inputShape)} ([height, width, channels]), but trainer.input_shape is ${show(inputShape)}: ` +
        'fine-tune on images of the shape it was trained on',
    );
  if (!base.classes) return base.output.units === classes.length;
  if (show(base.classes) === show(classes)) return true;
  const shared = base.classes.filter((c) => classes.includes(c));
  if (shared.length === 0) return false;
  throw new ConfigError(
    'trainer.base_model',
    `${at} was trained on ${base.classes.length} classes ${show(base.classes)} and the data has ${classes.length} classes ${show(classes)}: ` +
      `they share ${show(shared)} but are not the same, so its output layer neither fits nor is new ` +
      '(fine-tune on exactly its classes to keep the output layer, or on classes it has not seen for a new one)',
  );
}

/** The trial's net built to the base model's architecture, with its weights (and its output layer when `keepOutput`). */
export function fromImageBaseModel(
  base: ImageBaseModel,
  hp: Hyperparameters,
  classes: number,
  keepOutput: boolean,
  seed: number,
): { readonly net: ConvNet; readonly dense: Hyperparameters; readonly conv: ConvHyperparameters } {
  const dense = baseArchitecture(base, hp);
  const { layers, ...settings } = base.conv;
  const conv: ConvHyperparameters = { ...settings, filters: layers.map((l) => l.filters) };
  const total = layers.length + dense.widths.length;
  if (hp.freezeLayers > total)
    throw new TrialError(
      `freeze_layers ${hp.freezeLayers} is more than the base model's ${layers.length} conv and ${dense.widths.length} hidden layers (the output layer always trains)`,
    );
  const net = buildConvNet(dense, conv, base.inputShape, classes, seed);
  setBaseWeights(base, net.head, keepOutput, 'classification', { mean: 0, std: 1 });
  layers.forEach((l, i) => {
    net.head.params.set(l.kernel, net.layers[i]!.kernel.offset);
    net.head.params.set(l.bias, net.layers[i]!.bias.offset);
  });
  return { net, dense, conv };
}

/** How a fine-tune trains the net: which layers are frozen and the stretches of parameters that train. */
export interface ImageFineTune {
  /** Frozen conv layers, from the input: the step takes no gradient through them. */
  readonly frozenConv: number;
  /** Frozen hidden layers of the dense head (after every conv layer is frozen): their moving statistics stay too. */
  readonly frozenDense: number;
  readonly segments: readonly Segment[];
}

/**
 * The net's parameters hold the head's blocks first, then the conv layers' from the input (conv.ts), so the
 * frozen conv layers are the start of the conv stretch and the frozen hidden layers a prefix; what lies
 * between them trains. The head's segments are the tabular fine-tune's, on the head's stretch.
 */
export function imageFineTune(net: ConvNet, hp: Hyperparameters, newHead: boolean): ImageFineTune {
  const frozenConv = Math.min(hp.freezeLayers, net.layers.length);
  const frozenDense = hp.freezeLayers - frozenConv;
  const convStart = net.layers[0]?.kernel.offset ?? net.head.params.length;
  const head = { ...net.head, params: net.head.params.subarray(0, convStart) };
  const { segments } = fineTuneSegments(head, { ...hp, freezeLayers: frozenDense }, newHead);
  const lastFrozen = net.layers[frozenConv - 1];
  const convFrom = lastFrozen ? lastFrozen.bias.offset + lastFrozen.bias.size : convStart;
  const end = net.head.params.length;
  const fine = hp.fineTuneLearningRate > 0 ? hp.fineTuneLearningRate / hp.learningRate : 1;
  const convSegment: Segment[] =
    end > convFrom ? [{ from: convFrom, to: end, rateFactor: fine, optimizer: createOptimizer(hp, end - convFrom) }] : [];
  return { frozenConv, frozenDense, segments: [...segments, ...convSegment] };
}
