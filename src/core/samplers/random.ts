import type { Space } from '../distributions/distribution.js';
import type { JsonValue, Params } from '../json.js';
import { deriveSeed, Rng } from '../rng.js';
import type { Observation, Sampler } from './sampler.js';
import { FiniteSpace, Permutation } from './finite.js';
import { askedDigest, paramsKey, usedKeys } from './space.js';

/** Draws from the prior before falling back to walking a finite space for an unused combination. */
const REJECTION_TRIES = 64;

/**
 * Draw a configuration from the prior that is neither tried nor in flight. In a finite space, once rejection
 * keeps hitting used combinations, walk a seeded permutation from a random start to the first unused one
 * (so no configuration repeats until all were tried); undefined when the finite space is exhausted.
 * In an infinite space a repeat is only accepted after REJECTION_TRIES collisions (practically never).
 */
export function drawUnused(space: Space, rng: Rng, used: ReadonlySet<string>, finite: FiniteSpace | undefined): Params | undefined {
  let last: Params | undefined;
  for (let t = 0; t < REJECTION_TRIES; t++) {
    last = drawPrior(space, rng);
    if (!used.has(paramsKey(space, last))) return last;
  }
  if (!finite) return last;
  const perm = new Permutation(finite.total, rng.uint32());
  const start = Math.floor(rng.next() * finite.total);
  for (let k = 0; k < finite.total; k++) {
    const params = finite.combination(perm.at((start + k) % finite.total));
    if (!used.has(paramsKey(space, params))) return params;
  }
  return undefined;
}

export function drawPrior(space: Space, rng: Rng): Params {
  const out: Record<string, JsonValue> = {};
  for (const { name, dist } of space) out[name] = dist.sample(rng);
  return out;
}

/**
 * Random search from the priors. The generator of each ask is seeded from (seed, what was tried, what is in
 * flight), never from wall-clock or call order, so a rerun over the same cache replays the same trials.
 */
export class RandomSampler implements Sampler {
  readonly name = 'random';
  private readonly finite: FiniteSpace | undefined;

  constructor(
    private readonly space: Space,
    private readonly seed: number,
  ) {
    this.finite = FiniteSpace.of(space);
  }

  ask(history: readonly Observation[], pending: readonly Params[]): Params | undefined {
    const rng = new Rng(deriveSeed('random', this.seed, history.length + pending.length, askedDigest(this.space, history, pending)));
    return drawUnused(this.space, rng, usedKeys(this.space, history, pending), this.finite);
  }
}
