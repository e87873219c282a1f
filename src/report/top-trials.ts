import { markdownTable } from 'markdown-table';
import type { JsonValue } from '../core/json.js';
import type { ResultTrial, ResultsDoc } from '../core/results.js';
import { searchTrials } from '../core/results.js';
import { cell, columnFormat, duration, goalArrow } from './format.js';

/** Past this many hyperparameters the top-trials table folds them into one column, so it fits a comment column. */
const MAX_PARAM_COLUMNS = 4;

export function topTrialsSection(r: ResultsDoc, n: number): string {
  const { name, goal } = r.metric;
  const trials = searchTrials(r.trials);
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
  const header = ['#', cell(name) + goalArrow(goal), 'Status', ...(fold ? ['Hyperparameters'] : paramNames.map((p) => cell(p))), 'Time'];
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
