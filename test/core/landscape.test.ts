import { describe, expect, it } from 'vitest';
import type { Space } from '../../src/core/distributions/distribution.js';
import type { Params } from '../../src/core/json.js';
import type { ResultTrial } from '../../src/core/results.js';
import { batchRows, boundaryNotes, costPoints, curveNotes, paramImportance, axisOf } from '../../src/core/landscape/index.js';
import { curve, docOf, param, sweepDoc, trialOf, type Outcome } from '../report/landscape-fixtures.js';

const metric = { name: 'val_loss', goal: 'minimize' as const };

/** Five parameters of every kind; only `a` (log) and `c` (categorical) move the loss. */
const FIVE: Space = [
  param('a', 'log_uniform_values', { min: 1e-4, max: 1 }),
  param('b', 'uniform', { min: 0, max: 1 }),
  param('c', 'categorical', { values: ['x', 'y', 'z'] }),
  param('d', 'int_uniform', { min: 1, max: 10 }),
  param('e', 'uniform', { min: -5, max: 5 }),
];
const twoOfFive = (p: Params, rng: { normal(): number }): Outcome => ({
  loss: (Math.log10(p.a as number) + 2) ** 2 + (p.c === 'x' ? 0 : p.c === 'y' ? 1.5 : 3) + 0.3 * rng.normal(),
});

