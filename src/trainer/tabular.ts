import { readFile } from 'node:fs/promises';
import type { Optimizer, Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
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
import { type Mlp, buildMlp, dropoutMasks, forward, updateMovingStats } from './mlp.js';

/** Bumped when a change to the trainer changes what the same params and seed produce; part of the fingerprint. */
export const TABULAR_TRAINER_VERSION = 1;

/**
 * The built-in trainer: a multilayer perceptron on a CSV, trained by sweepgate's own seeded loop.
 *
 * **Model.** `layers` hidden dense layers of `units` units (`kernel_initializer`; zero biases) with `activation`
 * (`leaky_relu` has slope 0.2), optional batch normalisation before each activation (`batch_norm`: batch
 * statistics while training; moving averages with momentum 0.9 and epsilon 0.001 for validation) and inverted
 * dropout after it (`dropout`), then a linear output layer. Classification (binary too) uses one output per
 * class with softmax cross-entropy; regression has one output trained with mean squared error on the
 * standardised target. `l1` and `l2` add `l1·Σ|w|` and `l2·Σw²` over every kernel (not biases) to the loss
 * that is minimised; the reported `loss`/`val_loss` leave that penalty out.
 *
 * **Optimizers** (`optimizer`, `learning_rate`): `sgd`; `momentum` (heavy-ball, `momentum`); `adam`, `adamax`
 * (β1 0.9, β2 0.999); `rmsprop` (decay 0.9, momentum `momentum`); `adagrad`; `adadelta` (ρ 0.95).
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
 * stopped it — not the best epoch seen: picking the best validation epoch would select on the validation data
 * and report an optimistic value. A loss that becomes NaN or infinite fails the trial (try a smaller
 * `learning_rate`).
 */
export async function createTabularObjective(spec: TabularTrainerSpec, handle: TfHandle): Promise<Objective> {
  const dataBytes = await readData(spec.data);
  const validationBytes = spec.validation === undefined ? undefined : await readData(spec.validation);
  const data = prepareTabularData(spec, dataBytes, validationBytes);
  const fingerprint = tabularFingerprint(spec, dataBytes, validationBytes);
  const tensors = buildTensors(handle.tf, data);
  let disposed = false;
  return {
    fingerprint,
    backend: handle.backend,
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      if (disposed) throw new TrialError('the tabular objective was disposed');
      const hp = parseHyperparameters(params, spec.defaults);
      await ensureBackend(handle);
      return train(handle.tf, data, tensors, hp, ctx);
    },
    async dispose(): Promise<void> {
      if (!disposed) Object.values(tensors).forEach((t) => t.dispose());
      disposed = true;
    },
  };
}

