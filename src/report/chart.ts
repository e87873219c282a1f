import type { Goal } from '../core/config/types.js';
import type { TrialStatus } from '../core/trial.js';
import { num } from './format.js';

/** One search trial, in the order the sweep ran them. */
export interface ChartPoint {
  /** The trial's number in the sweep (1-based), for the x-axis labels. */
  readonly trial: number;
  readonly status: TrialStatus;
  /** Its metric value (a pruned trial's is from the epoch it stopped at; a failed one may have none). */
  readonly value: number | undefined;
  /** Its stage (0-based) in an iterative sweep: the chart marks where each stage starts. */
  readonly stage?: number;
}

export interface ChartOptions {
  readonly metric: string;
  readonly goal: Goal;
  /** Main's best value for the metric, drawn as a flat line on a PR's chart. */
  readonly mainValue?: number;
}

/** Past this many points the x-axis is a numeric range (Mermaid then labels it sparsely) instead of one label per trial. */
const MAX_LABELS = 20;
/** Values further than this many interquartile ranges beyond the quartiles are clipped to the axis. */
const FENCE = 3;

/**
 * Convergence chart as a Mermaid `xychart-beta` line chart, which GitHub renders: each finished trial's value (a
 * zigzag), the best so far (a staircase that starts at the first finished trial) and, on a PR, main's best (flat).
 * Pruned trials (values from an early epoch) and failed ones (no value) are left out and counted in the caption.
 * The y-axis is what Mermaid can parse and a reader can read: no e-notation (a power-of-ten scale goes in the axis
 * title), outliers clipped to a robust range and counted, a loss axis never below zero and an accuracy never
 * above one. Returns '' with fewer than two finished trials: one point is no curve.
 */
export function convergenceChart(points: readonly ChartPoint[], opts: ChartOptions): string {
  const { metric, goal } = opts;
  const finished = points.filter((p) => p.status === 'complete' && p.value !== undefined && Number.isFinite(p.value));
  if (finished.length < 2) return '';
  const values = finished.map((p) => p.value!);
  const best: number[] = [];
  for (const v of values) best.push(best.length === 0 ? v : goal === 'maximize' ? Math.max(best.at(-1)!, v) : Math.min(best.at(-1)!, v));
  const main = opts.mainValue !== undefined && Number.isFinite(opts.mainValue) ? opts.mainValue : undefined;

  // A robust range: the quartiles' fences, widened to hold the best-so-far line and main's value.
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const keep = [...best, ...(main !== undefined ? [main] : [])];
  let lo = Math.min(...keep, iqr > 0 ? Math.max(sorted[0]!, q1 - FENCE * iqr) : sorted[0]!);
  let hi = Math.max(...keep, iqr > 0 ? Math.min(sorted.at(-1)!, q3 + FENCE * iqr) : sorted.at(-1)!);
  const clippedHigh = values.filter((v) => v > hi).length;
  const clippedLow = values.filter((v) => v < lo).length;
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(hi) * 0.05 || 1;
  const nonNegative = values.every((v) => v >= 0) && (main === undefined || main >= 0);
  const unit = nonNegative && values.every((v) => v <= 1) && (main === undefined || main <= 1);
  lo = nonNegative ? Math.max(0, lo - pad) : lo - pad;
  hi = unit ? Math.min(1, hi + pad) : hi + pad;

  const { factor, label: scaleLabel } = scaleOf(Math.max(Math.abs(lo), Math.abs(hi)));
  const decimals = decimalsFor((hi - lo) / factor);
  const fmt = (v: number): string => plain(v / factor, decimals);
  const clip = (v: number): number => Math.min(hi, Math.max(lo, v));
  const name = safe(metric);
  // Stages: Mermaid's xychart draws no vertical rule, so a full-height pale bar stands on each stage's first
  // trial (the other bars sit at the axis floor, invisible), and the labels say which stage starts there.
  const starts = finished.map((p, i) => (i > 0 && p.stage !== finished[i - 1]!.stage ? p.stage : undefined));
  const staged = starts.some((s) => s !== undefined);
  const label = (p: ChartPoint, i: number): string => (starts[i] !== undefined ? `"S${starts[i]! + 1} ${p.trial}"` : String(p.trial));
  const x =
    finished.length <= MAX_LABELS
      ? `x-axis "trial${staged ? ' (Sn: stage n starts)' : ''}" [${finished.map(label).join(', ')}]`
      : `x-axis "finished trial, in order" 1 --> ${finished.length}`;
  const series = [
    ...(staged ? [`  bar [${starts.map((s) => fmt(s === undefined ? lo : hi)).join(', ')}]`] : []),
    `  line [${values.map((v) => fmt(clip(v))).join(', ')}]`,
    `  line [${best.map((v) => fmt(v)).join(', ')}]`,
    ...(main !== undefined ? [`  line [${values.map(() => fmt(main)).join(', ')}]`] : []),
  ];
  const chart = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${staged ? '#eaeef2, ' : ''}#afb8c1, #0969da, #cf222e"}}}}%%`,
    'xychart-beta',
    `  title "${name} by trial (${goal === 'maximize' ? 'higher' : 'lower'} is better)"`,
    `  ${x}`,
    `  y-axis "${name}${scaleLabel}" ${fmt(lo)} --> ${fmt(hi)}`,
    ...series,
    '```',
  ].join('\n');
  const stageNote = staged
    ? ` Pale columns: the first finished trial of stages ${starts
        .filter((s) => s !== undefined)
        .map((s) => s! + 1)
        .join(', ')}.`
    : '';
  return `${chart}\n\n${caption(points, finished.length, { clippedHigh, clippedLow, lo, hi, main, metric, stageNote })}`;
}

