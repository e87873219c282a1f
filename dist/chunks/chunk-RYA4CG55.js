import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  canonicalJson,
  formatThreshold,
  inferGoal,
  isRecord
} from "./chunk-RPOKSGRA.js";

// src/core/compare.ts
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function betaContinuedFraction(x, a, b) {
  const tiny = 1e-300;
  const eps = 1e-15;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1e3; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < eps) break;
  }
  return h;
}
function regularizedIncompleteBeta(x, a, b) {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`regularizedIncompleteBeta: a and b must be > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2) ? front * betaContinuedFraction(x, a, b) / a : 1 - front * betaContinuedFraction(1 - x, b, a) / b;
}
function studentTSurvival(t, df) {
  if (!(df > 0)) throw new RangeError(`studentTSurvival: df must be > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? tail : 1 - tail;
}
function meanVar(xs) {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}
function welchTTest(a, b) {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(`welchTTest: needs >= 2 samples per side, got ${a.length} and ${b.length}`);
  }
  const A = meanVar(a);
  const B = meanVar(b);
  const va = A.variance / a.length;
  const vb = B.variance / b.length;
  const diff = A.mean - B.mean;
  if (va + vb === 0) {
    return { t: diff > 0 ? Infinity : diff < 0 ? -Infinity : 0, df: a.length + b.length - 2, pGreater: diff > 0 ? 0 : 1 };
  }
  const t = diff / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df, pGreater: studentTSurvival(t, df) };
}
function worsening(goal, baseline, current) {
  return goal === "minimize" ? current - baseline : baseline - current;
}
function pastThreshold(threshold, baseline, worse) {
  if (threshold.kind === "absolute") return worse > threshold.value;
  if (baseline === 0) return worse > 0;
  return worse / Math.abs(baseline) > threshold.fraction;
}
function compareMetric(metric, goal, rule, baseline, current) {
  const b = baseline?.best?.metrics[metric];
  const c = current.best?.metrics[metric];
  const gate = rule ? { threshold: rule.threshold, alpha: rule.alpha } : {};
  if (c === void 0) return { metric, goal, baseline: b, ...gate, status: "missing" };
  if (b === void 0) return { metric, goal, current: c, ...gate, status: "no-baseline" };
  const delta = c - b;
  const relDelta = b !== 0 ? delta / Math.abs(b) : void 0;
  const worse = worsening(goal, b, c);
  const bs = baseline?.best?.samples[metric] ?? [];
  const cs = current.best?.samples[metric] ?? [];
  const pValue = bs.length >= 2 && cs.length >= 2 ? goal === "minimize" ? welchTTest(cs, bs).pGreater : welchTTest(bs, cs).pGreater : void 0;
  let status = "pass";
  if (rule && pastThreshold(rule.threshold, b, worse)) {
    status = pValue === void 0 || pValue < rule.alpha ? "regressed" : "not-significant";
  }
  return { metric, goal, baseline: b, current: c, delta, relDelta, improved: worse < 0, ...gate, pValue, status };
}
function isGateFailure(m) {
  return m.threshold !== void 0 && (m.status === "regressed" || m.status === "missing" && m.baseline !== void 0);
}
function compareResults(baseline, current, rules) {
  const ruleByMetric = /* @__PURE__ */ new Map();
  for (const r of rules) ruleByMetric.set(r.metric, r);
  const names = /* @__PURE__ */ new Set([current.metric.name, ...ruleByMetric.keys()]);
  for (const m of Object.keys(current.best?.metrics ?? {})) names.add(m);
  for (const m of Object.keys(baseline?.best?.metrics ?? {})) names.add(m);
  const metrics = [...names].map((m) => {
    const rule = ruleByMetric.get(m);
    const goal = rule?.goal ?? (m === current.metric.name ? current.metric.goal : inferGoal(m));
    return compareMetric(m, goal, rule, baseline, current);
  });
  return {
    hasBaseline: baseline !== void 0,
    metrics,
    regressed: metrics.some(isGateFailure),
    baselineParams: baseline?.best?.params,
    currentParams: current.best?.params,
    baselineSha: baseline?.sha,
    configChanged: baseline !== void 0 && baseline.configHash !== current.configHash,
    gateChanged: baseline !== void 0 && canonicalJson(baseline.gate) !== canonicalJson(current.gate)
  };
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
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
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
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
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
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
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/format.ts
function cell(value) {
  const text = typeof value === "string" ? value : value === void 0 ? "" : typeof value === "number" ? num(value) : JSON.stringify(value);
  return inline(text);
}
function inline(text) {
  return text.replace(/&(?=#?\w+;)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*|[\]~])/g, "\\$1").replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace("_", "\\_")).replace(/\r\n|\r|\n/g, " ");
}
function num(x) {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return x.toExponential(3).replace(/\.?0+e/, "e");
  return String(Number(x.toPrecision(4)));
}
function signed(x) {
  return x > 0 ? `+${num(x)}` : num(x);
}
function percent(fraction) {
  const p = fraction * 100;
  const s = Math.abs(p) >= 10 ? p.toFixed(1) : Math.abs(p) >= 1 ? p.toFixed(2) : p.toPrecision(2);
  return `${p > 0 ? "+" : ""}${s}%`;
}
function duration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const s = ms / 1e3;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

// src/report/chart.ts
function convergenceChart(points, metric, goal) {
  const has = (v) => v !== void 0 && Number.isFinite(v);
  const known = points.map((p) => p.value).filter(has);
  const counted = points.filter((p) => p.counts && has(p.value)).map((p) => p.value);
  if (counted.length === 0) return "";
  const best = [];
  let b;
  for (const p of points) {
    if (p.counts && has(p.value) && (b === void 0 || (goal === "maximize" ? p.value > b : p.value < b))) b = p.value;
    best.push(b ?? counted[0]);
  }
  let lo = Math.min(...known);
  let hi = Math.max(...known);
  const pad = lo === hi ? Math.abs(lo) * 0.05 || 1 : (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const label = metric.replace(/[^A-Za-z0-9_ .-]/g, "_");
  const x = points.map((_, i) => i + 1).join(", ");
  return [
    "```mermaid",
    "xychart-beta",
    `  title "Best ${label} so far (${goal})"`,
    `  x-axis "trial" [${x}]`,
    `  y-axis "${label}" ${num(lo)} --> ${num(hi)}`,
    `  bar [${points.map((p) => num(has(p.value) ? p.value : lo)).join(", ")}]`,
    `  line [${best.map(num).join(", ")}]`,
    "```"
  ].join("\n");
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
  parts.push(paramsSection(r, c));
  parts.push(runSection(r));
  if (layout.chart) {
    const points = searchTrials(r).map((t) => ({ value: t.status === "failed" ? void 0 : t.metrics[r.metric.name], counts: t.status === "complete" }));
    const chart = convergenceChart(points, r.metric.name, r.metric.goal);
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
  if (!r.best) return `\u274C **No trial completed**: ${r.stats.failed} failed, ${r.stats.pruned} pruned. See the trials below.`;
  const bestValue = r.best.metrics[name];
  const summary = `best ${inline(name)} = **${bestValue === void 0 ? "n/a" : num(bestValue)}** over ${r.stats.trials} trials`;
  if (!c) return `\u{1F50E} Sweep done: ${summary}.`;
  if (!c.hasBaseline) {
    const how = input.baselineHowTo ?? "A baseline is recorded by a run on the main branch.";
    return `\u2705 **No baseline yet**, so there is nothing to compare with and the gate passes: ${summary}. ${inline(how)}`;
  }
  const bad = c.metrics.filter(isGateFailure);
  if (bad.length > 0) return `\u274C **Regression**: ${bad.map(describeRegression).join("; ")}.`;
  const noisy = c.metrics.filter((m) => m.status === "not-significant");
  if (noisy.length > 0)
    return `\u2705 **No significant regression**: ${noisy.map((m) => `${inline(m.metric)} is worse but within noise (p = ${num(m.pValue ?? 1)})`).join("; ")}; ${summary}.`;
  const main = c.metrics.find((m) => m.metric === name);
  const direction = main?.improved ? "better than" : main?.delta === 0 ? "the same as" : main?.threshold ? "worse than, but within the gate of," : main?.delta !== void 0 ? "worse than (not gated)" : "not comparable with (main has no value for it)";
  return `\u2705 **No regression**: ${summary}, ${direction} main.`;
}
function describeRegression(m) {
  const gate = m.threshold ? formatThreshold(m.threshold) : "";
  if (m.status === "missing") return `${inline(m.metric)} is ${num(m.baseline)} on main but this run produced no value (gate ${gate})`;
  const rel = m.relDelta === void 0 ? "" : ` (${percent(m.relDelta)})`;
  return `${inline(m.metric)} went from ${num(m.baseline)} on main to ${num(m.current)}${rel}, past the ${m.threshold ? formatThreshold(m.threshold) : ""} gate`;
}
var STATUS_TEXT = {
  pass: "\u2705 pass",
  regressed: "\u274C regressed",
  "not-significant": "\u26A0\uFE0F worse, not significant",
  "no-baseline": "\u2014 no baseline",
  missing: "\u274C missing"
};
function metricsSection(r, c) {
  const goalOf = (m) => m === r.metric.name ? ` (${r.metric.goal === "maximize" ? "\u2191" : "\u2193"})` : "";
  if (!c?.hasBaseline) {
    const names = orderMetrics(Object.keys(r.best?.metrics ?? {}), r.metric.name);
    if (names.length === 0) return "";
    const rows2 = names.map((n) => [cell(n) + goalOf(n), cell(r.best.metrics[n]), sampleText(r.best.samples[n])]);
    return `**Best trial\u2019s metrics**

${markdownTable([["Metric", "Value", "Seeds"], ...rows2], { align: ["l", "r", "r"] })}`;
  }
  const rows = c.metrics.map((m) => [
    cell(m.metric) + goalOf(m.metric),
    m.baseline === void 0 ? "\u2014" : num(m.baseline),
    m.current === void 0 ? "\u2014" : num(m.current),
    m.delta === void 0 ? "\u2014" : `${signed(m.delta)}${m.relDelta === void 0 ? "" : ` (${percent(m.relDelta)})`}`,
    m.threshold ? `${STATUS_TEXT[m.status]} (gate ${m.threshold ? formatThreshold(m.threshold) : ""}${m.pValue === void 0 ? "" : `, p = ${num(m.pValue)}`})` : "not gated"
  ]);
  return `**Metrics: main vs this PR**

${markdownTable([["Metric", "main", "PR", "\u0394", "Gate"], ...rows], { align: ["l", "r", "r", "r", "l"] })}`;
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
  const budget = [
    s.budget.trials !== void 0 ? `${s.trials}/${s.budget.trials} trials` : `${s.trials} trials`,
    s.budget.minutes !== void 0 ? `${duration(s.wallMs)} of ${duration(s.budget.minutes * 6e4)}` : duration(s.wallMs)
  ].join(", ");
  const rows = [
    ["Trials", `${s.trials} (${s.trained} trained, ${s.cached} cached, ${s.pruned} pruned, ${s.failed} failed)`],
    ["Budget used", `${budget}; stopped because ${STOP_TEXT[s.stopReason]}`],
    ["Method", `${cell(r.method)}, seed ${r.seed}`],
    ["Backend", cell(r.backend)]
  ];
  return `**Run**

${markdownTable([["", ""], ...rows])}`;
}
function searchTrials(r) {
  return r.trials.filter((t) => t.repeat === 0);
}
function topTrialsSection(r, n) {
  const { name, goal } = r.metric;
  const trials = searchTrials(r);
  const tier = (t) => t.status === "complete" && t.metrics[name] !== void 0 ? 0 : t.status === "pruned" && t.metrics[name] !== void 0 ? 1 : 2;
  const loss = (t) => tier(t) === 2 ? 0 : goal === "maximize" ? -t.metrics[name] : t.metrics[name];
  const ranked = trials.map((t, i) => ({ t, i })).sort((a, b) => tier(a.t) - tier(b.t) || loss(a.t) - loss(b.t) || a.i - b.i).slice(0, n);
  if (ranked.length === 0) return "";
  const paramNames = [...new Set(ranked.flatMap(({ t }) => Object.keys(t.params)))].sort();
  const header = ["#", cell(name), "Status", ...paramNames.map((p) => cell(p)), "Time"];
  const rows = ranked.map(({ t, i }) => [
    String(i + 1),
    t.metrics[name] === void 0 ? "\u2014" : num(t.metrics[name]),
    statusText(t),
    ...paramNames.map((p) => cell(t.params[p])),
    t.cached ? "cached" : duration(t.durationMs)
  ]);
  const failed = trials.filter((t) => t.status === "failed" && t.error);
  const errors = failed.length === 0 ? "" : `

Failed trials:
${failed.slice(0, 5).map((t) => `- #${trials.indexOf(t) + 1}: ${inline((t.error ?? "").slice(0, 300))}`).join("\n")}${failed.length > 5 ? `
- \u2026 and ${failed.length - 5} more` : ""}`;
  return `<details><summary>Top ${ranked.length} of ${trials.length} trials</summary>

${markdownTable([header, ...rows])}${errors}

</details>`;
}
function statusText(t) {
  return t.status === "complete" ? "\u2713" : t.status === "pruned" ? `pruned @${t.history.at(-1)?.step ?? 0}` : "failed";
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
  return `[${counter}]${status} ${p.metric}=${v === void 0 ? "\u2014" : num(v)} (${how}) \xB7 best ${best} \xB7 ${duration(p.elapsedMs)} elapsed${left}`;
}

// src/engine/results-file.ts
function parseResultsDoc(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${err instanceof Error ? err.message : String(err)})`;
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
  const best = doc.best;
  const samples = best ? best.samples ?? Object.fromEntries(Object.entries(best.metrics).map(([k, v]) => [k, [v]])) : void 0;
  return { gate: [], method: "unknown", backend: "unknown", seed: 0, createdAt: "", ...doc, ...best ? { best: { ...best, samples } } : {} };
}

export {
  isGateFailure,
  compareResults,
  buildReport,
  paramsLine,
  progressLine,
  parseResultsDoc
};
