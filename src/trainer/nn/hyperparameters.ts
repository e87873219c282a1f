import {
  ACTIVATIONS,
  INITIALIZERS,
  LR_SCHEDULES,
  OPTIMIZERS,
  PADDINGS,
  POOLINGS,
  WIDTH_SCHEDULES,
  TRAINER_HYPERPARAMETERS,
  checkHyperparameter,
  resolveHyperparameters,
} from '../../core/config/trainer-params.js';
import { normalisationProblem, trainerTypeProblem } from '../../core/config/trainer-rules.js';
import { TrialError, show } from '../../core/errors.js';
import type { JsonValue, Params } from '../../core/json.js';

export type OptimizerName = (typeof OPTIMIZERS)[number];
export type ActivationName = (typeof ACTIVATIONS)[number];
export type InitializerName = (typeof INITIALIZERS)[number];
export type LrScheduleName = (typeof LR_SCHEDULES)[number];
export type WidthScheduleName = (typeof WIDTH_SCHEDULES)[number];

/** Widest hidden layer `width_schedule: grow` may reach (the `units` maximum). */
export const MAX_WIDTH = 4096;

/** One trial's trainer hyperparameters, checked and typed. */
export interface Hyperparameters {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly momentum: number;
  readonly layers: number;
  /** Width of the first hidden layer. */
  readonly units: number;
  readonly widthSchedule: WidthScheduleName;
  /** Width of each hidden layer (`layers` entries), from `units` and `width_schedule`. */
  readonly widths: readonly number[];
  readonly activation: ActivationName;
  readonly dropout: number;
  readonly l1: number;
  readonly l2: number;
  readonly kernelInitializer: InitializerName;
  readonly batchNorm: boolean;
  readonly layerNorm: boolean;
  readonly weightDecay: number;
  readonly lrSchedule: LrScheduleName;
  readonly lrDecayRate: number;
  readonly lrDecayEpochs: number;
  readonly lrMinFraction: number;
  readonly warmupEpochs: number;
  /** 0: train every epoch. */
  readonly earlyStoppingPatience: number;
  readonly validationSplit: number;
  /** With a base model: its bottom hidden layers that keep their weights. */
  readonly freezeLayers: number;
  /** With a base model: the rate of its unfrozen layers; 0 = learningRate. */
  readonly fineTuneLearningRate: number;
}

/**
 * Hidden widths by depth. `shrink` halves the width at each layer down to 1 (a funnel: 64, 32, 16),
 * `grow` doubles it up to MAX_WIDTH (16, 32, 64); `constant` keeps `units` throughout.
 */
export function hiddenWidths(layers: number, units: number, schedule: WidthScheduleName): number[] {
  return Array.from({ length: layers }, (_, i) =>
    schedule === 'shrink' ? Math.max(1, Math.round(units / 2 ** i)) : schedule === 'grow' ? Math.min(MAX_WIDTH, units * 2 ** i) : units,
  );
}

/**
 * Trial params over `trainer.defaults` over the built-in defaults, each checked against TRAINER_HYPERPARAMETERS.
 * A bad or unknown name fails the trial with a message naming it (config validation normally catches both first).
 */
export function parseHyperparameters(params: Params, defaults: Readonly<Record<string, JsonValue>> = {}): Hyperparameters {
  for (const [name, value] of Object.entries({ ...defaults, ...params })) {
    const problem = trainerTypeProblem(name, 'tabular');
    if (problem !== undefined) throw new TrialError(`${name}: ${problem}, got ${show(value)}`);
  }
  return parseDense(resolveChecked(params, defaults));
}

