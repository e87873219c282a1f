import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import { ConfigError } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import {
  checkShardable,
  unsplittable,
  parseShard,
  runStudy,
  shardCap,
  shardItems,
  shardPosition,
  type Shard,
  type StudyOutcome,
  type StudyPorts,
} from '../../src/core/study/index.js';
import { trialSeed } from '../../src/core/trial.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

type StudyConfig = Parameters<typeof runStudy>[0];

const space: Space = [
  { name: 'x', dist: makeDistribution('uniform', { min: -2, max: 2 }) },
  { name: 'k', dist: makeDistribution('categorical', { values: ['a', 'b', 'c'] }) },
];
const gridSpace: Space = [
  { name: 'w', dist: makeDistribution('categorical', { values: [1, 2, 3, 4, 5] }) },
  { name: 'b', dist: makeDistribution('categorical', { values: ['p', 'q'] }) },
];
const loss = (p: Params): { loss: number } => ({
  loss: (typeof p.x === 'number' ? (p.x - 0.5) ** 2 : Number(p.w) - 3.2) ** 2 + (p.k === 'b' || p.b === 'q' ? 0 : 1),
});

function config(over: Partial<StudyConfig> = {}): StudyConfig {
  return {
    method: 'random',
    metric: { name: 'loss', goal: 'minimize' },
    space,
    budget: { trials: 10 },
    seed: 11,
    repeats: 1,
    stages: [],
    ...over,
  } as StudyConfig;
}

function ports(objective = new FunctionObjective(loss), store = new MemoryTrialStore()): StudyPorts {
  let t = 0;
  return { objective, store, now: () => (t += 1000), warn: () => {} };
}

/** The shards' trials at their one-runner positions (shard i's k-th at i − 1 + k·n), as the merge puts them. */
function interleaved(outs: readonly StudyOutcome[]): StudyOutcome['trials'] {
  const n = outs.length;
  return outs
    .flatMap((o, s) => o.trials.map((t, k) => [shardPosition(s + 1, n, k), t] as const))
    .sort(([a], [b]) => a - b)
    .map(([, t]) => t);
}

const strip = (ts: StudyOutcome['trials']): unknown[] =>
  ts.map((t) => ({ key: t.key, params: t.params, seed: t.seed, metrics: t.metrics }));

async function sharded(c: StudyConfig, n: number, parallel = 1): Promise<StudyOutcome[]> {
  const outs: StudyOutcome[] = [];
  for (let i = 1; i <= n; i++) outs.push(await runStudy({ ...c, parallel, shard: { index: i, count: n } }, ports()));
  return outs;
}

