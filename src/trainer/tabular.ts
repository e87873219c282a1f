import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TabularTrainerSpec } from '../core/config/types.js';
import { TrialError } from '../core/errors.js';
import { hashJson, sha256Hex } from '../core/hash.js';
import type { Metrics, Params } from '../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../core/objective.js';
import { Rng, deriveSeed } from '../core/rng.js';
import { ensureBackend, type Tf, type TfHandle } from './backend.js';
import { prepareTabularData, type TabularData } from './dataset.js';
import { DatasetError } from './errors.js';
import { type Hyperparameters, parseHyperparameters } from './hyperparameters.js';
import { type Ops, backprop, opsFor } from './backprop.js';
import { type Mlp, addPenaltyGradient, applyWeightDecay, buildMlp, dropoutMasks, predict, updateMovingStats } from './mlp.js';
import { type ParameterOptimizer, createOptimizer } from './optimizers.js';
import { type Segment, checkBaseInputs, fineTuneSegments, fromBaseModel } from './fine-tune.js';
import { type BaseModel, BaseModelError, atomicWrite, readBaseModel, saveLayersModel, toLayersModel } from './model-io.js';
import { ARCHITECTURE_HYPERPARAMETERS } from '../core/config/trainer-params.js';
import type { JsonValue } from '../core/json.js';
import { learningRateAt } from './schedule.js';
import { runEpochs } from './early-stopping.js';

/**
 * Bumped when a change to the trainer changes what the same params and seed produce; part of the fingerprint.
 * 2: hand-written backward pass, optimizers and loss in JS — the same model, loss and update rules, with
 * different float32 rounding, so version-1 trial records are not reused.
 * 3: the validation split is seeded by the sweep seed (and whole runs of identical rows stay on one side).
 * 4: validation rows are chosen by a hash of their position (or `split_by` ids) and `split_seed`, never by their
 * cells or the sweep seed, so the split survives column edits, appended rows and reseeding; each input's initial
 * weights come from a stream of its own and each epoch orders rows by a hash of their key, so a PR that adds a
 * column or rows changes the rest of the training as little as it can (see buildMlp and epochOrder).
 * 5: `rmsprop` without a `momentum` (trial param or trainer.defaults) has momentum 0, as tfjs, Keras and PyTorch,
 * not the `momentum` optimizer's 0.9 (RMSPROP_DEFAULT_MOMENTUM); nothing else changed.
 */
export const TABULAR_TRAINER_VERSION = 5;

