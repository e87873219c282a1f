import { markdownTable } from 'markdown-table';
import type { Comparison } from '../core/gate/index.js';
import { isGateFailure } from '../core/gate/index.js';
import type { Params } from '../core/json.js';
import { searchTrials, type ResultsDoc } from '../core/results.js';
import { convergenceChart } from './chart.js';
import { stagesSection } from './stages.js';
import { failuresSection, type FailureDetail } from './failures.js';
import { cap, cell, inline, NAME_MAX_CHARS, TEXT_MAX_CHARS } from './format.js';
import { finishedWithoutMetric, metricVerdict, noTrialVerdict } from './verdict.js';
import { acceptanceText, loosenedSentence, type Acceptance } from './gate-rules.js';
import type { Space } from '../core/distributions/distribution.js';
import { landscapeSection, type LandscapeForm } from './landscape.js';
import { mainParamsSection, replayOnlyWarnings, searchSummary } from './replay-only.js';
import { metricsSection, replayNotes } from './metrics-section.js';
import { runSection } from './run-section.js';
import { topTrialsSection } from './top-trials.js';

/** GitHub's cap on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room the Action leaves under that cap for the API's own accounting of the body. */
const COMMENT_SAFETY_MARGIN = 536;
/** The longest comment the Action posts: 65,000 characters. */
export const COMMENT_MAX_CHARS = GITHUB_COMMENT_LIMIT - COMMENT_SAFETY_MARGIN;
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
  /** With no baseline, the run fails (a PR with the cache on): the verdict says so, with `baselineHowTo`. */
  readonly noBaselineFails?: boolean;
  /** Where the baseline came from, when the reader should know (one saved by the previous version): a Run line. */
  readonly baselineNote?: string;
  readonly warnings?: readonly string[];
  /** A failed gate accepted on purpose (a maintainer's label, the CLI's --accept-regression): shown under the verdict it would have given. */
  readonly accepted?: Acceptance;
  /** Keep the document under this many characters (default: GitHub's comment cap). */
  readonly maxChars?: number;
  /** The sweep's search space: with it the report reads the landscape (importance, ranges, curves, cost). */
  readonly space?: Space;
}

/**
 * The whole report as one markdown document: the PR comment, the job summary and the CLI's stdout are
 * all this. Pure: every value comes in through `input`. When the document would pass `maxChars`, the details
 * go first (the landscape folded then dropped, top trials, the chart, the failures' output), then whatever follows the verdict is cut at a line;
 * the title and the verdict line are never cut (every name in them is capped).
 */
export function buildReport(input: ReportInput): string {
  const max = input.maxChars ?? GITHUB_COMMENT_LIMIT;
  for (const layout of LAYOUTS) {
    const doc = document(assemble(input, layout));
    if (doc.length <= max) return doc;
  }
  return fitted(assemble(input, LAYOUTS.at(-1)!), max);
}

interface Layout {
  readonly topTrials: number;
  readonly chart: boolean;
  readonly failures: FailureDetail;
  /** The landscape section, open or folded; absent: left out. */
  readonly landscape?: LandscapeForm;
}

/** From the whole report to the least: the details a reader can do without go first. */
const LAYOUTS: readonly Layout[] = [
  { topTrials: TOP_TRIALS, chart: true, failures: 'full', landscape: 'open' },
  { topTrials: TOP_TRIALS, chart: true, failures: 'full', landscape: 'folded' },
  { topTrials: TOP_TRIALS, chart: true, failures: 'full' },
  { topTrials: 5, chart: true, failures: 'full' },
  { topTrials: 1, chart: true, failures: 'full' },
  { topTrials: 0, chart: false, failures: 'full' },
  { topTrials: 0, chart: false, failures: 'list' },
  { topTrials: 0, chart: false, failures: 'none' },
];

/** The report in three parts: what is never cut (marker, title, verdict), what may be, and the closing link. */
interface Parts {
  readonly head: readonly string[];
  readonly body: readonly string[];
  readonly tail: readonly string[];
}

function document(p: Parts): string {
  return `${[...p.head, ...p.body, ...p.tail].filter((x) => x !== '').join('\n\n')}\n`;
}

const TRUNCATED = '_…report truncated to fit GitHub’s size limit._';

/**
 * The head and tail whole, and as much of the body as fits: whole sections, then the first that does not fit cut
 * at a line, unless it is folded or fenced (cut there, it would swallow the rest of the page). Only a head that
 * cannot fit alone (thousands of gated metrics) is cut itself.
 */
