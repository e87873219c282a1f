import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { REPLAY_SPENDING, sequentialDesign, sequentialVerdict, spent, studentTSurvival } from '../../src/core/gate/index.js';
import { tScaleLevels } from '../../src/core/gate/t-boundaries.js';

/** The share of `draws` replays of `seeds` per-seed losses, normal about the threshold, that the design fails. */
function simulatedError(seeds: number, alpha: number, draws: number, seed: number): number {
  const design = sequentialDesign(seeds, alpha);
  const g = new Rng(seed);
  let failed = 0;
  for (let s = 0; s < draws; s++) {
    const losses = Array.from({ length: seeds }, () => 0.01 + 0.02 * g.normal());
    if (sequentialVerdict(losses, 0.01, design, alpha)!.status === 'regressed') failed++;
  }
  return failed / draws;
}

describe('t-scale boundaries of the sequential replay', () => {
  it('the replay design (3, 5, 10 of 10 seeds, Hwang–Shih–DeCani γ = 3, one-sided 0.05) against an independent computation', () => {
    // /usr/bin/python3 with numpy 1.24 and scipy 1.10: 4,000,000 replays of 10 standard normals (default_rng
    // 20261207), t statistics at 3, 5, 10 seeds, the first boundary scipy's t.ppf, each later one the value that the
    // spent share of the replays still running exceeds: levels 0.031226, 0.016537, 0.013565. The Monte Carlo error of
    // ours (200,000 replays) is about 2% of the later levels.
    expect(REPLAY_SPENDING).toEqual({ hsd: 3 });
    const d = sequentialDesign(10, 0.05);
    expect(d.looks).toEqual([3, 5, 10]);
    expect(d.levels[0]).toBeCloseTo(0.031226, 6);
    expect(d.levels[1]! / 0.016537).toBeGreaterThan(0.96);
    expect(d.levels[1]! / 0.016537).toBeLessThan(1.04);
    expect(d.levels[2]! / 0.013565).toBeGreaterThan(0.96);
    expect(d.levels[2]! / 0.013565).toBeLessThan(1.04);
  });

  it('the first look is exact: what the spending function spends there', () => {
    const levels = tScaleLevels([3, 10], [spent({ hsd: 3 }, 0.05, 0.3), 0.05 - spent({ hsd: 3 }, 0.05, 0.3)], 20_000);
    expect(levels[0]).toBe(spent({ hsd: 3 }, 0.05, 0.3));
    expect(studentTSurvival(0, 9)).toBeCloseTo(0.5, 12);
  });

  it('is the same on every run (seeded)', () => {
    expect(tScaleLevels([3, 5, 10], [0.03, 0.01, 0.01], 20_000)).toEqual(tScaleLevels([3, 5, 10], [0.03, 0.01, 0.01], 20_000));
  });

  // The point of the t scale: a PR whose loss is exactly the threshold fails with probability alpha over all the
  // looks and both stops, simulated on draws the boundaries never saw (standard error about 0.0009 at 60,000). The
  // normal theory's levels applied to the t-test's p-values gave 0.053 here (300,000 replays; docs/gate.md).
  it('keeps the overall one-sided error at alpha: 10 seeds at 0.05', () => {
    expect(Math.abs(simulatedError(10, 0.05, 60_000, 12345) - 0.05)).toBeLessThan(0.003);
  });

  it('keeps the overall one-sided error at alpha: 20 seeds at 0.10', () => {
    expect(Math.abs(simulatedError(20, 0.1, 30_000, 777) - 0.1)).toBeLessThan(0.006);
  });

  it('refuses looks that are not increasing seed counts of at least 2, with the values', () => {
    expect(() => tScaleLevels([3, 3], [0.01, 0.01])).toThrow(/looks must be increasing seed counts of at least 2, got 3, 3/);
    expect(() => tScaleLevels([1, 3], [0.01, 0.01])).toThrow(/got 1, 3/);
    expect(() => tScaleLevels([3, 5], [0.01])).toThrow(/2 looks but 1 increments/);
  });
});
