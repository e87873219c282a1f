import type { MetricComparison, PairedComparison, SequentialDecision } from '../core/gate/index.js';
import { NO_METRIC, type Threshold } from '../core/config/types.js';
import { formatThreshold } from '../core/gate/index.js';
import { causeFromErrorText } from '../core/failure-cause.js';
import { searchTrials, type ResultsDoc } from '../core/results.js';
import { cap, NAME_MAX_CHARS, num, relative } from './format.js';
import { failureGroups } from './failures.js';

/**
 * The gate's verdict in plain words, one sentence per gated metric: the comment's verdict line, the job
 * summary, the failed step's message and the CLI's stderr all say the same thing, from these functions.
 * Text is plain (no markdown); callers escape it for where it goes.
 */

const FRACTION_NAMES = /acc|auc|f1|precision|recall|iou|dice/i;

/** Accuracy-like metrics in [0, 1] read best in points (0.031 → 3.1 points), as people say them. */
export function inPoints(metric: string, values: readonly number[]): boolean {
  return FRACTION_NAMES.test(metric) && values.every((v) => Number.isFinite(v) && v >= 0 && v <= 1);
}

/** Decimals that show an estimate to the precision its interval supports (half-width 0.7 → 1 decimal). */
function decimalsFor(halfWidth: number | undefined, value: number): number {
  const scale = halfWidth !== undefined && halfWidth > 0 ? halfWidth : Math.abs(value) > 0 ? Math.abs(value) / 10 : 1;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(scale))));
}

function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** The threshold in the metric's own terms: `1-point gate`, `0.01 gate`, `2% gate`. */
export function gateText(threshold: Threshold, points: boolean): string {
  if (threshold.kind === 'relative') return `${formatThreshold(threshold)} gate`;
  return points ? `${num(threshold.value * 100)}-point gate` : `${num(threshold.value)} gate`;
}

/**
 * How far the PR is from main, naming a positive quantity, and the evidence apart:
 * `{ change: 'loses 3.1 points of val_accuracy', evidence: '8 seeds, 95% CI 2.4 to 3.8, p = 0.001' }`. The p-value
 * (for "worse by more than the threshold") is shown where the gate weighed it: past the threshold.
 */
export function pairedPhrase(
  metric: string,
  goal: 'minimize' | 'maximize',
  c: PairedComparison,
  showP = c.status === 'regressed' || c.status === 'not-significant',
): { change: string; evidence: string } {
  const points = inPoints(metric, [c.baseline, c.current]);
  const k = points ? 100 : 1;
  const worse = goal === 'minimize' ? c.delta : -c.delta;
  const seeds = `${c.n} seed${c.n === 1 ? '' : 's'}`;
  if (c.delta === 0 && (!c.ci || c.ci[0] === c.ci[1]))
    return { change: `scores ${metric} ${num(c.current)}, exactly as on main`, evidence: `${seeds}, identical runs` };
  // The sign that turns delta into the quantity the sentence names (a loss or gain of points; a rise or fall).
  const sign = points ? (worse >= 0 ? 1 : -1) * (goal === 'minimize' ? 1 : -1) : c.delta >= 0 ? 1 : -1;
  const q = sign * c.delta * k;
  const ci = c.ci && (sign > 0 ? [c.ci[0] * k, c.ci[1] * k] : [-c.ci[1] * k, -c.ci[0] * k]);
  const d = decimalsFor(ci ? (ci[1]! - ci[0]!) / 2 : undefined, q);
  const verb = points ? (worse >= 0 ? 'loses' : 'gains') : c.delta >= 0 ? 'raises' : 'lowers';
  if (ci && ci[0] === ci[1]) {
    // Every seed moved by exactly the same amount: a deterministic objective, or a change no seed can hide.
    const amount = num(q);
    return {
      change: points ? `${verb} ${amount} points of ${metric}` : `${verb} ${metric} by ${amount}`,
      evidence: `${seeds}, the same on every seed`,
    };
  }
  const change = points ? `${verb} ${fixed(q, d)} points of ${metric}` : `${verb} ${metric} by ${fixed(q, d)}`;
  const evidence = [
    seeds,
    ...(ci ? [`95% CI ${fixed(ci[0]!, d)} to ${fixed(ci[1]!, d)}`] : []),
    ...(c.pValue !== undefined && showP ? [pText(c.pValue)] : []),
  ];
  return { change, evidence: evidence.join(', ') };
}

/** `p = 0.03`, `p = 0.004`, `p < 0.001`. */
export function pText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** A paired difference and its interval in the metric's units, to the precision the interval supports: `−0.031 (−0.034 to −0.028)`. */
export function deltaWithCi(c: PairedComparison): string {
  const d = decimalsFor(c.ci ? (c.ci[1] - c.ci[0]) / 2 : undefined, c.delta) + 1;
  const signedFixed = (x: number): string => (x > 0 ? `+${fixed(x, d)}` : fixed(x, d));
  if (c.delta === 0 && (!c.ci || c.ci[0] === c.ci[1])) return '0 (identical)';
  return `${signedFixed(c.delta)}${c.ci ? ` (${signedFixed(c.ci[0])} to ${signedFixed(c.ci[1])})` : ''}`;
}

