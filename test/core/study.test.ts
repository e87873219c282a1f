import { describe, expect, it } from 'vitest';
import type { SweepConfig } from '../../src/core/config/types.js';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import type { Params } from '../../src/core/json.js';
import type { Objective } from '../../src/core/objective.js';
import { TrialError } from '../../src/core/errors.js';
import { runStudy, type StudyPorts } from '../../src/core/study/index.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

type StudyConfig = Parameters<typeof runStudy>[0];

const space: Space = [
  { name: 'x', dist: makeDistribution('uniform', { min: -2, max: 2 }) },
  { name: 'k', dist: makeDistribution('categorical', { values: ['a', 'b', 'c'] }) },
];
const quadratic = (p: Params): { loss: number } => ({ loss: (Number(p.x) - 0.5) ** 2 + (p.k === 'b' ? 0 : 1) });

function config(over: Partial<StudyConfig> = {}): StudyConfig {
  return {
    method: 'random',
    metric: { name: 'loss', goal: 'minimize' },
    space,
    budget: { trials: 8 },
    seed: 3,
    repeats: 1,
    stages: [],
    ...over,
  } as StudyConfig;
}

function ports(objective: Objective, store = new MemoryTrialStore(), over: Partial<StudyPorts> = {}): StudyPorts & { warnings: string[] } {
  let t = 0;
  const warnings: string[] = [];
  return { objective, store, now: () => (t += 1000), warn: (m) => warnings.push(m), warnings, ...over };
}

