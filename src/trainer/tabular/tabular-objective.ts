import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { TabularTrainerSpec } from '../../core/config/types.js';
import { TrialError, errorText } from '../../core/errors.js';
import { hashJson } from '../../core/hash.js';
import type { Metrics, Params } from '../../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../core/objective.js';
import { ensureBackend, type Tf, type TfHandle } from '../tf/backend.js';
import { type TabularData, validationRowsOf } from '../data/tabular-data.js';
import { type ShapeEstimate, estimateShape } from '../data/shape-estimate.js';
import { type FileBytes, type FileHashes, type PreparedData, fileHashes, prepareOnce } from '../data/prepared.js';
import { DatasetError } from '../data/errors.js';
import { type Hyperparameters, parseHyperparameters } from '../nn/hyperparameters.js';
import { buildMlp } from '../nn/mlp.js';
import { checkBaseInputs, withBaseModel } from './fine-tune.js';
import { BaseModelError, readBaseModel, saveWithCard, toLayersModel } from './model-file.js';
import { givenHyperparameterProblem, trainerShape } from '../../core/config/trainer-rules.js';
import type { JsonValue } from '../../core/json.js';
import { type Trial, msPerStep, startTrial, train } from './training-loop.js';

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
  /**
   * trialSize guessed from the data's header and line count, nothing parsed (estimateShape): its lines less the
   * validation share, one input per feature column (a categorical column's one-hot inputs are not counted), two
   * classes. For the estimate a run makes before any trial trains (the default `parallel`), so a run whose trials
   * all come from the cache prepares nothing for it.
   */
  estimatedTrialSize(params: Params): TrialSize;
  /** Trains on `on` from now on (what `backend: auto` picked), keeping the prepared data. */
  switchBackend(on: TfHandle): void;
  /** Prepares the data now (the default split), if it is not yet: a DatasetError when the data cannot be trained on. */
  prepare(): void;
  /**
   * The data prepared so far (one entry per validation split used), the default split prepared first if it was not
   * yet, for a worker thread's objective (TabularObjectiveOptions.prepared): read when a worker starts.
   */
  readonly prepared: readonly PreparedData[];
}

export interface TabularObjectiveOptions {
  /** The largest data file read, in bytes (default MAX_DATA_BYTES). */
  readonly maxDataBytes?: number;
  /**
   * What another objective prepared from the same spec and files (its `prepared`, handed to a worker thread): a
   * split found here by its key is taken as it is instead of parsing the CSV again.
   */
  readonly prepared?: readonly PreparedData[];
}