/** One sentence for one gated metric's decision. */
export function metricVerdict(m: MetricComparison): string {
  m = { ...m, metric: cap(m.metric, NAME_MAX_CHARS) }; // a PR names its metrics: a 40,000-character one must not bury the verdict
  const points = inPoints(
    m.metric,
    [m.baseline, m.current, m.champion?.baseline, m.champion?.current].filter((v): v is number => v !== undefined && !Number.isNaN(v)),
  );
  const gate = m.threshold ? gateText(m.threshold, points) : 'gate';
  if (m.status === 'not-comparable')
    return `not comparable with main: ${m.reason ?? 'main’s best config cannot be replayed like for like'}`;
  const c = m.champion;
  if (m.decidedBy !== 'best' && c) {
    if (c.status === 'failed')
      return `main's best config no longer trains on this PR (${causeFromErrorText(c.error)}): a model that does not train is a regression`;
    if (c.status === 'missing') return `main's best config, replayed on this PR, reports no ${m.metric} (main's: ${num(c.baseline)})`;
    const { change, evidence } = pairedPhrase(m.metric, m.goal, c);
    const phrase = `main's best config ${change} on this PR (${evidence})`;
    const early = c.sequential && c.sequential.why !== 'all-seeds' ? c.sequential : undefined;
    const tail = early
      ? `; ${earlyStopText(early, m.threshold ? gateText(m.threshold, points).replace(/ gate$/, ' threshold') : 'threshold')}`
      : c.status === 'not-significant' && c.sequential && c.sequential.level !== m.alpha
        ? `: past the ${gate} but not significant at the last look's level ${num(c.sequential.level)} (alpha ${m.alpha} spent over ${c.sequential.look} looks)`
        : c.status === 'regressed'
          ? `, past the ${gate}`
          : c.status === 'not-significant'
            ? `: past the ${gate} but not significant at alpha ${m.alpha}`
            : c.improved || c.delta === 0
              ? ''
              : `, within the ${gate}`;
    const best = m.decidedBy === 'both' && m.bestStatus === 'regressed' ? `; and the search result regressed: ${bestPhrase(m, gate)}` : '';
    return `${phrase}${tail}${best}`;
  }
  return bestPhrase(m, gate);
}

/** `decided after 3 of 10 seeds: clearly past the 1-point threshold`: why a sequential replay stopped early. */
export function earlyStopText(s: SequentialDecision, threshold: string): string {
  return `decided after ${s.seeds} of ${s.of} seeds: clearly ${s.why === 'past' ? 'past' : 'within'} the ${threshold}`;
}

/** The tuning result in words: `best val_loss went from 0.31 on main to 0.35 (+12.9%), past the 2% gate`. */
function bestPhrase(m: MetricComparison, gate: string): string {
  if (m.bestStatus === 'missing')
    return m.baseline === undefined
      ? `this run produced no ${m.metric}`
      : `${m.metric} is ${num(m.baseline)} on main but this run produced no value (${gate})`;
  if (m.baseline === undefined || m.current === undefined) return `${m.metric}: no value on main to compare with`;
  const rel = m.relDelta === undefined || m.baseline === undefined ? '' : ` (${relative(m.relDelta, m.baseline)})`;
  const p = m.pValue === undefined ? '' : `, ${pText(m.pValue)}`;
  const tail =
    m.bestStatus === 'regressed'
      ? `, past the ${gate}`
      : m.bestStatus === 'not-significant'
        ? `: past the ${gate} but not significant at alpha ${m.alpha}`
        : m.improved || m.delta === 0
          ? ''
          : `, within the ${gate}`;
  return `best ${m.metric} went from ${num(m.baseline)} on main to ${num(m.current)} on this PR${rel}${p}${tail}`;
}

/**
 * A sweep without a metric (W&B allows none for grid and random sweeps) has no best trial: it succeeded when a trial
 * completed, and there is nothing to compare or gate.
 */
export function finishedWithoutMetric(r: Pick<ResultsDoc, 'metric' | 'stats'>): boolean {
  return r.metric.name === NO_METRIC && r.stats.trials > r.stats.failed;
}

/**
 * Why there is no result, in one sentence with the count and the causes in sight: `3 of 3 trials failed:
 * ModuleNotFoundError: No module named 'torch'`; with several causes, each with its count, the most common first
 * (`12 of 12 trials failed: 8 × loss became NaN at epoch 4; 4 × killed by SIGKILL`).
 */
export function noTrialVerdict(r: Pick<ResultsDoc, 'trials'>): string {
  const search = searchTrials(r.trials);
  if (search.length === 0) return 'no trial ran (the budget or the search space allowed none)';
  const failed = search.filter((t) => t.status === 'failed').length;
  const pruned = search.filter((t) => t.status === 'pruned').length;
  const groups = failureGroups(search);
  const shown = groups.slice(0, 3);
  const causes =
    groups.length === 1
      ? groups[0]!.cause
      : shown.map((g) => `${g.trials.length} × ${g.cause}`).join('; ') +
        (groups.length > shown.length ? `; and ${groups.length - shown.length} other causes` : '');
  const head = `${failed} of ${search.length} trial${search.length === 1 ? '' : 's'} failed`;
  if (failed === search.length) return `${head}: ${causes}`;
  // No best and not all failed: the rest were stopped by the pruner before they finished.
  if (failed === 0) return `none of the ${search.length} trials finished: the pruner stopped all ${pruned} early`;
  return `${head}: ${causes}; the pruner stopped the other ${pruned} early`;
}
