import type { Distribution, Parameter, Space } from '../distributions/distribution.js';
import { ContinuousDistribution, IntUniformDistribution, LogUniformDistribution, QuantisedDistribution } from '../distributions/index.js';
import type { Goal } from '../config/types.js';
import { searchTrials, type ResultTrial } from '../results.js';

/** The metric the landscape reads: the sweep's, with its direction. */
export interface LandscapeMetric {
  readonly name: string;
  readonly goal: Goal;
}

/** A finished search trial with a finite value of the metric: the only trials whose value says something about the space. */
export interface Scored {
  readonly trial: ResultTrial;
  /** Its 1-based number in the sweep, as the convergence chart and the top-trials table count. */
  readonly number: number;
  readonly value: number;
  /** The value as a loss: lower is better whatever the goal. */
  readonly loss: number;
}

/** Finished trials with a finite metric, best first (ties by trial number, so the order never depends on the sort). */
export function scored(trials: readonly ResultTrial[], metric: LandscapeMetric): Scored[] {
  return searchTrials(trials)
    .map((trial, i) => ({ trial, number: i + 1, value: trial.metrics[metric.name] }))
    .filter((s): s is { trial: ResultTrial; number: number; value: number } => s.trial.status === 'complete' && Number.isFinite(s.value))
    .map((s) => ({ ...s, loss: metric.goal === 'maximize' ? -s.value : s.value }))
    .sort((a, b) => a.loss - b.loss || a.number - b.number);
}

/** How a numeric parameter's range reads: its ends as values, and whether the unit coordinate is log-spaced. */
export interface NumericRange {
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
  readonly integer: boolean;
}

/** The bounded numeric range of a parameter, or undefined for a categorical, constant or unbounded (normal, log-normal) one. */
export function numericRange(dist: Distribution): NumericRange | undefined {
  const base = dist instanceof QuantisedDistribution ? dist.base : dist;
  if (base instanceof IntUniformDistribution) return { lo: base.min, hi: base.max, log: false, integer: true };
  if (!(base instanceof ContinuousDistribution)) return undefined;
  if (!Number.isFinite(base.lo) || !Number.isFinite(base.hi) || base.name === 'normal' || base.name === 'log_normal') return undefined;
  const integer = dist instanceof QuantisedDistribution && Number.isInteger(dist.q);
  return { lo: base.lo, hi: base.hi, log: base instanceof LogUniformDistribution, integer };
}

/** The parameters a sweep searched over: more than one possible value (a constant tells nothing). */
export function searched(space: Space): Parameter[] {
  return space.filter((p) => p.dist.name !== 'constant' && (p.dist.values()?.length ?? 2) > 1);
}

/** A trial's value of `p` in the distribution's unit coordinate (log-spaced for log distributions), or undefined. */
export function unitOf(p: Parameter, trial: ResultTrial): number | undefined {
  const v = trial.params[p.name];
  if (v === undefined || !p.dist.contains(v)) return undefined;
  return p.dist.toUnit(v);
}
