import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  NO_METRIC,
  formatThreshold,
  isGateFailure,
  isRecord
} from "./chunk-VMRLC3AO.js";
import {
  errorText
} from "./chunk-IJZM4NT2.js";

// src/report/format.ts
function cell(value) {
  const text = typeof value === "string" ? value : value === void 0 ? "" : typeof value === "number" ? num(value) : JSON.stringify(value);
  return inline(text);
}
function inline(text) {
  return neutraliseMentions(
    stripControls(text).replace(/&(?=#?\w+;)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*|[\]~])/g, "\\$1").replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace("_", "\\_")).replace(/\r\n|\r|\n/g, " ")
  );
}
var WORD_JOINER = "\u2060";
function neutraliseMentions(text) {
  return text.replace(/@/g, `@${WORD_JOINER}`);
}
function stripControls(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
}
function codeBlock(text, lang = "") {
  const body = stripControls(text).replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang.replace(/[^\w-]/g, "")}
${body}
${fence}`;
}
function num(x) {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6) return new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 }).format(x);
  if (a !== 0 && a < 1e-4) return x.toExponential(3).replace(/\.?0+e/, "e");
  return String(Number(x.toPrecision(4)));
}
function duration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const s = ms / 1e3;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}
function columnFormat(values) {
  const finite = values.filter((v) => v !== void 0 && Number.isFinite(v) && v !== 0);
  if (finite.length > 0 && finite.every((v) => Math.abs(v) < 1e-3)) return (x) => x === 0 ? "0" : x.toExponential(3).replace("e-", "e\u2212").replace("-", "\u2212");
  const decimals = Math.min(6, Math.max(0, ...finite.filter((v) => Math.abs(v) >= 1e-3).map((v) => 3 - Math.floor(Math.log10(Math.abs(v))))));
  const fmt = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
  return (x) => Number.isFinite(x) ? fmt.format(x).replace("-", "\u2212") : String(x);
}
function signedWith(format, x) {
  if (x === 0) return format(0);
  return x > 0 ? `+${format(x)}` : format(x);
}
function relative(fraction, baseline) {
  const ratio = 1 + fraction;
  if (baseline > 0 && (ratio >= 2 || ratio <= 0.5) && ratio > 0) return `\xD7${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}`;
  const p = fraction * 100;
  return `${p > 0 ? "+" : p < 0 ? "\u2212" : ""}${Math.abs(p).toFixed(1)}%`;
}

// src/report/verdict.ts
var FRACTION_NAMES = /acc|auc|f1|precision|recall|iou|dice/i;
function inPoints(metric, values) {
  return FRACTION_NAMES.test(metric) && values.every((v) => Number.isFinite(v) && v >= 0 && v <= 1);
}
function decimalsFor(halfWidth, value) {
  const scale = halfWidth !== void 0 && halfWidth > 0 ? halfWidth : Math.abs(value) > 0 ? Math.abs(value) / 10 : 1;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(scale))));
}
function fixed(x, decimals) {
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace("-", "\u2212");
}
function gateText(threshold, points) {
  if (threshold.kind === "relative") return `${formatThreshold(threshold)} gate`;
  return points ? `${num(threshold.value * 100)}-point gate` : `${num(threshold.value)} gate`;
}
function pairedPhrase(metric, goal, c, showP = c.status === "regressed" || c.status === "not-significant") {
  const points = inPoints(metric, [c.baseline, c.current]);
  const k = points ? 100 : 1;
  const worse = goal === "minimize" ? c.delta : -c.delta;
  const seeds = `${c.n} seed${c.n === 1 ? "" : "s"}`;
  if (c.delta === 0 && (!c.ci || c.ci[0] === c.ci[1])) return { change: `scores ${metric} ${num(c.current)}, exactly as on main`, evidence: `${seeds}, identical runs` };
  const sign = points ? (worse >= 0 ? 1 : -1) * (goal === "minimize" ? 1 : -1) : c.delta >= 0 ? 1 : -1;
  const q = sign * c.delta * k;
  const ci = c.ci && (sign > 0 ? [c.ci[0] * k, c.ci[1] * k] : [-c.ci[1] * k, -c.ci[0] * k]);
  const d = decimalsFor(ci ? (ci[1] - ci[0]) / 2 : void 0, q);
  const verb = points ? worse >= 0 ? "loses" : "gains" : c.delta >= 0 ? "raises" : "lowers";
  if (ci && ci[0] === ci[1]) {
    const amount = num(q);
    return { change: points ? `${verb} ${amount} points of ${metric}` : `${verb} ${metric} by ${amount}`, evidence: `${seeds}, the same on every seed` };
  }
  const change = points ? `${verb} ${fixed(q, d)} points of ${metric}` : `${verb} ${metric} by ${fixed(q, d)}`;
  const evidence = [seeds, ...ci ? [`95% CI ${fixed(ci[0], d)} to ${fixed(ci[1], d)}`] : [], ...c.pValue !== void 0 && showP ? [pText(c.pValue)] : []];
  return { change, evidence: evidence.join(", ") };
}
function pText(p) {
  if (p < 1e-3) return "p < 0.001";
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
function deltaWithCi(c) {
  const d = decimalsFor(c.ci ? (c.ci[1] - c.ci[0]) / 2 : void 0, c.delta) + 1;
  const signedFixed = (x) => x > 0 ? `+${fixed(x, d)}` : fixed(x, d);
  if (c.delta === 0 && (!c.ci || c.ci[0] === c.ci[1])) return "0 (identical)";
  return `${signedFixed(c.delta)}${c.ci ? ` (${signedFixed(c.ci[0])} to ${signedFixed(c.ci[1])})` : ""}`;
}
function metricVerdict(m) {
  const points = inPoints(m.metric, [m.baseline, m.current, m.champion?.baseline, m.champion?.current].filter((v) => v !== void 0 && !Number.isNaN(v)));
  const gate = m.threshold ? gateText(m.threshold, points) : "gate";
  const c = m.champion;
  if (m.decidedBy !== "best" && c) {
    if (c.status === "failed") return `main's best config no longer trains on this PR (${firstLine(c.error ?? "failed")}): a model that does not train is a regression`;
    if (c.status === "missing") return `main's best config, replayed on this PR, reports no ${m.metric} (main's: ${num(c.baseline)})`;
    const { change, evidence } = pairedPhrase(m.metric, m.goal, c);
    const phrase = `main's best config ${change} on this PR (${evidence})`;
    const tail = c.status === "regressed" ? `, past the ${gate}` : c.status === "not-significant" ? `: past the ${gate} but not significant at alpha ${m.alpha}` : c.improved || c.delta === 0 ? "" : `, within the ${gate}`;
    const best = m.decidedBy === "both" && m.bestStatus === "regressed" ? `; and the search result regressed: ${bestPhrase(m, gate)}` : "";
    return `${phrase}${tail}${best}`;
  }
  return bestPhrase(m, gate);
}
function bestPhrase(m, gate) {
  if (m.bestStatus === "missing") return m.baseline === void 0 ? `this run produced no ${m.metric}` : `${m.metric} is ${num(m.baseline)} on main but this run produced no value (${gate})`;
  if (m.baseline === void 0 || m.current === void 0) return `${m.metric}: no value on main to compare with`;
  const rel = m.relDelta === void 0 || m.baseline === void 0 ? "" : ` (${relative(m.relDelta, m.baseline)})`;
  const p = m.pValue === void 0 ? "" : `, ${pText(m.pValue)}`;
  const tail = m.bestStatus === "regressed" ? `, past the ${gate}` : m.bestStatus === "not-significant" ? `: past the ${gate} but not significant at alpha ${m.alpha}` : m.improved || m.delta === 0 ? "" : `, within the ${gate}`;
  return `best ${m.metric} went from ${num(m.baseline)} on main to ${num(m.current)} on this PR${rel}${p}${tail}`;
}
function firstLine(text) {
  const line = text.split(/\r?\n/)[0] ?? "";
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}
function distinctErrors(trials) {
  const byMessage = /* @__PURE__ */ new Map();
  trials.forEach((t, i) => {
    if (t.status !== "failed") return;
    const message = (t.error ?? "failed without an error message").split(/\r?\n/)[0].slice(0, 300);
    const e = byMessage.get(message) ?? { message, count: 0, first: i + 1 };
    e.count++;
    byMessage.set(message, e);
  });
  return [...byMessage.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}
function noTrialVerdict(r) {
  const search = r.trials.filter((t) => t.repeat === 0);
  const failed = search.filter((t) => t.status === "failed").length;
  const pruned = search.filter((t) => t.status === "pruned").length;
  const head = search.length === 0 ? "no trial ran (the budget or the search space allowed none)" : failed === search.length ? `all ${search.length} trial${search.length === 1 ? "" : "s"} failed` : `none of the ${search.length} trials finished (${failed} failed, ${pruned} stopped early by the pruner)`;
  const errors = distinctErrors(search).slice(0, 3);
  const list = errors.map((e) => `"${e.message}" (${e.count === 1 ? `trial #${e.first}` : `${e.count} trials`})`);
  return `${head}${list.length ? `: ${list.join(", ")}` : ""}, so there is no result to report or compare.`;
}

// node_modules/markdown-table/index.js
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
function defaultStringLength(value) {
  return value.length;
}
__name(defaultStringLength, "defaultStringLength");
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell2 = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell2);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell2);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code2 = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code2;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code2 = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code2 === 99) {
      before = ":";
      after = ":";
    } else if (code2 === 108) {
      before = ":";
    } else if (code2 === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell2 = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell2;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell2 = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code2 = alignments[columnIndex];
        if (code2 === 114) {
          before = " ".repeat(size);
        } else if (code2 === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell2 === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell2);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
__name(markdownTable, "markdownTable");
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
__name(serialize, "serialize");
function toAlignment(value) {
  const code2 = typeof value === "string" ? value.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
}
__name(toAlignment, "toAlignment");

// src/report/chart.ts
var MAX_LABELS = 20;
var FENCE = 3;
function convergenceChart(points, opts) {
  const { metric, goal } = opts;
  const finished = points.filter((p) => p.status === "complete" && p.value !== void 0 && Number.isFinite(p.value));
  if (finished.length < 2) return "";
  const values = finished.map((p) => p.value);
  const best = [];
  for (const v of values) best.push(best.length === 0 ? v : goal === "maximize" ? Math.max(best.at(-1), v) : Math.min(best.at(-1), v));
  const main = opts.mainValue !== void 0 && Number.isFinite(opts.mainValue) ? opts.mainValue : void 0;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const keep = [...best, ...main !== void 0 ? [main] : []];
  let lo = Math.min(...keep, iqr > 0 ? Math.max(sorted[0], q1 - FENCE * iqr) : sorted[0]);
  let hi = Math.max(...keep, iqr > 0 ? Math.min(sorted.at(-1), q3 + FENCE * iqr) : sorted.at(-1));
  const clippedHigh = values.filter((v) => v > hi).length;
  const clippedLow = values.filter((v) => v < lo).length;
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(hi) * 0.05 || 1;
  const nonNegative = values.every((v) => v >= 0) && (main === void 0 || main >= 0);
  const unit = nonNegative && values.every((v) => v <= 1) && (main === void 0 || main <= 1);
  lo = nonNegative ? Math.max(0, lo - pad) : lo - pad;
  hi = unit ? Math.min(1, hi + pad) : hi + pad;
  const { factor, label: scaleLabel } = scaleOf(Math.max(Math.abs(lo), Math.abs(hi)));
  const decimals = decimalsFor2((hi - lo) / factor);
  const fmt = (v) => plain(v / factor, decimals);
  const clip = (v) => Math.min(hi, Math.max(lo, v));
  const name = safe(metric);
  const x = finished.length <= MAX_LABELS ? `x-axis "trial" [${finished.map((p) => p.trial).join(", ")}]` : `x-axis "finished trial, in order" 1 --> ${finished.length}`;
  const series = [
    `  line [${values.map((v) => fmt(clip(v))).join(", ")}]`,
    `  line [${best.map((v) => fmt(v)).join(", ")}]`,
    ...main !== void 0 ? [`  line [${values.map(() => fmt(main)).join(", ")}]`] : []
  ];
  const chart = [
    "```mermaid",
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#afb8c1, #0969da, #cf222e"}}}}%%',
    "xychart-beta",
    `  title "${name} by trial (${goal === "maximize" ? "higher" : "lower"} is better)"`,
    `  ${x}`,
    `  y-axis "${name}${scaleLabel}" ${fmt(lo)} --> ${fmt(hi)}`,
    ...series,
    "```"
  ].join("\n");
  return `${chart}

${caption(points, finished.length, { clippedHigh, clippedLow, lo, hi, main, metric })}`;
}
function caption(points, finished, c) {
  const pruned = points.filter((p) => p.status === "pruned").length;
  const failed = points.filter((p) => p.status === "failed").length;
  const parts = [
    `<sub>Grey: each of the ${finished} finished trials; blue: the best so far${c.main !== void 0 ? `; red: main\u2019s best (${num(c.main)})` : ""}.`,
    ...pruned + failed > 0 ? [`Not drawn: ${[pruned ? `${pruned} pruned (values from an early epoch)` : "", failed ? `${failed} failed` : ""].filter(Boolean).join(", ")}.`] : [],
    ...c.clippedHigh > 0 ? [`${c.clippedHigh} trial${c.clippedHigh === 1 ? "" : "s"} above ${num(c.hi)} drawn at the top.`] : [],
    ...c.clippedLow > 0 ? [`${c.clippedLow} trial${c.clippedLow === 1 ? "" : "s"} below ${num(c.lo)} drawn at the bottom.`] : []
  ];
  return `${parts.join(" ")}</sub>`;
}
function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  return sorted[i] + (sorted[Math.min(i + 1, sorted.length - 1)] - sorted[i]) * (pos - i);
}
var SUPERSCRIPT = { "-": "\u207B", "0": "\u2070", "1": "\xB9", "2": "\xB2", "3": "\xB3", "4": "\u2074", "5": "\u2075", "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079" };
function scaleOf(max) {
  if (!(max > 0) || max >= 0.01 && max < 1e4) return { factor: 1, label: "" };
  const k = Math.floor(Math.log10(max) / 3) * 3;
  const exp = String(k).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch);
  return { factor: 10 ** k, label: ` (\xD7 10${exp})` };
}
function decimalsFor2(span) {
  if (!(span > 0)) return 4;
  return Math.min(10, Math.max(0, 3 - Math.floor(Math.log10(span))));
}
function plain(x, decimals) {
  const s = x.toFixed(decimals);
  const t = s.includes(".") ? s.replace(/\.?0+$/, "") : s;
  return t === "-0" ? "0" : t;
}
function safe(text) {
  return text.replace(/[^A-Za-z0-9_ .\-/()]/g, "_");
}

