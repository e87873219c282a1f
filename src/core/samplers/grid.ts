import type { Space } from '../distributions/distribution.js';
import { ConfigError } from '../errors.js';
import type { Params } from '../json.js';
import type { Observation, Sampler } from './sampler.js';
import { FiniteSpace, MAX_PERMUTATION, Permutation } from './finite.js';

/**
 * Grid search: every combination of the parameters' `values()` exactly once, in a seeded shuffled order.
 * Stateless: each ask walks the shuffled order and returns the first combination neither in the history
 * (cached trials included, matched by canonical params) nor in flight; undefined once all are used.
 */
export class GridSampler implements Sampler {
  readonly name = 'grid';
  private readonly finite: FiniteSpace;
  private readonly order: Permutation;

  constructor(
    private readonly space: Space,
    seed: number,
  ) {
    for (const { name, dist } of space) {
      const values = dist.values();
      if (values === undefined || values.length === 0)
        throw new ConfigError(
          `parameters.${name}`,
          `grid search needs a finite set of values, but ${dist.name} has none listable; use \`values\` or a \`q\`/int distribution with at most 100000 values`,
        );
    }
    this.finite = FiniteSpace.of(space)!;
    if (this.finite.total > MAX_PERMUTATION)
      throw new ConfigError('parameters', `grid search over ${this.finite.total} combinations is too large to enumerate (at most 2^52)`);
    this.order = new Permutation(this.finite.total, seed);
  }

  /** Number of combinations the grid holds. */
  get size(): number {
    return this.finite.total;
  }

  ask(history: readonly Observation[], pending: readonly Params[]): Params | undefined {
    const used = new Set<number>();
    for (const p of [...history.map((o) => o.params), ...pending]) {
      const i = this.finite.indexOf(p);
      if (i !== undefined) used.add(i);
    }
    if (used.size >= this.finite.total) return undefined;
    for (let k = 0; k < this.finite.total; k++) {
      const index = this.order.at(k);
      if (!used.has(index)) return this.finite.combination(index);
    }
    return undefined;
  }
}
