import { describe, expect, it } from 'vitest';
import type { Space } from '../../src/core/distributions/distribution.js';
import { makeDistribution } from '../../src/core/distributions/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { canonicalJson } from '../../src/core/hash.js';
import type { Params } from '../../src/core/json.js';
import type { Observation, Sampler } from '../../src/core/samplers/sampler.js';
import type { Method } from '../../src/core/config/types.js';
import { createSampler } from '../../src/core/samplers/index.js';
import { Permutation } from '../../src/core/samplers/finite.js';

const continuous: Space = [
  { name: 'lr', dist: makeDistribution('log_uniform_values', { min: 1e-5, max: 1e-1 }) },
  { name: 'dropout', dist: makeDistribution('uniform', { min: 0, max: 0.5 }) },
  { name: 'shift', dist: makeDistribution('normal', { mu: 0, sigma: 2 }) },
];

const mixed: Space = [
  { name: 'optimizer', dist: makeDistribution('categorical', { values: ['sgd', 'adam', 'rmsprop'] }) },
  { name: 'lr', dist: makeDistribution('log_uniform_values', { min: 1e-4, max: 1 }) },
  { name: 'layers', dist: makeDistribution('int_uniform', { min: 1, max: 4 }) },
  { name: 'dropout', dist: makeDistribution('q_uniform', { min: 0, max: 0.5, q: 0.05 }) },
  { name: 'units', dist: makeDistribution('q_log_uniform_values', { min: 16, max: 256, q: 16 }) },
  { name: 'epochs', dist: makeDistribution('constant', { value: 5 }) },
];

const categorical: Space = [
  { name: 'activation', dist: makeDistribution('categorical', { values: ['relu', 'tanh', 'elu'] }) },
  { name: 'batch_norm', dist: makeDistribution('categorical', { values: [true, false] }) },
  { name: 'init', dist: makeDistribution('categorical_w_probabilities', { values: ['he', 'glorot'], probabilities: [0.8, 0.2] }) },
];

/** The same space with only finite supports, for grid search. */
const mixedFinite: Space = mixed.map((p) =>
  p.name === 'lr' ? { name: 'lr', dist: makeDistribution('categorical', { values: [1e-3, 1e-2, 1e-1] }) } : p,
);

/** A deterministic objective of any params: smooth where numeric, a fixed offset per categorical value. */
function objective(p: Params): number {
  let v = 0;
  for (const [k, x] of Object.entries(p)) {
    if (typeof x === 'number') v += Math.sin(3 * Math.log1p(Math.abs(x)) + k.length) ** 2;
    else v += (canonicalJson(x).length % 5) / 5;
  }
  return v;
}

function observe(params: Params, value = objective(params)): Observation {
  return { params, status: 'complete', value, curve: [] };
}

/** Run a sampler sequentially for n asks, returning every proposal. */
function run(sampler: Sampler, n: number, history: Observation[] = []): Params[] {
  const out: Params[] = [];
  for (let i = 0; i < n; i++) {
    const p = sampler.ask(history, []);
    if (p === undefined) break;
    out.push(p);
    history.push(observe(p));
  }
  return out;
}

function expectInSpace(space: Space, p: Params): void {
  expect(Object.keys(p).sort()).toEqual(space.map((q) => q.name).sort());
  for (const { name, dist } of space) expect(dist.contains(p[name]!), `${name}=${JSON.stringify(p[name])} in ${dist.name}`).toBe(true);
}

const key = (p: Params): string => canonicalJson(p);

const spaces: Record<string, { space: Space; finiteSpace: Space }> = {
  continuous: { space: continuous, finiteSpace: mixedFinite },
  mixed: { space: mixed, finiteSpace: mixedFinite },
  'categorical-only': { space: categorical, finiteSpace: categorical },
};

// Enough asks for the model-based samplers to leave their start-up phase (tpe: 10, bayes: parameters + 1).
const ASKS = 14;

