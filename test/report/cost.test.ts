import { describe, expect, it } from 'vitest';
import type { GateRule } from '../../src/core/config/types.js';
import type { RunCost } from '../../src/core/cost.js';
import { compareResults, type SeedRun } from '../../src/core/gate/index.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { costLine } from '../../src/report/cost.js';
import { buildReport } from '../../src/report/markdown.js';

describe('the cost line', () => {
  const counts = (spent: number, cache = 0, sequentialStop = 0, replayOnly = 0) => ({ spent, cache, sequentialStop, replayOnly });
  it('names what was spent and each saver above zero, epochs beside trainings, estimates marked ≈', () => {
    const cost: RunCost = {
      trainings: counts(4, 24, 5, 8),
      epochs: { ...counts(80, 480, 100, 160), estimated: ['sequentialStop', 'replayOnly'] },
    };
    expect(costLine(cost)).toBe(
      '**Cost**: 4 trainings (80 epochs) · saved 24 by the cache (480 epochs), 5 by the sequential stop (≈ 100 epochs), 8 by replay-only (≈ 160 epochs)',
    );
  });
  it('without epochs (programs, modules) and with nothing saved', () => {
    expect(costLine({ trainings: counts(1) })).toBe('**Cost**: 1 training · nothing saved');
    expect(costLine({ trainings: counts(12_000, 1) })).toBe('**Cost**: 12,000 trainings · saved 1 by the cache');
  });
});

const RULE: GateRule = { metric: 'val_accuracy', goal: 'maximize', threshold: { kind: 'absolute', value: 0.01 }, alpha: 0.05 };
const PARAMS = { learning_rate: 0.004, units: 16 };
const SEEDS = [11, 12, 13, 14, 15, 16, 17, 18];
const MAIN = [0.965, 0.958, 0.972, 0.961, 0.968, 0.955, 0.97, 0.963];

const seedRun = (seed: number, acc: number, cached: boolean): SeedRun => ({
  seed,
  key: `k${seed}`,
  status: 'complete',
  metrics: { val_accuracy: acc },
  cached,
  durationMs: 900,
  steps: 20,
});

function trial(i: number, acc: number): ResultTrial {
  return {
    key: `t${i}`,
    params: { learning_rate: 0.001 * (i + 1), units: 16 },
    status: 'complete',
    metrics: { val_accuracy: acc },
    cached: false,
    durationMs: 1000,
    seed: i,
    history: [],
    stage: 0,
    repeat: 0,
  };
}

function doc(over: Partial<ResultsDoc>): ResultsDoc {
  return {
    sweep: 'cancer',
    configHash: 'c1',
    method: 'bayes',
    metric: { name: 'val_accuracy', goal: 'maximize' },
    backend: 'wasm',
    best: { key: 't3', params: PARAMS, metrics: { val_accuracy: 0.97 }, samples: { val_accuracy: [0.97] } },
    trials: [0.95, 0.96, 0.94, 0.97].map((v, i) => trial(i, v)),
    stats: { trials: 4, trained: 4, cached: 0, pruned: 0, failed: 0, wallMs: 5200, stopReason: 'trials', budget: { trials: 8 } },
    gate: [RULE],
    seed: 3,
    createdAt: '2026-12-07T00:00:00.000Z',
    ...over,
  };
}

const main = doc({ champion: { params: PARAMS, runs: SEEDS.map((s, i) => seedRun(s, MAIN[i]!, false)) }, sha: 'a1b2c3d4e5f6' });

