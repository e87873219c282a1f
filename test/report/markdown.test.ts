import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/core/comparison.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { convergenceChart } from '../../src/report/chart.js';
import { cell, num } from '../../src/report/format.js';
import { buildReport } from '../../src/report/markdown.js';

function trial(i: number, val: number | undefined, over: Partial<ResultTrial> = {}): ResultTrial {
  return {
    key: `${i}`.padStart(64, 'a'),
    params: { learning_rate: 0.001 * (i + 1), units: 16 * (i + 1), optimizer: i % 2 ? 'adam' : 'sgd' },
    status: val === undefined ? 'failed' : 'complete',
    metrics: val === undefined ? {} : { val_loss: val, val_accuracy: 1 - val / 2 },
    cached: i % 3 === 0,
    durationMs: 1200 + i * 10,
    seed: 100 + i,
    history: [],
    stage: 0,
    repeat: 0,
    ...(val === undefined ? { error: 'TrialError: loss became NaN at epoch 3 | <b>bad</b>' } : {}),
    ...over,
  };
}

function results(over: Partial<ResultsDoc> = {}): ResultsDoc {
  const trials = [trial(0, 0.52), trial(1, 0.41), trial(2, undefined), trial(3, 0.38, { status: 'pruned', history: [{ step: 4, metrics: { val_loss: 0.38 } }] }), trial(4, 0.33), trial(5, 0.35)];
  return {
    sweep: 'iris-mlp',
    configHash: 'c1',
    method: 'bayes',
    metric: { name: 'val_loss', goal: 'minimize' },
    backend: 'wasm',
    best: { key: trials[4]!.key, params: trials[4]!.params, metrics: { val_loss: 0.33, val_accuracy: 0.835 }, samples: { val_loss: [0.33], val_accuracy: [0.835] } },
    trials,
    stats: { trials: 6, trained: 4, cached: 2, pruned: 1, failed: 1, wallMs: 7300, stopReason: 'trials', budget: { trials: 6, minutes: 10 } },
    gate: [{ metric: 'val_loss', goal: 'minimize', threshold: { kind: 'relative', fraction: 0.02 }, alpha: 0.05 }],
    seed: 7,
    createdAt: '2026-11-29T00:00:00.000Z',
    ...over,
  };
}

const regressed: Comparison = {
  hasBaseline: true,
  regressed: true,
  configChanged: true,
  gateChanged: false,
  baselineParams: { learning_rate: 0.002, units: 32, optimizer: 'adam' },
  currentParams: results().best!.params,
  metrics: [
    { metric: 'val_loss', goal: 'minimize', baseline: 0.3, current: 0.33, delta: 0.03, relDelta: 0.1, improved: false, threshold: { kind: 'relative', fraction: 0.02 }, alpha: 0.05, status: 'regressed' },
    { metric: 'val_accuracy', goal: 'maximize', baseline: 0.85, current: 0.835, delta: -0.015, relDelta: -0.015 / 0.85, improved: false, status: 'pass' },
  ],
};

describe('buildReport', () => {
  it('renders a regression against main (golden)', async () => {
    const md = buildReport({ results: results(), comparison: regressed, marker: '<!-- sweepgate:iris-mlp -->', runUrl: 'https://github.example/o/r/actions/runs/1' });
    await expect(md).toMatchFileSnapshot('__golden__/regression.md');
    expect(md.startsWith('<!-- sweepgate:iris-mlp -->\n')).toBe(true);
    expect(md).toContain('❌ **Regression**: val_loss went from 0.3 on main to 0.33 (+10.0%), past the 2% gate.');
    expect(md).toContain('sweep config differs');
  });

  it('renders a first run with no baseline (golden)', async () => {
    const md = buildReport({ results: results(), comparison: { hasBaseline: false, regressed: false, configChanged: false, gateChanged: false, metrics: [] }, baselineHowTo: 'Merge to main to record one.' });
    await expect(md).toMatchFileSnapshot('__golden__/no-baseline.md');
    expect(md).toContain('✅ **No baseline yet**');
    expect(md).toContain('Merge to main to record one.');
  });

  it('does not call an ungated worsening "within the gate"', () => {
    const c: Comparison = { ...regressed, regressed: false, configChanged: false, metrics: [{ metric: 'val_loss', goal: 'minimize', baseline: 0.3, current: 0.33, delta: 0.03, relDelta: 0.1, improved: false, status: 'pass' }] };
    const md = buildReport({ results: results(), comparison: c });
    expect(md).toContain('worse than (not gated) main');
    expect(md).not.toContain('within the gate');
  });

  it('says plainly when no trial completed', () => {
    const md = buildReport({ results: results({ best: null, trials: [trial(0, undefined)] }) });
    expect(md).toContain('❌ **No trial completed**');
    expect(md).toContain('loss became NaN');
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('cannot have its tables broken by hostile values', () => {
    const hostile = 'a|b`c<script>\n| x |';
    const r = results({ best: { key: 'k', params: { [hostile]: hostile }, metrics: { val_loss: 1 }, samples: {} } });
    const md = buildReport({ results: r });
    const table = md.split('**Best hyperparameters**')[1]!.split('\n\n')[1]!;
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    // every row has exactly the 3 unescaped pipes of a 2-column table
    for (const line of lines) expect(line.replace(/\\\|/g, '').split('|').length - 1).toBe(3);
    expect(md).not.toContain('<script>');
  });

  it('stays under the size cap by dropping detail first', () => {
    const many = Array.from({ length: 400 }, (_, i) => trial(i, 1 / (i + 2), { params: { blob: 'x'.repeat(3000), i } }));
    const r = results({ trials: many });
    const md = buildReport({ results: r, comparison: regressed, maxChars: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toContain('❌ **Regression**');
    const full = buildReport({ results: r, comparison: regressed, maxChars: Number.POSITIVE_INFINITY });
    expect(full.length).toBeGreaterThan(20_000);
  });
});

describe('format', () => {
  it('formats numbers readably', () => {
    expect(num(0.123456)).toBe('0.1235');
    expect(num(3)).toBe('3');
    expect(num(1.5e-7)).toBe('1.5e-7');
    expect(cell('a|b')).toBe('a\\|b');
  });
});

describe('convergenceChart', () => {
  it('plots best-so-far for minimize and maximize', () => {
    const pts = (vs: (number | undefined)[]) => vs.map((value) => ({ value, counts: true }));
    const min = convergenceChart(pts([3, 2, undefined, 4, 1]), 'loss', 'minimize');
    expect(min).toContain('line [3, 2, 2, 2, 1]');
    expect(min).toContain('bar [3, 2, 0.85, 4, 1]'); // the failed trial sits on the padded axis floor: an empty bar
    const max = convergenceChart(pts([0.5, 0.7, 0.6]), 'acc', 'maximize');
    expect(max).toContain('line [0.5, 0.7, 0.7]');
    expect(max).toMatch(/^```mermaid\nxychart-beta/);
  });
  it('draws pruned trials as bars but never counts them as the best', () => {
    const chart = convergenceChart([{ value: 0.5, counts: true }, { value: 0.1, counts: false }, { value: 0.4, counts: true }], 'loss', 'minimize');
    expect(chart).toContain('bar [0.5, 0.1, 0.4]');
    expect(chart).toContain('line [0.5, 0.5, 0.4]');
  });
  it('is empty when no complete trial has a value', () => {
    expect(convergenceChart([{ value: undefined, counts: true }, { value: 1, counts: false }], 'loss', 'minimize')).toBe('');
  });
});