describe.each(['grid', 'random', 'quasirandom', 'tpe', 'bayes'] as Method[])('sampler contract: %s', (method) => {
  describe.each(Object.entries(spaces))('%s space', (_, { space: s, finiteSpace }) => {
    const space = method === 'grid' ? finiteSpace : s;

    it('replays the same sequence for the same seed and history, inside the space', () => {
      const a = run(createSampler(method, space, 7), ASKS);
      const b = run(createSampler(method, space, 7), ASKS);
      expect(a.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      for (const p of a) expectInSpace(space, p);
    });

    it('gives a different sequence for a different seed', () => {
      const a = run(createSampler(method, space, 1), ASKS).map(key);
      const b = run(createSampler(method, space, 2), ASKS).map(key);
      expect(b).not.toEqual(a);
    });

    it('does not re-propose a trial that is still running', () => {
      // 9 done + 3 running fills the 12-point categorical space exactly; elsewhere the models are fitted.
      const history: Observation[] = [];
      run(createSampler(method, space, 3), space === categorical ? 9 : ASKS, history);
      const sampler = createSampler(method, space, 3);
      const pending: Params[] = [];
      for (let w = 0; w < 3; w++) {
        const p = sampler.ask(history, pending);
        expect(p).toBeDefined();
        expectInSpace(space, p!);
        expect(pending.map(key)).not.toContain(key(p!));
        pending.push(p!);
      }
    });

    it('asks the same whatever state a previous ask left (stateless)', () => {
      const history: Observation[] = [];
      run(createSampler(method, space, 5), ASKS, history);
      const used = createSampler(method, space, 5);
      used.ask(history.slice(0, 3), []);
      expect(used.ask(history, [])).toEqual(createSampler(method, space, 5).ask(history, []));
    });

    it('skips failed trials and learns from pruned ones without crashing', () => {
      const history: Observation[] = [];
      const sampler = createSampler(method, space, 11);
      for (let i = 0; i < ASKS; i++) {
        const p = sampler.ask(history, []);
        if (!p) break;
        expectInSpace(space, p);
        const v = objective(p);
        if (i % 4 === 1) history.push({ params: p, status: 'failed', value: undefined, curve: [] });
        else if (i % 4 === 2)
          history.push({
            params: p,
            status: 'pruned',
            value: v + 1,
            curve: [
              { step: 1, value: v + 2 },
              { step: 2, value: v + 1 },
            ],
          });
        else if (i % 4 === 3) history.push({ params: p, status: 'pruned', value: undefined, curve: [] });
        else history.push(observe(p, v));
      }
      expect(history.length).toBeGreaterThan(3);
    });
  });
});

describe('grid', () => {
  it('proposes every combination exactly once, then stops', () => {
    const space = mixedFinite.filter((p) => p.name !== 'dropout');
    const sampler = createSampler('grid', space, 4);
    const total = 3 * 3 * 4 * 16;
    const seen = run(sampler, total + 5).map(key);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(
      sampler.ask(
        seen.map((k) => observe(JSON.parse(k) as Params)),
        [],
      ),
    ).toBeUndefined();
  });

  it('shuffles the order by seed', () => {
    const a = run(createSampler('grid', categorical, 1), 12).map(key);
    const b = run(createSampler('grid', categorical, 2), 12).map(key);
    expect(new Set(a)).toEqual(new Set(b));
    expect(a).not.toEqual(b);
  });

  it('counts cached trials and trials in flight as done', () => {
    const all = run(createSampler('grid', categorical, 1), 12);
    const sampler = createSampler('grid', categorical, 9);
    // Cached records may carry their params in another key order; they still match.
    const cached = all.slice(0, 10).map((p) => observe(Object.fromEntries(Object.entries(p).reverse())));
    const next = sampler.ask(cached, [all[10]!]);
    expect(key(next!)).toBe(key(all[11]!));
    expect(sampler.ask(cached, [all[10]!, all[11]!])).toBeUndefined();
  });

  it('rejects a parameter with no finite support, naming it', () => {
    expect(() => createSampler('grid', continuous, 1)).toThrow(ConfigError);
    expect(() => createSampler('grid', continuous, 1)).toThrow(/parameters\.lr: grid search needs a finite set of values/);
  });
});

describe('random', () => {
  it('never repeats a configuration in a finite space until all were tried, then stops', () => {
    const sampler = createSampler('random', categorical, 3);
    const seen = run(sampler, 20).map(key);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('depends on what was tried, not on the order it arrived in', () => {
    const history = run(createSampler('random', mixed, 8), 6).map((p) => observe(p));
    const sampler = createSampler('random', mixed, 8);
    expect(sampler.ask(history.slice().reverse(), [])).toEqual(sampler.ask(history, []));
  });

  it('draws from the priors (categorical probabilities respected)', () => {
    const space: Space = [
      { name: 'x', dist: makeDistribution('categorical_w_probabilities', { values: ['a', 'b'], probabilities: [0.9, 0.1] }) },
      { name: 'y', dist: makeDistribution('uniform', { min: 0, max: 1 }) },
    ];
    const ps = run(createSampler('random', space, 1), 400);
    const share = ps.filter((p) => p.x === 'a').length / ps.length;
    expect(share).toBeGreaterThan(0.84);
    expect(share).toBeLessThan(0.96);
  });
});

describe.each(['tpe', 'bayes'] as Method[])('%s on a categorical-only space', (method) => {
  it('never repeats before exhaustion, then stops', () => {
    const sampler = createSampler(method, categorical, 6);
    const seen = run(sampler, 15).map(key);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });
});

describe('Permutation (grid order)', () => {
  it.each([1, 2, 3, 17, 1000, 4099])('is a bijection of [0, %i)', (n) => {
    const p = new Permutation(n, 42);
    const out = Array.from({ length: n }, (_, k) => p.at(k));
    expect(new Set(out).size).toBe(n);
    expect(Math.min(...out)).toBe(0);
    expect(Math.max(...out)).toBe(n - 1);
  });

  it('handles spaces far too large to list', () => {
    const p = new Permutation(10 ** 12, 1);
    const a = p.at(0);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(10 ** 12);
    expect(p.at(1)).not.toBe(a);
  });
});

describe('createSampler', () => {
  it('names each method and rejects an unknown one', () => {
    for (const m of ['grid', 'random', 'quasirandom', 'tpe', 'bayes'] as Method[]) expect(createSampler(m, categorical, 1).name).toBe(m);
    expect(createSampler('manual', categorical, 1, { manual: [] }).name).toBe('manual');
    expect(() => createSampler('anneal' as Method, categorical, 1)).toThrow(/unknown search method "anneal"/);
  });
});

describe('random sampler under parallelism', () => {
  it('draws the same point whether an earlier trial has finished or is still running', async () => {
    const { createSampler } = await import('../../src/core/samplers/index.js');
    const { makeDistribution } = await import('../../src/core/distributions/index.js');
    const space = [{ name: 'x', dist: makeDistribution('uniform', { min: 0, max: 1 }) }];
    const s = createSampler('random', space, 5);
    const first = s.ask([], [])!;
    const finished = s.ask([{ params: first, status: 'complete', value: 0.3, curve: [] }], []);
    const running = s.ask([], [first]);
    expect(running).toEqual(finished);
    expect(running).not.toEqual(first);
  });
});