describe('runStudy', () => {
  it('runs the trial budget and finds the best trial', async () => {
    const obj = new FunctionObjective(quadratic);
    const out = await runStudy(config(), ports(obj));
    expect(out.trials).toHaveLength(8);
    expect(out.stopReason).toBe('trials');
    const best = Math.min(...out.trials.map((t) => t.metrics.loss!));
    expect(out.trials[out.bestIndex]!.metrics.loss).toBe(best);
    expect(out.bestMetrics.loss).toBe(best);
  });

  it('replays from the cache: a second run trains nothing and gives the same trials', async () => {
    const store = new MemoryTrialStore();
    const first = new FunctionObjective(quadratic);
    const a = await runStudy(config(), ports(first, store));
    const second = new FunctionObjective(quadratic);
    const b = await runStudy(config(), ports(second, store));
    expect(second.calls).toBe(0);
    expect(b.trials.every((t) => t.cached)).toBe(true);
    expect(b.trials.map((t) => t.key)).toEqual(a.trials.map((t) => t.key));
  });

  it('trains again when the objective fingerprint changes', async () => {
    const store = new MemoryTrialStore();
    await runStudy(config(), ports(new FunctionObjective(quadratic, 'v1'), store));
    const changed = new FunctionObjective(quadratic, 'v2');
    await runStudy(config(), ports(changed, store));
    expect(changed.calls).toBe(8);
  });

  it('same seed, same trials; another seed, other trials', async () => {
    const run = async (seed: number): Promise<unknown[]> =>
      (await runStudy(config({ seed }), ports(new FunctionObjective(quadratic)))).trials.map((t) => t.params);
    expect(await run(1)).toEqual(await run(1));
    expect(await run(1)).not.toEqual(await run(2));
  });

  it('records a failing trial and goes on', async () => {
    const obj = new FunctionObjective((p) => {
      if (p.k === 'a') throw new Error('boom');
      return quadratic(p);
    });
    const out = await runStudy(config(), ports(obj));
    expect(out.trials).toHaveLength(8);
    const failed = out.trials.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.error).toBe('Error: boom');
    expect(out.trials[out.bestIndex]!.status).toBe('complete');
  });

  it('fails a trial that returns no value for the metric', async () => {
    const out = await runStudy(config({ budget: { trials: 1 } }), ports(new FunctionObjective(() => ({ other: 1 }))));
    expect(out.trials[0]!.status).toBe('failed');
    expect(out.trials[0]!.error).toMatch(/TrialError: objective returned no "loss"/);
    expect(out.bestIndex).toBe(-1);
  });

  it('stops at the metric target', async () => {
    const out = await runStudy(
      config({ metric: { name: 'loss', goal: 'minimize', target: 1e9 }, budget: { trials: 50 } }),
      ports(new FunctionObjective(quadratic)),
    );
    expect(out.trials).toHaveLength(1);
    expect(out.stopReason).toBe('target');
  });

  it('starts no trial after the minutes budget', async () => {
    // the fake clock advances 1 s per reading; 0.1 min = 6 s
    const out = await runStudy(config({ budget: { trials: 100, minutes: 0.1 } }), ports(new FunctionObjective(quadratic)));
    expect(out.stopReason).toBe('minutes');
    expect(out.trials.length).toBeGreaterThan(0);
    expect(out.trials.length).toBeLessThan(10);
  });

  it('grid runs every combination once and reports exhaustion', async () => {
    const grid: Space = [
      { name: 'a', dist: makeDistribution('categorical', { values: [1, 2, 3] }) },
      { name: 'b', dist: makeDistribution('categorical', { values: ['x', 'y'] }) },
    ];
    const out = await runStudy(
      config({ method: 'grid', space: grid, budget: {} }),
      ports(new FunctionObjective((p) => ({ loss: Number(p.a) }))),
    );
    expect(out.trials).toHaveLength(6);
    expect(new Set(out.trials.map((t) => JSON.stringify(t.params))).size).toBe(6);
    expect(out.stopReason).toBe('exhausted');
  });

  it('maximizes when the goal says so', async () => {
    const out = await runStudy(
      config({ metric: { name: 'acc', goal: 'maximize' } }),
      ports(new FunctionObjective((p) => ({ acc: Number(p.x) }))),
    );
    expect(out.bestMetrics.acc).toBe(Math.max(...out.trials.map((t) => t.metrics.acc!)));
  });

  it('re-runs finalists with more seeds and keeps every sample', async () => {
    const obj = new FunctionObjective((p, seed) => ({ loss: quadratic(p).loss + (seed % 100) / 1e4 }));
    const out = await runStudy(config({ repeats: 3 }), ports(obj));
    expect(out.trials.filter((t) => t.repeat > 0)).toHaveLength(6);
    expect(out.bestSamples.loss).toHaveLength(3);
    const seeds = out.trials
      .filter((t) => JSON.stringify(t.params) === JSON.stringify(out.trials[out.bestIndex]!.params))
      .map((t) => t.seed);
    expect(new Set(seeds).size).toBe(3);
  });

  it('searches stages in turn with the earlier best fixed', async () => {
    const out = await runStudy(
      config({
        stages: [
          { parameters: ['k'], trials: 3 },
          { parameters: ['x'], trials: 4 },
        ],
        budget: { trials: 7 },
      }),
      ports(new FunctionObjective(quadratic)),
    );
    const stage1 = out.trials.filter((t) => t.stage === 1);
    expect(stage1).toHaveLength(4);
    const stage0Best = out.trials.filter((t) => t.stage === 0).sort((a, b) => a.metrics.loss! - b.metrics.loss!)[0]!;
    expect(new Set(stage1.map((t) => t.params.k))).toEqual(new Set([stage0Best.params.k]));
  });

  it('prunes with the configured early termination and records the learning curve', async () => {
    const obj = new FunctionObjective(quadratic, 'curve', 9);
    const out = await runStudy(config({ earlyTerminate: { type: 'hyperband', minIter: 1, eta: 3 }, budget: { trials: 12 } }), ports(obj));
    const pruned = out.trials.filter((t) => t.status === 'pruned');
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of pruned) expect(t.history.length).toBeLessThan(9);
  });

  it('caches a pruned trial like any other: the rerun replays it as pruned and trains nothing', async () => {
    const store = new MemoryTrialStore();
    const cfg = config({ method: 'tpe', earlyTerminate: { type: 'hyperband', minIter: 1, eta: 3 }, budget: { trials: 12 } });
    const first = await runStudy(cfg, ports(new FunctionObjective(quadratic, 'curve', 9), store));
    const prunedKeys = first.trials.filter((t) => t.status === 'pruned').map((t) => t.key);
    expect(prunedKeys.length).toBeGreaterThan(0);
    const again = new FunctionObjective(quadratic, 'curve', 9);
    const second = await runStudy(cfg, ports(again, store));
    expect(again.calls).toBe(0);
    expect(second.trials.filter((t) => t.status === 'pruned').map((t) => t.key)).toEqual(prunedKeys);
    expect(second.trials.find((t) => t.status === 'pruned')!.history.length).toBeGreaterThan(0);
  });

  it('runs trials in parallel, never giving two running trials the same point', async () => {
    const finite: Space = [{ name: 'v', dist: makeDistribution('categorical', { values: [1, 2, 3, 4, 5, 6] }) }];
    let active = 0;
    let peak = 0;
    const objective: Objective = {
      fingerprint: 'parallel',
      backend: 'fake',
      async run(params) {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5 * Number(params.v)));
        active--;
        return { metrics: { loss: Number(params.v) } };
      },
    };
    const out = await runStudy(config({ space: finite, parallel: 3, budget: { trials: 6 } }), ports(objective));
    expect(peak).toBe(3);
    expect(out.trials).toHaveLength(6);
    expect(new Set(out.trials.map((t) => t.params.v)).size).toBe(6);
    expect(out.bestMetrics.loss).toBe(1);
  });

  it('with parallel trials, stops starting new ones at the budget and waits for the running ones', async () => {
    const obj = new FunctionObjective(quadratic);
    const out = await runStudy(config({ parallel: 4, budget: { trials: 10 } }), ports(obj));
    expect(out.trials).toHaveLength(10);
    expect(obj.calls).toBe(10);
    expect(out.stopReason).toBe('trials');
  });

  it('trains a cached pruned trial in full when early termination is removed or changed', async () => {
    const hb = config({ method: 'random', earlyTerminate: { type: 'hyperband', minIter: 1, eta: 3 }, budget: { trials: 12 } });
    const store = new MemoryTrialStore();
    const first = await runStudy(hb, ports(new FunctionObjective(quadratic, 'curve', 9), store));
    const prunedKeys = new Set(first.trials.filter((t) => t.status === 'pruned').map((t) => t.key));
    expect(prunedKeys.size).toBeGreaterThan(0);
    // Without early termination: the pruned trials are trained again and come out complete.
    const plain = new FunctionObjective(quadratic, 'curve', 9);
    const second = await runStudy({ ...hb, earlyTerminate: undefined }, ports(plain, store));
    expect(plain.calls).toBeGreaterThanOrEqual(prunedKeys.size);
    expect(second.trials.filter((t) => prunedKeys.has(t.key)).every((t) => t.status === 'complete' && !t.cached)).toBe(true);
    // Under another pruner: retrained as well; under the same one: replayed.
    const store2 = new MemoryTrialStore();
    await runStudy(hb, ports(new FunctionObjective(quadratic, 'curve', 9), store2));
    const other = new FunctionObjective(quadratic, 'curve', 9);
    await runStudy({ ...hb, earlyTerminate: { type: 'median', warmupSteps: 1, minTrials: 1 } }, ports(other, store2));
    expect(other.calls).toBeGreaterThan(0);
    const same = new FunctionObjective(quadratic, 'curve', 9);
    const store3 = new MemoryTrialStore();
    await runStudy(hb, ports(new FunctionObjective(quadratic, 'curve', 9), store3));
    await runStudy(hb, ports(same, store3));
    expect(same.calls).toBe(0);
  });

  it('caches a deterministic failure but retries a transient one next run', async () => {
    const store = new MemoryTrialStore();
    const failing = (transient: boolean): FunctionObjective =>
      new FunctionObjective(() => {
        throw new TrialError(transient ? 'exited with status 1' : 'loss became NaN', { transient });
      });
    await runStudy(config({ budget: { trials: 2 } }), ports(failing(true), store));
    expect(store.records.size).toBe(0);
    await runStudy(config({ budget: { trials: 2 } }), ports(failing(false), store));
    expect([...store.records.values()].map((r) => r.status)).toEqual(['failed', 'failed']);
  });

  it('cancels a running trial when the minutes budget runs out, and does not cache it', async () => {
    const store = new MemoryTrialStore();
    const slow: Objective = {
      fingerprint: 'slow',
      backend: 'fake',
      async run(_params, ctx) {
        for (let step = 1; step <= 100; step++) {
          ctx.report(step, { loss: 1 / step });
          if (ctx.signal.aborted) throw new TrialError('cancelled', { transient: true });
        }
        return { metrics: { loss: 0.01 } };
      },
    };
    // the fake clock advances 1 s per reading; 0.1 min = 6 s, so the first trial is cut mid-way
    const out = await runStudy(config({ budget: { trials: 5, minutes: 0.1 } }), ports(slow, store));
    expect(out.stopReason).toBe('minutes');
    expect(out.trials).toHaveLength(1);
    expect(out.trials[0]!.status).toBe('failed');
    expect(out.trials[0]!.error).toMatch(/cancelled.*minutes budget ran out/);
    expect(store.records.size).toBe(0);
  });

  it('says a staged sweep stopped on its trial budget, not on an exhausted space', async () => {
    const out = await runStudy(
      config({
        stages: [
          { parameters: ['k'], trials: 2 },
          { parameters: ['x'], trials: 2 },
        ],
        budget: { trials: 20 },
      }),
      ports(new FunctionObjective(quadratic)),
    );
    expect(out.trials).toHaveLength(4);
    expect(out.stopReason).toBe('trials');
  });

  it('warns and goes on when the store fails', async () => {
    const store = new MemoryTrialStore();
    store.put = async () => {
      throw new Error('disk full');
    };
    const p = ports(new FunctionObjective(quadratic), store);
    const out = await runStudy(config({ budget: { trials: 2 } }), p);
    expect(out.trials).toHaveLength(2);
    expect(p.warnings.join()).toMatch(/could not store trial .*disk full/);
  });

  it('reports progress for every trial', async () => {
    const seen: number[] = [];
    await runStudy(
      config({ budget: { trials: 3 } }),
      ports(new FunctionObjective(quadratic), undefined, { progress: (p) => seen.push(p.index) }),
    );
    expect(seen).toEqual([1, 2, 3]);
  });
});

export type { SweepConfig };

describe('runStudy with parallel trials finishing in any order', () => {
  it('asks the same trials whatever the timing (tpe), so a rerun is reproducible and finds them cached', async () => {
    // Each run gets different trial durations, so trials finish in a different order every time.
    const jittery = (delays: () => number): Objective => ({
      fingerprint: 'jitter',
      backend: 'fake',
      run: (p) => new Promise((resolve) => setTimeout(() => resolve({ metrics: quadratic(p) }), delays())),
    });
    let x = 1;
    const rand = (): number => (x = (x * 48271) % 2147483647) % 15;
    const cfg = config({ method: 'tpe', parallel: 3, budget: { trials: 12 } });
    const first = await runStudy(cfg, ports(jittery(rand)));
    const second = await runStudy(cfg, ports(jittery(() => 15 - rand())));
    expect(second.trials.map((t) => t.params)).toEqual(first.trials.map((t) => t.params));
    const store = new MemoryTrialStore();
    await runStudy(cfg, ports(jittery(rand), store));
    const again = await runStudy(
      cfg,
      ports(
        jittery(() => 15 - rand()),
        store,
      ),
    );
    expect(again.trials.every((t) => t.cached)).toBe(true);
  });
});
