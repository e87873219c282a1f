import type { Rng } from '../rng.js';
import { ContinuousDistribution, QuantisedDistribution } from './base.js';
import { clamp, normalCdf, normalInv, requireFinite, requirePositive, UNIT_EPS } from './common.js';

/**
 * W&B `normal` N(mu, sigma) and `log_normal` exp(N(mu, sigma)). The unit coordinate is the CDF, kept inside
 * [1e-6, 1 - 1e-6] so that a model-based sampler's u = 0 or 1 maps to a finite value (about ±4.75 sigma).
 */
export class NormalDistribution extends ContinuousDistribution {
  readonly lo: number;
  readonly hi = Infinity;
  readonly mu: number;
  readonly sigma: number;

  constructor(
    readonly name: 'normal' | 'log_normal',
    mu: unknown = 0,
    sigma: unknown = 1,
  ) {
    super();
    this.mu = requireFinite(name, 'mu', mu);
    this.sigma = requirePositive(name, 'sigma', sigma);
    this.lo = name === 'normal' ? -Infinity : 0;
  }

  private get log(): boolean {
    return this.name === 'log_normal';
  }

  protected draw(rng: Rng): number {
    const x = this.mu + this.sigma * rng.normal();
    return this.log ? Math.exp(x) : x;
  }
  protected unitOf(v: number): number {
    const x = this.log ? Math.log(v) : v;
    return clamp(normalCdf((x - this.mu) / this.sigma), UNIT_EPS, 1 - UNIT_EPS);
  }
  protected valueAt(u: number): number {
    const x = this.mu + this.sigma * normalInv(clamp(u, UNIT_EPS, 1 - UNIT_EPS));
    return this.log ? Math.exp(x) : x;
  }
}

/** W&B `q_normal`: round(N(mu, sigma) / q) · q. */
export class QNormalDistribution extends QuantisedDistribution {
  constructor(mu: unknown, sigma: unknown, q: unknown) {
    super('q_normal', new NormalDistribution('normal', mu, sigma), q);
  }
}

/** W&B `q_log_normal`: round(exp(N(mu, sigma)) / q) · q (0 included: small draws round down to it). */
export class QLogNormalDistribution extends QuantisedDistribution {
  constructor(mu: unknown, sigma: unknown, q: unknown) {
    super('q_log_normal', new NormalDistribution('log_normal', mu, sigma), q);
  }
}
