import { markdownTable } from 'markdown-table';
import type { Comparison } from '../core/gate/index.js';
import { searchTrials, type ResultsDoc } from '../core/results.js';
import { cell, codeSpan, inline, num } from './format.js';

/**
 * The parts of the report a replay-only PR (`pr.search: false`) changes: it searched nothing, so the search
 * result is main's, its params are main's best, and rules on this PR's best cannot be evaluated.
 */

/** The search result the verdict names: this run's best over its trials, or main's for a replay-only PR. */
export function searchSummary(r: ResultsDoc, c: Comparison | undefined): string {
  const name = r.metric.name;
  if (!r.best) {
    const main = c?.metrics.find((m) => m.metric === name)?.baseline;
    return `the search ran on main only (a replay-only PR), main’s best ${inline(name)} = **${main === undefined ? 'n/a' : num(main)}**`;
  }
  const bestValue = r.best.metrics[name];
  const seeds = r.best.samples[name]?.length ?? 1;
  const searched = searchTrials(r.trials).length;
  return `best ${inline(name)} = **${bestValue === undefined ? 'n/a' : num(bestValue)}**${seeds > 1 ? ` (mean of ${seeds} seeds)` : ''} over ${searched} trial${searched === 1 ? '' : 's'}`;
}

/** The label of the best-against-best table when this PR searched nothing (shown only when a rule decides on it). */
export const REPLAY_ONLY_BEST_LABEL =
  '**Search result: main’s best** (this PR ran no search, so it has no best of its own: rules on it cannot be evaluated)';

/** Main's best params, which the replay trained: a replay-only PR has none of its own. */
export function mainParamsSection(c: Comparison | undefined): string {
  const base = c?.baselineParams;
  if (!base || Object.keys(base).length === 0) return '';
  const rows = Object.keys(base)
    .sort()
    .map((n) => [cell(n), cell(base[n])]);
  return `**Best hyperparameters: main’s** (the search ran on main only; the replay trained these)\n\n${markdownTable([['Parameter', 'main'], ...rows])}`;
}

/** The Run section's trials line for a replay-only PR. */
export function replayOnlyTrialsLine(r: ResultsDoc): string {
  const sha = r.replayOnly?.mainSha ? ` (${codeSpan(r.replayOnly.mainSha.slice(0, 7))})` : '';
  return `**Trials**: none: a replay-only PR (\`pr.search: false\`), the search ran on main only${sha}`;
}

/** Why a rule on this PR's best fails on a replay-only PR: nothing was searched, so it cannot be evaluated. */
export function replayOnlyWarnings(r: ResultsDoc, c: Comparison | undefined): string[] {
  if (!r.replayOnly) return [];
  const onBest = (c?.metrics ?? []).filter((m) => m.threshold !== undefined && (m.on === 'best' || m.on === 'both'));
  if (onBest.length === 0) return [];
  const names = onBest.map((m) => `${m.metric} (on: ${m.on})`).join(', ');
  return [
    `Rules on this PR’s best cannot be evaluated on a replay-only PR, which runs no search, so they fail: ${names}. Gate them on: champion, or let this PR search (pr.search: true).`,
  ];
}