// src/report/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var TOP_TRIALS = 10;
function buildReport(input) {
  const max = input.maxChars ?? GITHUB_COMMENT_LIMIT;
  const full = assemble(input, { topTrials: TOP_TRIALS, chart: true });
  if (full.length <= max) return full;
  for (const topTrials of [5, 1, 0]) {
    const doc = assemble(input, { topTrials, chart: topTrials > 0 });
    if (doc.length <= max) return doc;
  }
  const note = "\n\n_\u2026report truncated to fit GitHub\u2019s size limit._\n";
  return assemble(input, { topTrials: 0, chart: false }).slice(0, Math.max(0, max - note.length)) + note;
}
function assemble(input, layout) {
  const { results: r, comparison: c } = input;
  const parts = [];
  if (input.marker) parts.push(input.marker);
  parts.push(`### ${inline(input.title ?? `sweepgate: ${r.sweep}`)}`);
  parts.push(verdict(input));
  const warnings = [...input.warnings ?? []];
  if (c?.hasBaseline && c.configChanged) warnings.push("This run\u2019s sweep config differs from the baseline\u2019s: the comparison may not be like for like.");
  if (c?.hasBaseline && c.gateChanged) warnings.push("The gate rules differ from the baseline\u2019s.");
  if (warnings.length > 0) parts.push(warnings.map((w) => `> [!WARNING]
> ${inline(w)}`).join("\n\n"));
  parts.push(metricsSection(r, c));
  parts.push(replayNotes(c));
  parts.push(paramsSection(r, c));
  parts.push(runSection(r));
  if (layout.chart) {
    const points = searchTrials(r).map((t, i) => ({ trial: i + 1, status: t.status, value: t.metrics[r.metric.name] }));
    const mainValue = c?.hasBaseline ? c.metrics.find((m) => m.metric === r.metric.name)?.baseline : void 0;
    const chart = convergenceChart(points, { metric: r.metric.name, goal: r.metric.goal, ...mainValue !== void 0 ? { mainValue } : {} });
    if (chart) parts.push(chart);
  }
  if (layout.topTrials > 0) {
    const top = topTrialsSection(r, layout.topTrials);
    if (top) parts.push(top);
  }
  if (input.runUrl) parts.push(`[Workflow run](${input.runUrl.replace(/[()\s]/g, encodeURIComponent)})`);
  return `${parts.filter((p) => p !== "").join("\n\n")}
`;
}
function verdict(input) {
  const { results: r, comparison: c } = input;
  const name = r.metric.name;
  if (!r.best && name === NO_METRIC && r.stats.trials > r.stats.failed)
    return `\u{1F50E} Sweep done: ${r.stats.trials} trials ran (${r.stats.failed} failed). The config has no \`metric:\` (W&B allows that for grid and random sweeps), so no trial is best and nothing is compared or gated.`;
  if (!r.best) return `\u274C **No trial finished**: ${inline(noTrialVerdict(r))}`;
  const bestValue = r.best.metrics[name];
  const seeds = r.best.samples[name]?.length ?? 1;
  const searched = searchTrials(r).length;
  const summary = `best ${inline(name)} = **${bestValue === void 0 ? "n/a" : num(bestValue)}**${seeds > 1 ? ` (mean of ${seeds} seeds)` : ""} over ${searched} trial${searched === 1 ? "" : "s"}`;
  if (!c) return `\u{1F50E} Sweep done: ${summary}.`;
  if (!c.hasBaseline) {
    const how = input.baselineHowTo ?? "A baseline is recorded by a run on the main branch.";
    return `\u2705 **No baseline yet**, so there is nothing to compare with and the gate passes: ${summary}. ${inline(how)}`;
  }
  const gated = c.metrics.filter((m) => m.threshold !== void 0);
  const fallback = c.champion?.state === "unavailable" && gated.some((m) => m.on !== "best") ? ` Main\u2019s best config could not be replayed (${inline(c.champion.reason)}), so the gate compared this PR\u2019s best with main\u2019s best.` : "";
  const bad = gated.filter(isGateFailure);
  if (bad.length > 0) return `\u274C **Regression**: ${bad.map((m) => inline(metricVerdict(m))).join("; ")}.${fallback}`;
  const noisy = gated.filter((m) => m.status === "not-significant");
  if (noisy.length > 0) return `\u2705 **No significant regression**: ${noisy.map((m) => inline(metricVerdict(m))).join("; ")}. Search result: ${summary}.${fallback}`;
  if (gated.length > 0) return `\u2705 **No regression**: ${gated.map((m) => inline(metricVerdict(m))).join("; ")}. Search result: ${summary}.${fallback}`;
  const main = c.metrics.find((m) => m.metric === name);
  const direction = main?.improved ? "better than" : main?.delta === 0 ? "the same as" : main?.delta !== void 0 ? "worse than (not gated)" : "not comparable with (main has no value for it)";
  return `\u2705 **No gate rules**, so nothing is gated: ${summary}, ${direction} main.`;
}
var STATUS_TEXT = {
  pass: "\u2705 pass",
  regressed: "\u274C regressed",
  "not-significant": "\u26A0\uFE0F worse, not significant",
  "no-baseline": "\u2014 no baseline",
  missing: "\u274C missing",
  failed: "\u274C replay failed"
};
var arrow = (goal) => goal === "maximize" ? " \u2191" : " \u2193";
function gateCell(m, status, pValue, decides) {
  if (!m.threshold) return "not gated";
  const gate = `\u2264 ${formatThreshold(m.threshold)} worse`;
  const p = pValue === void 0 ? "" : `, ${pText(pValue)}`;
  return `${STATUS_TEXT[status]} (${gate}${p})${decides ? "" : " \xB7 not decisive"}`;
}
function metricsSection(r, c) {
  const goalOf = (m) => m === r.metric.name ? arrow(r.metric.goal) : "";
  if (!c?.hasBaseline) {
    const names = orderMetrics(Object.keys(r.best?.metrics ?? {}), r.metric.name);
    if (names.length === 0) return "";
    const rows = names.map((n) => [cell(n) + goalOf(n), columnFormat([r.best.metrics[n]])(r.best.metrics[n]), sampleText(r.best.samples[n])]);
    return `**Best trial\u2019s metrics**

${markdownTable([["Metric", "Value", "Seeds"], ...rows], { align: ["l", "r", "r"] })}`;
  }
  const parts = [];
  const replayed = c.metrics.filter((m) => m.champion && m.champion.status !== "failed" && m.champion.status !== "missing");
  if (c.champion?.state === "replayed") {
    const ch = c.champion;
    const head = `**Gate: main\u2019s best config, replayed on this PR** (${ch.seeds} seeds, paired seed by seed${ch.cached === ch.seeds ? ", all from the cache" : ch.cached > 0 ? `, ${ch.cached} from the cache` : ""})`;
    const rows = c.metrics.filter((m) => m.champion).map((m) => {
      const p = m.champion;
      const shown = p.status === "failed" || p.status === "missing";
      const f = columnFormat([p.baseline, p.current]);
      return [
        cell(m.metric) + (m.threshold || m.metric === r.metric.name ? arrow(m.goal) : ""),
        f(p.baseline),
        shown ? "\u2014" : f(p.current),
        shown ? "\u2014" : deltaWithCi(p),
        gateCell(m, p.status, p.pValue, m.decidedBy !== "best")
      ];
    });
    if (rows.length > 0)
      parts.push(`${head}

${markdownTable([["Metric", "main", "PR", "\u0394 (95% CI)", "Gate"], ...rows], { align: ["l", "r", "r", "r", "l"] })}`);
    const failedRun = c.metrics.find((m) => m.champion?.status === "failed")?.champion;
    if (failedRun) parts.push(`The replay failed: \`${code(failedRun.error ?? "failed")}\``);
    if (replayed.length === 0 && rows.length === 0) parts.push(`${head}: no metric in common with main\u2019s champion.`);
  }
  const bestRows = c.metrics.map((m) => {
    const f = columnFormat([m.baseline, m.current]);
    return [
      cell(m.metric) + (m.threshold || m.metric === r.metric.name ? arrow(m.goal) : ""),
      m.baseline === void 0 ? "\u2014" : f(m.baseline),
      m.current === void 0 ? "\u2014" : f(m.current),
      m.delta === void 0 ? "\u2014" : `${signedWith(f, m.delta)}${m.relDelta === void 0 ? "" : ` (${relative(m.relDelta, m.baseline)})`}`,
      gateCell(m, m.bestStatus, m.pValue, m.decidedBy !== "champion")
    ];
  });
  const label = c.champion?.state === "replayed" ? "**Search result: this PR\u2019s best vs main\u2019s best** (what the tuning found; the gate above decides unless a rule says `on: best`)" : "**Metrics: this PR\u2019s best vs main\u2019s best**";
  parts.push(`${label}

${markdownTable([["Metric", "main", "PR", "\u0394", "Gate"], ...bestRows], { align: ["l", "r", "r", "r", "l"] })}`);
  return parts.join("\n\n");
}
function replayNotes(c) {
  if (!c?.hasBaseline) return "";
  const notes = [];
  const ch = c.champion;
  if (ch?.state === "replayed") {
    for (const a of ch.adjustments) {
      notes.push(
        a.why === "fixed" ? `\`${code(a.name)}\` is fixed by this PR: replayed with ${cell(a.replay)}${a.main !== void 0 ? ` (main\u2019s best had ${cell(a.main)})` : ""}.` : a.replay !== void 0 ? `\`${code(a.name)}\` is new in this PR\u2019s space: replayed with ${cell(a.replay)}, the value main had (the trainer\u2019s default).` : `\`${code(a.name)}\` is new in this PR\u2019s space: left out of the replay, so the program uses its own default, as on main.`
      );
    }
  }
  if (c.validationChanged && c.validationRows)
    notes.push(
      `Main and this PR were scored on different validation rows (main ${c.validationRows.baseline}, this PR ${c.validationRows.current}): the PR changed which rows are held out or their labels, so the difference includes that change.`
    );
  else if (c.validationChanged === false && c.validationRows) notes.push(`Both sides were scored on the same ${c.validationRows.current} validation rows.`);
  return notes.map((n) => `- ${n}`).join("\n");
}
function code(text) {
  return text.replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 300);
}
function sampleText(samples) {
  if (!samples || samples.length < 2) return "1";
  const m = samples.reduce((s, x) => s + x, 0) / samples.length;
  const sd = Math.sqrt(samples.reduce((s, x) => s + (x - m) ** 2, 0) / (samples.length - 1));
  return `${samples.length} (\xB1 ${num(sd)})`;
}
function orderMetrics(names, first) {
  return [...names].sort((a, b) => a === first ? -1 : b === first ? 1 : a.localeCompare(b));
}
function paramsSection(r, c) {
  const current = r.best?.params;
  if (!current) return "";
  const base = c?.hasBaseline ? c.baselineParams : void 0;
  const names = [.../* @__PURE__ */ new Set([...Object.keys(base ?? {}), ...Object.keys(current)])].sort();
  if (names.length === 0) return "";
  if (!base) {
    return `**Best hyperparameters**

${markdownTable([["Parameter", "Value"], ...names.map((n) => [cell(n), cell(current[n])])])}`;
  }
  const rows = names.map((n) => {
    const changed = JSON.stringify(base[n]) !== JSON.stringify(current[n]);
    return [cell(n), cell(base[n]), changed ? `**${cell(current[n])}**` : cell(current[n])];
  });
  return `**Best hyperparameters: main vs this PR** (changes in bold)

${markdownTable([["Parameter", "main", "PR"], ...rows])}`;
}
var STOP_TEXT = {
  trials: "the trial budget was used up",
  minutes: "the time budget cut the sweep short",
  target: "the metric target was reached",
  exhausted: "the search space was exhausted"
};
function runSection(r) {
  const s = r.stats;
  const search = searchTrials(r);
  const repeats = r.trials.filter((t) => t.repeat > 0);
  const count = (ts, status) => ts.filter((t) => t.status === status).length;
  const trained = r.trials.filter((t) => !t.cached).length;
  const lines = [
    `**Trials**: ${search.length} searched: ${count(search, "complete")} finished, ${count(search, "pruned")} stopped early (pruned), ${count(search, "failed")} failed \xB7 ${trained} trained, ${r.trials.length - trained} from the cache`,
    ...repeats.length > 0 ? [`**Repeats**: ${repeats.length} reruns of the finalists on more seeds (${count(repeats, "complete")} finished), outside the trial budget`] : [],
    ...seedRunsLine(r),
    `**Budget**: ${s.budget.trials !== void 0 ? `${search.length} of ${s.budget.trials} trials` : `${search.length} trials`}, ${s.budget.minutes !== void 0 ? `${duration(s.wallMs)} of ${duration(s.budget.minutes * 6e4)}` : duration(s.wallMs)}; stopped because ${STOP_TEXT[s.stopReason]}`,
    `**Search**: ${cell(r.method)}, seed ${r.seed}${r.backend === "none" ? "" : ` \xB7 **Backend**: ${cell(r.backendChoice ?? r.backend)}`}`
  ];
  return `**Run**

${lines.map((l) => `- ${l}`).join("\n")}`;
}
function seedRunsLine(r) {
  const counts = (runs) => {
    const cached = runs.filter((x) => x.cached).length;
    const failed = runs.filter((x) => x.status === "failed").length;
    return `${runs.length - cached} trained, ${cached} from the cache${failed ? `, ${failed} failed` : ""}`;
  };
  if (r.replay) return [`**Champion replay**: main\u2019s best params on main\u2019s ${r.replay.runs.length} seeds (${counts(r.replay.runs)}), outside the trial budget`];
  if (r.replaySkipped) return [`**Champion replay**: none, ${cell(r.replaySkipped)}`];
  if (r.champion) return [`**Champion**: the best params on ${r.champion.runs.length} held-out seeds (${counts(r.champion.runs)}), recorded for the gate of later PRs`];
  return [];
}
function searchTrials(r) {
  return r.trials.filter((t) => t.repeat === 0);
}
var MAX_PARAM_COLUMNS = 4;
function topTrialsSection(r, n) {
  const { name, goal } = r.metric;
  const trials = searchTrials(r);
  const valued = (t) => t.status !== "failed" && t.metrics[name] !== void 0;
  const loss = (t) => goal === "maximize" ? -t.metrics[name] : t.metrics[name];
  const ranked = trials.map((t, i) => ({ t, i })).sort((a, b) => Number(valued(b.t)) - Number(valued(a.t)) || (valued(a.t) ? loss(a.t) - loss(b.t) : 0) || a.i - b.i).slice(0, n);
  if (ranked.length === 0) return "";
  const allNames = [...new Set(ranked.flatMap(({ t }) => Object.keys(t.params)))].sort();
  const fold = allNames.length > MAX_PARAM_COLUMNS;
  const same = (p) => ranked.length > 1 && ranked.every(({ t }) => JSON.stringify(t.params[p]) === JSON.stringify(ranked[0].t.params[p]));
  const paramNames = fold ? allNames.filter((p) => !same(p)) : allNames;
  const shared = fold ? allNames.filter(same) : [];
  const f = columnFormat(ranked.map(({ t }) => t.metrics[name]));
  const header = ["#", cell(name) + arrow(goal), "Status", ...fold ? ["Hyperparameters"] : paramNames.map((p) => cell(p)), "Time"];
  const rows = ranked.map(({ t, i }) => [
    String(i + 1),
    t.metrics[name] === void 0 || t.status === "failed" ? "\u2014" : `${f(t.metrics[name])}${t.status === "pruned" ? " (partial)" : ""}`,
    statusText(t),
    ...fold ? [paramNames.filter((p) => p in t.params).map((p) => `${cell(p)}=${cell(t.params[p])}`).join(", ")] : paramNames.map((p) => cell(t.params[p])),
    t.cached ? "cached" : duration(t.durationMs)
  ]);
  const numeric = (p) => ranked.every(({ t }) => typeof t.params[p] === "number" || t.params[p] === void 0);
  const align = ["r", "r", "l", ...fold ? ["l"] : paramNames.map((p) => numeric(p) ? "r" : "l"), "r"];
  const partialAhead = ranked.some(({ t }, k) => t.status === "pruned" && ranked.slice(k + 1).some(({ t: u }) => u.status === "complete"));
  const sharedNote = shared.length > 0 ? `

<sub>Every trial above also has ${shared.map((p) => `${cell(p)}=${cell(ranked[0].t.params[p])}`).join(", ")}.</sub>` : "";
  const note = sharedNote + (partialAhead ? "\n\n<sub>A partial value is from the epoch the pruner stopped that trial at: not comparable with a finished trial\u2019s, and never the best.</sub>" : "");
  return `<details><summary>Top ${ranked.length} of ${trials.length} trials</summary>

${markdownTable([header, ...rows], { align })}${note}${failureList(trials)}

</details>`;
}
function failureList(trials) {
  const errors = distinctErrors(trials);
  if (errors.length === 0) return "";
  const shown = errors.slice(0, 5).map((e) => `- ${e.count === 1 ? `#${e.first}` : `${e.count} trials (first #${e.first})`}: ${inline(e.message)}`);
  return `

Failed trials:
${shown.join("\n")}${errors.length > 5 ? `
- \u2026 and ${errors.length - 5} other errors` : ""}`;
}
function statusText(t) {
  if (t.status === "complete") return "\u2713";
  if (t.status === "failed") return "failed";
  const step = t.history.at(-1)?.step ?? 0;
  const epochs = typeof t.params.epochs === "number" ? t.params.epochs : void 0;
  return epochs !== void 0 ? `pruned at epoch ${step} of ${epochs}` : `pruned at step ${step}`;
}
function paramsLine(p) {
  return Object.entries(p).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ");
}

// src/report/progress.ts
function progressLine(p) {
  const t = p.trial;
  const v = t.metrics[p.metric];
  const status = t.status === "complete" ? "" : ` ${t.status}`;
  const how = t.cached ? "cached" : duration(t.durationMs);
  const left = p.remainingMs !== void 0 ? `, ${duration(p.remainingMs)} left` : p.total !== void 0 && p.index < p.total ? `, ~${duration(p.elapsedMs / p.index * (p.total - p.index))} left` : "";
  const counter = p.phase === "repeat" ? `${p.index}: repeat` : `${p.index}${p.total !== void 0 ? `/${p.total}` : ""}`;
  const best = p.best === void 0 ? "\u2014" : num(p.best);
  if (p.metric === NO_METRIC) return `[${counter}] ${t.status} (${how}) \xB7 ${duration(p.elapsedMs)} elapsed${left}`;
  return `[${counter}]${status} ${p.metric}=${v === void 0 ? "\u2014" : num(v)} (${how}) \xB7 best ${best} \xB7 ${duration(p.elapsedMs)} elapsed${left}`;
}

// src/storage/results-doc.ts
function parseResultsDoc(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (!isRecord(doc)) return "not a JSON object";
  if (typeof doc.sweep !== "string") return '"sweep" missing';
  if (typeof doc.configHash !== "string") return '"configHash" missing';
  const metric = doc.metric;
  if (!isRecord(metric) || typeof metric.name !== "string" || metric.goal !== "minimize" && metric.goal !== "maximize")
    return '"metric" must be {name, goal: minimize|maximize}';
  if (doc.best !== null) {
    const best2 = doc.best;
    if (!isRecord(best2) || !isRecord(best2.params) || !isRecord(best2.metrics)) return '"best" must be null or {key, params, metrics}';
    if (!Object.values(best2.metrics).every((v) => typeof v === "number")) return '"best.metrics" must hold numbers';
    if (best2.samples !== void 0 && !isRecord(best2.samples)) return '"best.samples" must be an object';
  }
  if (!Array.isArray(doc.trials)) return '"trials" must be an array';
  if (!isRecord(doc.stats)) return '"stats" missing';
  const champion = isChampion(doc.champion) ? { champion: doc.champion } : {};
  delete doc.champion;
  const best = doc.best;
  const samples = best ? best.samples ?? Object.fromEntries(Object.entries(best.metrics).map(([k, v]) => [k, [v]])) : void 0;
  return { gate: [], method: "unknown", backend: "unknown", seed: 0, createdAt: "", ...doc, ...champion, ...best ? { best: { ...best, samples } } : {} };
}
function isChampion(value) {
  return isRecord(value) && isRecord(value.params) && Array.isArray(value.runs) && value.runs.every(
    (r) => isRecord(r) && Number.isSafeInteger(r.seed) && (r.status === "complete" || r.status === "pruned" || r.status === "failed") && isRecord(r.metrics) && Object.values(r.metrics).every((v) => typeof v === "number")
  );
}

export {
  codeBlock,
  duration,
  metricVerdict,
  noTrialVerdict,
  buildReport,
  paramsLine,
  progressLine,
  parseResultsDoc
};
