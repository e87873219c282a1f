import { show } from '../errors.js';
import type { JsonValue } from '../json.js';
import type { TrainerSpec } from './types.js';

/**
 * Which built-in trainer settings go together, each rule defined once. Config validation reports a problem at
 * the hyperparameter's path (`parameters.<name>` when searched, `trainer.defaults.<name>` when fixed); the
 * trainer fails the trial with the same text (`<name>: <problem>`), a backstop config validation normally
 * makes unreachable.
 */

/** Hyperparameters of the image trainer's convolutional layers: a config error with `trainer.type: tabular`. */
export const CONV_HYPERPARAMETERS = ['conv_layers', 'filters', 'filter_schedule', 'kernel_size', 'strides', 'padding', 'pooling'] as const;

/** The architecture a `trainer.base_model` brings with it: giving any of these beside it is a config error. */
export const ARCHITECTURE_HYPERPARAMETERS = ['layers', 'units', 'width_schedule', 'activation', 'batch_norm', 'layer_norm'] as const;

/** What only fine-tuning a `trainer.base_model` means: giving either without one is a config error. */
export const FINE_TUNE_HYPERPARAMETERS = ['freeze_layers', 'fine_tune_learning_rate'] as const;

/** The hyperparameters the rules below are about, in the order their problems are reported. */
const RULED_HYPERPARAMETERS: readonly string[] = [
  ...CONV_HYPERPARAMETERS,
  'validation_split',
  ...FINE_TUNE_HYPERPARAMETERS,
  ...ARCHITECTURE_HYPERPARAMETERS,
];

/** What the rules need to know of the trainer spec. */
export interface TrainerShape {
  readonly type: TrainerSpec['type'];
  /** `trainer.base_model` is given. */
  readonly baseModel: boolean;
  /** `trainer.validation` (a separate validation file) is given. */
  readonly validationFile: boolean;
}

export function trainerShape(spec: TrainerSpec): TrainerShape {
  return {
    type: spec.type,
    baseModel: spec.baseModel !== undefined,
    validationFile: spec.type === 'tabular' && spec.validation !== undefined,
  };
}

const includes = (names: readonly string[], name: string): boolean => names.includes(name);

/** Conv hyperparameters mean nothing to the tabular trainer. */
export function trainerTypeProblem(name: string, type: TrainerSpec['type']): string | undefined {
  return type === 'tabular' && includes(CONV_HYPERPARAMETERS, name)
    ? 'is a hyperparameter of the image trainer (trainer.type: image); the tabular trainer has no conv layers'
    : undefined;
}

/** validation_split means nothing beside a separate validation file. */
export function validationFileProblem(name: string, validationFile: boolean): string | undefined {
  return validationFile && name === 'validation_split'
    ? 'cannot be used with trainer.validation (a separate validation file replaces the split)'
    : undefined;
}

/** A base model brings its architecture; freezing and fine-tuning need one. */
export function baseModelProblem(name: string, baseModel: boolean): string | undefined {
  if (!baseModel && includes(FINE_TUNE_HYPERPARAMETERS, name))
    return 'needs trainer.base_model (the pre-trained model whose layers it freezes or fine-tunes)';
  if (baseModel && includes(ARCHITECTURE_HYPERPARAMETERS, name))
    return 'comes from trainer.base_model (its layers, widths, activation and normalisation), so it cannot be set';
  if (baseModel && includes(CONV_HYPERPARAMETERS, name))
    return "comes from trainer.base_model (its conv layers' filters, window, strides, padding and pooling), so it cannot be set";
  return undefined;
}

/** Why hyperparameter `name` cannot be given (searched or fixed) to this trainer, or undefined when it can. */
function hyperparameterProblem(name: string, trainer: TrainerShape): string | undefined {
  return (
    trainerTypeProblem(name, trainer.type) ??
    validationFileProblem(name, trainer.validationFile) ??
    baseModelProblem(name, trainer.baseModel)
  );
}

/** Every hyperparameter `hyperparameterProblem` may refuse, each with its problem for this trainer, in report order. */
export function hyperparameterProblems(trainer: TrainerShape): { readonly name: string; readonly problem: string }[] {
  return RULED_HYPERPARAMETERS.flatMap((name) => {
    const problem = hyperparameterProblem(name, trainer);
    return problem === undefined ? [] : [{ name, problem }];
  });
}

/**
 * Both normalise the same pre-activation; stacking them only makes the second one undo the first. Reported at
 * `layer_norm`.
 */
export function normalisationProblem(batchNorm: JsonValue | undefined, layerNorm: JsonValue | undefined): string | undefined {
  return batchNorm === true && layerNorm === true ? 'cannot be true together with batch_norm: pick one normalisation, got true' : undefined;
}

/**
 * The trainer's side of hyperparameterProblem for one trial: the first hyperparameter given (a trial param, or
 * one of `trainer.defaults`) that this trainer refuses, as `<name>: <problem>, got <value>`; undefined when none is.
 */
export function givenHyperparameterProblem(
  params: Readonly<Record<string, JsonValue>>,
  defaults: Readonly<Record<string, JsonValue>>,
  trainer: TrainerShape,
): string | undefined {
  for (const { name, problem } of hyperparameterProblems(trainer)) {
    const value = Object.hasOwn(params, name) ? params[name] : Object.hasOwn(defaults, name) ? defaults[name] : undefined;
    if (value !== undefined) return `${name}: ${problem}, got ${show(value)}`;
  }
  return undefined;
}
