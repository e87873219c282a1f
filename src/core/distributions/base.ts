import type { DimensionKind, Distribution, DistributionName } from './distribution.js';
import type { JsonValue } from '../json.js';
import type { Rng } from '../rng.js';
import { clamp, DistributionRangeError, fmt, MAX_SUPPORT, Quantiser, requirePositive, unit } from './common.js';

/**
 * A real-valued prior on the closed range [lo, hi] (either end may be infinite). Subclasses give the sampling
 * and the unit mapping; range checks and clamping live here so every family treats float error the same way.
 */
export abstract class ContinuousDistribution implements Distribution {
  abstract readonly name: DistributionName;
  readonly kind: DimensionKind = 'continuous';
  abstract readonly lo: number;
  abstract readonly hi: number;

  protected abstract draw(rng: Rng): number;
  /** Unit coordinate of a value already inside [lo, hi]. */
  protected abstract unitOf(value: number): number;
  /** Value at a unit coordinate already inside [0, 1]. */
  protected abstract valueAt(u: number): number;

  sample(rng: Rng): number {
    return finite(clamp(this.draw(rng), this.lo, this.hi));
  }

  values(): undefined {
    return undefined;
  }

  toUnit(value: JsonValue): number {
    if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${this.name}: toUnit needs a number, got ${fmt(value)}`);
    return clamp(this.unitOf(clamp(value, this.lo, this.hi)), 0, 1);
  }

  fromUnit(u: number): number {
    return finite(clamp(this.valueAt(unit(u)), this.lo, this.hi));
  }

  contains(value: JsonValue): boolean {
    return typeof value === 'number' && Number.isFinite(value) && value >= this.lo && value <= this.hi;
  }
}

/**
 * The last guard against ±Infinity, which no JSON record or hash can hold. Constructors already keep the
 * reachable values finite (e.g. normal's mu ± 5·sigma); only a draw far beyond that could overflow.
 */
function finite(x: number): number {
  return clamp(x, -Number.MAX_VALUE, Number.MAX_VALUE);
}

/**
 * W&B's q_* forms: round(X / q) · q for X drawn from a continuous base, kept to the multiples of q inside the
 * base's range (so `q_uniform` 0.05..1 with q 0.1 never yields 0). The unit mapping is the base's, snapped.
 */
export class QuantisedDistribution implements Distribution {
  readonly kind: DimensionKind = 'discrete';
  readonly q: number;
  private readonly quant: Quantiser;
  /** Index range of the allowed multiples of q (may be infinite for unbounded bases). */
  private readonly kLo: number;
  private readonly kHi: number;
  /** Largest index whose multiple is surely finite. */
  private readonly kFinite: number;
  private support: readonly number[] | undefined | null = null;

  constructor(
    readonly name: DistributionName,
    readonly base: ContinuousDistribution,
    q: unknown,
  ) {
    this.q = requirePositive(name, 'q', q);
    this.quant = new Quantiser(this.q);
    // The 1e-9 slack keeps float noise (0.3 / 0.1 = 2.9999999999999996) from dropping an end multiple.
    this.kLo = Number.isFinite(base.lo) ? Math.ceil(base.lo / this.q - 1e-9) : -Infinity;
    this.kHi = Number.isFinite(base.hi) ? Math.floor(base.hi / this.q + 1e-9) : Infinity;
    if (this.kLo > this.kHi)
      throw new DistributionRangeError(name, 'q', `must have a multiple within [${fmt(base.lo)}, ${fmt(base.hi)}], got ${fmt(this.q)}`);
    // value / q must stay finite at the base's ends (bounds, or the unit mapping's reach for unbounded bases).
    const [a, b] = [base.fromUnit(0), base.fromUnit(1)];
    const end = Math.abs(a) > Math.abs(b) ? a : b;
    if (!Number.isFinite(this.quant.at(this.quant.index(end))))
      throw new DistributionRangeError(
        name,
        'q',
        `is too small for values as large as ${fmt(end)} (value / q overflows), got ${fmt(this.q)}`,
      );
    this.kFinite = Math.floor(Number.MAX_VALUE / 2 / this.q);
  }

  private snap(x: number): number {
    const k = clamp(this.quant.index(x), this.kLo, this.kHi);
    // Only a draw far past the checked ends can get here; its multiple would be Infinity.
    return this.quant.at(clamp(k, -this.kFinite, this.kFinite));
  }

  sample(rng: Rng): number {
    return this.snap(this.base.sample(rng));
  }

  values(): readonly number[] | undefined {
    if (this.support === null) {
      const n = this.kHi - this.kLo + 1;
      this.support = Number.isFinite(n) && n <= MAX_SUPPORT ? Array.from({ length: n }, (_, i) => this.quant.at(this.kLo + i)) : undefined;
    }
    return this.support;
  }

  toUnit(value: JsonValue): number {
    return this.base.toUnit(value);
  }

  fromUnit(u: number): number {
    return this.snap(this.base.fromUnit(u));
  }

  contains(value: JsonValue): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    const k = this.quant.index(value);
    if (k < this.kLo || k > this.kHi) return false;
    const v = this.quant.at(k);
    return Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value));
  }
}
