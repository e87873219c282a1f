import { describe, expect, it } from 'vitest';
import {
  compareChampion,
  compareResults,
  pairedTTest,
  studentTQuantile,
  formatThreshold,
  logGamma,
  parseThreshold,
  regularizedIncompleteBeta,
  studentTSurvival,
  welchTTest,
} from '../../src/core/gate/index.js';
import type { GateRule, Goal } from '../../src/core/config/types.js';
import { ConfigError } from '../../src/core/errors.js';
import type { ResultsDoc } from '../../src/core/results.js';
import type { SeedRun } from '../../src/core/gate/index.js';

function doc(
  metrics: Record<string, number> | null,
  opts: {
    goal?: Goal;
    samples?: Record<string, number[]>;
    configHash?: string;
    gate?: ResultsDoc['gate'];
    sha?: string;
    params?: Record<string, number>;
  } = {},
): ResultsDoc {
  return {
    sweep: 'demo',
    configHash: opts.configHash ?? 'cfg-1',
    method: 'grid',
    metric: { name: 'val_loss', goal: opts.goal ?? 'minimize' },
    backend: 'cpu',
    best: metrics
      ? {
          key: 'k',
          params: opts.params ?? { lr: 0.1 },
          metrics,
          samples: opts.samples ?? Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, [v]])),
        }
      : null,
    trials: [],
    stats: { trials: 1, trained: 1, cached: 0, pruned: 0, failed: 0, wallMs: 1, stopReason: 'exhausted', budget: {} },
    gate: opts.gate ?? [],
    seed: 0,
    createdAt: '2024-01-01T00:00:00.000Z',
    ...(opts.sha ? { sha: opts.sha } : {}),
  };
}

const rule = (metric: string, goal: Goal, threshold: GateRule['threshold'], alpha = 0.05): GateRule => ({ metric, goal, threshold, alpha });

describe('parseThreshold', () => {
  it('reads absolute numbers and numeric strings', () => {
    expect(parseThreshold(0.01, 'x')).toEqual({ kind: 'absolute', value: 0.01 });
    expect(parseThreshold('0.01', 'x')).toEqual({ kind: 'absolute', value: 0.01 });
    expect(parseThreshold(' 1e-3 ', 'x')).toEqual({ kind: 'absolute', value: 0.001 });
    expect(parseThreshold(0, 'x')).toEqual({ kind: 'absolute', value: 0 });
    expect(parseThreshold('.5', 'x')).toEqual({ kind: 'absolute', value: 0.5 });
  });

  it('reads percentages as relative fractions', () => {
    expect(parseThreshold('2%', 'x')).toEqual({ kind: 'relative', fraction: 0.02 });
    expect(parseThreshold('0.5 %', 'x')).toEqual({ kind: 'relative', fraction: 0.005 });
    expect(parseThreshold('150%', 'x')).toEqual({ kind: 'relative', fraction: 1.5 });
  });

  it.each([['2 %%'], ['-1'], [-1], ['abc'], [''], ['%'], ['2%%'], ['1,5'], [Number.NaN], [Infinity], ['-2%'], ['0x10']])(
    'rejects %j naming the path and the value',
    (bad) => {
      let err: unknown;
      try {
        parseThreshold(bad as string | number, 'gate.val_loss.threshold');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.path).toBe('gate.val_loss.threshold');
      expect(e.message).toContain('gate.val_loss.threshold');
      expect(e.message).toContain(typeof bad === 'number' ? `got ${bad}` : `got ${JSON.stringify(bad)}`);
    },
  );

  it('formats back the way a user writes it', () => {
    expect(formatThreshold({ kind: 'absolute', value: 0.01 })).toBe('0.01');
    expect(formatThreshold({ kind: 'relative', fraction: 0.02 })).toBe('2%');
    expect(formatThreshold({ kind: 'relative', fraction: 0.07 })).toBe('7%');
  });
});

