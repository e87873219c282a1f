import type { JsonValue } from '../json.js';

/**
 * The built-in tabular trainer's hyperparameters: the names a sweep may search (or fix with `value:` /
 * `trainer.defaults`), what each accepts, and its default. Config validation and the trainer share this list.
 */
export type HyperparameterSpec =
  | { readonly type: 'int'; readonly min: number; readonly max?: number; readonly default: number; readonly doc: string }
  | {
      readonly type: 'float';
      readonly min: number;
      readonly max?: number;
      readonly minExclusive?: boolean;
      readonly maxExclusive?: boolean;
      readonly default: number;
      readonly doc: string;
    }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly default: string; readonly doc: string }
  | { readonly type: 'bool'; readonly default: boolean; readonly doc: string };

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'adamax', 'rmsprop', 'adagrad', 'adadelta'] as const;
export const ACTIVATIONS = ['relu', 'elu', 'selu', 'leaky_relu', 'tanh', 'sigmoid', 'softplus', 'linear'] as const;
export const INITIALIZERS = ['glorot_uniform', 'glorot_normal', 'he_uniform', 'he_normal', 'lecun_uniform', 'lecun_normal'] as const;
export const LR_SCHEDULES = ['constant', 'cosine', 'step', 'exponential'] as const;
export const WIDTH_SCHEDULES = ['constant', 'shrink', 'grow'] as const;
export const PADDINGS = ['same', 'valid'] as const;
export const POOLINGS = ['max', 'avg', 'none'] as const;

export const TRAINER_HYPERPARAMETERS: Readonly<Record<string, HyperparameterSpec>> = {
  epochs: { type: 'int', min: 1, max: 10000, default: 20, doc: 'passes over the training split' },
  batch_size: { type: 'int', min: 1, default: 32, doc: 'rows per gradient step' },
  optimizer: { type: 'enum', values: OPTIMIZERS, default: 'adam', doc: 'gradient method' },
  learning_rate: { type: 'float', min: 0, minExclusive: true, default: 0.01, doc: 'step size' },
  momentum: {
    type: 'float',
    min: 0,
    max: 1,
    maxExclusive: true,
    default: 0.9,
    doc: 'momentum of `momentum` (default 0.9) and `rmsprop` (default 0)',
  },
  layers: { type: 'int', min: 0, max: 64, default: 1, doc: 'hidden layers (0 = linear / logistic model)' },
  units: {
    type: 'int',
    min: 1,
    max: 4096,
    default: 32,
    doc: 'units of the first hidden layer (of every one with width_schedule constant)',
  },
  width_schedule: {
    type: 'enum',
    values: WIDTH_SCHEDULES,
    default: 'constant',
    doc: 'hidden widths by depth: all `units`, or halved / doubled per layer',
  },
  activation: { type: 'enum', values: ACTIVATIONS, default: 'relu', doc: 'hidden-layer activation' },
  dropout: { type: 'float', min: 0, max: 1, maxExclusive: true, default: 0, doc: 'dropout rate after each hidden layer' },
  l1: { type: 'float', min: 0, default: 0, doc: 'L1 penalty on kernels' },
  l2: { type: 'float', min: 0, default: 0, doc: 'L2 penalty on kernels' },
  kernel_initializer: { type: 'enum', values: INITIALIZERS, default: 'glorot_uniform', doc: 'kernel initialiser (seeded)' },
  batch_norm: { type: 'bool', default: false, doc: 'batch normalisation before each hidden activation' },
  layer_norm: { type: 'bool', default: false, doc: 'layer normalisation before each hidden activation (not with batch_norm)' },
  weight_decay: { type: 'float', min: 0, default: 0, doc: 'decoupled weight decay: kernels shrink by lr·weight_decay each step' },
  lr_schedule: { type: 'enum', values: LR_SCHEDULES, default: 'constant', doc: 'learning rate by epoch after warm-up' },
  lr_decay_rate: { type: 'float', min: 0, minExclusive: true, max: 1, default: 0.5, doc: 'step / exponential: factor per lr_decay_epochs' },
  lr_decay_epochs: { type: 'int', min: 1, max: 10000, default: 10, doc: 'step / exponential: epochs per lr_decay_rate factor' },
  lr_min_fraction: {
    type: 'float',
    min: 0,
    max: 1,
    default: 0,
    doc: 'cosine: the learning rate it decays towards, as a fraction of learning_rate',
  },
  warmup_epochs: { type: 'int', min: 0, max: 10000, default: 0, doc: 'epochs of linear warm-up before the schedule' },
  early_stopping_patience: {
    type: 'int',
    min: 0,
    max: 10000,
    default: 0,
    doc: 'stop after this many epochs without improving the sweep metric (0 = off)',
  },
  conv_layers: { type: 'int', min: 0, max: 8, default: 2, doc: 'image trainer: convolutional layers before the dense head' },
  filters: { type: 'int', min: 1, max: 512, default: 16, doc: 'image trainer: filters of the first conv layer' },
  filter_schedule: {
    type: 'enum',
    values: WIDTH_SCHEDULES,
    default: 'constant',
    doc: 'image trainer: filters by depth: all `filters`, or halved / doubled per layer',
  },
  kernel_size: { type: 'int', min: 1, max: 15, default: 3, doc: 'image trainer: side of each square conv window' },
  strides: { type: 'int', min: 1, max: 8, default: 1, doc: 'image trainer: step of each conv window, both directions' },
  padding: { type: 'enum', values: PADDINGS, default: 'same', doc: 'image trainer: conv padding (same keeps the side at input/strides)' },
  pooling: { type: 'enum', values: POOLINGS, default: 'max', doc: 'image trainer: 2×2 pooling (stride 2) after each conv layer' },
  freeze_layers: {
    type: 'int',
    min: 0,
    max: 64,
    default: 0,
    doc: 'with trainer.base_model: the bottom k layers (conv layers first, then hidden layers) keep their weights',
  },
  fine_tune_learning_rate: {
    type: 'float',
    min: 0,
    default: 0,
    doc: 'with trainer.base_model: step size of its unfrozen layers (0 = learning_rate)',
  },
  validation_split: {
    type: 'float',
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    default: 0.2,
    doc: 'fraction of rows held out for validation (default: trainer.validation_split)',
  },
};

