import type { ImageTrainerSpec } from '../../core/config/types.js';
import { givenHyperparameterProblem, trainerShape } from '../../core/config/trainer-rules.js';
import { TrialError } from '../../core/errors.js';
import { hashJson, sha256Hex } from '../../core/hash.js';
import type { JsonValue, Params } from '../../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../core/objective.js';
import { Rng, deriveSeed } from '../../core/rng.js';
import { ensureBackend, type Tf, type TfHandle } from '../tf/backend.js';
import { type ConvNet, buildConvNet, convMacsPerImage, convPredict } from '../nn/conv.js';
import { convStep } from '../nn/conv-step.js';
import { stepSegments, withBaseModel } from '../tabular/fine-tune.js';
import { type ImageFineTune, fromImageBaseModel, imageFineTune, keepsOutputLayer } from './image-fine-tune.js';
import { type ImageBaseModel, readImageBaseModel } from './image-model-file.js';
import { imageModelCard, saveImageModel } from './image-model-card.js';
import { runEpochs } from '../nn/early-stopping.js';
import { DatasetError } from '../data/errors.js';
import { type ConvHyperparameters, type Hyperparameters, parseImageHyperparameters } from '../nn/hyperparameters.js';
import { type ImageData, type ImageSource, readImageSource, splitImages } from '../data/image-files.js';
import { addPenaltyGradient, applyWeightDecay, dropoutMasks, updateMovingStats } from '../nn/mlp.js';
import { type ParameterOptimizer, createOptimizer } from '../nn/optimizers.js';
import { learningRateAt } from '../nn/schedule.js';

/**
 * Bumped when a change to the image trainer changes what the same params and seed produce; part of the fingerprint.
 * 2: `rmsprop` without a `momentum` has momentum 0, not 0.9 (as TABULAR_TRAINER_VERSION 5).
 * 3: on wasm and cpu, average pooling's gradient on an odd side's last row or column divides by the pixels the window
 *    covered, as the forward average does (tfjs' AvgPoolGrad divided by 4 there; native TensorFlow was right).
 */
export const IMAGE_TRAINER_VERSION = 3;

/** Images per inference pass over the validation split, so large splits do not become one huge tensor. */
const PREDICT_BATCH = 256;

/**
 * The built-in image trainer (`trainer.type: image`): conv layers, then the tabular trainer's dense head, on a
 * CSV of pixel rows or a folder of class folders of PNG / JPEG files (images.ts), trained by the same seeded
 * loop as the tabular trainer: JS optimizers on one flat parameter vector, `lr_schedule` and `warmup_epochs`,
 * decoupled `weight_decay`, `l1`/`l2` over every kernel (conv kernels too), dropout and batch/layer norm in
 * the dense head, `early_stopping_patience`, and the last-epoch rule for the trial's metrics. Gradients come
 * from the fused conv step (conv-step.ts). Everything random is seeded from the trial seed in JS: initial weights, row
 * order, dropout masks. Metrics: `loss`, `accuracy` (averaged over the epoch's batches), `val_loss`,
 * `val_accuracy` (validation split, inference mode).
 */
export interface ImageObjective extends Objective {
  /** Mean ms per training step of `params`' model on `on`, over `steps` steps of one batch (for `backend: auto`). */
  msPerStep(on: TfHandle, params: Params, steps: number, clock?: () => number): Promise<number>;
  /** Trains on `on` from now on (what `backend: auto` picked), keeping the images read. */
  switchBackend(on: TfHandle): void;
  /** The size of a full trial with `params`: training steps, images per batch, forward multiply-adds per image. */
  trialSize(params: Params): ImageTrialSize;
}

export interface ImageTrialSize {
  readonly steps: number;
  readonly batch: number;
  readonly macsPerImage: number;
}

