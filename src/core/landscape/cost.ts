import type { Space } from '../distributions/distribution.js';
import type { JsonValue } from '../json.js';
import type { ResultTrial } from '../results.js';
import { canonicalJson } from '../hash.js';
import { scored, searched, type LandscapeMetric, type Scored } from './trials.js';

export interface CostPoint {
  readonly number: number;
  readonly durationMs: number;
  readonly value: number;
  /** On the Pareto front: no trial took at most as long for a better metric. */
  readonly front: boolean;
}

/**
 * Each finished trial's metric against its training time, fastest first, with the Pareto front marked: a trial is on
 * it when every trial that took no longer has a worse metric (the best metric for the time spent).
 */
export function costPoints(trials: readonly ResultTrial[], metric: LandscapeMetric): CostPoint[] {
  const byTime = [...scored(trials, metric)].sort((a, b) => a.trial.durationMs - b.trial.durationMs || a.number - b.number);
  let bestLoss = Infinity;
  return byTime.map((s) => {
    const front = s.loss < bestLoss;
    if (front) bestLoss = s.loss;
    return { number: s.number, durationMs: s.trial.durationMs, value: s.value, front };
  });
}

/** The parameter names read as the batch size. */
const BATCH_NAMES = ['batch_size', 'batch', 'batchsize', 'bs'];

export interface BatchRow {
  readonly batchSize: JsonValue;
  readonly trials: number;
  /** Median training time per epoch (duration / epochs recorded), ms. */
  readonly msPerEpoch: number;
  /** The best metric among them. */
  readonly best: number;
}

/**
 * When the batch size is searched (a parameter named batch_size, batch, batchsize or bs): per value, the median time
 * per epoch (a trial's duration over its recorded epochs) beside the best metric: the cost/quality trade-off.
 */
export function batchRows(
  trials: readonly ResultTrial[],
  space: Space,
  metric: LandscapeMetric,
): { name: string; rows: BatchRow[] } | undefined {
  const p = searched(space).find((x) => BATCH_NAMES.includes(x.name.toLowerCase()));
  if (!p) return undefined;
  const groups = new Map<string, Scored[]>();
  for (const s of scored(trials, metric)) {
    const v = s.trial.params[p.name];
    if (v === undefined) continue;
    groups.set(canonicalJson(v), [...(groups.get(canonicalJson(v)) ?? []), s]);
  }
  const rows = [...groups.values()].map((g) => ({
    batchSize: g[0]!.trial.params[p.name]!,
    trials: g.length,
    msPerEpoch: median(g.map((s) => s.trial.durationMs / Math.max(1, s.trial.history.length))),
    best: g[0]!.value,
  }));
  if (rows.length < 2) return undefined;
  rows.sort((a, b) => (typeof a.batchSize === 'number' && typeof b.batchSize === 'number' ? a.batchSize - b.batchSize : 0));
  return { name: p.name, rows };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
