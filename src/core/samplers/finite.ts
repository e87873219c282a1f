import type { Space } from '../distributions/distribution.js';
import { canonicalJson } from '../hash.js';
import type { JsonValue, Params } from '../json.js';
import { deriveSeed } from '../rng.js';

/**
 * A space whose every parameter has a finite support, enumerated by mixed-radix index. Combinations are
 * never materialised: a grid over ten 10-value parameters is 10^10 points, but only the visited ones exist.
 */
export class FiniteSpace {
  readonly total: number;
  private readonly supports: readonly (readonly JsonValue[])[];
  private readonly lookup: readonly Map<string, number>[];

  private constructor(
    private readonly space: Space,
    supports: readonly (readonly JsonValue[])[],
  ) {
    this.supports = supports;
    this.total = supports.reduce((n, s) => n * s.length, 1);
    this.lookup = supports.map((s) => new Map(s.map((v, i) => [canonicalJson(v), i] as const)));
  }

  /** Index of a configuration, or undefined when some value is not in its support (or is missing). */
  indexOf(params: Params): number | undefined {
    let index = 0;
    for (let i = 0; i < this.space.length; i++) {
      const v = params[this.space[i]!.name];
      if (v === undefined) return undefined;
      const j = this.lookup[i]!.get(canonicalJson(v));
      if (j === undefined) return undefined;
      index = index * this.supports[i]!.length + j;
    }
    return index;
  }

  /** The finite view of `space`, or undefined when some parameter has no (listable) finite support. */
  static of(space: Space): FiniteSpace | undefined {
    const supports = space.map((p) => p.dist.values());
    if (supports.some((s) => s === undefined || s.length === 0)) return undefined;
    return new FiniteSpace(space, supports as (readonly JsonValue[])[]);
  }

  combination(index: number): Params {
    const out: Record<string, JsonValue> = {};
    let rest = index;
    for (let i = this.space.length - 1; i >= 0; i--) {
      const s = this.supports[i]!;
      out[this.space[i]!.name] = s[rest % s.length]!;
      rest = Math.floor(rest / s.length);
    }
    // Keep config order for readability of records (keys are canonicalised anyway).
    return Object.fromEntries(this.space.map((p) => [p.name, out[p.name]!]));
  }
}

/** Largest index space the permutation handles exactly (2^52, so every index is a safe integer). */
export const MAX_PERMUTATION = 2 ** 52;

/**
 * A seeded pseudo-random bijection of [0, n): a balanced Feistel network on the smallest even bit width that
 * covers n, with cycle-walking back into range. It is a shuffle that costs O(1) per position and no memory,
 * so grid order is random for any grid size and the k-th grid point is computable on its own.
 */
export class Permutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly keys: readonly number[];

  constructor(
    readonly n: number,
    seed: number,
  ) {
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_PERMUTATION)
      throw new RangeError(`Permutation: size must be an integer in [1, 2^52], got ${n}`);
    const bits = Math.max(2, Math.ceil(Math.log2(n)));
    this.half = Math.ceil(bits / 2);
    this.mask = 2 ** this.half - 1;
    this.keys = Array.from({ length: 6 }, (_, r) => deriveSeed('feistel', seed, r));
  }

  at(k: number): number {
    if (!(k >= 0 && k < this.n)) throw new RangeError(`Permutation.at: index must be in [0, ${this.n}), got ${k}`);
    let x = k;
    do x = this.encrypt(x);
    while (x >= this.n);
    return x;
  }

  private encrypt(x: number): number {
    const m = 2 ** this.half;
    let left = Math.floor(x / m);
    let right = x % m;
    for (const key of this.keys) {
      const f = mix(right, key) & this.mask;
      [left, right] = [right, (left ^ f) >>> 0];
    }
    return left * m + right;
  }
}

/** 32-bit avalanche of (value, key); value < 2^26 so it fits the integer ops. */
function mix(value: number, key: number): number {
  let h = (value ^ key) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = Math.imul(h ^ key ^ (h >>> 16), 0x9e3779b1) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}
