import { describe, expect, it } from 'vitest';
import type { GateRule } from '../../src/core/config/types.js';
import {
  compareChampion,
  normalQuantile,
  normalSurvival,
  replayStop,
  sequentialDesign,
  sequentialVerdict,
  spendingBounds,
  spent,
  type SeedRun,
} from '../../src/core/gate/index.js';

describe('alpha-spending boundaries against reference values computed elsewhere', () => {
  // Lan–DeMets O'Brien–Fleming spending, 3 and 5 equally spaced looks, one-sided 0.025: the example values of R's
  // ldbounds (`ldBounds(t = 3)`, `ldBounds(t = 5)` at two-sided alpha 0.05, whose upper bounds are one-sided 0.025)
  // and gsDesign (`gsDesign(k = 3, test.type = 1, sfu = sfLDOF)`); recomputed here with scipy 1.x on
  // /usr/bin/python3 (multivariate_normal.cdf of the look statistics' joint normal, brentq per look).
  it("O'Brien–Fleming, 3 equally spaced looks, one-sided 0.025: 3.7103, 2.5114, 1.9930", () => {
    const c = spendingBounds(0.025, [1 / 3, 2 / 3, 1], 'obrien-fleming');
    expect(c[0]).toBeCloseTo(3.7103, 3);
    expect(c[1]).toBeCloseTo(2.5114, 3);
    expect(c[2]).toBeCloseTo(1.993, 3);
  });

  it("O'Brien–Fleming, 5 equally spaced looks, one-sided 0.025: 4.8769, 3.3569, 2.6803, 2.2898, 2.0310", () => {
    const expected = [4.8769, 3.3569, 2.6803, 2.2898, 2.031];
    spendingBounds(0.025, [0.2, 0.4, 0.6, 0.8, 1], 'obrien-fleming').forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 3));
  });

  it('Pocock-type spending, 5 equally spaced looks, one-sided 0.025: 2.4380, 2.4268, 2.4101, 2.3966, 2.3860', () => {
    // ldbounds `ldBounds(t = 5, iuse = 2)`; recomputed with scipy as above.
    const expected = [2.438, 2.4268, 2.4101, 2.3966, 2.386];
    spendingBounds(0.025, [0.2, 0.4, 0.6, 0.8, 1], 'pocock').forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 3));
  });

  it("O'Brien–Fleming, looks at 1/4, 1/2, 3/4, 1, one-sided 0.05: 3.74955, 2.53993, 2.01604, 1.72014", () => {
    // The README of SeqBounds.jl (github.com/PharmCat/SeqBounds.jl), `bounds([0.25, 0.5, 0.75, 1.0], 0.05)`; scipy
    // gives 3.749552, 2.539943, 2.016072, 1.720183.
    const expected = [3.74955, 2.53993, 2.01604, 1.72014];
    spendingBounds(0.05, [0.25, 0.5, 0.75, 1], 'obrien-fleming').forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 3));
  });

  it('Pocock-type spending at the fractions of 3, 5 and 10 of 10 seeds, one-sided 0.05: 2.0378, 2.1051, 1.9126', () => {
    // The replay's design before the Hwang–Shih–DeCani one; scipy as above (no published table has these fractions).
    const expected = [2.0378, 2.1051, 1.9126];
    spendingBounds(0.05, [0.3, 0.5, 1], 'pocock').forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 3));
  });

  it('Hwang–Shih–DeCani γ = 4 at the fractions of 3, 5 and 10 of 10 seeds, one-sided 0.05: 1.8043, 2.0817, 2.2761', () => {
    // `/usr/bin/python3 bench/gate_bounds.py 0.05 hsd:4 0.3 0.5 1` (scipy 1.10.1: multivariate_normal cdf of the
    // looks' joint normal and brentq, a different method from spending.ts's recursive integration) prints
    // z 1.8043, 2.0817, 2.2761 and levels 0.03559, 0.01868, 0.01142.
    const expected = [1.8043, 2.0817, 2.2761];
    spendingBounds(0.05, [0.3, 0.5, 1], { hsd: 4 }).forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 3));
  });

  it("Hwang–Shih–DeCani γ = −4 (gsDesign's default upper bound), 3 equally spaced looks, one-sided 0.025: 3.0107, 2.5465, 1.9992", () => {
    // The form α(1 − e^(−γt))/(1 − e^(−γ)) is gsDesign's sfHSD; the values: `/usr/bin/python3 bench/gate_bounds.py
    // 0.025 hsd:-4 1/3 2/3 1` (scipy 1.10.1, as above). γ = 3 at the replay's fractions: 1.8631, 2.0634, 2.1437.
    const expected = [3.0107, 2.5465, 1.9992];
    spendingBounds(0.025, [1 / 3, 2 / 3, 1], { hsd: -4 }).forEach((c, i) => expect(c).toBeCloseTo(expected[i]!, 3));
    const three = [1.8631, 2.0634, 2.1437];
    spendingBounds(0.05, [0.3, 0.5, 1], { hsd: 3 }).forEach((c, i) => expect(c).toBeCloseTo(three[i]!, 3));
  });

  it('Hwang–Shih–DeCani spending: its first look spends α(1 − e^(−γt))/(1 − e^(−γ)) exactly; γ = 0 spends evenly', () => {
    // The first boundary needs no integration: z_{1 − α(t₁)}. α(0.3) for γ = 4 by hand: 0.05 (1 − e^−1.2)/(1 − e^−4).
    const a = (0.05 * (1 - Math.exp(-1.2))) / (1 - Math.exp(-4));
    expect(a).toBeCloseTo(0.035592, 6);
    expect(spent({ hsd: 4 }, 0.05, 0.3)).toBeCloseTo(a, 12);
    expect(spent({ hsd: 0 }, 0.05, 0.3)).toBeCloseTo(0.015, 12);
    expect(spent({ hsd: -4 }, 0.05, 0.3)).toBeLessThan(spent({ hsd: 4 }, 0.05, 0.3));
    expect(normalSurvival(spendingBounds(0.05, [0.3, 1], { hsd: 4 })[0]!)).toBeCloseTo(a, 6);
  });

  it('one look is the fixed test at alpha; the spending functions spend all of alpha by the end and nothing at 0', () => {
    expect(spendingBounds(0.05, [1], 'pocock')[0]).toBeCloseTo(1.6449, 4);
    expect(sequentialDesign(3, 0.05)).toEqual({ looks: [3], levels: [0.05] });
    expect(sequentialDesign(4, 0.01).looks).toEqual([3, 4]);
    for (const s of ['pocock', 'obrien-fleming', { hsd: 4 }, { hsd: -4 }, { hsd: 0 }] as const) {
      expect(spent(s, 0.05, 0)).toBe(0);
      expect(spent(s, 0.05, 1)).toBe(0.05);
      expect(spent(s, 0.05, 0.5)).toBeLessThan(0.05);
    }
    // Pocock-type at t = 0.3: α ln(1 + (e − 1) 0.3), by hand.
    expect(spent('pocock', 0.05, 0.3)).toBeCloseTo(0.05 * Math.log(1 + (Math.E - 1) * 0.3), 12);
  });

  it('the normal distribution: Φ(1.959964) = 0.975, the 0.95 quantile is 1.644854 (tables)', () => {
    expect(normalSurvival(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalSurvival(-1.959964)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(() => normalQuantile(1)).toThrow(/p must be in \(0, 1\), got 1/);
  });

  it('bad fractions are refused with the values', () => {
    expect(() => spendingBounds(0.05, [0.5, 0.3, 1], 'pocock')).toThrow(/got \[0.5, 0.3, 1\]/);
    expect(() => spendingBounds(0.05, [0.5], 'pocock')).toThrow(/end at 1/);
    expect(() => spendingBounds(1.5, [1], 'pocock')).toThrow(/alpha must be in \(0, 1\), got 1.5/);
  });
});

