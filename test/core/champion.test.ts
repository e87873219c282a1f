import { describe, expect, it } from 'vitest';
import { championSeeds, planReplay } from '../../src/core/gate/index.js';
import { parseSweepConfig } from '../../src/core/config/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import { trialSeed } from '../../src/core/trial.js';

const space = (parameters: string): Space =>
  parseSweepConfig(`method: random\nobjective: o.mjs\nmetric: {name: loss}\nparameters: ${parameters}\n`, '/r/sweep.yml').space;
const none = (): undefined => undefined;

describe('championSeeds', () => {
  it('are fresh: distinct, reproducible, and none of them a search or repeat seed of the same params', () => {
    const params = { lr: 0.01, units: 16 };
    const seeds = championSeeds(7, params, 10);
    expect(new Set(seeds).size).toBe(10);
    expect(championSeeds(7, params, 10)).toEqual(seeds);
    expect(championSeeds(7, params, 4)).toEqual(seeds.slice(0, 4)); // fewer seeds are a prefix
    for (let r = 0; r < 5; r++) expect(seeds).not.toContain(trialSeed(7, params, r));
    expect(championSeeds(8, params, 10)).not.toEqual(seeds);
  });
});

describe('planReplay: main’s champion on the PR’s space', () => {
  it('an unchanged space replays main’s params as they are', () => {
    const s = space('{lr: {min: 0.001, max: 0.1}, units: {values: [8, 16]}}');
    expect(planReplay({ lr: 0.01, units: 16 }, s, none)).toEqual({ ok: true, params: { lr: 0.01, units: 16 }, adjustments: [] });
  });

  it('a parameter the PR fixes takes the PR’s value, and says so', () => {
    const s = space('{lr: {min: 0.001, max: 0.1}, epochs: {value: 3}}');
    expect(planReplay({ lr: 0.01, epochs: 20 }, s, none)).toEqual({
      ok: true,
      params: { lr: 0.01, epochs: 3 },
      adjustments: [{ name: 'epochs', main: 20, replay: 3, why: 'fixed' }],
    });
  });

  it('a parameter the PR added takes main’s effective value (the default), or is left out when there is none', () => {
    const s = space('{lr: {min: 0.001, max: 0.1}, dropout: {min: 0.0, max: 0.5}}');
    expect(planReplay({ lr: 0.01 }, s, (n) => (n === 'dropout' ? 0 : undefined))).toEqual({
      ok: true,
      params: { lr: 0.01, dropout: 0 },
      adjustments: [{ name: 'dropout', replay: 0, why: 'added' }],
    });
    expect(planReplay({ lr: 0.01 }, s, none)).toEqual({ ok: true, params: { lr: 0.01 }, adjustments: [{ name: 'dropout', why: 'added' }] });
  });

  it('a program or module cannot be replayed when the PR removed a parameter main used, or no longer allows its value', () => {
    const s = space('{lr: {min: 0.001, max: 0.1}}');
    expect(planReplay({ lr: 0.01, units: 16, act: 'relu' }, s, none)).toEqual({
      ok: false,
      reason: "main's best params use units and act, which this PR removed from the search space",
    });
    expect(planReplay({ lr: 0.5 }, s, none)).toEqual({ ok: false, reason: "main's lr = 0.5 is outside this PR's search space for it" });
    expect(planReplay({ units: 32 }, space('{units: {values: [8, 16]}}'), none)).toMatchObject({ ok: false });
  });

  it('the built-in trainer replays main’s value of a parameter the PR removed or no longer searches over it, and says so', () => {
    const s = space('{lr: {min: 0.001, max: 0.1}, units: {values: [8, 16]}}');
    expect(planReplay({ lr: 0.5, units: 32, act: 'relu' }, s, none, { keepMainValues: true })).toEqual({
      ok: true,
      params: { lr: 0.5, units: 32, act: 'relu' },
      adjustments: [
        { name: 'lr', main: 0.5, replay: 0.5, why: 'kept' },
        { name: 'units', main: 32, replay: 32, why: 'kept' },
        { name: 'act', main: 'relu', replay: 'relu', why: 'kept' },
      ],
    });
    // A value still inside the PR's space is no adjustment.
    expect(planReplay({ lr: 0.01, units: 16 }, s, none, { keepMainValues: true })).toEqual({
      ok: true,
      params: { lr: 0.01, units: 16 },
      adjustments: [],
    });
  });
});
