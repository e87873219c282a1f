import type { Rng } from '../rng.js';
import { ContinuousDistribution, QuantisedDistribution } from './base.js';
import { requirePositive } from './common.js';

/**
 * W&B `beta`: Beta(a, b) on [0, 1], drawn as Ga / (Ga + Gb). The support is already the unit interval, so the
 * unit coordinate is the value itself (a sampler's model then works in the parameter's own scale). The range
 * is closed: fromUnit(0) and fromUnit(1) are exactly 0 and 1, and a draw can be too (a gamma underflowing for
 * small a or b), so a hyperparameter that must stay below 1 (dropout, momentum) cannot take a beta.
 */
export class BetaDistribution extends ContinuousDistribution {
  readonly name = 'beta' as const;
  readonly lo = 0;
  readonly hi = 1;
  readonly a: number;
  readonly b: number;

  constructor(a: unknown = 1, b: unknown = 1) {
    super();
    this.a = requirePositive('beta', 'a', a);
    this.b = requirePositive('beta', 'b', b);
  }

  protected draw(rng: Rng): number {
    const x = rng.gamma(this.a);
    const y = rng.gamma(this.b);
    // Both gammas can underflow to 0 for tiny shapes; fall back to the mean rather than NaN.
    return x + y > 0 ? x / (x + y) : this.a / (this.a + this.b);
  }
  protected unitOf(v: number): number {
    return v;
  }
  protected valueAt(u: number): number {
    return u;
  }
}

/** W&B `q_beta`: round(Beta(a, b) / q) · q. */
export class QBetaDistribution extends QuantisedDistribution {
  constructor(a: unknown, b: unknown, q: unknown) {
    super('q_beta', new BetaDistribution(a, b), q);
  }
}
