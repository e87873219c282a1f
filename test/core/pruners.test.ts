import { describe, expect, it } from 'vitest';
import type { Curve } from '../../src/core/pruners/pruner.js';
import { Rng } from '../../src/core/rng.js';
import { createPruner, HyperbandPruner, hyperbandBands, MedianPruner } from '../../src/core/pruners/index.js';

const curve = (values: readonly number[], firstStep = 1): Curve => values.map((value, i) => ({ step: firstStep + i, value }));

/**
 * Trials arrive one after another; each reports steps 1..maxStep and is asked about after every report,
 * against every earlier trial's curve (finished or pruned), exactly as the study loop does.
 */
function simulate(
  pruner: HyperbandPruner | MedianPruner,
  qualities: readonly number[],
  maxStep: number,
  shape: (q: number, t: number) => number,
) {
  const curves: Curve[] = [];
  const stoppedAt: number[] = [];
  for (const q of qualities) {
    const c: { step: number; value: number }[] = [];
    let stop = maxStep;
    for (let t = 1; t <= maxStep; t++) {
      c.push({ step: t, value: shape(q, t) });
      if (pruner.shouldPrune(c, curves)) {
        stop = t;
        break;
      }
    }
    curves.push(c);
    stoppedAt.push(stop);
  }
  return stoppedAt;
}

describe('hyperband (ASHA)', () => {
  const rng = new Rng(17);
  const qualities = Array.from({ length: 150 }, () => rng.next());
  // Learning curves that never cross: the final ranking is already visible at every rung.
  const learning = (q: number, t: number): number => q + 1 / t;

  it('places rungs at min_iter · eta^k below max_iter', () => {
    expect(new HyperbandPruner({ minIter: 1, eta: 3, maxIter: 27 }).rungs).toEqual([1, 3, 9]);
    expect(new HyperbandPruner({ minIter: 2, eta: 2, maxIter: 16 }).rungs).toEqual([2, 4, 8]);
  });

  it('prunes the expected share of trials at each rung on a synthetic learning-curve objective', () => {
    const eta = 3;
    const stopped = simulate(new HyperbandPruner({ minIter: 1, eta, maxIter: 27 }), qualities, 27, learning);
    // At the first rung every trial competes with all earlier ones; with i values so far, a new trial goes
    // on with probability max(1, ⌊i/eta⌋)/i (its rank is uniform), so the expected pruned share is exact.
    const n = qualities.length;
    let expected = 0;
    for (let i = 1; i <= n; i++) expected += 1 - Math.max(1, Math.floor(i / eta)) / i;
    expected /= n;
    const prunedFirst = stopped.filter((s) => s === 1).length / n;
    expect(prunedFirst).toBeGreaterThan(expected - 0.08);
    expect(prunedFirst).toBeLessThan(expected + 0.08);
    // Roughly 1/eta of the survivors go on at each later rung, so few trials run to the end.
    const survivors = (rung: number): number => stopped.filter((s) => s > rung).length;
    expect(survivors(3) / survivors(1)).toBeGreaterThan(0.2);
    expect(survivors(3) / survivors(1)).toBeLessThan(0.6);
    expect(stopped.filter((s) => s === 27).length / n).toBeLessThan(0.12);
    // The best trial is never pruned.
    const bestIndex = qualities.indexOf(Math.min(...qualities));
    expect(stopped[bestIndex]).toBe(27);
  });

  it('is asynchronous: the first trial at a rung always goes on, nobody waits for a bracket', () => {
    const pruner = new HyperbandPruner({ minIter: 1, eta: 3 });
    expect(pruner.shouldPrune(curve([100]), [])).toBe(false);
    expect(pruner.shouldPrune(curve([100, 100, 100]), [])).toBe(false);
  });

  it('decides only on the report that crosses a rung, from the curves it is given', () => {
    const pruner = new HyperbandPruner({ minIter: 2, eta: 2 });
    const others = [curve([1, 1, 1, 1]), curve([2, 2, 2, 2])];
    expect(pruner.shouldPrune(curve([9]), others)).toBe(false); // step 1: before the first rung
    expect(pruner.shouldPrune(curve([9, 9]), others)).toBe(true); // step 2 crosses rung 2: worst of 3
    expect(pruner.shouldPrune(curve([9, 9, 9]), others)).toBe(false); // step 3: no rung crossed
    expect(pruner.shouldPrune(curve([9, 0.5]), others)).toBe(false); // best of 3 at the rung
    // A sparse reporter that jumps from step 0 to 5 is judged at rungs 2 and 4: it passes 2 and fails 4.
    const field = [curve([5, 5, 1, 1, 1]), curve([6, 6, 2, 2, 2]), curve([7, 7, 3, 3, 3])];
    expect(
      pruner.shouldPrune(
        [
          { step: 0, value: 9 },
          { step: 5, value: 2.5 },
        ],
        field,
      ),
    ).toBe(true);
    expect(
      pruner.shouldPrune(
        [
          { step: 0, value: 9 },
          { step: 3, value: 2.5 },
        ],
        field,
      ),
    ).toBe(false);
  });

  it("W&B's bands for max_iter + s: ⌊max_iter / eta^i⌋ for i = s..1, ascending, distinct, > 0", () => {
    expect(hyperbandBands(10, 3, 2)).toEqual([1, 3]); // not min_iter · eta^k below max_iter, which adds 9
    expect(hyperbandBands(50, 3, 2)).toEqual([5, 16]);
    expect(hyperbandBands(27, 3, 5)).toEqual([1, 3, 9]); // stops below 1
    expect(hyperbandBands(3, 1.1, 3)).toEqual([2]); // 2.72, 2.47, 2.25 all floor to 2
    expect(hyperbandBands(2, 3, 1)).toEqual([]);
  });

  it('uses explicit rungs exactly, and checks them', () => {
    const p = new HyperbandPruner({ minIter: 5, eta: 3, maxIter: 50, rungs: [5, 16] });
    expect(p.rungs).toEqual([5, 16]);
    // At step 15 (5 · 3) there is no rung, at 16 there is.
    const others = [curve(Array.from({ length: 20 }, () => 1)), curve(Array.from({ length: 20 }, () => 2))];
    expect(p.shouldPrune(curve(Array.from({ length: 15 }, () => 9)), others)).toBe(false);
    expect(p.shouldPrune(curve(Array.from({ length: 16 }, () => 9)), others)).toBe(true);
    expect(() => new HyperbandPruner({ minIter: 1, eta: 3, rungs: [] })).toThrow(/rungs must not be empty/);
    expect(() => new HyperbandPruner({ minIter: 1, eta: 3, rungs: [3, 3] })).toThrow(/rungs must be ascending, got 3 then 3/);
    expect(() => new HyperbandPruner({ minIter: 1, eta: 3, rungs: [0, 3] })).toThrow(/finite and > 0, got 0 at position 0/);
  });

  it("is built from W&B early_terminate fields: max_iter + s gives W&B's bands, min_iter alone min_iter · eta^k", () => {
    expect((createPruner({ type: 'hyperband', minIter: 1, eta: 3, maxIter: 10, s: 2, rungs: [1, 3] }) as HyperbandPruner).rungs).toEqual([
      1, 3,
    ]);
    // A hand-built config without rungs gets the same bands.
    expect((createPruner({ type: 'hyperband', minIter: 0, eta: 3, maxIter: 10, s: 2 }) as HyperbandPruner).rungs).toEqual([1, 3]);
    expect((createPruner({ type: 'hyperband', minIter: 1, eta: 3 }) as HyperbandPruner).rungs.slice(0, 4)).toEqual([1, 3, 9, 27]);
    const p = createPruner({ type: 'hyperband', minIter: 0, eta: 3, maxIter: 27, s: 2 }) as HyperbandPruner;
    expect(p.name).toBe('hyperband');
    expect(p.rungs).toEqual([3, 9]);
    expect(createPruner(undefined)).toBeUndefined();
    expect(() => new HyperbandPruner({ minIter: 1, eta: 1 })).toThrow(/eta must be > 1/);
    expect(() => new HyperbandPruner({ minIter: 4, eta: 3, maxIter: 2 })).toThrow(/max_iter must be > min_iter/);
  });
});