export async function createImageObjective(
  spec: ImageTrainerSpec,
  first: TfHandle,
  opts: { readonly splitSeed?: number } = {},
): Promise<ImageObjective> {
  const splitSeed = opts.splitSeed ?? 0;
  // Where the best model goes changes no result; the base model counts by its bytes, not its path.
  const { baseModel: basePath, saveBest: _saveBest, ...plainSpec } = spec;
  const source = await readImageSource(spec);
  const splits = new Map<number, ImageData>([
    [spec.validationSplit, splitImages(source, spec.data, spec.validationSplit, splitSeed, spec.inputShape)],
  ]);
  const classes = splits.get(spec.validationSplit)!.classes;
  const base = basePath === undefined ? undefined : await readImageBaseModel(basePath);
  const tuned = base && { base, keepOutput: keepsOutputLayer(base, spec.inputShape, classes) };
  const fingerprint = withBaseModel(imageFingerprint(plainSpec, source.contentHash, splitSeed), base, 'image');
  const dataFor = (fraction: number): ImageData => {
    let d = splits.get(fraction);
    if (!d) splits.set(fraction, (d = resplit(source, spec, fraction, splitSeed)));
    return d;
  };
  let disposed = false;
  let handle = first;
  const shape = trainerShape(spec);
  const hpFor = (params: Params): { readonly dense: Hyperparameters; readonly conv: ConvHyperparameters } => {
    const problem = givenHyperparameterProblem(params, spec.defaults, shape);
    if (problem !== undefined) throw new TrialError(problem);
    return parseImageHyperparameters(params, { validation_split: spec.validationSplit, ...spec.defaults });
  };
  return {
    fingerprint,
    get backend(): string {
      return handle.backend;
    },
    switchBackend(on: TfHandle): void {
      handle = on;
    },
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      if (disposed) throw new TrialError('the image objective was disposed', { transient: true });
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      await ensureBackend(handle);
      return (await train(handle.tf, data, hp, ctx, spec.earlyStoppingMetric, tuned)).result;
    },
    async saveModel(params: Params, seed: number, dir: string, card: Readonly<Record<string, JsonValue>>): Promise<string> {
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      await ensureBackend(handle);
      // Training is deterministic: the same params and seed rebuild the best trial's model exactly.
      const ctx: TrialContext = { seed, report: () => false, signal: new AbortController().signal };
      const { trial, result } = await train(handle.tf, data, hp, ctx, spec.earlyStoppingMetric, tuned);
      const about = { ...card, dataSha256: source.contentHash, ...(base ? { baseModelSha256: base.bytes.map((b) => sha256Hex(b)) } : {}) };
      return saveImageModel(
        handle.tf,
        trial,
        imageModelCard(trial, IMAGE_TRAINER_VERSION, params, seed, result.metrics, fingerprint, spec, about),
        dir,
      );
    },
    async msPerStep(on: TfHandle, params: Params, steps: number, clock: () => number = () => performance.now()): Promise<number> {
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      await ensureBackend(on);
      try {
        const trial = startTrial(on.tf, data, hp, 0, tuned);
        const rows = Array.from({ length: Math.min(hp.dense.batchSize, data.train.n) }, (_, i) => i);
        const lr = learningRateAt(hp.dense, 1);
        trainStep(trial, rows, lr, 0, 0); // warm-up: the first step compiles kernels
        const start = clock();
        for (let i = 0; i < steps; i++) trainStep(trial, rows, lr, 0, i + 1);
        return (clock() - start) / steps;
      } finally {
        // Trials run on `handle`; the probe may have switched tfjs' global engine to another backend.
        await ensureBackend(handle);
      }
    },
    trialSize(params: Params): ImageTrialSize {
      const hp = hpFor(params);
      const data = dataFor(hp.dense.validationSplit);
      const batch = Math.min(hp.dense.batchSize, data.train.n);
      const net = buildConvNet(hp.dense, hp.conv, data.shape, data.classes.length, 0);
      return { steps: Math.ceil(data.train.n / batch) * hp.dense.epochs, batch, macsPerImage: convMacsPerImage(net) };
    },
    async dispose(): Promise<void> {
      disposed = true;
    },
  };
}

function resplit(source: ImageSource, spec: ImageTrainerSpec, fraction: number, splitSeed: number): ImageData {
  try {
    return splitImages(source, spec.data, fraction, splitSeed, spec.inputShape);
  } catch (err) {
    if (err instanceof DatasetError) throw new TrialError(`validation_split ${fraction}: ${err.message}`);
    throw err;
  }
}

/** sha256 of the spec with its data path replaced by the hash of what was read there, and the split seed. */
export function imageFingerprint(spec: Omit<ImageTrainerSpec, 'baseModel' | 'saveBest'>, contentHash: string, splitSeed = 0): string {
  return hashJson({ kind: 'sweepgate-image-conv', version: IMAGE_TRAINER_VERSION, spec: { ...spec, data: contentHash, splitSeed } });
}

export interface Trial {
  readonly tf: Tf;
  readonly data: ImageData;
  readonly dense: Hyperparameters;
  readonly conv: ConvHyperparameters;
  readonly net: ConvNet;
  readonly seed: number;
  readonly optimizer: ParameterOptimizer;
  /** Fine-tuning a base model: its frozen layers and the stretches of parameters that train, each with its optimizer. */
  readonly fineTune?: ImageFineTune;
  readonly grads: Float32Array;
}

/** A base model to fine-tune, and whether its output layer fits the data's classes. */
type Tuned = { readonly base: ImageBaseModel; readonly keepOutput: boolean } | undefined;

async function train(
  tf: Tf,
  data: ImageData,
  hp: { readonly dense: Hyperparameters; readonly conv: ConvHyperparameters },
  ctx: TrialContext,
  watched: ImageTrainerSpec['earlyStoppingMetric'],
  tuned: Tuned,
): Promise<{ readonly trial: Trial; readonly result: ObjectiveResult }> {
  const trial = startTrial(tf, data, hp, ctx.seed, tuned);
  const last = await runEpochs(hp.dense.epochs, ctx, { patience: hp.dense.earlyStoppingPatience, watched }, (epoch) => ({
    ...trainEpoch(trial, epoch),
    ...validationMetrics(trial),
  }));
  return { trial, result: { metrics: last } };
}

