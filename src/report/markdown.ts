import { markdownTable } from 'markdown-table';
import type { Comparison, MetricComparison } from '../core/comparison.js';
import { formatThreshold } from '../core/threshold.js';
import { isGateFailure } from '../core/compare.js';
import type { JsonValue, Params } from '../core/json.js';
import type { ResultTrial, ResultsDoc, StopReason } from '../core/results.js';
import { convergenceChart } from './chart.js';
import { cell, duration, inline, num, percent, signed } from './format.js';

/** GitHub's cap on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
const TOP_TRIALS = 10;

export interface ReportInput {
  readonly results: ResultsDoc;
  /** Main vs this run; absent for a plain CLI run without `--baseline`. */
  readonly comparison?: Comparison;
  readonly title?: string;
  readonly runUrl?: string;
  /** Hidden first line that finds the sticky comment again (`<!-- sweepgate:<name> -->`). */
  readonly marker?: string;
  /** What to tell the reader when there is no baseline yet (how one gets created). */
  readonly baselineHowTo?: string;
  readonly warnings?: readonly string[];
  /** Keep the document under this many characters (default: GitHub's comment cap). */
  readonly maxChars?: number;
}

/**
 * The whole report as one markdown document: the PR comment, the job summary and the CLI's stdout are
 * all this. Pure: every value comes in through `input`. Sections are dropped from least to most useful
 * (trial details, chart) when the document would pass `maxChars`.
 */
export function buildReport(input: ReportInput): string {
  const max = input.maxChars ?? GITHUB_COMMENT_LIMIT;
  const full = assemble(input, { topTrials: TOP_TRIALS, chart: true });
  if (full.length <= max) return full;
  for (const topTrials of [5, 1, 0]) {
    const doc = assemble(input, { topTrials, chart: topTrials > 0 });
    if (doc.length <= max) return doc;
  }
  const note = '\n\n_…report truncated to fit GitHub’s size limit._\n';
  return assemble(input, { topTrials: 0, chart: false }).slice(0, Math.max(0, max - note.length)) + note;
}

interface Layout {
  readonly topTrials: number;
  readonly chart: boolean;
}