describe('t distribution (constants from scipy 1.17)', () => {
  it('ln Γ', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 12);
    expect(logGamma(10.3)).toBeCloseTo(13.482036786138359, 11);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });

  it('regularized incomplete beta', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 0.5)).toBeCloseTo(0.018927124071945658, 13);
    expect(regularizedIncompleteBeta(0.9, 0.5, 0.5)).toBeCloseTo(0.7951672353008665, 13);
    expect(regularizedIncompleteBeta(0.95, 10, 3)).toBeCloseTo(0.9804317380028454, 13);
    expect(regularizedIncompleteBeta(0.42, 1, 1)).toBeCloseTo(0.42, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
  });

  it('Student t survival function', () => {
    expect(studentTSurvival(2.228138851986274, 10)).toBeCloseTo(0.025, 12); // t_{0.975,10}
    expect(studentTSurvival(1.5, 3.7)).toBeCloseTo(0.10679908460100675, 12);
    expect(studentTSurvival(-0.8, 2.2)).toBeCloseTo(0.7495279087057942, 12);
    expect(studentTSurvival(12, 1)).toBeCloseTo(0.026464676059589878, 12);
    expect(studentTSurvival(0.3, 150)).toBeCloseTo(0.3822962471941794, 12);
    expect(studentTSurvival(0, 5)).toBeCloseTo(0.5, 14);
  });

  it("Welch's test matches scipy.stats.ttest_ind(equal_var=False, alternative='greater')", () => {
    const r1 = welchTTest([0.31, 0.29, 0.35, 0.33, 0.3], [0.27, 0.26, 0.29, 0.28]);
    expect(r1.t).toBeCloseTo(3.265231020191677, 10);
    expect(r1.df).toBeCloseTo(6.305007843837183, 10);
    expect(r1.pGreater).toBeCloseTo(0.007980903350190065, 12);
    const r2 = welchTTest([0.91, 0.88, 0.9], [0.92, 0.93, 0.915, 0.925, 0.91]);
    expect(r2.t).toBeCloseTo(-2.4557624540597014, 10);
    expect(r2.df).toBeCloseTo(2.6601605540689435, 10);
    expect(r2.pGreater).toBeCloseTo(0.9489559986207614, 12);
    const r3 = welchTTest([0.501, 0.499], [0.5, 0.502]);
    expect(r3.pGreater).toBeCloseTo(0.7236067977499789, 12);
  });

  it('is certain without variance, and refuses single samples', () => {
    expect(welchTTest([2, 2], [1, 1]).pGreater).toBe(0);
    expect(welchTTest([1, 1], [2, 2]).pGreater).toBe(1);
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });
});

