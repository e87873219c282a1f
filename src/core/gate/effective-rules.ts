import type { GateOn, GateRule, Threshold } from '../config/types.js';
import { formatThreshold } from './threshold.js';

/** One way a PR's gate is looser than the baseline's, for one metric (main's rule is kept for it). */
export interface Loosening {
  readonly metric: string;
  readonly what: 'threshold' | 'alpha' | 'on' | 'goal' | 'dropped';
  /** Main's value and the PR's, as the config writes them (absent for `dropped`). */
  readonly main?: string;
  readonly pr?: string;
}

export interface EffectiveRules {
  /** The rules the PR is judged by: per metric, the stricter of main's and the PR's. */
  readonly rules: readonly GateRule[];
  /** What the PR loosened, in the order of main's rules; applies once the PR is merged. */
  readonly loosened: readonly Loosening[];
}

const SIDES: Record<GateOn, readonly ('champion' | 'best')[]> = { champion: ['champion'], best: ['best'], both: ['champion', 'best'] };

/**
 * The baseline's rules decide: a PR cannot loosen the gate it is judged by. Per metric, the stricter of main's
 * rule (the baseline's recorded `gate`) and the PR's: the smaller threshold (a relative one converted with main's
 * value, `mainValue`), the smaller alpha, `both` over one side, main's goal. A metric main gates and the PR does
 * not stays gated by main's rule; a metric only the PR gates takes the PR's rule. When several rules name one
 * metric the last wins, as in compareResults.
 */
export function effectiveRules(
  main: readonly GateRule[],
  pr: readonly GateRule[],
  mainValue: (metric: string) => number | undefined,
): EffectiveRules {
  const mains = lastByMetric(main);
  const prs = lastByMetric(pr);
  const rules: GateRule[] = [];
  const loosened: Loosening[] = [];
  for (const [metric, m] of mains) {
    const p = prs.get(metric);
    if (!p) {
      rules.push(m);
      loosened.push({ metric, what: 'dropped' });
      continue;
    }
    const threshold = stricterThreshold(m.threshold, p.threshold, mainValue(metric));
    if (threshold === m.threshold && !sameThreshold(m.threshold, p.threshold))
      loosened.push({ metric, what: 'threshold', main: formatThreshold(m.threshold), pr: formatThreshold(p.threshold) });
    if (p.alpha > m.alpha) loosened.push({ metric, what: 'alpha', main: String(m.alpha), pr: String(p.alpha) });
    const mainOn = m.on ?? 'champion';
    const prOn = p.on ?? 'champion';
    const sides = new Set([...SIDES[mainOn], ...SIDES[prOn]]);
    if (!SIDES[mainOn].every((s) => SIDES[prOn].includes(s))) loosened.push({ metric, what: 'on', main: mainOn, pr: prOn });
    if (p.goal !== m.goal) loosened.push({ metric, what: 'goal', main: m.goal, pr: p.goal });
    const on: GateOn = sides.size === 2 ? 'both' : [...sides][0]!;
    rules.push({ metric, goal: m.goal, threshold, alpha: Math.min(m.alpha, p.alpha), ...(on !== 'champion' || m.on ? { on } : {}) });
  }
  for (const [metric, p] of prs) if (!mains.has(metric)) rules.push(p);
  return { rules, loosened };
}

function lastByMetric(rules: readonly GateRule[]): Map<string, GateRule> {
  const byMetric = new Map<string, GateRule>();
  for (const r of rules) byMetric.set(r.metric, r);
  return byMetric;
}

function sameThreshold(a: Threshold, b: Threshold): boolean {
  return a.kind === 'absolute' ? b.kind === 'absolute' && a.value === b.value : b.kind === 'relative' && a.fraction === b.fraction;
}

/**
 * The threshold that allows less worsening, in the metric's units. An absolute and a relative one compare through
 * main's value; without it they cannot be compared, and main's is kept.
 */
function stricterThreshold(main: Threshold, pr: Threshold, value: number | undefined): Threshold {
  const allowance = (t: Threshold): number | undefined =>
    t.kind === 'absolute' ? t.value : value === undefined ? undefined : t.fraction * Math.abs(value);
  const m = main.kind === 'relative' && pr.kind === 'relative' ? main.fraction : allowance(main);
  const p = main.kind === 'relative' && pr.kind === 'relative' ? pr.fraction : allowance(pr);
  return m === undefined || p === undefined || !(p < m) ? main : pr;
}
