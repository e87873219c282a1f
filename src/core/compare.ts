import type { Comparison, GateStatus, MetricComparison } from './comparison.js';
import type { GateRule, Goal, Threshold } from './config/types.js';
import { inferGoal } from './config/sections.js';
import { canonicalJson } from './hash.js';
import type { ResultsDoc } from './results.js';

export { formatThreshold, parseThreshold } from './threshold.js';

// ---------------------------------------------------------------------------------------------------------
// Student's t distribution and Welch's test
// ---------------------------------------------------------------------------------------------------------

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): ~15 significant digits, enough for p-values. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
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
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
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

// ---------------------------------------------------------------------------------------------------------
// Comparison and gate
// ---------------------------------------------------------------------------------------------------------

/** How much worse `current` is than `baseline` in the metric's direction (> 0 is worse). */
function worsening(goal: Goal, baseline: number, current: number): number {
  return goal === 'minimize' ? current - baseline : baseline - current;
}

function pastThreshold(threshold: Threshold, baseline: number, worse: number): boolean {
  if (threshold.kind === 'absolute') return worse > threshold.value;
  // Relative to a zero baseline any worsening is infinitely large.
  if (baseline === 0) return worse > 0;
  return worse / Math.abs(baseline) > threshold.fraction;
}

function compareMetric(
  metric: string,
  goal: Goal,
  rule: GateRule | undefined,
  baseline: ResultsDoc | undefined,
  current: ResultsDoc,
): MetricComparison {
  const b = baseline?.best?.metrics[metric];
  const c = current.best?.metrics[metric];
  const gate = rule ? { threshold: rule.threshold, alpha: rule.alpha } : {};
  if (c === undefined) return { metric, goal, baseline: b, ...gate, status: 'missing' };
  if (b === undefined) return { metric, goal, current: c, ...gate, status: 'no-baseline' };

  const delta = c - b;
  const relDelta = b !== 0 ? delta / Math.abs(b) : undefined;
  const worse = worsening(goal, b, c);
  const bs = baseline?.best?.samples[metric] ?? [];
  const cs = current.best?.samples[metric] ?? [];
  // Oriented so "greater" means worse: the test's one-sided p-value is for "the PR is worse".
  const pValue =
    bs.length >= 2 && cs.length >= 2
      ? goal === 'minimize'
        ? welchTTest(cs, bs).pGreater
        : welchTTest(bs, cs).pGreater
      : undefined;

  let status: GateStatus = 'pass';
  if (rule && pastThreshold(rule.threshold, b, worse)) {
    status = pValue === undefined || pValue < rule.alpha ? 'regressed' : 'not-significant';
  }
  return { metric, goal, baseline: b, current: c, delta, relDelta, improved: worse < 0, ...gate, pValue, status };
}

/** A gated metric fails the check when it regressed past its threshold, or main has it and this run does not. */
export function isGateFailure(m: MetricComparison): boolean {
  return m.threshold !== undefined && (m.status === 'regressed' || (m.status === 'missing' && m.baseline !== undefined));
}

/**
 * Compares this run's best with main's, metric by metric, and applies the gate rules. Shown metrics are the
 * sweep metric, then every gated metric, then the rest of either side's best metrics. Direction comes from
 * the rule's goal, else the sweep metric's goal, else the metric's name (the config parser's `inferGoal`). When several rules name one
 * metric the last wins (the engine puts the config's rules after, and drops, the Action input's for the same metric).
 */
export function compareResults(
  baseline: ResultsDoc | undefined,
  current: ResultsDoc,
  rules: readonly GateRule[],
): Comparison {
  const ruleByMetric = new Map<string, GateRule>();
  for (const r of rules) ruleByMetric.set(r.metric, r);

  const names = new Set<string>([current.metric.name, ...ruleByMetric.keys()]);
  for (const m of Object.keys(current.best?.metrics ?? {})) names.add(m);
  for (const m of Object.keys(baseline?.best?.metrics ?? {})) names.add(m);

  const metrics = [...names].map((m) => {
    const rule = ruleByMetric.get(m);
    const goal = rule?.goal ?? (m === current.metric.name ? current.metric.goal : inferGoal(m));
    return compareMetric(m, goal, rule, baseline, current);
  });

  return {
    hasBaseline: baseline !== undefined,
    metrics,
    regressed: metrics.some(isGateFailure),
    baselineParams: baseline?.best?.params,
    currentParams: current.best?.params,
    baselineSha: baseline?.sha,
    configChanged: baseline !== undefined && baseline.configHash !== current.configHash,
    gateChanged: baseline !== undefined && canonicalJson(baseline.gate) !== canonicalJson(current.gate),
  };
}
