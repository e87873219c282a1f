import { markdownTable } from 'markdown-table';
import type { Comparison, MetricComparison } from '../core/gate/index.js';
import { formatThreshold } from '../core/gate/index.js';
import type { ResultsDoc } from '../core/results.js';
import { causeFromErrorText } from '../core/failure-cause.js';
import { cell, codeSpan, columnFormat, goalArrow, NAME_MAX_CHARS, num, relative, signedWith } from './format.js';
import { deltaWithCi, pText } from './verdict.js';
import { REPLAY_ONLY_BEST_LABEL } from './replay-only.js';

/** The report's metric tables: the champion replay that gates, the PR's best against main's, and the notes the reader needs to trust them. */

const STATUS_TEXT: Record<MetricComparison['status'], string> = {
  pass: '✅ pass',
  regressed: '❌ regressed',
  'not-significant': '⚠️ worse, not significant',
  'no-baseline': '— no baseline',
  missing: '❌ missing',
  failed: '❌ replay failed',
  'not-comparable': '❌ not comparable',
};

function gateCell(m: MetricComparison, status: MetricComparison['status'], pValue: number | undefined, decides: boolean): string {
  if (!m.threshold) return 'not gated';
  const gate = `≤ ${formatThreshold(m.threshold)} worse`;
  const p = pValue === undefined ? '' : `, ${pText(pValue)}`;
  return `${STATUS_TEXT[status]} (${gate}${p})${decides ? '' : ' · not decisive'}`;
}

export function metricsSection(r: ResultsDoc, c: Comparison | undefined): string {
  const goalOf = (m: string): string => (m === r.metric.name ? goalArrow(r.metric.goal) : '');
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
          cell(m.metric) + (m.threshold || m.metric === r.metric.name ? goalArrow(m.goal) : ''),
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
      cell(m.metric) + (m.threshold || m.metric === r.metric.name ? goalArrow(m.goal) : ''),
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
export function replayNotes(c: Comparison | undefined): string {
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

export function orderMetrics(names: readonly string[], first: string): string[] {
  return [...names].sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
}
