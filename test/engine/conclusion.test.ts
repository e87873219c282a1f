// The one path after the sweep (engine/conclusion.ts): what both entries decide and report, from one function.
import { describe, expect, it } from 'vitest';
import type { GateRule } from '../../src/core/config/types.js';
import { compareResults } from '../../src/core/gate/index.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { concludeSweep, type ConclusionInput } from '../../src/engine/index.js';
import { buildReport, COMMENT_MAX_CHARS, GITHUB_COMMENT_LIMIT } from '../../src/report/markdown.js';

function trial(i: number, loss: number | undefined, over: Partial<ResultTrial> = {}): ResultTrial {
  return {
    key: `${i}`.padStart(64, 'a'),
    params: { learning_rate: 0.001 * (i + 1) },
    status: loss === undefined ? 'failed' : 'complete',
    metrics: loss === undefined ? {} : { val_loss: loss },
    cached: false,
    durationMs: 100,
    seed: 100 + i,
    history: [],
    stage: 0,
    repeat: 0,
    ...(loss === undefined ? { error: 'TrialError: loss became NaN at epoch 3' } : {}),
    ...over,
  };
}

/** A sweep whose best val_loss is `best` (its samples: `samples`, default the one value). */
function doc(
  best: number | undefined,
  over: Partial<ResultsDoc> = {},
  samples: readonly number[] = best === undefined ? [] : [best],
): ResultsDoc {
  const trials = best === undefined ? [trial(0, undefined), trial(1, undefined)] : [trial(0, best + 0.1), trial(1, best)];
  return {
    sweep: 'demo',
    configHash: 'c1',
    method: 'random',
    metric: { name: 'val_loss', goal: 'minimize' },
    backend: 'wasm',
    best:
      best === undefined
        ? null
        : { key: trials[1]!.key, params: trials[1]!.params, metrics: { val_loss: best }, samples: { val_loss: [...samples] } },
    trials,
    stats: {
      trials: 2,
      trained: 2,
      cached: 0,
      pruned: 0,
      failed: best === undefined ? 2 : 0,
      wallMs: 300,
      stopReason: 'trials',
      budget: { trials: 2 },
    },
    gate: [],
    seed: 1,
    createdAt: '2026-11-29T00:00:00.000Z',
    sha: 'a'.repeat(40),
    ...over,
  };
}

/** Gate the search result on val_loss, past `threshold` (absolute). */
const gate = (threshold: number): GateRule[] => [
  { metric: 'val_loss', goal: 'minimize', threshold: { kind: 'absolute', value: threshold }, alpha: 0.05, on: 'best' },
];
const layout = { baselineHowTo: 'Pass a results JSON with --baseline.', maxChars: Number.POSITIVE_INFINITY };
const conclude = (input: Partial<ConclusionInput> & Pick<ConclusionInput, 'results'>) => concludeSweep({ gate: [], layout, ...input });

