import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/parse.js';
import { runCost, skippedSearch } from '../../src/core/cost.js';
import type { SeedRun } from '../../src/core/gate/index.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { parseResultsDoc } from '../../src/storage/results-doc.js';

const epochsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ step: i + 1, metrics: { loss: 1 / (i + 1) } }));

function trial(key: string, cached: boolean, epochs: number, over: Partial<ResultTrial> = {}): ResultTrial {
  return {
    key,
    params: { lr: 0.1 },
    status: 'complete',
    metrics: { loss: 0.5 },
    cached,
    durationMs: 10,
    seed: 1,
    history: epochsOf(epochs),
    stage: 0,
    repeat: 0,
    ...over,
  };
}

const run = (seed: number, cached: boolean, steps: number): SeedRun => ({
  seed,
  key: `s${seed}`,
  status: 'complete',
  metrics: { loss: 0.5 },
  cached,
  durationMs: 10,
  steps,
});

const doc = (over: Partial<ResultsDoc>): ResultsDoc => ({ trials: [], best: null, ...over }) as unknown as ResultsDoc;

describe('runCost', () => {
  it('counts trainings and epochs spent and served by the cache: search trials (pruned ones at the epochs they ran), reruns, replay seeds', () => {
    const r = doc({
      trials: [
        trial('a', false, 20),
        trial('b', true, 20),
        trial('c', false, 4, { status: 'pruned' }),
        trial('d', false, 20, { repeat: 1 }),
      ],
      replay: { params: {}, adjustments: [], runs: [run(1, true, 20), run(2, false, 20), run(3, false, 20)] },
    });
    expect(runCost(r, { plannedSeeds: 3, replayOnly: 0, epochs: true })).toEqual({
      trainings: { spent: 5, cache: 2, sequentialStop: 0, replayOnly: 0 },
      epochs: { spent: 20 + 4 + 20 + 40, cache: 40, sequentialStop: 0, replayOnly: 0, estimated: [] },
    });
  });

  it('the sequential stop saved the planned seeds not run (planned − recorded), their epochs estimated from the seeds that ran', () => {
    const r = doc({ replay: { params: {}, adjustments: [], runs: [run(1, false, 18), run(2, false, 22), run(3, false, 20)] } });
    const cost = runCost(r, { plannedSeeds: 10, replayOnly: 0, epochs: true });
    expect(cost.trainings).toEqual({ spent: 3, cache: 0, sequentialStop: 7, replayOnly: 0 });
    expect(cost.epochs).toMatchObject({ spent: 60, sequentialStop: 140, estimated: ['sequentialStop'] });
  });

  it("replay-only saved the search: its trainings as given, its epochs at main's mean epochs per search trial", () => {
    const baseline = doc({ trials: [trial('m1', false, 30), trial('m2', false, 10), trial('m3', false, 0, { status: 'failed' })] });
    const r = doc({ replayOnly: {}, replay: { params: {}, adjustments: [], runs: [run(1, false, 20)] } });
    const cost = runCost(r, { plannedSeeds: 1, replayOnly: 8, epochs: true, baseline });
    expect(cost.trainings).toEqual({ spent: 1, cache: 0, sequentialStop: 0, replayOnly: 8 });
    expect(cost.epochs).toMatchObject({ spent: 20, replayOnly: 8 * 20, estimated: ['replayOnly'] });
  });

  it("the save_best model is one more training, of the best trial's epochs; programs and modules count no epochs", () => {
    const best = trial('a', true, 12);
    const r = doc({ trials: [best], best: { key: 'a', params: best.params, metrics: {}, samples: {} }, savedModel: '/m/model.json' });
    expect(runCost(r, { plannedSeeds: 0, replayOnly: 0, epochs: true })).toMatchObject({
      trainings: { spent: 1, cache: 1 },
      epochs: { spent: 12, cache: 12 },
    });
    expect(runCost(r, { plannedSeeds: 0, replayOnly: 0, epochs: false }).epochs).toBeUndefined();
  });
});

describe('skippedSearch: the trainings a search would spend', () => {
  const config = (yaml: string) => parseSweepConfig(yaml, path.resolve('sweep.yml'));
  const objective = 'objective: obj.mjs\nmetric: {name: loss, goal: minimize}\n';
  it('the trial budget; DEFAULT_TRIALS without one; a grid or manual list at most its size; plus finalist reruns', () => {
    expect(skippedSearch(config(`${objective}method: bayes\nrun_cap: 12\nparameters: {x: {min: 0.0, max: 1.0}}`))).toBe(12);
    expect(skippedSearch(config(`${objective}method: random\nparameters: {x: {min: 0.0, max: 1.0}}`))).toBe(20);
    expect(skippedSearch(config(`${objective}method: grid\nparameters: {x: {values: [1, 2, 3]}, y: {values: [a, b]}}`))).toBe(6);
    expect(skippedSearch(config(`${objective}method: grid\nrun_cap: 4\nparameters: {x: {values: [1, 2, 3]}, y: {values: [a, b]}}`))).toBe(
      4,
    );
    expect(skippedSearch(config(`${objective}method: manual\nconfigs: [{x: 1}, {x: 2}]\nparameters: {x: {values: [1, 2, 3]}}`))).toBe(2);
    // repeats 3: the best 3 are each trained twice more.
    expect(skippedSearch(config(`${objective}method: bayes\nrun_cap: 8\nrepeats: 3\nparameters: {x: {min: 0.0, max: 1.0}}`))).toBe(8 + 6);
  });
});

describe('the results document keeps a cost it can read', () => {
  const base = { sweep: 's', configHash: 'h', metric: { name: 'loss', goal: 'minimize' }, best: null, trials: [], stats: {} };
  it('keeps a valid cost and drops one this version cannot read', () => {
    const cost = { trainings: { spent: 3, cache: 1, sequentialStop: 2, replayOnly: 0 } };
    const kept = parseResultsDoc(JSON.stringify({ ...base, cost }));
    expect(typeof kept !== 'string' && kept.cost).toEqual(cost);
    for (const bad of [{ trainings: { spent: -1, cache: 0, sequentialStop: 0, replayOnly: 0 } }, { trainings: {} }, 'lots']) {
      const dropped = parseResultsDoc(JSON.stringify({ ...base, cost: bad }));
      expect(typeof dropped !== 'string' && dropped.cost).toBeUndefined();
    }
  });
});
