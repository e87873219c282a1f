import type { Goal } from '../core/config/types.js';
import { num } from './format.js';

/** One trial on the chart: its metric value (a pruned trial's last reported one), and whether it can be the best. */
export interface ChartPoint {
  readonly value: number | undefined;
  /** Complete trials only: a pruned trial's value is from an earlier epoch and never counts as the best. */
  readonly counts: boolean;
}

/**
 * Convergence chart as a Mermaid `xychart-beta` block (GitHub renders it): each trial's value as a bar and
 * the best-so-far over complete trials as a line. A failed trial has no value and shows as an empty bar.
 * Returns '' when no trial has a value. Labels are restricted to characters Mermaid accepts unquoted.
 */
export function convergenceChart(points: readonly ChartPoint[], metric: string, goal: Goal): string {
  const has = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
  const known = points.map((p) => p.value).filter(has);
  const counted = points.filter((p) => p.counts && has(p.value)).map((p) => p.value!);
  if (counted.length === 0) return '';
  const best: number[] = [];
  let b: number | undefined;
  for (const p of points) {
    if (p.counts && has(p.value) && (b === undefined || (goal === 'maximize' ? p.value > b : p.value < b))) b = p.value;
    best.push(b ?? counted[0]!);
  }
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  // Pad the axis so the extreme bars stay visible (a bar at the axis minimum has no height).
  const pad = lo === hi ? Math.abs(lo) * 0.05 || 1 : (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const label = metric.replace(/[^A-Za-z0-9_ .-]/g, '_');
  const x = points.map((_, i) => i + 1).join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Best ${label} so far (${goal})"`,
    `  x-axis "trial" [${x}]`,
    `  y-axis "${label}" ${num(lo)} --> ${num(hi)}`,
    `  bar [${points.map((p) => num(has(p.value) ? p.value : lo)).join(', ')}]`,
    `  line [${best.map(num).join(', ')}]`,
    '```',
  ].join('\n');
}
