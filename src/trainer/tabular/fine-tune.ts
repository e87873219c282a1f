import { TrialError, show } from '../../core/errors.js';
import type { Hyperparameters } from '../nn/hyperparameters.js';
import { type Mlp, applyWeightDecay, buildMlp } from '../nn/mlp.js';
import { hashJson, sha256Hex } from '../../core/hash.js';
import type { BaseModel, TargetScale } from './model-file.js';
import { type ParameterOptimizer, createOptimizer } from '../nn/optimizers.js';

/**
 * Fine-tuning a `trainer.base_model`: the model's architecture replaces the trial's architecture
 * hyperparameters, its weights the seeded initial ones. The output layer is kept when it fits the data (same
 * task, same number of outputs); otherwise it is a new, seeded layer (a new head), which trains at
 * `learning_rate` while the base model's unfrozen layers train at `fine_tune_learning_rate`.
 */
export function fromBaseModel(
  base: BaseModel,
  hp: Hyperparameters,
  outputs: number,
  task: 'classification' | 'regression',
  target: TargetScale,
  seed: number,
): { readonly model: Mlp; readonly hp: Hyperparameters; readonly newHead: boolean } {
  const arch = baseArchitecture(base, hp);
  if (hp.freezeLayers > arch.widths.length)
    throw new TrialError(
      `freeze_layers ${hp.freezeLayers} is more than the base model's ${arch.widths.length} hidden layers (the output layer always trains)`,
    );
  const model = buildMlp(arch, base.inputs, outputs, seed);
  const newHead = base.task !== task || base.output.units !== outputs;
  setBaseWeights(base, model, !newHead, task, target);
  return { model, hp: arch, newHead };
}

/** The trial's hyperparameters with the base model's dense architecture (widths, activation, normalisation). */
export function baseArchitecture(base: BaseModel, hp: Hyperparameters): Hyperparameters {
  const widths = base.hidden.map((h) => h.units);
  return {
    ...hp,
    layers: widths.length,
    units: widths[0] ?? hp.units,
    widthSchedule: 'constant',
    widths,
    activation: base.activation,
    batchNorm: base.norm === 'batch',
    layerNorm: base.norm === 'layer',
  };
}

/** Copies the base model's hidden layers (and, with `keepOutput`, its output layer) into `model`, built to its architecture. */
export function setBaseWeights(
  base: BaseModel,
  model: Mlp,
  keepOutput: boolean,
  task: 'classification' | 'regression',
  target: TargetScale,
): void {
  const p = model.params;
  base.hidden.forEach((b, i) => {
    const h = model.hidden[i]!;
    p.set(b.kernel, h.kernel.offset);
    if (h.bias && b.bias) p.set(b.bias, h.bias.offset);
    const norm = h.bn ?? h.ln;
    if (norm && b.gamma && b.beta) {
      p.set(b.gamma, norm.gamma.offset);
      p.set(b.beta, norm.beta.offset);
    }
    if (h.bn && b.movingMean && b.movingVariance) {
      model.moving[i]!.mean.set(b.movingMean);
      model.moving[i]!.variance.set(b.movingVariance);
    }
  });
  if (!keepOutput) return;
  const kernel = Float32Array.from(base.output.kernel);
  const bias = Float32Array.from(base.output.bias);
  if (task === 'regression') {
    // The saved output is in the target's units; the trainer's is standardised by this data's mean and std.
    for (let j = 0; j < kernel.length; j++) kernel[j] = kernel[j]! / target.std;
    bias[0] = (bias[0]! - target.mean) / target.std;
  }
  p.set(kernel, model.outKernel.offset);
  p.set(bias, model.outBias.offset);
}

/** A stretch of the parameter vector that one optimizer trains at `learning_rate` × `rateFactor`. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  readonly optimizer: ParameterOptimizer;
  readonly rateFactor: number;
}

/**
 * The parameters are laid out layer by layer from the input (mlp.ts), so the frozen bottom layers are a prefix,
 * never touched; the base model's other hidden layers (and its kept output layer) train at
 * fine_tune_learning_rate (0: learning_rate); a new head at learning_rate. Each segment has its own optimizer
 * state, which is what one optimizer over a vector with per-parameter rates would keep anyway.
 */
export function fineTuneSegments(
  model: Mlp,
  hp: Hyperparameters,
  newHead: boolean,
): { readonly frozenEnd: number; readonly segments: readonly Segment[] } {
  const frozen = model.hidden.slice(0, hp.freezeLayers);
  const last = frozen.at(-1);
  const lastBlock = last && (last.bn?.beta ?? last.ln?.beta ?? last.bias ?? last.kernel);
  const frozenEnd = lastBlock ? lastBlock.offset + lastBlock.size : 0;
  const headStart = model.outKernel.offset;
  const fine = hp.fineTuneLearningRate > 0 ? hp.fineTuneLearningRate / hp.learningRate : 1;
  const segment = (from: number, to: number, rateFactor: number): Segment[] =>
    to > from ? [{ from, to, rateFactor, optimizer: createOptimizer(hp, to - from) }] : [];
  const segments = newHead
    ? [...segment(frozenEnd, headStart, fine), ...segment(headStart, model.params.length, 1)]
    : segment(frozenEnd, model.params.length, fine);
  return { frozenEnd, segments };
}

/**
 * One optimizer step of a fine-tune: each segment decays its kernels and steps at its own rate (the frozen
 * stretches between segments are left alone). `grads` holds dLoss/dParams, penalties included.
 */
export function stepSegments(model: Mlp, segments: readonly Segment[], grads: Float32Array, lr: number, weightDecay: number): void {
  for (const s of segments) {
    const rate = lr * s.rateFactor;
    applyWeightDecay(model, rate, weightDecay, s.from, s.to);
    s.optimizer.step(model.params.subarray(s.from, s.to), grads.subarray(s.from, s.to), rate);
  }
}

/** The fingerprint with the base model's bytes (model.json and its weight files) when there is one; unchanged otherwise. */
export function withBaseModel(fingerprint: string, base: BaseModel | undefined, kind = 'tabular'): string {
  return base ? hashJson({ [kind]: fingerprint, baseModel: base.bytes.map((b) => sha256Hex(b)) }) : fingerprint;
}

/** The base model takes the data's encoded inputs, or fine-tuning it means nothing. */
export function checkBaseInputs(
  base: BaseModel,
  inputs: readonly string[],
  BaseError: new (where: { file: string }, message: string) => Error,
): void {
  if (base.inputs !== inputs.length)
    throw new BaseError(
      { file: base.file },
      `takes ${base.inputs} inputs, but the data encodes ${inputs.length} (${inputs
        .slice(0, 8)
        .map((s) => show(s))
        .join(', ')}${inputs.length > 8 ? ', ...' : ''}): ` + 'fine-tune on data with the columns (and categories) it was trained on',
    );
}
