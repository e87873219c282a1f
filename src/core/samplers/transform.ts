import { normIcdf } from './normal.js';

/**
 * Output transforms applied to the objective before the GP sees it. Objectives met in tuning are skewed
 * (a few diverged runs, losses spanning decades) and a stationary GP fitted to raw values spends its
 * variance on the outliers. Every transform is monotone increasing, so minimising the transformed values
 * is minimising the objective, and each ends standardised (mean 0, sd 1).
 */
export type OutputTransform = 'standardize' | 'yeo-johnson' | 'copula' | 'log';

export function transformTargets(values: readonly number[], kind: OutputTransform): Float64Array {
  switch (kind) {
    case 'standardize':
      return standardize(values);
    case 'yeo-johnson':
      return yeoJohnson(values);
    case 'copula':
      return copula(values);
    case 'log':
      return logWarp(values);
  }
}

export function standardize(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i]! - mean) ** 2;
  const sd = Math.sqrt(v / n) || 1;
  return Float64Array.from({ length: n }, (_, i) => (values[i]! - mean) / sd);
}

function yjOne(y: number, lambda: number): number {
  if (y >= 0) return Math.abs(lambda) < 1e-8 ? Math.log1p(y) : ((1 + y) ** lambda - 1) / lambda;
  return Math.abs(lambda - 2) < 1e-8 ? -Math.log1p(-y) : -((1 - y) ** (2 - lambda) - 1) / (2 - lambda);
}

/**
 * Yeo–Johnson power transform of the standardised values, λ chosen by maximum likelihood on a grid
 * over [-2, 2] (then refined): the right tail of bad values is pulled in, the region near the best kept apart.
 * Measured with `npm run bench:search` (30 seeds, pessimistic prior mean): median regret on Levy-4 0.03
 * against 0.44 with plain standardisation, 0.70 with a log warp and 0.25 when applied to (y - min)/(mean - min).
 */
export function yeoJohnson(values: readonly number[]): Float64Array {
  const z = standardize(values);
  const jac = (lambda: number): number => {
    let s = 0;
    for (const v of z) s += Math.sign(v) * Math.log1p(Math.abs(v));
    return (lambda - 1) * s;
  };
  const ll = (lambda: number): number => {
    const t = Float64Array.from(z, (v) => yjOne(v, lambda));
    let mean = 0;
    for (const v of t) mean += v;
    mean /= t.length;
    let var_ = 0;
    for (const v of t) var_ += (v - mean) ** 2;
    var_ /= t.length;
    return -0.5 * t.length * Math.log(Math.max(var_, 1e-300)) + jac(lambda);
  };
  let best = 1;
  let bestLl = -Infinity;
  for (let lambda = -2; lambda <= 2 + 1e-9; lambda += 0.1) {
    const v = ll(lambda);
    if (v > bestLl) [best, bestLl] = [lambda, v];
  }
  for (let step = 0.05; step > 1e-3; step /= 2) {
    for (const cand of [best - step, best + step]) {
      const v = ll(cand);
      if (v > bestLl) [best, bestLl] = [cand, v];
    }
  }
  return standardize(Float64Array.from(z, (v) => yjOne(v, best)));
}

/** Gaussian copula: ranks mapped through Φ⁻¹ (ties share their mean rank). Drops magnitudes entirely. */
export function copula(values: readonly number[]): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const q = ((i + j) / 2 + 0.5) / n;
    for (let k = i; k <= j; k++) out[order[k]!] = normIcdf(q);
    i = j + 1;
  }
  return standardize(out);
}

/** log(y - min + c) with c a tenth of the interquartile spread: sharpens the basin around the best. */
export function logWarp(values: readonly number[]): Float64Array {
  const s = values.slice().sort((a, b) => a - b);
  const min = s[0]!;
  const spread = s[Math.floor(0.75 * (s.length - 1))]! - s[Math.floor(0.25 * (s.length - 1))]! || Math.abs(min) || 1;
  const c = 0.1 * spread;
  return standardize(values.map((v) => Math.log(v - min + c)));
}
