import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/core/study/index.js';
import type { ResultTrial } from '../../src/core/results.js';
import { progressLine } from '../../src/report/progress.js';

const trial = (over: Partial<ResultTrial> = {}): ResultTrial => ({
  key: 'k',
  params: {},
  status: 'complete',
  metrics: { val_loss: 0.41234 },
  cached: false,
  durationMs: 1200,
  seed: 1,
  history: [],
  stage: 0,
  repeat: 0,
  ...over,
});
const progress = (over: Partial<Progress> = {}): Progress => ({
  index: 3,
  total: 20,
  trial: trial(),
  best: 0.39871,
  elapsedMs: 4100,
  remainingMs: undefined,
  phase: 'search',
  metric: 'val_loss',
  ...over,
});

describe('progressLine', () => {
  it('shows i/n, the value, best so far and an estimate of the time left', () => {
    expect(progressLine(progress())).toBe('[3/20] val_loss=0.4123 (1.2 s) · best 0.3987 · 4.1 s elapsed, ~23.2 s left');
  });
  it('uses the minutes budget for time left when there is one, and says cached / pruned', () => {
    expect(progressLine(progress({ remainingMs: 60_000, trial: trial({ cached: true, status: 'pruned' }) }))).toBe(
      '[3/20] pruned val_loss=0.4123 (cached) · best 0.3987 · 4.1 s elapsed, 1 min left',
    );
  });
  it('does not count finalist reruns against the trial budget', () => {
    expect(progressLine(progress({ index: 22, phase: 'repeat' }))).toMatch(/^\[22: repeat\] /);
  });
  it('shows a dash when there is no value yet', () => {
    expect(progressLine(progress({ best: undefined, trial: trial({ status: 'failed', metrics: {} }) }))).toContain(
      'failed val_loss=— (1.2 s) · best —',
    );
  });
  it('without a sweep metric (W&B grid/random without metric:) shows the status only', () => {
    expect(progressLine(progress({ metric: '', best: undefined }))).toBe('[3/20] complete (1.2 s) · 4.1 s elapsed, ~23.2 s left');
  });
});