describe('median pruner', () => {
  const others = [curve([5, 4, 3, 2]), curve([6, 5, 4, 3]), curve([7, 6, 5, 4])];

  it('prunes a trial whose best so far is worse than the median of the others at that step', () => {
    const pruner = new MedianPruner({ warmupSteps: 1, minTrials: 3 });
    expect(pruner.shouldPrune(curve([9, 8]), others)).toBe(true); // median at step 2 is 5
    expect(pruner.shouldPrune(curve([9, 5]), others)).toBe(false); // equal to the median: not worse
    expect(pruner.shouldPrune(curve([4.5, 8]), others)).toBe(false); // best so far (4.5) counts, not the last
  });

  it('waits for the warm-up and for enough other trials at the step', () => {
    expect(new MedianPruner({ warmupSteps: 2, minTrials: 1 }).shouldPrune(curve([99, 99]), others)).toBe(false);
    expect(new MedianPruner({ warmupSteps: 2, minTrials: 1 }).shouldPrune(curve([99, 99, 99]), others)).toBe(true);
    // Only two others reached step 4 with a shorter third; three are required.
    expect(
      new MedianPruner({ warmupSteps: 0, minTrials: 3 }).shouldPrune(curve([99, 99, 99, 99]), [...others.slice(0, 2), curve([1, 1])]),
    ).toBe(false);
  });

  it("reads another trial's value at the step from its latest report at or before it", () => {
    const sparse = [
      [
        { step: 0, value: 1 },
        { step: 10, value: 0.5 },
      ],
      [
        { step: 0, value: 2 },
        { step: 10, value: 0.6 },
      ],
    ];
    // At step 5 the others stand at 1 and 2 (median 1.5).
    const pruner = new MedianPruner({ warmupSteps: 0, minTrials: 2 });
    expect(pruner.shouldPrune([{ step: 5, value: 1.6 }], sparse)).toBe(true);
    expect(pruner.shouldPrune([{ step: 5, value: 1.4 }], sparse)).toBe(false);
  });

  it('prunes about half of a random field at the first step after warm-up', () => {
    const rng = new Rng(2);
    const q = Array.from({ length: 80 }, () => rng.next());
    const stopped = simulate(new MedianPruner({ warmupSteps: 2, minTrials: 5 }), q, 10, (x, t) => x + 1 / t);
    // Every earlier trial reached step 3, so a new trial's rank there is uniform against all of them.
    expect(stopped.every((s) => s >= 3)).toBe(true);
    const atFirst = stopped.slice(5).filter((s) => s === 3).length / (q.length - 5);
    expect(atFirst).toBeGreaterThan(0.35);
    expect(atFirst).toBeLessThan(0.65);
    expect(stopped.slice(0, 5).every((s) => s === 10)).toBe(true);
  });

  it('is built from early_terminate: median', () => {
    expect(createPruner({ type: 'median', warmupSteps: 3, minTrials: 4 })?.name).toBe('median');
    expect(() => new MedianPruner({ warmupSteps: -1, minTrials: 1 })).toThrow(/warmup/);
  });
});
