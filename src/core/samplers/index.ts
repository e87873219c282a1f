import type { Method } from '../config/types.js';
import type { Space } from '../distributions/distribution.js';
import type { Params } from '../json.js';
import type { Sampler } from './sampler.js';
import { BayesSampler, type BayesOptions } from './bayes.js';
import { GridSampler } from './grid.js';
import { ManualSampler } from './manual.js';
import { QuasiRandomSampler } from './quasirandom.js';
import { RandomSampler } from './random.js';
import { TpeSampler, type TpeOptions } from './tpe.js';

export { BayesSampler, type BayesOptions } from './bayes.js';
export { GridSampler } from './grid.js';
export { ManualSampler } from './manual.js';
export { QuasiRandomSampler } from './quasirandom.js';
export { RandomSampler } from './random.js';
export { TpeSampler, defaultGamma, defaultWeights, type TpeOptions } from './tpe.js';

/** Per-method tuning; every field is optional and defaults to what the method's documentation states. */
export interface SamplerOptions {
  readonly tpe?: TpeOptions;
  readonly bayes?: BayesOptions;
  /** `method: manual`: the configurations to try, in order (the config's validated `configs`). */
  readonly manual?: readonly Params[];
}

/**
 * The sampler for a sweep's `method`. Every sampler is stateless over its inputs: the same (space, seed,
 * history, pending) always gives the same proposal, which is what lets a rerun over a warm cache replay a sweep.
 * Grid throws a ConfigError when a parameter has no finite list of values; manual without `options.manual` is a
 * programming error (the parser requires `configs`).
 */
export function createSampler(method: Method, space: Space, seed: number, options: SamplerOptions = {}): Sampler {
  switch (method) {
    case 'grid':
      return new GridSampler(space, seed);
    case 'random':
      return new RandomSampler(space, seed);
    case 'quasirandom':
      return new QuasiRandomSampler(space, seed);
    case 'manual':
      if (!options.manual) throw new TypeError('method manual needs its configurations (options.manual)');
      return new ManualSampler(space, options.manual);
    case 'tpe':
      return new TpeSampler(space, seed, options.tpe);
    case 'bayes':
      return new BayesSampler(space, seed, options.bayes);
    default:
      throw new TypeError(
        `unknown search method ${JSON.stringify(method as string)} (known: manual, grid, random, quasirandom, bayes, tpe)`,
      );
  }
}