describe('sequentialVerdict', () => {
  const design = sequentialDesign(10, 0.05);

  it('decides past the threshold at the first look when three seeds lose far more than it', () => {
    expect(sequentialVerdict([0.05, 0.06, 0.055], 0.01, design, 0.05)).toMatchObject({
      status: 'regressed',
      why: 'past',
      look: 1,
      seeds: 3,
    });
  });

  it('decides within the threshold when the upper bound of the loss is below it, and not before the look', () => {
    expect(sequentialVerdict([0.001, -0.002], 0.01, design, 0.05)).toBeUndefined();
    expect(sequentialVerdict([0.001, -0.002, 0.0], 0.01, design, 0.05)).toMatchObject({ status: 'pass', why: 'within', look: 1 });
  });

  it('an undecided look waits for the next; the last look decides with the level the design left', () => {
    // A loss about the threshold: neither clearly past nor clearly within.
    const losses = [0.012, 0.004, 0.015, 0.009, 0.02, 0.003, 0.014, 0.011, 0.006, 0.018];
    expect(sequentialVerdict(losses.slice(0, 3), 0.01, design, 0.05)).toBeUndefined();
    expect(sequentialVerdict(losses.slice(0, 7), 0.01, design, 0.05)).toBeUndefined();
    const last = sequentialVerdict(losses, 0.01, design, 0.05)!;
    expect(last).toMatchObject({ look: 3, seeds: 10, why: 'all-seeds', status: 'not-significant' });
    expect(last.level).toBe(design.levels[2]);
  });

  it('a replay cut short of the next look is decided on what ran with the last look’s rule when asked to be final', () => {
    const v = sequentialVerdict([0.012, 0.004, 0.015, 0.009], 0.01, design, 0.05, true)!;
    expect(v).toMatchObject({ seeds: 4, look: 1, why: 'all-seeds' });
    expect(v.level).toBe(design.levels[2]);
  });
});

