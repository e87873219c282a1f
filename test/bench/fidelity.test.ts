import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regret, runOurs, SETTINGS, syntheticProblem, tableProblem } from '../../bench/fidelity/harness.js';
import { addSeed, GRID } from '../../bench/fidelity/record.js';
import { EPOCHS, syntheticLoss, syntheticOptimum } from '../../bench/fidelity/synthetic.js';
import type { CurveTable } from '../../bench/fidelity/table.js';
import { HyperbandPruner } from '../../src/core/pruners/index.js';
import type { Curve } from '../../src/core/pruners/pruner.js';
import { Rng } from '../../src/core/rng.js';

const POINTS: [number, number, number, number][] = [
  [1e-4, 0, 0, 1],
  [0.01, 0.2, 0.5, 3],
  [0.0217, 0.18, 0.54, 27],
  [0.3, 0.9, 1, 9],
  [1, 0.45, 0.1, 27],
];

describe('bench:fidelity synthetic curves', () => {
  it('has its best final configuration learn slowly: behind fast ones after 1, 3 and 9 epochs', () => {
    const { params, loss } = syntheticOptimum();
    expect(loss).toBeCloseTo(syntheticLoss(params, EPOCHS), 12);
    const fast = { lr: 0.1, dropout: 0.1, width: 0.2 };
    for (const t of [1, 3, 9]) expect(syntheticLoss(params, t)).toBeGreaterThan(syntheticLoss(fast, t));
    expect(syntheticLoss(params, EPOCHS)).toBeLessThan(syntheticLoss(fast, EPOCHS) - 0.1);
  });

  // The Python peer defines the same function; both sides must replay the same curves.
  it.skipIf(!existsSync('/usr/bin/python3'))('gives the same values as bench/optuna_fidelity.py', () => {
    const out = execFileSync('/usr/bin/python3', ['bench/optuna_fidelity.py', '--values', JSON.stringify(POINTS)], { encoding: 'utf8' });
    const py = JSON.parse(out) as number[];
    expect(py).toHaveLength(POINTS.length);
    POINTS.forEach(([lr, dropout, width, t], i) => expect(syntheticLoss({ lr, dropout, width }, t)).toBeCloseTo(py[i]!, 13));
  });

  // HyperbandPruner puts trials in brackets by a hash of the study name: with Optuna's default uuid name no two runs
  // were alike. Two runs of the same seeds must now choose the same configurations after the same epochs.
  it.skipIf(!existsSync('/usr/bin/python3'))(
    'runs Optuna deterministically per seed',
    () => {
      const run = (): string =>
        execFileSync(
          '/usr/bin/python3',
          ['bench/optuna_fidelity.py', '--problems', 'tabular', '--seeds', '2', '--first-seed', '5', '--budget', '150'],
          { encoding: 'utf8' },
        );
      const a = run();
      expect(JSON.parse(a).results.tabular['tpe+hyperband']).toHaveLength(2);
      expect(run()).toBe(a);
    },
    60_000,
  );

  it('check_rungs does not prune a slow-learning best configuration that plain hyperband prunes', () => {
    // Random configurations first, then the best one: as a sweep would meet it after some exploration.
    const rng = new Rng(11);
    const configs = Array.from({ length: 20 }, () => ({ lr: 10 ** (-4 + 4 * rng.next()), dropout: 0.9 * rng.next(), width: rng.next() }));
    const best = syntheticOptimum().params;
    const stoppedAt = (pruner: HyperbandPruner): number => {
      const others: Curve[] = [];
      for (const p of [...configs, best]) {
        const c: { step: number; value: number }[] = [];
        for (let t = 1; t <= EPOCHS; t++) {
          c.push({ step: t, value: syntheticLoss(p, t) });
          if (pruner.shouldPrune(c, others)) break;
        }
        if (p === best) return c.length;
        others.push(c);
      }
      throw new Error('unreachable');
    };
    expect(stoppedAt(new HyperbandPruner(SETTINGS.hyperband))).toBeLessThan(EPOCHS);
    expect(stoppedAt(new HyperbandPruner(SETTINGS.checked))).toBe(EPOCHS);
  });
});

