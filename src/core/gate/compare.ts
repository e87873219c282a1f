import type { SeedRun } from './champion-plan.js';
import type { ChampionState, Comparison, GateStatus, MetricComparison, PairedComparison } from './comparison-types.js';
import type { GateRule, Goal, Threshold } from '../config/types.js';
import { inferGoal } from '../config/sections.js';
import { canonicalJson } from '../hash.js';
import type { ResultsDoc } from '../results.js';
import { effectiveRules } from './effective-rules.js';
import { sequentialDesign, sequentialVerdict } from './sequential.js';
import { pairedTTest, welchTTest } from './stats.js';

/** How much worse `current` is than `baseline` in the metric's direction (> 0 is worse). */
export function worsening(goal: Goal, baseline: number, current: number): number {
  return goal === 'minimize' ? current - baseline : baseline - current;
}

/** The worsening a rule allows, in the metric's units: absolute, or a fraction of |main's value|. */
export function allowance(threshold: Threshold, baseline: number): number {
  return threshold.kind === 'absolute' ? threshold.value : threshold.fraction * Math.abs(baseline);
}

/**
 * The one rule both comparisons use: a metric regresses when its worsening is past the threshold and a
 * one-sided test says the worsening exceeds the threshold (not merely zero) at the rule's alpha. Testing
 * against the threshold is what keeps a PR whose true change is small but not zero (an added column, a few
 * more rows) from failing by chance: bench/RESULTS.md, gate trust.
 */
function judge(rule: GateRule | undefined, baseline: number, worse: number, pValue: number | undefined): GateStatus {
  if (!rule) return 'pass';
  const margin = allowance(rule.threshold, baseline);
  // Relative to a zero baseline any worsening is past the threshold.
  if (!(worse > margin)) return 'pass';
  return pValue === undefined || pValue < rule.alpha ? 'regressed' : 'not-significant';
}

/** The tuning result: this PR's best against main's best (Welch's test over their seeds with `repeats`). */
function compareBest(metric: string, goal: Goal, rule: GateRule | undefined, baseline: ResultsDoc | undefined, current: ResultsDoc) {
  const b = baseline?.best?.metrics[metric];
  const c = current.best?.metrics[metric];
  if (c === undefined) return { ...(b !== undefined ? { baseline: b } : {}), bestStatus: 'missing' as GateStatus };
  if (b === undefined) return { current: c, bestStatus: 'no-baseline' as GateStatus };
  const delta = c - b;
  const bs = baseline?.best?.samples[metric] ?? [];
  const cs = current.best?.samples[metric] ?? [];
  // Oriented so "greater" means worse, shifted by the allowance: the p-value is for "worse by more than the threshold".
  const margin = rule ? allowance(rule.threshold, b) : 0;
  const shift = (xs: readonly number[]): number[] => xs.map((x) => x + margin);
  const pValue =
    rule && bs.length >= 2 && cs.length >= 2
      ? goal === 'minimize'
        ? welchTTest(cs, shift(bs)).pGreater
        : welchTTest(bs, shift(cs)).pGreater
      : undefined;
  const worse = worsening(goal, b, c);
  return {
    baseline: b,
    current: c,
    delta,
    ...(b !== 0 ? { relDelta: delta / Math.abs(b) } : {}),
    improved: worse < 0,
    ...(pValue !== undefined ? { pValue } : {}),
    bestStatus: judge(rule, b, worse, pValue),
  };
}

/**
 * Main's champion against its replay on this PR: the values of the seeds both sides finished, paired by seed,
 * and a one-sided paired t-test of "the PR is worse". A replay run that failed decides alone (`failed`). With
 * `sequential` (a replay that stops early, ReplayRecord.sequential) a gated metric is decided at the first look
 * that decides it, of a design for `maxSeeds` seeds (sequential.ts); without, by the fixed test on every seed.
 */
