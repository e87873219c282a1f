import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import type { Params } from '../../src/core/json.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { planWarmStart, runStudy, topConfigs } from '../../src/core/study/index.js';
import { trialKey, trialSeed } from '../../src/core/trial.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

const space: Space = [
  { name: 'x', dist: makeDistribution('uniform', { min: -2, max: 2 }) },
  { name: 'k', dist: makeDistribution('categorical', { values: ['a', 'b', 'c'] }) },
];
const loss = (p: Params): { loss: number } => ({ loss: (Number(p.x) - 0.5) ** 2 + (p.k === 'b' ? 0 : 1) });

/** Main's sweep as the baseline records it: its trials under fingerprint `main-v1`, the best one first-class. */
async function mainResults(): Promise<ResultsDoc> {
  const obj = new FunctionObjective(loss, 'main-v1');
  const out = await runStudy(
    { method: 'random', metric: { name: 'loss', goal: 'minimize' }, space, budget: { trials: 10 }, seed: 3, repeats: 1, stages: [] },
    { objective: obj, store: new MemoryTrialStore(), now: () => 0, warn: () => {} },
  );
  const best = out.trials[out.bestIndex]!;
  return {
    metric: { name: 'loss', goal: 'minimize' },
    trials: out.trials,
    best: { key: best.key, params: best.params, metrics: best.metrics, samples: { loss: [best.metrics.loss!] } },
  } as unknown as ResultsDoc;
}

const prConfig = (warmStart = 3) => ({ method: 'bayes' as const, stages: [], space, seed: 3, pr: { search: true, warmStart } });

describe('warm start', () => {
  it("a PR whose keys changed asks main's top configs first, best first, then its sampler; they count against the budget", async () => {
    const main = await mainResults();
    const warm = planWarmStart(prConfig(), main, 'pr-v2');
    const byLoss = [...main.trials].sort((a, b) => a.metrics.loss! - b.metrics.loss!).map((t) => t.params);
    expect(warm.configs).toEqual(byLoss.slice(0, 3));
    expect(warm.why).toMatch(/starts from main's best 3 configurations/);

    const pr = new FunctionObjective(loss, 'pr-v2');
    const seen: Params[] = [];
    const objective = {
      ...pr,
      backend: pr.backend,
      fingerprint: pr.fingerprint,
      run: (p: Params, ctx: never) => (seen.push(p), pr.run(p, ctx)),
    };
    const out = await runStudy(
      {
        method: 'bayes',
        metric: { name: 'loss', goal: 'minimize' },
        space,
        budget: { trials: 6 },
        seed: 3,
        repeats: 1,
        stages: [],
        warmStart: warm.configs,
      },
      { objective, store: new MemoryTrialStore(), now: () => 0, warn: () => {} },
    );
    expect(out.trials).toHaveLength(6);
    expect(seen.slice(0, 3)).toEqual(warm.configs);
    // Re-evaluated under the PR (its own keys), and the sampler's asks after them are new points.
    expect(out.trials[0]!.key).toBe(trialKey(warm.configs[0]!, trialSeed(3, warm.configs[0]!), 'pr-v2'));
    expect(out.trials.slice(3).every((t) => !warm.configs.some((c) => c.x === t.params.x))).toBe(true);
  });

  it('the warm configs are observations: the sampler asks differently after them than a cold search does', async () => {
    const main = await mainResults();
    const configs = planWarmStart(prConfig(), main, 'pr-v2').configs;
    const run = (warmStart: readonly Params[]) =>
      runStudy(
        {
          method: 'tpe',
          metric: { name: 'loss', goal: 'minimize' },
          space,
          budget: { trials: 5 },
          seed: 9,
          repeats: 1,
          stages: [],
          warmStart,
        },
        { objective: new FunctionObjective(loss, 'pr-v2'), store: new MemoryTrialStore(), now: () => 0, warn: () => {} },
      );
    const cold = await run([]);
    const warm = await run(configs);
    expect(warm.trials.slice(0, 3).map((t) => t.params)).toEqual(configs);
    expect(cold.trials.slice(0, 3).map((t) => t.params)).not.toEqual(configs);
    // Reproducible: the same warm start asks the same trials again.
    expect((await run(configs)).trials.map((t) => t.key)).toEqual(warm.trials.map((t) => t.key));
  });

  it("nothing is queued when main's trials are still this PR's (the cache serves them), or warm_start is 0, or the method plans its own points", async () => {
    const main = await mainResults();
    expect(planWarmStart(prConfig(), main, 'main-v1')).toMatchObject({ configs: [], why: expect.stringMatching(/cache serves them/) });
    expect(planWarmStart(prConfig(0), main, 'pr-v2').configs).toEqual([]);
    expect(planWarmStart({ ...prConfig(), method: 'grid' }, main, 'pr-v2').configs).toEqual([]);
    expect(planWarmStart(prConfig(), undefined, 'pr-v2').configs).toEqual([]);
  });

  it("only configurations still inside the PR's space: a narrowed range or a dropped category drops them; a removed parameter is left out", () => {
    const trial = (x: number, k: string, v: number, extra: Params = {}) => ({
      params: { x, k, ...extra },
      metrics: { loss: v },
      status: 'complete',
      repeat: 0,
    });
    const main = {
      metric: { name: 'loss', goal: 'minimize' },
      best: null,
      trials: [trial(1.5, 'b', 0.1, { old: 1 }), trial(0.4, 'c', 0.2), trial(0.5, 'b', 0.3), trial(0.5, 'b', 0.35), trial(0.6, 'a', 0.4)],
    } as unknown as ResultsDoc;
    const narrowed: Space = [
      { name: 'x', dist: makeDistribution('uniform', { min: 0, max: 1 }) },
      { name: 'k', dist: makeDistribution('categorical', { values: ['a', 'b'] }) },
    ];
    // 1.5 is out of [0, 1]; 'c' is no longer a category; the duplicate (0.5, b) is asked once.
    expect(topConfigs(main, narrowed, 3)).toEqual([
      { x: 0.5, k: 'b' },
      { x: 0.6, k: 'a' },
    ]);
    expect(topConfigs(main, space, 1)).toEqual([{ x: 1.5, k: 'b' }]);
  });
});
