import { markdownTable } from 'markdown-table';
import type { Space } from '../core/distributions/distribution.js';
import type { ResultsDoc } from '../core/results.js';
import {
  axisOf,
  batchRows,
  boundaryNotes,
  costPoints,
  curveNotes,
  IMPORTANCE_MIN_TRIALS,
  paramImportance,
  scored,
  type Axis,
  type BoundaryNote,
  type CurveNote,
  type ParamImportance,
} from '../core/landscape/index.js';
import { decimalsFor, plain, safe, scaleOf } from './chart.js';
import { cell, codeSpan, columnFormat, duration, NAME_MAX_CHARS, num } from './format.js';

/** Fewer finished trials than this and there is no landscape to read. */
export const LANDSCAPE_MIN_TRIALS = 5;
/** Axis plots for at most this many parameters, the most important numeric ones. */
const MAX_AXES = 3;
/** A parameter below this share of the importance gets no axis plot (with the importance known). */
const AXIS_MIN_IMPORTANCE = 0.1;
/** Past this many points a chart's x-axis is a numeric range instead of one label per point. */
const MAX_LABELS = 20;

/** Mermaid's default bar colour is a pale lavender that reads as empty; GitHub's blue, as in the convergence chart. */
const BLUE = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%';

export type LandscapeForm = 'open' | 'folded';

/**
 * The "Landscape" section: what the trials say about the search space (issue 19 point 6). The notes (a range to
 * widen, curves to act on) come first and stay visible; the importance table and chart, the axis plots and the
 * cost chart follow. `folded` (when the comment is short of room) keeps the notes, puts the importance and the cost
 * inside `<details>` and leaves out the axis plots and the cost chart (the Pareto front is listed instead). Pure: the results and the space in, markdown
 * out; '' without a space or with fewer than LANDSCAPE_MIN_TRIALS finished trials.
 */
export function landscapeSection(r: ResultsDoc, space: Space | undefined, form: LandscapeForm): string {
  if (!space) return '';
  const metric = r.metric;
  const finished = scored(r.trials, metric).length;
  if (finished < LANDSCAPE_MIN_TRIALS) return '';
  const importance = paramImportance(r.trials, space, metric);
  const notes = [...boundaryNotes(r.trials, space, metric).map(boundaryText), ...curveNotes(r.trials, metric).map(curveText)];
  const open = form === 'open';
  const details = [
    importanceBlock(importance, finished),
    ...(open ? axisBlocks(r, space, importance) : []),
    costBlock(r, open),
    batchBlock(r, space),
  ].filter((x) => x !== '');
  const head = `**Landscape** (what the ${finished} finished trials say about the search space)`;
  const noteList =
    notes.length > 0 ? notes.map((n) => `- ${n}`).join('\n') : '- No range or training-curve note: the best trials sit inside every range.';
  if (details.length === 0) return `${head}\n\n${noteList}`;
  if (open) return [head, noteList, ...details].join('\n\n');
  return `${head}\n\n${noteList}\n\n<details><summary>Importance and cost</summary>\n\n${details.join('\n\n')}\n\n</details>`;
}

const name = (n: string): string => codeSpan(n, NAME_MAX_CHARS);

function rangeText(n: BoundaryNote): string {
  return `[${num(n.range.lo)}, ${num(n.range.hi)}]${n.range.log ? ' (log scale)' : ''}`;
}

function boundaryText(n: BoundaryNote): string {
  const where = `The best ${name(n.param)} values sit at the ${n.end} end of ${rangeText(n)}`;
  const bound = n.end === 'low' ? 'min' : 'max';
  if (n.kind === 'widen')
    return n.atLimit
      ? `📐 ${where}: widen ${bound} to ${num(n.suggested)}, as far as ${name(n.param)} goes.`
      : `📐 ${where}: widen ${bound}, to about ${num(n.suggested)}.`;
  if (n.kind === 'hard-limit')
    return `📐 ${where}, but ${num(n.limit)} is as far as ${name(n.param)} goes (a hard limit): the best is there, so keep ${bound} at ${num(n.limit)}.`;
  return `⚠️ ${where}, and so do ${n.failed} failed trials: that edge is unstable rather than good. Do not widen it; try a warm-up or a smaller range.`;
}

const CURVE_TEXT: Record<CurveNote['check'], string> = {
  'still-improving': 'still improving at the last epoch: train longer (more epochs).',
  overfitting: 'the monitored metric worsens after its best epoch (overfitting): regularise (dropout, weight decay) or stop early.',
  noisy: 'noisy last epochs (the metric jumps up and down from epoch to epoch): try a smaller learning rate or a bigger batch.',
};

function curveText(n: CurveNote): string {
  const which = n.trials.map((t) => `#${t}`).join(', ');
  return `📈 Training curves of the best trials (${which}, ${n.trials.length} of ${n.of} read): ${CURVE_TEXT[n.check]}`;
}