/** A replay-only PR: no trials, no best, main's champion replayed on its seeds (`cached` of them from the cache). */
function replayOnlyPr(shift: number, cached: number, gate: readonly GateRule[] = [RULE]): ResultsDoc {
  return doc({
    best: null,
    trials: [],
    stats: { trials: 0, trained: 0, cached: 0, pruned: 0, failed: 0, wallMs: 0, stopReason: 'trials', budget: { trials: 8 } },
    gate,
    replayOnly: { mainSha: 'a1b2c3d4e5f6' },
    replay: { params: PARAMS, adjustments: [], runs: SEEDS.map((s, i) => seedRun(s, MAIN[i]! - shift, i < cached)) },
    cost: {
      trainings: { spent: SEEDS.length - cached, cache: cached, sequentialStop: 0, replayOnly: 8 },
      epochs: { spent: 20 * (SEEDS.length - cached), cache: 20 * cached, sequentialStop: 0, replayOnly: 160, estimated: ['replayOnly'] },
    },
  });
}

describe('a replay-only PR’s report', () => {
  it('says the search ran on main only, shows main’s best params, and counts what replay-only saved (golden)', async () => {
    const pr = replayOnlyPr(0.031, 0);
    const md = buildReport({ results: pr, comparison: compareResults(main, pr, pr.gate), marker: '<!-- sweepgate:cancer -->' });
    await expect(md).toMatchFileSnapshot('__golden__/replay-only.md');
    expect(md).toMatch(/❌ \*\*Regression\*\*: main's best config loses 3\.1 points of val_accuracy on this PR/);
    expect(md).toContain('**Best hyperparameters: main’s** (the search ran on main only; the replay trained these)');
    expect(md).toContain('- **Trials**: none: a replay-only PR (`pr.search: false`), the search ran on main only (<code>a1b2c3d</code>)');
    expect(md).toContain('- **Cost**: 8 trainings (160 epochs) · saved 8 by replay-only (≈ 160 epochs)');
    expect(md).not.toContain('**Budget**');
    expect(md).not.toContain('No trial finished');
    expect(md).not.toContain('```mermaid'); // no search, no convergence chart
  });

  it('passes an unchanged PR in words that name main’s best', () => {
    const pr = replayOnlyPr(0, 8);
    const md = buildReport({ results: pr, comparison: compareResults(main, pr, pr.gate) });
    expect(md).toContain(
      "✅ **No regression**: main's best config scores val_accuracy 0.964, exactly as on main on this PR (8 seeds, identical runs). Search result: the search ran on main only (a replay-only PR), main’s best val_accuracy = **0.97**.",
    );
    expect(md).toContain('- **Cost**: 0 trainings (0 epochs) · saved 8 by the cache (160 epochs), 8 by replay-only (≈ 160 epochs)');
  });

  it('a rule on best cannot be evaluated: it fails as missing, and a warning says why', () => {
    const pr = replayOnlyPr(0, 8, [{ ...RULE, on: 'both' }]);
    const c = compareResults(main, pr, pr.gate);
    expect(c.regressed).toBe(true);
    const md = buildReport({ results: pr, comparison: c });
    expect(md).toContain(
      '> Rules on this PR’s best cannot be evaluated on a replay-only PR, which runs no search, so they fail: val_accuracy (on: both). Gate them on: champion, or let this PR search (pr.search: true).',
    );
    expect(md).toContain('❌ **Regression**');
  });
});

describe('a searching PR’s report has the cost line in its Run section', () => {
  it('after the replay line, before the budget', () => {
    const pr = doc({
      replay: { params: PARAMS, adjustments: [], runs: SEEDS.slice(0, 3).map((s, i) => seedRun(s, MAIN[i]!, false)) },
      cost: { trainings: { spent: 7, cache: 0, sequentialStop: 5, replayOnly: 0 } },
    });
    const md = buildReport({ results: pr, comparison: compareResults(main, pr, pr.gate) });
    const run = md.split('**Run**')[1]!.split('\n\n')[1]!.split('\n');
    expect(run.map((l) => l.split('**')[1])).toEqual(['Trials', 'Champion replay', 'Cost', 'Budget', 'Search']);
    expect(run[2]).toBe('- **Cost**: 7 trainings · saved 5 by the sequential stop');
  });
});
