import { describe, expect, it } from 'vitest';
import type { GateRule, Goal, TabularTrainerSpec } from '../../src/core/config/types.js';
import { compareResults, effectiveRules, isGateFailure, replayTrainer, settingsChanges, type SeedRun } from '../../src/core/gate/index.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { parseResultsDoc } from '../../src/storage/results-doc.js';
import { buildReport } from '../../src/report/markdown.js';
import { acceptanceText, loosenedSentence } from '../../src/report/gate-rules.js';
import { concludeSweep } from '../../src/engine/conclusion.js';

const abs = (value: number): GateRule['threshold'] => ({ kind: 'absolute', value });
const rel = (fraction: number): GateRule['threshold'] => ({ kind: 'relative', fraction });
const rule = (metric: string, threshold: GateRule['threshold'], more: Partial<GateRule> = {}): GateRule => ({
  metric,
  goal: (metric.includes('acc') ? 'maximize' : 'minimize') as Goal,
  threshold,
  alpha: 0.05,
  ...more,
});
const noValue = (): undefined => undefined;

describe('effectiveRules: the stricter of main’s rule and the PR’s', () => {
  it('keeps main’s rule when the PR raises the threshold, and says so', () => {
    const r = effectiveRules([rule('val_accuracy', abs(0.02))], [rule('val_accuracy', abs(0.9))], noValue);
    expect(r.rules).toEqual([rule('val_accuracy', abs(0.02))]);
    expect(r.loosened).toEqual([{ metric: 'val_accuracy', what: 'threshold', main: '0.02', pr: '0.9' }]);
  });

  it('takes the PR’s threshold when it is stricter, with nothing loosened', () => {
    const r = effectiveRules([rule('val_loss', rel(0.1))], [rule('val_loss', rel(0.05))], noValue);
    expect(r.rules).toEqual([rule('val_loss', rel(0.05))]);
    expect(r.loosened).toEqual([]);
  });

  it('compares absolute with relative through main’s value', () => {
    // 10% of 0.5 is 0.05: the PR's absolute 0.04 is stricter, 0.06 is looser.
    expect(effectiveRules([rule('val_loss', rel(0.1))], [rule('val_loss', abs(0.04))], () => 0.5).rules[0]!.threshold).toEqual(abs(0.04));
    const looser = effectiveRules([rule('val_loss', rel(0.1))], [rule('val_loss', abs(0.06))], () => 0.5);
    expect(looser.rules[0]!.threshold).toEqual(rel(0.1));
    expect(looser.loosened).toEqual([{ metric: 'val_loss', what: 'threshold', main: '10%', pr: '0.06' }]);
    // Without main's value the two kinds cannot be weighed: main's stands.
    expect(effectiveRules([rule('val_loss', rel(0.1))], [rule('val_loss', abs(0.0001))], noValue).rules[0]!.threshold).toEqual(rel(0.1));
  });

  it('takes the smaller alpha', () => {
    const looser = effectiveRules([rule('val_loss', abs(0.1))], [rule('val_loss', abs(0.1), { alpha: 0.5 })], noValue);
    expect(looser.rules[0]!.alpha).toBe(0.05);
    expect(looser.loosened).toEqual([{ metric: 'val_loss', what: 'alpha', main: '0.05', pr: '0.5' }]);
    const stricter = effectiveRules([rule('val_loss', abs(0.1))], [rule('val_loss', abs(0.1), { alpha: 0.01 })], noValue);
    expect(stricter.rules[0]!.alpha).toBe(0.01);
    expect(stricter.loosened).toEqual([]);
  });

  it('judges on both sides when either side asks for one the other does not', () => {
    const toBest = effectiveRules([rule('val_loss', abs(0.1))], [rule('val_loss', abs(0.1), { on: 'best' })], noValue);
    expect(toBest.rules[0]!.on).toBe('both');
    expect(toBest.loosened).toEqual([{ metric: 'val_loss', what: 'on', main: 'champion', pr: 'best' }]);
    const fromBoth = effectiveRules([rule('val_loss', abs(0.1), { on: 'both' })], [rule('val_loss', abs(0.1))], noValue);
    expect(fromBoth.rules[0]!.on).toBe('both');
    expect(fromBoth.loosened.map((l) => l.what)).toEqual(['on']);
    const toBoth = effectiveRules([rule('val_loss', abs(0.1))], [rule('val_loss', abs(0.1), { on: 'both' })], noValue);
    expect(toBoth.rules[0]!.on).toBe('both');
    expect(toBoth.loosened).toEqual([]);
    const same = effectiveRules([rule('val_loss', abs(0.1))], [rule('val_loss', abs(0.1))], noValue);
    expect(same.rules[0]!.on).toBeUndefined();
  });

  it('keeps main’s goal', () => {
    const r = effectiveRules([rule('val_accuracy', abs(0.02))], [rule('val_accuracy', abs(0.02), { goal: 'minimize' })], noValue);
    expect(r.rules[0]!.goal).toBe('maximize');
    expect(r.loosened).toEqual([{ metric: 'val_accuracy', what: 'goal', main: 'maximize', pr: 'minimize' }]);
  });

  it('keeps a metric main gates and the PR dropped, and adds one only the PR gates', () => {
    const r = effectiveRules(
      [rule('val_accuracy', abs(0.02)), rule('val_loss', rel(0.1))],
      [rule('val_accuracy', abs(0.02)), rule('f1', abs(0.01))],
      noValue,
    );
    expect(r.rules.map((x) => x.metric)).toEqual(['val_accuracy', 'val_loss', 'f1']);
    expect(r.rules[1]).toEqual(rule('val_loss', rel(0.1)));
    expect(r.loosened).toEqual([{ metric: 'val_loss', what: 'dropped' }]);
  });

  it('the last of several rules for one metric counts, on either side', () => {
    const r = effectiveRules([rule('val_loss', abs(0.5)), rule('val_loss', abs(0.1))], [rule('val_loss', abs(0.2))], noValue);
    expect(r.rules).toEqual([rule('val_loss', abs(0.1))]);
  });
});

