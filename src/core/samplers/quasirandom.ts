import type { Distribution, Space } from '../distributions/distribution.js';
import type { JsonValue, Params } from '../json.js';
import { deriveSeed, Rng } from '../rng.js';
import type { Observation, Sampler } from './sampler.js';
import { FiniteSpace, Permutation } from './finite.js';
import { paramsKey, usedKeys } from './space.js';

/**
 * Leading points of the sequence left out, as Vizier's QuasiRandomDesigner does (skip_points=100): the first
 * Halton points of neighbouring bases are strongly correlated (all small), which scrambling only partly hides.
 */
export const HALTON_SKIP = 100;

/** Raw Halton points walked, beyond four per configuration asked, before a finite space falls back to enumeration. */
const WALK_SLACK = 1000;

/**
 * Quasi-random search (the Deep Learning Tuning Playbook's recommendation for exploration): a scrambled, shifted
 * Halton sequence. Dimension d (one per parameter that is not constant) uses the d-th prime as its base; its digits
 * go through a seeded permutation that keeps 0 fixed (so the finite expansion stays exact), and the point is then
 * shifted by a seeded offset modulo 1 (a Cranley–Patterson rotation), so distinct seeds give distinct sequences
 * with the same low discrepancy. The unit coordinate maps to a value as the prior does (`fromUnit`: log
 * distributions in log space, normals through their CDF, q rounding), except for int_uniform and categoricals,
 * which split [0,1) into one cell per value (weighted by `probabilities` when given).
 *
 * Index-addressed: the i-th ask, i = history + pending, is the i-th distinct configuration of the sequence, a pure
 * function of (space, seed, i); so trials are the same in parallel, in sequence and across runners, and a rerun over
 * a warm cache replays the sweep. Results are never read. Only when that configuration was already tried (a history
 * that is not this sequence's, e.g. after the seed changed) does it move on to the next distinct unused one.
 * Written by hand: no maintained package offers a scrambled Halton sequence with Vizier's conventions in TypeScript.
 */
export class QuasiRandomSampler implements Sampler {
  readonly name = 'quasirandom';
  private readonly dims: { readonly name: string; readonly dist: Distribution; readonly fixed?: JsonValue }[];
  private readonly halton: ScrambledHalton;
  private readonly finite: FiniteSpace | undefined;
  /** The distinct configurations of the sequence so far, and how far it was walked: a pure cache. */
  private readonly distinct: { readonly params: Params; readonly at: number }[] = [];
  private readonly distinctKeys = new Set<string>();
  private walked = 0;

  constructor(
    private readonly space: Space,
    private readonly seed: number,
  ) {
    this.dims = space.map(({ name, dist }) => {
      const values = dist.values();
      return values?.length === 1 ? { name, dist, fixed: values[0]! } : { name, dist };
    });
    this.halton = new ScrambledHalton(this.dims.filter((d) => d.fixed === undefined).length, seed);
    this.finite = FiniteSpace.of(space);
  }

  /** The configuration at position `index` of the raw sequence (duplicates included). */
  point(index: number): Params {
    const u = this.halton.at(HALTON_SKIP + index);
    const out: Record<string, JsonValue> = {};
    let j = 0;
    for (const d of this.dims) out[d.name] = d.fixed !== undefined ? d.fixed : valueAt(d.dist, u[j++]!);
    return out;
  }

  ask(history: readonly Observation[], pending: readonly Params[]): Params | undefined {
    const used = usedKeys(this.space, history, pending);
    const asked = history.length + pending.length;
    // Only `used.size` distinct configurations can be taken, so this ends; a finite space the sequence covers
    // slowly (a few values of a rare category) runs out of walk first and is finished by enumeration.
    const maxWalk = 4 * (asked + used.size + 1) + WALK_SLACK;
    for (let rank = asked; ; rank++) {
      const p = this.distinctAt(rank, maxWalk);
      if (p === undefined) break;
      if (!used.has(paramsKey(this.space, p))) return p;
    }
    return this.finite ? this.enumerateUnused(used) : undefined;
  }

  /** The rank-th distinct configuration if the first `maxWalk` raw points reach it (the same answer however far earlier asks walked). */
  private distinctAt(rank: number, maxWalk: number): Params | undefined {
    while (this.distinct.length <= rank && this.walked < maxWalk) {
      const at = this.walked++;
      const params = this.point(at);
      const key = paramsKey(this.space, params);
      if (this.distinctKeys.has(key)) continue;
      this.distinctKeys.add(key);
      this.distinct.push({ params, at });
    }
    const found = this.distinct[rank];
    return found && found.at < maxWalk ? found.params : undefined;
  }

  /** A small finite space the sequence keeps missing: the first unused combination in a seeded order. */
  private enumerateUnused(used: ReadonlySet<string>): Params | undefined {
    const finite = this.finite!;
    const order = new Permutation(finite.total, deriveSeed('quasirandom-rest', this.seed));
    for (let k = 0; k < finite.total; k++) {
      const p = finite.combination(order.at(k));
      if (!used.has(paramsKey(this.space, p))) return p;
    }
    return undefined;
  }
}

/** A unit coordinate mapped to a value of the distribution; see QuasiRandomSampler. */
export function valueAt(dist: Distribution, u: number): JsonValue {
  const values = dist.values();
  if (values && (dist.kind === 'categorical' || dist.name === 'int_uniform')) return values[cell(u, dist.probabilities, values.length)]!;
  const v = dist.fromUnit(u);
  if (dist.contains(v)) return v;
  // Float error at an open end of the support: step inside.
  return dist.fromUnit(Math.min(1 - 1e-9, Math.max(1e-9, u)));
}

/** The cell of [0,1) holding u, cells equal or sized by `weights`. */
function cell(u: number, weights: readonly number[] | undefined, n: number): number {
  if (!weights) return Math.min(n - 1, Math.floor(u * n));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < n - 1; i++) {
    acc += weights[i]! / total;
    if (u < acc) return i;
  }
  return n - 1;
}

/** The first n primes. */
export function firstPrimes(n: number): number[] {
  const primes: number[] = [];
  for (let k = 2; primes.length < n; k++) if (primes.every((p) => p * p > k || k % p !== 0)) primes.push(k);
  return primes;
}

/** A Halton sequence in `dims` dimensions with seeded digit permutations (0 kept fixed) and a seeded shift per dimension. */
export class ScrambledHalton {
  private readonly bases: readonly number[];
  private readonly permutations: readonly (readonly number[])[];
  private readonly shifts: readonly number[];

  constructor(dims: number, seed: number) {
    this.bases = firstPrimes(dims);
    const rngs = this.bases.map((_, d) => new Rng(deriveSeed('quasirandom', seed, d)));
    this.permutations = this.bases.map((b, d) => [0, ...rngs[d]!.shuffle(Array.from({ length: b - 1 }, (_, k) => k + 1))]);
    this.shifts = rngs.map((rng) => rng.next());
  }

  /** Point `index` (0-based; index 0 is Halton's n = 1, as 0 would be the origin). */
  at(index: number): number[] {
    return this.bases.map((b, d) => {
      const perm = this.permutations[d]!;
      let n = index + 1;
      let f = 1 / b;
      let x = 0;
      while (n > 0) {
        x += f * perm[n % b]!;
        n = Math.floor(n / b);
        f /= b;
      }
      const shifted = x + this.shifts[d]!;
      return shifted >= 1 ? shifted - 1 : shifted;
    });
  }
}