describe('compareResults', () => {
  it('with no baseline every metric passes as no-baseline and nothing regresses', () => {
    const c = compareResults(undefined, doc({ val_loss: 0.5, accuracy: 0.8 }), [
      rule('val_loss', 'minimize', { kind: 'absolute', value: 0 }),
    ]);
    expect(c.hasBaseline).toBe(false);
    expect(c.regressed).toBe(false);
    expect(c.configChanged).toBe(false);
    expect(c.gateChanged).toBe(false);
    expect(c.metrics.map((m) => [m.metric, m.status])).toEqual([
      ['val_loss', 'no-baseline'],
      ['accuracy', 'no-baseline'],
    ]);
    expect(c.currentParams).toEqual({ lr: 0.1 });
  });

  it('minimize: worse by more than an absolute threshold regresses, within it passes', () => {
    const base = doc({ val_loss: 0.5 }, { sha: 'abc' });
    const r = [rule('val_loss', 'minimize', { kind: 'absolute', value: 0.01 })];
    const worse = compareResults(base, doc({ val_loss: 0.52 }), r);
    expect(worse.regressed).toBe(true);
    const m = worse.metrics[0]!;
    expect(m).toMatchObject({ metric: 'val_loss', goal: 'minimize', baseline: 0.5, current: 0.52, improved: false, status: 'regressed' });
    expect(m.delta).toBeCloseTo(0.02, 12);
    expect(m.relDelta).toBeCloseTo(0.04, 12);
    expect(m.threshold).toEqual({ kind: 'absolute', value: 0.01 });
    expect(worse.baselineSha).toBe('abc');

    expect(compareResults(base, doc({ val_loss: 0.505 }), r).metrics[0]!.status).toBe('pass');
    const better = compareResults(base, doc({ val_loss: 0.3 }), r);
    expect(better.metrics[0]).toMatchObject({ status: 'pass', improved: true });
    expect(better.regressed).toBe(false);
  });

  it('maximize: a lower value is the regression, a higher one an improvement', () => {
    const base = doc({ accuracy: 0.9 }, { goal: 'maximize' });
    const r = [rule('accuracy', 'maximize', { kind: 'absolute', value: 0.01 })];
    expect(compareResults(base, doc({ accuracy: 0.87 }, { goal: 'maximize' }), r).metrics).toContainEqual(
      expect.objectContaining({ metric: 'accuracy', status: 'regressed', improved: false }),
    );
    expect(compareResults(base, doc({ accuracy: 0.99 }, { goal: 'maximize' }), r).metrics).toContainEqual(
      expect.objectContaining({ metric: 'accuracy', status: 'pass', improved: true }),
    );
  });

  it('relative thresholds are a fraction of |main|', () => {
    const r = [rule('val_loss', 'minimize', { kind: 'relative', fraction: 0.02 })];
    const base = doc({ val_loss: 2 });
    expect(compareResults(base, doc({ val_loss: 2.03 }), r).regressed).toBe(false); // +1.5%
    expect(compareResults(base, doc({ val_loss: 2.05 }), r).regressed).toBe(true); // +2.5%
    // A negative baseline (e.g. a log-likelihood to maximize) uses its magnitude.
    const rm = [rule('ll', 'maximize', { kind: 'relative', fraction: 0.1 })];
    expect(compareResults(doc({ ll: -10 }), doc({ ll: -10.5 }), rm).regressed).toBe(false);
    expect(compareResults(doc({ ll: -10 }), doc({ ll: -11.5 }), rm).regressed).toBe(true);
    // Relative to zero any worsening counts, and relDelta is not defined.
    const zero = compareResults(doc({ val_loss: 0 }), doc({ val_loss: 1e-9 }), r);
    expect(zero.regressed).toBe(true);
    expect(zero.metrics[0]!.relDelta).toBeUndefined();
  });

  it('with samples on both sides a regression must also be significant', () => {
    const r = [rule('val_loss', 'minimize', { kind: 'absolute', value: 0.01 }, 0.05)];
    const base = doc({ val_loss: 0.275 }, { samples: { val_loss: [0.27, 0.26, 0.29, 0.28] } });
    const clear = compareResults(base, doc({ val_loss: 0.316 }, { samples: { val_loss: [0.31, 0.29, 0.35, 0.33, 0.3] } }), r);
    // scipy 1.10.1: ttest_ind(cs, bs + 0.01, equal_var=False, alternative='greater'): "worse by more than the 0.01 threshold"
    expect(clear.metrics[0]!.pValue).toBeCloseTo(0.023306876927661417, 12);
    expect(clear.metrics[0]!.status).toBe('regressed');
    expect(clear.regressed).toBe(true);

    const noisy = compareResults(base, doc({ val_loss: 0.3 }, { samples: { val_loss: [0.2, 0.4, 0.3] } }), r);
    expect(noisy.metrics[0]!.status).toBe('not-significant');
    expect(noisy.metrics[0]!.pValue).toBeGreaterThan(0.05);
    expect(noisy.regressed).toBe(false);
  });

  it('orients the test by goal: for maximize the p-value is for "PR lower"', () => {
    const r = [rule('acc', 'maximize', { kind: 'absolute', value: 0 }, 0.1)];
    const base = doc({ acc: 0.92 }, { samples: { acc: [0.92, 0.93, 0.915, 0.925, 0.91] } });
    const pr = doc({ acc: 0.8967 }, { samples: { acc: [0.91, 0.88, 0.9] } });
    const m = compareResults(base, pr, r).metrics.find((x) => x.metric === 'acc')!;
    // scipy: ttest_ind(base, pr, equal_var=False, alternative='greater') = 1 - 0.94895...
    expect(m.pValue).toBeCloseTo(1 - 0.9489559986207614, 12);
    expect(m.status).toBe('regressed'); // p = 0.051 < alpha 0.1
    const strict = compareResults(base, pr, [rule('acc', 'maximize', { kind: 'absolute', value: 0 }, 0.05)]);
    expect(strict.metrics.find((x) => x.metric === 'acc')!.status).toBe('not-significant');
  });

  it('falls back to the threshold alone with a single sample on one side', () => {
    const r = [rule('val_loss', 'minimize', { kind: 'absolute', value: 0.01 })];
    const base = doc({ val_loss: 0.3 }, { samples: { val_loss: [0.3] } });
    const c = compareResults(base, doc({ val_loss: 0.5 }, { samples: { val_loss: [0.5, 0.5001] } }), r);
    expect(c.metrics[0]!.pValue).toBeUndefined();
    expect(c.metrics[0]!.status).toBe('regressed');
  });

  it('shows the union of sweep metric, gated metrics and both bests, gated or not', () => {
    const base = doc({ val_loss: 0.4, old_metric: 1 });
    const cur = doc({ val_loss: 0.4, accuracy: 0.8, loss: 0.1 });
    const c = compareResults(base, cur, [
      rule('f1', 'maximize', { kind: 'absolute', value: 0 }),
      rule('accuracy', 'maximize', { kind: 'absolute', value: 0 }),
    ]);
    expect(c.metrics.map((m) => [m.metric, m.status, m.threshold !== undefined])).toEqual([
      ['val_loss', 'pass', false],
      ['f1', 'missing', true],
      ['accuracy', 'no-baseline', true],
      ['loss', 'no-baseline', false],
      ['old_metric', 'missing', false],
    ]);
    expect(c.metrics.find((m) => m.metric === 'loss')!.goal).toBe('minimize');
    expect(c.regressed).toBe(false);
  });

  it('a later rule for the same metric overrides an earlier one', () => {
    const base = doc({ val_loss: 0.5 });
    const c = compareResults(base, doc({ val_loss: 0.52 }), [
      rule('val_loss', 'minimize', { kind: 'absolute', value: 0.001 }),
      rule('val_loss', 'minimize', { kind: 'absolute', value: 0.1 }),
    ]);
    expect(c.regressed).toBe(false);
    expect(c.metrics[0]!.threshold).toEqual({ kind: 'absolute', value: 0.1 });
  });

  it('an ungated metric never regresses, however much worse', () => {
    const c = compareResults(doc({ val_loss: 0.1 }), doc({ val_loss: 9 }), []);
    expect(c.metrics[0]).toMatchObject({ status: 'pass', improved: false });
    expect(c.regressed).toBe(false);
  });

  it('all trials failed: gated metrics are missing', () => {
    const c = compareResults(doc({ val_loss: 0.1 }), doc(null), [rule('val_loss', 'minimize', { kind: 'absolute', value: 0 })]);
    expect(c.metrics).toEqual([expect.objectContaining({ metric: 'val_loss', status: 'missing', baseline: 0.1 })]);
    expect(c.currentParams).toBeUndefined();
  });

  it('flags config and gate changes against the baseline', () => {
    const g1: GateRule[] = [rule('val_loss', 'minimize', { kind: 'relative', fraction: 0.02 })];
    const base = doc({ val_loss: 0.1 }, { configHash: 'a', gate: g1 });
    const sameGate: GateRule[] = [{ alpha: 0.05, threshold: { fraction: 0.02, kind: 'relative' }, goal: 'minimize', metric: 'val_loss' }];
    expect(compareResults(base, doc({ val_loss: 0.1 }, { configHash: 'a', gate: sameGate }), [])).toMatchObject({
      configChanged: false,
      gateChanged: false,
    });
    const otherGate: GateRule[] = [rule('val_loss', 'minimize', { kind: 'relative', fraction: 0.05 })];
    expect(compareResults(base, doc({ val_loss: 0.1 }, { configHash: 'b', gate: otherGate }), [])).toMatchObject({
      configChanged: true,
      gateChanged: true,
    });
  });

  it('ungated metrics take their direction from the name, as the config parser infers it', () => {
    const c = compareResults(doc({ val_accuracy: 0.9, val_rmse: 1 }), doc({ val_accuracy: 0.95, val_rmse: 2 }), []);
    expect(c.metrics.find((m) => m.metric === 'val_accuracy')).toMatchObject({ goal: 'maximize', improved: true });
    expect(c.metrics.find((m) => m.metric === 'val_rmse')).toMatchObject({ goal: 'minimize', improved: false });
  });
});

