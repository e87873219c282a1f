import type { DimensionKind, Distribution } from './distribution.js';
import type { JsonValue } from '../json.js';
import type { Rng } from '../rng.js';
import { ContinuousDistribution, QuantisedDistribution } from './base.js';
import { clamp, DistributionRangeError, fmt, MAX_SUPPORT, requireFinite, requireInteger, requireLess, unit } from './common.js';

/** W&B `uniform`: X ~ U(min, max). */
export class UniformDistribution extends ContinuousDistribution {
  readonly name = 'uniform' as const;
  readonly lo: number;
  readonly hi: number;

  constructor(min: unknown, max: unknown) {
    super();
    this.lo = requireFinite('uniform', 'min', min);
    this.hi = requireFinite('uniform', 'max', max);
    requireLess('uniform', this.lo, this.hi);
    // Sampling and the unit mapping scale by max - min: an overflowing width would give Infinity or NaN.
    if (!Number.isFinite(this.hi - this.lo))
      throw new DistributionRangeError(
        'uniform',
        'max',
        `must be within about 1.8e308 of min (max - min must be finite), got ${fmt(this.lo)} .. ${fmt(this.hi)}`,
      );
  }

  protected draw(rng: Rng): number {
    return rng.uniform(this.lo, this.hi);
  }
  protected unitOf(v: number): number {
    return (v - this.lo) / (this.hi - this.lo);
  }
  protected valueAt(u: number): number {
    return this.lo + u * (this.hi - this.lo);
  }
}

/** W&B `q_uniform`: round(U(min, max) / q) · q, kept to the multiples of q in [min, max]. */
export class QUniformDistribution extends QuantisedDistribution {
  constructor(min: unknown, max: unknown, q: unknown) {
    super('q_uniform', new UniformDistribution(min, max), q);
  }
}

/** W&B `int_uniform`: every integer in [min, max] equally likely. */
export class IntUniformDistribution implements Distribution {
  readonly name = 'int_uniform' as const;
  readonly kind: DimensionKind = 'discrete';
  readonly min: number;
  readonly max: number;

  constructor(min: unknown, max: unknown) {
    this.min = requireInteger('int_uniform', 'min', min);
    this.max = requireInteger('int_uniform', 'max', max);
    requireLess('int_uniform', this.min, this.max);
  }

  sample(rng: Rng): number {
    return this.min + rng.int(this.max - this.min + 1);
  }

  values(): readonly number[] | undefined {
    const n = this.max - this.min + 1;
    return n <= MAX_SUPPORT ? Array.from({ length: n }, (_, i) => this.min + i) : undefined;
  }

  toUnit(value: JsonValue): number {
    if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`int_uniform: toUnit needs a number, got ${fmt(value)}`);
    return clamp((value - this.min) / (this.max - this.min), 0, 1);
  }

  fromUnit(u: number): number {
    return clamp(Math.round(this.min + unit(u) * (this.max - this.min)), this.min, this.max);
  }

  contains(value: JsonValue): boolean {
    return typeof value === 'number' && Number.isInteger(value) && value >= this.min && value <= this.max;
  }
}