function startTrial(
  tf: Tf,
  data: ImageData,
  hp: { readonly dense: Hyperparameters; readonly conv: ConvHyperparameters },
  seed: number,
  tuned: Tuned,
): Trial {
  const built = tuned
    ? fromImageBaseModel(tuned.base, hp.dense, data.classes.length, tuned.keepOutput, seed)
    : { net: buildConvNet(hp.dense, hp.conv, data.shape, data.classes.length, seed), ...hp };
  const { net, dense } = built;
  const size = net.head.params.length;
  return {
    tf,
    data,
    dense,
    conv: built.conv,
    net,
    seed,
    optimizer: createOptimizer(dense, size),
    ...(tuned ? { fineTune: imageFineTune(net, dense, !tuned.keepOutput) } : {}),
    grads: new Float32Array(size),
  };
}

/** One pass over the training images in the epoch's seeded order; returns the epoch's mean batch loss and accuracy. */
function trainEpoch(trial: Trial, epoch: number): { loss: number; accuracy: number } {
  const n = trial.data.train.n;
  const batchSize = Math.min(trial.dense.batchSize, n);
  const order = new Rng(deriveSeed(trial.seed, 'shuffle', epoch)).shuffle(Array.from({ length: n }, (_, i) => i));
  const lr = learningRateAt(trial.dense, epoch);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0, batch = 0; start < n; start += batchSize, batch++) {
    const rows = order.slice(start, start + batchSize);
    const step = trainStep(trial, rows, lr, epoch, batch);
    lossSum += step.loss * rows.length;
    correct += step.correct;
  }
  return { loss: lossSum / n, accuracy: correct / n };
}

/** One optimizer step on the training images `rows`: the batch's mean loss and how many it classified right. */
function trainStep(trial: Trial, rows: readonly number[], lr: number, epoch: number, batch: number): { loss: number; correct: number } {
  const { tf, data, dense, net, grads } = trial;
  const size = data.shape[0] * data.shape[1] * data.shape[2];
  const classes = data.classes.length;
  const x = new Float32Array(rows.length * size);
  rows.forEach((r, i) => x.set(data.train.x.subarray(r * size, (r + 1) * size), i * size));
  const labels = Int32Array.from(rows, (r) => data.train.labels[r]!);
  const masks =
    dense.dropout > 0 ? dropoutMasks(dense.dropout, rows.length, dense.widths, deriveSeed(trial.seed, 'dropout', epoch, batch)) : [];
  const frozenLayers = trial.fineTune ? dense.freezeLayers : 0;
  const step = convStep(tf, net, dense.activation, { x, rows: rows.length, labels, classes, masks }, grads, { frozenLayers });
  if (!Number.isFinite(step.loss))
    throw new TrialError(`loss became ${step.loss} at epoch ${epoch}, batch ${batch + 1}: training diverged (try a smaller learning_rate)`);
  updateMovingStats(net.head, step.stats, trial.fineTune?.frozenDense ?? 0);
  addPenaltyGradient(net.head, dense.l1, dense.l2, grads);
  if (trial.fineTune) stepSegments(net.head, trial.fineTune.segments, grads, lr, dense.weightDecay);
  else {
    // Decay from the weights the gradients were taken at, then the optimizer's step (PyTorch AdamW's order).
    applyWeightDecay(net.head, lr, dense.weightDecay);
    trial.optimizer.step(net.head.params, grads, lr);
  }
  return { loss: step.loss, correct: countCorrect(step.logits, labels, classes) };
}

function countCorrect(logits: Float32Array, labels: Int32Array, classes: number): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (logits[i * classes + j]! > logits[i * classes + best]!) best = j;
    if (best === labels[i]) correct++;
  }
  return correct;
}

/** Mean cross-entropy and accuracy over the validation split, inference mode, in float64 in JS. */
function validationMetrics({ tf, data, dense, net }: Trial): { val_loss: number; val_accuracy: number } {
  const { n, x, labels } = data.validation;
  const size = data.shape[0] * data.shape[1] * data.shape[2];
  const k = data.classes.length;
  let ce = 0;
  let correct = 0;
  for (let start = 0; start < n; start += PREDICT_BATCH) {
    const rows = Math.min(PREDICT_BATCH, n - start);
    let out: Float32Array = new Float32Array(0);
    tf.tidy(() => {
      out = convPredict(tf, net, dense.activation, x.subarray(start * size, (start + rows) * size), rows).dataSync() as Float32Array;
    });
    for (let i = 0; i < rows; i++) {
      const label = labels[start + i]!;
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, out[i * k + j]!);
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(out[i * k + j]! - max);
      ce += max + Math.log(sumExp) - out[i * k + label]!;
    }
    correct += countCorrect(out, labels.subarray(start, start + rows), k);
  }
  return { val_loss: ce / n, val_accuracy: correct / n };
}