describe('paired t-test (reference values from scipy 1.10.1, Debian python3-scipy)', () => {
  it("matches scipy.stats.ttest_rel(a, b, alternative='greater') and its 95% confidence interval", () => {
    // a, b = [0.91, 0.93, 0.92, 0.95, 0.90, 0.94], [0.89, 0.92, 0.88, 0.93, 0.90, 0.91]
    const r = pairedTTest([0.91, 0.93, 0.92, 0.95, 0.9, 0.94], [0.89, 0.92, 0.88, 0.93, 0.9, 0.91]);
    expect(r.t).toBeCloseTo(3.4641016151377517, 10);
    expect(r.pGreater).toBeCloseTo(0.008981442304971998, 12);
    expect(r.ci![0]).toBeCloseTo(0.0051587388465651595, 10);
    expect(r.ci![1]).toBeCloseTo(0.0348412611534348, 10);
    // a = [1.2, 0.8, 1.9, 1.1, 1.4, 0.7, 1.6, 1.0, 1.3, 0.9], b = 0.5 everywhere; then b + 0.5
    const a = [1.2, 0.8, 1.9, 1.1, 1.4, 0.7, 1.6, 1.0, 1.3, 0.9];
    const r2 = pairedTTest(
      a,
      a.map(() => 0.5),
    );
    expect(r2.t).toBeCloseTo(5.857187491983931, 10);
    expect(r2.pGreater).toBeCloseTo(0.00012079298105033487, 12);
    expect(r2.ci).toEqual([expect.closeTo(0.4235088821337041, 10), expect.closeTo(0.956491117866296, 10)]);
    expect(
      pairedTTest(
        a,
        a.map(() => 1),
      ).pGreater,
    ).toBeCloseTo(0.07061790957612381, 12);
  });

  it('is certain with identical differences, and makes no claim from one pair', () => {
    expect(pairedTTest([2, 3, 4], [1, 2, 3])).toMatchObject({ pGreater: 0, ci: [1, 1] });
    expect(pairedTTest([1, 2, 3], [1, 2, 3])).toMatchObject({ pGreater: 1, mean: 0 });
    expect(pairedTTest([5], [1])).toMatchObject({ n: 1, pGreater: 1 });
    expect(pairedTTest([5], [1]).ci).toBeUndefined();
    expect(() => pairedTTest([1, 2], [1])).toThrow(RangeError);
  });

  it('t quantiles match scipy.stats.t.ppf', () => {
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451051977987, 8);
    expect(studentTQuantile(0.95, 9)).toBeCloseTo(1.8331129326536335, 8);
    expect(studentTQuantile(0.999, 2.5)).toBeCloseTo(13.822193110834316, 6);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451051977987, 8);
  });
});

