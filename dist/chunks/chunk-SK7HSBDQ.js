import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  canonicalJson,
  deriveSeed
} from "./chunk-XXUPUARK.js";
import {
  NO_METRIC
} from "./chunk-RDA5MJ7X.js";
import {
  ConfigError,
  TrialError,
  configIssue,
  errorText,
  show
} from "./chunk-BSN4SUU4.js";

// src/report/format.ts
var NAME_MAX_CHARS = 100;
var VALUE_MAX_CHARS = 200;
var TEXT_MAX_CHARS = 500;
function cell(value, max = VALUE_MAX_CHARS) {
  const text = typeof value === "string" ? value : value === void 0 ? "" : typeof value === "number" ? num(value) : JSON.stringify(value);
  return inline(cap(text, max));
}
function cap(text, max) {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
function inline(text) {
  return neutraliseMentions(
    breakAutolinks(stripControls(text)).replace(/&(?=#?\w+;)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*|[\]~])/g, "\\$1").replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace("_", "\\_")).replace(/\r\n|\r|\n/g, " ")
  );
}
function codeSpan(text, max = TEXT_MAX_CHARS) {
  return `<code>${inline(cap(text, max))}</code>`;
}
function htmlText(text, max = TEXT_MAX_CHARS) {
  const escaped = breakAutolinks(stripControls(cap(text, max))).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r\n|\r|\n/g, " ");
  return neutraliseMentions(escaped);
}
var WORD_JOINER = "\u2060";
function neutraliseMentions(text) {
  return text.replace(/@/g, `@${WORD_JOINER}`);
}
function breakAutolinks(text) {
  return text.replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, `$1:${WORD_JOINER}`).replace(/(?<![a-z0-9])(www)\./gi, `$1${WORD_JOINER}.`).replace(/#(?=\d)/g, `#${WORD_JOINER}`);
}
function stripControls(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
}
function codeBlock(text, lang = "") {
  const body = stripControls(text).replace(/\r\n?/g, "\n").replace(/\n+$/, "").replace(/<!--/g, `<${WORD_JOINER}!--`);
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
  if (finite.length > 0 && finite.every((v) => Math.abs(v) < 1e-3))
    return (x) => x === 0 ? "0" : x.toExponential(3).replace("e-", "e\u2212").replace("-", "\u2212");
  const decimals = Math.min(
    6,
    Math.max(0, ...finite.filter((v) => Math.abs(v) >= 1e-3).map((v) => 3 - Math.floor(Math.log10(Math.abs(v)))))
  );
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

// src/core/gate/threshold.ts
var NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
var ABSOLUTE_RE = new RegExp(`^${NUMBER}$`);
var RELATIVE_RE = new RegExp(`^(${NUMBER})\\s*%$`);
function parseThreshold(text, path) {
  const bad = () => new ConfigError(
    path,
    `must be a non-negative number (absolute, like 0.01) or a percentage (relative, like "2%"), got ${typeof text === "number" ? String(text) : show(text)}`
  );
  if (typeof text === "number") {
    if (!Number.isFinite(text) || text < 0) throw bad();
    return { kind: "absolute", value: text };
  }
  if (typeof text !== "string") throw bad();
  const s = text.trim();
  if (ABSOLUTE_RE.test(s)) return { kind: "absolute", value: Number(s) };
  const rel = RELATIVE_RE.exec(s);
  if (rel?.[1] !== void 0) return { kind: "relative", fraction: Number(rel[1]) / 100 };
  throw bad();
}
function formatThreshold(t) {
  return t.kind === "absolute" ? String(t.value) : `${+(t.fraction * 100).toPrecision(10)}%`;
}

// src/core/json.ts
function isRecord(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// src/core/config/issues.ts
function formatPath(path) {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out;
}
function isUnder(path, prefix) {
  return prefix.length <= path.length && prefix.every((seg, i) => seg === path[i]);
}
var Issues = class {
  /** `keyOrder`: the document's top-level keys, so problems are listed in the order the file reads. */
  constructor(keyOrder = []) {
    this.keyOrder = keyOrder;
  }
  keyOrder;
  structural = [];
  semantic = [];
  schema(path, message) {
    this.structural.push({ path, message });
  }
  add(path, message) {
    this.semantic.push({ path, message });
  }
  get count() {
    return this.structural.length + this.semantic.length;
  }
  toError() {
    const shadowed = (p) => this.structural.some(
      (s) => s.path.length > 0 && (isUnder(p, s.path) || s.path.length === p.length + 1 && isUnder(s.path, p) && typeof s.path[p.length] === "number")
    );
    const firstAt = /* @__PURE__ */ new Set();
    const structural = this.structural.filter((s) => {
      const key = JSON.stringify(s.path);
      if (firstAt.has(key)) return false;
      firstAt.add(key);
      return true;
    });
    const rank = (p) => p.length === 0 ? -1 : this.keyOrder.indexOf(String(p[0]));
    const all = [...structural, ...this.semantic.filter((s) => !shadowed(s.path))].map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue.path) - rank(b.issue.path) || a.i - b.i).map(({ issue }) => issue);
    const seen = /* @__PURE__ */ new Set();
    const issues = [];
    for (const { path, message } of all) {
      const issue = configIssue(formatPath(path), message);
      if (seen.has(issue.message)) continue;
      seen.add(issue.message);
      issues.push(issue);
    }
    return new ConfigError(issues);
  }
  throwIfAny() {
    if (this.count > 0) throw this.toError();
  }
};
function has(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

// src/core/pruners/hyperband.ts
var HyperbandPruner = class {
  constructor(settings) {
    this.settings = settings;
    const { minIter, eta, maxIter } = settings;
    if (!(minIter > 0) || !Number.isFinite(minIter)) throw new RangeError(`hyperband: min_iter must be > 0, got ${minIter}`);
    if (!(eta > 1) || !Number.isFinite(eta)) throw new RangeError(`hyperband: eta must be > 1, got ${eta}`);
    if (maxIter !== void 0 && !(maxIter > minIter))
      throw new RangeError(`hyperband: max_iter must be > min_iter (${minIter}), got ${maxIter}`);
    if (settings.rungs !== void 0) {
      this.rungs = checkRungs(settings.rungs);
      return;
    }
    const rungs = [];
    for (let k = 0, r = minIter; k < 64 && (maxIter === void 0 || r < maxIter * (1 - 1e-9)); k++, r *= eta) rungs.push(r);
    this.rungs = rungs;
  }
  settings;
  name = "hyperband";
  rungs;
  shouldPrune(curve, others) {
    const last = curve[curve.length - 1];
    if (!last) return false;
    const before = curve.length > 1 ? curve[curve.length - 2].step : -Infinity;
    for (const rung of this.rungs) {
      if (!(before < rung && last.step >= rung)) continue;
      const field = [last.value];
      for (const o of others) {
        const v = valueAtRung(o, rung);
        if (v !== void 0) field.push(v);
      }
      field.sort((a, b) => a - b);
      const keep = Math.max(1, Math.floor(field.length / this.settings.eta));
      if (last.value > field[keep - 1]) return true;
    }
    return false;
  }
};
function valueAtRung(curve, rung) {
  for (const p of curve) if (p.step >= rung) return Number.isFinite(p.value) ? p.value : void 0;
  return void 0;
}
function checkRungs(rungs) {
  if (rungs.length === 0) throw new RangeError("hyperband: rungs must not be empty");
  rungs.forEach((r, i) => {
    if (!(r > 0) || !Number.isFinite(r)) throw new RangeError(`hyperband: rungs must be finite and > 0, got ${r} at position ${i}`);
    if (i > 0 && !(r > rungs[i - 1])) throw new RangeError(`hyperband: rungs must be ascending, got ${rungs[i - 1]} then ${r}`);
  });
  return rungs.slice();
}
function hyperbandBands(maxIter, eta, s) {
  const bands = [];
  let band = maxIter;
  for (let i = 0; i < s; i++) {
    band /= eta;
    if (band < 1) break;
    bands.push(Math.floor(band));
  }
  return [...new Set(bands)].sort((a, b) => a - b);
}

// src/core/config/sections.ts
var num2 = (x) => typeof x === "number" && Number.isFinite(x) ? x : void 0;
var int = (x) => Number.isSafeInteger(x) ? x : void 0;
var str = (x) => typeof x === "string" ? x : void 0;
var TRAINER_METRICS = {
  classification: ["loss", "val_loss", "accuracy", "val_accuracy"],
  regression: ["loss", "val_loss", "mae", "val_mae", "val_rmse"]
};
function parseMetric(doc, workload, issues) {
  const m = doc.metric;
  if (!isRecord(m)) {
    if (m !== void 0 || !workload || workload.kind === "trainer") return { name: "val_loss", goal: "minimize" };
    if (doc.method === "grid" || doc.method === "random") {
      for (const key of ["early_terminate", "gate", "stages"])
        if (has(doc, key)) issues.add([key], `needs metric: it works on the best trial, and without metric there is none`);
      if (int(doc.repeats) !== void 0 && int(doc.repeats) > 1)
        issues.add(["repeats"], `needs metric: it re-runs the best trial, and without metric there is none, got ${show(doc.repeats)}`);
      return { name: NO_METRIC, goal: "minimize" };
    }
    issues.add(
      ["metric"],
      `is required with ${workload.kind} and method ${String(doc.method)}: name the metric to optimise, e.g. {name: val_loss, goal: minimize} (grid and random may go without)`
    );
    return { name: "val_loss", goal: "minimize" };
  }
  const name = str(m.name) ?? "val_loss";
  const goal = m.goal === "maximize" ? "maximize" : "minimize";
  const target = num2(m.target);
  if (workload?.kind === "trainer") checkTrainerMetric(["metric", "name"], name, workload.trainer, issues);
  return { name, goal, ...target !== void 0 ? { target } : {} };
}
function checkTrainerMetric(path, name, trainer, issues) {
  const known = TRAINER_METRICS[trainer.task];
  if (!known.includes(name))
    issues.add(path, `the ${trainer.type} trainer (${trainer.task}) reports ${known.join(", ")}, got ${show(name)}`);
}
var HYPERBAND_KEYS = ["min_iter", "max_iter", "s", "eta", "strict"];
var MEDIAN_KEYS = ["warmup_steps", "min_trials"];
function parseEarlyTerminate(value, issues, warn = () => {
}) {
  if (!isRecord(value)) return void 0;
  const at = (k) => ["early_terminate", k];
  const type = value.type;
  const own = type === "hyperband" ? HYPERBAND_KEYS : type === "median" ? MEDIAN_KEYS : void 0;
  if (!own) return void 0;
  for (const k of Object.keys(value))
    if (k !== "type" && !own.includes(k)) issues.add(at(k), `is not used by type ${String(type)}, which takes ${own.join(", ")}`);
  if (type === "median") return { type: "median", warmupSteps: int(value.warmup_steps) ?? 1, minTrials: int(value.min_trials) ?? 5 };
  const eta = num2(value.eta) ?? 3;
  if (has(value, "max_iter")) {
    if (!has(value, "s")) {
      issues.add(at("s"), "is required with max_iter: the rungs are max_iter / eta^i for i = s..1 (or give min_iter alone)");
      return void 0;
    }
    const maxIter = int(value.max_iter);
    const s = int(value.s);
    if (maxIter === void 0 || s === void 0) return void 0;
    const rungs = hyperbandBands(maxIter, eta, s);
    if (rungs.length === 0) {
      issues.add(at("max_iter"), `gives no rung: max_iter / eta must be >= 1, got ${maxIter} / ${eta}`);
      return void 0;
    }
    if (has(value, "min_iter"))
      warn(at("min_iter"), `is ignored when max_iter and s are given (as in W&B): the rungs are ${rungs.join(", ")}`);
    return { type: "hyperband", minIter: rungs[0], eta, maxIter, s, rungs };
  }
  if (!has(value, "min_iter")) {
    issues.add(at("min_iter"), "is required: hyperband takes min_iter, or max_iter together with s");
    return void 0;
  }
  const minIter = int(value.min_iter);
  if (minIter === void 0) return void 0;
  if (has(value, "s"))
    warn(at("s"), `is ignored without max_iter (as in W&B): the rungs are min_iter \xB7 eta^k = ${minIter}, ${minIter * eta}, ...`);
  return { type: "hyperband", minIter, eta };
}
function parseBudget(doc, issues) {
  const b = isRecord(doc.budget) ? doc.budget : {};
  const runCap = int(doc.run_cap);
  const trials = int(b.trials);
  if (runCap !== void 0 && trials !== void 0 && runCap !== trials)
    issues.add(["budget", "trials"], `must equal run_cap when both are set, got ${trials} != ${runCap}`);
  const minutes = num2(b.minutes);
  const t = runCap ?? trials;
  return { ...t !== void 0 ? { trials: t } : {}, ...minutes !== void 0 ? { minutes } : {} };
}
var MAXIMIZE_HINTS = ["acc", "auc", "f1", "precision", "recall", "r2", "score"];
function inferGoal(metric) {
  const m = metric.toLowerCase();
  return MAXIMIZE_HINTS.some((h) => m.includes(h)) ? "maximize" : "minimize";
}
function threshold(value, path) {
  try {
    return typeof value === "number" || typeof value === "string" ? parseThreshold(value, path) : void 0;
  } catch {
    return void 0;
  }
}
function parseGate(value, metric, workload, issues) {
  if (!isRecord(value)) return [];
  const rules = [];
  for (const [name, rule] of Object.entries(value)) {
    if (workload?.kind === "trainer") checkTrainerMetric(["gate", name], name, workload.trainer, issues);
    const spec = isRecord(rule) ? rule : { threshold: rule };
    const parsed = threshold(spec.threshold, `gate.${name}`);
    if (!parsed) continue;
    const goal = spec.goal === "maximize" || spec.goal === "minimize" ? spec.goal : name === metric.name ? metric.goal : inferGoal(name);
    if (name === metric.name && spec.goal !== void 0 && spec.goal !== metric.goal)
      issues.add(["gate", name, "goal"], `contradicts metric.goal (${metric.goal}) for the sweep metric, got ${show(spec.goal)}`);
    const on = spec.on === "champion" || spec.on === "best" || spec.on === "both" ? spec.on : "champion";
    rules.push({ metric: name, goal, threshold: parsed, alpha: num2(spec.alpha) ?? 0.05, on });
  }
  return rules;
}
function parseStages(value, parameterNames, issues) {
  if (!Array.isArray(value)) return [];
  const stages = [];
  value.forEach((stage, i) => {
    if (!isRecord(stage) || !Array.isArray(stage.parameters)) return;
    const names = stage.parameters.filter((n) => typeof n === "string");
    names.forEach((n, j) => {
      if (!parameterNames.includes(n))
        issues.add(
          ["stages", i, "parameters", j],
          `is not a parameter of this sweep (parameters: ${parameterNames.join(", ")}), got ${show(n)}`
        );
    });
    const trials = int(stage.trials);
    stages.push({ parameters: names, ...trials !== void 0 ? { trials } : {} });
  });
  return stages;
}
function parseFingerprint(value) {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((g) => typeof g === "string") : [];
}

// src/core/gate/effective-rules.ts
var SIDES = { champion: ["champion"], best: ["best"], both: ["champion", "best"] };
function effectiveRules(main, pr, mainValue) {
  const mains = lastByMetric(main);
  const prs = lastByMetric(pr);
  const rules = [];
  const loosened = [];
  for (const [metric, m] of mains) {
    const p = prs.get(metric);
    if (!p) {
      rules.push(m);
      loosened.push({ metric, what: "dropped" });
      continue;
    }
    const threshold2 = stricterThreshold(m.threshold, p.threshold, mainValue(metric));
    if (threshold2 === m.threshold && !sameThreshold(m.threshold, p.threshold))
      loosened.push({ metric, what: "threshold", main: formatThreshold(m.threshold), pr: formatThreshold(p.threshold) });
    if (p.alpha > m.alpha) loosened.push({ metric, what: "alpha", main: String(m.alpha), pr: String(p.alpha) });
    const mainOn = m.on ?? "champion";
    const prOn = p.on ?? "champion";
    const sides = /* @__PURE__ */ new Set([...SIDES[mainOn], ...SIDES[prOn]]);
    if (!SIDES[mainOn].every((s) => SIDES[prOn].includes(s))) loosened.push({ metric, what: "on", main: mainOn, pr: prOn });
    if (p.goal !== m.goal) loosened.push({ metric, what: "goal", main: m.goal, pr: p.goal });
    const on = sides.size === 2 ? "both" : [...sides][0];
    rules.push({ metric, goal: m.goal, threshold: threshold2, alpha: Math.min(m.alpha, p.alpha), ...on !== "champion" || m.on ? { on } : {} });
  }
  for (const [metric, p] of prs) if (!mains.has(metric)) rules.push(p);
  return { rules, loosened };
}
function lastByMetric(rules) {
  const byMetric = /* @__PURE__ */ new Map();
  for (const r of rules) byMetric.set(r.metric, r);
  return byMetric;
}
function sameThreshold(a, b) {
  return a.kind === "absolute" ? b.kind === "absolute" && a.value === b.value : b.kind === "relative" && a.fraction === b.fraction;
}
function stricterThreshold(main, pr, value) {
  const allowance2 = (t) => t.kind === "absolute" ? t.value : value === void 0 ? void 0 : t.fraction * Math.abs(value);
  const m = main.kind === "relative" && pr.kind === "relative" ? main.fraction : allowance2(main);
  const p = main.kind === "relative" && pr.kind === "relative" ? pr.fraction : allowance2(pr);
  return m === void 0 || p === void 0 || !(p < m) ? main : pr;
}

// src/core/gate/stats.ts
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
  const mean2 = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean2) ** 2, 0) / (xs.length - 1);
  return { mean: mean2, variance };
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
function pairedTTest(a, b, level = 0.95) {
  if (a.length !== b.length) throw new RangeError(`pairedTTest: needs equal lengths, got ${a.length} and ${b.length}`);
  if (a.length === 0) throw new RangeError("pairedTTest: needs at least one pair");
  const d = a.map((x, i) => x - b[i]);
  const n = d.length;
  const mean2 = d.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { n, mean: mean2, sd: 0, t: mean2 > 0 ? Infinity : mean2 < 0 ? -Infinity : 0, df: 0, pGreater: 1 };
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean2) ** 2, 0) / (n - 1));
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  if (se <= 1e-12 * Math.max(1, Math.abs(mean2))) {
    return { n, mean: mean2, sd: 0, t: mean2 > 0 ? Infinity : mean2 < 0 ? -Infinity : 0, df, pGreater: mean2 > 0 ? 0 : 1, ci: [mean2, mean2] };
  }
  const t = mean2 / se;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return { n, mean: mean2, sd, t, df, pGreater: studentTSurvival(t, df), ci: [mean2 - q * se, mean2 + q * se] };
}
function studentTQuantile(p, df) {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTSurvival(hi, df) > 1 - p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTSurvival(mid, df) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// src/core/gate/compare.ts
function worsening(goal, baseline, current) {
  return goal === "minimize" ? current - baseline : baseline - current;
}
function allowance(threshold2, baseline) {
  return threshold2.kind === "absolute" ? threshold2.value : threshold2.fraction * Math.abs(baseline);
}
function judge(rule, baseline, worse, pValue) {
  if (!rule) return "pass";
  const margin = allowance(rule.threshold, baseline);
  if (!(worse > margin)) return "pass";
  return pValue === void 0 || pValue < rule.alpha ? "regressed" : "not-significant";
}
function compareBest(metric, goal, rule, baseline, current) {
  const b = baseline?.best?.metrics[metric];
  const c = current.best?.metrics[metric];
  if (c === void 0) return { ...b !== void 0 ? { baseline: b } : {}, bestStatus: "missing" };
  if (b === void 0) return { current: c, bestStatus: "no-baseline" };
  const delta = c - b;
  const bs = baseline?.best?.samples[metric] ?? [];
  const cs = current.best?.samples[metric] ?? [];
  const margin = rule ? allowance(rule.threshold, b) : 0;
  const shift = (xs) => xs.map((x) => x + margin);
  const pValue = rule && bs.length >= 2 && cs.length >= 2 ? goal === "minimize" ? welchTTest(cs, shift(bs)).pGreater : welchTTest(bs, shift(cs)).pGreater : void 0;
  const worse = worsening(goal, b, c);
  return {
    baseline: b,
    current: c,
    delta,
    ...b !== 0 ? { relDelta: delta / Math.abs(b) } : {},
    improved: worse < 0,
    ...pValue !== void 0 ? { pValue } : {},
    bestStatus: judge(rule, b, worse, pValue)
  };
}
function compareChampion(metric, goal, rule, main, replay) {
  const failed = replay.find((r) => r.status === "failed");
  const mainValues = new Map(
    main.filter((r) => r.status === "complete" && r.metrics[metric] !== void 0).map((r) => [r.seed, r.metrics[metric]])
  );
  if (mainValues.size === 0) return void 0;
  if (failed)
    return {
      n: 0,
      baseline: mean([...mainValues.values()]),
      current: Number.NaN,
      delta: Number.NaN,
      improved: false,
      status: "failed",
      error: failed.error ?? "failed"
    };
  const b = [];
  const c = [];
  for (const r of replay) {
    const v = r.metrics[metric];
    const m = mainValues.get(r.seed);
    if (r.status === "complete" && v !== void 0 && m !== void 0) {
      b.push(m);
      c.push(v);
    }
  }
  if (b.length === 0)
    return { n: 0, baseline: mean([...mainValues.values()]), current: Number.NaN, delta: Number.NaN, improved: false, status: "missing" };
  const test = goal === "minimize" ? pairedTTest(c, b) : pairedTTest(b, c);
  const worse = test.mean;
  const baseline = mean(b);
  const ci = test.ci && (goal === "minimize" ? test.ci : [0 - test.ci[1], 0 - test.ci[0]]);
  const margin = rule ? allowance(rule.threshold, baseline) : 0;
  const shifted = goal === "minimize" ? pairedTTest(
    c,
    b.map((x) => x + margin)
  ) : pairedTTest(
    b,
    c.map((x) => x + margin)
  );
  const pValue = rule && test.n >= 2 ? shifted.pGreater : void 0;
  return {
    n: test.n,
    baseline,
    current: mean(c),
    delta: goal === "minimize" ? worse : 0 - worse,
    ...ci ? { ci } : {},
    ...pValue !== void 0 ? { pValue } : {},
    improved: worse < 0,
    status: judge(rule, baseline, worse, pValue)
  };
}
var SEVERITY = {
  pass: 0,
  "no-baseline": 0,
  "not-significant": 1,
  missing: 2,
  regressed: 3,
  failed: 4,
  "not-comparable": 5
};
function compareMetric(metric, goal, rule, baseline, current) {
  const best = compareBest(metric, goal, rule, baseline, current);
  const main = baseline?.champion?.runs;
  const replay = current.replay?.runs;
  const champion = main && replay ? compareChampion(metric, goal, rule, main, replay) : void 0;
  const gate = rule ? { threshold: rule.threshold, alpha: rule.alpha, on: rule.on ?? "champion" } : {};
  const base = { metric, goal, ...best, ...gate, ...champion ? { champion } : {} };
  if (!rule) return { ...base, status: best.bestStatus };
  if (current.notComparable) return { ...base, bestStatus: "not-comparable", status: "not-comparable", reason: current.notComparable };
  const on = rule.on ?? "champion";
  if (on === "best" || !champion) return { ...base, decidedBy: "best", status: best.bestStatus };
  if (on === "champion") return { ...base, decidedBy: "champion", status: champion.status };
  const status = SEVERITY[champion.status] >= SEVERITY[best.bestStatus] ? champion.status : best.bestStatus;
  return { ...base, decidedBy: "both", status };
}
function isGateFailure(m) {
  if (m.threshold === void 0) return false;
  if (m.status === "regressed" || m.status === "failed" || m.status === "not-comparable") return true;
  return m.status === "missing" && (m.baseline !== void 0 || m.champion !== void 0);
}
function championState(baseline, current) {
  if (current.notComparable) return { state: "not-comparable", reason: current.notComparable };
  if (current.replay) {
    const runs = current.replay.runs;
    return {
      state: "replayed",
      params: current.replay.params,
      adjustments: current.replay.adjustments,
      ...current.replay.mainSettings ? { mainSettings: current.replay.mainSettings } : {},
      seeds: runs.length,
      cached: runs.filter((r) => r.cached).length,
      failed: runs.filter((r) => r.status === "failed").length
    };
  }
  if (current.replaySkipped) return { state: "unavailable", reason: current.replaySkipped };
  if (!baseline.champion)
    return {
      state: "unavailable",
      reason: "the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0"
    };
  return { state: "unavailable", reason: "this run did not replay it (champion.seeds: 0)" };
}
function compareResults(baseline, current, prRules) {
  const { rules, loosened } = baseline ? effectiveRules(baseline.gate, prRules, (m) => baseline.best?.metrics[m] ?? championMean(baseline, m)) : { rules: prRules, loosened: [] };
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
  const bv = baseline?.validation;
  const cv = current.validation;
  return {
    hasBaseline: baseline !== void 0,
    metrics,
    regressed: metrics.some(isGateFailure),
    baselineParams: baseline?.best?.params,
    currentParams: current.best?.params,
    baselineSha: baseline?.sha,
    configChanged: baseline !== void 0 && baseline.configHash !== current.configHash,
    gateChanged: baseline !== void 0 && canonicalJson(baseline.gate) !== canonicalJson(current.gate),
    ...baseline ? { champion: championState(baseline, current) } : {},
    ...bv && cv ? { validationChanged: bv.fingerprint !== cv.fingerprint, validationRows: { baseline: bv.rows, current: cv.rows } } : {},
    loosened,
    ...baseline && current.notComparable ? { notComparable: current.notComparable } : {}
  };
}
function championMean(baseline, metric) {
  const values = (baseline.champion?.runs ?? []).flatMap(
    (r) => r.status === "complete" && r.metrics[metric] !== void 0 ? [r.metrics[metric]] : []
  );
  return values.length > 0 ? mean(values) : void 0;
}
function mean(xs) {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

// src/core/gate/champion-plan.ts
var DEFAULT_CHAMPION_SEEDS = 10;
function championSeeds(sweepSeed, params, n) {
  return Array.from({ length: n }, (_, i) => deriveSeed("champion", sweepSeed, canonicalJson(params), i));
}
function planReplay(champion, space, defaultOf, opts = {}) {
  const names = new Set(space.map((p) => p.name));
  const removed = Object.keys(champion).filter((n) => !names.has(n));
  if (removed.length > 0 && !opts.keepMainValues)
    return { ok: false, reason: `main's best params use ${list(removed)}, which this PR removed from the search space` };
  const params = {};
  const adjustments = [];
  for (const p of space) {
    const values = p.dist.values();
    const has2 = Object.prototype.hasOwnProperty.call(champion, p.name);
    const main = has2 ? champion[p.name] : void 0;
    if (values && values.length === 1) {
      params[p.name] = values[0];
      if (!has2 || canonicalJson(main) !== canonicalJson(values[0]))
        adjustments.push({ name: p.name, ...has2 ? { main } : {}, replay: values[0], why: "fixed" });
    } else if (has2) {
      const inside = p.dist.contains(main);
      if (!inside && !opts.keepMainValues)
        return { ok: false, reason: `main's ${p.name} = ${canonicalJson(main)} is outside this PR's search space for it` };
      params[p.name] = main;
      if (!inside) adjustments.push({ name: p.name, main, replay: main, why: "kept" });
    } else {
      const d = defaultOf(p.name);
      if (d !== void 0) params[p.name] = d;
      adjustments.push({ name: p.name, ...d !== void 0 ? { replay: d } : {}, why: "added" });
    }
  }
  for (const name of removed) {
    params[name] = champion[name];
    adjustments.push({ name, main: champion[name], replay: champion[name], why: "kept" });
  }
  return { ok: true, params, adjustments };
}
function list(names) {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

// src/core/gate/replay-settings.ts
function replaySettingsOf(config) {
  if (config.workload.kind !== "trainer") return void 0;
  const t = config.workload.trainer;
  const splitBy = t.type === "tabular" ? t.splitBy : void 0;
  return {
    validationSplit: t.validationSplit,
    splitSeed: t.splitSeed ?? 0,
    ...splitBy && splitBy.length > 0 ? { splitBy } : {},
    defaults: t.defaults
  };
}
function replayTrainer(pr, recorded, sameConfig) {
  if (!recorded) {
    if (sameConfig) return { ok: true, trainer: pr, changed: false };
    return {
      ok: false,
      reason: "the baseline was recorded by an older sweepgate that did not record its validation split and trainer.defaults, and this PR changes the sweep config, so main\u2019s best config cannot be replayed with main\u2019s settings. Record a new baseline (re-run the workflow on the baseline branch), then re-run this check"
    };
  }
  const trainer = pr.type === "tabular" ? (({ splitBy: _dropped, ...rest }) => ({
    ...rest,
    validationSplit: recorded.validationSplit,
    splitSeed: recorded.splitSeed,
    ...recorded.splitBy ? { splitBy: recorded.splitBy } : {},
    defaults: recorded.defaults
  }))(pr) : { ...pr, validationSplit: recorded.validationSplit, splitSeed: recorded.splitSeed, defaults: recorded.defaults };
  const settings = (t) => canonicalJson(replaySettingsOf({ workload: { kind: "trainer", trainer: t } }));
  return { ok: true, trainer, changed: settings(trainer) !== settings(pr) };
}
function settingsChanges(main, pr) {
  const out = [];
  if (main.validationSplit !== pr.validationSplit) out.push(`validation_split ${main.validationSplit} \u2192 ${pr.validationSplit}`);
  if (main.splitSeed !== pr.splitSeed) out.push(`split_seed ${main.splitSeed} \u2192 ${pr.splitSeed}`);
  if (canonicalJson(main.splitBy ?? []) !== canonicalJson(pr.splitBy ?? []))
    out.push(`split_by ${JSON.stringify(main.splitBy ?? [])} \u2192 ${JSON.stringify(pr.splitBy ?? [])}`);
  if (canonicalJson(main.defaults) !== canonicalJson(pr.defaults))
    out.push(`trainer.defaults ${canonicalJson(main.defaults)} \u2192 ${canonicalJson(pr.defaults)}`);
  return out;
}

// src/core/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, min: 6e4, h: 36e5 };
var PART = /(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|m|h)/gy;
var MAX_DURATION_MS = 7 * 24 * 36e5;
function parseDuration(value, path) {
  const bad = (why) => new ConfigError(path, `${why}, got ${typeof value === "number" ? String(value) : show(value)}`);
  const form = 'must be a number of seconds or a duration such as "90s", "5m" or "1h30m"';
  let ms;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw bad(form);
    ms = value * 1e3;
  } else if (typeof value === "string") {
    const s = value.trim();
    if (/^(\d+(?:\.\d+)?|\.\d+)$/.test(s)) ms = Number(s) * 1e3;
    else {
      ms = 0;
      PART.lastIndex = 0;
      let end = 0;
      for (let m = PART.exec(s); m; m = PART.exec(s)) {
        ms += Number(m[1]) * UNIT_MS[m[2]];
        end = PART.lastIndex;
        while (s[end] === " ") end++;
        PART.lastIndex = end;
      }
      if (s === "" || end !== s.length) throw bad(form);
    }
  } else throw bad(form);
  if (!(ms > 0)) throw bad("must be > 0");
  if (ms > MAX_DURATION_MS) throw bad("must be at most 7 days");
  return ms;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${ms} ms`;
  if (ms < 6e4) return `${+(ms / 1e3).toPrecision(6)} s`;
  const h = Math.floor(ms / 36e5);
  const min = Math.floor(ms % 36e5 / 6e4);
  const s = Math.round(ms % 6e4 / 1e3);
  return [h ? `${h} h` : "", min ? `${min} min` : "", s ? `${s} s` : ""].filter(Boolean).join(" ");
}

// src/core/failure-cause.ts
var CAUSE_MAX_CHARS = 300;
var STDERR_MARK = "; last lines of stderr:\n";
var NOISE = [/^Node\.js v\d/, /^\(Use `node --trace-/];
var PY_FRAME = /^\s+File ".*", line \d+/;
var NODE_FRAME = /^\s+at \S/;
var NODE_HEADER = /^(?:Uncaught )?[A-Za-z_$][\w$.]*(?: \[\w+\])?: \S/;
function causeFromOutput(output) {
  const lines = output.replace(/\r\n?/g, "\n").split("\n");
  const found = pythonException(lines) ?? nodeError(lines) ?? lastMeaningful(lines);
  return found === void 0 ? void 0 : oneLine(found);
}
function pythonException(lines) {
  const frame = lines.findLastIndex((l) => PY_FRAME.test(l));
  if (frame < 0) return void 0;
  return lines.slice(frame + 1).find((l) => l.trim() !== "" && !/^\s/.test(l));
}
function nodeError(lines) {
  const last = lines.findLastIndex((l) => NODE_FRAME.test(l));
  if (last < 0) return void 0;
  let first = last;
  while (first > 0 && NODE_FRAME.test(lines[first - 1])) first--;
  for (let i = first - 1; i >= Math.max(0, first - 12); i--) if (NODE_HEADER.test(lines[i])) return lines[i];
  return lines.slice(0, first).findLast((l) => l.trim() !== "");
}
function lastMeaningful(lines) {
  return lines.findLast((l) => l.trim() !== "" && !NOISE.some((n) => n.test(l.trim())));
}
function oneLine(text) {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  const chars = Array.from(line);
  return chars.length > CAUSE_MAX_CHARS ? `${chars.slice(0, CAUSE_MAX_CHARS - 1).join("")}\u2026` : line;
}
function exitCause(exit) {
  if (exit.code === null && exit.signal !== null) return `killed by ${exit.signal}`;
  const said = causeFromOutput(exit.stderrTail);
  if (said !== void 0) return said;
  return exit.code !== null ? `exited with status ${exit.code} (no stderr output)` : "ended without an exit status";
}
function thrownCause(err, stopped = {}) {
  if (stopped.timeout) return `timed out: ran past trial_timeout (${formatDuration(stopped.timeout.timeoutMs)})`;
  if (stopped.cancelled !== void 0) return oneLine(`cancelled: ${stopped.cancelled}`);
  if (err instanceof TrialError && err.failureCause !== void 0) return oneLine(err.failureCause);
  if (!(err instanceof Error)) return oneLine(firstLine(String(err))) || "failed without an error message";
  const message = firstLine(err.message);
  if (err.name === "TrialError") return oneLine(message) || "failed without an error message";
  return oneLine(message ? `${err.name}: ${message}` : err.name);
}
function causeFromErrorText(error) {
  if (error === void 0 || error.trim() === "") return "failed without an error message";
  const mark = error.indexOf(STDERR_MARK);
  const head = firstLine(mark >= 0 ? error.slice(0, mark) : error);
  const killed = / was killed by (SIG[A-Z0-9]+)$/.exec(head);
  if (killed) return `killed by ${killed[1]}`;
  if (mark >= 0) {
    const said = causeFromOutput(error.slice(mark + STDERR_MARK.length));
    if (said !== void 0) return said;
  }
  const status = / (exited with status -?\d+)(?: \(no stderr output\))?$/.exec(head);
  if (status) return `${status[1]} (no stderr output)`;
  if (/^TrialTimeoutError: /.test(head))
    return oneLine(`timed out: ${head.replace(/^TrialTimeoutError: /, "").replace(/ and was stopped.*$/, "")}`);
  return oneLine(head.replace(/^TrialError: /, "")) || "failed without an error message";
}
function firstLine(text) {
  return (text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "").trim();
}

// src/report/failures.ts
function trialCause(t) {
  return t.cause ?? causeFromErrorText(t.error);
}
function failureGroups(trials) {
  const byCause = /* @__PURE__ */ new Map();
  trials.forEach((t, i) => {
    if (t.status !== "failed") return;
    const cause = trialCause(t);
    byCause.set(cause, [...byCause.get(cause) ?? [], i]);
  });
  return [...byCause.entries()].map(([cause, list2]) => ({ cause, trials: list2 })).sort((a, b) => b.trials.length - a.trials.length || a.trials[0] - b.trials[0]);
}
var MAX_CAUSES = 5;
function failuresSection(trials, detail) {
  const groups = failureGroups(trials);
  if (groups.length === 0 || detail === "none") return "";
  const failed = groups.reduce((n, g) => n + g.trials.length, 0);
  const head = `**Failures**: ${failed} of ${trials.length} trial${trials.length === 1 ? "" : "s"} failed, ${groups.length === 1 ? "all for one cause" : `for ${groups.length} causes`}`;
  const shown = groups.slice(0, MAX_CAUSES);
  const more = groups.length > shown.length ? `

\u2026 and ${groups.length - shown.length} other causes.` : "";
  if (detail === "list") {
    const list2 = shown.map((g) => `- ${whichTrials(g)}: ${codeSpan(g.cause)}`);
    return `${head}

${list2.join("\n")}${more}`;
  }
  const blocks = shown.map((g) => causeDetails(g, trials));
  const body = blocks.map((b, i) => i === 0 ? b : `${b.startsWith("- ") && blocks[i - 1].startsWith("- ") ? "\n" : "\n\n"}${b}`).join("");
  return `${head}

${body}${more}`;
}
function whichTrials(g) {
  const first = g.trials[0] + 1;
  return g.trials.length === 1 ? `trial ${first}` : `${g.trials.length} trials (first: trial ${first})`;
}
var ERROR_MAX_CHARS = 4e3;
function causeDetails(g, trials) {
  const t = trials[g.trials[0]];
  const error = (t.error ?? "").replace(/^TrialError: /, "");
  const mark = error.indexOf(STDERR_MARK);
  if (mark < 0 && error.trim() === g.cause) return `- ${whichTrials(g)}: ${codeSpan(g.cause)}`;
  const which = `Trial ${g.trials[0] + 1}`;
  const body = mark >= 0 ? `${which}: ${codeSpan(error.slice(0, mark), 1e3)}, the last lines of its stderr:

${codeBlock(error.slice(mark + STDERR_MARK.length))}` : `${which}:

${codeBlock(cap(error, ERROR_MAX_CHARS))}`;
  return `<details><summary>${htmlText(`${whichTrials(g)}: ${g.cause}`)}</summary>

${body}

</details>`;
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
function gateText(threshold2, points) {
  if (threshold2.kind === "relative") return `${formatThreshold(threshold2)} gate`;
  return points ? `${num(threshold2.value * 100)}-point gate` : `${num(threshold2.value)} gate`;
}
function pairedPhrase(metric, goal, c, showP = c.status === "regressed" || c.status === "not-significant") {
  const points = inPoints(metric, [c.baseline, c.current]);
  const k = points ? 100 : 1;
  const worse = goal === "minimize" ? c.delta : -c.delta;
  const seeds = `${c.n} seed${c.n === 1 ? "" : "s"}`;
  if (c.delta === 0 && (!c.ci || c.ci[0] === c.ci[1]))
    return { change: `scores ${metric} ${num(c.current)}, exactly as on main`, evidence: `${seeds}, identical runs` };
  const sign = points ? (worse >= 0 ? 1 : -1) * (goal === "minimize" ? 1 : -1) : c.delta >= 0 ? 1 : -1;
  const q = sign * c.delta * k;
  const ci = c.ci && (sign > 0 ? [c.ci[0] * k, c.ci[1] * k] : [-c.ci[1] * k, -c.ci[0] * k]);
  const d = decimalsFor(ci ? (ci[1] - ci[0]) / 2 : void 0, q);
  const verb = points ? worse >= 0 ? "loses" : "gains" : c.delta >= 0 ? "raises" : "lowers";
  if (ci && ci[0] === ci[1]) {
    const amount = num(q);
    return {
      change: points ? `${verb} ${amount} points of ${metric}` : `${verb} ${metric} by ${amount}`,
      evidence: `${seeds}, the same on every seed`
    };
  }
  const change = points ? `${verb} ${fixed(q, d)} points of ${metric}` : `${verb} ${metric} by ${fixed(q, d)}`;
  const evidence = [
    seeds,
    ...ci ? [`95% CI ${fixed(ci[0], d)} to ${fixed(ci[1], d)}`] : [],
    ...c.pValue !== void 0 && showP ? [pText(c.pValue)] : []
  ];
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
  m = { ...m, metric: cap(m.metric, NAME_MAX_CHARS) };
  const points = inPoints(
    m.metric,
    [m.baseline, m.current, m.champion?.baseline, m.champion?.current].filter((v) => v !== void 0 && !Number.isNaN(v))
  );
  const gate = m.threshold ? gateText(m.threshold, points) : "gate";
  if (m.status === "not-comparable")
    return `not comparable with main: ${m.reason ?? "main\u2019s best config cannot be replayed like for like"}`;
  const c = m.champion;
  if (m.decidedBy !== "best" && c) {
    if (c.status === "failed")
      return `main's best config no longer trains on this PR (${causeFromErrorText(c.error)}): a model that does not train is a regression`;
    if (c.status === "missing") return `main's best config, replayed on this PR, reports no ${m.metric} (main's: ${num(c.baseline)})`;
    const { change, evidence } = pairedPhrase(m.metric, m.goal, c);
    const phrase2 = `main's best config ${change} on this PR (${evidence})`;
    const tail = c.status === "regressed" ? `, past the ${gate}` : c.status === "not-significant" ? `: past the ${gate} but not significant at alpha ${m.alpha}` : c.improved || c.delta === 0 ? "" : `, within the ${gate}`;
    const best = m.decidedBy === "both" && m.bestStatus === "regressed" ? `; and the search result regressed: ${bestPhrase(m, gate)}` : "";
    return `${phrase2}${tail}${best}`;
  }
  return bestPhrase(m, gate);
}
function bestPhrase(m, gate) {
  if (m.bestStatus === "missing")
    return m.baseline === void 0 ? `this run produced no ${m.metric}` : `${m.metric} is ${num(m.baseline)} on main but this run produced no value (${gate})`;
  if (m.baseline === void 0 || m.current === void 0) return `${m.metric}: no value on main to compare with`;
  const rel = m.relDelta === void 0 || m.baseline === void 0 ? "" : ` (${relative(m.relDelta, m.baseline)})`;
  const p = m.pValue === void 0 ? "" : `, ${pText(m.pValue)}`;
  const tail = m.bestStatus === "regressed" ? `, past the ${gate}` : m.bestStatus === "not-significant" ? `: past the ${gate} but not significant at alpha ${m.alpha}` : m.improved || m.delta === 0 ? "" : `, within the ${gate}`;
  return `best ${m.metric} went from ${num(m.baseline)} on main to ${num(m.current)} on this PR${rel}${p}${tail}`;
}
function finishedWithoutMetric(r) {
  return r.metric.name === NO_METRIC && r.stats.trials > r.stats.failed;
}
function noTrialVerdict(r) {
  const search = r.trials.filter((t) => t.repeat === 0);
  if (search.length === 0) return "no trial ran (the budget or the search space allowed none)";
  const failed = search.filter((t) => t.status === "failed").length;
  const pruned = search.filter((t) => t.status === "pruned").length;
  const groups = failureGroups(search);
  const shown = groups.slice(0, 3);
  const causes = groups.length === 1 ? groups[0].cause : shown.map((g) => `${g.trials.length} \xD7 ${g.cause}`).join("; ") + (groups.length > shown.length ? `; and ${groups.length - shown.length} other causes` : "");
  const head = `${failed} of ${search.length} trial${search.length === 1 ? "" : "s"} failed`;
  if (failed === search.length) return `${head}: ${causes}`;
  if (failed === 0) return `none of the ${search.length} trials finished: the pruner stopped all ${pruned} early`;
  return `${head}: ${causes}; the pruner stopped the other ${pruned} early`;
}

// src/report/gate-rules.ts
function loosenedSentence(loosened) {
  if (!loosened || loosened.length === 0) return "";
  const phrases = loosened.map(phrase);
  const rules = new Set(loosened.map((l) => l.metric)).size;
  return `this PR ${joined(phrases)}: main\u2019s ${rules === 1 ? "rule applies" : "rules apply"} until it is merged`;
}
function phrase(l) {
  switch (l.what) {
    case "dropped":
      return `drops the ${l.metric} rule`;
    case "threshold":
      return `raises the ${l.metric} threshold from ${l.main} to ${l.pr}`;
    case "alpha":
      return `raises the ${l.metric} alpha from ${l.main} to ${l.pr}`;
    case "on":
      return `judges ${l.metric} on ${l.pr} instead of ${l.main}`;
    case "goal":
      return `turns the ${l.metric} goal from ${l.main} to ${l.pr}`;
  }
}
function joined(items) {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function acceptanceText(a) {
  if ("reason" in a) return `accepted: ${a.reason}`;
  return `accepted${a.by !== void 0 ? ` by @${a.by}` : ""} with the label "${a.label}"`;
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
__name(markdownTable, "markdownTable");
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
__name(serialize, "serialize");
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
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
    ...pruned + failed > 0 ? [
      `Not drawn: ${[pruned ? `${pruned} pruned (values from an early epoch)` : "", failed ? `${failed} failed` : ""].filter(Boolean).join(", ")}.`
    ] : [],
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
var SUPERSCRIPT = {
  "-": "\u207B",
  "0": "\u2070",
  "1": "\xB9",
  "2": "\xB2",
  "3": "\xB3",
  "4": "\u2074",
  "5": "\u2075",
  "6": "\u2076",
  "7": "\u2077",
  "8": "\u2078",
  "9": "\u2079"
};
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
var COMMENT_SAFETY_MARGIN = 536;
var COMMENT_MAX_CHARS = GITHUB_COMMENT_LIMIT - COMMENT_SAFETY_MARGIN;
var TOP_TRIALS = 10;
function buildReport(input) {
  const max = input.maxChars ?? GITHUB_COMMENT_LIMIT;
  for (const layout of LAYOUTS) {
    const doc = document(assemble(input, layout));
    if (doc.length <= max) return doc;
  }
  return fitted(assemble(input, LAYOUTS.at(-1)), max);
}
var LAYOUTS = [
  { topTrials: TOP_TRIALS, chart: true, failures: "full" },
  { topTrials: 5, chart: true, failures: "full" },
  { topTrials: 1, chart: true, failures: "full" },
  { topTrials: 0, chart: false, failures: "full" },
  { topTrials: 0, chart: false, failures: "list" },
  { topTrials: 0, chart: false, failures: "none" }
];
function document(p) {
  return `${[...p.head, ...p.body, ...p.tail].filter((x) => x !== "").join("\n\n")}
`;
}
var TRUNCATED = "_\u2026report truncated to fit GitHub\u2019s size limit._";
function fitted(p, max) {
  const fixed2 = (body) => document({ head: p.head, body: [...body, TRUNCATED], tail: p.tail });
  const kept = [];
  for (const section of p.body.filter((x) => x !== "")) {
    if (fixed2([...kept, section]).length <= max) {
      kept.push(section);
      continue;
    }
    if (!/<details|^`{3,}/m.test(section)) {
      const room = max - fixed2([...kept, ""]).length;
      const cut = section.slice(0, Math.max(0, room)).replace(/\n[^\n]*$/, "");
      if (cut.includes("\n") && room > 0) kept.push(cut);
    }
    break;
  }
  const doc = fixed2(kept);
  if (doc.length <= max) return doc;
  const note = `

${TRUNCATED}
`;
  return document({ head: p.head, body: [], tail: [] }).slice(0, Math.max(0, max - note.length)).trimEnd() + note;
}
function assemble(input, layout) {
  const { results: r, comparison: c } = input;
  const head = [];
  if (input.marker) head.push(input.marker);
  head.push(`### ${inline(cap(input.title ?? `sweepgate: ${r.sweep}`, NAME_MAX_CHARS + 60))}`);
  head.push(`${verdict(input)}${rulesNote(c)}`);
  if (input.accepted) head.push(`\u2705 **Accepted on purpose**: ${inline(acceptanceText(input.accepted))}, so the check passes.`);
  const parts = [];
  const warnings = [...input.warnings ?? []];
  if (c?.hasBaseline && c.configChanged)
    warnings.push("This run\u2019s sweep config differs from the baseline\u2019s: the comparison may not be like for like.");
  if (c?.hasBaseline && c.gateChanged) warnings.push("The gate rules differ from the baseline\u2019s.");
  if (warnings.length > 0) parts.push(warnings.map((w) => `> [!WARNING]
> ${inline(cap(w, TEXT_MAX_CHARS))}`).join("\n\n"));
  parts.push(metricsSection(r, c));
  parts.push(replayNotes(c));
  parts.push(paramsSection(r, c));
  parts.push(runSection(r, input.baselineNote));
  if (layout.chart) {
    const points = searchTrials(r).map((t, i) => ({ trial: i + 1, status: t.status, value: t.metrics[r.metric.name] }));
    const mainValue = c?.hasBaseline ? c.metrics.find((m) => m.metric === r.metric.name)?.baseline : void 0;
    const chart = convergenceChart(points, {
      metric: r.metric.name,
      goal: r.metric.goal,
      ...mainValue !== void 0 ? { mainValue } : {}
    });
    if (chart) parts.push(chart);
  }
  if (layout.topTrials > 0) {
    const top = topTrialsSection(r, layout.topTrials);
    if (top) parts.push(top);
  }
  parts.push(failuresSection(searchTrials(r), layout.failures));
  const tail = input.runUrl ? [`[Workflow run](${input.runUrl.replace(/[()\s]/g, encodeURIComponent)})`] : [];
  return { head, body: parts, tail };
}
function verdict(input) {
  const { results: r, comparison: c } = input;
  const name = r.metric.name;
  if (!r.best && finishedWithoutMetric(r))
    return `\u{1F50E} Sweep done: ${r.stats.trials} trials ran (${r.stats.failed} failed). The config has no \`metric:\` (W&B allows that for grid and random sweeps), so no trial is best and nothing is compared or gated.`;
  if (!r.best) return `\u274C **No trial finished**: ${inline(noTrialVerdict(r))}`;
  const bestValue = r.best.metrics[name];
  const seeds = r.best.samples[name]?.length ?? 1;
  const searched = searchTrials(r).length;
  const summary = `best ${inline(name)} = **${bestValue === void 0 ? "n/a" : num(bestValue)}**${seeds > 1 ? ` (mean of ${seeds} seeds)` : ""} over ${searched} trial${searched === 1 ? "" : "s"}`;
  if (!c) return `\u{1F50E} Sweep done: ${summary}.`;
  if (!c.hasBaseline) {
    const how = input.baselineHowTo ?? "A baseline is recorded by a run on the main branch.";
    if (input.noBaselineFails)
      return `\u274C **No baseline**, so nothing was compared and the check fails: ${inline(how)} Search result: ${summary}.`;
    return `\u2705 **No baseline yet**, so there is nothing to compare with and the gate passes: ${summary}. ${inline(how)}`;
  }
  const gated = c.metrics.filter((m) => m.threshold !== void 0);
  const fallback = c.champion?.state === "unavailable" && gated.some((m) => m.on !== "best") ? ` Main\u2019s best config could not be replayed (${inline(c.champion.reason)}), so the gate compared this PR\u2019s best with main\u2019s best.` : "";
  const bad = gated.filter(isGateFailure);
  if (bad.length > 0) return `\u274C **Regression**: ${[...new Set(bad.map((m) => inline(metricVerdict(m))))].join("; ")}.${fallback}`;
  const noisy = gated.filter((m) => m.status === "not-significant");
  if (noisy.length > 0)
    return `\u2705 **No significant regression**: ${noisy.map((m) => inline(metricVerdict(m))).join("; ")}. Search result: ${summary}.${fallback}`;
  if (gated.length > 0)
    return `\u2705 **No regression**: ${gated.map((m) => inline(metricVerdict(m))).join("; ")}. Search result: ${summary}.${fallback}`;
  const main = c.metrics.find((m) => m.metric === name);
  const direction = main?.improved ? "better than" : main?.delta === 0 ? "the same as" : main?.delta !== void 0 ? "worse than (not gated)" : "not comparable with (main has no value for it)";
  return `\u2705 **No gate rules**, so nothing is gated: ${summary}, ${direction} main.`;
}
function rulesNote(c) {
  const s = loosenedSentence(c?.loosened);
  return s ? ` ${inline(s.charAt(0).toUpperCase() + s.slice(1))}.` : "";
}
var STATUS_TEXT = {
  pass: "\u2705 pass",
  regressed: "\u274C regressed",
  "not-significant": "\u26A0\uFE0F worse, not significant",
  "no-baseline": "\u2014 no baseline",
  missing: "\u274C missing",
  failed: "\u274C replay failed",
  "not-comparable": "\u274C not comparable"
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
    const rows = names.map((n) => [
      cell(n) + goalOf(n),
      columnFormat([r.best.metrics[n]])(r.best.metrics[n]),
      sampleText(r.best.samples[n])
    ]);
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
      parts.push(
        `${head}

${markdownTable([["Metric", "main", "PR", "\u0394 (95% CI)", "Gate"], ...rows], { align: ["l", "r", "r", "r", "l"] })}`
      );
    const failedRun = c.metrics.find((m) => m.champion?.status === "failed")?.champion;
    if (failedRun) parts.push(`The replay failed: ${codeSpan(causeFromErrorText(failedRun.error))}`);
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
    if (ch.mainSettings?.length)
      notes.push(`Replayed with main\u2019s validation split and trainer defaults, not this PR\u2019s: ${cell(ch.mainSettings.join(", "))}.`);
    for (const a of ch.adjustments) {
      notes.push(
        a.why === "fixed" ? `${codeSpan(a.name, NAME_MAX_CHARS)} is fixed by this PR: replayed with ${cell(a.replay)}${a.main !== void 0 ? ` (main\u2019s best had ${cell(a.main)})` : ""}.` : a.why === "kept" ? `${codeSpan(a.name, NAME_MAX_CHARS)} is no longer searched over main\u2019s value by this PR: replayed with main\u2019s ${cell(a.replay)}, as main trained it.` : a.replay !== void 0 ? `${codeSpan(a.name, NAME_MAX_CHARS)} is new in this PR\u2019s space: replayed with ${cell(a.replay)}, the value main had (the trainer\u2019s default).` : `${codeSpan(a.name, NAME_MAX_CHARS)} is new in this PR\u2019s space: left out of the replay, so the program uses its own default, as on main.`
      );
    }
  }
  if (c.validationChanged && c.validationRows)
    notes.push(
      `Main and this PR were scored on different validation rows (main ${c.validationRows.baseline}, this PR ${c.validationRows.current}): the PR changed which rows are held out or their labels, so the difference includes that change.`
    );
  else if (c.validationChanged === false && c.validationRows)
    notes.push(`Both sides were scored on the same ${c.validationRows.current} validation rows.`);
  return notes.map((n) => `- ${n}`).join("\n");
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
function runSection(r, baselineNote) {
  const s = r.stats;
  const search = searchTrials(r);
  const repeats = r.trials.filter((t) => t.repeat > 0);
  const count = (ts, status) => ts.filter((t) => t.status === status).length;
  const trained = r.trials.filter((t) => !t.cached).length;
  const lines = [
    `**Trials**: ${search.length} searched: ${count(search, "complete")} finished, ${count(search, "pruned")} stopped early (pruned), ${count(search, "failed")} failed \xB7 ${trained} trained, ${r.trials.length - trained} from the cache`,
    ...repeats.length > 0 ? [
      `**Repeats**: ${repeats.length} reruns of the finalists on more seeds (${count(repeats, "complete")} finished), outside the trial budget`
    ] : [],
    ...seedRunsLine(r),
    `**Budget**: ${s.budget.trials !== void 0 ? `${search.length} of ${s.budget.trials} trials` : `${search.length} trials`}, ${s.budget.minutes !== void 0 ? `${duration(s.wallMs)} of ${duration(s.budget.minutes * 6e4)}` : duration(s.wallMs)}; stopped because ${STOP_TEXT[s.stopReason]}`,
    `**Search**: ${cell(r.method)}, seed ${r.seed}${r.backend === "none" ? "" : ` \xB7 **Backend**: ${cell(r.backendChoice ?? r.backend)}`}`,
    ...baselineNote !== void 0 ? [`**Baseline**: ${inline(baselineNote)}`] : []
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
  if (r.replay)
    return [
      `**Champion replay**: main\u2019s best params on main\u2019s ${r.replay.runs.length} seeds (${counts(r.replay.runs)}), outside the trial budget`
    ];
  if (r.replaySkipped) return [`**Champion replay**: none, ${inline(cap(r.replaySkipped, TEXT_MAX_CHARS))}`];
  if (r.champion)
    return [
      `**Champion**: the best params on ${r.champion.runs.length} held-out seeds (${counts(r.champion.runs)}), recorded for the gate of later PRs`
    ];
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
    ...fold ? [
      paramNames.filter((p) => p in t.params).map((p) => `${cell(p)}=${cell(t.params[p])}`).join(", ")
    ] : paramNames.map((p) => cell(t.params[p])),
    t.cached ? "cached" : duration(t.durationMs)
  ]);
  const numeric = (p) => ranked.every(({ t }) => typeof t.params[p] === "number" || t.params[p] === void 0);
  const align = ["r", "r", "l", ...fold ? ["l"] : paramNames.map((p) => numeric(p) ? "r" : "l"), "r"];
  const partialAhead = ranked.some(({ t }, k) => t.status === "pruned" && ranked.slice(k + 1).some(({ t: u }) => u.status === "complete"));
  const sharedNote = shared.length > 0 ? `

<sub>Every trial above also has ${shared.map((p) => `${cell(p)}=${cell(ranked[0].t.params[p])}`).join(", ")}.</sub>` : "";
  const note = sharedNote + (partialAhead ? "\n\n<sub>A partial value is from the epoch the pruner stopped that trial at: not comparable with a finished trial\u2019s, and never the best.</sub>" : "");
  return `<details><summary>Top ${ranked.length} of ${trials.length} trials</summary>

${markdownTable([header, ...rows], { align })}${note}

</details>`;
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

// src/storage/trial-record.ts
var STATUSES = ["complete", "pruned", "failed"];
function parseTrialRecord(text, key) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return "not an object";
  const r = doc;
  if (r.key !== key) return `key ${JSON.stringify(r.key)} does not match the file's ${key}`;
  if (!STATUSES.includes(r.status)) return `bad status ${JSON.stringify(r.status)}`;
  if (!isRecord(r.params)) return "params missing";
  if (!isRecord(r.metrics) || !Object.values(r.metrics).every((v) => typeof v === "number" && Number.isFinite(v)))
    return "metrics missing or not numbers";
  if (!Number.isInteger(r.seed)) return "seed missing";
  if (!Array.isArray(r.history)) return "history missing";
  for (const [i, h] of r.history.entries()) {
    if (!isRecord(h) || typeof h.step !== "number" || !isRecord(h.metrics) || !Object.values(h.metrics).every((v) => typeof v === "number" && Number.isFinite(v)))
      return `history[${i}] is not {step, metrics}`;
  }
  if (typeof r.durationMs !== "number" || typeof r.backend !== "string") return "durationMs or backend missing";
  return doc;
}

export {
  codeBlock,
  num,
  duration,
  DEFAULT_CHAMPION_SEEDS,
  championSeeds,
  planReplay,
  parseThreshold,
  replaySettingsOf,
  replayTrainer,
  settingsChanges,
  isRecord,
  formatPath,
  Issues,
  has,
  HyperbandPruner,
  hyperbandBands,
  num2,
  int,
  str,
  parseMetric,
  parseEarlyTerminate,
  parseBudget,
  parseGate,
  parseStages,
  parseFingerprint,
  isGateFailure,
  compareResults,
  parseDuration,
  formatDuration,
  exitCause,
  thrownCause,
  metricVerdict,
  finishedWithoutMetric,
  noTrialVerdict,
  loosenedSentence,
  acceptanceText,
  COMMENT_MAX_CHARS,
  buildReport,
  paramsLine,
  parseTrialRecord
};
