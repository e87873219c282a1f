import type { Comparison, MetricComparison } from '../core/comparison.js';
import { formatThreshold, isGateFailure } from '../core/compare.js';
import type { ResultsDoc } from '../core/results.js';

/** Gated metrics that fail the check: regressed past the threshold, or gone from this run while main has them. */
export function gateFailures(comparison: Comparison | undefined): readonly MetricComparison[] {
  if (!comparison) return [];
  return comparison.metrics.filter(isGateFailure);
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

function relText(m: MetricComparison): string {
  if (m.delta === undefined) return '';
  const sign = m.delta > 0 ? '+' : '';
  const rel = m.relDelta === undefined ? '' : `, ${sign}${Number((m.relDelta * 100).toPrecision(3))}%`;
  return ` (${sign}${fmt(m.delta)}${rel})`;
}

/** One line per failing metric, naming main's value, this run's value and the threshold. */
export function describeFailure(m: MetricComparison): string {
  const threshold = m.threshold ? formatThreshold(m.threshold) : '?';
  const better = m.goal === 'minimize' ? 'lower is better' : 'higher is better';
  if (m.status === 'missing') {
    return `${m.metric}: main has ${fmt(m.baseline!)} but this run produced no value (gate ${threshold}, ${better})`;
  }
  const p = m.pValue === undefined ? '' : `, p = ${fmt(m.pValue)} < alpha ${m.alpha}`;
  return `${m.metric} regressed from ${fmt(m.baseline!)} on main to ${fmt(m.current!)} in this PR${relText(m)}, past the ${threshold} threshold (${better}${p})`;
}

export function gateMessage(failures: readonly MetricComparison[]): string {
  return `sweepgate: gate failed: ${failures.map(describeFailure).join('; ')}`;
}

/** Worse but within noise: worth a warning, not a failure. */
export function noiseNotes(comparison: Comparison | undefined): readonly string[] {
  return (comparison?.metrics ?? [])
    .filter((m) => m.status === 'not-significant')
    .map(
      (m) =>
        `${m.metric} is worse than main (${fmt(m.baseline!)} → ${fmt(m.current!)}) past the ${formatThreshold(m.threshold!)} threshold, but not significantly (p = ${fmt(m.pValue ?? 1)} >= alpha ${m.alpha}): the gate passes`,
    );
}

export function noTrialMessage(results: ResultsDoc): string {
  const s = results.stats;
  return `sweepgate: no trial completed (${s.trials} trials: ${s.failed} failed, ${s.pruned} pruned), so there is no result to report or compare`;
}
