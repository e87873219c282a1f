import { NO_METRIC, type GateRule, type Goal, type Threshold } from '../config/types.js';

/** Significance level of a `max-regression` rule (only used when the sweep has `repeats`). */
export const MAX_REGRESSION_ALPHA = 0.05;

/**
 * The config's gate with the entry's `max-regression` (the Action's input, the CLI's flag) as a rule for the sweep's
 * own metric. A config rule for that metric wins, and a sweep without a metric has nothing to gate: both are said.
 */
export function withMaxRegression(
  gate: readonly GateRule[],
  metric: { readonly name: string; readonly goal: Goal },
  threshold: Threshold | undefined,
  warn: (message: string) => void,
): GateRule[] {
  if (!threshold) return [...gate];
  if (metric.name === NO_METRIC) {
    warn('max-regression is ignored: the sweep config has no metric, so there is nothing to gate');
    return [...gate];
  }
  if (gate.some((g) => g.metric === metric.name)) {
    warn(`max-regression is ignored for ${metric.name}: the sweep config's gate already has a rule for it`);
    return [...gate];
  }
  return [...gate, { metric: metric.name, goal: metric.goal, threshold, alpha: MAX_REGRESSION_ALPHA }];
}
