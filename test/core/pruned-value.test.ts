import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/core/samplers/sampler.js';
import { prunedStandIn } from '../../src/core/samplers/pruned-value.js';

const obs = (status: Observation['status'], values: readonly number[]): Observation => ({
  params: {},
  status,
  value: status === 'complete' ? values.at(-1) : undefined,
  curve: values.map((value, i) => ({ step: i + 1, value })),
});

describe('prunedStandIn', () => {
  // Four complete trials: final values 0.1, 0.2, 0.3, 0.4; at step 1 they read 0.9, 0.7, 0.8, 0.6.
  const complete = [
    obs('complete', [0.9, 0.5, 0.1]),
    obs('complete', [0.7, 0.5, 0.2]),
    obs('complete', [0.8, 0.5, 0.3]),
    obs('complete', [0.6, 0.5, 0.4]),
  ];
  const finals = [0.1, 0.2, 0.3, 0.4];

  it("carries a pruned trial's rank at its last step over to the complete trials' final values", () => {
    // Worse at step 1 than all four: the worst final value, not its own 0.95 (an epoch-1 loss on another scale).
    const worst = obs('pruned', [0.95]);
    expect(prunedStandIn(worst, [...complete, worst], finals)).toBeCloseTo(0.4, 12);
    // Better than 3 of 4 at step 1 (quantile 3/4): 0.1 + 0.75 · 0.3 = 0.325.
    const mid = obs('pruned', [0.85]);
    expect(prunedStandIn(mid, [...complete, mid], finals)).toBeCloseTo(0.325, 12);
  });

  it('is never better than the median complete trial', () => {
    const early = obs('pruned', [0.5]);
    expect(prunedStandIn(early, [...complete, early], finals)).toBeCloseTo(0.25, 12);
  });

  it('compares with the other pruned trials that reached the step too, and needs a complete trial', () => {
    const a = obs('pruned', [0.3]);
    const b = obs('pruned', [0.2]);
    // Peers at step 1: four complete and b; only b is better: quantile 1/5, floored at the median.
    expect(prunedStandIn(a, [...complete, a, b], finals)).toBeCloseTo(0.25, 12);
    expect(prunedStandIn(a, [a, b], [])).toBeUndefined();
  });
});