/** Checks one trainer hyperparameter value; returns a message naming what is wrong, or undefined when fine. */
export function checkHyperparameter(name: string, value: JsonValue): string | undefined {
  const spec = TRAINER_HYPERPARAMETERS[name];
  if (!spec) return `not a trainer hyperparameter (known: ${Object.keys(TRAINER_HYPERPARAMETERS).join(', ')})`;
  switch (spec.type) {
    case 'bool':
      return typeof value === 'boolean' ? undefined : `must be true or false, got ${JSON.stringify(value)}`;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? undefined
        : `must be one of ${spec.values.join(', ')}, got ${JSON.stringify(value)}`;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `must be an integer, got ${JSON.stringify(value)}`;
      if (value < spec.min || (spec.max !== undefined && value > spec.max))
        return `must be in [${spec.min}, ${spec.max ?? '∞'}], got ${value}`;
      return undefined;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number, got ${JSON.stringify(value)}`;
      const lowOk = spec.minExclusive ? value > spec.min : value >= spec.min;
      const highOk = spec.max === undefined || (spec.maxExclusive ? value < spec.max : value <= spec.max);
      if (!lowOk || !highOk)
        return `must be in ${spec.minExclusive ? '(' : '['}${spec.min}, ${spec.max ?? '∞'}${spec.maxExclusive || spec.max === undefined ? ')' : ']'}, got ${value}`;
      return undefined;
    }
  }
}

/**
 * `rmsprop`'s momentum when neither the trial nor `trainer.defaults` sets `momentum`: 0, as in tfjs
 * (`tf.train.rmsprop`), Keras and PyTorch. The table's 0.9 is the heavy-ball `momentum` optimizer's; applied to
 * rmsprop it multiplies the step by up to 1/(1 − 0.9) = 10, which no one asking for rmsprop expects.
 */
export const RMSPROP_DEFAULT_MOMENTUM = 0;

/**
 * Resolved hyperparameters for one trial: trial params over `trainer.defaults` over the built-in defaults, except
 * that an unset `momentum` is RMSPROP_DEFAULT_MOMENTUM for `rmsprop`.
 */
export function resolveHyperparameters(
  params: Readonly<Record<string, JsonValue>>,
  defaults: Readonly<Record<string, JsonValue>> = {},
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, spec] of Object.entries(TRAINER_HYPERPARAMETERS)) out[name] = spec.default;
  Object.assign(out, defaults, params);
  if (out['optimizer'] === 'rmsprop' && !('momentum' in params) && !('momentum' in defaults)) out['momentum'] = RMSPROP_DEFAULT_MOMENTUM;
  return out;
}