function doc(metrics: Record<string, number>, opts: Partial<ResultsDoc> = {}): ResultsDoc {
  return {
    sweep: 'iris',
    configHash: 'cfg',
    method: 'grid',
    metric: { name: 'val_accuracy', goal: 'maximize' },
    backend: 'cpu',
    best: { key: 'k', params: { lr: 0.1 }, metrics, samples: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, [v]])) },
    trials: [],
    stats: { trials: 1, trained: 1, cached: 0, pruned: 0, failed: 0, wallMs: 1, stopReason: 'exhausted', budget: {} },
    gate: [],
    seed: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    ...opts,
  };
}

const runs = (values: readonly number[], metric = 'val_accuracy'): SeedRun[] =>
  values.map((v, i) => ({ seed: i + 1, key: `s${i}`, status: 'complete', metrics: { [metric]: v }, cached: false, durationMs: 1 }));

describe('compareResults with main’s rules', () => {
  const mainGate = [rule('val_accuracy', abs(0.02)), rule('val_loss', rel(0.1))];
  const main = doc({ val_accuracy: 0.95, val_loss: 0.2 }, { gate: mainGate });

  it('the loosened gate of attack (a) fails: main’s 0.02 threshold and the dropped val_loss rule still apply', () => {
    const pr = doc({ val_accuracy: 0.64, val_loss: 0.9 }, { gate: [rule('val_accuracy', abs(0.9))] });
    const c = compareResults(main, pr, pr.gate);
    expect(c.regressed).toBe(true);
    expect(c.metrics.find((m) => m.metric === 'val_accuracy')).toMatchObject({ threshold: abs(0.02), status: 'regressed' });
    expect(c.metrics.find((m) => m.metric === 'val_loss')).toMatchObject({ threshold: rel(0.1), status: 'regressed' });
    expect(c.loosened).toEqual([
      { metric: 'val_accuracy', what: 'threshold', main: '0.02', pr: '0.9' },
      { metric: 'val_loss', what: 'dropped' },
    ]);
  });

  it('without a baseline the PR’s own rules are all there is', () => {
    const pr = doc({ val_accuracy: 0.64 }, { gate: [rule('val_accuracy', abs(0.9))] });
    const c = compareResults(undefined, pr, pr.gate);
    expect(c.loosened).toEqual([]);
    expect(c.regressed).toBe(false);
  });

  it('a run that cannot be replayed like for like fails every gated metric as not comparable', () => {
    const pr = doc({ val_accuracy: 0.96, val_loss: 0.19 }, { gate: mainGate, notComparable: 'main’s split_by column user is gone' });
    const c = compareResults({ ...main, champion: { params: { lr: 0.1 }, runs: runs([0.95, 0.96]) } }, pr, pr.gate);
    expect(c.notComparable).toBe('main’s split_by column user is gone');
    expect(c.metrics.filter((m) => m.threshold).map((m) => m.status)).toEqual(['not-comparable', 'not-comparable']);
    expect(c.metrics.filter(isGateFailure)).toHaveLength(2);
  });
});