export function compareChampion(
  metric: string,
  goal: Goal,
  rule: GateRule | undefined,
  main: readonly SeedRun[],
  replay: readonly SeedRun[],
  sequential?: { readonly maxSeeds: number },
): PairedComparison | undefined {
  const failed = replay.find((r) => r.status === 'failed');
  const mainValues = completedValues(main, metric);
  if (mainValues.size === 0) return undefined;
  if (failed)
    return {
      n: 0,
      baseline: mean([...mainValues.values()]),
      current: Number.NaN,
      delta: Number.NaN,
      improved: false,
      status: 'failed',
      error: failed.error ?? 'failed',
    };
  const { b, c } = pairedValues(mainValues, replay, metric);
  if (b.length === 0)
    return { n: 0, baseline: mean([...mainValues.values()]), current: Number.NaN, delta: Number.NaN, improved: false, status: 'missing' };
  // Oriented so that a positive mean difference is a worsening; the interval is for the difference itself.
  const test = goal === 'minimize' ? pairedTTest(c, b) : pairedTTest(b, c);
  const worse = test.mean;
  const baseline = mean(b);
  const ci = test.ci && (goal === 'minimize' ? test.ci : ([0 - test.ci[1], 0 - test.ci[0]] as const));
  // The gate's test: is the worsening larger than the threshold allows (one-sided, paired)?
  const margin = rule ? allowance(rule.threshold, baseline) : 0;
  const shifted =
    goal === 'minimize'
      ? pairedTTest(
          c,
          b.map((x) => x + margin),
        )
      : pairedTTest(
          b,
          c.map((x) => x + margin),
        );
  const pValue = rule && test.n >= 2 ? shifted.pGreater : undefined;
  const decided = rule && sequential ? decideSequentially(rule, margin, b, c, goal, sequential.maxSeeds) : undefined;
  return {
    n: test.n,
    baseline,
    current: mean(c),
    delta: goal === 'minimize' ? worse : 0 - worse,
    ...(ci ? { ci } : {}),
    ...(pValue !== undefined ? { pValue } : {}),
    improved: worse < 0,
    status: decided ? decided.status : judge(rule, baseline, worse, pValue),
    ...(decided ? { sequential: decided.sequential } : {}),
  };
}

/** Each seed's value of `metric` in the runs that completed with it. */
export function completedValues(runs: readonly SeedRun[], metric: string): Map<number, number> {
  return new Map(
    runs.filter((r) => r.status === 'complete' && r.metrics[metric] !== undefined).map((r) => [r.seed, r.metrics[metric]!] as const),
  );
}

/** Main's value (`b`) and the replay's (`c`) on each seed both completed, in the replay's (main's) seed order. */
export function pairedValues(main: ReadonlyMap<number, number>, replay: readonly SeedRun[], metric: string): { b: number[]; c: number[] } {
  const b: number[] = [];
  const c: number[] = [];
  for (const r of replay) {
    const v = r.metrics[metric];
    const m = main.get(r.seed);
    if (r.status === 'complete' && v !== undefined && m !== undefined) {
      b.push(m);
      c.push(v);
    }
  }
  return { b, c };
}

/** The sequential replay's decision for one gated metric: the first look, in main's seed order, that decides it. */
function decideSequentially(rule: GateRule, margin: number, b: readonly number[], c: readonly number[], goal: Goal, maxSeeds: number) {
  const losses = b.map((m, i) => worsening(goal, m, c[i]!));
  const design = sequentialDesign(Math.max(maxSeeds, losses.length), rule.alpha);
  const v = sequentialVerdict(losses, margin, design, rule.alpha, true)!;
  const sequential = { look: v.look, seeds: v.seeds, of: design.looks.at(-1)!, why: v.why, level: v.level };
  return { status: v.status as GateStatus, sequential };
}

const SEVERITY: Record<GateStatus, number> = {
  pass: 0,
  'no-baseline': 0,
  'not-significant': 1,
  missing: 2,
  regressed: 3,
  failed: 4,
  'not-comparable': 5,
};

function compareMetric(
  metric: string,
  goal: Goal,
  rule: GateRule | undefined,
  baseline: ResultsDoc | undefined,
  current: ResultsDoc,
): MetricComparison {
  const best = compareBest(metric, goal, rule, baseline, current);
  const main = baseline?.champion?.runs;
  const replay = current.replay?.runs;
  const sequential = current.replay?.sequential ? { maxSeeds: current.replay.sequential.of } : undefined;
  const champion = main && replay ? compareChampion(metric, goal, rule, main, replay, sequential) : undefined;
  const gate = rule ? { threshold: rule.threshold, alpha: rule.alpha, on: rule.on ?? 'champion' } : {};
  const base = { metric, goal, ...best, ...gate, ...(champion ? { champion } : {}) };
  if (!rule) return { ...base, status: best.bestStatus };
  // Neither side of the comparison is like for like: the tuning result was scored under other settings too.
  if (current.notComparable) return { ...base, bestStatus: 'not-comparable', status: 'not-comparable', reason: current.notComparable };
  const on = rule.on ?? 'champion';
  // Without a replay a champion rule falls back to the tuning result; the report says why.
  if (on === 'best' || !champion) return { ...base, decidedBy: 'best', status: best.bestStatus };
  if (on === 'champion') return { ...base, decidedBy: 'champion', status: champion.status };
  const status = SEVERITY[champion.status] >= SEVERITY[best.bestStatus] ? champion.status : best.bestStatus;
  return { ...base, decidedBy: 'both', status };
}

