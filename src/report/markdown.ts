import { markdownTable } from 'markdown-table';
import type { Comparison, MetricComparison } from '../core/gate/index.js';
import { formatThreshold } from '../core/gate/index.js';
import { isGateFailure } from '../core/gate/index.js';
import type { JsonValue, Params } from '../core/json.js';
import type { ResultTrial, ResultsDoc } from '../core/results.js';
import { convergenceChart } from './chart.js';
import { stagesSection } from './stages.js';
import { causeFromErrorText } from '../core/failure-cause.js';
import { failuresSection, type FailureDetail } from './failures.js';
import {
  cap,
  cell,
  codeSpan,
  columnFormat,
  duration,
  inline,
  NAME_MAX_CHARS,
  num,
  relative,
  signedWith,
  TEXT_MAX_CHARS,
} from './format.js';
import { deltaWithCi, finishedWithoutMetric, metricVerdict, noTrialVerdict, pText } from './verdict.js';
import { acceptanceText, loosenedSentence, type Acceptance } from './gate-rules.js';
import type { Space } from '../core/distributions/distribution.js';
import { landscapeSection, type LandscapeForm } from './landscape.js';
import { shardsLine } from './shards.js';
import { budgetLine, costLine } from './cost.js';
import { mainParamsSection, REPLAY_ONLY_BEST_LABEL, replayOnlyTrialsLine, replayOnlyWarnings, searchSummary } from './replay-only.js';

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
    const points = searchTrials(r).map((t, i) => ({
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
  parts.push(failuresSection(searchTrials(r), layout.failures));
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

const STATUS_TEXT: Record<MetricComparison['status'], string> = {
  pass: '✅ pass',
  regressed: '❌ regressed',
  'not-significant': '⚠️ worse, not significant',
  'no-baseline': '— no baseline',
  missing: '❌ missing',
  failed: '❌ replay failed',
  'not-comparable': '❌ not comparable',
};

const arrow = (goal: string): string => (goal === 'maximize' ? ' ↑' : ' ↓');

function gateCell(m: MetricComparison, status: MetricComparison['status'], pValue: number | undefined, decides: boolean): string {
  if (!m.threshold) return 'not gated';
  const gate = `≤ ${formatThreshold(m.threshold)} worse`;
  const p = pValue === undefined ? '' : `, ${pText(pValue)}`;
  return `${STATUS_TEXT[status]} (${gate}${p})${decides ? '' : ' · not decisive'}`;
}

function metricsSection(r: ResultsDoc, c: Comparison | undefined): string {
  const goalOf = (m: string): string => (m === r.metric.name ? arrow(r.metric.goal) : '');
  if (!c?.hasBaseline) {
    const names = orderMetrics(Object.keys(r.best?.metrics ?? {}), r.metric.name);
    if (names.length === 0) return '';
    const rows = names.map((n) => [
      cell(n) + goalOf(n),
      columnFormat([r.best!.metrics[n]])(r.best!.metrics[n]!),
      sampleText(r.best!.samples[n]),
    ]);
    return `**Best trial’s metrics**\n\n${markdownTable([['Metric', 'Value', 'Seeds'], ...rows], { align: ['l', 'r', 'r'] })}`;
  }
  const parts: string[] = [];
  const replayed = c.metrics.filter((m) => m.champion && m.champion.status !== 'failed' && m.champion.status !== 'missing');
  if (c.champion?.state === 'replayed') {
    const ch = c.champion;
    const head = `**Gate: main’s best config, replayed on this PR** (${ch.of !== undefined && ch.of > ch.seeds ? `${ch.seeds} of ${ch.of}` : ch.seeds} seeds, paired seed by seed${ch.cached === ch.seeds ? ', all from the cache' : ch.cached > 0 ? `, ${ch.cached} from the cache` : ''})`;
    const rows = c.metrics
      .filter((m) => m.champion)
      .map((m) => {
        const p = m.champion!;
        const shown = p.status === 'failed' || p.status === 'missing';
        const f = columnFormat([p.baseline, p.current]);
        return [
          cell(m.metric) + (m.threshold || m.metric === r.metric.name ? arrow(m.goal) : ''),
          f(p.baseline),
          shown ? '—' : f(p.current),
          shown ? '—' : deltaWithCi(p),
          gateCell(m, p.status, p.pValue, m.decidedBy !== 'best'),
        ];
      });
    if (rows.length > 0)
      parts.push(
        `${head}\n\n${markdownTable([['Metric', 'main', 'PR', 'Δ (95% CI)', 'Gate'], ...rows], { align: ['l', 'r', 'r', 'r', 'l'] })}`,
      );
    const failedRun = c.metrics.find((m) => m.champion?.status === 'failed')?.champion;
    if (failedRun) parts.push(`The replay failed: ${codeSpan(causeFromErrorText(failedRun.error))}`);
    if (replayed.length === 0 && rows.length === 0) parts.push(`${head}: no metric in common with main’s champion.`);
  }
  // A replay-only PR has no best: its table only matters where a rule decides on it (and fails).
  if (r.replayOnly && !c.metrics.some((m) => m.decidedBy === 'best' || m.decidedBy === 'both')) return parts.join('\n\n');
  const bestRows = c.metrics.map((m) => {
    // One format per row: main, the PR and the change of one metric read alike.
    const f = columnFormat([m.baseline, m.current]);
    return [
      cell(m.metric) + (m.threshold || m.metric === r.metric.name ? arrow(m.goal) : ''),
      m.baseline === undefined ? '—' : f(m.baseline),
      m.current === undefined ? '—' : f(m.current),
      m.delta === undefined ? '—' : `${signedWith(f, m.delta)}${m.relDelta === undefined ? '' : ` (${relative(m.relDelta, m.baseline!)})`}`,
      gateCell(m, m.bestStatus, m.pValue, m.decidedBy !== 'champion'),
    ];
  });
  const label = r.replayOnly
    ? REPLAY_ONLY_BEST_LABEL
    : c.champion?.state === 'replayed'
      ? '**Search result: this PR’s best vs main’s best** (what the tuning found; the gate above decides unless a rule says `on: best`)'
      : '**Metrics: this PR’s best vs main’s best**';
  parts.push(`${label}\n\n${markdownTable([['Metric', 'main', 'PR', 'Δ', 'Gate'], ...bestRows], { align: ['l', 'r', 'r', 'r', 'l'] })}`);
  return parts.join('\n\n');
}

/** What the reader must know to trust the replay: what it changed, or why there was none; which rows were scored. */
function replayNotes(c: Comparison | undefined): string {
  if (!c?.hasBaseline) return '';
  const notes: string[] = [];
  const ch = c.champion;
  if (ch?.state === 'replayed') {
    if (ch.mainSettings?.length)
      notes.push(`Replayed with main’s validation split and trainer defaults, not this PR’s: ${cell(ch.mainSettings.join(', '))}.`);
    for (const a of ch.adjustments) {
      notes.push(
        a.why === 'fixed'
          ? `${codeSpan(a.name, NAME_MAX_CHARS)} is fixed by this PR: replayed with ${cell(a.replay)}${a.main !== undefined ? ` (main’s best had ${cell(a.main)})` : ''}.`
          : a.why === 'kept'
            ? `${codeSpan(a.name, NAME_MAX_CHARS)} is no longer searched over main’s value by this PR: replayed with main’s ${cell(a.replay)}, as main trained it.`
            : a.replay !== undefined
              ? `${codeSpan(a.name, NAME_MAX_CHARS)} is new in this PR’s space: replayed with ${cell(a.replay)}, the value main had (the trainer’s default).`
              : `${codeSpan(a.name, NAME_MAX_CHARS)} is new in this PR’s space: left out of the replay, so the program uses its own default, as on main.`,
      );
    }
  }
  if (c.validationChanged && c.validationRows)
    notes.push(
      `Main and this PR were scored on different validation rows (main ${c.validationRows.baseline}, this PR ${c.validationRows.current}): the PR changed which rows are held out or their labels, so the difference includes that change.`,
    );
  else if (c.validationChanged === false && c.validationRows)
    notes.push(`Both sides were scored on the same ${c.validationRows.current} validation rows.`);
  return notes.map((n) => `- ${n}`).join('\n');
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

function runSection(r: ResultsDoc, baselineNote: string | undefined): string {
  const search = searchTrials(r);
  const repeats = r.trials.filter((t) => t.repeat > 0);
  const count = (ts: readonly ResultTrial[], status: ResultTrial['status']): number => ts.filter((t) => t.status === status).length;
  const trained = r.trials.filter((t) => !t.cached).length;
  const lines = [
    r.replayOnly
      ? replayOnlyTrialsLine(r)
      : `**Trials**: ${search.length} searched: ${count(search, 'complete')} finished, ${count(search, 'pruned')} stopped early (pruned), ${count(search, 'failed')} failed · ${trained} trained, ${r.trials.length - trained} from the cache`,
    ...(repeats.length > 0
      ? [
          `**Repeats**: ${repeats.length} reruns of the finalists on more seeds (${count(repeats, 'complete')} finished), outside the trial budget`,
        ]
      : []),
    ...seedRunsLine(r),
    ...shardsLine(r),
    ...(r.cost ? [costLine(r.cost)] : []),
    ...budgetLine(r, search.length),
    `**Search**: ${cell(r.method)}, seed ${r.seed}${r.backend === 'none' ? '' : ` · **Backend**: ${cell(r.backendChoice ?? r.backend)}`}`,
    ...(baselineNote !== undefined ? [`**Baseline**: ${inline(baselineNote)}`] : []),
  ];
  return `**Run**\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
}

function seedRunsLine(r: ResultsDoc): string[] {
  const counts = (runs: readonly { cached: boolean; status: string }[]): string => {
    const cached = runs.filter((x) => x.cached).length;
    const failed = runs.filter((x) => x.status === 'failed').length;
    return `${runs.length - cached} trained, ${cached} from the cache${failed ? `, ${failed} failed` : ''}`;
  };
  if (r.replay)
    return [
      `**Champion replay**: main’s best params on ${r.replay.sequential && r.replay.sequential.of > r.replay.runs.length ? `${r.replay.runs.length} of main’s ${r.replay.sequential.of}` : `main’s ${r.replay.runs.length}`} seeds (${counts(r.replay.runs)}), outside the trial budget`,
    ];
  if (r.replaySkipped) return [`**Champion replay**: none, ${inline(cap(r.replaySkipped, TEXT_MAX_CHARS))}`];
  if (r.champion)
    return [
      `**Champion**: the best params on ${r.champion.runs.length} held-out seeds (${counts(r.champion.runs)}), recorded for the gate of later PRs`,
    ];
  return [];
}

function searchTrials(r: ResultsDoc): ResultTrial[] {
  return r.trials.filter((t) => t.repeat === 0);
}

/** Past this many hyperparameters the top-trials table folds them into one column, so it fits a comment column. */
const MAX_PARAM_COLUMNS = 4;

function topTrialsSection(r: ResultsDoc, n: number): string {
  const { name, goal } = r.metric;
  const trials = searchTrials(r);
  // Sorted by the value shown, finished and pruned alike (pruned values are marked partial); failed ones last.
  const valued = (t: ResultTrial): boolean => t.status !== 'failed' && t.metrics[name] !== undefined;
  const loss = (t: ResultTrial): number => (goal === 'maximize' ? -t.metrics[name]! : t.metrics[name]!);
  const ranked = trials
    .map((t, i) => ({ t, i }))
    .sort((a, b) => Number(valued(b.t)) - Number(valued(a.t)) || (valued(a.t) ? loss(a.t) - loss(b.t) : 0) || a.i - b.i)
    .slice(0, n);
  if (ranked.length === 0) return '';
  const allNames = [...new Set(ranked.flatMap(({ t }) => Object.keys(t.params)))].sort();
  const fold = allNames.length > MAX_PARAM_COLUMNS;
  // Folded, the column shows what differs between the rows; what they share is said once below the table.
  const same = (p: string): boolean =>
    ranked.length > 1 && ranked.every(({ t }) => JSON.stringify(t.params[p]) === JSON.stringify(ranked[0]!.t.params[p]));
  const paramNames = fold ? allNames.filter((p) => !same(p)) : allNames;
  const shared = fold ? allNames.filter(same) : [];
  const f = columnFormat(ranked.map(({ t }) => t.metrics[name]));
  const header = ['#', cell(name) + arrow(goal), 'Status', ...(fold ? ['Hyperparameters'] : paramNames.map((p) => cell(p))), 'Time'];
  const rows = ranked.map(({ t, i }) => [
    String(i + 1),
    t.metrics[name] === undefined || t.status === 'failed' ? '—' : `${f(t.metrics[name])}${t.status === 'pruned' ? ' (partial)' : ''}`,
    statusText(t),
    ...(fold
      ? [
          paramNames
            .filter((p) => p in t.params)
            .map((p) => `${cell(p)}=${cell(t.params[p] as JsonValue)}`)
            .join(', '),
        ]
      : paramNames.map((p) => cell(t.params[p] as JsonValue | undefined))),
    t.cached ? 'cached' : duration(t.durationMs),
  ]);
  const numeric = (p: string): boolean => ranked.every(({ t }) => typeof t.params[p] === 'number' || t.params[p] === undefined);
  const align = ['r', 'r', 'l', ...(fold ? ['l'] : paramNames.map((p) => (numeric(p) ? 'r' : 'l'))), 'r'];
  const partialAhead = ranked.some(({ t }, k) => t.status === 'pruned' && ranked.slice(k + 1).some(({ t: u }) => u.status === 'complete'));
  const sharedNote =
    shared.length > 0
      ? `\n\n<sub>Every trial above also has ${shared.map((p) => `${cell(p)}=${cell(ranked[0]!.t.params[p] as JsonValue)}`).join(', ')}.</sub>`
      : '';
  const note =
    sharedNote +
    (partialAhead
      ? '\n\n<sub>A partial value is from the epoch the pruner stopped that trial at: not comparable with a finished trial’s, and never the best.</sub>'
      : '');
  return `<details><summary>Top ${ranked.length} of ${trials.length} trials</summary>\n\n${markdownTable([header, ...rows], { align })}${note}\n\n</details>`;
}

function statusText(t: ResultTrial): string {
  if (t.status === 'complete') return '✓';
  if (t.status === 'failed') return 'failed';
  const step = t.history.at(-1)?.step ?? 0;
  const epochs = typeof t.params.epochs === 'number' ? t.params.epochs : undefined;
  return epochs !== undefined ? `pruned at epoch ${step} of ${epochs}` : `pruned at step ${step}`;
}

/** Best params as `name=value` pairs, for log lines. */
export function paramsLine(p: Params): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}
