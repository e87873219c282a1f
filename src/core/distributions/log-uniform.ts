import type { Rng } from '../rng.js';
import { ContinuousDistribution, QuantisedDistribution } from './base.js';
import { DistributionRangeError, fmt, requireFinite, requireLess, requirePositive } from './common.js';

export type LogUniformName = 'log_uniform' | 'log_uniform_values' | 'inv_log_uniform' | 'inv_log_uniform_values';

/**
 * Log-uniform priors, all of the form X = exp(U(lnLo, lnHi)); they differ in how W&B reads min/max:
 * - `log_uniform`: min/max are natural-log exponents, X = exp(U(min, max)) (W&B's historical trap: not values);
 * - `log_uniform_values`: min/max are the values themselves;
 * - `inv_log_uniform`: X = exp(-U(min, max)), exponents again, so X lies in [e^-max, e^-min];
 * - `inv_log_uniform_values`: W&B defines X = exp(-U(-ln max, -ln min)), which lies in [min, max].
 * The unit coordinate is linear in ln X, increasing with X.
 */
export class LogUniformDistribution extends ContinuousDistribution {
  readonly lo: number;
  readonly hi: number;
  readonly lnLo: number;
  readonly lnHi: number;

  constructor(
    readonly name: LogUniformName,
    min: unknown,
    max: unknown,
  ) {
    super();
    const exponents = name === 'log_uniform' || name === 'inv_log_uniform';
    const a = exponents ? requireFinite(name, 'min', min) : requirePositive(name, 'min', min);
    const b = requireFinite(name, 'max', max);
    requireLess(name, a, b);
    if (exponents) {
      [this.lnLo, this.lnHi] = name === 'log_uniform' ? [a, b] : [-b, -a];
      // exp over/underflows outside about ±709: such a range has no representable values.
      if (Math.abs(a) > 700 || Math.abs(b) > 700)
        throw new DistributionRangeError(
          name,
          Math.abs(a) > 700 ? 'min' : 'max',
          `must be an exponent within [-700, 700] (X = exp(U(min, max)); for values use ${name}_values), got ${fmt(Math.abs(a) > 700 ? a : b)}`,
        );
    } else {
      [this.lnLo, this.lnHi] = [Math.log(a), Math.log(b)];
    }
    // Values given as values stay exact; exponent forms are as exact as exp allows.
    this.lo = exponents ? Math.exp(this.lnLo) : a;
    this.hi = exponents ? Math.exp(this.lnHi) : b;
  }

  protected draw(rng: Rng): number {
    return Math.exp(rng.uniform(this.lnLo, this.lnHi));
  }
  protected unitOf(v: number): number {
    return (Math.log(v) - this.lnLo) / (this.lnHi - this.lnLo);
  }
  protected valueAt(u: number): number {
    // The ends are the bounds exactly, not exp(ln(min)) one ulp off.
    if (u <= 0) return this.lo;
    if (u >= 1) return this.hi;
    return Math.exp(this.lnLo + u * (this.lnHi - this.lnLo));
  }
}

/** W&B `q_log_uniform`: round(exp(U(min, max)) / q) · q, min/max exponents. */
export class QLogUniformDistribution extends QuantisedDistribution {
  constructor(min: unknown, max: unknown, q: unknown) {
    super('q_log_uniform', new LogUniformDistribution('log_uniform', min, max), q);
  }
}

/** W&B `q_log_uniform_values`: round(X / q) · q with X log-uniform on the values [min, max]. */
export class QLogUniformValuesDistribution extends QuantisedDistribution {
  constructor(min: unknown, max: unknown, q: unknown) {
    super('q_log_uniform_values', new LogUniformDistribution('log_uniform_values', min, max), q);
  }
}