function importanceBlock(imp: readonly ParamImportance[], finished: number): string {
  if (imp.length === 0)
    return finished < IMPORTANCE_MIN_TRIALS ? `<sub>Importance needs at least ${IMPORTANCE_MIN_TRIALS} finished trials.</sub>` : '';
  const rows = imp.map((p) => [cell(p.name, NAME_MAX_CHARS), `${(p.importance * 100).toFixed(0)}%`, `${(p.explained * 100).toFixed(0)}%`]);
  const table = markdownTable([['Parameter', 'Importance', 'Explains alone'], ...rows], { align: ['l', 'r', 'r'] });
  const top = Math.min(100, Math.ceil((imp[0]!.importance * 100) / 10) * 10 || 10);
  const chart = mermaid([
    BLUE,
    'xychart-beta',
    '  title "Parameter importance"',
    `  x-axis [${imp.map((p) => `"${safe(p.name)}"`).join(', ')}]`,
    `  y-axis "importance (%)" 0 --> ${top}`,
    `  bar [${imp.map((p) => (p.importance * 100).toFixed(1)).join(', ')}]`,
  ]);
  return `**Importance**\n\n${table}\n\n${chart}\n\n<sub>Each parameter’s main effect on the metric’s ranking (the first-order terms of a functional ANOVA, fitted jointly over grouped values and bias-corrected), normalised to 100%; “Explains alone” is the share of the ranking’s variance its own effect accounts for. Deterministic: the same trials give the same numbers. Interactions are credited to no parameter.</sub>`;
}

function axisBlocks(r: ResultsDoc, space: Space, imp: readonly ParamImportance[]): string[] {
  const order = imp.length > 0 ? imp.filter((p) => p.importance >= AXIS_MIN_IMPORTANCE).map((p) => p.name) : space.map((p) => p.name);
  const axes = order
    .map((n) => space.find((p) => p.name === n))
    .map((p) => (p ? axisOf(p, r.trials, r.metric) : undefined))
    .filter((a): a is Axis => a !== undefined)
    .slice(0, MAX_AXES);
  return axes.map((a) => axisChart(a, r.metric.name, r.metric.goal));
}

function axisChart(a: Axis, metric: string, goal: string): string {
  const y = yAxis(a.buckets.map((b) => b.best));
  const scale = a.range.log ? 'log scale' : 'linear scale';
  return mermaid([
    BLUE,
    'xychart-beta',
    `  title "Best ${safe(metric)} by ${safe(a.param)} (${goal === 'maximize' ? 'higher' : 'lower'} is better)"`,
    `  x-axis "${safe(a.param)} (${scale}, bucket middles)" [${a.buckets.map((b) => `"${label(b.at)}"`).join(', ')}]`,
    `  y-axis "${safe(metric)}${y.label}" ${y.lo} --> ${y.hi}`,
    `  bar [${a.buckets.map((b) => y.fmt(b.best)).join(', ')}]`,
  ]);
}

function costBlock(r: ResultsDoc, withChart: boolean): string {
  const points = costPoints(r.trials, r.metric);
  if (points.length < 2) return '';
  const onFront = points.filter((p) => p.front);
  const list = onFront.map((p) => `#${p.number} (${duration(p.durationMs)}, ${num(p.value)})`).join(', ');
  const sentence = `On the Pareto front (the best ${cell(r.metric.name, NAME_MAX_CHARS)} for the time spent): ${list}; the other ${points.length - onFront.length} finished trials took as long or longer for less.`;
  if (!withChart) return `**Cost beside quality**: ${sentence}`;
  const front: number[] = [];
  for (const p of points) front.push(p.front ? p.value : front.at(-1)!);
  const y = yAxis(points.map((p) => p.value));
  const x =
    points.length <= MAX_LABELS
      ? `x-axis "training time" [${points.map((p) => `"${duration(p.durationMs)}"`).join(', ')}]`
      : `x-axis "finished trials, fastest to slowest" 1 --> ${points.length}`;
  const chart = mermaid([
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#afb8c1, #0969da"}}}}%%',
    'xychart-beta',
    `  title "${safe(r.metric.name)} against training time"`,
    `  ${x}`,
    `  y-axis "${safe(r.metric.name)}${y.label}" ${y.lo} --> ${y.hi}`,
    `  bar [${points.map((p) => y.fmt(p.value)).join(', ')}]`,
    `  line [${front.map((v) => y.fmt(v)).join(', ')}]`,
  ]);
  return `**Cost beside quality**\n\n${chart}\n\n<sub>Grey: each finished trial’s ${cell(r.metric.name, NAME_MAX_CHARS)}, fastest to slowest; blue: the best so far, the Pareto front. ${sentence}</sub>`;
}

function batchBlock(r: ResultsDoc, space: Space): string {
  const b = batchRows(r.trials, space, r.metric);
  if (!b) return '';
  const f = columnFormat(b.rows.map((x) => x.best));
  const rows = b.rows.map((x) => [cell(x.batchSize), String(x.trials), duration(x.msPerEpoch), f(x.best)]);
  const table = markdownTable(
    [[cell(b.name, NAME_MAX_CHARS), 'Trials', 'Time per epoch (median)', `Best ${cell(r.metric.name, NAME_MAX_CHARS)}`], ...rows],
    {
      align: ['r', 'r', 'r', 'r'],
    },
  );
  return `**Batch size: cost and quality**\n\n${table}\n\n<sub>Small batches take longer per epoch and may generalise better: the time per epoch is a trial’s training time over its recorded epochs.</sub>`;
}

/** A y-axis Mermaid can parse: padded, no e-notation (a power of ten goes in the label). */
function yAxis(values: readonly number[]): { lo: string; hi: string; label: string; fmt: (v: number) => string } {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(hi) * 0.05 || 1;
  lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
  hi = hi + pad;
  const { factor, label } = scaleOf(Math.max(Math.abs(lo), Math.abs(hi)));
  const decimals = decimalsFor((hi - lo) / factor);
  const fmt = (v: number): string => plain(v / factor, decimals);
  return { lo: fmt(lo), hi: fmt(hi), label, fmt };
}

/** A bucket's middle in two significant digits: a label, not a value. */
function label(x: number): string {
  return Number.isInteger(x) ? String(x) : num(Number(x.toPrecision(2)));
}

function mermaid(lines: readonly string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}
