/**
 * Group-sequential boundaries from an alpha-spending function (Lan & DeMets, "Discrete sequential boundaries for
 * clinical trials", Biometrika 70, 1983): the one-sided critical values c₁ … c_K of a standardised statistic
 * looked at after the information fractions t₁ < … < t_K = 1, chosen so the chance of crossing at look k for
 * the first time, with no drift, is α(t_k) − α(t_{k−1}). Overall, P(cross at any look | H₀) = α(1) = alpha.
 * The crossing chances are computed by the numerical integration of Armitage, McPherson & Rowe (1969) as
 * Jennison & Turnbull describe it (Group Sequential Methods with Applications to Clinical Trials, 2000, ch. 19).
 */

/**
 * Lan–DeMets spending functions: how much of alpha is spent by information fraction t. `{ hsd: γ }` is the
 * Hwang–Shih–DeCani family (Statistics in Medicine 9, 1990): γ = 0 spends evenly, γ < 0 late (γ = −4 is close to
 * O'Brien–Fleming), γ > 0 early.
 */
export type Spending = 'pocock' | 'obrien-fleming' | { readonly hsd: number };

export function spent(spending: Spending, alpha: number, t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  if (typeof spending === 'object') {
    // α (1 − e^(−γt)) / (1 − e^(−γ)); its limit as γ → 0 is α t.
    const g = spending.hsd;
    return g === 0 ? alpha * t : (alpha * -Math.expm1(-g * t)) / -Math.expm1(-g);
  }
  // O'Brien–Fleming type: 2 − 2Φ(z_{1−α/2} / √t), spending little early; Pocock type: α ln(1 + (e − 1) t).
  return spending === 'obrien-fleming'
    ? 2 * normalSurvival(normalQuantile(1 - alpha / 2) / Math.sqrt(t))
    : alpha * Math.log(1 + (Math.E - 1) * t);
}

/** How a spending function is written in reports and the docs. */
export function spendingName(spending: Spending): string {
  if (typeof spending === 'object') return `Hwang–Shih–DeCani (γ = ${spending.hsd})`;
  return spending === 'pocock' ? 'Pocock-type' : "O'Brien–Fleming-type";
}

/** P(Z > x) for a standard normal Z: erfc by its Chebyshev-fitted approximation (relative error < 1.2e-7). */
export function normalSurvival(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** The standard normal density. */
function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** The `p` quantile of the standard normal (bisection on normalSurvival). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (1 - normalSurvival(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Grid points per look (odd, for Simpson's rule): boundaries agree with published tables to 4 decimals. */
const GRID = 801;
/** The grid reaches this many standard deviations below zero; what lies below is negligible. */
const LOWER_SDS = 10;

interface Density {
  /** Points of the score S_k = Z_k √t_k below the boundary, and each point's density × Simpson weight. */
  readonly x: Float64Array;
  readonly w: Float64Array;
}

/** Simpson's rule on [lo, hi]: the points and their weights. */
function simpson(lo: number, hi: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(GRID);
  const w = new Float64Array(GRID);
  const h = (hi - lo) / (GRID - 1);
  for (let i = 0; i < GRID; i++) {
    x[i] = lo + i * h;
    w[i] = ((i === 0 || i === GRID - 1 ? 1 : i % 2 === 1 ? 4 : 2) * h) / 3;
  }
  return { x, w };
}

/**
 * One-sided critical values (z scale) at each information fraction, spending `alpha` with `spending`. The last
 * fraction must be 1. With one look it is the fixed test's z_{1−α}.
 */
export function spendingBounds(alpha: number, fractions: readonly number[], spending: Spending): number[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`spendingBounds: alpha must be in (0, 1), got ${alpha}`);
  const ok = fractions.length > 0 && fractions.every((t, i) => t > 0 && t <= 1 && (i === 0 || t > fractions[i - 1]!));
  if (!ok || fractions.at(-1) !== 1)
    throw new RangeError(`spendingBounds: fractions must increase within (0, 1] and end at 1, got [${fractions.join(', ')}]`);
  const bounds: number[] = [];
  let density: Density | undefined;
  let previous = 0;
  for (const t of fractions) {
    const target = spent(spending, alpha, t) - spent(spending, alpha, previous);
    if (!density) {
      const c = normalQuantile(1 - target);
      bounds.push(c);
      density = firstDensity(t, c);
    } else {
      const delta = t - previous;
      const c = solveBound(density, t, delta, target);
      bounds.push(c);
      density = nextDensity(density, t, delta, c);
    }
    previous = t;
  }
  return bounds;
}

/** The sub-density of S₁ ~ N(0, t) below the first boundary. */
function firstDensity(t: number, c: number): Density {
  const sd = Math.sqrt(t);
  const { x, w } = simpson(-LOWER_SDS * sd, c * sd);
  for (let i = 0; i < x.length; i++) w[i]! *= normalDensity(x[i]! / sd) / sd;
  return { x, w };
}

/** P(not crossed before, S_k > c √t) given the sub-density of S_{k−1}: the increment is N(0, delta). */
function crossing(prev: Density, t: number, delta: number, c: number): number {
  const b = c * Math.sqrt(t);
  const sd = Math.sqrt(delta);
  let p = 0;
  for (let i = 0; i < prev.x.length; i++) p += prev.w[i]! * normalSurvival((b - prev.x[i]!) / sd);
  return p;
}

/** The boundary at which the chance of a first crossing is `target` (the crossing chance falls as c rises). */
function solveBound(prev: Density, t: number, delta: number, target: number): number {
  let lo = -10;
  let hi = 40;
  for (let i = 0; i < 100 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (crossing(prev, t, delta, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The sub-density of S_k below its boundary: the previous one convolved with the N(0, delta) increment. */
function nextDensity(prev: Density, t: number, delta: number, c: number): Density {
  const sd = Math.sqrt(delta);
  const { x, w } = simpson(-LOWER_SDS * Math.sqrt(t), c * Math.sqrt(t));
  for (let j = 0; j < x.length; j++) {
    let f = 0;
    for (let i = 0; i < prev.x.length; i++) f += prev.w[i]! * normalDensity((x[j]! - prev.x[i]!) / sd);
    w[j]! *= f / sd;
  }
  return { x, w };
}