function caption(
  points: readonly ChartPoint[],
  finished: number,
  c: {
    clippedHigh: number;
    clippedLow: number;
    lo: number;
    hi: number;
    main: number | undefined;
    metric: string;
    stageNote: string;
  },
): string {
  const pruned = points.filter((p) => p.status === 'pruned').length;
  const failed = points.filter((p) => p.status === 'failed').length;
  const parts = [
    `<sub>Grey: each of the ${finished} finished trials; blue: the best so far${c.main !== undefined ? `; red: main’s best (${num(c.main)})` : ''}.${c.stageNote}`,
    ...(pruned + failed > 0
      ? [
          `Not drawn: ${[pruned ? `${pruned} pruned (values from an early epoch)` : '', failed ? `${failed} failed` : ''].filter(Boolean).join(', ')}.`,
        ]
      : []),
    ...(c.clippedHigh > 0 ? [`${c.clippedHigh} trial${c.clippedHigh === 1 ? '' : 's'} above ${num(c.hi)} drawn at the top.`] : []),
    ...(c.clippedLow > 0 ? [`${c.clippedLow} trial${c.clippedLow === 1 ? '' : 's'} below ${num(c.lo)} drawn at the bottom.`] : []),
  ];
  return `${parts.join(' ')}</sub>`;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  return sorted[i]! + (sorted[Math.min(i + 1, sorted.length - 1)]! - sorted[i]!) * (pos - i);
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A power of ten (a multiple of 3) that brings the axis into [0.01, 10⁴): Mermaid's parser takes no e-notation. */
export function scaleOf(max: number): { factor: number; label: string } {
  if (!(max > 0) || (max >= 0.01 && max < 1e4)) return { factor: 1, label: '' };
  const k = Math.floor(Math.log10(max) / 3) * 3;
  const exp = String(k).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch);
  return { factor: 10 ** k, label: ` (× 10${exp})` };
}

/** Decimals that resolve about a thousandth of the axis span. */
export function decimalsFor(span: number): number {
  if (!(span > 0)) return 4;
  return Math.min(10, Math.max(0, 3 - Math.floor(Math.log10(span))));
}

/** A decimal without an exponent, trailing zeros dropped. */
export function plain(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  const t = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return t === '-0' ? '0' : t;
}

/** Characters Mermaid takes inside a quoted title. */
export function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9_ .\-/()]/g, '_');
}