function fitted(p: Parts, max: number): string {
  const fixed = (body: readonly string[]): string => document({ head: p.head, body: [...body, TRUNCATED], tail: p.tail });
  const kept: string[] = [];
  for (const section of p.body.filter((x) => x !== '')) {
    if (fixed([...kept, section]).length <= max) {
      kept.push(section);
      continue;
    }
    if (!/<details|^`{3,}/m.test(section)) {
      const room = max - fixed([...kept, '']).length;
      const cut = section.slice(0, Math.max(0, room)).replace(/\n[^\n]*$/, '');
      if (cut.includes('\n') && room > 0) kept.push(cut);
    }
    break;
  }
  const doc = fixed(kept);
  if (doc.length <= max) return doc;
  const note = `\n\n${TRUNCATED}\n`;
  return (
    document({ head: p.head, body: [], tail: [] })
      .slice(0, Math.max(0, max - note.length))
      .trimEnd() + note
  );
}

function assemble(input: ReportInput, layout: Layout): Parts {
  const { results: r, comparison: c } = input;
  const head: string[] = [];
  if (input.marker) head.push(input.marker);
  // A PR names its sweep: capped, so a 40,000-character name cannot push the verdict out of the comment.
  head.push(`### ${inline(cap(input.title ?? `sweepgate: ${r.sweep}`, NAME_MAX_CHARS + 60))}`);
  head.push(`${verdict(input)}${rulesNote(c)}`);
  if (input.accepted) head.push(`✅ **Accepted on purpose**: ${inline(acceptanceText(input.accepted))}, so the check passes.`);
  const parts: string[] = [];
  const warnings = [...(input.warnings ?? [])];
  if (c?.hasBaseline && c.configChanged)
    warnings.push('This run’s sweep config differs from the baseline’s: the comparison may not be like for like.');
  if (c?.hasBaseline && c.gateChanged) warnings.push('The gate rules differ from the baseline’s.');
  warnings.push(...replayOnlyWarnings(r, c));
  if (warnings.length > 0) parts.push(warnings.map((w) => `> [!WARNING]\n> ${inline(cap(w, TEXT_MAX_CHARS))}`).join('\n\n'));
  parts.push(metricsSection(r, c));
  parts.push(replayNotes(c));
  parts.push(paramsSection(r, c));
  parts.push(runSection(r, input.baselineNote));
  if (r.stages) parts.push(stagesSection(r.stages, r.metric.name));
  if (layout.chart) {
    const points = searchTrials(r.trials).map((t, i) => ({
      trial: i + 1,
      status: t.status,
      value: t.metrics[r.metric.name],
      ...(r.stages ? { stage: t.stage } : {}),
    }));
    const mainValue = c?.hasBaseline ? c.metrics.find((m) => m.metric === r.metric.name)?.baseline : undefined;
    const chart = convergenceChart(points, {
      metric: r.metric.name,
      goal: r.metric.goal,
      ...(mainValue !== undefined ? { mainValue } : {}),
    });
    if (chart) parts.push(chart);
  }
  if (layout.topTrials > 0) {
    const top = topTrialsSection(r, layout.topTrials);
    if (top) parts.push(top);
  }
  if (layout.landscape) parts.push(landscapeSection(r, input.space, layout.landscape));
  parts.push(failuresSection(searchTrials(r.trials), layout.failures));
  const tail = input.runUrl ? [`[Workflow run](${input.runUrl.replace(/[()\s]/g, encodeURIComponent)})`] : [];
  return { head, body: parts, tail };
}

function verdict(input: ReportInput): string {
  const { results: r, comparison: c } = input;
  const name = r.metric.name;
  if (!r.best && finishedWithoutMetric(r))
    return `🔎 Sweep done: ${r.stats.trials} trials ran (${r.stats.failed} failed). The config has no \`metric:\` (W&B allows that for grid and random sweeps), so no trial is best and nothing is compared or gated.`;
  if (!r.best && !r.replayOnly) return `❌ **No trial finished**: ${inline(noTrialVerdict(r))}`;
  const summary = searchSummary(r, c);
  if (!c) return `🔎 Sweep done: ${summary}.`;
  if (!c.hasBaseline) {
    const how = input.baselineHowTo ?? 'A baseline is recorded by a run on the main branch.';
    if (input.noBaselineFails)
      return `❌ **No baseline**, so nothing was compared and the check fails: ${inline(how)} Search result: ${summary}.`;
    return `✅ **No baseline yet**, so there is nothing to compare with and the gate passes: ${summary}. ${inline(how)}`;
  }
  const gated = c.metrics.filter((m) => m.threshold !== undefined);
  const fallback =
    c.champion?.state === 'unavailable' && gated.some((m) => m.on !== 'best')
      ? ` Main’s best config could not be replayed (${inline(c.champion.reason)}), so the gate compared this PR’s best with main’s best.`
      : '';
  const bad = gated.filter(isGateFailure);
  if (bad.length > 0) return `❌ **Regression**: ${[...new Set(bad.map((m) => inline(metricVerdict(m))))].join('; ')}.${fallback}`;
  const noisy = gated.filter((m) => m.status === 'not-significant');
  if (noisy.length > 0)
    return `✅ **No significant regression**: ${noisy.map((m) => inline(metricVerdict(m))).join('; ')}. Search result: ${summary}.${fallback}`;
  if (gated.length > 0)
    return `✅ **No regression**: ${gated.map((m) => inline(metricVerdict(m))).join('; ')}. Search result: ${summary}.${fallback}`;
  const main = c.metrics.find((m) => m.metric === name);
  const direction = main?.improved
    ? 'better than'
    : main?.delta === 0
      ? 'the same as'
      : main?.delta !== undefined
        ? 'worse than (not gated)'
        : 'not comparable with (main has no value for it)';
  return `✅ **No gate rules**, so nothing is gated: ${summary}, ${direction} main.`;
}

/** What the PR loosened against main's rules, after the verdict (empty when nothing was). */
function rulesNote(c: Comparison | undefined): string {
  const s = loosenedSentence(c?.loosened);
  return s ? ` ${inline(s.charAt(0).toUpperCase() + s.slice(1))}.` : '';
}

function paramsSection(r: ResultsDoc, c: Comparison | undefined): string {
  const current = r.best?.params;
  if (!current) return r.replayOnly ? mainParamsSection(c) : '';
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

/** Best params as `name=value` pairs, for log lines. */
export function paramsLine(p: Params): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}
