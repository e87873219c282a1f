// Sizes and budgets at their limits: a 10^9-point grid is walked lazily, and the report counts finalist
// repeats apart from the trial budget.
import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import { canonicalJson } from '../../src/core/hash.js';
import type { Observation } from '../../src/core/samplers/sampler.js';
import { GridSampler } from '../../src/core/samplers/grid.js';
import { runStudy } from '../../src/core/study/index.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { buildReport } from '../../src/report/markdown.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

/** Nine parameters of ten values each: 10^9 grid points. */
const BILLION: Space = Array.from({ length: 9 }, (_, i) => ({
  name: `p${i}`,
  dist: makeDistribution('categorical', { values: Array.from({ length: 10 }, (_, v) => v) }),
}));

describe('a grid of 10^9 points', () => {
  it('is sampled lazily: distinct points at once, with no memory to speak of', () => {
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const sampler = new GridSampler(BILLION, 7);
    expect(sampler.size).toBe(1e9);
    const history: Observation[] = [];
    for (let i = 0; i < 300; i++) {
      const params = sampler.ask(history, [])!;
      history.push({ params, status: 'complete', value: i, curve: [] });
    }
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(new Set(history.map((o) => canonicalJson(o.params))).size).toBe(300);
    // A materialised grid would be gigabytes; a lazy one is a few objects.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('runs as a study under a trial budget', async () => {
    const store = new MemoryTrialStore();
    const obj = new FunctionObjective((p) => ({ loss: Number(p.p0) + Number(p.p8) }));
    let t = 0;
    const out = await runStudy(
      {
        method: 'grid',
        metric: { name: 'loss', goal: 'minimize' },
        space: BILLION,
        budget: { trials: 25 },
        seed: 1,
        repeats: 1,
        stages: [],
      },
      { objective: obj, store, now: () => (t += 1), warn: () => {} },
    );
    expect(out.trials).toHaveLength(25);
    expect(out.stopReason).toBe('trials');
  });
});

describe('repeats are counted apart from the trial budget', () => {
  it('a 12-trial budget with repeats reads 12 of 12 trials, with the 6 repeats apart, not 18/12', async () => {
    const space: Space = [{ name: 'x', dist: makeDistribution('uniform', { min: 0, max: 1 }) }];
    let t = 0;
    const out = await runStudy(
      { method: 'random', metric: { name: 'loss', goal: 'minimize' }, space, budget: { trials: 12 }, seed: 1, repeats: 3, stages: [] },
      {
        objective: new FunctionObjective((p) => ({ loss: Number(p.x) })),
        store: new MemoryTrialStore(),
        now: () => (t += 1),
        warn: () => {},
      },
    );
    expect(out.trials).toHaveLength(18);
    const results: ResultsDoc = {
      sweep: 's',
      configHash: 'c',
      method: 'random',
      metric: { name: 'loss', goal: 'minimize' },
      backend: 'cpu',
      best: { key: 'k', params: {}, metrics: out.bestMetrics, samples: out.bestSamples },
      trials: out.trials,
      stats: { trials: 18, trained: 18, cached: 0, pruned: 0, failed: 0, wallMs: 5, stopReason: 'trials', budget: { trials: 12 } },
      gate: [],
      seed: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    const md = buildReport({ results });
    expect(md).toContain('**Budget**: 12 of 12 trials');
    expect(md).toContain('**Repeats**: 6 reruns of the finalists on more seeds');
    expect(md).not.toContain('18/12');
  });
});