describe('replayStop and the sequential comparison', () => {
  const rule: GateRule = { metric: 'acc', goal: 'maximize', threshold: { kind: 'absolute', value: 0.01 }, alpha: 0.05 };
  const run = (seed: number, acc: number, status: SeedRun['status'] = 'complete'): SeedRun => ({
    seed,
    key: `k${seed}`,
    status,
    metrics: status === 'complete' ? { acc } : {},
    cached: false,
    durationMs: 1,
  });
  const main = Array.from({ length: 10 }, (_, i) => run(i, 0.9 + (i % 3) * 0.002));

  it('stops only at a look, once every champion rule is decided; a rule on the best alone is not waited for', () => {
    const worse = main.map((r, i) => run(r.seed, r.metrics.acc! - 0.05 + (i % 2) * 0.003));
    expect(replayStop(main, worse.slice(0, 2), [rule], 10)).toBeUndefined();
    expect(replayStop(main, worse.slice(0, 3), [rule], 10)).toEqual({ of: 10, seeds: 3, look: 1, looks: [3, 5, 10], why: 'past' });
    // A second rule, on a metric that is past its threshold by about its threshold, keeps the replay going.
    const two = [rule, { ...rule, threshold: { kind: 'absolute' as const, value: 0.05 }, metric: 'acc2' }];
    const withAcc2 = worse.map((r, i) => ({ ...r, metrics: { ...r.metrics, acc2: 0.9 - 0.05 + (i % 3) * 0.01 } }));
    const mainAcc2 = main.map((r) => ({ ...r, metrics: { ...r.metrics, acc2: 0.9 } }));
    expect(replayStop(mainAcc2, withAcc2.slice(0, 3), two, 10)).toBeUndefined();
    expect(replayStop(main, worse.slice(0, 3), [{ ...rule, on: 'best' }], 10)).toBeUndefined();
    expect(replayStop(main, worse, [{ ...rule, on: 'best' }], 10)).toMatchObject({ seeds: 10, why: 'all-seeds' });
  });

  it('a failed run stops the replay at once', () => {
    expect(replayStop(main, [run(0, 0.9), run(1, 0, 'failed')], [rule], 10)).toMatchObject({ seeds: 2, why: 'failed', look: 1 });
  });

  it('compareChampion decides as the replay stopped, and records after how many of how many seeds and why', () => {
    const same = main.slice(0, 3).map((r) => run(r.seed, r.metrics.acc! + 0.001));
    const c = compareChampion('acc', 'maximize', rule, main, same, { maxSeeds: 10 })!;
    expect(c.status).toBe('pass');
    expect(c.sequential).toMatchObject({ look: 1, seeds: 3, of: 10, why: 'within' });
    // Without the sequential record, the fixed rule on the seeds that ran, as before.
    expect(compareChampion('acc', 'maximize', rule, main, same)!.sequential).toBeUndefined();
  });
});