/**
 * The built-in trainer: a multilayer perceptron on a CSV, trained by sweepgate's own seeded loop.
 *
 * **Model.** `layers` hidden dense layers of `units` units (`kernel_initializer`; zero biases) with `activation`
 * (`leaky_relu` has slope 0.2), optional batch normalisation before each activation (`batch_norm`: batch
 * statistics while training; moving averages with momentum 0.9 and epsilon 0.001 for validation) and inverted
 * dropout after it (`dropout`), then a linear output layer. Classification (binary too) uses one output per
 * class with softmax cross-entropy; regression has one output trained with mean squared error on the
 * standardised target. `l1` and `l2` add `l1·Σ|w|` and `l2·Σw²` over every kernel (not biases) to the loss
 * that is minimised; the reported `loss`/`val_loss` leave that penalty out. `width_schedule` gives the hidden
 * layers their own widths (hyperparameters.ts); `layer_norm` normalises each row's pre-activations instead.
 * `weight_decay` shrinks the kernels beside the optimizer's step (decoupled, as AdamW; mlp.ts), and the step's
 * learning rate follows `lr_schedule` after `warmup_epochs` (schedule.ts). `validation_split` may be a trial
 * parameter: each fraction's split is prepared once, on first use.
 *
 * **Optimizers** (`optimizer`, `learning_rate`): `sgd`; `momentum` (heavy-ball, `momentum`); `adam`, `adamax`
 * (β1 0.9, β2 0.999); `rmsprop` (decay 0.9, momentum `momentum`, default 0); `adagrad`; `adadelta` (ρ 0.95) — the update
 * rules of the tfjs optimizers of those names (ε 1e-7), run in JS over the flat parameter vector.
 *
 * **Seeding.** Everything random derives from the trial seed with sweepgate's own generator, never
 * Math.random: initial weights (computed in JS, so identical on every backend), the order of rows in each
 * epoch, and the dropout masks of each step. Same params and seed ⇒ the same metrics on the same backend.
 *
 * **Epochs and metrics.** Each epoch shuffles the training rows, steps through them in batches of
 * `batch_size` (the last batch may be smaller), then evaluates the validation rows. It reports:
 * - classification: `loss` and `accuracy` (averaged over the epoch's batches, as Keras reports them, so with
 *   dropout active), `val_loss` and `val_accuracy` (the whole validation split, inference mode);
 * - regression: `loss` and `mae` (averaged over the epoch's batches), `val_loss`, `val_mae` and `val_rmse`
 *   (validation split) — all in the target's original units (losses are mean squared errors).
 *
 * **A trial's metrics are those of its last epoch** — the last of `epochs`, or the epoch at which the pruner
 * or `early_stopping_patience` (early-stopping.ts) stopped it — not the best epoch seen: picking the best validation epoch would select on the validation data
 * and report an optimistic value. A loss that becomes NaN or infinite fails the trial (try a smaller
 * `learning_rate`).
 */
export interface TrialSize {
  readonly steps: number;
  readonly batch: number;
  readonly weights: number;
}

/** The built-in tabular trainer, which can also time its model's training steps on a backend (for `backend: auto`). */
export interface TabularObjective extends Objective {
  dispose(): Promise<void>;
  /** Mean ms per training step of `params`' model on `on` (see msPerStep); `clock` defaults to performance.now. */
  msPerStep(on: TfHandle, params: Params, steps: number, clock?: () => number): Promise<number>;
  /** The size of a full trial with `params`: training steps (batches × epochs), rows per batch, model parameters. */
  trialSize(params: Params): TrialSize;
  /** Trains on `on` from now on (what `backend: auto` picked), keeping the prepared data. */
  switchBackend(on: TfHandle): void;
}

