import { describe, expect, it } from 'vitest';
import { tableProblem } from '../../bench/fidelity/harness.js';
import { renderFidelity, type Row, type RunInfo } from '../../bench/fidelity/report.js';
import type { CurveTable } from '../../bench/fidelity/table.js';

// Four configurations, two training runs each. Single-run best: d (0.1, a lucky run); expected best: a (mean 0.3).
const TABLE: CurveTable = {
  source: 'test',
  metric: 'loss',
  epochs: 2,
  grid: { x: ['a', 'b', 'c', 'd'] },
  seeds: [0, 1],
  rows: [
    {
      params: { x: 'a' },
      curves: [
        [0.9, 0.4],
        [0.9, 0.2],
      ],
    },
    {
      params: { x: 'b' },
      curves: [
        [0.8, 0.3],
        [0.8, 0.4],
      ],
    },
    {
      params: { x: 'c' },
      curves: [
        [0.7, 0.5],
        [0.7, 0.5],
      ],
    },
    {
      params: { x: 'd' },
      curves: [
        [0.9, 0.1],
        [0.9, 0.7],
      ],
    },
  ],
};

const run = (...xs: (string | undefined)[]): Row['runs'] =>
  xs.map((x) => ({ params: x === undefined ? undefined : { x }, epochs: 10, trials: x === undefined ? 6 : 5 }));

const INFO: RunInfo = {
  command: 'npm run bench:fidelity',
  seeds: 2,
  heldOut: 2,
  budget: 10,
  epochs: 2,
  minutes: 1.25,
  machine: 'test machine',
  date: '2026-12-07',
};

describe('bench:fidelity report (golden)', () => {
  const first = tableProblem(TABLE);
  const rotated = [first, tableProblem(TABLE, 1, 'rotated')];
  const rows: Row[] = [
    { label: 'sweepgate tpe', runs: run('a', 'b', 'a', 'a') },
    { label: 'sweepgate tpe + hyperband check_rungs', runs: run('d', 'a', 'b', undefined) },
    { label: 'Optuna TPE', runs: run('b', 'b', 'c', 'b') },
    { label: 'Optuna TPE + HyperbandPruner', runs: run('d', 'c', 'c', 'c') },
  ];
  const md = renderFidelity(
    [
      { name: 'tabular', source: 'test curves, first run seen', problemAt: () => first, rows },
      { name: 'rotated', source: 'test curves, run s mod 2 seen', problemAt: (s) => rotated[s % 2]!, rows },
    ],
    INFO,
  );

  it('scores each seed set on both scorings against the better Optuna setting on the same seeds', async () => {
    // Expected scoring, seeds 0–1: ours tpe regrets 0, 0.05 (median 0.025); Optuna TPE 0.05, 0.05 → 0.50×, meets.
    expect(md).toContain('| sweepgate tpe | 0.0250 | 0.50× |');
    expect(md).toContain("Best of ours on seeds 0–1: sweepgate tpe, 0.50× the better Optuna setting's median regret (meets");
    // Single-run scoring: d's lucky run is the optimum, so the setting that chose it on seed 0 does best there.
    expect(md).toMatch(/Single-run scoring[^]*Best of ours on seeds 0–1: sweepgate tpe \+ hyperband check_rungs/);
    // Odd seeds see run 2, whose best final value is a's 0.2: the single-run optimum depends on the seed.
    expect(md).toContain('best final value of the run the samplers saw 0.100 to 0.200, by the run seen.');
    // The whole grid trained once, best run seen: on the first run that is d, whose mean is 0.1 behind a's.
    expect(md).toContain('| reference: whole grid, best run seen | 0.100 | 2.00× | 0.100 | 0.80× | 0.100 | 8 | 4 |');
    // A seed where nothing was chosen counts as an infinite regret.
    expect(md).toMatch(/\| sweepgate tpe \+ hyperband check_rungs \| [^|]+ \| [^|]+ \| Infinity \|/);
    await expect(md).toMatchFileSnapshot('fidelity-report.golden.md');
  });
});
