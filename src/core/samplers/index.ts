import type { Method } from '../config/types.js';
import type { Space } from '../distributions/distribution.js';
import type { JsonValue } from '../json.js';
import type { Sampler } from './sampler.js';
import { BayesSampler, type BayesOptions } from './bayes.js';
import { GridSampler } from './grid.js';
import { RandomSampler } from './random.js';
import { TpeSampler, type TpeOptions } from './tpe.js';

export { BayesSampler, type BayesOptions } from './bayes.js';
export { GridSampler } from './grid.js';
export { RandomSampler } from './random.js';
export { TpeSampler, defaultGamma, defaultWeights, type TpeOptions } from './tpe.js';

/** Per-method tuning; every field is optional and defaults to what the method's documentation states. */
export interface SamplerOptions {
  readonly tpe?: TpeOptions;
  readonly bayes?: BayesOptions;
  /** `method: manual`: the configurations to try as they are (a stage's or the sweep's `configs`). */
  readonly configs?: readonly Readonly<Record<string, JsonValue>>[];
}

/**
 * The sampler for a sweep's `method`. Every sampler is stateless over its inputs: the same (space, seed,
 * history, pending) always gives the same proposal, which is what lets a rerun over a warm cache replay a sweep.
 * Grid throws a ConfigError when a parameter has no finite list of values.
 */
export function createSampler(method: Method, space: Space, seed: number, options: SamplerOptions = {}): Sampler {
  switch (method) {
    case 'grid':
      return new GridSampler(space, seed);
    case 'random':
      return new RandomSampler(space, seed);
    case 'tpe':
      return new TpeSampler(space, seed, options.tpe);
    case 'bayes':
      return new BayesSampler(space, seed, options.bayes);
    default:
      throw new TypeError(`unknown search method ${JSON.stringify(method as string)} (known: grid, random, bayes, tpe)`);
  }
}
