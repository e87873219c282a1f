import {
  ACTIVATIONS,
  INITIALIZERS,
  OPTIMIZERS,
  TRAINER_HYPERPARAMETERS,
  checkHyperparameter,
  resolveHyperparameters,
} from '../core/config/trainer-params.js';
import { TrialError, show } from '../core/errors.js';
import type { JsonValue, Params } from '../core/json.js';

export type OptimizerName = (typeof OPTIMIZERS)[number];
export type ActivationName = (typeof ACTIVATIONS)[number];
export type InitializerName = (typeof INITIALIZERS)[number];

/** One trial's trainer hyperparameters, checked and typed. */
export interface Hyperparameters {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly momentum: number;
  readonly layers: number;
  readonly units: number;
  readonly activation: ActivationName;
  readonly dropout: number;
  readonly l1: number;
  readonly l2: number;
  readonly kernelInitializer: InitializerName;
  readonly batchNorm: boolean;
}

/**
 * Trial params over `trainer.defaults` over the built-in defaults, each checked against TRAINER_HYPERPARAMETERS.
 * A bad or unknown name fails the trial with a message naming it (config validation normally catches both first).
 */
export function parseHyperparameters(params: Params, defaults: Readonly<Record<string, JsonValue>> = {}): Hyperparameters {
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
  const num = (k: string): number => hp[k] as number;
  const str = <T extends string>(k: string): T => hp[k] as T;
  const out: Hyperparameters = {
    epochs: num('epochs'),
    batchSize: num('batch_size'),
    optimizer: str<OptimizerName>('optimizer'),
    learningRate: num('learning_rate'),
    momentum: num('momentum'),
    layers: num('layers'),
    units: num('units'),
    activation: str<ActivationName>('activation'),
    dropout: num('dropout'),
    l1: num('l1'),
    l2: num('l2'),
    kernelInitializer: str<InitializerName>('kernel_initializer'),
    batchNorm: hp['batch_norm'] as boolean,
  };
  if (out.layers * out.units * out.units > 64e6)
    throw new TrialError(`model too large: layers ${show(out.layers)} × units ${show(out.units)}² exceeds 64M weights`);
  return out;
}
