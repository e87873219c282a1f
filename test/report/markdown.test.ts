import { describe, expect, it } from 'vitest';
import type { SeedRun } from '../../src/core/gate/index.js';
import { compareResults } from '../../src/core/gate/index.js';
import type { Comparison } from '../../src/core/gate/index.js';
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
  const trials = [
    trial(0, 0.52),
    trial(1, 0.41),
    trial(2, undefined),
    trial(3, 0.38, { status: 'pruned', history: [{ step: 4, metrics: { val_loss: 0.38 } }] }),
    trial(4, 0.33),
    trial(5, 0.35),
  ];
  return {
    sweep: 'iris-mlp',
    configHash: 'c1',
    method: 'bayes',
    metric: { name: 'val_loss', goal: 'minimize' },
    backend: 'wasm',
    best: {
      key: trials[4]!.key,
      params: trials[4]!.params,
      metrics: { val_loss: 0.33, val_accuracy: 0.835 },
      samples: { val_loss: [0.33], val_accuracy: [0.835] },
    },
    trials,
    stats: {
      trials: 6,
      trained: 4,
      cached: 2,
      pruned: 1,
      failed: 1,
      wallMs: 7300,
      stopReason: 'trials',
      budget: { trials: 6, minutes: 10 },
    },
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
    {
      metric: 'val_loss',
      goal: 'minimize',
      baseline: 0.3,
      current: 0.33,
      delta: 0.03,
      relDelta: 0.1,
      improved: false,
      threshold: { kind: 'relative', fraction: 0.02 },
      alpha: 0.05,
      on: 'champion',
      decidedBy: 'best',
      bestStatus: 'regressed',
      status: 'regressed',
    },
    {
      metric: 'val_accuracy',
      goal: 'maximize',
      baseline: 0.85,
      current: 0.835,
      delta: -0.015,
      relDelta: -0.015 / 0.85,
      improved: false,
      bestStatus: 'pass',
      status: 'pass',
    },
  ],
  champion: {
    state: 'unavailable',
    reason: 'the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0',
  },
};

/** Main's champion on 8 seeds and this PR's replay of it, `shift` points of accuracy worse on average. */
function championPair(shift: number, jitter: readonly number[]): { main: ResultsDoc; pr: ResultsDoc } {
  const seeds = [11, 12, 13, 14, 15, 16, 17, 18];
  const base = [0.965, 0.958, 0.972, 0.961, 0.968, 0.955, 0.97, 0.963];
  const run = (seed: number, acc: number, cached: boolean): SeedRun => ({
    seed,
    key: `k${seed}`,
    status: 'complete',
    metrics: { val_accuracy: acc, val_loss: 1 - acc },
    cached,
    durationMs: 900,
  });
  const gate = [{ metric: 'val_accuracy', goal: 'maximize' as const, threshold: { kind: 'absolute' as const, value: 0.01 }, alpha: 0.05 }];
  const params = { learning_rate: 0.004, units: 16, optimizer: 'adam' };
  const doc = (over: Partial<ResultsDoc>): ResultsDoc =>
    results({
      metric: { name: 'val_accuracy', goal: 'maximize' },
      gate,
      best: { key: 'b', params, metrics: { val_accuracy: 0.97, val_loss: 0.03 }, samples: { val_accuracy: [0.97] } },
      ...over,
    });
  const main = doc({
    champion: { params, runs: seeds.map((s, i) => run(s, base[i]!, false)) },
    validation: { rows: 171, fingerprint: 'v1' },
  });
  const pr = doc({
    best: {
      key: 'c',
      params: { ...params, units: 32 },
      metrics: { val_accuracy: 0.945, val_loss: 0.055 },
      samples: { val_accuracy: [0.945] },
    },
    replay: {
      params,
      adjustments: [{ name: 'dropout', replay: 0, why: 'added' }],
      runs: seeds.map((s, i) => run(s, base[i]! - shift / 100 + jitter[i]! / 100, false)),
    },
    validation: { rows: 171, fingerprint: 'v1' },
  });
  return { main, pr };
}