export async function createTabularObjective(spec: TabularTrainerSpec, first: TfHandle, opts: { readonly maxDataBytes?: number } = {}): Promise<TabularObjective> {
  const limit = opts.maxDataBytes ?? MAX_DATA_BYTES;
  const dataBytes = await readData(spec.data, limit);
  const validationBytes = spec.validation === undefined ? undefined : await readData(spec.validation, limit);
  // Where the best model goes changes no result; the base model counts by its bytes, not its path.
  const { baseModel: basePath, saveBest: _saveBest, ...plainSpec } = spec;
  const data = prepareTabularData(plainSpec, dataBytes, validationBytes);
  const base = basePath === undefined ? undefined : await readBaseModel(basePath);
  if (base) checkBaseInputs(base, data.inputs, BaseModelError);
  const fingerprint = withBaseModel(tabularFingerprint(plainSpec, dataBytes, validationBytes), base);
  // A searched validation_split needs the data split again; each split is prepared once and kept.
  const splits = new Map<number, Prepared>([[spec.validationSplit, prepared(data)]]);
  const dataFor = (fraction: number): Prepared => {
    let p = splits.get(fraction);
    if (!p) splits.set(fraction, (p = prepared(resplit(spec, fraction, dataBytes, validationBytes))));
    return p;
  };
  const trialSetup = (params: Params): { hp: Hyperparameters; prepared: Prepared } => {
    checkSplitParams(spec, params);
    if (base) {
      const arch = ARCHITECTURE_HYPERPARAMETERS.filter((k) => k in params || k in spec.defaults);
      if (arch.length > 0) throw new TrialError(`${arch.join(', ')}: the architecture comes from trainer.base_model and cannot be set`);
    }
    // trainer.validation_split is the default for the validation_split hyperparameter
    const hp = parseHyperparameters(params, { validation_split: spec.validationSplit, ...spec.defaults });
    if (!base && (hp.freezeLayers > 0 || hp.fineTuneLearningRate > 0))
      throw new TrialError('freeze_layers and fine_tune_learning_rate need trainer.base_model');
    return { hp, prepared: dataFor(hp.validationSplit) };
  };
  let disposed = false;
  let handle = first;
  return {
    fingerprint,
    get backend(): string {
      return handle.backend;
    },
    switchBackend(on: TfHandle): void {
      handle = on;
    },
    validation: data.validationRows,
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      if (disposed) throw new TrialError('the tabular objective was disposed', { transient: true });
      const { hp, prepared: p } = trialSetup(params);
      await ensureBackend(handle);
      return (await train(handle.tf, p.data, p.standardisedTargets, hp, ctx, spec.earlyStoppingMetric, base)).result;
    },
    async saveModel(params: Params, seed: number, dir: string, card: Readonly<Record<string, JsonValue>>): Promise<string> {
      const { hp, prepared: p } = trialSetup(params);
      await ensureBackend(handle);
      // Training is deterministic: the same params and seed rebuild the best trial's model exactly.
      const ctx: TrialContext = { seed, report: () => false, signal: new AbortController().signal };
      const { trial, result } = await train(handle.tf, p.data, p.standardisedTargets, hp, ctx, spec.earlyStoppingMetric, base);
      const hashes = { dataSha256: sha256Hex(dataBytes), ...(validationBytes ? { validationSha256: sha256Hex(validationBytes) } : {}) };
      const lm = toLayersModel(handle.tf, trial.model, trial.hp, p.data.inputs.length, p.data.task, { mean: p.data.targetMean, std: p.data.targetStd });
      try {
        const file = await saveLayersModel(handle.tf, lm, dir);
        await atomicWrite(path.join(dir, 'model-card.json'), `${JSON.stringify(modelCard(p.data, trial.hp, params, seed, result.metrics, fingerprint, { ...card, ...hashes }), null, 2)}\n`);
        return file;
      } finally {
        lm.dispose();
      }
    },
    async msPerStep(on: TfHandle, params: Params, steps: number, clock: () => number = () => performance.now()): Promise<number> {
      const { hp, prepared: p } = trialSetup(params);
      await ensureBackend(on);
      try {
        return msPerStep(startTrial(on.tf, p.data, p.standardisedTargets, hp, 0, base), steps, clock);
      } finally {
        // Trials run on `handle`; the probe may have switched tfjs' global engine to another backend.
        await ensureBackend(handle);
      }
    },
    trialSize(params: Params): TrialSize {
      const { hp, prepared: p } = trialSetup(params);
      const batch = Math.min(hp.batchSize, p.data.train.n);
      const outputs = p.data.task === 'classification' ? p.data.classes.length : 1;
      const weights = base ? base.bytes.reduce((n, b) => n + b.length / 4, 0) : buildMlp(hp, p.data.inputs.length, outputs, 0).params.length;
      return { steps: Math.ceil(p.data.train.n / batch) * hp.epochs, batch, weights };
    },
    // The objective holds no tensors between trials: each step creates and frees its own.
    async dispose(): Promise<void> {
      disposed = true;
    },
  };
}

/** The fingerprint with the base model's bytes (model.json and its weight files) when there is one; unchanged otherwise. */
function withBaseModel(fingerprint: string, base: BaseModel | undefined): string {
  return base ? hashJson({ tabular: fingerprint, baseModel: base.bytes.map((b) => sha256Hex(b)) }) : fingerprint;
}