export async function createTabularObjective(
  spec: TabularTrainerSpec,
  first: TfHandle,
  opts: TabularObjectiveOptions = {},
): Promise<TabularObjective> {
  // Where the best model goes changes no result; the base model counts by its bytes, not its path.
  const { baseModel: basePath, saveBest: _saveBest, ...plainSpec } = spec;
  // Only the bytes are read here: the fingerprint needs their hash, and nothing else is done until a trial must
  // train, so a run whose trials all come from the cache never parses the CSV (readTabularData).
  const files = await readTabularData(plainSpec, opts);
  const { hashes, dataFor } = files;
  const base = basePath === undefined ? undefined : await readBaseModel(basePath);
  // A base model that does not fit the data is a configuration error, so it is found before any trial.
  if (base) checkBaseInputs(base, files.data().inputs, BaseModelError);
  const fingerprint = withBaseModel(tabularFingerprintOf(plainSpec, hashes), base);
  const shape = trainerShape(spec);
  const hyperparameters = (params: Params): Hyperparameters => {
    const problem = givenHyperparameterProblem(params, spec.defaults, shape);
    if (problem !== undefined) throw new TrialError(problem);
    // trainer.validation_split is the default for the validation_split hyperparameter
    return parseHyperparameters(params, { validation_split: spec.validationSplit, ...spec.defaults });
  };
  const trialSetup = (params: Params): { hp: Hyperparameters; split: Split } => {
    const hp = hyperparameters(params);
    return { hp, split: dataFor(hp.validationSplit) };
  };
  const sizeOf = (hp: Hyperparameters, trainRows: number, inputs: number, outputs: number): TrialSize => {
    const batch = Math.min(hp.batchSize, trainRows);
    const weights = base ? base.bytes.reduce((n, b) => n + b.length / 4, 0) : buildMlp(hp, inputs, outputs, 0).params.length;
    return { steps: Math.ceil(trainRows / batch) * hp.epochs, batch, weights };
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
    prepare(): void {
      files.data();
    },
    get prepared(): readonly PreparedData[] {
      return files.prepared();
    },
    get validation(): TabularData['validationRows'] | undefined {
      return files.validationRows();
    },
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      if (disposed) throw new TrialError('the tabular objective was disposed', { transient: true });
      const { hp, split: p } = trialSetup(params);
      await ensureBackend(handle);
      return (await train(handle.tf, p.data, p.standardisedTargets, hp, ctx, spec.earlyStoppingMetric, base)).result;
    },
    async saveModel(params: Params, seed: number, dir: string, card: Readonly<Record<string, JsonValue>>): Promise<string> {
      const { hp, split: p } = trialSetup(params);
      await ensureBackend(handle);
      // Training is deterministic: the same params and seed rebuild the best trial's model exactly.
      const ctx: TrialContext = { seed, report: () => false, signal: new AbortController().signal };
      const { trial, result } = await train(handle.tf, p.data, p.standardisedTargets, hp, ctx, spec.earlyStoppingMetric, base);
      const sha256 = { dataSha256: hashes.data, ...(hashes.validation !== undefined ? { validationSha256: hashes.validation } : {}) };
      const cardJson = modelCard(p.data, trial.hp, params, seed, result.metrics, fingerprint, { ...card, ...sha256 });
      return saveModelFiles(handle.tf, trial, p.data, cardJson, dir);
    },
    async msPerStep(on: TfHandle, params: Params, steps: number, clock: () => number = () => performance.now()): Promise<number> {
      const { hp, split: p } = trialSetup(params);
      await ensureBackend(on);
      try {
        return msPerStep(startTrial(on.tf, p.data, p.standardisedTargets, hp, 0, base), steps, clock);
      } finally {
        // Trials run on `handle`; the probe may have switched tfjs' global engine to another backend.
        await ensureBackend(handle);
      }
    },
    trialSize(params: Params): TrialSize {
      const { hp, split: p } = trialSetup(params);
      return sizeOf(hp, p.data.train.n, p.data.inputs.length, p.data.task === 'classification' ? p.data.classes.length : 1);
    },
    estimatedTrialSize(params: Params): TrialSize {
      const shape = files.estimate();
      return sizeOf(hyperparameters(params), shape.trainRows, shape.featureColumns, shape.outputs);
    },
    // The objective holds no tensors between trials: each step creates and frees its own.
    async dispose(): Promise<void> {
      disposed = true;
    },
  };
}

/** The trained model as a LayersModel (model.json, weights.bin) with its card beside it; returns model.json's path. */
async function saveModelFiles(
  tf: Tf,
  trial: Pick<Trial, 'model' | 'hp'>,
  data: TabularData,
  card: Record<string, JsonValue>,
  dir: string,
): Promise<string> {
  const lm = toLayersModel(tf, trial.model, trial.hp, data.inputs.length, data.task, { mean: data.targetMean, std: data.targetStd });
  return saveWithCard(tf, lm, card, dir);
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
    encodings: data.encodings.map((e): JsonValue =>
      e.kind === 'numeric'
        ? { kind: e.kind, name: e.name, mean: e.mean, std: e.std }
        : { kind: e.kind, name: e.name, categories: [...e.categories] },
    ),
    outputs: data.task === 'classification' ? { probabilities: [...data.classes] } : { prediction: data.target },
  };
}

/** The objective's data files and their preparations, each made on first use. */
interface TabularFiles {
  /** The files' sha256, hashed once when they were read. */
  readonly hashes: FileHashes;
  /** The data with `trainer.validation_split` (or the validation file). */
  data(): TabularData;
  /**
   * The rows trials are scored on: the prepared data's when it is prepared, else from the split alone
   * (validationRowsOf: no feature is parsed); a DatasetError when the data cannot be split.
   */
  validationRows(): TabularData['validationRows'];
  /** The data's size guessed from its header and line ends (estimateShape), once, on first use. */
  estimate(): ShapeEstimate;
  /** The split with another validation fraction (a searched validation_split), prepared once on first use. */
  dataFor(fraction: number): Split;
  /** Every preparation so far, the first one first (TabularObjective.prepared). */
  prepared(): readonly PreparedData[];
}

/**
 * Reads the data files, hashes them once and prepares them on first use; a preparation handed over (opts.prepared)
 * is taken by its key instead. The bytes are let go once the default split is prepared (they are the largest thing a
 * run holds, and training does not need them): a searched validation_split prepared later reads the files again,
 * and refuses them if their hashes changed.
 */
