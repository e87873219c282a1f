import type { Rng } from '../rng.js';
import { ContinuousDistribution, QuantisedDistribution } from './base.js';
import { clamp, DistributionRangeError, fmt, normalCdf, normalInv, requireFinite, requirePositive, UNIT_EPS } from './common.js';

/** How far out (in sigmas) the values must stay representable: past the unit mapping's ±4.75 sigma. */
const REACH = 5;

/**
 * W&B `normal` N(mu, sigma) and `log_normal` exp(N(mu, sigma)). The unit coordinate is the CDF, kept inside
 * [1e-6, 1 - 1e-6] so that a model-based sampler's u = 0 or 1 maps to a finite value (about ±4.75 sigma).
 * The constructor requires mu ± 5·sigma (log_normal: exp of it) to be finite and, for log_normal, > 0, so
 * values never become Infinity (which no JSON record or hash can hold) or collapse to 0.
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
    if (name === 'normal') checkNormalReach(this.mu, this.sigma);
    else checkLogNormalReach(this.mu, this.sigma);
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

function checkNormalReach(mu: number, sigma: number): void {
  if (Number.isFinite(mu - REACH * sigma) && Number.isFinite(mu + REACH * sigma)) return;
  throw new DistributionRangeError('normal', 'sigma', `must keep mu ± ${REACH}·sigma finite, got mu = ${fmt(mu)}, sigma = ${fmt(sigma)}`);
}

function checkLogNormalReach(mu: number, sigma: number): void {
  const hi = Math.exp(mu + REACH * sigma);
  const lo = Math.exp(mu - REACH * sigma);
  if (Number.isFinite(hi) && lo > 0) return;
  // mu alone out of range is the usual slip: a value written where its logarithm belongs.
  const muAlone = !(Number.isFinite(Math.exp(mu)) && Math.exp(mu) > 0);
  const got = `got mu = ${fmt(mu)}, sigma = ${fmt(sigma)} (exp(mu ${Number.isFinite(hi) ? '-' : '+'} ${REACH}·sigma) = ${Number.isFinite(hi) ? '0' : 'Infinity'})`;
  const hint =
    muAlone && mu > 0 ? `; for values around ${fmt(mu)} use mu = ln(${fmt(mu)}) = ${fmt(Number(Math.log(mu).toPrecision(4)))}` : '';
  throw new DistributionRangeError(
    'log_normal',
    muAlone ? 'mu' : 'sigma',
    `is in log space${muAlone ? '' : ' like mu'} (the values are exp(N(mu, sigma))), so exp(mu ± ${REACH}·sigma) must be finite and > 0, ${got}${hint}`,
  );
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
