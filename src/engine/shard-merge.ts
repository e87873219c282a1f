// The report job's merge: the shards' results documents as one, as if one runner had run the sweep. Pure: the
// Action's report job and the CLI's `merge` read the documents; this only combines them.
import type { SweepConfig } from '../core/config/types.js';
import type { SeedRun } from '../core/gate/champion-plan.js';
import type { Metrics } from '../core/json.js';
import type { ResultBest, ResultTrial, ResultsDoc, ShardsMerged, StopReason } from '../core/results.js';
import { rankedTrialIndices, shardPosition } from '../core/study/index.js';

/** One shard's document, by its 1-based index. */
export interface ShardPart {
  readonly index: number;
  readonly results: ResultsDoc;
}

/** When the shards stopped for different reasons, the one the merged sweep reports: the most telling first. */
const STOP_ORDER: readonly StopReason[] = ['minutes', 'target', 'trials', 'exhausted'];

/**
 * The shards of one sweep as one results document. Trials go back to their one-runner order (shard i's k-th trial
 * sat at position i − 1 + k·n), a trial two shards both ran (bayes, tpe) counts once, the best is the best of all,
 * and the replay's runs are put back in main's seed order the same way. `count` and `problems` say what is missing.
 * At least one part is needed: with none there is nothing to merge (the caller reports that).
 */
export function mergeShards(count: number, parts: readonly ShardPart[], problems: ShardsMerged['problems'] = []): ResultsDoc {
  const sorted = [...parts].sort((a, b) => a.index - b.index);
  const first = sorted[0];
  if (!first) throw new RangeError('mergeShards needs at least one shard document');
  const base = first.results;
  const trials = unionByKey(interleave(count, sorted, (r) => r.trials));
  const ranked = rankedTrialIndices(trials, base.metric.name, base.metric.goal);
  const best = ranked.length > 0 ? bestOf(trials[ranked[0]!]!) : null;
  const count_ = (pred: (t: ResultTrial) => boolean): number => trials.filter(pred).length;
  const stops = sorted.map((p) => p.results.stats.stopReason);
  // A shard's cost is its own: the report job counts the merged run's (report-run.ts).
  const { champion: _recorded, savedModel: _saved, replay: _replay, shard: _shard, cost: _cost, ...kept } = base;
  const replay = mergeReplay(count, sorted);
  const firstOf = <K extends 'replaySkipped' | 'notComparable'>(k: K): Pick<ResultsDoc, K> => {
    const v = sorted.find((p) => p.results[k] !== undefined)?.results[k];
    return (v !== undefined ? { [k]: v } : {}) as Pick<ResultsDoc, K>;
  };
  return {
    ...kept,
    best,
    trials,
    stats: {
      trials: trials.length,
      trained: count_((t) => !t.cached),
      cached: count_((t) => t.cached),
      pruned: count_((t) => t.status === 'pruned'),
      failed: count_((t) => t.status === 'failed'),
      // The shards ran side by side: the sweep took as long as the slowest.
      wallMs: Math.max(...sorted.map((p) => p.results.stats.wallMs)),
      stopReason: STOP_ORDER.find((r) => stops.includes(r)) ?? 'exhausted',
      budget: base.stats.budget,
    },
    createdAt:
      sorted
        .map((p) => p.results.createdAt)
        .sort()
        .at(-1) ?? base.createdAt,
    ...firstOf('replaySkipped'),
    ...firstOf('notComparable'),
    ...(replay ? { replay } : {}),
    shards: { count, merged: sorted.map((p) => p.index), problems: [...problems].sort((a, b) => a.index - b.index) },
  };
}

/** Every shard's items put back at their one-runner positions (shard i's k-th at i − 1 + k·n). */
function interleave<T>(count: number, parts: readonly ShardPart[], items: (r: ResultsDoc) => readonly T[] | undefined): T[] {
  const placed: [number, T][] = [];
  for (const p of parts) (items(p.results) ?? []).forEach((item, k) => placed.push([shardPosition(p.index, count, k), item]));
  return placed.sort(([a], [b]) => a - b).map(([, item]) => item);
}

/** Search trials in order, each key once (the first); repeats and stages never reach a sharded sweep. */
function unionByKey(trials: readonly ResultTrial[]): ResultTrial[] {
  const seen = new Set<string>();
  return trials.filter((t) => !seen.has(t.key) && seen.add(t.key));
}

/** The best trial as the study reports it without repeats: its metrics by name, one sample each. */
function bestOf(t: ResultTrial): ResultBest {
  const names = Object.keys(t.metrics).sort();
  const metrics: Metrics = Object.fromEntries(names.map((n) => [n, t.metrics[n]!]));
  return { key: t.key, params: t.params, metrics, samples: Object.fromEntries(names.map((n) => [n, [t.metrics[n]!]])) };
}

/** Main's champion replayed across the shards: shard i ran main's seeds i − 1, i − 1 + n, …; one replay in seed order. */
function mergeReplay(count: number, parts: readonly ShardPart[]): ResultsDoc['replay'] {
  const first = parts.find((p) => p.results.replay)?.results.replay;
  if (!first) return undefined;
  const runs = interleave<SeedRun>(count, parts, (r) => r.replay?.runs);
  return { ...first, runs };
}

/** No shard to merge (all missing or failed): a document with no trial, so the report says so and the run fails. */
export function nothingMerged(
  config: Pick<SweepConfig, 'name' | 'configHash' | 'method' | 'metric' | 'gate' | 'seed' | 'budget'>,
  count: number,
  problems: ShardsMerged['problems'],
): ResultsDoc {
  const { name, goal, target } = config.metric;
  return {
    sweep: config.name,
    configHash: config.configHash,
    method: config.method,
    metric: { name, goal, ...(target !== undefined ? { target } : {}) },
    backend: 'none',
    best: null,
    trials: [],
    stats: { trials: 0, trained: 0, cached: 0, pruned: 0, failed: 0, wallMs: 0, stopReason: 'exhausted', budget: { ...config.budget } },
    gate: config.gate,
    seed: config.seed,
    createdAt: new Date(0).toISOString(),
    shards: { count, merged: [], problems: [...problems].sort((a, b) => a.index - b.index) },
  };
}