describe('bench:fidelity harness', () => {
  it('stops a sweep at exactly the epoch budget, pruned trials included, and scores the chosen configuration', async () => {
    const problem = syntheticProblem();
    const a = await runOurs(problem, 'tpe', SETTINGS.hyperband, 1, 100);
    expect(a.epochs).toBe(100);
    expect(a.trials).toBeGreaterThan(100 / EPOCHS + 1);
    expect(a.params).toBeDefined();
    expect(regret(problem, a.params, 'single')).toBeGreaterThanOrEqual(0);
    expect(regret(problem, a.params, 'expected')).toBe(regret(problem, a.params, 'single'));
    // Deterministic: the same seed gives the same sweep.
    expect(await runOurs(problem, 'tpe', SETTINGS.hyperband, 1, 100)).toEqual(a);
    // Without a pruner 100 epochs are 3 full trials and a fourth stopped at epoch 19, which cannot be chosen.
    const b = await runOurs(problem, 'tpe', SETTINGS.none, 1, 100);
    expect(b).toMatchObject({ epochs: 100, trials: 4 });
  });

  it('replays the first recorded run; scores a choice on that run or on the mean over the runs', async () => {
    const table: CurveTable = {
      source: 'test',
      metric: 'loss',
      epochs: 3,
      grid: { a: [1, 2], b: ['x', 'y'] },
      seeds: [0, 1],
      rows: [
        {
          params: { a: 1, b: 'x' },
          curves: [
            [0.9, 0.5, 0.4],
            [0.9, 0.5, 0.2],
          ],
        },
        {
          params: { a: 1, b: 'y' },
          curves: [
            [0.8, 0.6, 0.3],
            [0.8, 0.6, 0.35],
          ],
        },
        {
          params: { a: 2, b: 'x' },
          curves: [
            [0.7, 0.6, 0.5],
            [0.7, 0.6, 0.5],
          ],
        },
        {
          params: { a: 2, b: 'y' },
          curves: [
            [0.95, 0.5, 0.1],
            [0.95, 0.5, 0.7],
          ],
        },
      ],
    };
    const problem = tableProblem(table);
    expect(problem.runs).toBe(2);
    expect(problem.curve({ a: 2, b: 'y' })).toEqual([0.95, 0.5, 0.1]);
    // Single run: the best first-run final is 0.1 (a lucky run of 2/y); expected: 1/x's mean 0.3 is the best mean.
    expect(problem.optimum.single).toBe(0.1);
    expect(problem.optimum.expected).toBeCloseTo(0.3, 12);
    expect(regret(problem, { a: 1, b: 'y' }, 'single')).toBeCloseTo(0.2, 12);
    expect(regret(problem, { a: 1, b: 'y' }, 'expected')).toBeCloseTo(0.025, 12);
    expect(regret(problem, { a: 2, b: 'y' }, 'single')).toBe(0);
    expect(regret(problem, { a: 2, b: 'y' }, 'expected')).toBeCloseTo(0.1, 12);
    // 12 epochs cover the whole grid without a pruner: the sweep picks the best first run, 2/y.
    const out = await runOurs(problem, 'tpe', undefined, 0, 12);
    expect(out).toMatchObject({ epochs: 12, trials: 4, params: { a: 2, b: 'y' } });
    expect(() => problem.curve({ a: 3, b: 'x' })).toThrow(/no recorded curve/);
  });

  it('with repeats, re-trains the finalists on other recorded runs within the same epochs and picks the best mean', async () => {
    // b is best in run 1 (0.1) but worst on average; a and c are steady. 4 search trials + 3 finalists × 1 re-run.
    const table: CurveTable = {
      source: 'test',
      metric: 'loss',
      epochs: 2,
      grid: { x: ['a', 'b', 'c', 'd'] },
      seeds: [0, 1],
      rows: [
        {
          params: { x: 'a' },
          curves: [
            [0.5, 0.3],
            [0.5, 0.3],
          ],
        },
        {
          params: { x: 'b' },
          curves: [
            [0.5, 0.1],
            [0.5, 0.9],
          ],
        },
        {
          params: { x: 'c' },
          curves: [
            [0.5, 0.35],
            [0.5, 0.35],
          ],
        },
        {
          params: { x: 'd' },
          curves: [
            [0.5, 0.8],
            [0.5, 0.8],
          ],
        },
      ],
    };
    const problem = tableProblem(table);
    expect(problem.curve({ x: 'b' }, 1)).toEqual([0.5, 0.9]);
    const once = await runOurs(problem, 'tpe', undefined, 0, 14);
    expect(once.params).toEqual({ x: 'b' });
    const repeated = await runOurs(problem, 'tpe', undefined, 0, 14, 2);
    expect(repeated).toEqual({ params: { x: 'a' }, epochs: 14, trials: 7 });
    await expect(runOurs(problem, 'tpe', SETTINGS.checked, 0, 14, 2)).rejects.toThrow(/needs no pruner/);
    await expect(runOurs(problem, 'tpe', undefined, 0, 15, 2)).rejects.toThrow(/whole trials/);
  });

  it('adds a recorded seed to every row of the table, and refuses a seed twice or another backend', () => {
    const key = (a: number): string => JSON.stringify(['sgd', a, 1, 4, 0]);
    const rec = (seed: number, backend = 'wasm') => ({
      dataset: 'breast_cancer' as const,
      seed,
      backend,
      curves: new Map(GRID.learning_rate.map((lr) => [key(lr), [lr, seed]])),
    });
    const one = addSeed(undefined, rec(0));
    expect(one.seeds).toEqual([0]);
    expect(one.rows).toHaveLength(GRID.learning_rate.length);
    expect(one.rows[0]).toEqual({
      params: { optimizer: 'sgd', learning_rate: 0.0001, layers: 1, units: 4, dropout: 0 },
      curves: [[0.0001, 0]],
    });
    const two = addSeed(one, rec(3));
    expect(two.seeds).toEqual([0, 3]);
    expect(two.rows[6]!.curves).toEqual([
      [0.1, 0],
      [0.1, 3],
    ]);
    expect(() => addSeed(two, rec(3))).toThrow(/seed 3 is already/);
    expect(() => addSeed(two, rec(4, 'cpu'))).toThrow(/backend cpu/);
  });

  it.each(['breast_cancer', 'digits'])(
    'keeps the committed %s table consistent: one complete curve per configuration and seed',
    (dataset) => {
      const table = JSON.parse(readFileSync(`bench/fidelity/${dataset}_curves.json`, 'utf8')) as CurveTable;
      expect(table.source).toContain(`fixtures/data/${dataset}.csv`);
      expect(table.seeds.length).toBeGreaterThanOrEqual(3);
      expect(table.rows).toHaveLength(168);
      for (const r of table.rows) {
        expect(r.curves).toHaveLength(table.seeds.length);
        for (const c of r.curves) expect(c.filter(Number.isFinite)).toHaveLength(table.epochs);
      }
    },
  );
});