async function readTabularData(
  spec: Omit<TabularTrainerSpec, 'baseModel' | 'saveBest'>,
  opts: TabularObjectiveOptions,
): Promise<TabularFiles> {
  const limit = opts.maxDataBytes ?? MAX_DATA_BYTES;
  const data = await readData(spec.data, limit);
  const validation = spec.validation === undefined ? undefined : await readData(spec.validation, limit);
  let held: FileBytes | undefined = validation === undefined ? { data } : { data, validation };
  const hashes = fileHashes(data, validation);
  const bytes = (): FileBytes => (held ??= readAgain(spec, hashes));
  const made: PreparedData[] = [];
  const prepare = (fraction: number): TabularData => {
    const p = prepareOnce(opts.prepared ?? [], { ...spec, validationSplit: fraction }, hashes, bytes);
    made.push(p);
    return p.data;
  };
  // Each split is prepared once, on first use, and kept: the default one, and any other a searched validation_split asks for.
  const splits = new Map<number, Split>();
  const dataFor = (fraction: number): Split => {
    let p = splits.get(fraction);
    if (!p) {
      splits.set(fraction, (p = withTargets(fraction === spec.validationSplit ? prepare(fraction) : resplit(fraction, prepare))));
      if (fraction === spec.validationSplit) held = undefined;
    }
    return p;
  };
  let scored: TabularData['validationRows'] | undefined;
  let estimate: ShapeEstimate | undefined;
  return {
    hashes,
    data: () => dataFor(spec.validationSplit).data,
    dataFor,
    validationRows(): TabularData['validationRows'] {
      const ready = splits.get(spec.validationSplit);
      if (ready) return ready.data.validationRows;
      scored ??= validationRowsOf(spec, bytes().data, bytes().validation);
      return scored;
    },
    // Asked for before anything trains (the default `parallel`), while the bytes are still held.
    estimate: () => (estimate ??= estimateShape(spec, bytes().data)),
    prepared: () => {
      const first = dataFor(spec.validationSplit).data;
      return [...made].sort((a, b) => Number(b.data === first) - Number(a.data === first));
    },
  };
}

/** The files read again (a split prepared after the bytes were let go): the same bytes, or a DatasetError. */
function readAgain(spec: { readonly data: string; readonly validation?: string }, hashes: FileHashes): FileBytes {
  const read = (file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new DatasetError({ file }, `cannot be read: ${errorText(err)}`);
    }
  };
  const data = read(spec.data);
  const validation = spec.validation === undefined ? undefined : read(spec.validation);
  const again = fileHashes(data, validation);
  if (again.data !== hashes.data || again.validation !== hashes.validation)
    throw new DatasetError({ file: spec.data }, 'changed while the sweep ran (its trials are keyed by the bytes read at the start)');
  return validation === undefined ? { data } : { data, validation };
}

/** A split of the data with its regression targets as the model sees them (standardised; classification: unused). */
interface Split {
  readonly data: TabularData;
  readonly standardisedTargets: Float64Array;
}

function withTargets(data: TabularData): Split {
  return { data, standardisedTargets: Float64Array.from(data.train.targets ?? [], (v) => (v - data.targetMean) / data.targetStd) };
}

/** The data split with another validation fraction; a split that leaves a side empty fails that trial only. */
function resplit(fraction: number, prepare: (fraction: number) => TabularData): TabularData {
  try {
    return prepare(fraction);
  } catch (err) {
    if (err instanceof DatasetError) throw new TrialError(`validation_split ${fraction}: ${err.message}`);
    throw err;
  }
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
    throw new DatasetError({ file }, `cannot be read: ${errorText(err)}`);
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
  return tabularFingerprintOf(spec, fileHashes(data, validation));
}

/** tabularFingerprint from the files' hashes. */
function tabularFingerprintOf(spec: TabularTrainerSpec, hashes: FileHashes): string {
  const dataHash = hashes.data;
  const validationHash = hashes.validation ?? null;
  const { validationSplit, splitSeed = 0, ...rest } = spec;
  return hashJson({
    kind: 'sweepgate-tabular-mlp',
    version: TABULAR_TRAINER_VERSION,
    // validation_split means nothing once a validation file is given
    spec: {
      ...rest,
      ...(validationHash === null ? { validationSplit, splitSeed } : {}),
      data: dataHash,
      validation: validationHash ?? undefined,
    },
    data: dataHash,
    validation: validationHash,
  });
}