function assemble(input: ReportInput, layout: Layout): string {
  const { results: r, comparison: c } = input;
  const parts: string[] = [];
  if (input.marker) parts.push(input.marker);
  parts.push(`### ${inline(input.title ?? `sweepgate: ${r.sweep}`)}`);
  parts.push(verdict(input));
  const warnings = [...(input.warnings ?? [])];
  if (c?.hasBaseline && c.configChanged) warnings.push('This run’s sweep config differs from the baseline’s: the comparison may not be like for like.');
  if (c?.hasBaseline && c.gateChanged) warnings.push('The gate rules differ from the baseline’s.');
  if (warnings.length > 0) parts.push(warnings.map((w) => `> [!WARNING]\n> ${inline(w)}`).join('\n\n'));
  parts.push(metricsSection(r, c));
  parts.push(paramsSection(r, c));
  parts.push(runSection(r));
  if (layout.chart) {
    const points = searchTrials(r).map((t) => ({ value: t.status === 'failed' ? undefined : t.metrics[r.metric.name], counts: t.status === 'complete' }));
    const chart = convergenceChart(points, r.metric.name, r.metric.goal);
    if (chart) parts.push(chart);
  }
  if (layout.topTrials > 0) {
    const top = topTrialsSection(r, layout.topTrials);
    if (top) parts.push(top);
  }
  if (input.runUrl) parts.push(`[Workflow run](${input.runUrl.replace(/[()\s]/g, encodeURIComponent)})`);
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

function verdict(input: ReportInput): string {
  const { results: r, comparison: c } = input;
  const name = r.metric.name;
  if (!r.best) return `❌ **No trial completed**: ${r.stats.failed} failed, ${r.stats.pruned} pruned. See the trials below.`;
  const bestValue = r.best.metrics[name];
  const summary = `best ${inline(name)} = **${bestValue === undefined ? 'n/a' : num(bestValue)}** over ${r.stats.trials} trials`;
  if (!c) return `🔎 Sweep done: ${summary}.`;
  if (!c.hasBaseline) {
    const how = input.baselineHowTo ?? 'A baseline is recorded by a run on the main branch.';
    return `✅ **No baseline yet**, so there is nothing to compare with and the gate passes: ${summary}. ${inline(how)}`;
  }
  const bad = c.metrics.filter(isGateFailure);
  if (bad.length > 0) return `❌ **Regression**: ${bad.map(describeRegression).join('; ')}.`;
  const noisy = c.metrics.filter((m) => m.status === 'not-significant');
  if (noisy.length > 0)
    return `✅ **No significant regression**: ${noisy.map((m) => `${inline(m.metric)} is worse but within noise (p = ${num(m.pValue ?? 1)})`).join('; ')}; ${summary}.`;
  const main = c.metrics.find((m) => m.metric === name);
  const direction = main?.improved
    ? 'better than'
    : main?.delta === 0
      ? 'the same as'
      : main?.threshold
        ? 'worse than, but within the gate of,'
        : main?.delta !== undefined
          ? 'worse than (not gated)'
          : 'not comparable with (main has no value for it)';
  return `✅ **No regression**: ${summary}, ${direction} main.`;
}

function describeRegression(m: MetricComparison): string {
  const gate = m.threshold ? formatThreshold(m.threshold) : '';
  if (m.status === 'missing') return `${inline(m.metric)} is ${num(m.baseline!)} on main but this run produced no value (gate ${gate})`;
  const rel = m.relDelta === undefined ? '' : ` (${percent(m.relDelta)})`;
  return `${inline(m.metric)} went from ${num(m.baseline!)} on main to ${num(m.current!)}${rel}, past the ${(m.threshold ? formatThreshold(m.threshold) : '')} gate`;
}


const STATUS_TEXT: Record<MetricComparison['status'], string> = {
  pass: '✅ pass',
  regressed: '❌ regressed',
  'not-significant': '⚠️ worse, not significant',
  'no-baseline': '— no baseline',
  missing: '❌ missing',
};

function metricsSection(r: ResultsDoc, c: Comparison | undefined): string {
  const goalOf = (m: string): string => (m === r.metric.name ? ` (${r.metric.goal === 'maximize' ? '↑' : '↓'})` : '');
  if (!c?.hasBaseline) {
    const names = orderMetrics(Object.keys(r.best?.metrics ?? {}), r.metric.name);
    if (names.length === 0) return '';
    const rows = names.map((n) => [cell(n) + goalOf(n), cell(r.best!.metrics[n]), sampleText(r.best!.samples[n])]);
    return `**Best trial’s metrics**\n\n${markdownTable([['Metric', 'Value', 'Seeds'], ...rows], { align: ['l', 'r', 'r'] })}`;
  }
  const rows = c.metrics.map((m) => [
    cell(m.metric) + goalOf(m.metric),
    m.baseline === undefined ? '—' : num(m.baseline),
    m.current === undefined ? '—' : num(m.current),
    m.delta === undefined ? '—' : `${signed(m.delta)}${m.relDelta === undefined ? '' : ` (${percent(m.relDelta)})`}`,
    m.threshold ? `${STATUS_TEXT[m.status]} (gate ${(m.threshold ? formatThreshold(m.threshold) : '')}${m.pValue === undefined ? '' : `, p = ${num(m.pValue)}`})` : 'not gated',
  ]);
  return `**Metrics: main vs this PR**\n\n${markdownTable([['Metric', 'main', 'PR', 'Δ', 'Gate'], ...rows], { align: ['l', 'r', 'r', 'r', 'l'] })}`;
}

function sampleText(samples: readonly number[] | undefined): string {
  if (!samples || samples.length < 2) return '1';
  const m = samples.reduce((s, x) => s + x, 0) / samples.length;
  const sd = Math.sqrt(samples.reduce((s, x) => s + (x - m) ** 2, 0) / (samples.length - 1));
  return `${samples.length} (± ${num(sd)})`;
}

function orderMetrics(names: readonly string[], first: string): string[] {
  return [...names].sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
}

function paramsSection(r: ResultsDoc, c: Comparison | undefined): string {
  const current = r.best?.params;
  if (!current) return '';
  const base = c?.hasBaseline ? c.baselineParams : undefined;
  const names = [...new Set([...Object.keys(base ?? {}), ...Object.keys(current)])].sort();
  if (names.length === 0) return '';
  if (!base) {
    return `**Best hyperparameters**\n\n${markdownTable([['Parameter', 'Value'], ...names.map((n) => [cell(n), cell(current[n])])])}`;
  }
  const rows = names.map((n) => {
    const changed = JSON.stringify(base[n]) !== JSON.stringify(current[n]);
    return [cell(n), cell(base[n]), changed ? `**${cell(current[n])}**` : cell(current[n])];
  });
  return `**Best hyperparameters: main vs this PR** (changes in bold)\n\n${markdownTable([['Parameter', 'main', 'PR'], ...rows])}`;
}

const STOP_TEXT: Record<StopReason, string> = {
  trials: 'the trial budget was used up',
  minutes: 'the time budget cut the sweep short',
  target: 'the metric target was reached',
  exhausted: 'the search space was exhausted',
};

function runSection(r: ResultsDoc): string {
  const s = r.stats;
  // Finalist reruns (repeats) measure noise and are extra to the trial budget, so they are counted apart.
  const repeats = r.trials.filter((t) => t.repeat > 0).length;
  const searched = `${s.trials - repeats}${s.budget.trials !== undefined ? `/${s.budget.trials}` : ''} trials${repeats > 0 ? ` + ${repeats} repeats` : ''}`;
  const budget = [
    searched,
    s.budget.minutes !== undefined ? `${duration(s.wallMs)} of ${duration(s.budget.minutes * 60_000)}` : duration(s.wallMs),
  ].join(', ');
  const rows = [
    ['Trials', `${s.trials} (${s.trained} trained, ${s.cached} cached, ${s.pruned} pruned, ${s.failed} failed)`],
    ['Budget used', `${budget}; stopped because ${STOP_TEXT[s.stopReason]}`],
    ['Method', `${cell(r.method)}, seed ${r.seed}`],
    ['Backend', cell(r.backend)],
  ];
  return `**Run**\n\n${markdownTable([['', ''], ...rows])}`;
}

function searchTrials(r: ResultsDoc): ResultTrial[] {
  return r.trials.filter((t) => t.repeat === 0);
}

function topTrialsSection(r: ResultsDoc, n: number): string {
  const { name, goal } = r.metric;
  const trials = searchTrials(r);
  // Complete trials first, then pruned ones (their value is from an earlier step), then failed; best first.
  const tier = (t: ResultTrial): number => (t.status === 'complete' && t.metrics[name] !== undefined ? 0 : t.status === 'pruned' && t.metrics[name] !== undefined ? 1 : 2);
  const loss = (t: ResultTrial): number => (tier(t) === 2 ? 0 : goal === 'maximize' ? -t.metrics[name]! : t.metrics[name]!);
  const ranked = trials
    .map((t, i) => ({ t, i }))
    .sort((a, b) => tier(a.t) - tier(b.t) || loss(a.t) - loss(b.t) || a.i - b.i)
    .slice(0, n);
  if (ranked.length === 0) return '';
  const paramNames = [...new Set(ranked.flatMap(({ t }) => Object.keys(t.params)))].sort();
  const header = ['#', cell(name), 'Status', ...paramNames.map((p) => cell(p)), 'Time'];
  const rows = ranked.map(({ t, i }) => [
    String(i + 1),
    t.metrics[name] === undefined ? '—' : num(t.metrics[name]),
    statusText(t),
    ...paramNames.map((p) => cell(t.params[p] as JsonValue | undefined)),
    t.cached ? 'cached' : duration(t.durationMs),
  ]);
  const failed = trials.filter((t) => t.status === 'failed' && t.error);
  const errors =
    failed.length === 0
      ? ''
      : `\n\nFailed trials:\n${failed
          .slice(0, 5)
          .map((t) => `- #${trials.indexOf(t) + 1}: ${inline((t.error ?? '').slice(0, 300))}`)
          .join('\n')}${failed.length > 5 ? `\n- … and ${failed.length - 5} more` : ''}`;
  return `<details><summary>Top ${ranked.length} of ${trials.length} trials</summary>\n\n${markdownTable([header, ...rows])}${errors}\n\n</details>`;
}

function statusText(t: ResultTrial): string {
  return t.status === 'complete' ? '✓' : t.status === 'pruned' ? `pruned @${t.history.at(-1)?.step ?? 0}` : 'failed';
}

/** Best params as `name=value` pairs, for log lines. */
export function paramsLine(p: Params): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}
