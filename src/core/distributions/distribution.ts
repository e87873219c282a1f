import type { JsonValue } from '../json.js';
import type { Rng } from '../rng.js';

/** Every W&B distribution name, plus the exponent forms W&B also accepts. */
export type DistributionName =
  | 'constant'
  | 'categorical'
  | 'categorical_w_probabilities'
  | 'int_uniform'
  | 'uniform'
  | 'q_uniform'
  | 'log_uniform'
  | 'log_uniform_values'
  | 'q_log_uniform'
  | 'q_log_uniform_values'
  | 'inv_log_uniform'
  | 'inv_log_uniform_values'
  | 'normal'
  | 'q_normal'
  | 'log_normal'
  | 'q_log_normal'
  | 'beta'
  | 'q_beta';

/**
 * How a model-based sampler should treat a dimension once mapped to the unit interval:
 * - `continuous`: any u in [0,1] is a valid point;
 * - `discrete`: ordered, finitely many (or quantised) values; propose in [0,1] then snap with fromUnit;
 * - `categorical`: unordered; model it one-hot over `choices()`, never as an ordered axis.
 */
export type DimensionKind = 'continuous' | 'discrete' | 'categorical';

/**
 * One parameter's prior. Implementations say in their constructor what must hold and what they got.
 * The unit mapping is what model-based samplers (GP, TPE) work in: log-scale priors are linear in log
 * space there, unbounded priors (normal family) go through their CDF, so [0,1] covers the prior's mass.
 */
export interface Distribution {
  readonly name: DistributionName;
  readonly kind: DimensionKind;
  /** Draw one value from the prior. */
  sample(rng: Rng): JsonValue;
  /** The finite support in a fixed order, when there is one (grid search enumerates it); otherwise undefined. */
  values(): readonly JsonValue[] | undefined;
  /** Map a value from this distribution into [0,1] (categorical: the choice index / (n-1), see `choices`). */
  toUnit(value: JsonValue): number;
  /** Map u in [0,1] back to a valid value (rounded / quantised / clamped as the distribution needs). */
  fromUnit(u: number): JsonValue;
  /** True when `value` could have been produced by this distribution (used to check cached / baseline params). */
  contains(value: JsonValue): boolean;
  /** Prior weights over `values()` for categorical-with-probabilities; undefined means uniform. */
  readonly probabilities?: readonly number[];
}

/** A named dimension of the search space, in config order. */
export interface Parameter {
  readonly name: string;
  readonly dist: Distribution;
}

export type Space = readonly Parameter[];

/** How many points a grid over the space has: the product of its values; infinite when a parameter has no finite set. */
export function gridSize(space: Space): number {
  return space.reduce((n, p) => n * (p.dist.values()?.length ?? Number.POSITIVE_INFINITY), 1);
}