describe('parameter importance', () => {
  it.each([1, 2, 3, 4, 5])('ranks the 2 parameters that matter first and second, of 5 (seed %i, 40 random trials)', (seed) => {
    const imp = paramImportance(sweepDoc(FIVE, 40, twoOfFive, seed).trials, FIVE, metric);
    expect(
      imp
        .slice(0, 2)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(imp.reduce((s, p) => s + p.importance, 0)).toBeCloseTo(1, 10);
    for (const p of imp.slice(2)) expect(p.importance).toBeLessThan(0.15);
  });

  it('gives the same numbers for the same trials in any order, and the ranking for a maximised metric too', () => {
    const doc = sweepDoc(FIVE, 30, twoOfFive, 9);
    const a = paramImportance(doc.trials, FIVE, metric);
    expect(paramImportance([...doc.trials].reverse(), FIVE, metric)).toEqual(a);
    const flipped = doc.trials.map((t): ResultTrial => ({
      ...t,
      metrics: t.metrics.val_loss === undefined ? {} : { val_loss: -t.metrics.val_loss },
    }));
    expect(paramImportance(flipped, FIVE, { name: 'val_loss', goal: 'maximize' })).toEqual(a);
  });

  it('estimates nothing under 8 finished trials, and leaves out constants', () => {
    expect(paramImportance(sweepDoc(FIVE, 7, twoOfFive).trials, FIVE, metric)).toEqual([]);
    const withConstant: Space = [...FIVE, param('k', 'constant', { value: 3 })];
    expect(paramImportance(sweepDoc(withConstant, 20, twoOfFive).trials, withConstant, metric).map((p) => p.name)).not.toContain('k');
  });
});

/** `n` trials with the parameter spread evenly over its range (unit coordinate i/(n-1)) and the loss `loss(value)`. */
function spread(space: Space, n: number, loss: (v: number, i: number) => number | undefined) {
  const p = space[0]!;
  return docOf(
    'b',
    Array.from({ length: n }, (_, i) => {
      const v = p.dist.fromUnit(i / (n - 1)) as number;
      const l = loss(v, i);
      return trialOf(i, { [p.name]: v }, l === undefined ? {} : { loss: l });
    }),
  ).trials;
}

describe('boundary check', () => {
  const dropout: Space = [param('dropout', 'uniform', { min: 0.8, max: 0.98 })];

  it('names the parameter, the end and a new bound when the best crowd the low end', () => {
    const notes = boundaryNotes(
      spread(dropout, 12, (v) => v),
      dropout,
      metric,
    );
    expect(notes).toEqual([expect.objectContaining({ kind: 'widen', param: 'dropout', end: 'low', suggested: 0.76, atLimit: false })]);
  });

  it('says nothing when the best sit inside the range', () => {
    expect(
      boundaryNotes(
        spread(dropout, 12, (v) => Math.abs(v - 0.89)),
        dropout,
        metric,
      ),
    ).toEqual([]);
  });

  it('says nothing for a numeric parameter with under 5 values: every value is an end or next to one', () => {
    const layers: Space = [param('layers', 'int_uniform', { min: 1, max: 4 })];
    expect(
      boundaryNotes(
        spread(layers, 12, (v) => v),
        layers,
        metric,
      ),
    ).toEqual([]);
    const five: Space = [param('layers', 'int_uniform', { min: 1, max: 5 })];
    expect(
      boundaryNotes(
        spread(five, 12, (v) => v),
        five,
        metric,
      ),
    ).toHaveLength(1);
  });

  it('says nothing for a categorical parameter or an unbounded one', () => {
    const cat: Space = [param('opt', 'categorical', { values: [1, 2, 3, 4] }), param('n', 'normal', { mu: 0, sigma: 1 })];
    const doc = sweepDoc(cat, 20, (p) => ({ loss: (p.opt as number) + (p.n as number) }));
    expect(boundaryNotes(doc.trials, cat, metric)).toEqual([]);
  });

  it('calls 0 a hard limit for a range starting at 0, 1 for an integer count and 1 above a probability', () => {
    const zero: Space = [param('dropout', 'uniform', { min: 0, max: 0.5 })];
    expect(
      boundaryNotes(
        spread(zero, 12, (v) => v),
        zero,
        metric,
      ),
    ).toEqual([expect.objectContaining({ kind: 'hard-limit', end: 'low', limit: 0 })]);
    const layers: Space = [param('layers', 'int_uniform', { min: 1, max: 8 })];
    expect(
      boundaryNotes(
        spread(layers, 16, (v) => v),
        layers,
        metric,
      ),
    ).toEqual([expect.objectContaining({ kind: 'hard-limit', end: 'low', limit: 1 })]);
    const momentum: Space = [param('momentum', 'uniform', { min: 0.5, max: 1 })];
    expect(
      boundaryNotes(
        spread(momentum, 12, (v) => -v),
        momentum,
        metric,
      ),
    ).toEqual([expect.objectContaining({ kind: 'hard-limit', end: 'high', limit: 1 })]);
  });

  it('widens a log range by a factor (a quarter of its decades, at most one), and stops a linear one at its hard limit', () => {
    const lr: Space = [param('lr', 'log_uniform_values', { min: 1e-4, max: 1e-2 })];
    expect(
      boundaryNotes(
        spread(lr, 12, (v) => -v),
        lr,
        metric,
      ),
    ).toEqual([expect.objectContaining({ kind: 'widen', end: 'high', suggested: 0.032 })]);
    const wide: Space = [param('lr', 'log_uniform_values', { min: 1e-6, max: 1 })];
    expect(
      boundaryNotes(
        spread(wide, 12, (v) => v),
        wide,
        metric,
      ),
    ).toEqual([expect.objectContaining({ kind: 'widen', end: 'low', suggested: 1e-7 })]);
    const d: Space = [param('dropout', 'uniform', { min: 0.1, max: 0.5 })];
    expect(
      boundaryNotes(
        spread(d, 12, (v) => v),
        d,
        metric,
      ),
    ).toEqual([expect.objectContaining({ kind: 'widen', end: 'low', suggested: 0, atLimit: true })]);
  });

  it('says instability, not widen, when failed trials crowd that edge too', () => {
    const lr: Space = [param('lr', 'log_uniform_values', { min: 1e-4, max: 1 })];
    // The loss falls as the learning rate grows, and 3 of the 6 trials in the top edge diverge.
    const trials = spread(lr, 30, (v, i) => ([24, 26, 27].includes(i) ? undefined : -Math.log(v)));
    expect(boundaryNotes(trials, lr, metric)).toEqual([expect.objectContaining({ kind: 'unstable', end: 'high' })]);
    // Two failures there are not enough: chance, or another parameter's doing.
    let kept = 0;
    const fewer = trials.map((t) =>
      t.status === 'failed' && ++kept > 2 ? { ...t, status: 'complete' as const, metrics: { val_loss: 9 } } : t,
    );
    expect(boundaryNotes(fewer, lr, metric)).toEqual([expect.objectContaining({ kind: 'widen', end: 'high' })]);
  });
});

/** Three best trials (losses 1, 2, 3) with the given curves. */
function withCurves(...curves: number[][]) {
  return docOf(
    'c',
    curves.map((h, i) => trialOf(i, { x: i }, { loss: i + 1, history: h })),
  ).trials;
}

describe('training-curve checks', () => {
  const falling = curve(3, 1, 10);
  const plateau = curve(3, 1, 10, (t) => t ** 4);
  const overfit = [3, 2, 1.5, 1.2, 1, 1.1, 1.25, 1.4, 1.5, 1.6];
  const noisy = [3, 2, 1.6, 1.4, 1.3, 1.5, 1.25, 1.55, 1.2, 1.5];

  it('notes still improving when the best curves fall at their last epoch', () => {
    expect(curveNotes(withCurves(falling, falling, plateau), metric)).toEqual([{ check: 'still-improving', trials: [1, 2], of: 3 }]);
  });

  it('notes overfitting when the metric worsens after its best epoch', () => {
    expect(curveNotes(withCurves(overfit, overfit, plateau), metric).map((n) => n.check)).toEqual(['overfitting']);
  });

  it('notes noisy last epochs', () => {
    expect(curveNotes(withCurves(noisy, plateau, noisy), metric).map((n) => n.check)).toEqual(['noisy']);
  });

  it('says nothing for converged curves, for one curve of three, or for short curves', () => {
    expect(curveNotes(withCurves(plateau, plateau, plateau), metric)).toEqual([]);
    expect(curveNotes(withCurves(plateau, overfit, plateau), metric)).toEqual([]);
    expect(curveNotes(withCurves([3, 2, 1], [3, 2, 1]), metric)).toEqual([]);
  });

  it('reads a maximised metric the right way up', () => {
    const acc = (c: number[]) => c.map((v) => 1 - v / 10);
    const trials = withCurves(acc(overfit), acc(overfit), acc(plateau)).map((t, i) => ({ ...t, metrics: { val_loss: 1 - i } }));
    expect(curveNotes(trials, { name: 'val_loss', goal: 'maximize' }).map((n) => n.check)).toEqual(['overfitting']);
  });
});

describe('cost beside quality', () => {
  it('marks the Pareto front: the best metric for the time spent', () => {
    const trials = docOf('t', [
      trialOf(0, {}, { loss: 0.5, durationMs: 100 }),
      trialOf(1, {}, { loss: 0.6, durationMs: 200 }),
      trialOf(2, {}, { loss: 0.3, durationMs: 300 }),
      trialOf(3, {}, { loss: 0.3, durationMs: 400 }),
      trialOf(4, {}, {}),
    ]).trials;
    expect(costPoints(trials, metric).map((p) => [p.number, p.front])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, false],
    ]);
  });

  it('gives time per epoch beside the best metric per batch size, only when the batch size is searched', () => {
    const space: Space = [param('batch_size', 'categorical', { values: [16, 64] })];
    const trials = docOf('b', [
      trialOf(0, { batch_size: 16 }, { loss: 0.2, durationMs: 4000, history: [1, 1, 1, 1] }),
      trialOf(1, { batch_size: 16 }, { loss: 0.3, durationMs: 8000, history: [1, 1, 1, 1] }),
      trialOf(2, { batch_size: 64 }, { loss: 0.4, durationMs: 1000, history: [1, 1] }),
    ]).trials;
    expect(batchRows(trials, space, metric)).toEqual({
      name: 'batch_size',
      rows: [
        { batchSize: 16, trials: 2, msPerEpoch: 1500, best: 0.2 },
        { batchSize: 64, trials: 1, msPerEpoch: 500, best: 0.4 },
      ],
    });
    expect(batchRows(trials, [param('units', 'categorical', { values: [16, 64] })], metric)).toBeUndefined();
  });
});

