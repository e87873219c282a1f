import type { Goal } from '../core/config/types.js';
import { num } from './format.js';

/**
 * Convergence chart as a Mermaid `xychart-beta` block (GitHub renders it): each trial's value as bars and
 * the best-so-far as a line. Trials without a value (failed) carry the previous best / show no bar.
 * Returns '' when no trial has a value. Labels are restricted to characters Mermaid accepts unquoted.
 */
export function convergenceChart(values: readonly (number | undefined)[], metric: string, goal: Goal): string {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (known.length === 0) return '';
  const best: number[] = [];
  let b: number | undefined;
  for (const v of values) {
    if (v !== undefined && Number.isFinite(v) && (b === undefined || (goal === 'maximize' ? v > b : v < b))) b = v;
    best.push(b ?? known[0]!);
  }
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    lo -= pad;
    hi += pad;
  }
  const label = metric.replace(/[^A-Za-z0-9_ .-]/g, '_');
  const x = values.map((_, i) => i + 1).join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Best ${label} so far (${goal})"`,
    `  x-axis "trial" [${x}]`,
    `  y-axis "${label}" ${num(lo)} --> ${num(hi)}`,
    `  bar [${values.map((v) => (v !== undefined && Number.isFinite(v) ? num(v) : num(goal === 'maximize' ? lo : hi))).join(', ')}]`,
    `  line [${best.map(num).join(', ')}]`,
    '```',
  ].join('\n');
}