/** Every hyperparameter resolved (params over defaults over built-ins) and checked; a bad or unknown one fails the trial. */
function resolveChecked(params: Params, defaults: Readonly<Record<string, JsonValue>>): Record<string, JsonValue> {
  const unknown = [...Object.keys(defaults), ...Object.keys(params)].filter((k) => !(k in TRAINER_HYPERPARAMETERS));
  if (unknown.length > 0)
    throw new TrialError(
      `not a trainer hyperparameter: ${[...new Set(unknown)].join(', ')} (known: ${Object.keys(TRAINER_HYPERPARAMETERS).join(', ')})`,
    );
  const hp = resolveHyperparameters(params, defaults);
  for (const [name, value] of Object.entries(hp)) {
    const problem = checkHyperparameter(name, value);
    if (problem !== undefined) throw new TrialError(`hyperparameter ${name}: ${problem}`);
  }
  return hp;
}

function parseDense(hp: Record<string, JsonValue>): Hyperparameters {
  const num = (k: string): number => hp[k] as number;
  const str = <T extends string>(k: string): T => hp[k] as T;
  const layers = num('layers');
  const units = num('units');
  const widthSchedule = str<WidthScheduleName>('width_schedule');
  const out: Hyperparameters = {
    epochs: num('epochs'),
    batchSize: num('batch_size'),
    optimizer: str<OptimizerName>('optimizer'),
    learningRate: num('learning_rate'),
    momentum: num('momentum'),
    layers,
    units,
    widthSchedule,
    widths: hiddenWidths(layers, units, widthSchedule),
    activation: str<ActivationName>('activation'),
    dropout: num('dropout'),
    l1: num('l1'),
    l2: num('l2'),
    kernelInitializer: str<InitializerName>('kernel_initializer'),
    batchNorm: hp['batch_norm'] as boolean,
    layerNorm: hp['layer_norm'] as boolean,
    weightDecay: num('weight_decay'),
    lrSchedule: str<LrScheduleName>('lr_schedule'),
    lrDecayRate: num('lr_decay_rate'),
    lrDecayEpochs: num('lr_decay_epochs'),
    lrMinFraction: num('lr_min_fraction'),
    warmupEpochs: num('warmup_epochs'),
    earlyStoppingPatience: num('early_stopping_patience'),
    validationSplit: num('validation_split'),
    freezeLayers: num('freeze_layers'),
    fineTuneLearningRate: num('fine_tune_learning_rate'),
  };
  const normalisation = normalisationProblem(out.batchNorm, out.layerNorm);
  if (normalisation !== undefined) throw new TrialError(`layer_norm: ${normalisation}`);
  // Σ width² bounds the hidden kernels' size (layers × units² for constant widths).
  if (out.widths.reduce((s, w) => s + w * w, 0) > 64e6)
    throw new TrialError(`model too large: layers ${show(out.layers)} of widths ${show(out.widths.join(', '))} exceed 64M weights`);
  return out;
}

export type PaddingName = (typeof PADDINGS)[number];
export type PoolingName = (typeof POOLINGS)[number];

/** The image trainer's convolutional layers. */
export interface ConvHyperparameters {
  /** Filters of each conv layer (`conv_layers` entries), from `filters` and `filter_schedule`. */
  readonly filters: readonly number[];
  readonly kernelSize: number;
  readonly strides: number;
  readonly padding: PaddingName;
  readonly pooling: PoolingName;
}

/** The image trainer's hyperparameters: its conv layers, then the dense head (every dense hyperparameter). */
export function parseImageHyperparameters(
  params: Params,
  defaults: Readonly<Record<string, JsonValue>> = {},
): { readonly dense: Hyperparameters; readonly conv: ConvHyperparameters } {
  const hp = resolveChecked(params, defaults);
  const filters = hiddenWidths(hp['conv_layers'] as number, hp['filters'] as number, hp['filter_schedule'] as WidthScheduleName).map((f) =>
    Math.min(f, 512),
  );
  return {
    dense: parseDense(hp),
    conv: {
      filters,
      kernelSize: hp['kernel_size'] as number,
      strides: hp['strides'] as number,
      padding: hp['padding'] as PaddingName,
      pooling: hp['pooling'] as PoolingName,
    },
  };
}
