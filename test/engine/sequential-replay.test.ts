import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/parse.js';
import type { SweepConfig } from '../../src/core/config/types.js';
import { compareResults, type SeedRun } from '../../src/core/gate/index.js';
import type { Params } from '../../src/core/json.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { championStep } from '../../src/engine/champion-step.js';
import { metricVerdict } from '../../src/report/verdict.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';
import { FunctionObjective } from '../fakes/objective.js';

// The engine's champion step with a fake objective: main records its champion on 10 seeds, then a "PR" replays it.
// val_accuracy on seed s is 0.9 plus a seed-dependent wiggle of ±0.4 points, minus the PR's loss.
const YAML = `name: seq
method: random
seed: 5
run_cap: 2
objective: ./objective.mjs
metric: {name: val_accuracy, goal: maximize}
parameters:
  lr: {values: [0.1, 0.2]}
gate:
  val_accuracy: {threshold: 0.01}
`;
const config: SweepConfig = parseSweepConfig(YAML, '/w/sweep.yml');
const params: Params = { lr: 0.1 };
const wiggle = (seed: number): number => ((seed % 9) - 4) * 0.001;
const objective = (loss: number) => new FunctionObjective((_p, seed) => ({ val_accuracy: 0.9 + wiggle(seed) - loss }), `fake-${loss}`);
const quiet = { info: () => {}, warn: () => {} };
let clock = 0;
const ports = (o: FunctionObjective, store: MemoryTrialStore) => ({ objective: o, store, now: () => (clock += 1), warn: () => {} });
const noReplayBuilder = async () => {
  throw new Error('the fake objective needs no replay trainer');
};

function doc(extra: Partial<ResultsDoc>): ResultsDoc {
  return {
    sweep: 'seq',
    configHash: config.configHash,
    method: 'random',
    metric: { name: 'val_accuracy', goal: 'maximize' },
    backend: 'fake',
    best: { key: 'k', params, metrics: { val_accuracy: 0.9 }, samples: { val_accuracy: [0.9] } },
    trials: [],
    stats: { trials: 0, trained: 0, cached: 0, pruned: 0, failed: 0, wallMs: 0, stopReason: 'budget', budget: {} },
    gate: config.gate,
    seed: 5,
    createdAt: '',
    ...extra,
  } as ResultsDoc;
}

async function mainBaseline(store: MemoryTrialStore): Promise<ResultsDoc> {
  const recorded = await championStep(config, doc({}), ports(objective(0), store), { mode: 'record' }, quiet, noReplayBuilder);
  expect(recorded.champion!.runs).toHaveLength(10);
  return doc({ champion: recorded.champion! });
}

async function replayOn(baseline: ResultsDoc, o: FunctionObjective, store: MemoryTrialStore): Promise<ResultsDoc> {
  const step = { mode: 'replay' as const, baseline };
  return doc(await championStep(config, doc({}), ports(o, store), step, quiet, noReplayBuilder));
}

describe('the sequential champion replay (engine)', () => {
  it('an unchanged PR replays from the cache: decided within the threshold at the first look, nothing trained', async () => {
    const store = new MemoryTrialStore();
    const main = await mainBaseline(store);
    const pr = objective(0); // the same fingerprint as main's: every replay key is in the store
    const results = await replayOn(main, pr, store);
    expect(pr.calls).toBe(0);
    const runs = results.replay!.runs as SeedRun[];
    expect(runs.every((r) => r.cached)).toBe(true);
    expect(runs.map((r) => r.seed)).toEqual(main.champion!.runs.slice(0, 3).map((r) => r.seed));
    expect(results.replay!.sequential).toEqual({ of: 10, seeds: 3, look: 1, looks: [3, 5, 10], why: 'within' });
    const m = compareResults(main, results, config.gate).metrics.find((x) => x.metric === 'val_accuracy')!;
    expect(m.status).toBe('pass');
  });

  it('a PR that loses 5 points stops after 3 seeds, records 3 runs, and the verdict says so', async () => {
    const store = new MemoryTrialStore();
    const main = await mainBaseline(store);
    const pr = new FunctionObjective((_p, seed) => ({ val_accuracy: 0.9 + wiggle(seed * 3) - 0.05 }), 'fake-worse');
    const results = await replayOn(main, pr, store);
    expect(pr.calls).toBe(3);
    expect(results.replay!.runs).toHaveLength(3);
    expect(results.replay!.runs.map((r) => r.seed)).toEqual(main.champion!.runs.slice(0, 3).map((r) => r.seed));
    expect(results.replay!.sequential).toMatchObject({ of: 10, seeds: 3, look: 1, why: 'past' });
    const comparison = compareResults(main, results, config.gate);
    const m = comparison.metrics.find((x) => x.metric === 'val_accuracy')!;
    expect(m.status).toBe('regressed');
    expect(comparison.regressed).toBe(true);
    expect(metricVerdict(m)).toContain('decided after 3 of 10 seeds: clearly past the 1-point threshold');
  });

  it('a PR whose loss sits at the threshold runs every seed and the last look decides', async () => {
    const store = new MemoryTrialStore();
    const main = await mainBaseline(store);
    const pr = new FunctionObjective((_p, seed) => ({ val_accuracy: 0.9 - 0.01 + 3 * wiggle(seed * 7 + 1) }), 'fake-edge');
    const results = await replayOn(main, pr, store);
    expect(pr.calls).toBe(10);
    expect(results.replay!.sequential).toMatchObject({ of: 10, seeds: 10, look: 3, why: 'all-seeds' });
  });

  it('a replay run that fails stops the replay there and fails the gate', async () => {
    const store = new MemoryTrialStore();
    const main = await mainBaseline(store);
    const pr = new FunctionObjective(() => {
      throw new Error('loss became NaN at epoch 2');
    }, 'fake-broken');
    const results = await replayOn(main, pr, store);
    expect(results.replay!.runs).toHaveLength(1);
    expect(results.replay!.sequential).toMatchObject({ seeds: 1, why: 'failed' });
    expect(compareResults(main, results, config.gate).regressed).toBe(true);
  });

  it('with `sequential: false` every seed is replayed (the gate benchmark)', async () => {
    const store = new MemoryTrialStore();
    const main = await mainBaseline(store);
    const pr = objective(0.05);
    const step = { mode: 'replay' as const, baseline: main, sequential: false };
    const results = await championStep(config, doc({}), ports(pr, store), step, quiet, noReplayBuilder);
    expect(pr.calls).toBe(10);
    expect(results.replay!.sequential).toBeUndefined();
  });
});