describe('the verdict says what the PR loosened, and who accepted a failure', () => {
  it('in plain words', () => {
    expect(
      loosenedSentence([
        { metric: 'val_accuracy', what: 'threshold', main: '0.02', pr: '0.9' },
        { metric: 'val_loss', what: 'dropped' },
      ]),
    ).toBe('this PR raises the val_accuracy threshold from 0.02 to 0.9 and drops the val_loss rule: main’s rules apply until it is merged');
    expect(loosenedSentence([{ metric: 'val_accuracy', what: 'alpha', main: '0.05', pr: '0.5' }])).toBe(
      'this PR raises the val_accuracy alpha from 0.05 to 0.5: main’s rule applies until it is merged',
    );
    expect(loosenedSentence([{ metric: 'val_accuracy', what: 'on', main: 'champion', pr: 'best' }])).toBe(
      'this PR judges val_accuracy on best instead of champion: main’s rule applies until it is merged',
    );
    expect(loosenedSentence([])).toBe('');
    expect(acceptanceText({ by: 'alice', label: 'sweepgate: accept regression' })).toBe(
      'accepted by @alice with the label "sweepgate: accept regression"',
    );
    expect(acceptanceText({ reason: 'new tokenizer, re-baselining' })).toBe('accepted: new tokenizer, re-baselining');
  });

  it('on the report’s verdict line and in the gate’s failure message', () => {
    const main = doc({ val_accuracy: 0.95, val_loss: 0.2 }, { gate: [rule('val_accuracy', abs(0.02)), rule('val_loss', rel(0.1))] });
    const pr = doc({ val_accuracy: 0.64, val_loss: 0.21 }, { gate: [rule('val_accuracy', abs(0.9))] });
    const c = concludeSweep({ results: pr, gate: pr.gate, compareWith: { baseline: main }, layout: { maxChars: Infinity } });
    expect(c.decision.kind).toBe('gate-failed');
    const verdictLine = c.report.full.split('\n').find((l) => l.startsWith('❌'))!;
    expect(verdictLine).toContain('past the 2-point gate');
    expect(verdictLine).toContain(
      'This PR raises the val_accuracy threshold from 0.02 to 0.9 and drops the val_loss rule: main’s rules apply until it is merged.',
    );
    expect(c.decision.kind === 'gate-failed' && c.decision.message).toContain(
      '(this PR raises the val_accuracy threshold from 0.02 to 0.9 and drops the val_loss rule: main’s rules apply until it is merged)',
    );
  });

  it('an accepted failure keeps the verdict, says who accepted it (mention neutralised), and passes', () => {
    const main = doc({ val_accuracy: 0.95 }, { gate: [rule('val_accuracy', abs(0.02))] });
    const pr = doc({ val_accuracy: 0.64 }, { gate: main.gate });
    const c = concludeSweep({
      results: pr,
      gate: pr.gate,
      compareWith: { baseline: main },
      accepted: { by: 'alice', label: 'sweepgate: accept regression' },
      layout: { maxChars: Infinity },
    });
    expect(c.decision).toEqual({
      kind: 'accepted',
      message: expect.stringMatching(
        /^sweepgate: gate failed: .* \(accepted by @alice with the label "sweepgate: accept regression", so it passes\)$/,
      ),
    });
    expect(c.report.full).toContain('❌ **Regression**');
    expect(c.report.full).toContain(
      '✅ **Accepted on purpose**: accepted by @\u2060alice with the label "sweepgate: accept regression", so the check passes.',
    );
    // A passing gate has nothing to accept.
    const fine = concludeSweep({
      results: main,
      gate: main.gate,
      compareWith: { baseline: main },
      accepted: { reason: 'x' },
      layout: { maxChars: Infinity },
    });
    expect(fine.decision).toEqual({ kind: 'passed' });
    expect(fine.report.full).not.toContain('Accepted');
  });

  it('a not-comparable run says why once, in the verdict and the failure message', () => {
    const gate = [rule('val_accuracy', abs(0.02)), rule('val_loss', rel(0.1))];
    const main = doc({ val_accuracy: 0.95, val_loss: 0.2 }, { gate });
    const pr = doc({ val_accuracy: 0.95, val_loss: 0.2 }, { gate, notComparable: 'the split is gone' });
    const c = concludeSweep({ results: pr, gate, compareWith: { baseline: main }, layout: { maxChars: Infinity } });
    expect(c.decision).toEqual({ kind: 'gate-failed', message: 'sweepgate: gate failed: not comparable with main: the split is gone' });
    expect(c.report.full).toContain('❌ **Regression**: not comparable with main: the split is gone.');
    expect(buildReport({ results: pr, comparison: c.comparison! })).toContain('❌ not comparable');
  });
});