describe('parseShard', () => {
  it('reads i/n, 1-based, up to 256 shards', () => {
    expect(parseShard('1/3')).toEqual({ index: 1, count: 3 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, count: 3 });
    expect(parseShard('256/256')).toEqual({ index: 256, count: 256 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['0/3', 'i from 1 to n'],
    ['4/3', 'i from 1 to n'],
    ['1/257', '1 to 256 shards'],
    ['1/0', '1 to 256 shards'],
    ['2', 'must be i/n'],
    ['a/b', 'must be i/n'],
    ['1/3/5', 'must be i/n'],
    ['-1/3', 'must be i/n'],
  ])('refuses %s, echoing it', (text, why) => {
    const r = parseShard(text);
    expect(typeof r).toBe('string');
    expect(r).toContain(why);
    expect(r).toContain(`'${text}'`);
  });
});

describe('shard budget and items', () => {
  it('splits a trial budget so the shares add up to it', () => {
    const shares = [1, 2, 3].map((index) => shardCap(20, { index, count: 3 }));
    expect(shares).toEqual([7, 7, 6]);
    expect([1, 2, 3, 4, 5].map((index) => shardCap(3, { index, count: 5 }))).toEqual([1, 1, 1, 0, 0]);
    expect(shardCap(Number.POSITIVE_INFINITY, { index: 2, count: 3 })).toBe(Number.POSITIVE_INFINITY);
    expect(shardCap(9, undefined)).toBe(9);
  });

  it('gives shard i the items at positions i − 1, i − 1 + n, …', () => {
    const seeds = [10, 11, 12, 13, 14, 15, 16];
    expect(shardItems(seeds, { index: 1, count: 3 })).toEqual([10, 13, 16]);
    expect(shardItems(seeds, { index: 3, count: 3 })).toEqual([12, 15]);
    expect(shardItems(seeds, undefined)).toEqual(seeds);
    const all = [1, 2, 3].flatMap((index) => shardItems(seeds, { index, count: 3 }));
    expect(all.sort()).toEqual(seeds);
  });
});

describe('a split sweep is the one-runner sweep, trial for trial', () => {
  it.each([
    ['grid', { method: 'grid', space: gridSpace, budget: {} }],
    ['grid with a budget', { method: 'grid', space: gridSpace, budget: { trials: 7 } }],
    ['random', { method: 'random' }],
    ['quasirandom', { method: 'quasirandom' }],
    ['manual', { method: 'manual', space: gridSpace, budget: {}, configs: [1, 2, 3, 4, 5].map((w) => ({ w, b: w % 2 ? 'p' : 'q' })) }],
  ] as const)('%s over 3 shards', async (_, over) => {
    const c = config(over as Partial<StudyConfig>);
    const one = await runStudy(c, ports());
    for (const parallel of [1, 2]) {
      const outs = await sharded(c, 3, parallel);
      expect(strip(interleaved(outs))).toEqual(strip(one.trials));
      // Each shard took only its own positions: nothing ran twice.
      expect(outs.map((o) => o.trials.length).reduce((a, b) => a + b, 0)).toBe(one.trials.length);
    }
  });

  it('a grid smaller than the shard count leaves the extra shards empty, exhausted', async () => {
    const tiny: Space = [{ name: 'w', dist: makeDistribution('categorical', { values: [1, 2] }) }];
    const outs = await sharded(config({ method: 'grid', space: tiny, budget: {} }), 4);
    expect(outs.map((o) => o.trials.map((t) => t.params.w))).toEqual([[expect.any(Number)], [expect.any(Number)], [], []]);
    expect(outs.every((o) => o.stopReason === 'exhausted')).toBe(true);
  });
});

describe('bayes and tpe shards', () => {
  it.each(['bayes', 'tpe'] as const)('%s: independent streams, the budget shared out, trial seeds the sweep’s', async (method) => {
    const c = config({ method, budget: { trials: 8 } });
    const outs = await sharded(c, 3);
    expect(outs.map((o) => o.trials.length)).toEqual([3, 3, 2]);
    const firsts = outs.map((o) => JSON.stringify(o.trials[0]!.params));
    expect(new Set(firsts).size).toBe(3);
    for (const o of outs) for (const t of o.trials) expect(t.seed).toBe(trialSeed(c.seed, t.params, 0));
    // The same shard again is the same stream (reproducible, so a re-run finds every trial in the cache).
    const again = await runStudy({ ...c, shard: { index: 2, count: 3 } }, ports());
    expect(strip(again.trials)).toEqual(strip(outs[1]!.trials));
  });

  it('a shard reuses what the cache holds: trials another shard trained are not trained again', async () => {
    const store = new MemoryTrialStore();
    const c = config({ method: 'grid', space: gridSpace, budget: {} });
    await runStudy({ ...c, shard: { index: 1, count: 2 } }, ports(new FunctionObjective(loss), store));
    // The one-runner sweep over the same cache trains only the other shard's half.
    const objective = new FunctionObjective(loss);
    const one = await runStudy(c, ports(objective, store));
    expect(objective.calls).toBe(5);
    expect(one.trials.filter((t) => t.cached)).toHaveLength(5);
  });
});

describe('checkShardable', () => {
  const shard: Shard = { index: 2, count: 3 };
  it('refuses stages and repeats, naming the key and the shard', () => {
    const staged = { stages: [{ parameters: ['x'] }], repeats: 1 } as unknown as Parameters<typeof checkShardable>[0];
    expect(() => checkShardable(staged, shard)).toThrow(ConfigError);
    expect(() => checkShardable(staged, shard)).toThrow(/^stages: cannot be split across shards: .* \(shard 2\/3\); .*report job/);
    expect(() => checkShardable({ stages: [], repeats: 3 }, shard)).toThrow(/^repeats: .*got 3/);
  });
  it('unsplittable names what keeps a sweep whole (the Action runs it in the report job)', () => {
    expect(unsplittable({ stages: [], repeats: 1 })).toEqual([]);
    const both = { stages: [{ parameters: ['x'] }], repeats: 2 } as unknown as Parameters<typeof unsplittable>[0];
    expect(unsplittable(both).map((u) => u.key)).toEqual(['stages', 'repeats']);
  });
  it('allows the rest, one shard, and no shard', () => {
    expect(() => checkShardable({ stages: [], repeats: 1 }, shard)).not.toThrow();
    expect(() => checkShardable({ stages: [], repeats: 3 }, { index: 1, count: 1 })).not.toThrow();
    expect(() => checkShardable({ stages: [], repeats: 3 }, undefined)).not.toThrow();
  });
});