async function readData(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw new DatasetError({ file }, `cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * sha256 of the canonical trainer spec with its file paths replaced by the sha256 of the files' bytes, so the
 * key follows the data and not where the repository is checked out.
 */
export function tabularFingerprint(spec: TabularTrainerSpec, data: Uint8Array, validation?: Uint8Array): string {
  const dataHash = sha256Hex(data);
  const validationHash = validation === undefined ? null : sha256Hex(validation);
  const { validationSplit, ...rest } = spec;
  return hashJson({
    kind: 'sweepgate-tabular-mlp',
    version: TABULAR_TRAINER_VERSION,
    // validation_split means nothing once a validation file is given
    spec: { ...rest, ...(validationHash === null ? { validationSplit } : {}), data: dataHash, validation: validationHash ?? undefined },
    data: dataHash,
    validation: validationHash,
  });
}

interface Tensors {
  readonly xTrain: Tensor2D;
  /** One-hot [n, classes] (classification) or the standardised target [n, 1] (regression). */
  readonly yTrain: Tensor2D;
  readonly xValidation: Tensor2D;
}

function buildTensors(tf: Tf, data: TabularData): Tensors {
  const d = data.inputs.length;
  const xTrain = tf.tensor2d(data.train.x, [data.train.n, d]);
  const xValidation = tf.tensor2d(data.validation.x, [data.validation.n, d]);
  let y: Float32Array;
  let width: number;
  if (data.task === 'classification') {
    width = data.classes.length;
    y = new Float32Array(data.train.n * width);
    data.train.labels!.forEach((k, i) => (y[i * width + k] = 1));
  } else {
    width = 1;
    y = Float32Array.from(data.train.targets!, (v) => (v - data.targetMean) / data.targetStd);
  }
  return { xTrain, yTrain: tf.tensor2d(y, [data.train.n, width]), xValidation };
}

function makeOptimizer(tf: Tf, hp: Hyperparameters): Optimizer {
  const lr = hp.learningRate;
  switch (hp.optimizer) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, hp.momentum);
    case 'adam':
      return tf.train.adam(lr);
    case 'adamax':
      return tf.train.adamax(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9, hp.momentum);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
  }
}

/**
 * optimizer.dispose(), then any tensor the optimizer still holds: tfjs 4.22's MomentumOptimizer.dispose
 * forgets the learning-rate scalar it inherits from SGD, which would leak one tensor per trial.
 */
function disposeOptimizer(tf: Tf, optimizer: Optimizer): void {
  optimizer.dispose();
  for (const value of Object.values(optimizer)) {
    if (value instanceof tf.Tensor && !value.isDisposed) value.dispose();
  }
}

/** Mean data loss of a batch or split: softmax cross-entropy, or MSE on the standardised target. */
function dataLoss(tf: Tf, task: TabularData['task'], out: Tensor2D, y: Tensor2D): Scalar {
  return task === 'classification'
    ? tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(out)), 1))) as Scalar
    : tf.mean(tf.square(tf.sub(out, y))) as Scalar;
}

function penalty(tf: Tf, model: Mlp, hp: Hyperparameters): Scalar | undefined {
  let total: Scalar | undefined;
  for (const k of model.kernels) {
    const terms: Scalar[] = [];
    if (hp.l1 > 0) terms.push(tf.mul(tf.sum(tf.abs(k)), hp.l1) as Scalar);
    if (hp.l2 > 0) terms.push(tf.mul(tf.sum(tf.square(k)), hp.l2) as Scalar);
    for (const t of terms) total = total ? (tf.add(total, t) as Scalar) : t;
  }
  return total;
}

/** Running sums over an epoch's batches, for the training metrics. */
interface EpochSums {
  rows: number;
  loss: number;
  correct: number;
  absError: number;
}

/** Accuracy count (classification) or absolute error in original units (regression) of one batch's outputs. */
function batchStats(data: TabularData, out: Float32Array, rows: readonly number[], sums: EpochSums): void {
  if (data.task === 'classification') {
    const k = data.classes.length;
    const labels = data.train.labels!;
    rows.forEach((row, i) => {
      if (argMax(out, i * k, k) === labels[row]) sums.correct++;
    });
  } else {
    const targets = data.train.targets!;
    rows.forEach((row, i) => {
      sums.absError += Math.abs(out[i]! * data.targetStd + data.targetMean - targets[row]!);
    });
  }
}

function argMax(values: Float32Array, offset: number, length: number): number {
  let best = 0;
  for (let j = 1; j < length; j++) if (values[offset + j]! > values[offset + best]!) best = j;
  return best;
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

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function train(tf: Tf, data: TabularData, tensors: Tensors, hp: Hyperparameters, ctx: TrialContext): Promise<ObjectiveResult> {
  const outputs = data.task === 'classification' ? data.classes.length : 1;
  const n = data.train.n;
  const batchSize = Math.min(hp.batchSize, n);
  const model = buildMlp(tf, hp, data.inputs.length, outputs, ctx.seed);
  let optimizer: Optimizer | undefined;
  try {
    optimizer = makeOptimizer(tf, hp);
    let last: Metrics = {};
    for (let epoch = 1; epoch <= hp.epochs; epoch++) {
      if (ctx.signal.aborted) throw new TrialError(`cancelled before epoch ${epoch}: ${String(ctx.signal.reason ?? 'aborted')}`);
      const order = new Rng(deriveSeed(ctx.seed, 'shuffle', epoch)).shuffle(Array.from({ length: n }, (_, i) => i));
      const sums: EpochSums = { rows: 0, loss: 0, correct: 0, absError: 0 };
      for (let start = 0, batch = 0; start < n; start += batchSize, batch++) {
        const rows = order.slice(start, start + batchSize);
        const batchStatsKept: Tensor[] = [];
        try {
          const [loss, out] = step(tf, data, tensors, model, optimizer, hp, rows, deriveSeed(ctx.seed, 'dropout', epoch, batch), batchStatsKept);
          if (!Number.isFinite(loss))
            throw new TrialError(`loss became ${loss} at epoch ${epoch}, batch ${batch + 1}: training diverged (try a smaller learning_rate)`);
          if (batchStatsKept.length > 0) updateMovingStats(tf, model, batchStatsKept);
          sums.rows += rows.length;
          sums.loss += loss * rows.length;
          batchStats(data, out, rows, sums);
        } finally {
          tf.dispose(batchStatsKept);
        }
      }
      const out = tf.tidy(() => forward(tf, model, hp.activation, tensors.xValidation));
      const values = out.dataSync() as Float32Array;
      out.dispose();
      const metrics = epochMetrics(data, sums, values);
      const bad = Object.entries(metrics).find(([, v]) => !Number.isFinite(v));
      if (bad) throw new TrialError(`${bad[0]} became ${bad[1]} at epoch ${epoch}: training diverged (try a smaller learning_rate)`);
      last = metrics;
      if (ctx.report(epoch, metrics)) break;
      await yieldToEventLoop();
    }
    return { metrics: last };
  } finally {
    if (optimizer) disposeOptimizer(tf, optimizer);
    model.dispose();
  }
}

function epochMetrics(data: TabularData, sums: EpochSums, validationOut: Float32Array): Metrics {
  const scale = data.task === 'regression' ? data.targetStd * data.targetStd : 1;
  const trainMetrics: Record<string, number> =
    data.task === 'classification'
      ? { loss: sums.loss / sums.rows, accuracy: sums.correct / sums.rows }
      : { loss: (sums.loss / sums.rows) * scale, mae: sums.absError / sums.rows };
  return { ...trainMetrics, ...validationMetrics(data, validationOut) };
}

/**
 * One gradient step on the given rows. Returns the batch's data loss and its outputs (for the training
 * metrics). Batch-norm statistics of the pass are left in `batchStatsKept` for the moving averages.
 */
function step(
  tf: Tf,
  data: TabularData,
  tensors: Tensors,
  model: Mlp,
  optimizer: Optimizer,
  hp: Hyperparameters,
  rows: readonly number[],
  dropoutSeed: number,
  batchStatsKept: Tensor[],
): [number, Float32Array] {
  const held: { loss?: Tensor; out?: Tensor } = {};
  try {
    tf.tidy(() => {
      const index = tf.tensor1d(Int32Array.from(rows), 'int32') as Tensor1D;
      const x = tf.gather(tensors.xTrain, index) as Tensor2D;
      const y = tf.gather(tensors.yTrain, index) as Tensor2D;
      const masks = dropoutMasks(tf, hp.dropout, rows.length, hp.units, model.hidden.length, dropoutSeed);
      optimizer.minimize(
        () => {
          const out = forward(tf, model, hp.activation, x, { masks, batchStats: batchStatsKept });
          const loss = dataLoss(tf, data.task, out, y);
          held.loss = tf.keep(loss);
          held.out = tf.keep(out);
          const p = penalty(tf, model, hp);
          return p ? tf.add(loss, p) : loss;
        },
        // true: with returnCost false minimize disposes the cost, which is `loss` itself when there is no penalty
        true,
        model.trainable,
      );
    });
    const loss = (held.loss!.dataSync() as Float32Array)[0]!;
    const out = held.out!.dataSync() as Float32Array;
    return [loss, out];
  } finally {
    held.loss?.dispose();
    held.out?.dispose();
  }
}