describe('buildReport', () => {
  it('renders a regression against main (golden)', async () => {
    const md = buildReport({
      results: results(),
      comparison: regressed,
      marker: '<!-- sweepgate:iris-mlp -->',
      runUrl: 'https://github.example/o/r/actions/runs/1',
    });
    await expect(md).toMatchFileSnapshot('__golden__/regression.md');
    expect(md.startsWith('<!-- sweepgate:iris-mlp -->\n')).toBe(true);
    expect(md).toContain('❌ **Regression**: best val_loss went from 0.3 on main to 0.33 on this PR (+10.0%), past the 2% gate.');
    expect(md).toContain('Main’s best config could not be replayed (the baseline has no champion runs');
    expect(md).toContain('sweep config differs');
  });

  it('renders a champion regression: the paired verdict with its interval, the tuning result apart (golden)', async () => {
    const { main, pr } = championPair(3.1, [0.4, -0.3, 0.2, -0.5, 0.1, 0.3, -0.2, 0]);
    const md = buildReport({ results: pr, comparison: compareResults(main, pr, pr.gate), marker: '<!-- sweepgate:iris-mlp -->' });
    await expect(md).toMatchFileSnapshot('__golden__/champion-regression.md');
    expect(md).toContain(
      "❌ **Regression**: main's best config loses 3.1 points of val_accuracy on this PR (8 seeds, 95% CI 2.8 to 3.4, p &lt; 0.001), past the 1-point gate.",
    );
    expect(md).toContain('**Gate: main’s best config, replayed on this PR** (8 seeds, paired seed by seed)');
    expect(md).toContain('**Search result: this PR’s best vs main’s best**');
    expect(md).toContain('<code>dropout</code> is new in this PR’s space: replayed with 0');
    expect(md).toContain('Both sides were scored on the same 171 validation rows.');
  });

  it('renders a sequential replay that stopped after 3 of 8 seeds: where it stopped and why (golden)', async () => {
    const { main, pr } = championPair(5, [0.4, -0.3, 0.2, -0.5, 0.1, 0.3, -0.2, 0]);
    const stopped: ResultsDoc = {
      ...pr,
      replay: { ...pr.replay!, runs: pr.replay!.runs.slice(0, 3), sequential: { of: 8, seeds: 3, look: 1, looks: [3, 5, 8], why: 'past' } },
    };
    const md = buildReport({
      results: stopped,
      comparison: compareResults(main, stopped, stopped.gate),
      marker: '<!-- sweepgate:iris-mlp -->',
    });
    await expect(md).toMatchFileSnapshot('__golden__/champion-sequential.md');
    expect(md).toContain(
      "❌ **Regression**: main's best config loses 4.9 points of val_accuracy on this PR (3 seeds, 95% CI 4.0 to 5.8, p = 0.001); decided after 3 of 8 seeds: clearly past the 1-point threshold.",
    );
    expect(md).toContain('**Gate: main’s best config, replayed on this PR** (3 of 8 seeds, paired seed by seed)');
  });

  it('passes a neutral PR in words, and says when the validation rows differ', () => {
    const { main, pr } = championPair(0.1, [0.6, -0.8, 0.4, -0.5, 0.7, -0.3, 0.2, -0.4]);
    const moved = { ...pr, validation: { rows: 180, fingerprint: 'v2' } };
    const md = buildReport({ results: moved, comparison: compareResults(main, moved, moved.gate) });
    expect(md).toMatch(
      /✅ \*\*No regression\*\*: main's best config loses 0\.\d points of val_accuracy on this PR \(8 seeds, 95% CI −0\.\d to 0\.\d\), within the 1-point gate\./,
    );
    expect(md).toContain('Main and this PR were scored on different validation rows (main 171, this PR 180)');
  });

  it('a failed replay fails the gate with its error', () => {
    const { main, pr } = championPair(0, [0, 0, 0, 0, 0, 0, 0, 0]);
    const broken = {
      ...pr,
      replay: {
        ...pr.replay!,
        runs: pr.replay!.runs.map((r, i) =>
          i === 2 ? { ...r, status: 'failed' as const, metrics: {}, error: 'TrialError: loss became NaN at epoch 2' } : r,
        ),
      },
    };
    const c = compareResults(main, broken, broken.gate);
    expect(c.regressed).toBe(true);
    const md = buildReport({ results: broken, comparison: c });
    expect(md).toContain("❌ **Regression**: main's best config no longer trains on this PR (loss became NaN at epoch 2)");
    expect(md).toContain('The replay failed: <code>loss became NaN at epoch 2</code>');
  });

  it('renders a first run with no baseline (golden)', async () => {
    const md = buildReport({
      results: results(),
      comparison: { hasBaseline: false, regressed: false, configChanged: false, gateChanged: false, metrics: [] },
      baselineHowTo: 'Merge to main to record one.',
    });
    await expect(md).toMatchFileSnapshot('__golden__/no-baseline.md');
    expect(md).toContain('✅ **No baseline yet**');
    expect(md).toContain('Merge to main to record one.');
  });

  it('does not call an ungated worsening "within the gate"', () => {
    const c: Comparison = {
      ...regressed,
      regressed: false,
      configChanged: false,
      metrics: [
        {
          metric: 'val_loss',
          goal: 'minimize',
          baseline: 0.3,
          current: 0.33,
          delta: 0.03,
          relDelta: 0.1,
          improved: false,
          bestStatus: 'pass',
          status: 'pass',
        },
      ],
    };
    const md = buildReport({ results: results(), comparison: c });
    expect(md).toContain('worse than (not gated) main');
    expect(md).not.toContain('within the gate');
  });

  it('says plainly when no trial completed', () => {
    const md = buildReport({ results: results({ best: null, trials: [trial(0, undefined)] }) });
    expect(md).toContain(
      '❌ **No trial finished**: 1 of 1 trial failed: loss became NaN at epoch 3 | <b>bad</b>\n'
        .replace('|', '\\|')
        .replace('<b>', '&lt;b&gt;')
        .replace('</b>', '&lt;/b&gt;'),
    );
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
    const md = buildReport({ results: r, comparison: regressed, maxChars: 8_000 });
    expect(md.length).toBeLessThanOrEqual(8_000);
    expect(md).toContain('❌ **Regression**');
    const full = buildReport({ results: r, comparison: regressed, maxChars: Number.POSITIVE_INFINITY });
    expect(full.length).toBeGreaterThan(8_000);
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
  const pts = (vs: (number | undefined)[], status: (i: number) => 'complete' | 'pruned' | 'failed' = () => 'complete') =>
    vs.map((value, i) => ({ trial: i + 1, status: value === undefined ? ('failed' as const) : status(i), value }));
  const series = (chart: string): string[] => [...chart.matchAll(/line \[([^\]]*)\]/g)].map((m) => m[1]!);
  const axis = (chart: string): [number, number] => {
    const m = /y-axis "[^"]*" (\S+) --> (\S+)/.exec(chart)!;
    return [Number(m[1]), Number(m[2])];
  };

  it('draws each finished trial, the best so far from the first finished one, and main’s best', () => {
    const min = convergenceChart(pts([3, 2, undefined, 4, 1]), { metric: 'loss', goal: 'minimize', mainValue: 1.5 });
    expect(min).toMatch(/^```mermaid\n%%\{init: .*\}%%\nxychart-beta\n {2}title "loss by trial \(lower is better\)"/);
    expect(min).toContain('x-axis "trial" [1, 2, 4, 5]'); // the failed trial 3 is left out, and counted
    expect(series(min)).toEqual(['3, 2, 4, 1', '3, 2, 2, 1', '1.5, 1.5, 1.5, 1.5']);
    expect(min).toContain('Not drawn: 1 failed.');
    expect(min).toContain('red: main’s best (1.5)');
    const max = convergenceChart(pts([0.5, 0.7, 0.6]), { metric: 'acc', goal: 'maximize' });
    expect(series(max)[1]).toBe('0.5, 0.7, 0.7');
    expect(axis(max)[1]).toBeLessThanOrEqual(1); // an accuracy axis never passes 1
  });

  it('leaves pruned trials out (their values are from an early epoch) and says how many', () => {
    const chart = convergenceChart(
      pts([0.5, 0.1, 0.4], (i) => (i === 1 ? 'pruned' : 'complete')),
      { metric: 'loss', goal: 'minimize' },
    );
    expect(chart).toContain('x-axis "trial" [1, 3]');
    expect(series(chart)[1]).toBe('0.5, 0.4');
    expect(chart).toContain('Not drawn: 1 pruned (values from an early epoch).');
  });

  it('is empty with fewer than two finished trials', () => {
    expect(
      convergenceChart(
        pts([undefined, 1], (i) => (i === 1 ? 'pruned' : 'complete')),
        { metric: 'loss', goal: 'minimize' },
      ),
    ).toBe('');
    expect(convergenceChart(pts([0.3]), { metric: 'loss', goal: 'minimize' })).toBe('');
  });

  it('never writes e-notation: huge and tiny values get a power-of-ten scale in the axis title', () => {
    const huge = convergenceChart(pts([2.1e6, 2.646e8, 1.9e6, 2.0e6]), { metric: 'val_loss', goal: 'minimize' });
    const tiny = convergenceChart(pts([3.2e-5, 2.9e-5, 4.1e-5]), { metric: 'val_loss', goal: 'minimize' });
    for (const chart of [huge, tiny]) expect(chart.split('```')[1]).not.toMatch(/\d[eE][+-]?\d/);
    expect(huge).toContain('y-axis "val_loss (× 10⁶)"');
    expect(tiny).toContain('y-axis "val_loss (× 10⁻⁶)"');
  });

  it('clips a diverged trial instead of letting it set the scale, and never shows a loss axis below zero', () => {
    const values = [0.41, 0.38, 0.44, 12100, 0.35, 0.36, 0.4, 0.37];
    const chart = convergenceChart(pts(values), { metric: 'val_loss', goal: 'minimize' });
    const [lo, hi] = axis(chart);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(chart).toContain('1 trial above');
    expect(chart).toContain('drawn at the top');
  });

  it('past 20 finished trials the x-axis is a numeric range, so labels do not run together', () => {
    const chart = convergenceChart(pts(Array.from({ length: 100 }, (_, i) => 1 / (i + 2))), { metric: 'loss', goal: 'minimize' });
    expect(chart).toContain('x-axis "finished trial, in order" 1 --> 100');
  });
});

describe('the Run section names the backend', () => {
  it("shows backend auto's measurement when there is one, else the backend", () => {
    const measured = buildReport({ results: results({ backendChoice: 'wasm (0.21 ms/step vs cpu 0.74 ms/step)' }) });
    expect(measured).toContain('**Backend**: wasm (0.21 ms/step vs cpu 0.74 ms/step)');
    expect(buildReport({ results: results() })).toContain('**Backend**: wasm\n');
  });
});
