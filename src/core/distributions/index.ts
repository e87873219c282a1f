import type { Distribution, DistributionName } from './distribution.js';
import type { JsonValue } from '../json.js';
import { BetaDistribution, QBetaDistribution } from './beta.js';
import { CategoricalDistribution } from './categorical.js';
import { ConstantDistribution } from './constant.js';
import { LogUniformDistribution, QLogUniformDistribution, QLogUniformValuesDistribution } from './log-uniform.js';
import { NormalDistribution, QLogNormalDistribution, QNormalDistribution } from './normal.js';
import { IntUniformDistribution, QUniformDistribution, UniformDistribution } from './uniform.js';

export { ContinuousDistribution, QuantisedDistribution } from './base.js';
export {
  DistributionRangeError,
  DistributionTypeError,
  isDistributionArgIssue,
  MAX_SUPPORT,
  normalCdf,
  normalInv,
  Quantiser,
  type DistributionArgIssue,
} from './common.js';
export {
  BetaDistribution,
  CategoricalDistribution,
  ConstantDistribution,
  IntUniformDistribution,
  LogUniformDistribution,
  NormalDistribution,
  QBetaDistribution,
  QLogNormalDistribution,
  QLogUniformDistribution,
  QLogUniformValuesDistribution,
  QNormalDistribution,
  QUniformDistribution,
  UniformDistribution,
};
export type { LogUniformName } from './log-uniform.js';

/** The arguments of a W&B parameter block, as written (unvalidated: the constructors check them). */
export interface DistributionArgs {
  readonly value?: JsonValue;
  readonly values?: readonly JsonValue[];
  readonly probabilities?: readonly number[];
  readonly min?: number;
  readonly max?: number;
  readonly mu?: number;
  readonly sigma?: number;
  readonly q?: number;
  readonly a?: number;
  readonly b?: number;
}

/** W&B's defaults for arguments a distribution may omit. */
export const DISTRIBUTION_DEFAULTS = { mu: 0, sigma: 1, q: 1, a: 1, b: 1 } as const;

/** The arguments each distribution reads; anything else in its block is a config error. */
export const DISTRIBUTION_ARGS: Readonly<Record<DistributionName, readonly (keyof DistributionArgs)[]>> = {
  constant: ['value'],
  categorical: ['values'],
  categorical_w_probabilities: ['values', 'probabilities'],
  int_uniform: ['min', 'max'],
  uniform: ['min', 'max'],
  q_uniform: ['min', 'max', 'q'],
  log_uniform: ['min', 'max'],
  log_uniform_values: ['min', 'max'],
  q_log_uniform: ['min', 'max', 'q'],
  q_log_uniform_values: ['min', 'max', 'q'],
  inv_log_uniform: ['min', 'max'],
  inv_log_uniform_values: ['min', 'max'],
  normal: ['mu', 'sigma'],
  q_normal: ['mu', 'sigma', 'q'],
  log_normal: ['mu', 'sigma'],
  q_log_normal: ['mu', 'sigma', 'q'],
  beta: ['a', 'b'],
  q_beta: ['a', 'b', 'q'],
};

export const DISTRIBUTION_NAMES = Object.keys(DISTRIBUTION_ARGS) as readonly DistributionName[];

/**
 * Build a distribution from W&B arguments, applying W&B's defaults (mu 0, sigma 1, q 1, a 1, b 1).
 * Throws DistributionRangeError / DistributionTypeError (a RangeError / TypeError) naming the bad argument.
 */
export function makeDistribution(name: DistributionName, args: DistributionArgs): Distribution {
  const { mu, sigma, q, a, b } = { ...DISTRIBUTION_DEFAULTS, ...definedOnly(args) };
  switch (name) {
    case 'constant':
      return new ConstantDistribution(args.value as JsonValue);
    case 'categorical':
      return new CategoricalDistribution(args.values);
    case 'categorical_w_probabilities':
      return new CategoricalDistribution(args.values, args.probabilities ?? null);
    case 'int_uniform':
      return new IntUniformDistribution(args.min, args.max);
    case 'uniform':
      return new UniformDistribution(args.min, args.max);
    case 'q_uniform':
      return new QUniformDistribution(args.min, args.max, q);
    case 'log_uniform':
    case 'log_uniform_values':
    case 'inv_log_uniform':
    case 'inv_log_uniform_values':
      return new LogUniformDistribution(name, args.min, args.max);
    case 'q_log_uniform':
      return new QLogUniformDistribution(args.min, args.max, q);
    case 'q_log_uniform_values':
      return new QLogUniformValuesDistribution(args.min, args.max, q);
    case 'normal':
    case 'log_normal':
      return new NormalDistribution(name, mu, sigma);
    case 'q_normal':
      return new QNormalDistribution(mu, sigma, q);
    case 'q_log_normal':
      return new QLogNormalDistribution(mu, sigma, q);
    case 'beta':
      return new BetaDistribution(a, b);
    case 'q_beta':
      return new QBetaDistribution(a, b, q);
    default:
      throw new TypeError(`unknown distribution ${JSON.stringify(name as string)} (known: ${DISTRIBUTION_NAMES.join(', ')})`);
  }
}

function definedOnly(args: DistributionArgs): Partial<DistributionArgs> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}