/** A gated metric fails the check when it regressed past its threshold, its replay failed, or main has it and this run does not. */
export function isGateFailure(m: MetricComparison): boolean {
  if (m.threshold === undefined) return false;
  if (m.status === 'regressed' || m.status === 'failed' || m.status === 'not-comparable') return true;
  return m.status === 'missing' && (m.baseline !== undefined || m.champion !== undefined);
}

function championState(baseline: ResultsDoc, current: ResultsDoc): ChampionState {
  if (current.notComparable) return { state: 'not-comparable', reason: current.notComparable };
  if (current.replay) {
    const runs = current.replay.runs;
    return {
      state: 'replayed',
      params: current.replay.params,
      adjustments: current.replay.adjustments,
      ...(current.replay.mainSettings ? { mainSettings: current.replay.mainSettings } : {}),
      seeds: runs.length,
      ...(current.replay.sequential ? { of: current.replay.sequential.of } : {}),
      cached: runs.filter((r) => r.cached).length,
      failed: runs.filter((r) => r.status === 'failed').length,
    };
  }
  if (current.replaySkipped) return { state: 'unavailable', reason: current.replaySkipped };
  if (!baseline.champion)
    return {
      state: 'unavailable',
      reason: 'the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0',
    };
  return { state: 'unavailable', reason: 'this run did not replay it (champion.seeds: 0)' };
}

/**
 * Compares this run with main, metric by metric, and applies the gate rules: the champion replay (main's best
 * params, paired seed by seed) and the tuning result (best against best). With a baseline the rules are the
 * stricter of the baseline's recorded gate and this run's (effectiveRules): a PR cannot loosen its own gate. Shown metrics are the sweep metric,
 * then every gated metric, then the rest of either side's best metrics. Direction comes from the rule's goal,
 * else the sweep metric's goal, else the metric's name (the config parser's `inferGoal`). When several rules
 * name one metric the last wins (the engine puts the config's rules after, and drops, the Action input's for
 * the same metric).
 */
export function compareResults(baseline: ResultsDoc | undefined, current: ResultsDoc, prRules: readonly GateRule[]): Comparison {
  const { rules, loosened } = baseline ? judgedRules(baseline, prRules) : { rules: prRules, loosened: [] };
  const ruleByMetric = new Map<string, GateRule>();
  for (const r of rules) ruleByMetric.set(r.metric, r);

  const names = new Set<string>([current.metric.name, ...ruleByMetric.keys()]);
  for (const m of Object.keys(current.best?.metrics ?? {})) names.add(m);
  for (const m of Object.keys(baseline?.best?.metrics ?? {})) names.add(m);

  const metrics = [...names].map((m) => {
    const rule = ruleByMetric.get(m);
    const goal = rule?.goal ?? (m === current.metric.name ? current.metric.goal : inferGoal(m));
    return compareMetric(m, goal, rule, baseline, current);
  });
  const bv = baseline?.validation;
  const cv = current.validation;

  return {
    hasBaseline: baseline !== undefined,
    metrics,
    regressed: metrics.some(isGateFailure),
    baselineParams: baseline?.best?.params,
    currentParams: current.best?.params,
    baselineSha: baseline?.sha,
    configChanged: baseline !== undefined && baseline.configHash !== current.configHash,
    gateChanged: baseline !== undefined && canonicalJson(baseline.gate) !== canonicalJson(current.gate),
    ...(baseline ? { champion: championState(baseline, current) } : {}),
    ...(bv && cv ? { validationChanged: bv.fingerprint !== cv.fingerprint, validationRows: { baseline: bv.rows, current: cv.rows } } : {}),
    loosened,
    ...(baseline && current.notComparable ? { notComparable: current.notComparable } : {}),
  };
}

/** The rules a run is judged by against `baseline`: the stricter of the baseline's recorded gate and this run's. */
export function judgedRules(baseline: ResultsDoc, prRules: readonly GateRule[]) {
  return effectiveRules(baseline.gate, prRules, (m) => baseline.best?.metrics[m] ?? championMean(baseline, m));
}

/** Main's champion's mean for a metric, for a baseline without a best value for it. */
function championMean(baseline: ResultsDoc, metric: string): number | undefined {
  const values = (baseline.champion?.runs ?? []).flatMap((r) =>
    r.status === 'complete' && r.metrics[metric] !== undefined ? [r.metrics[metric]] : [],
  );
  return values.length > 0 ? mean(values) : undefined;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
