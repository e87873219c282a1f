import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import type { SeedRun } from '../../src/core/gate/champion-plan.js';
import type { Params } from '../../src/core/json.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { runStudy, type StudyOutcome } from '../../src/core/study/index.js';
import { mergeShards } from '../../src/engine/shard-merge.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

type StudyConfig = Parameters<typeof runStudy>[0];

const space: Space = [
  { name: 'w', dist: makeDistribution('categorical', { values: [1, 2, 3, 4, 5, 6, 7] }) },
  { name: 'b', dist: makeDistribution('categorical', { values: ['p', 'q'] }) },
];
const loss = (p: Params): { loss: number; acc: number } => ({ loss: (Number(p.w) - 4.4) ** 2 + (p.b === 'q' ? 0 : 1), acc: Number(p.w) });
const config: StudyConfig = {
  method: 'grid',
  metric: { name: 'loss', goal: 'minimize' },
  space,
  budget: {},
  seed: 5,
  repeats: 1,
  stages: [],
} as unknown as StudyConfig;

/** The results document fields the merge reads, from a study outcome (engine/run.ts toResults, reduced). */
function doc(o: StudyOutcome, over: Partial<ResultsDoc> = {}): ResultsDoc {
  const best = o.bestIndex >= 0 ? o.trials[o.bestIndex]! : undefined;
  return {
    sweep: 'merge',
    configHash: 'h',
    method: 'grid',
    metric: { name: 'loss', goal: 'minimize' },
    backend: 'fake',
    best: best ? { key: best.key, params: best.params, metrics: o.bestMetrics, samples: o.bestSamples } : null,
    trials: o.trials,
    stats: {
      trials: o.trials.length,
      trained: o.trials.filter((t) => !t.cached).length,
      cached: o.trials.filter((t) => t.cached).length,
      pruned: 0,
      failed: o.trials.filter((t) => t.status === 'failed').length,
      wallMs: o.wallMs,
      stopReason: o.stopReason,
      budget: {},
    },
    gate: [],
    seed: 5,
    createdAt: '2026-12-07T00:00:00.000Z',
    ...over,
  };
}

async function study(over: Partial<StudyConfig> = {}): Promise<StudyOutcome> {
  let t = 0;
  return runStudy(
    { ...config, ...over },
    { objective: new FunctionObjective(loss), store: new MemoryTrialStore(), now: () => (t += 10), warn: () => {} },
  );
}

const run = (seed: number, loss: number): SeedRun => ({
  seed,
  key: `k${seed}`,
  status: 'complete',
  metrics: { loss },
  cached: false,
  durationMs: 1,
});

describe('mergeShards', () => {
  it('three grid shards merge into the one-runner document: trials in order, the best of all, the counts', async () => {
    const one = doc(await study());
    const parts = await Promise.all([1, 2, 3].map(async (index) => ({ index, results: doc(await study({ shard: { index, count: 3 } })) })));
    // Handed over in any order.
    const merged = mergeShards(3, [parts[2]!, parts[0]!, parts[1]!]);
    expect(merged.trials.map((t) => [t.key, t.params, t.metrics])).toEqual(one.trials.map((t) => [t.key, t.params, t.metrics]));
    expect(merged.best).toEqual(one.best);
    expect(merged.stats).toMatchObject({ trials: 14, trained: 14, cached: 0, failed: 0, stopReason: 'exhausted' });
    expect(merged.stats.wallMs).toBe(Math.max(...parts.map((p) => p.results.stats.wallMs)));
    expect(merged.shards).toEqual({ count: 3, merged: [1, 2, 3], problems: [] });
  });

  it('a missing shard leaves its trials out and is named; the best is the best of the rest', async () => {
    const parts = await Promise.all([1, 3].map(async (index) => ({ index, results: doc(await study({ shard: { index, count: 3 } })) })));
    const merged = mergeShards(3, parts, [{ index: 2, why: 'no cache entry' }]);
    expect(merged.trials).toHaveLength(parts[0]!.results.trials.length + parts[1]!.results.trials.length);
    const best = Math.min(...merged.trials.map((t) => t.metrics.loss!));
    expect(merged.best?.metrics.loss).toBe(best);
    expect(merged.shards).toEqual({ count: 3, merged: [1, 3], problems: [{ index: 2, why: 'no cache entry' }] });
  });

  it('a trial two shards both ran (bayes, tpe) counts once; no trial completing gives no best', async () => {
    const a = doc(await study({ shard: { index: 1, count: 2 } }));
    const failed = a.trials.map((t) => ({ ...t, status: 'failed' as const, metrics: {} }));
    const merged = mergeShards(2, [
      { index: 1, results: { ...a, trials: failed } },
      { index: 2, results: { ...a, trials: failed.map((t) => ({ ...t, cached: true })) } },
    ]);
    expect(merged.trials.map((t) => t.key)).toEqual(a.trials.map((t) => t.key));
    expect(merged.trials.every((t) => !t.cached)).toBe(true);
    expect(merged.best).toBeNull();
    expect(merged.stats.failed).toBe(a.trials.length);
  });

  it('puts the replay’s runs back in main’s seed order and keeps why a replay was skipped', async () => {
    const o = await study({ shard: { index: 1, count: 2 } });
    const replay = (runs: SeedRun[]): ResultsDoc['replay'] => ({ params: { w: 4 }, adjustments: [], runs });
    const merged = mergeShards(2, [
      { index: 2, results: doc(o, { replay: replay([run(102, 0.2), run(104, 0.4)]) }) },
      { index: 1, results: doc(o, { replay: replay([run(101, 0.1), run(103, 0.3), run(105, 0.5)]) }) },
    ]);
    expect(merged.replay?.runs.map((r) => r.seed)).toEqual([101, 102, 103, 104, 105]);
    expect(merged.replay?.params).toEqual({ w: 4 });
    const skipped = mergeShards(2, [{ index: 1, results: doc(o, { replaySkipped: 'no champion runs' }) }]);
    expect(skipped.replaySkipped).toBe('no champion runs');
    expect(skipped.replay).toBeUndefined();
  });

  it('says why the sweep stopped by the most telling shard; drops what only one runner had', async () => {
    const o = await study({ shard: { index: 1, count: 2 } });
    const stopped = (stopReason: 'trials' | 'minutes' | 'exhausted'): ResultsDoc => {
      const d = doc(o, { savedModel: '/runner/model.json', champion: { params: {}, runs: [] } });
      return { ...d, stats: { ...d.stats, stopReason } };
    };
    const merged = mergeShards(2, [
      { index: 1, results: stopped('exhausted') },
      { index: 2, results: stopped('minutes') },
    ]);
    expect(merged.stats.stopReason).toBe('minutes');
    expect(merged.savedModel).toBeUndefined();
    expect(merged.champion).toBeUndefined();
    expect(() => mergeShards(2, [])).toThrow(RangeError);
  });
});