describe('axis plots', () => {
  it('buckets a log range log-spaced and keeps the best per bucket', () => {
    const lr: Space = [param('lr', 'log_uniform_values', { min: 1e-4, max: 1 })];
    const axis = axisOf(
      lr[0]!,
      spread(lr, 16, (v) => (Math.log10(v) + 2) ** 2),
      metric,
    )!;
    expect(axis.range.log).toBe(true);
    expect(axis.buckets).toHaveLength(8);
    expect(axis.buckets[0]!.at).toBeCloseTo(10 ** -3.75, 8);
    const best = axis.buckets.reduce((a, b) => (b.best < a.best ? b : a));
    expect(Math.log10(best.at)).toBeCloseTo(-2.25, 8);
  });

  it('has one bucket per value for a parameter with few values, and none for a categorical one', () => {
    const layers: Space = [param('layers', 'int_uniform', { min: 1, max: 3 })];
    expect(
      axisOf(
        layers[0]!,
        spread(layers, 9, (v) => v),
        metric,
      )!.buckets.map((b) => b.at),
    ).toEqual([1, 2, 3]);
    const cat = param('opt', 'categorical', { values: ['a', 'b'] });
    expect(axisOf(cat, docOf('x', [trialOf(0, { opt: 'a' }, { loss: 1 })]).trials, metric)).toBeUndefined();
  });
});