/** The JSON card saved beside the model: what produced it and how to feed it. */
function modelCard(
  data: TabularData,
  hp: Hyperparameters,
  params: Params,
  seed: number,
  metrics: Metrics,
  fingerprint: string,
  extra: Readonly<Record<string, JsonValue>>,
): Record<string, JsonValue> {
  return {
    format: 'sweepgate-model-card-1',
    trainer: 'tabular',
    trainerVersion: TABULAR_TRAINER_VERSION,
    task: data.task,
    target: data.target,
    ...extra,
    params,
    seed,
    metrics,
    fingerprint,
    architecture: { widths: [...hp.widths], activation: hp.activation, norm: hp.batchNorm ? 'batch' : hp.layerNorm ? 'layer' : 'none' },
    // The model's inputs are these encoded features, in this order: numeric columns standardised, categories one-hot.
    inputs: [...data.inputs],
    encodings: data.encodings.map((e): JsonValue => (e.kind === 'numeric' ? { kind: e.kind, name: e.name, mean: e.mean, std: e.std } : { kind: e.kind, name: e.name, categories: [...e.categories] })),
    outputs: data.task === 'classification' ? { probabilities: [...data.classes] } : { prediction: data.target },
  };
}

/** A split of the data with its regression targets as the model sees them (standardised; classification: unused). */
interface Prepared {
  readonly data: TabularData;
  readonly standardisedTargets: Float64Array;
}

function prepared(data: TabularData): Prepared {
  return { data, standardisedTargets: Float64Array.from(data.train.targets ?? [], (v) => (v - data.targetMean) / data.targetStd) };
}

/** The data split with another validation fraction; a split that leaves a side empty fails that trial only. */
function resplit(spec: TabularTrainerSpec, fraction: number, data: Uint8Array, validation: Uint8Array | undefined): TabularData {
  try {
    return prepareTabularData({ ...spec, validationSplit: fraction }, data, validation);
  } catch (err) {
    if (err instanceof DatasetError) throw new TrialError(`validation_split ${fraction}: ${err.message}`);
    throw err;
  }
}

/** validation_split as a trial parameter or trainer default means nothing beside a separate validation file. */
function checkSplitParams(spec: TabularTrainerSpec, params: Params): void {
  if (spec.validation === undefined) return;
  const value = params['validation_split'] ?? spec.defaults['validation_split'];
  if (value !== undefined)
    throw new TrialError(`validation_split cannot be used with trainer.validation (a separate validation file), got ${JSON.stringify(value)}`);
}

/**
 * The largest CSV the built-in trainer reads. It holds the parsed table, the encoded matrix and a tensor copy
 * in memory (several times the file), and trains on one JS thread, so a file past this is refused before it
 * is read rather than risking an out-of-memory crash hours in; larger data wants a `program`.
 */
export const MAX_DATA_BYTES = 100 * 1024 * 1024;

