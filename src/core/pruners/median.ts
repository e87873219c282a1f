import type { Curve, Pruner } from './pruner.js';

export interface MedianSettings {
  /** Reports a trial makes before it may be pruned. */
  readonly warmupSteps: number;
  /** Other trials that must have reached the step before comparing. */
  readonly minTrials: number;
}

/**
 * `early_terminate: median`: prune a trial whose best value so far is worse than the median of the other
 * trials' values at the same step. Warm-up counts reports (so it means the same for 0- and 1-based steps);
 * another trial's value at step t is its latest report at or before t, and it counts only once it reached t.
 */
export class MedianPruner implements Pruner {
  readonly name = 'median';

  constructor(readonly settings: MedianSettings) {
    const { warmupSteps, minTrials } = settings;
    if (!(warmupSteps >= 0) || !Number.isInteger(warmupSteps))
      throw new RangeError(`median: warmup steps must be an integer >= 0, got ${warmupSteps}`);
    if (!(minTrials >= 1) || !Number.isInteger(minTrials))
      throw new RangeError(`median: min trials must be an integer >= 1, got ${minTrials}`);
  }

  shouldPrune(curve: Curve, others: readonly Curve[]): boolean {
    if (curve.length <= this.settings.warmupSteps) return false;
    const step = curve[curve.length - 1]!.step;
    let best = Infinity;
    for (const p of curve) if (p.value < best) best = p.value;
    if (!Number.isFinite(best)) return false;
    const field: number[] = [];
    for (const o of others) {
      const v = valueAtStep(o, step);
      if (v !== undefined) field.push(v);
    }
    if (field.length < this.settings.minTrials) return false;
    return best > median(field);
  }
}

/** The latest finite value at or before `step`, provided the curve reached `step`. */
export function valueAtStep(curve: Curve, step: number): number | undefined {
  const last = curve[curve.length - 1];
  if (!last || last.step < step) return undefined;
  let v: number | undefined;
  for (const p of curve) {
    if (p.step > step) break;
    if (Number.isFinite(p.value)) v = p.value;
  }
  return v;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : 0.5 * (values[m - 1]! + values[m]!);
}
