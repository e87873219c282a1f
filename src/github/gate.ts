import type { Comparison, MetricComparison } from '../core/gate/index.js';
import { isGateFailure } from '../core/gate/index.js';
import { metricVerdict, noTrialVerdict } from '../report/verdict.js';
import type { ResultsDoc } from '../core/results.js';

/** Gated metrics that fail the check: regressed past the threshold, or gone from this run while main has them. */
export function gateFailures(comparison: Comparison | undefined): readonly MetricComparison[] {
  if (!comparison) return [];
  return comparison.metrics.filter(isGateFailure);
}

/** One line per failing metric: the same sentence as the report's verdict. */
export function describeFailure(m: MetricComparison): string {
  return metricVerdict(m);
}

export function gateMessage(failures: readonly MetricComparison[]): string {
  return `sweepgate: gate failed: ${failures.map(describeFailure).join('; ')}`;
}

/** Worse but within noise: worth a warning, not a failure. */
export function noiseNotes(comparison: Comparison | undefined): readonly string[] {
  return (comparison?.metrics ?? []).filter((m) => m.status === 'not-significant').map((m) => `${metricVerdict(m)}: the gate passes`);
}

export function noTrialMessage(results: ResultsDoc): string {
  return `sweepgate: ${noTrialVerdict(results)}`;
}
