import type { Parameter } from '../distributions/distribution.js';
import type { ResultTrial } from '../results.js';
import { numericRange, scored, unitOf, type LandscapeMetric, type NumericRange } from './trials.js';

/** Buckets along a numeric axis (fewer when the parameter has fewer values). */
export const AXIS_BUCKETS = 8;

export interface AxisBucket {
  /** The bucket's middle, as a value of the parameter (the geometric middle for log ranges). */
  readonly at: number;
  /** The best metric among the trials in it. */
  readonly best: number;
  readonly trials: number;
}

export interface Axis {
  readonly param: string;
  readonly range: NumericRange;
  /** Non-empty buckets, low to high. */
  readonly buckets: readonly AxisBucket[];
}

/**
 * The metric against one numeric parameter: its range cut into equal buckets in the distribution's scale (log-spaced
 * for log distributions), the best finished trial's metric per bucket (best, not mean: the question is where good
 * configurations live, and the other parameters vary inside a bucket). A parameter with at most AXIS_BUCKETS values
 * gets one bucket per value. Undefined for a categorical or unbounded parameter, or fewer than two non-empty buckets.
 */
export function axisOf(p: Parameter, trials: readonly ResultTrial[], metric: LandscapeMetric): Axis | undefined {
  const range = numericRange(p.dist);
  if (!range) return undefined;
  const values = p.dist.values();
  const n = values && values.length <= AXIS_BUCKETS ? values.length : AXIS_BUCKETS;
  const buckets = new Map<number, { best: number; loss: number; trials: number }>();
  for (const s of scored(trials, metric)) {
    const u = unitOf(p, s.trial);
    if (u === undefined) continue;
    const b = values && values.length <= AXIS_BUCKETS ? values.indexOf(s.trial.params[p.name]!) : Math.min(n - 1, Math.floor(u * n));
    const cur = buckets.get(b);
    if (!cur || s.loss < cur.loss) buckets.set(b, { best: s.value, loss: s.loss, trials: (cur?.trials ?? 0) + 1 });
    else cur.trials++;
  }
  if (buckets.size < 2) return undefined;
  const at = (b: number): number =>
    values && values.length <= AXIS_BUCKETS ? (values[b] as number) : (p.dist.fromUnit((b + 0.5) / n) as number);
  return {
    param: p.name,
    range,
    buckets: [...buckets.entries()].sort(([a], [b]) => a - b).map(([b, x]) => ({ at: at(b), best: x.best, trials: x.trials })),
  };
}