describe('compareChampion: main’s champion against its replay, paired by seed', () => {
  const rule: GateRule = { metric: 'acc', goal: 'maximize', threshold: { kind: 'absolute', value: 0.01 }, alpha: 0.05 };
  const runs = (values: readonly number[], over: Partial<SeedRun> = {}): SeedRun[] =>
    values.map((v, i) => ({ seed: 100 + i, key: `k${i}`, status: 'complete', metrics: { acc: v }, cached: false, durationMs: 1, ...over }));
  const main = runs([0.96, 0.95, 0.97, 0.96, 0.95, 0.96, 0.97, 0.96]);

  it('an identical replay passes with a zero difference', () => {
    const c = compareChampion('acc', 'maximize', rule, main, main)!;
    expect(c).toMatchObject({ n: 8, delta: 0, status: 'pass', pValue: 1 });
  });

  it('regresses only when the loss is significantly larger than the threshold', () => {
    const jitter = [0.004, -0.003, 0.002, -0.004, 0.001, 0.003, -0.002, 0];
    const shifted = (by: number): SeedRun[] => runs(main.map((r, i) => r.metrics.acc! - by + jitter[i]!));
    expect(compareChampion('acc', 'maximize', rule, main, shifted(0.03))!.status).toBe('regressed');
    // a loss of about 1.2 points against a 1-point gate: past it, but not clearly more than it
    expect(compareChampion('acc', 'maximize', rule, main, shifted(0.012))!.status).toBe('not-significant');
    expect(compareChampion('acc', 'maximize', rule, main, shifted(0.005))!.status).toBe('pass');
    expect(compareChampion('acc', 'maximize', rule, main, shifted(-0.02))).toMatchObject({ status: 'pass', improved: true });
  });

  it('pairs by seed, not by position, and skips seeds either side did not finish', () => {
    const reversed = [...runs([0.9, 0.91, 0.92])].reverse();
    const c = compareChampion('acc', 'maximize', rule, runs([0.9, 0.91, 0.92]), reversed)!;
    expect(c).toMatchObject({ n: 3, delta: 0 });
    const partial = [...runs([0.9, 0.91]), { ...runs([0.5])[0]!, seed: 102, status: 'pruned' as const }];
    expect(compareChampion('acc', 'maximize', rule, runs([0.9, 0.91, 0.92]), partial)!.n).toBe(2);
  });

  it('a replay that fails is a failure, with its error; one with no value is missing', () => {
    const failed = [...runs([0.9]), { ...runs([0])[0]!, seed: 101, status: 'failed' as const, metrics: {}, error: 'TrialError: NaN' }];
    expect(compareChampion('acc', 'maximize', rule, runs([0.9, 0.91]), failed)).toMatchObject({
      status: 'failed',
      error: 'TrialError: NaN',
    });
    expect(compareChampion('acc', 'maximize', rule, runs([0.9, 0.91]), runs([0.9, 0.91], { metrics: {} }))!.status).toBe('missing');
    expect(compareChampion('acc', 'maximize', rule, runs([0.9], { metrics: {} }), runs([0.9]))).toBeUndefined();
  });

  it('compareResults decides on the champion by default, on best with `on: best`, on either with `both`', () => {
    const params = { lr: 0.1 };
    const base = doc({ acc: 0.97 }, { goal: 'maximize' });
    const baseline: ResultsDoc = { ...base, metric: { name: 'acc', goal: 'maximize' }, champion: { params, runs: main } };
    const worseReplay = runs(main.map((r) => r.metrics.acc! - 0.03));
    const pr: ResultsDoc = {
      ...doc({ acc: 0.975 }, { goal: 'maximize' }),
      metric: { name: 'acc', goal: 'maximize' },
      replay: { params, adjustments: [], runs: worseReplay },
    };
    expect(compareResults(baseline, pr, [rule]).metrics[0]).toMatchObject({
      decidedBy: 'champion',
      status: 'regressed',
      bestStatus: 'pass',
    });
    expect(compareResults(baseline, pr, [{ ...rule, on: 'best' }]).metrics[0]).toMatchObject({ decidedBy: 'best', status: 'pass' });
    expect(compareResults(baseline, pr, [{ ...rule, on: 'both' }]).regressed).toBe(true);
    // No replay: a champion rule falls back to best against best, and the comparison says why.
    const skipped = { ...pr, replay: undefined, replaySkipped: "main's best params use lr2, which this PR removed from the search space" };
    const c = compareResults(baseline, skipped, [rule]);
    expect(c.metrics[0]).toMatchObject({ decidedBy: 'best', status: 'pass' });
    expect(c.champion).toEqual({ state: 'unavailable', reason: skipped.replaySkipped });
    expect(compareResults({ ...baseline, champion: undefined }, { ...pr, replay: undefined }, [rule]).champion).toMatchObject({
      state: 'unavailable',
      reason: expect.stringContaining('recorded before'),
    });
  });
});
