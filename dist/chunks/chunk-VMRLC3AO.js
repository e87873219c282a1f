import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  ConfigError,
  ConfigErrors,
  canonicalJson,
  deriveSeed,
  errorText,
  show
} from "./chunk-IJZM4NT2.js";

// src/core/gate/threshold.ts
var NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
var ABSOLUTE_RE = new RegExp(`^${NUMBER}$`);
var RELATIVE_RE = new RegExp(`^(${NUMBER})\\s*%$`);
function parseThreshold(text, path2) {
  const bad = () => new ConfigError(
    path2,
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

// src/core/config/types.ts
var NO_METRIC = "";

// src/core/config/issues.ts
function formatPath(path2) {
  let out = "";
  for (const seg of path2) out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out;
}
function isUnder(path2, prefix) {
  return prefix.length <= path2.length && prefix.every((seg, i) => seg === path2[i]);
}
var Issues = class {
  /** `keyOrder`: the document's top-level keys, so problems are listed in the order the file reads. */
  constructor(keyOrder = []) {
    this.keyOrder = keyOrder;
  }
  keyOrder;
  structural = [];
  semantic = [];
  schema(path2, message) {
    this.structural.push({ path: path2, message });
  }
  add(path2, message) {
    this.semantic.push({ path: path2, message });
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
    const errors = [];
    for (const { path: path2, message } of all) {
      const e = new ConfigError(formatPath(path2), message);
      if (seen.has(e.message)) continue;
      seen.add(e.message);
      errors.push(e);
    }
    return new ConfigErrors(errors);
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
    if (maxIter !== void 0 && !(maxIter > minIter)) throw new RangeError(`hyperband: max_iter must be > min_iter (${minIter}), got ${maxIter}`);
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
var num = (x) => typeof x === "number" && Number.isFinite(x) ? x : void 0;
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
  const target = num(m.target);
  if (workload?.kind === "trainer") checkTrainerMetric(["metric", "name"], name, workload.trainer, issues);
  return { name, goal, ...target !== void 0 ? { target } : {} };
}
function checkTrainerMetric(path2, name, trainer, issues) {
  const known = TRAINER_METRICS[trainer.task];
  if (!known.includes(name)) issues.add(path2, `the ${trainer.type} trainer (${trainer.task}) reports ${known.join(", ")}, got ${show(name)}`);
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
  if (type === "median")
    return { type: "median", warmupSteps: int(value.warmup_steps) ?? 1, minTrials: int(value.min_trials) ?? 5 };
  const eta = num(value.eta) ?? 3;
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
  if (has(value, "s")) warn(at("s"), `is ignored without max_iter (as in W&B): the rungs are min_iter \xB7 eta^k = ${minIter}, ${minIter * eta}, ...`);
  return { type: "hyperband", minIter, eta };
}
function parseBudget(doc, issues) {
  const b = isRecord(doc.budget) ? doc.budget : {};
  const runCap = int(doc.run_cap);
  const trials = int(b.trials);
  if (runCap !== void 0 && trials !== void 0 && runCap !== trials)
    issues.add(["budget", "trials"], `must equal run_cap when both are set, got ${trials} != ${runCap}`);
  const minutes = num(b.minutes);
  const t = runCap ?? trials;
  return { ...t !== void 0 ? { trials: t } : {}, ...minutes !== void 0 ? { minutes } : {} };
}
var MAXIMIZE_HINTS = ["acc", "auc", "f1", "precision", "recall", "r2", "score"];
function inferGoal(metric) {
  const m = metric.toLowerCase();
  return MAXIMIZE_HINTS.some((h) => m.includes(h)) ? "maximize" : "minimize";
}
function threshold(value, path2) {
  try {
    return typeof value === "number" || typeof value === "string" ? parseThreshold(value, path2) : void 0;
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
    rules.push({ metric: name, goal, threshold: parsed, alpha: num(spec.alpha) ?? 0.05, on });
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
        issues.add(["stages", i, "parameters", j], `is not a parameter of this sweep (parameters: ${parameterNames.join(", ")}), got ${show(n)}`);
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
  const mainValues = new Map(main.filter((r) => r.status === "complete" && r.metrics[metric] !== void 0).map((r) => [r.seed, r.metrics[metric]]));
  if (mainValues.size === 0) return void 0;
  if (failed) return { n: 0, baseline: mean([...mainValues.values()]), current: Number.NaN, delta: Number.NaN, improved: false, status: "failed", error: failed.error ?? "failed" };
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
  if (b.length === 0) return { n: 0, baseline: mean([...mainValues.values()]), current: Number.NaN, delta: Number.NaN, improved: false, status: "missing" };
  const test = goal === "minimize" ? pairedTTest(c, b) : pairedTTest(b, c);
  const worse = test.mean;
  const baseline = mean(b);
  const ci = test.ci && (goal === "minimize" ? test.ci : [0 - test.ci[1], 0 - test.ci[0]]);
  const margin = rule ? allowance(rule.threshold, baseline) : 0;
  const shifted = goal === "minimize" ? pairedTTest(c, b.map((x) => x + margin)) : pairedTTest(b, c.map((x) => x + margin));
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
var SEVERITY = { pass: 0, "no-baseline": 0, "not-significant": 1, missing: 2, regressed: 3, failed: 4 };
function compareMetric(metric, goal, rule, baseline, current) {
  const best = compareBest(metric, goal, rule, baseline, current);
  const main = baseline?.champion?.runs;
  const replay = current.replay?.runs;
  const champion = main && replay ? compareChampion(metric, goal, rule, main, replay) : void 0;
  const gate = rule ? { threshold: rule.threshold, alpha: rule.alpha, on: rule.on ?? "champion" } : {};
  const base = { metric, goal, ...best, ...gate, ...champion ? { champion } : {} };
  if (!rule) return { ...base, status: best.bestStatus };
  const on = rule.on ?? "champion";
  if (on === "best" || !champion) return { ...base, decidedBy: "best", status: best.bestStatus };
  if (on === "champion") return { ...base, decidedBy: "champion", status: champion.status };
  const status = SEVERITY[champion.status] >= SEVERITY[best.bestStatus] ? champion.status : best.bestStatus;
  return { ...base, decidedBy: "both", status };
}
function isGateFailure(m) {
  if (m.threshold === void 0) return false;
  if (m.status === "regressed" || m.status === "failed") return true;
  return m.status === "missing" && (m.baseline !== void 0 || m.champion !== void 0);
}
function championState(baseline, current) {
  if (current.replay) {
    const runs = current.replay.runs;
    return {
      state: "replayed",
      params: current.replay.params,
      adjustments: current.replay.adjustments,
      seeds: runs.length,
      cached: runs.filter((r) => r.cached).length,
      failed: runs.filter((r) => r.status === "failed").length
    };
  }
  if (current.replaySkipped) return { state: "unavailable", reason: current.replaySkipped };
  if (!baseline.champion) return { state: "unavailable", reason: "the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0" };
  return { state: "unavailable", reason: "this run did not replay it (champion.seeds: 0)" };
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
    ...bv && cv ? { validationChanged: bv.fingerprint !== cv.fingerprint, validationRows: { baseline: bv.rows, current: cv.rows } } : {}
  };
}
function mean(xs) {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

// src/core/gate/champion-plan.ts
var DEFAULT_CHAMPION_SEEDS = 10;
function championSeeds(sweepSeed, params, n) {
  return Array.from({ length: n }, (_, i) => deriveSeed("champion", sweepSeed, canonicalJson(params), i));
}
function planReplay(champion, space, defaultOf) {
  const names = new Set(space.map((p) => p.name));
  const removed = Object.keys(champion).filter((n) => !names.has(n));
  if (removed.length > 0) return { ok: false, reason: `main's best params use ${list(removed)}, which this PR removed from the search space` };
  const params = {};
  const adjustments = [];
  for (const p of space) {
    const values = p.dist.values();
    const has2 = Object.prototype.hasOwnProperty.call(champion, p.name);
    const main = has2 ? champion[p.name] : void 0;
    if (values && values.length === 1) {
      params[p.name] = values[0];
      if (!has2 || canonicalJson(main) !== canonicalJson(values[0])) adjustments.push({ name: p.name, ...has2 ? { main } : {}, replay: values[0], why: "fixed" });
    } else if (has2) {
      if (!p.dist.contains(main)) return { ok: false, reason: `main's ${p.name} = ${canonicalJson(main)} is outside this PR's search space for it` };
      params[p.name] = main;
    } else {
      const d = defaultOf(p.name);
      if (d !== void 0) params[p.name] = d;
      adjustments.push({ name: p.name, ...d !== void 0 ? { replay: d } : {}, why: "added" });
    }
  }
  return { ok: true, params, adjustments };
}
function list(names) {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

// src/storage/local-trial-store.ts
import { randomUUID } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

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

// src/storage/local-trial-store.ts
var LocalTrialStore = class {
  dir;
  warn;
  corrupt = 0;
  constructor(dir, warn = () => {
  }) {
    this.dir = path.join(dir, "trials");
    this.warn = warn;
  }
  file(key) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`trial key must be 64 hex digits, got ${JSON.stringify(key)}`);
    return path.join(this.dir, `${key}.json`);
  }
  async get(key) {
    const file = this.file(key);
    let text;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      if (isNotFound(err)) return void 0;
      throw err;
    }
    const record = parseTrialRecord(text, key);
    if (typeof record === "string") {
      if (this.corrupt++ === 0)
        this.warn(`ignoring corrupt cache entry ${file}: ${record}; the trial will be recomputed (further corrupt entries in ${this.dir} are ignored without a warning)`);
      return void 0;
    }
    return record;
  }
  async put(record) {
    const file = this.file(record.key);
    await mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(record)}
`, "utf8");
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
  async all() {
    let names;
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    const out = [];
    for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
      const r = await this.get(name.slice(0, 64));
      if (r) out.push(r);
    }
    return out;
  }
};
function isNotFound(err) {
  return typeof err === "object" && err !== null && "code" in err && err.code === "ENOENT";
}

// src/core/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, min: 6e4, h: 36e5 };
var PART = /(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|m|h)/gy;
var MAX_DURATION_MS = 7 * 24 * 36e5;
function parseDuration(value, path2) {
  const bad = (why) => new ConfigError(path2, `${why}, got ${typeof value === "number" ? String(value) : show(value)}`);
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

export {
  DEFAULT_CHAMPION_SEEDS,
  championSeeds,
  planReplay,
  parseThreshold,
  formatThreshold,
  isRecord,
  formatPath,
  Issues,
  has,
  HyperbandPruner,
  hyperbandBands,
  NO_METRIC,
  num,
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
  LocalTrialStore,
  parseDuration,
  formatDuration
};
