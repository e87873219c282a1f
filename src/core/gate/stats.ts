/**
 * The statistics the gate decides with: Student's t distribution (survival and quantile), Welch's test for two
 * independent samples (best against best, with `repeats`) and the paired t-test with its confidence interval
 * (the champion replay, paired seed by seed).
 */

// ---------------------------------------------------------------------------------------------------------
// Student's t distribution and Welch's test
// ---------------------------------------------------------------------------------------------------------

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): ~15 significant digits, enough for p-values. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for I_x(a, b) (modified Lentz), valid for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-15;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < eps) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), for a, b > 0 and x in [0, 1]. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`regularizedIncompleteBeta: a and b must be > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast only on one side of the mean; use the symmetry on the other.
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T > t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTSurvival(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTSurvival: df must be > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? tail : 1 - tail;
}

export interface WelchResult {
  readonly t: number;
  readonly df: number;
  /** One-sided p-value for "mean of `a` is greater than mean of `b`". */
  readonly pGreater: number;
}

function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/**
 * Welch's unequal-variance t-test of H1: mean(a) > mean(b). Needs at least 2 values on each side.
 * With no variance on either side the answer is certain: p = 0 when a's mean is greater, else 1.
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(`welchTTest: needs >= 2 samples per side, got ${a.length} and ${b.length}`);
  }
  const A = meanVar(a);
  const B = meanVar(b);
  const va = A.variance / a.length;
  const vb = B.variance / b.length;
  const diff = A.mean - B.mean;
  if (va + vb === 0) {
    return { t: diff > 0 ? Infinity : diff < 0 ? -Infinity : 0, df: a.length + b.length - 2, pGreater: diff > 0 ? 0 : 1 };
  }
  const t = diff / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df, pGreater: studentTSurvival(t, df) };
}

export interface PairedResult {
  /** Number of pairs. */
  readonly n: number;
  /** Mean of the differences `a[i] - b[i]`. */
  readonly mean: number;
  /** Sample standard deviation of the differences (0 with one pair). */
  readonly sd: number;
  /** t statistic (±Infinity when every difference is equal and non-zero; 0 when all are zero). */
  readonly t: number;
  readonly df: number;
  /** One-sided p-value for H1: mean difference > 0 (scipy's `ttest_rel(a, b, alternative='greater')`). */
  readonly pGreater: number;
  /** Two-sided confidence interval for the mean difference at `level` (undefined with one pair). */
  readonly ci?: readonly [number, number];
}

/**
 * Paired t-test of H1: mean(a - b) > 0, with a two-sided `level` confidence interval for the mean difference.
 * With no spread in the differences the answer is certain: p = 0 when they are all positive, else 1. With a
 * single pair there is no test: p = 1 (never significant), no interval.
 */
export function pairedTTest(a: readonly number[], b: readonly number[], level = 0.95): PairedResult {
  if (a.length !== b.length) throw new RangeError(`pairedTTest: needs equal lengths, got ${a.length} and ${b.length}`);
  if (a.length === 0) throw new RangeError('pairedTTest: needs at least one pair');
  const d = a.map((x, i) => x - b[i]!);
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { n, mean, sd: 0, t: mean > 0 ? Infinity : mean < 0 ? -Infinity : 0, df: 0, pGreater: 1 };
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  // Differences equal to the last few bits are rounding, not spread.
  if (se <= 1e-12 * Math.max(1, Math.abs(mean))) {
    return { n, mean, sd: 0, t: mean > 0 ? Infinity : mean < 0 ? -Infinity : 0, df, pGreater: mean > 0 ? 0 : 1, ci: [mean, mean] };
  }
  const t = mean / se;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return { n, mean, sd, t, df, pGreater: studentTSurvival(t, df), ci: [mean - q * se, mean + q * se] };
}

/** The `p` quantile of Student's t with `df` degrees of freedom (bisection on the survival function). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTSurvival(hi, df) > 1 - p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTSurvival(mid, df) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