describe('concludeSweep: the comparison, the decision and the report, for the CLI and the Action alike', () => {
  it('with nothing to compare (a push; the CLI without --baseline): no comparison, passed, no notes', () => {
    const results = doc(0.3);
    const c = conclude({ results, gate: gate(0.01) });
    expect(c.comparison).toBeUndefined();
    expect(c.failures).toEqual([]);
    expect(c.decision).toEqual({ kind: 'passed' });
    expect(c.notes).toEqual([]);
    expect(c.report.full).toBe(buildReport({ results, ...layout }));
    expect(c.report.full).toContain('🔎 Sweep done');
  });

  it('a PR before main has a baseline: compared with nothing, passes, and the report says how a baseline gets made', () => {
    const c = conclude({ results: doc(0.3), gate: gate(0.01), compareWith: { baseline: undefined } });
    expect(c.comparison?.hasBaseline).toBe(false);
    expect(c.decision).toEqual({ kind: 'passed' });
    expect(c.report.full).toContain('✅ **No baseline yet**');
    expect(c.report.full).toContain('Pass a results JSON with --baseline.');
  });

  it('a PR that requires a baseline and has none fails, the verdict and the message saying why in the same words', () => {
    const why = "Sweep 'demo' has no baseline to compare with: none in the cache.";
    const c = conclude({
      results: doc(0.3),
      gate: gate(0.01),
      compareWith: { baseline: undefined, required: true },
      layout: { ...layout, baselineHowTo: why },
    });
    expect(c.decision).toEqual({ kind: 'no-baseline', message: `sweepgate: no baseline: ${why}` });
    expect(c.failures).toEqual([]);
    expect(c.report.full).toContain(`❌ **No baseline**, so nothing was compared and the check fails: ${why} Search result: best val_loss`);
    expect(c.report.full).not.toContain('No baseline yet');
  });

  it('a required baseline is not needed where there is nothing to gate: no rule, or no trial finished', () => {
    const required = { baseline: undefined, required: true };
    expect(conclude({ results: doc(0.3), gate: [], compareWith: required }).decision).toEqual({ kind: 'passed' });
    expect(conclude({ results: doc(undefined), gate: gate(0.01), compareWith: required }).decision.kind).toBe('nothing-finished');
  });

  it('a regression past the gate fails it, in the sentence the report’s verdict uses', () => {
    const baseline = doc(0.3);
    const results = doc(0.5);
    const c = conclude({ results, gate: gate(0.01), compareWith: { baseline } });
    expect(c.comparison).toEqual(compareResults(baseline, results, gate(0.01)));
    expect(c.failures.map((m) => m.metric)).toEqual(['val_loss']);
    expect(c.decision).toEqual({
      kind: 'gate-failed',
      message: 'sweepgate: gate failed: best val_loss went from 0.3 on main to 0.5 on this PR (+66.7%), past the 0.01 gate',
    });
    expect(c.report.full).toContain(
      '❌ **Regression**: best val_loss went from 0.3 on main to 0.5 on this PR (+66.7%), past the 0.01 gate.',
    );
  });

  it('within the gate passes', () => {
    const c = conclude({ results: doc(0.305), gate: gate(0.01), compareWith: { baseline: doc(0.3) } });
    expect(c.failures).toEqual([]);
    expect(c.decision).toEqual({ kind: 'passed' });
  });

  it('nothing finished fails first, with the errors in sight, even where the gate would fail too', () => {
    const c = conclude({ results: doc(undefined), gate: gate(0.01), compareWith: { baseline: doc(0.3) } });
    expect(c.failures.length).toBeGreaterThan(0); // main has val_loss, this run has none
    expect(c.decision).toEqual({
      kind: 'nothing-finished',
      message: 'sweepgate: 2 of 2 trials failed: loss became NaN at epoch 3',
    });
  });

  it('a sweep without a metric (W&B grid/random) has no best and still succeeded when a trial completed', () => {
    const metricless = (failed: number): ResultsDoc => ({
      ...doc(undefined),
      metric: { name: '', goal: 'minimize' },
      stats: { ...doc(undefined).stats, failed },
    });
    expect(conclude({ results: metricless(1) }).decision).toEqual({ kind: 'passed' });
    expect(conclude({ results: metricless(1) }).report.full).toContain('The config has no `metric:`');
    expect(conclude({ results: metricless(2) }).decision.kind).toBe('nothing-finished');
  });

  it('notes what is worth a warning without failing: a changed config, a changed gate, a worsening within noise', () => {
    const baseline = doc(0.3, { configHash: 'c0', gate: gate(0.05) }, [0.3, 0.2, 0.4]);
    const results = doc(0.33, { gate: gate(0.01) }, [0.33, 0.13, 0.53]);
    const c = conclude({ results, gate: gate(0.01), compareWith: { baseline } });
    expect(c.comparison?.metrics[0]?.status).toBe('not-significant');
    expect(c.decision).toEqual({ kind: 'passed' });
    expect(c.notes).toEqual([
      `the sweep config differs from the baseline's (${'a'.repeat(40)}): the comparison may not be like for like`,
      "the gate rules differ from the baseline's",
      expect.stringMatching(
        /^best val_loss went from 0\.3 on main to 0\.33 on this PR \(\+10\.0%\), p = [\d.]+: past the 0\.01 gate but not significant at alpha 0\.05: the gate passes$/,
      ),
    ]);
  });

  it('the comment is the full report when it fits, else the report cut to the comment cap', () => {
    const results = doc(0.3);
    const small = conclude({ results, layout: { marker: '<!-- sweepgate:demo -->', maxChars: 1_000_000 } });
    expect(small.report.comment).toBe(small.report.full);
    // The report caps each value at 200 characters, so a large report is many of them.
    const pad = Object.fromEntries(Array.from({ length: 400 }, (_, k) => [`note${k}`, 'x'.repeat(190)]));
    const big = {
      ...results,
      trials: results.trials.map((t, i) => ({ ...t, params: { i, ...pad } })),
      best: results.best && { ...results.best, params: { i: 0, ...pad } },
    };
    const c = conclude({ results: big, layout: { marker: '<!-- sweepgate:demo -->', maxChars: 1_000_000 } });
    expect(c.report.full.length).toBeGreaterThan(COMMENT_MAX_CHARS);
    expect(c.report.comment.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(COMMENT_MAX_CHARS).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(c.report.comment).toBe(buildReport({ results: big, marker: '<!-- sweepgate:demo -->', maxChars: COMMENT_MAX_CHARS }));
    expect(conclude({ results: big, layout: { maxChars: 1_000_000, commentMaxChars: 20_000 } }).report.comment.length).toBeLessThanOrEqual(
      20_000,
    );
  });
});