const tabular: TabularTrainerSpec = {
  type: 'tabular',
  data: '/repo/ml/iris.csv',
  target: 'species',
  task: 'classification',
  validationSplit: 0.3,
  splitSeed: 3,
  defaults: { epochs: 60 },
};
const mainSettings = { validationSplit: 0.25, splitSeed: 0, splitBy: ['plant'], defaults: { epochs: 30, batch_size: 16 } };

describe('the replay’s settings: main’s, whatever the PR’s config says', () => {
  it('a recorded baseline’s split seed, fraction, id columns and defaults replace the PR’s', () => {
    const r = replayTrainer(tabular, mainSettings, false);
    expect(r).toEqual({
      ok: true,
      changed: true,
      trainer: { ...tabular, validationSplit: 0.25, splitSeed: 0, splitBy: ['plant'], defaults: { epochs: 30, batch_size: 16 } },
    });
    expect(settingsChanges(mainSettings, { validationSplit: 0.3, splitSeed: 3, defaults: { epochs: 60 } })).toEqual([
      'validation_split 0.25 → 0.3',
      'split_seed 0 → 3',
      'split_by ["plant"] → []',
      'trainer.defaults {"batch_size":16,"epochs":30} → {"epochs":60}',
    ]);
  });

  it('settings equal to the PR’s need no trainer of their own', () => {
    const same = { validationSplit: 0.3, splitSeed: 3, defaults: { epochs: 60 } };
    expect(replayTrainer(tabular, same, false)).toEqual({ ok: true, trainer: tabular, changed: false });
  });

  it('an old-shape baseline (no settings) with the PR’s very config compares as before', () => {
    expect(replayTrainer(tabular, undefined, true)).toEqual({ ok: true, trainer: tabular, changed: false });
  });

  it('an old-shape baseline and a changed config is not comparable, and says what to do', () => {
    const r = replayTrainer(tabular, undefined, false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/did not record its validation split and trainer\.defaults.*Record a new baseline/);
  });

  it('a results document keeps the recorded settings, and an old one reads without them', () => {
    const champion = { params: { lr: 0.1 }, runs: runs([0.9]), settings: mainSettings };
    const recorded = parseResultsDoc(JSON.stringify(doc({ val_accuracy: 0.9 }, { champion })));
    expect(typeof recorded !== 'string' && recorded.champion?.settings).toEqual(mainSettings);
    // The shape every baseline had before settings were recorded: a champion of params and runs only.
    const old = parseResultsDoc(JSON.stringify(doc({ val_accuracy: 0.9 }, { champion: { params: { lr: 0.1 }, runs: runs([0.9]) } })));
    expect(typeof old !== 'string' && old.champion).toEqual({ params: { lr: 0.1 }, runs: runs([0.9]) });
    // Settings this version cannot read drop the champion (then best against best, and the report says why).
    const bad = parseResultsDoc(
      JSON.stringify(doc({ val_accuracy: 0.9 }, { champion: { ...champion, settings: { splitSeed: 'x' } as never } })),
    );
    expect(typeof bad !== 'string' && bad.champion).toBeUndefined();
  });
});
