// The built-in tabular trainer's training loop: one trial's state, its epochs (seeded row order, batches, dropout
// masks, the hand-written backward pass, optimizer steps) and its metrics. tabular.ts builds the objective around it.
import type { TabularTrainerSpec } from '../../core/config/types.js';
import { TrialError } from '../../core/errors.js';
import type { Metrics } from '../../core/json.js';
import type { ObjectiveResult, TrialContext } from '../../core/objective.js';
import { Rng, deriveSeed } from '../../core/rng.js';
import type { Tf } from '../tf/backend.js';
import type { TabularData } from '../data/tabular-data.js';
import type { Hyperparameters } from '../nn/hyperparameters.js';
import { type Ops, backprop, opsFor } from '../nn/backprop.js';
import { type Mlp, addPenaltyGradient, applyWeightDecay, buildMlp, dropoutMasks, predict, updateMovingStats } from '../nn/mlp.js';
import { type ParameterOptimizer, createOptimizer } from '../nn/optimizers.js';
import { type Segment, fineTuneSegments, fromBaseModel, stepSegments } from './fine-tune.js';
import type { BaseModel } from './model-file.js';
import { learningRateAt } from '../nn/schedule.js';
import { runEpochs } from '../nn/early-stopping.js';

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

export async function train(
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
export interface Trial {
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

export function startTrial(
  tf: Tf,
  data: TabularData,
  standardisedTargets: Float64Array,
  trialHp: Hyperparameters,
  seed: number,
  base?: BaseModel,
): Trial {
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
export function trainStep(
  trial: Trial,
  x: Float32Array,
  rows: readonly number[],
  masks: Float32Array[],
  lr: number,
  where: string,
): BatchLoss {
  const { hp, model, grads } = trial;
  let result: BatchLoss | undefined;
  const stats = backprop(
    trial.ops,
    model,
    hp.activation,
    { x, rows: rows.length, masks },
    (out) => (result = batchLoss(trial, out, rows)).gradient,
    grads,
  );
  const { loss } = result!;
  if (!Number.isFinite(loss)) throw new TrialError(`loss became ${loss} at ${where}: training diverged (try a smaller learning_rate)`);
  updateMovingStats(model, stats, trial.fineTune ? hp.freezeLayers : 0);
  addPenaltyGradient(model, hp.l1, hp.l2, grads);
  if (trial.fineTune) stepSegments(model, trial.fineTune.segments, grads, lr, hp.weightDecay);
  else {
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
export function msPerStep(trial: Trial, steps: number, clock: () => number): number {
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
    values = predict(
      tf,
      model,
      hp.activation,
      tf.tensor2d(data.validation.x, [data.validation.n, data.inputs.length]),
    ).dataSync() as Float32Array;
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