async function readData(file: string, limit: number): Promise<Buffer> {
  try {
    const size = (await stat(file)).size;
    if (size > limit)
      throw new DatasetError(
        { file },
        `is ${megabytes(size)}, more than the built-in trainer reads (${megabytes(limit)}): sample the data down, or train with a program`,
      );
    return await readFile(file);
  } catch (err) {
    if (err instanceof DatasetError) throw err;
    throw new DatasetError({ file }, `cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function megabytes(bytes: number): string {
  return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * sha256 of the canonical trainer spec with its file paths replaced by the sha256 of the files' bytes, so the
 * key follows the data and not where the repository is checked out.
 */
export function tabularFingerprint(spec: TabularTrainerSpec, data: Uint8Array, validation?: Uint8Array): string {
  const dataHash = sha256Hex(data);
  const validationHash = validation === undefined ? null : sha256Hex(validation);
  const { validationSplit, splitSeed = 0, ...rest } = spec;
  return hashJson({
    kind: 'sweepgate-tabular-mlp',
    version: TABULAR_TRAINER_VERSION,
    // validation_split means nothing once a validation file is given
    spec: { ...rest, ...(validationHash === null ? { validationSplit, splitSeed } : {}), data: dataHash, validation: validationHash ?? undefined },
    data: dataHash,
    validation: validationHash,
  });
}

/**
 * dLoss/dOutputs and the training metrics of one batch, from the model's outputs (rows × outputs) for the
 * given training rows. The loss is the data loss (no penalty): softmax cross-entropy, or the mean squared
 * error on the standardised target. Computed in float64 in JS: the outputs are already read back for the
 * metrics, and a few dozen numbers cost less here than the half-dozen device ops of a loss on the backend.
 */
function batchLoss({ data, standardisedTargets }: Trial, out: Float32Array, rows: readonly number[]): BatchLoss {
  const n = rows.length;
  if (data.task === 'classification') {
    const k = data.classes.length;
    const labels = data.train.labels!;
    const gradient = new Float32Array(n * k);
    let loss = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const o = i * k;
      const label = labels[rows[i]!]!;
      const best = argMax(out, o, k);
      const max = out[o + best]!;
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(out[o + j]! - max);
      loss += max + Math.log(sumExp) - out[o + label]!;
      if (best === label) correct++;
      // d(mean cross-entropy)/dlogits = (softmax − one-hot) / rows
      for (let j = 0; j < k; j++) gradient[o + j] = (Math.exp(out[o + j]! - max) / sumExp - (j === label ? 1 : 0)) / n;
    }
    return { loss: loss / n, correct, absError: 0, gradient };
  }
  const targets = data.train.targets!;
  const gradient = new Float32Array(n);
  let se = 0;
  let absError = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const err = out[i]! - standardisedTargets[row]!;
    se += err * err;
    gradient[i] = (2 * err) / n;
    absError += Math.abs(out[i]! * data.targetStd + data.targetMean - targets[row]!);
  }
  return { loss: se / n, correct: 0, absError, gradient };
}

interface BatchLoss {
  readonly loss: number;
  /** Classification: rows whose largest output is their label. */
  readonly correct: number;
  /** Regression: sum of absolute errors in the target's original units. */
  readonly absError: number;
  readonly gradient: Float32Array;
}

/** Running sums over an epoch's batches, for the training metrics. */
interface EpochSums {
  rows: number;
  loss: number;
  correct: number;
  absError: number;
}

function argMax(values: Float32Array, offset: number, length: number): number {
  let best = 0;
  for (let j = 1; j < length; j++) if (values[offset + j]! > values[offset + best]!) best = j;
  return best;
}

/** The given rows of a row-major matrix with `width` columns, gathered into a new array. */
function gatherRows(x: Float32Array, width: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i]! * width;
    for (let j = 0; j < width; j++) out[i * width + j] = x[from + j]!;
  }
  return out;
}

/** Validation metrics from the model's outputs, computed in float64 in JS. */
function validationMetrics(data: TabularData, out: Float32Array): Record<string, number> {
  const n = data.validation.n;
  if (data.task === 'classification') {
    const k = data.classes.length;
    const labels = data.validation.labels!;
    let ce = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, out[i * k + j]!);
      let sumExp = 0;
      for (let j = 0; j < k; j++) sumExp += Math.exp(out[i * k + j]! - max);
      ce += max + Math.log(sumExp) - out[i * k + labels[i]!]!;
      if (argMax(out, i * k, k) === labels[i]) correct++;
    }
    return { val_loss: ce / n, val_accuracy: correct / n };
  }
  const targets = data.validation.targets!;
  let se = 0;
  let ae = 0;
  for (let i = 0; i < n; i++) {
    const err = out[i]! * data.targetStd + data.targetMean - targets[i]!;
    se += err * err;
    ae += Math.abs(err);
  }
  return { val_loss: se / n, val_mae: ae / n, val_rmse: Math.sqrt(se / n) };
}

async function train(
  tf: Tf,
  data: TabularData,
  standardisedTargets: Float64Array,
  hp: Hyperparameters,
  ctx: TrialContext,
  watched: TabularTrainerSpec['earlyStoppingMetric'],
  base?: BaseModel,
): Promise<{ result: ObjectiveResult; trial: Trial }> {
  const trial = startTrial(tf, data, standardisedTargets, hp, ctx.seed, base);
  const last = await runEpochs(hp.epochs, ctx, { patience: hp.earlyStoppingPatience, watched }, (epoch) =>
    epochMetrics(data, trainEpoch(trial, epoch), validationOutputs(trial)),
  );
  return { result: { metrics: last }, trial };
}

/** One trial's training state. Everything lives in JS; tensors exist only inside each step's tf.tidy. */
interface Trial {
  readonly ops: Ops;
  readonly data: TabularData;
  readonly standardisedTargets: Float64Array;
  readonly hp: Hyperparameters;
  readonly seed: number;
  readonly model: Mlp;
  /** Without a base model: one optimizer over every parameter. */
  readonly optimizer: ParameterOptimizer;
  /** Fine-tuning: the stretches of the parameters that train, each with its own optimizer; before them, frozen ones. */
  readonly fineTune?: { readonly frozenEnd: number; readonly segments: readonly Segment[] };
  /** dLoss/dParams of the current step, laid out as `model.params`. */
  readonly grads: Float32Array;
}

function startTrial(tf: Tf, data: TabularData, standardisedTargets: Float64Array, trialHp: Hyperparameters, seed: number, base?: BaseModel): Trial {
  const outputs = data.task === 'classification' ? data.classes.length : 1;
  const tuned = base && fromBaseModel(base, trialHp, outputs, data.task, { mean: data.targetMean, std: data.targetStd }, seed);
  const hp = tuned?.hp ?? trialHp;
  const model = tuned?.model ?? buildMlp(hp, data.inputs.length, outputs, seed, data.inputs);
  const size = model.params.length;
  return {
    ops: opsFor(tf),
    data,
    standardisedTargets,
    hp,
    seed,
    model,
    optimizer: createOptimizer(hp, size),
    ...(tuned ? { fineTune: fineTuneSegments(model, hp, tuned.newHead) } : {}),
    grads: new Float32Array(size),
  };
}

/**
 * The epoch's row order: rows sorted by a seeded hash of their key, so the order of any two rows depends on
 * those two rows alone and survives rows added or removed elsewhere (common random numbers for the gate's
 * paired replay). Without keys, a seeded Fisher–Yates shuffle.
 */
export function epochOrder(keys: Uint32Array | undefined, n: number, seed: number): number[] {
  const rows = Array.from({ length: n }, (_, i) => i);
  if (!keys) return new Rng(seed).shuffle(rows);
  const rank = Uint32Array.from(keys, (k) => mix32(k, seed));
  return rows.sort((a, b) => rank[a]! - rank[b]! || a - b);
}

function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ b, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/** One pass over the training rows in the epoch's seeded order; returns the sums for the training metrics. */
function trainEpoch(trial: Trial, epoch: number): EpochSums {
  const { data, hp } = trial;
  const width = data.inputs.length;
  const n = data.train.n;
  const batchSize = Math.min(hp.batchSize, n);
  const order = epochOrder(data.train.keys, n, deriveSeed(trial.seed, 'shuffle', epoch));
  const lr = learningRateAt(hp, epoch);
  // The epoch's rows in shuffled order, gathered once: each batch is then a view, with nothing to copy.
  const shuffledX = gatherRows(data.train.x, width, order);
  const sums: EpochSums = { rows: 0, loss: 0, correct: 0, absError: 0 };
  for (let start = 0, batch = 0; start < n; start += batchSize, batch++) {
    const rows = order.slice(start, start + batchSize);
    const masks = hp.dropout > 0 ? dropoutMasks(hp.dropout, rows.length, hp.widths, deriveSeed(trial.seed, 'dropout', epoch, batch)) : [];
    const x = shuffledX.subarray(start * width, (start + rows.length) * width);
    const { loss, correct, absError } = trainStep(trial, x, rows, masks, lr, `epoch ${epoch}, batch ${batch + 1}`);
    sums.rows += rows.length;
    sums.loss += loss * rows.length;
    sums.correct += correct;
    sums.absError += absError;
  }
  return sums;
}

/** One optimizer step on the given rows (`x` holds their features); `where` names the step in a divergence error. */
function trainStep(trial: Trial, x: Float32Array, rows: readonly number[], masks: Float32Array[], lr: number, where: string): BatchLoss {
  const { hp, model, grads } = trial;
  let result: BatchLoss | undefined;
  const stats = backprop(trial.ops, model, hp.activation, { x, rows: rows.length, masks }, (out) => (result = batchLoss(trial, out, rows)).gradient, grads);
  const { loss } = result!;
  if (!Number.isFinite(loss))
    throw new TrialError(`loss became ${loss} at ${where}: training diverged (try a smaller learning_rate)`);
  updateMovingStats(model, stats, trial.fineTune ? hp.freezeLayers : 0);
  addPenaltyGradient(model, hp.l1, hp.l2, grads);
  if (trial.fineTune) {
    for (const s of trial.fineTune.segments) {
      const rate = lr * s.rateFactor;
      applyWeightDecay(model, rate, hp.weightDecay, s.from, s.to);
      s.optimizer.step(model.params.subarray(s.from, s.to), grads.subarray(s.from, s.to), rate);
    }
  } else {
    // Decay from the weights the gradients were taken at, then the optimizer's step (PyTorch AdamW's order).
    applyWeightDecay(model, lr, hp.weightDecay);
    trial.optimizer.step(model.params, grads, lr);
  }
  return result!;
}

/**
 * Milliseconds per training step of `hp`'s model on `trial`'s backend: one untimed warm-up step (kernels
 * compiled, buffers allocated), then the mean over `steps` steps of one full batch. What `backend: auto`
 * compares backends by.
 */
function msPerStep(trial: Trial, steps: number, clock: () => number): number {
  const width = trial.data.inputs.length;
  const n = Math.min(trial.hp.batchSize, trial.data.train.n);
  const rows = Array.from({ length: n }, (_, i) => i);
  const x = trial.data.train.x.subarray(0, n * width);
  const lr = learningRateAt(trial.hp, 1);
  trainStep(trial, x, rows, [], lr, 'the backend probe');
  const start = clock();
  for (let i = 0; i < steps; i++) trainStep(trial, x, rows, [], lr, 'the backend probe');
  return (clock() - start) / steps;
}

/** The model's outputs for the validation rows, in inference mode. */
function validationOutputs({ ops: { tf }, data, model, hp }: Trial): Float32Array {
  let values: Float32Array = new Float32Array(0);
  // Passed out by assignment, not as the tidy's return value, which tfjs would walk element by element.
  tf.tidy(() => {
    values = predict(tf, model, hp.activation, tf.tensor2d(data.validation.x, [data.validation.n, data.inputs.length])).dataSync() as Float32Array;
  });
  return values;
}

function epochMetrics(data: TabularData, sums: EpochSums, validationOut: Float32Array): Metrics {
  const scale = data.task === 'regression' ? data.targetStd * data.targetStd : 1;
  const trainMetrics: Record<string, number> =
    data.task === 'classification'
      ? { loss: sums.loss / sums.rows, accuracy: sums.correct / sums.rows }
      : { loss: (sums.loss / sums.rows) * scale, mae: sums.absError / sums.rows };
  return { ...trainMetrics, ...validationMetrics(data, validationOut) };
}
