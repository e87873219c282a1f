import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  Rng,
  canonicalJson,
  deriveSeed,
  sha256Hex
} from "./chunk-XXUPUARK.js";
import {
  NO_METRIC
} from "./chunk-RDA5MJ7X.js";
import {
  ConfigError,
  TrialError,
  TrialTimeoutError,
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
  const finite2 = values.filter((v) => v !== void 0 && Number.isFinite(v) && v !== 0);
  if (finite2.length > 0 && finite2.every((v) => Math.abs(v) < 1e-3))
    return (x) => x === 0 ? "0" : x.toExponential(3).replace("e-", "e\u2212").replace("-", "\u2212");
  const decimals = Math.min(
    6,
    Math.max(0, ...finite2.filter((v) => Math.abs(v) >= 1e-3).map((v) => 3 - Math.floor(Math.log10(Math.abs(v)))))
  );
  const fmt2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
  return (x) => Number.isFinite(x) ? fmt2.format(x).replace("-", "\u2212") : String(x);
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
var goalArrow = (goal) => goal === "maximize" ? " \u2191" : " \u2193";

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

// src/core/distributions/common.ts
var DistributionRangeError = class extends RangeError {
  constructor(distribution, arg, detail) {
    super(`${distribution}: ${arg} ${detail}`);
    this.distribution = distribution;
    this.arg = arg;
    this.detail = detail;
  }
  distribution;
  arg;
  detail;
  name = "DistributionRangeError";
};
var DistributionTypeError = class extends TypeError {
  constructor(distribution, arg, detail) {
    super(`${distribution}: ${arg} ${detail}`);
    this.distribution = distribution;
    this.arg = arg;
    this.detail = detail;
  }
  distribution;
  arg;
  detail;
  name = "DistributionTypeError";
};
function isDistributionArgIssue(e) {
  return e instanceof DistributionRangeError || e instanceof DistributionTypeError;
}
var MAX_SUPPORT = 1e5;
function fmt(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
function requireFinite(dist, arg, value) {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new DistributionTypeError(dist, arg, `must be a finite number, got ${fmt(value)}`);
  return value;
}
function requireInteger(dist, arg, value) {
  if (typeof value !== "number" || !Number.isSafeInteger(value))
    throw new DistributionTypeError(dist, arg, `must be an integer, got ${fmt(value)}`);
  return value;
}
function requirePositive(dist, arg, value) {
  const v = requireFinite(dist, arg, value);
  if (v <= 0) throw new DistributionRangeError(dist, arg, `must be > 0, got ${fmt(v)}`);
  return v;
}
function requireLess(dist, min, max) {
  if (!(min < max)) throw new DistributionRangeError(dist, "min", `must be < max, got ${fmt(min)} >= ${fmt(max)}`);
}
function clamp(x, lo, hi) {
  return x < lo ? lo : x > hi ? hi : x;
}
function unit(u) {
  if (Number.isNaN(u)) throw new RangeError("fromUnit: u must be a number in [0, 1], got NaN");
  return clamp(u, 0, 1);
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}
function decimalsOf(q) {
  const [mantissa = "", exponent] = String(q).toLowerCase().split("e");
  const frac = mantissa.split(".")[1]?.length ?? 0;
  const exp = exponent === void 0 ? 0 : Number(exponent);
  return Math.max(0, frac - exp);
}
var Quantiser = class {
  constructor(q) {
    this.q = q;
    this.decimals = Math.min(decimalsOf(q), 100);
  }
  q;
  decimals;
  /** The k-th multiple of q. */
  at(k) {
    const v = k * this.q;
    const out = this.decimals === 0 ? Math.round(v) : Number(v.toFixed(this.decimals));
    return Object.is(out, -0) ? 0 : out;
  }
  /** Index of the nearest multiple. */
  index(x) {
    return Math.round(x / this.q);
  }
  snap(x) {
    return this.at(this.index(x));
  }
};
var SQRT2PI = Math.sqrt(2 * Math.PI);
function normalCdf(x) {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  let c;
  if (ax > 37) c = 0;
  else {
    const e = Math.exp(-ax * ax / 2);
    if (ax < 7.07106781186547) {
      let n = 0.0352624965998911 * ax + 0.700383064443688;
      n = n * ax + 6.37396220353165;
      n = n * ax + 33.912866078383;
      n = n * ax + 112.079291497871;
      n = n * ax + 221.213596169931;
      n = n * ax + 220.206867912376;
      let d = 0.0883883476483184 * ax + 1.75566716318264;
      d = d * ax + 16.064177579207;
      d = d * ax + 86.7807322029461;
      d = d * ax + 296.564248779674;
      d = d * ax + 637.333633378831;
      d = d * ax + 793.826512519948;
      d = d * ax + 440.413735824752;
      c = e * n / d;
    } else {
      let b = ax + 0.65;
      b = ax + 4 / b;
      b = ax + 3 / b;
      b = ax + 2 / b;
      b = ax + 1 / b;
      c = e / b / SQRT2PI;
    }
  }
  return x > 0 ? 1 - c : c;
}
var A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
var B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
var C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
var D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
function poly(coeffs, x) {
  let s = 0;
  for (const c of coeffs) s = s * x + c;
  return s;
}
function normalInv(p) {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalInv: p must be in (0, 1), got ${p}`);
  const plow = 0.02425;
  let x;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p <= 1 - plow) {
    const q = p - 0.5;
    const r = q * q;
    x = poly(A, r) * q / (poly(B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT2PI * Math.exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}
var UNIT_EPS = 1e-6;

// src/core/distributions/base.ts
var ContinuousDistribution = class {
  kind = "continuous";
  sample(rng) {
    return finite(clamp(this.draw(rng), this.lo, this.hi));
  }
  values() {
    return void 0;
  }
  toUnit(value) {
    if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${this.name}: toUnit needs a number, got ${fmt(value)}`);
    return clamp(this.unitOf(clamp(value, this.lo, this.hi)), 0, 1);
  }
  fromUnit(u) {
    return finite(clamp(this.valueAt(unit(u)), this.lo, this.hi));
  }
  contains(value) {
    return typeof value === "number" && Number.isFinite(value) && value >= this.lo && value <= this.hi;
  }
};
function finite(x) {
  return clamp(x, -Number.MAX_VALUE, Number.MAX_VALUE);
}
var QuantisedDistribution = class {
  constructor(name2, base, q) {
    this.name = name2;
    this.base = base;
    this.q = requirePositive(name2, "q", q);
    this.quant = new Quantiser(this.q);
    this.kLo = Number.isFinite(base.lo) ? Math.ceil(base.lo / this.q - 1e-9) : -Infinity;
    this.kHi = Number.isFinite(base.hi) ? Math.floor(base.hi / this.q + 1e-9) : Infinity;
    if (this.kLo > this.kHi)
      throw new DistributionRangeError(name2, "q", `must have a multiple within [${fmt(base.lo)}, ${fmt(base.hi)}], got ${fmt(this.q)}`);
    const [a, b] = [base.fromUnit(0), base.fromUnit(1)];
    const end = Math.abs(a) > Math.abs(b) ? a : b;
    if (!Number.isFinite(this.quant.at(this.quant.index(end))))
      throw new DistributionRangeError(
        name2,
        "q",
        `is too small for values as large as ${fmt(end)} (value / q overflows), got ${fmt(this.q)}`
      );
    this.kFinite = Math.floor(Number.MAX_VALUE / 2 / this.q);
  }
  name;
  base;
  kind = "discrete";
  q;
  quant;
  /** Index range of the allowed multiples of q (may be infinite for unbounded bases). */
  kLo;
  kHi;
  /** Largest index whose multiple is surely finite. */
  kFinite;
  support = null;
  snap(x) {
    const k = clamp(this.quant.index(x), this.kLo, this.kHi);
    return this.quant.at(clamp(k, -this.kFinite, this.kFinite));
  }
  sample(rng) {
    return this.snap(this.base.sample(rng));
  }
  values() {
    if (this.support === null) {
      const n = this.kHi - this.kLo + 1;
      this.support = Number.isFinite(n) && n <= MAX_SUPPORT ? Array.from({ length: n }, (_, i) => this.quant.at(this.kLo + i)) : void 0;
    }
    return this.support;
  }
  toUnit(value) {
    return this.base.toUnit(value);
  }
  fromUnit(u) {
    return this.snap(this.base.fromUnit(u));
  }
  contains(value) {
    if (typeof value !== "number" || !Number.isFinite(value)) return false;
    const k = this.quant.index(value);
    if (k < this.kLo || k > this.kHi) return false;
    const v = this.quant.at(k);
    return Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value));
  }
};

// src/core/distributions/beta.ts
var BetaDistribution = class extends ContinuousDistribution {
  name = "beta";
  lo = 0;
  hi = 1;
  a;
  b;
  constructor(a = 1, b = 1) {
    super();
    this.a = requirePositive("beta", "a", a);
    this.b = requirePositive("beta", "b", b);
  }
  draw(rng) {
    const x = rng.gamma(this.a);
    const y = rng.gamma(this.b);
    return x + y > 0 ? x / (x + y) : this.a / (this.a + this.b);
  }
  unitOf(v) {
    return v;
  }
  valueAt(u) {
    return u;
  }
};
var QBetaDistribution = class extends QuantisedDistribution {
  constructor(a, b, q) {
    super("q_beta", new BetaDistribution(a, b), q);
  }
};

// src/core/distributions/categorical.ts
var CategoricalDistribution = class {
  kind = "categorical";
  name;
  choices;
  probabilities;
  index = /* @__PURE__ */ new Map();
  constructor(values, probabilities) {
    const name2 = probabilities === void 0 ? "categorical" : "categorical_w_probabilities";
    this.name = name2;
    if (!Array.isArray(values) || values.length === 0)
      throw new DistributionTypeError(name2, "values", `must be a non-empty list, got ${fmt(values)}`);
    values.forEach((v, i) => {
      const key = jsonKey(name2, v);
      const first = this.index.get(key);
      if (first !== void 0)
        throw new DistributionRangeError(name2, "values", `must be distinct, got ${fmt(v)} at positions ${first} and ${i}`);
      this.index.set(key, i);
    });
    this.choices = values.slice();
    if (probabilities !== void 0) this.probabilities = checkProbabilities(probabilities, values.length);
  }
  sample(rng) {
    const i = this.probabilities ? rng.weighted(this.probabilities) : rng.int(this.choices.length);
    return this.choices[i];
  }
  values() {
    return this.choices;
  }
  indexOf(value) {
    try {
      return this.index.get(canonicalJson(value)) ?? -1;
    } catch {
      return -1;
    }
  }
  toUnit(value) {
    const i = this.indexOf(value);
    if (i < 0) throw new RangeError(`${this.name}: ${fmt(value)} is not one of ${fmt(this.choices)}`);
    return this.choices.length === 1 ? 0 : i / (this.choices.length - 1);
  }
  fromUnit(u) {
    return this.choices[Math.round(unit(u) * (this.choices.length - 1))];
  }
  contains(value) {
    return this.indexOf(value) >= 0;
  }
};
function checkProbabilities(p, n) {
  const name2 = "categorical_w_probabilities";
  if (!Array.isArray(p) || p.some((x) => typeof x !== "number" || !Number.isFinite(x) || x < 0))
    throw new DistributionTypeError(name2, "probabilities", `must be a list of numbers >= 0, got ${fmt(p)}`);
  if (p.length !== n) throw new DistributionRangeError(name2, "probabilities", `must have one entry per value (${n}), got ${p.length}`);
  const sum = p.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new DistributionRangeError(name2, "probabilities", `must sum to 1, got ${sum}`);
  return p.slice();
}
function jsonKey(name2, value) {
  try {
    return canonicalJson(value);
  } catch {
    throw new DistributionTypeError(
      name2,
      "values",
      `must be JSON values (finite numbers, strings, booleans, null, lists, mappings), got ${fmt(value)}`
    );
  }
}

// src/core/distributions/constant.ts
var ConstantDistribution = class {
  constructor(value) {
    this.value = value;
    if (value === void 0) throw new DistributionTypeError("constant", "value", `must be given, got ${fmt(value)}`);
  }
  value;
  name = "constant";
  kind = "categorical";
  sample() {
    return this.value;
  }
  values() {
    return [this.value];
  }
  toUnit() {
    return 0;
  }
  fromUnit() {
    return this.value;
  }
  contains(value) {
    return jsonEqual(value, this.value);
  }
};

// src/core/distributions/log-uniform.ts
var LogUniformDistribution = class extends ContinuousDistribution {
  constructor(name2, min, max) {
    super();
    this.name = name2;
    const exponents = name2 === "log_uniform" || name2 === "inv_log_uniform";
    const a = exponents ? requireFinite(name2, "min", min) : requirePositive(name2, "min", min);
    const b = requireFinite(name2, "max", max);
    requireLess(name2, a, b);
    if (exponents) {
      [this.lnLo, this.lnHi] = name2 === "log_uniform" ? [a, b] : [-b, -a];
      if (Math.abs(a) > 700 || Math.abs(b) > 700)
        throw new DistributionRangeError(
          name2,
          Math.abs(a) > 700 ? "min" : "max",
          `must be an exponent within [-700, 700] (X = exp(U(min, max)); for values use ${name2}_values), got ${fmt(Math.abs(a) > 700 ? a : b)}`
        );
    } else {
      [this.lnLo, this.lnHi] = [Math.log(a), Math.log(b)];
    }
    this.lo = exponents ? Math.exp(this.lnLo) : a;
    this.hi = exponents ? Math.exp(this.lnHi) : b;
  }
  name;
  lo;
  hi;
  lnLo;
  lnHi;
  draw(rng) {
    return Math.exp(rng.uniform(this.lnLo, this.lnHi));
  }
  unitOf(v) {
    return (Math.log(v) - this.lnLo) / (this.lnHi - this.lnLo);
  }
  valueAt(u) {
    if (u <= 0) return this.lo;
    if (u >= 1) return this.hi;
    return Math.exp(this.lnLo + u * (this.lnHi - this.lnLo));
  }
};
var QLogUniformDistribution = class extends QuantisedDistribution {
  constructor(min, max, q) {
    super("q_log_uniform", new LogUniformDistribution("log_uniform", min, max), q);
  }
};
var QLogUniformValuesDistribution = class extends QuantisedDistribution {
  constructor(min, max, q) {
    super("q_log_uniform_values", new LogUniformDistribution("log_uniform_values", min, max), q);
  }
};

// src/core/distributions/normal.ts
var REACH = 5;
var NormalDistribution = class extends ContinuousDistribution {
  constructor(name2, mu = 0, sigma = 1) {
    super();
    this.name = name2;
    this.mu = requireFinite(name2, "mu", mu);
    this.sigma = requirePositive(name2, "sigma", sigma);
    this.lo = name2 === "normal" ? -Infinity : 0;
    if (name2 === "normal") checkNormalReach(this.mu, this.sigma);
    else checkLogNormalReach(this.mu, this.sigma);
  }
  name;
  lo;
  hi = Infinity;
  mu;
  sigma;
  get log() {
    return this.name === "log_normal";
  }
  draw(rng) {
    const x = this.mu + this.sigma * rng.normal();
    return this.log ? Math.exp(x) : x;
  }
  unitOf(v) {
    const x = this.log ? Math.log(v) : v;
    return clamp(normalCdf((x - this.mu) / this.sigma), UNIT_EPS, 1 - UNIT_EPS);
  }
  valueAt(u) {
    const x = this.mu + this.sigma * normalInv(clamp(u, UNIT_EPS, 1 - UNIT_EPS));
    return this.log ? Math.exp(x) : x;
  }
};
function checkNormalReach(mu, sigma) {
  if (Number.isFinite(mu - REACH * sigma) && Number.isFinite(mu + REACH * sigma)) return;
  throw new DistributionRangeError("normal", "sigma", `must keep mu \xB1 ${REACH}\xB7sigma finite, got mu = ${fmt(mu)}, sigma = ${fmt(sigma)}`);
}
function checkLogNormalReach(mu, sigma) {
  const hi = Math.exp(mu + REACH * sigma);
  const lo = Math.exp(mu - REACH * sigma);
  if (Number.isFinite(hi) && lo > 0) return;
  const muAlone = !(Number.isFinite(Math.exp(mu)) && Math.exp(mu) > 0);
  const got = `got mu = ${fmt(mu)}, sigma = ${fmt(sigma)} (exp(mu ${Number.isFinite(hi) ? "-" : "+"} ${REACH}\xB7sigma) = ${Number.isFinite(hi) ? "0" : "Infinity"})`;
  const hint = muAlone && mu > 0 ? `; for values around ${fmt(mu)} use mu = ln(${fmt(mu)}) = ${fmt(Number(Math.log(mu).toPrecision(4)))}` : "";
  throw new DistributionRangeError(
    "log_normal",
    muAlone ? "mu" : "sigma",
    `is in log space${muAlone ? "" : " like mu"} (the values are exp(N(mu, sigma))), so exp(mu \xB1 ${REACH}\xB7sigma) must be finite and > 0, ${got}${hint}`
  );
}
var QNormalDistribution = class extends QuantisedDistribution {
  constructor(mu, sigma, q) {
    super("q_normal", new NormalDistribution("normal", mu, sigma), q);
  }
};
var QLogNormalDistribution = class extends QuantisedDistribution {
  constructor(mu, sigma, q) {
    super("q_log_normal", new NormalDistribution("log_normal", mu, sigma), q);
  }
};

// src/core/distributions/uniform.ts
var UniformDistribution = class extends ContinuousDistribution {
  name = "uniform";
  lo;
  hi;
  constructor(min, max) {
    super();
    this.lo = requireFinite("uniform", "min", min);
    this.hi = requireFinite("uniform", "max", max);
    requireLess("uniform", this.lo, this.hi);
    if (!Number.isFinite(this.hi - this.lo))
      throw new DistributionRangeError(
        "uniform",
        "max",
        `must be within about 1.8e308 of min (max - min must be finite), got ${fmt(this.lo)} .. ${fmt(this.hi)}`
      );
  }
  draw(rng) {
    return rng.uniform(this.lo, this.hi);
  }
  unitOf(v) {
    return (v - this.lo) / (this.hi - this.lo);
  }
  valueAt(u) {
    return this.lo + u * (this.hi - this.lo);
  }
};
var QUniformDistribution = class extends QuantisedDistribution {
  constructor(min, max, q) {
    super("q_uniform", new UniformDistribution(min, max), q);
  }
};
var IntUniformDistribution = class {
  name = "int_uniform";
  kind = "discrete";
  min;
  max;
  constructor(min, max) {
    this.min = requireInteger("int_uniform", "min", min);
    this.max = requireInteger("int_uniform", "max", max);
    requireLess("int_uniform", this.min, this.max);
  }
  sample(rng) {
    return this.min + rng.int(this.max - this.min + 1);
  }
  values() {
    const n = this.max - this.min + 1;
    return n <= MAX_SUPPORT ? Array.from({ length: n }, (_, i) => this.min + i) : void 0;
  }
  toUnit(value) {
    if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`int_uniform: toUnit needs a number, got ${fmt(value)}`);
    return clamp((value - this.min) / (this.max - this.min), 0, 1);
  }
  fromUnit(u) {
    return clamp(Math.round(this.min + unit(u) * (this.max - this.min)), this.min, this.max);
  }
  contains(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= this.min && value <= this.max;
  }
};

// src/core/distributions/index.ts
var DISTRIBUTION_DEFAULTS = { mu: 0, sigma: 1, q: 1, a: 1, b: 1 };
var DISTRIBUTION_ARGS = {
  constant: ["value"],
  categorical: ["values"],
  categorical_w_probabilities: ["values", "probabilities"],
  int_uniform: ["min", "max"],
  uniform: ["min", "max"],
  q_uniform: ["min", "max", "q"],
  log_uniform: ["min", "max"],
  log_uniform_values: ["min", "max"],
  q_log_uniform: ["min", "max", "q"],
  q_log_uniform_values: ["min", "max", "q"],
  inv_log_uniform: ["min", "max"],
  inv_log_uniform_values: ["min", "max"],
  normal: ["mu", "sigma"],
  q_normal: ["mu", "sigma", "q"],
  log_normal: ["mu", "sigma"],
  q_log_normal: ["mu", "sigma", "q"],
  beta: ["a", "b"],
  q_beta: ["a", "b", "q"]
};
var DISTRIBUTION_NAMES = Object.keys(DISTRIBUTION_ARGS);
function makeDistribution(name2, args) {
  const { mu, sigma, q, a, b } = { ...DISTRIBUTION_DEFAULTS, ...definedOnly(args) };
  switch (name2) {
    case "constant":
      return new ConstantDistribution(args.value);
    case "categorical":
      return new CategoricalDistribution(args.values);
    case "categorical_w_probabilities":
      return new CategoricalDistribution(args.values, args.probabilities ?? null);
    case "int_uniform":
      return new IntUniformDistribution(args.min, args.max);
    case "uniform":
      return new UniformDistribution(args.min, args.max);
    case "q_uniform":
      return new QUniformDistribution(args.min, args.max, q);
    case "log_uniform":
    case "log_uniform_values":
    case "inv_log_uniform":
    case "inv_log_uniform_values":
      return new LogUniformDistribution(name2, args.min, args.max);
    case "q_log_uniform":
      return new QLogUniformDistribution(args.min, args.max, q);
    case "q_log_uniform_values":
      return new QLogUniformValuesDistribution(args.min, args.max, q);
    case "normal":
    case "log_normal":
      return new NormalDistribution(name2, mu, sigma);
    case "q_normal":
      return new QNormalDistribution(mu, sigma, q);
    case "q_log_normal":
      return new QLogNormalDistribution(mu, sigma, q);
    case "beta":
      return new BetaDistribution(a, b);
    case "q_beta":
      return new QBetaDistribution(a, b, q);
    default:
      throw new TypeError(`unknown distribution ${JSON.stringify(name2)} (known: ${DISTRIBUTION_NAMES.join(", ")})`);
  }
}
function definedOnly(args) {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== void 0));
}

// src/core/study/stage-space.ts
var MAX_DECADES = 6;
function decadeValues(dist) {
  if (dist.kind === "categorical" || dist.values()?.length === 1) return [];
  const [lo, hi] = bounds(dist);
  if (!(hi > 0)) return [];
  const top = Math.floor(Math.log10(hi) + 1e-9);
  const bottom = lo > 0 ? Math.ceil(Math.log10(lo) - 1e-9) : top - MAX_DECADES + 1;
  const out = [];
  for (let k = bottom; k <= top; k++) {
    const v = Number(`1e${k}`);
    if (dist.contains(v)) out.push(v);
  }
  return out;
}
function bounds(dist) {
  if (dist instanceof LogUniformDistribution || dist instanceof UniformDistribution) return [dist.lo, dist.hi];
  if (dist instanceof IntUniformDistribution) return [dist.min, dist.max];
  return [Number(dist.fromUnit(0)), Number(dist.fromUnit(1))];
}
function decadeDistribution(dist) {
  return new CategoricalDistribution(decadeValues(dist));
}
function refinable(dist) {
  return dist instanceof LogUniformDistribution || dist instanceof UniformDistribution || dist instanceof IntUniformDistribution;
}
var REFINE_LINEAR_SHARE = 0.25;
var REFINE_LOG_FACTOR = 10;
function refineDistribution(dist, best) {
  if (typeof best !== "number" || !dist.contains(best)) return dist;
  if (dist instanceof LogUniformDistribution) {
    const lo = Math.max(dist.lo, best / REFINE_LOG_FACTOR);
    const hi = Math.min(dist.hi, best * REFINE_LOG_FACTOR);
    return lo < hi ? new LogUniformDistribution("log_uniform_values", lo, hi) : dist;
  }
  if (dist instanceof UniformDistribution) {
    const half = (dist.hi - dist.lo) * REFINE_LINEAR_SHARE;
    const lo = Math.max(dist.lo, best - half);
    const hi = Math.min(dist.hi, best + half);
    return lo < hi ? new UniformDistribution(lo, hi) : dist;
  }
  if (dist instanceof IntUniformDistribution) {
    const half = (dist.max - dist.min) * REFINE_LINEAR_SHARE;
    const lo = Math.max(dist.min, Math.floor(best - half));
    const hi = Math.min(dist.max, Math.ceil(best + half));
    return lo < hi && hi - lo < dist.max - dist.min ? new IntUniformDistribution(lo, hi) : dist;
  }
  return dist;
}
function describeSearch(dist) {
  const values = dist.values();
  if (values && values.length <= 8) return values.map((v) => typeof v === "number" ? short(v) : String(v)).join(", ");
  const [lo, hi] = bounds(dist);
  const range = `[${short(lo)}, ${short(hi)}]`;
  if (dist instanceof LogUniformDistribution) return `log ${range}`;
  return dist instanceof UniformDistribution ? range : `${dist.name} ${range}`;
}
function short(x) {
  return String(Number(x.toPrecision(3)));
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

// src/core/pruners/rung-check.ts
var MIN_FINISHED = 3;
function isProbe(index, eta) {
  return index < MIN_FINISHED || (index - MIN_FINISHED) % Math.max(2, Math.round(eta)) === 0;
}
function rungTrusted(rung, others, eta) {
  let furthest = -Infinity;
  for (const o of others) furthest = Math.max(furthest, o[o.length - 1]?.step ?? -Infinity);
  if (!(furthest > rung)) return false;
  const pairs = [];
  others.forEach((o, i) => {
    const last = o[o.length - 1];
    if (!isProbe(i, eta) || !last || last.step < furthest || !Number.isFinite(last.value)) return;
    const atRung = valueAtRung(o, rung);
    if (atRung !== void 0) pairs.push({ atRung, final: last.value });
  });
  if (pairs.length < MIN_FINISHED) return false;
  let best = pairs[0];
  for (const p of pairs) if (p.final < best.final) best = p;
  const field = pairs.map((p) => p.atRung).sort((a, b) => a - b);
  const keep = Math.max(1, Math.floor(field.length / eta));
  return best.atRung <= field[keep - 1];
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
    if (this.settings.checkRungs && isProbe(others.length, this.settings.eta)) return false;
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
      if (last.value > field[keep - 1] && (!this.settings.checkRungs || rungTrusted(rung, others, this.settings.eta))) return true;
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

// src/core/distributions/distribution.ts
function gridSize(space) {
  return space.reduce((n, p) => n * (p.dist.values()?.length ?? Number.POSITIVE_INFINITY), 1);
}

// src/core/config/auto-stages.ts
var ROLE_NAMES = {
  optimizer: ["optimizer", "optim", "opt", "optimiser"],
  learning_rate: ["learning_rate", "lr", "learningrate", "eta", "step_size"],
  architecture: [
    "units",
    "hidden",
    "hidden_units",
    "hidden_size",
    "width",
    "layers",
    "num_layers",
    "n_layers",
    "depth",
    "filters",
    "conv_layers",
    "channels",
    "kernel_size",
    "width_schedule",
    "filter_schedule"
  ],
  regularisation: ["dropout", "weight_decay", "wd", "l1", "l2", "label_smoothing"]
};
var AUTO_TRIALS = 20;
var MIN_STAGE_TRIALS = 2;
function roleOf(name2) {
  const n = name2.toLowerCase().replace(/-/g, "_");
  for (const [role, names2] of Object.entries(ROLE_NAMES)) if (names2.includes(n)) return role;
  return "other";
}
function autoStages(space, total) {
  const budget = total ?? AUTO_TRIALS;
  const searched2 = space.filter((p) => p.dist.values()?.length !== 1);
  const group = (role) => searched2.filter((p) => roleOf(p.name) === role);
  const drafts = [];
  for (const p of group("optimizer")) drafts.push(listStage([p], "optimizer first: it changes what every other value means"));
  for (const p of group("learning_rate")) drafts.push(...learningRateStages(p));
  const rest = [
    ["architecture", "architecture: layer sizes, depth, filters"],
    ["regularisation", "regularisation, once the model can fit"],
    ["other", "everything else"]
  ];
  for (const [role, why] of rest) {
    const ps = group(role);
    if (ps.length > 0) drafts.push(groupStage(ps, why, budget));
  }
  return splitBudget(drafts, budget);
}
function listStage(ps, why) {
  const size = finiteGridSize(ps);
  return size !== void 0 ? { stage: { parameters: names(ps), method: "grid", why }, gridSize: size, weight: 0 } : { stage: { parameters: names(ps), method: "bayes", why }, weight: ps.length };
}
function learningRateStages(p) {
  const decades = decadeValues(p.dist);
  if (decades.length < 2 || !refinable(p.dist)) return [listStage([p], "the learning rate: the knob that matters most")];
  return [
    {
      stage: { parameters: [p.name], method: "grid", values: "decades", why: "the order of magnitude of the learning rate" },
      gridSize: decades.length,
      weight: 0
    },
    { stage: { parameters: [p.name], method: "bayes", refine: true, why: "the learning rate within its best decade" }, weight: 1 }
  ];
}
function groupStage(ps, why, budget) {
  const size = finiteGridSize(ps);
  const share = Math.max(MIN_STAGE_TRIALS, Math.floor(budget / 4));
  if (size !== void 0 && size <= share) return { stage: { parameters: names(ps), method: "grid", why }, gridSize: size, weight: 0 };
  return { stage: { parameters: names(ps), method: "bayes", why }, weight: ps.length };
}
function finiteGridSize(ps) {
  const n = gridSize(ps);
  return Number.isFinite(n) ? n : void 0;
}
function splitBudget(drafts, budget) {
  const grids = drafts.reduce((s, d) => s + (d.gridSize ?? 0), 0);
  const weights = drafts.reduce((s, d) => s + d.weight, 0);
  const left = Math.max(0, budget - grids);
  const shares = drafts.map(
    (d) => d.gridSize !== void 0 ? d.gridSize : Math.max(MIN_STAGE_TRIALS, Math.floor(left * d.weight / weights))
  );
  let spare = budget - shares.reduce((s, n) => s + n, 0);
  for (let i = drafts.length - 1; spare > 0 && i >= 0; i = i === 0 ? drafts.length - 1 : i - 1) {
    if (drafts[i].gridSize !== void 0) {
      if (drafts.every((d) => d.gridSize !== void 0)) break;
      continue;
    }
    shares[i] += 1;
    spare -= 1;
  }
  return drafts.map((d, i) => ({ ...d.stage, trials: shares[i] }));
}
function names(ps) {
  return ps.map((p) => p.name);
}

// src/core/config/manual.ts
function parseManualConfigs(value, path, space, issues) {
  if (!Array.isArray(value)) return [];
  const names2 = space.map((p) => p.name);
  const out = [];
  value.forEach((item, i) => {
    if (!isRecord(item)) return;
    const at = [...path, i];
    const written = flattenConfig(item, at, "", names2);
    const params = {};
    for (const [name2, { value: v, path: where }] of written) {
      const dist = space.find((p) => p.name === name2)?.dist;
      if (!dist) issues.add(where, `is not a parameter of this sweep (parameters: ${names2.join(", ")}), got ${show(name2)}`);
      else if (!dist.contains(v)) issues.add(where, `is not a value ${name2} can take (${support(dist)}), got ${show(v)}`);
      else params[name2] = v;
    }
    for (const { name: name2, dist } of space) {
      if (written.has(name2)) continue;
      const values = dist.values();
      if (values?.length === 1) params[name2] = values[0];
      else issues.add([...at, name2], `is required: a manual configuration gives every searched parameter a value`);
    }
    out.push(params);
  });
  return out;
}
function flattenConfig(item, path, prefix, names2) {
  const out = /* @__PURE__ */ new Map();
  for (const [key, v] of Object.entries(item)) {
    const name2 = `${prefix}${key}`;
    const nests = isRecord(v) && !names2.includes(name2) && names2.some((n) => n.startsWith(`${name2}.`));
    if (nests) for (const [n, w] of flattenConfig(v, [...path, key], `${name2}.`, names2)) out.set(n, w);
    else out.set(name2, { value: v, path: [...path, key] });
  }
  return out;
}
function support(dist) {
  const values = dist.values();
  if (values && values.length <= 12) return `one of ${values.map((v) => show(v)).join(", ")}`;
  const lo = dist.fromUnit(0);
  const hi = dist.fromUnit(1);
  return typeof lo === "number" && typeof hi === "number" && Number.isFinite(lo) && Number.isFinite(hi) ? `${dist.name} in [${lo}, ${hi}]` : dist.name;
}
function checkManualKey(method, configs, path, issues) {
  if (method === "manual" && configs === void 0)
    issues.add([...path, "configs"], "is required with method manual: the list of configurations to try, e.g. [{learning_rate: 0.01}]");
  if (method !== "manual" && configs !== void 0)
    issues.add([...path, "configs"], `is only read with method manual (the configurations to try), got method ${show(method)}`);
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
    if (doc.method === "grid" || doc.method === "random" || doc.method === "quasirandom" || doc.method === "manual") {
      for (const key of ["early_terminate", "gate", "stages"])
        if (has(doc, key)) issues.add([key], `needs metric: it works on the best trial, and without metric there is none`);
      if (int(doc.repeats) !== void 0 && int(doc.repeats) > 1)
        issues.add(["repeats"], `needs metric: it re-runs the best trial, and without metric there is none, got ${show(doc.repeats)}`);
      return { name: NO_METRIC, goal: "minimize" };
    }
    issues.add(
      ["metric"],
      `is required with ${workload.kind} and method ${String(doc.method)}: name the metric to optimise, e.g. {name: val_loss, goal: minimize} (grid, random, quasirandom and manual may go without)`
    );
    return { name: "val_loss", goal: "minimize" };
  }
  const name2 = str(m.name) ?? "val_loss";
  const goal = m.goal === "maximize" ? "maximize" : "minimize";
  const target = num2(m.target);
  if (workload?.kind === "trainer") checkTrainerMetric(["metric", "name"], name2, workload.trainer, issues);
  return { name: name2, goal, ...target !== void 0 ? { target } : {} };
}
function checkTrainerMetric(path, name2, trainer, issues) {
  const known = TRAINER_METRICS[trainer.task];
  if (!known.includes(name2))
    issues.add(path, `the ${trainer.type} trainer (${trainer.task}) reports ${known.join(", ")}, got ${show(name2)}`);
}
var HYPERBAND_KEYS = ["min_iter", "max_iter", "s", "eta", "strict", "check_rungs"];
var MEDIAN_KEYS = ["warmup_steps", "min_trials"];
function parseEarlyTerminate(value, issues, warn = () => {
}, base = ["early_terminate"]) {
  if (!isRecord(value)) return void 0;
  const at = (k) => [...base, k];
  const type = value.type;
  const own = type === "hyperband" ? HYPERBAND_KEYS : type === "median" ? MEDIAN_KEYS : void 0;
  if (!own) return void 0;
  for (const k of Object.keys(value))
    if (k !== "type" && !own.includes(k)) issues.add(at(k), `is not used by type ${String(type)}, which takes ${own.join(", ")}`);
  if (type === "median") return { type: "median", warmupSteps: int(value.warmup_steps) ?? 1, minTrials: int(value.min_trials) ?? 5 };
  const eta = num2(value.eta) ?? 3;
  const check = value.check_rungs === true ? { checkRungs: true } : {};
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
    return { type: "hyperband", minIter: rungs[0], eta, maxIter, s, rungs, ...check };
  }
  if (!has(value, "min_iter")) {
    issues.add(at("min_iter"), "is required: hyperband takes min_iter, or max_iter together with s");
    return void 0;
  }
  const minIter = int(value.min_iter);
  if (minIter === void 0) return void 0;
  if (has(value, "s"))
    warn(at("s"), `is ignored without max_iter (as in W&B): the rungs are min_iter \xB7 eta^k = ${minIter}, ${minIter * eta}, ...`);
  return { type: "hyperband", minIter, eta, ...check };
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
  for (const [name2, rule] of Object.entries(value)) {
    if (workload?.kind === "trainer") checkTrainerMetric(["gate", name2], name2, workload.trainer, issues);
    const spec = isRecord(rule) ? rule : { threshold: rule };
    const parsed = threshold(spec.threshold, `gate.${name2}`);
    if (!parsed) continue;
    const goal = spec.goal === "maximize" || spec.goal === "minimize" ? spec.goal : name2 === metric.name ? metric.goal : inferGoal(name2);
    if (name2 === metric.name && spec.goal !== void 0 && spec.goal !== metric.goal)
      issues.add(["gate", name2, "goal"], `contradicts metric.goal (${metric.goal}) for the sweep metric, got ${show(spec.goal)}`);
    const on = spec.on === "champion" || spec.on === "best" || spec.on === "both" ? spec.on : "champion";
    rules.push({ metric: name2, goal, threshold: parsed, alpha: num2(spec.alpha) ?? 0.05, on });
  }
  return rules;
}
var STAGE_METHODS = ["grid", "random", "bayes", "tpe", "quasirandom", "manual"];
function parseStages(value, space, sweepTrials, issues, warn = () => {
}) {
  if (value === "auto") {
    const stages2 = autoStages(space, sweepTrials);
    const planned = stages2.reduce((n, s) => n + (s.trials ?? 0), 0);
    if (sweepTrials !== void 0 && planned > sweepTrials)
      warn(
        ["stages"],
        `auto plans ${planned} trials (at least 2 per searched stage) and run_cap is ${sweepTrials}: the last stages will be cut short`
      );
    return { stages: stages2, auto: true };
  }
  if (!Array.isArray(value)) return { stages: [], auto: false };
  const parameterNames = space.map((p) => p.name);
  const stages = [];
  const searched2 = /* @__PURE__ */ new Set();
  value.forEach((stage, i) => {
    if (!isRecord(stage) || !Array.isArray(stage.parameters)) return;
    const names2 = stage.parameters.filter((n) => typeof n === "string");
    names2.forEach((n, j) => {
      if (!parameterNames.includes(n))
        issues.add(
          ["stages", i, "parameters", j],
          `is not a parameter of this sweep (parameters: ${parameterNames.join(", ")}), got ${show(n)}`
        );
    });
    const params = space.filter((p) => names2.includes(p.name));
    const parsed = parseStage(stage, i, params, searched2, issues, warn);
    names2.forEach((n) => searched2.add(n));
    stages.push({ parameters: names2, ...parsed });
  });
  return { stages, auto: false };
}
function parseStage(stage, i, params, searched2, issues, warn) {
  const at = (...k) => ["stages", i, ...k];
  const method = typeof stage.method === "string" ? stage.method : void 0;
  if (method !== void 0 && !STAGE_METHODS.includes(method))
    issues.add(at("method"), `must be one of ${STAGE_METHODS.join(", ")}, got ${show(method)}`);
  const trials = stageTrials(stage, at, issues);
  const decades = stage.values === "decades";
  if (stage.values !== void 0 && !decades)
    issues.add(at("values"), `must be decades (the powers of ten inside each range), got ${show(stage.values)}`);
  for (const p of params) {
    if (decades && decadeValues(p.dist).length === 0)
      issues.add(at("values"), `decades needs a power of ten inside the range of ${p.name}, got ${rangeText(p.dist)}`);
    if (stage.refine === true && !refinable(p.dist))
      issues.add(at("refine"), `narrows uniform, int_uniform and log-uniform ranges, got ${p.name} (${p.dist.name})`);
    else if (stage.refine === true && !searched2.has(p.name))
      issues.add(at("refine"), `narrows around the best value so far, and no earlier stage searches ${p.name}`);
    if (method === "grid" && !decades && p.dist.values() === void 0)
      issues.add(
        at("method"),
        `grid needs a list of values, and ${p.name} is a ${p.dist.name} range: add values: decades, or search it with bayes`
      );
  }
  const earlyTerminate = has(stage, "early_terminate") ? parseEarlyTerminate(stage.early_terminate, issues, warn, at("early_terminate")) : void 0;
  if (stage.configs !== void 0 && method !== "manual")
    issues.add(at("configs"), `lists the configurations of method: manual, got method ${show(method ?? "the sweep's")}`);
  if (method === "manual" && stage.configs === void 0)
    issues.add(at("configs"), "is required with method manual: the list of configurations to try, e.g. [{learning_rate: 0.01}]");
  const configs = method === "manual" && stage.configs !== void 0 ? parseManualConfigs(stage.configs, at("configs"), params, issues) : void 0;
  return {
    ...trials !== void 0 ? { trials } : {},
    ...method !== void 0 && STAGE_METHODS.includes(method) ? { method } : {},
    ...earlyTerminate ? { earlyTerminate } : {},
    ...decades ? { values: "decades" } : {},
    ...stage.refine === true ? { refine: true } : {},
    ...configs ? { configs } : {}
  };
}
function stageTrials(stage, at, issues) {
  const given = [];
  if (int(stage.run_cap) !== void 0) given.push([["run_cap"], int(stage.run_cap)]);
  if (isRecord(stage.budget) && int(stage.budget.trials) !== void 0) given.push([["budget", "trials"], int(stage.budget.trials)]);
  if (int(stage.trials) !== void 0) given.push([["trials"], int(stage.trials)]);
  for (const [path, n] of given.slice(1))
    if (n !== given[0][1]) issues.add(at(...path), `must equal ${given[0][0].join(".")} when both are set, got ${n} != ${given[0][1]}`);
  return given[0]?.[1];
}
function rangeText(dist) {
  const [lo, hi] = bounds(dist);
  return `${dist.name} [${show(lo)}, ${show(hi)}]`;
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
  const mean3 = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean3) ** 2, 0) / (xs.length - 1);
  return { mean: mean3, variance };
}
function welchTTest(a, b) {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(`welchTTest: needs >= 2 samples per side, got ${a.length} and ${b.length}`);
  }
  const A2 = meanVar(a);
  const B2 = meanVar(b);
  const va = A2.variance / a.length;
  const vb = B2.variance / b.length;
  const diff = A2.mean - B2.mean;
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
  const mean3 = d.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { n, mean: mean3, sd: 0, t: mean3 > 0 ? Infinity : mean3 < 0 ? -Infinity : 0, df: 0, pGreater: 1 };
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean3) ** 2, 0) / (n - 1));
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  if (se <= 1e-12 * Math.max(1, Math.abs(mean3))) {
    return { n, mean: mean3, sd: 0, t: mean3 > 0 ? Infinity : mean3 < 0 ? -Infinity : 0, df, pGreater: mean3 > 0 ? 0 : 1, ci: [mean3, mean3] };
  }
  const t = mean3 / se;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return { n, mean: mean3, sd, t, df, pGreater: studentTSurvival(t, df), ci: [mean3 - q * se, mean3 + q * se] };
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

// src/core/gate/spending.ts
function spent(spending, alpha, t) {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  if (typeof spending === "object") {
    const g = spending.hsd;
    return g === 0 ? alpha * t : alpha * -Math.expm1(-g * t) / -Math.expm1(-g);
  }
  return spending === "obrien-fleming" ? 2 * normalSurvival(normalQuantile(1 - alpha / 2) / Math.sqrt(t)) : alpha * Math.log(1 + (Math.E - 1) * t);
}
function normalSurvival(x) {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly3 = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc2 = t * Math.exp(poly3);
  return x >= 0 ? erfc2 / 2 : 1 - erfc2 / 2;
}
function normalQuantile(p) {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (1 - normalSurvival(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// src/core/gate/t-boundaries.ts
var T_BOUNDARY_DRAWS = 2e5;
var T_BOUNDARY_SEED = 1592590369;
function tScaleLevels(looks, increments, draws = T_BOUNDARY_DRAWS) {
  if (looks.length !== increments.length) throw new RangeError(`tScaleLevels: ${looks.length} looks but ${increments.length} increments`);
  if (looks.some((n, k) => !Number.isInteger(n) || n < 2 || k > 0 && n <= looks[k - 1]))
    throw new RangeError(`tScaleLevels: looks must be increasing seed counts of at least 2, got ${looks.join(", ")}`);
  const levels = [increments[0]];
  if (looks.length === 1) return levels;
  const t = simulatedTStatistics(looks, draws);
  const alive = new Uint8Array(draws).fill(1);
  let bound = studentTQuantile(1 - increments[0], looks[0] - 1);
  for (let k = 1; k < looks.length; k++) {
    for (let r = 0; r < draws; r++) if (t[k - 1][r] > bound) alive[r] = 0;
    bound = boundSpending(t[k], alive, increments[k] * draws);
    levels.push(studentTSurvival(bound, looks[k] - 1));
  }
  return levels;
}
function simulatedTStatistics(looks, draws) {
  const normals = standardNormals(new Rng(T_BOUNDARY_SEED), draws * looks[looks.length - 1]);
  const t = looks.map(() => new Float64Array(draws));
  const last = looks[looks.length - 1];
  for (let r = 0, i = 0; r < draws; r++) {
    let mean3 = 0;
    let m2 = 0;
    let k = 0;
    for (let n = 1; n <= last; n++) {
      const x = normals[i++];
      const delta = x - mean3;
      mean3 += delta / n;
      m2 += delta * (x - mean3);
      if (n === looks[k]) t[k++][r] = mean3 / Math.sqrt(m2 / (n - 1) / n);
    }
  }
  return t;
}
function standardNormals(rng, count2) {
  const out = new Float64Array(count2 + 1);
  for (let i = 0; i < count2; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    out[i] = radius * Math.cos(angle);
    out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}
function boundSpending(statistics, alive, count2) {
  let size = 0;
  const running = new Float64Array(statistics.length);
  for (let r = 0; r < statistics.length; r++) if (alive[r] === 1) running[size++] = statistics[r];
  running.subarray(0, size).sort();
  return boundAbove(running.subarray(0, size), count2);
}
function boundAbove(running, count2) {
  const m = Math.round(count2);
  if (m <= 0) return Infinity;
  if (m >= running.length) return -Infinity;
  const i = running.length - m;
  return (running[i - 1] + running[i]) / 2;
}

// src/core/gate/sequential.ts
var REPLAY_LOOKS = [3, 5];
var REPLAY_SPENDING = { hsd: 3 };
var REPLAY_PLAN = { looks: REPLAY_LOOKS, spending: REPLAY_SPENDING };
var designs = /* @__PURE__ */ new Map();
function sequentialDesign(maxSeeds, alpha, plan = REPLAY_PLAN) {
  const key = `${maxSeeds}:${alpha}:${plan.looks.join(",")}:${JSON.stringify(plan.spending)}`;
  const known = designs.get(key);
  if (known) return known;
  const looks = [...plan.looks.filter((n) => n < maxSeeds), maxSeeds];
  const spentBy = looks.map((n) => spent(plan.spending, alpha, n / maxSeeds));
  const increments = spentBy.map((a, k) => a - (spentBy[k - 1] ?? 0));
  const design = { looks, levels: looks.length === 1 ? [alpha] : tScaleLevels(looks, increments) };
  designs.set(key, design);
  return design;
}
function sequentialVerdict(losses, margin, design, alpha, final = false) {
  const { looks, levels } = design;
  const last = looks.length - 1;
  for (let k = 0; k <= last && looks[k] <= losses.length; k++) {
    const verdict3 = atLook(losses.slice(0, looks[k]), margin, levels[k], k === last ? void 0 : alpha);
    if (verdict3) return { ...verdict3, look: k + 1, seeds: looks[k], level: levels[k] };
  }
  if (!final || losses.length === 0) return void 0;
  const seen = looks.filter((n) => n <= losses.length).length;
  const verdict2 = atLook(losses, margin, levels[last], void 0);
  return { ...verdict2, look: Math.max(1, seen), seeds: losses.length, level: levels[last] };
}
function atLook(losses, margin, level, passAlpha) {
  const n = losses.length;
  const mean3 = losses.reduce((s, x) => s + x, 0) / n;
  const test = n >= 2 ? pairedTTest(losses, new Array(n).fill(margin)) : void 0;
  const p = test ? { pValue: test.pGreater } : {};
  if (mean3 > margin && (test === void 0 ? passAlpha === void 0 : test.pGreater < level))
    return { status: "regressed", why: passAlpha === void 0 ? "all-seeds" : "past", ...p };
  if (passAlpha !== void 0) {
    const pWithin = test ? test.sd === 0 ? mean3 < margin ? 0 : 1 : 1 - test.pGreater : 1;
    return mean3 < margin && pWithin < passAlpha ? { status: "pass", why: "within", ...p } : void 0;
  }
  return { status: mean3 > margin ? "not-significant" : "pass", why: "all-seeds", ...p };
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
function compareChampion(metric, goal, rule, main, replay, sequential) {
  const failed = replay.find((r) => r.status === "failed");
  const mainValues = completedValues(main, metric);
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
  const { b, c } = pairedValues(mainValues, replay, metric);
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
  const decided = rule && sequential ? decideSequentially(rule, margin, b, c, goal, sequential.maxSeeds) : void 0;
  return {
    n: test.n,
    baseline,
    current: mean(c),
    delta: goal === "minimize" ? worse : 0 - worse,
    ...ci ? { ci } : {},
    ...pValue !== void 0 ? { pValue } : {},
    improved: worse < 0,
    status: decided ? decided.status : judge(rule, baseline, worse, pValue),
    ...decided ? { sequential: decided.sequential } : {}
  };
}
function completedValues(runs, metric) {
  return new Map(
    runs.filter((r) => r.status === "complete" && r.metrics[metric] !== void 0).map((r) => [r.seed, r.metrics[metric]])
  );
}
function pairedValues(main, replay, metric) {
  const b = [];
  const c = [];
  for (const r of replay) {
    const v = r.metrics[metric];
    const m = main.get(r.seed);
    if (r.status === "complete" && v !== void 0 && m !== void 0) {
      b.push(m);
      c.push(v);
    }
  }
  return { b, c };
}
function decideSequentially(rule, margin, b, c, goal, maxSeeds) {
  const losses = b.map((m, i) => worsening(goal, m, c[i]));
  const design = sequentialDesign(Math.max(maxSeeds, losses.length), rule.alpha);
  const v = sequentialVerdict(losses, margin, design, rule.alpha, true);
  const sequential = { look: v.look, seeds: v.seeds, of: design.looks.at(-1), why: v.why, level: v.level };
  return { status: v.status, sequential };
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
  const sequential = current.replay?.sequential ? { maxSeeds: current.replay.sequential.of } : void 0;
  const champion = main && replay ? compareChampion(metric, goal, rule, main, replay, sequential) : void 0;
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
      ...current.replay.sequential ? { of: current.replay.sequential.of } : {},
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
  const { rules, loosened } = baseline ? judgedRules(baseline, prRules) : { rules: prRules, loosened: [] };
  const ruleByMetric = /* @__PURE__ */ new Map();
  for (const r of rules) ruleByMetric.set(r.metric, r);
  const names2 = /* @__PURE__ */ new Set([current.metric.name, ...ruleByMetric.keys()]);
  for (const m of Object.keys(current.best?.metrics ?? {})) names2.add(m);
  for (const m of Object.keys(baseline?.best?.metrics ?? {})) names2.add(m);
  const metrics = [...names2].map((m) => {
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
function judgedRules(baseline, prRules) {
  return effectiveRules(baseline.gate, prRules, (m) => baseline.best?.metrics[m] ?? championMean(baseline, m));
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

// src/core/gate/max-regression.ts
var MAX_REGRESSION_ALPHA = 0.05;
function withMaxRegression(gate, metric, threshold2, warn) {
  if (!threshold2) return [...gate];
  if (metric.name === NO_METRIC) {
    warn("max-regression is ignored: the sweep config has no metric, so there is nothing to gate");
    return [...gate];
  }
  if (gate.some((g) => g.metric === metric.name)) {
    warn(`max-regression is ignored for ${metric.name}: the sweep config's gate already has a rule for it`);
    return [...gate];
  }
  return [...gate, { metric: metric.name, goal: metric.goal, threshold: threshold2, alpha: MAX_REGRESSION_ALPHA }];
}

// src/core/gate/champion-plan.ts
var DEFAULT_CHAMPION_SEEDS = 10;
function championSeeds(sweepSeed, params, n) {
  return Array.from({ length: n }, (_, i) => deriveSeed("champion", sweepSeed, canonicalJson(params), i));
}
function planReplay(champion, space, defaultOf, opts = {}) {
  const names2 = new Set(space.map((p) => p.name));
  const removed = Object.keys(champion).filter((n) => !names2.has(n));
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
  for (const name2 of removed) {
    params[name2] = champion[name2];
    adjustments.push({ name: name2, main: champion[name2], replay: champion[name2], why: "kept" });
  }
  return { ok: true, params, adjustments };
}
function list(names2) {
  return names2.length === 1 ? names2[0] : `${names2.slice(0, -1).join(", ")} and ${names2.at(-1)}`;
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

// src/core/gate/replay-stop.ts
function replayStop(main, replay, rules, maxSeeds) {
  const gated = rules.filter((r) => (r.on ?? "champion") !== "best");
  const looks = sequentialDesign(maxSeeds, gated[0]?.alpha ?? 0.05).looks;
  const n = replay.length;
  const at = (why) => ({
    of: maxSeeds,
    seeds: n,
    look: Math.max(1, looks.filter((k) => k <= n).length),
    looks,
    why
  });
  if (replay.some((r) => r.status === "failed")) return at("failed");
  if (n >= maxSeeds) return at("all-seeds");
  if (gated.length === 0 || !looks.includes(n)) return void 0;
  let past = false;
  for (const rule of gated) {
    const mainValues = completedValues(main, rule.metric);
    if (mainValues.size === 0) continue;
    const { b, c } = pairedValues(mainValues, replay, rule.metric);
    if (b.length === 0) return void 0;
    const margin = allowance(rule.threshold, b.reduce((s, x) => s + x, 0) / b.length);
    const losses = b.map((m, i) => worsening(rule.goal, m, c[i]));
    const verdict2 = sequentialVerdict(losses, margin, sequentialDesign(maxSeeds, rule.alpha), rule.alpha);
    if (!verdict2) return void 0;
    past ||= verdict2.why === "past";
  }
  return at(past ? "past" : "within");
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

// src/core/results.ts
function searchTrials(trials) {
  return trials.filter((t) => t.repeat === 0);
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
  const scale2 = halfWidth !== void 0 && halfWidth > 0 ? halfWidth : Math.abs(value) > 0 ? Math.abs(value) / 10 : 1;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(scale2))));
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
    const early = c.sequential && c.sequential.why !== "all-seeds" ? c.sequential : void 0;
    const tail = early ? `; ${earlyStopText(early, m.threshold ? gateText(m.threshold, points).replace(/ gate$/, " threshold") : "threshold")}` : c.status === "not-significant" && c.sequential && c.sequential.level !== m.alpha ? `: past the ${gate} but not significant at the last look's level ${num(c.sequential.level)} (alpha ${m.alpha} spent over ${c.sequential.look} looks)` : c.status === "regressed" ? `, past the ${gate}` : c.status === "not-significant" ? `: past the ${gate} but not significant at alpha ${m.alpha}` : c.improved || c.delta === 0 ? "" : `, within the ${gate}`;
    const best = m.decidedBy === "both" && m.bestStatus === "regressed" ? `; and the search result regressed: ${bestPhrase(m, gate)}` : "";
    return `${phrase2}${tail}${best}`;
  }
  return bestPhrase(m, gate);
}
function earlyStopText(s, threshold2) {
  return `decided after ${s.seeds} of ${s.of} seeds: clearly ${s.why === "past" ? "past" : "within"} the ${threshold2}`;
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
  const search = searchTrials(r.trials);
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
      const cell3 = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell3);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell3);
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
    const cell3 = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell3;
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
      const cell3 = row2[columnIndex] || "";
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
      !(settings.alignDelimiters === false && cell3 === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell3);
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
  const unit2 = nonNegative && values.every((v) => v <= 1) && (main === void 0 || main <= 1);
  lo = nonNegative ? Math.max(0, lo - pad) : lo - pad;
  hi = unit2 ? Math.min(1, hi + pad) : hi + pad;
  const { factor, label: scaleLabel } = scaleOf(Math.max(Math.abs(lo), Math.abs(hi)));
  const decimals = decimalsFor2((hi - lo) / factor);
  const fmt2 = (v) => plain(v / factor, decimals);
  const clip = (v) => Math.min(hi, Math.max(lo, v));
  const name2 = safe(metric);
  const starts = finished.map((p, i) => i > 0 && p.stage !== finished[i - 1].stage ? p.stage : void 0);
  const staged = starts.some((s) => s !== void 0);
  const label2 = (p, i) => starts[i] !== void 0 ? `"S${starts[i] + 1} ${p.trial}"` : String(p.trial);
  const x = finished.length <= MAX_LABELS ? `x-axis "trial${staged ? " (Sn: stage n starts)" : ""}" [${finished.map(label2).join(", ")}]` : `x-axis "finished trial, in order" 1 --> ${finished.length}`;
  const series = [
    ...staged ? [`  bar [${starts.map((s) => fmt2(s === void 0 ? lo : hi)).join(", ")}]`] : [],
    `  line [${values.map((v) => fmt2(clip(v))).join(", ")}]`,
    `  line [${best.map((v) => fmt2(v)).join(", ")}]`,
    ...main !== void 0 ? [`  line [${values.map(() => fmt2(main)).join(", ")}]`] : []
  ];
  const chart = [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${staged ? "#eaeef2, " : ""}#afb8c1, #0969da, #cf222e"}}}}%%`,
    "xychart-beta",
    `  title "${name2} by trial (${goal === "maximize" ? "higher" : "lower"} is better)"`,
    `  ${x}`,
    `  y-axis "${name2}${scaleLabel}" ${fmt2(lo)} --> ${fmt2(hi)}`,
    ...series,
    "```"
  ].join("\n");
  const stageNote = staged ? ` Pale columns: the first finished trial of stages ${starts.filter((s) => s !== void 0).map((s) => s + 1).join(", ")}.` : "";
  return `${chart}

${caption(points, finished.length, { clippedHigh, clippedLow, lo, hi, main, metric, stageNote })}`;
}
function caption(points, finished, c) {
  const pruned = points.filter((p) => p.status === "pruned").length;
  const failed = points.filter((p) => p.status === "failed").length;
  const parts = [
    `<sub>Grey: each of the ${finished} finished trials; blue: the best so far${c.main !== void 0 ? `; red: main\u2019s best (${num(c.main)})` : ""}.${c.stageNote}`,
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

// src/report/stages.ts
function stagesSection(stages, metric) {
  const fmt2 = columnFormat(stages.flatMap((s) => [s.best, s.gain]));
  const rows = stages.map((s, i) => [
    String(i + 1),
    cell(s.method),
    s.budget !== void 0 ? `${s.trials} of ${s.budget}` : String(s.trials),
    Object.entries(s.searched).map(
      ([name2, what]) => `${cell(name2)}: ${cell(what)} \u2192 ${name2 in s.bestParams ? `**${cell(s.bestParams[name2])}**` : "\u2013"}${i > 0 && s.gain === 0 ? " (as before)" : ""}`
    ).join("; "),
    fixedText(s.fixed),
    s.best !== void 0 ? fmt2(s.best) : "\u2013",
    i === 0 || s.gain === void 0 ? "\u2013" : s.gain === 0 ? "0" : signedWith(fmt2, s.gain)
  ]);
  const header = ["Stage", "Method", "Trials", "Searched \u2192 kept", "Fixed", `Best ${cell(metric)} after`, "Gain"];
  const why = stages.some((s) => s.why) ? `

<sub>Planned by <code>stages: auto</code>: ${stages.map((s, i) => `${i + 1}. ${cell(s.why ?? "the parameters no stage named")}`).join("; ")}.</sub>` : "";
  return `**Stages** (each searches its parameters with the best values so far fixed)

${markdownTable([header, ...rows], {
    align: ["r", "l", "r", "l", "l", "r", "r"]
  })}${why}`;
}
function fixedText(fixed2) {
  const entries = Object.keys(fixed2);
  return entries.length === 0 ? "nothing yet" : paramsText(fixed2);
}
function paramsText(p) {
  return Object.entries(p).map(([k, v]) => `${cell(k)}=${cell(v)}`).join(", ");
}

// src/core/landscape/trials.ts
function scored(trials, metric) {
  return searchTrials(trials).map((trial, i) => ({ trial, number: i + 1, value: trial.metrics[metric.name] })).filter((s) => s.trial.status === "complete" && Number.isFinite(s.value)).map((s) => ({ ...s, loss: metric.goal === "maximize" ? -s.value : s.value })).sort((a, b) => a.loss - b.loss || a.number - b.number);
}
function numericRange(dist) {
  const base = dist instanceof QuantisedDistribution ? dist.base : dist;
  if (base instanceof IntUniformDistribution) return { lo: base.min, hi: base.max, log: false, integer: true };
  if (!(base instanceof ContinuousDistribution)) return void 0;
  if (!Number.isFinite(base.lo) || !Number.isFinite(base.hi) || base.name === "normal" || base.name === "log_normal") return void 0;
  const integer = dist instanceof QuantisedDistribution && Number.isInteger(dist.q);
  return { lo: base.lo, hi: base.hi, log: base instanceof LogUniformDistribution, integer };
}
function searched(space) {
  return space.filter((p) => p.dist.name !== "constant" && (p.dist.values()?.length ?? 2) > 1);
}
function unitOf(p, trial) {
  const v = trial.params[p.name];
  if (v === void 0 || !p.dist.contains(v)) return void 0;
  return p.dist.toUnit(v);
}

// src/core/landscape/axis.ts
var AXIS_BUCKETS = 8;
function axisOf(p, trials, metric) {
  const range = numericRange(p.dist);
  if (!range) return void 0;
  const values = p.dist.values();
  const n = values && values.length <= AXIS_BUCKETS ? values.length : AXIS_BUCKETS;
  const buckets = /* @__PURE__ */ new Map();
  for (const s of scored(trials, metric)) {
    const u = unitOf(p, s.trial);
    if (u === void 0) continue;
    const b = values && values.length <= AXIS_BUCKETS ? values.indexOf(s.trial.params[p.name]) : Math.min(n - 1, Math.floor(u * n));
    const cur = buckets.get(b);
    if (!cur || s.loss < cur.loss) buckets.set(b, { best: s.value, loss: s.loss, trials: (cur?.trials ?? 0) + 1 });
    else cur.trials++;
  }
  if (buckets.size < 2) return void 0;
  const at = (b) => values && values.length <= AXIS_BUCKETS ? values[b] : p.dist.fromUnit((b + 0.5) / n);
  return {
    param: p.name,
    range,
    buckets: [...buckets.entries()].sort(([a], [b]) => a - b).map(([b, x]) => ({ at: at(b), best: x.best, trials: x.trials }))
  };
}

// src/core/landscape/boundary.ts
var EDGE = 0.2;
var BOUNDARY_MIN_TRIALS = 8;
var MIN_VALUES = 5;
function boundaryNotes(trials, space, metric) {
  const done = scored(trials, metric);
  if (done.length < BOUNDARY_MIN_TRIALS) return [];
  const k = Math.min(10, Math.max(3, Math.ceil(done.length / 5)));
  const top = done.slice(0, k);
  const ran = searchTrials(trials).filter((t) => t.reason !== "cancelled");
  const notes = [];
  for (const p of searched(space)) {
    const range = numericRange(p.dist);
    if (!range || (p.dist.values()?.length ?? Infinity) < MIN_VALUES) continue;
    const end = crowdedEnd(
      p,
      top.map((s) => s.trial)
    );
    if (!end) continue;
    notes.push(noteFor(p, range, end, ran));
  }
  return notes;
}
function edgeOf(u) {
  if (u === void 0) return void 0;
  return u <= EDGE ? "low" : u >= 1 - EDGE ? "high" : void 0;
}
function crowdedEnd(p, top) {
  const best = edgeOf(unitOf(p, top[0]));
  if (!best) return void 0;
  const there = top.filter((t) => edgeOf(unitOf(p, t)) === best).length;
  return there * 2 >= top.length ? best : void 0;
}
function noteFor(p, range, end, ran) {
  const atEdge = ran.filter((t) => edgeOf(unitOf(p, t)) === end);
  const failed = atEdge.filter((t) => t.status === "failed").length;
  if (failed >= 3 && failed * 3 >= atEdge.length) return { kind: "unstable", param: p.name, end, range, failed };
  const limit = hardLimit(range, end);
  const bound = end === "low" ? range.lo : range.hi;
  if (limit !== void 0 && bound === limit) return { kind: "hard-limit", param: p.name, end, range, limit };
  const suggested = widened(range, end, limit);
  return { kind: "widen", param: p.name, end, range, suggested, atLimit: suggested === limit };
}
function hardLimit(r, end) {
  if (end === "low") return r.integer && r.lo >= 1 ? 1 : r.lo >= 0 && !r.log ? 0 : void 0;
  return !r.log && !r.integer && r.lo >= 0 && r.hi <= 1 ? 1 : void 0;
}
function widened(r, end, limit) {
  const sign = end === "low" ? -1 : 1;
  const from = end === "low" ? r.lo : r.hi;
  let v = r.log ? from * Math.min(10, (r.hi / r.lo) ** 0.25) ** sign : from + sign * (r.hi - r.lo) / 4;
  v = r.integer ? end === "low" ? Math.floor(v) : Math.ceil(v) : Number(v.toPrecision(2));
  if (limit !== void 0) v = end === "low" ? Math.max(limit, v) : Math.min(limit, v);
  return v;
}

// src/core/landscape/cost.ts
function costPoints(trials, metric) {
  const byTime = [...scored(trials, metric)].sort((a, b) => a.trial.durationMs - b.trial.durationMs || a.number - b.number);
  let bestLoss = Infinity;
  return byTime.map((s) => {
    const front = s.loss < bestLoss;
    if (front) bestLoss = s.loss;
    return { number: s.number, durationMs: s.trial.durationMs, value: s.value, front };
  });
}
var BATCH_NAMES = ["batch_size", "batch", "batchsize", "bs"];
function batchRows(trials, space, metric) {
  const p = searched(space).find((x) => BATCH_NAMES.includes(x.name.toLowerCase()));
  if (!p) return void 0;
  const groups = /* @__PURE__ */ new Map();
  for (const s of scored(trials, metric)) {
    const v = s.trial.params[p.name];
    if (v === void 0) continue;
    groups.set(canonicalJson(v), [...groups.get(canonicalJson(v)) ?? [], s]);
  }
  const rows = [...groups.values()].map((g) => ({
    batchSize: g[0].trial.params[p.name],
    trials: g.length,
    msPerEpoch: median(g.map((s) => s.trial.durationMs / Math.max(1, s.trial.history.length))),
    best: g[0].value
  }));
  if (rows.length < 2) return void 0;
  rows.sort((a, b) => typeof a.batchSize === "number" && typeof b.batchSize === "number" ? a.batchSize - b.batchSize : 0);
  return { name: p.name, rows };
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// src/core/landscape/curves.ts
var CURVE_TRIALS = 3;
var MIN_EPOCHS = 4;
var NOISE_WINDOW = 5;
function curveNotes(trials, metric) {
  const curves = scored(trials, metric).map((s) => ({ number: s.number, losses: lossCurve(s.trial, metric) })).filter((c) => c.losses.length >= MIN_EPOCHS).slice(0, CURVE_TRIALS);
  if (curves.length === 0) return [];
  const checks = ["still-improving", "overfitting", "noisy"];
  return checks.map((check) => ({ check, trials: curves.filter((c) => shows(check, c.losses)).map((c) => c.number), of: curves.length })).filter((n) => n.trials.length * 2 >= n.of && n.trials.length > 0);
}
function lossCurve(t, metric) {
  return [...t.history].sort((a, b) => a.step - b.step).map((h) => h.metrics[metric.name]).filter((v) => v !== void 0 && Number.isFinite(v)).map((v) => metric.goal === "maximize" ? -v : v);
}
function shows(check, c) {
  const best = Math.min(...c);
  const scale2 = Math.abs(c[0] - best);
  if (!(scale2 > 0)) return false;
  const n = c.length;
  const last = c[n - 1];
  if (check === "still-improving") return last === best && c[n - 2] - last >= 0.01 * scale2 && c[n - 3] - last >= 0.03 * scale2;
  if (check === "overfitting") return c.lastIndexOf(best) <= n - 3 && last - best >= 0.1 * scale2;
  const w = c.slice(-NOISE_WINDOW);
  const d = w.slice(1).map((x, i) => x - w[i]);
  const flips = d.slice(1).filter((x, i) => Math.sign(x) * Math.sign(d[i]) < 0).length;
  const mean3 = d.reduce((s, x) => s + Math.abs(x), 0) / d.length;
  return flips >= 2 && mean3 >= 0.05 * scale2;
}

// src/core/landscape/importance.ts
var IMPORTANCE_MIN_TRIALS = 8;
var MAX_BINS = 6;
function paramImportance(trials, space, metric) {
  const done = scored(trials, metric).sort((a, b) => a.loss - b.loss || a.trial.key.localeCompare(b.trial.key)).map((s, i) => ({ ...s, number: i + 1 }));
  const params = searched(space);
  if (done.length < IMPORTANCE_MIN_TRIALS || params.length === 0) return [];
  const ranks = rankLosses(done);
  const groups = params.map((p) => groupsOf(p, done, binsFor(params, done)));
  const explained = additiveEffects(groups, ranks, done.length) ?? groups.map((g) => epsilonSquared(g, ranks));
  const raw = params.map((p, j) => ({ name: p.name, explained: explained[j] }));
  const total = raw.reduce((s, r) => s + r.explained, 0);
  return raw.map((r) => ({ ...r, importance: total > 0 ? r.explained / total : 1 / raw.length })).sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
}
function rankLosses(done) {
  const ranks = /* @__PURE__ */ new Map();
  for (let i = 0; i < done.length; ) {
    let j = i;
    while (j + 1 < done.length && done[j + 1].loss === done[i].loss) j++;
    for (let k = i; k <= j; k++) ranks.set(id(done[k]), (i + j) / 2 + 1);
    i = j + 1;
  }
  return ranks;
}
var id = (s) => `${s.number}`;
function binsFor(params, done) {
  const numeric = params.filter((p) => p.dist.kind !== "categorical").length;
  const categoricalDof = params.filter((p) => p.dist.kind === "categorical").reduce((s, p) => s + new Set(done.map((d) => JSON.stringify(d.trial.params[p.name]))).size - 1, 0);
  const room = numeric > 0 ? Math.floor((done.length / 2 - categoricalDof) / numeric) + 1 : MAX_BINS;
  return Math.min(MAX_BINS, Math.round(Math.sqrt(done.length)), Math.max(2, room));
}
function groupsOf(p, done, bins) {
  const withValue = done.filter((s) => s.trial.params[p.name] !== void 0);
  if (p.dist.kind === "categorical") return groupBy(withValue, (s) => canonicalJson(s.trial.params[p.name]), id);
  const placed = withValue.map((s) => ({ s, u: unitOf(p, s.trial) })).filter((x) => x.u !== void 0).sort((a, b) => a.u - b.u || a.s.number - b.s.number);
  const distinct = new Set(placed.map((x) => x.u)).size;
  if (distinct <= bins)
    return groupBy(
      placed,
      (x) => String(x.u),
      (x) => id(x.s)
    );
  const groups = [];
  let current = [];
  placed.forEach((x, i) => {
    const full = current.length >= placed.length / bins && x.u !== placed[i - 1]?.u;
    if (full && groups.length < bins - 1) {
      groups.push(current);
      current = [];
    }
    current.push(id(x.s));
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
function groupBy(items, key, name2) {
  const out = /* @__PURE__ */ new Map();
  for (const x of items) out.set(key(x), [...out.get(key(x)) ?? [], name2(x)]);
  return [...out.values()];
}
function additiveEffects(groups, ranks, n) {
  const dof = groups.reduce((s, g) => s + Math.max(0, g.length - 1), 0);
  if (dof * 2 > n) return void 0;
  const ids = [...ranks.keys()];
  const mean3 = ids.reduce((s, k) => s + ranks.get(k), 0) / n;
  const y = new Map(ids.map((k) => [k, ranks.get(k) - mean3]));
  const ssTotal = ids.reduce((s, k) => s + y.get(k) ** 2, 0);
  if (ssTotal === 0) return groups.map(() => 0);
  const fitted2 = groups.map(() => new Map(ids.map((k) => [k, 0])));
  for (let sweep = 0; sweep < 200; sweep++) {
    let moved = 0;
    groups.forEach((gs, j) => {
      for (const g of gs) {
        const others = (k) => fitted2.reduce((s, f, l) => l === j ? s : s + f.get(k), 0);
        const m = g.reduce((s, k) => s + y.get(k) - others(k), 0) / g.length;
        for (const k of g) {
          moved = Math.max(moved, Math.abs(fitted2[j].get(k) - m));
          fitted2[j].set(k, m);
        }
      }
    });
    if (moved < 1e-9 * n) break;
  }
  const residual = ids.reduce((s, k) => s + (y.get(k) - fitted2.reduce((t, f) => t + f.get(k), 0)) ** 2, 0);
  const ms = residual / (n - 1 - dof);
  return fitted2.map((f, j) => {
    const ss = ids.reduce((s, k) => s + f.get(k) ** 2, 0);
    return Math.min(1, Math.max(0, (ss - Math.max(0, groups[j].length - 1) * ms) / ssTotal));
  });
}
function epsilonSquared(groups, ranks) {
  const used = groups.filter((g) => g.length > 0);
  const values = used.map((g) => g.map((k2) => ranks.get(k2)));
  const all = values.flat();
  const n = all.length;
  const k = used.length;
  if (k < 2 || n <= k) return 0;
  const mean3 = all.reduce((s, x) => s + x, 0) / n;
  const ssTotal = all.reduce((s, x) => s + (x - mean3) ** 2, 0);
  if (ssTotal === 0) return 0;
  let ssWithin = 0;
  for (const g of values) {
    const m = g.reduce((s, x) => s + x, 0) / g.length;
    ssWithin += g.reduce((s, x) => s + (x - m) ** 2, 0);
  }
  const ssBetween = ssTotal - ssWithin;
  const e = (ssBetween - (k - 1) * (ssWithin / (n - k))) / ssTotal;
  return Math.min(1, Math.max(0, e));
}

// src/report/landscape.ts
var LANDSCAPE_MIN_TRIALS = 5;
var MAX_AXES = 3;
var AXIS_MIN_IMPORTANCE = 0.1;
var MAX_LABELS2 = 20;
var BLUE = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%';
function landscapeSection(r, space, form) {
  if (!space) return "";
  const metric = r.metric;
  const finished = scored(r.trials, metric).length;
  if (finished < LANDSCAPE_MIN_TRIALS) return "";
  const importance = paramImportance(r.trials, space, metric);
  const notes = [...boundaryNotes(r.trials, space, metric).map(boundaryText), ...curveNotes(r.trials, metric).map(curveText)];
  const open = form === "open";
  const details = [
    importanceBlock(importance, finished),
    ...open ? axisBlocks(r, space, importance) : [],
    costBlock(r, open),
    batchBlock(r, space)
  ].filter((x) => x !== "");
  const head = `**Landscape** (what the ${finished} finished trials say about the search space)`;
  const noteList = notes.length > 0 ? notes.map((n) => `- ${n}`).join("\n") : "- No range or training-curve note: the best trials sit inside every range.";
  if (details.length === 0) return `${head}

${noteList}`;
  if (open) return [head, noteList, ...details].join("\n\n");
  return `${head}

${noteList}

<details><summary>Importance and cost</summary>

${details.join("\n\n")}

</details>`;
}
var name = (n) => codeSpan(n, NAME_MAX_CHARS);
function rangeText2(n) {
  return `[${num(n.range.lo)}, ${num(n.range.hi)}]${n.range.log ? " (log scale)" : ""}`;
}
function boundaryText(n) {
  const where = `The best ${name(n.param)} values sit at the ${n.end} end of ${rangeText2(n)}`;
  const bound = n.end === "low" ? "min" : "max";
  if (n.kind === "widen")
    return n.atLimit ? `\u{1F4D0} ${where}: widen ${bound} to ${num(n.suggested)}, as far as ${name(n.param)} goes.` : `\u{1F4D0} ${where}: widen ${bound}, to about ${num(n.suggested)}.`;
  if (n.kind === "hard-limit")
    return `\u{1F4D0} ${where}, but ${num(n.limit)} is as far as ${name(n.param)} goes (a hard limit): the best is there, so keep ${bound} at ${num(n.limit)}.`;
  return `\u26A0\uFE0F ${where}, and so do ${n.failed} failed trials: that edge is unstable rather than good. Do not widen it; try a warm-up or a smaller range.`;
}
var CURVE_TEXT = {
  "still-improving": "still improving at the last epoch: train longer (more epochs).",
  overfitting: "the monitored metric worsens after its best epoch (overfitting): regularise (dropout, weight decay) or stop early.",
  noisy: "noisy last epochs (the metric jumps up and down from epoch to epoch): try a smaller learning rate or a bigger batch."
};
function curveText(n) {
  const which = n.trials.map((t) => `#${t}`).join(", ");
  return `\u{1F4C8} Training curves of the best trials (${which}, ${n.trials.length} of ${n.of} read): ${CURVE_TEXT[n.check]}`;
}
function importanceBlock(imp, finished) {
  if (imp.length === 0)
    return finished < IMPORTANCE_MIN_TRIALS ? `<sub>Importance needs at least ${IMPORTANCE_MIN_TRIALS} finished trials.</sub>` : "";
  const rows = imp.map((p) => [cell(p.name, NAME_MAX_CHARS), `${(p.importance * 100).toFixed(0)}%`, `${(p.explained * 100).toFixed(0)}%`]);
  const table = markdownTable([["Parameter", "Importance", "Explains alone"], ...rows], { align: ["l", "r", "r"] });
  const top = Math.min(100, Math.ceil(imp[0].importance * 100 / 10) * 10 || 10);
  const chart = mermaid([
    BLUE,
    "xychart-beta",
    '  title "Parameter importance"',
    `  x-axis [${imp.map((p) => `"${safe(p.name)}"`).join(", ")}]`,
    `  y-axis "importance (%)" 0 --> ${top}`,
    `  bar [${imp.map((p) => (p.importance * 100).toFixed(1)).join(", ")}]`
  ]);
  return `**Importance**

${table}

${chart}

<sub>Each parameter\u2019s main effect on the metric\u2019s ranking (the first-order terms of a functional ANOVA, fitted jointly over grouped values and bias-corrected), normalised to 100%; \u201CExplains alone\u201D is the share of the ranking\u2019s variance its own effect accounts for. Deterministic: the same trials give the same numbers. Interactions are credited to no parameter.</sub>`;
}
function axisBlocks(r, space, imp) {
  const order = imp.length > 0 ? imp.filter((p) => p.importance >= AXIS_MIN_IMPORTANCE).map((p) => p.name) : space.map((p) => p.name);
  const axes = order.map((n) => space.find((p) => p.name === n)).map((p) => p ? axisOf(p, r.trials, r.metric) : void 0).filter((a) => a !== void 0).slice(0, MAX_AXES);
  return axes.map((a) => axisChart(a, r.metric.name, r.metric.goal));
}
function axisChart(a, metric, goal) {
  const y = yAxis(a.buckets.map((b) => b.best));
  const scale2 = a.range.log ? "log scale" : "linear scale";
  return mermaid([
    BLUE,
    "xychart-beta",
    `  title "Best ${safe(metric)} by ${safe(a.param)} (${goal === "maximize" ? "higher" : "lower"} is better)"`,
    `  x-axis "${safe(a.param)} (${scale2}, bucket middles)" [${a.buckets.map((b) => `"${label(b.at)}"`).join(", ")}]`,
    `  y-axis "${safe(metric)}${y.label}" ${y.lo} --> ${y.hi}`,
    `  bar [${a.buckets.map((b) => y.fmt(b.best)).join(", ")}]`
  ]);
}
function costBlock(r, withChart) {
  const points = costPoints(r.trials, r.metric);
  if (points.length < 2) return "";
  const onFront = points.filter((p) => p.front);
  const list2 = onFront.map((p) => `#${p.number} (${duration(p.durationMs)}, ${num(p.value)})`).join(", ");
  const sentence = `On the Pareto front (the best ${cell(r.metric.name, NAME_MAX_CHARS)} for the time spent): ${list2}; the other ${points.length - onFront.length} finished trials took as long or longer for less.`;
  if (!withChart) return `**Cost beside quality**: ${sentence}`;
  const front = [];
  for (const p of points) front.push(p.front ? p.value : front.at(-1));
  const y = yAxis(points.map((p) => p.value));
  const x = points.length <= MAX_LABELS2 ? `x-axis "training time" [${points.map((p) => `"${duration(p.durationMs)}"`).join(", ")}]` : `x-axis "finished trials, fastest to slowest" 1 --> ${points.length}`;
  const chart = mermaid([
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#afb8c1, #0969da"}}}}%%',
    "xychart-beta",
    `  title "${safe(r.metric.name)} against training time"`,
    `  ${x}`,
    `  y-axis "${safe(r.metric.name)}${y.label}" ${y.lo} --> ${y.hi}`,
    `  bar [${points.map((p) => y.fmt(p.value)).join(", ")}]`,
    `  line [${front.map((v) => y.fmt(v)).join(", ")}]`
  ]);
  return `**Cost beside quality**

${chart}

<sub>Grey: each finished trial\u2019s ${cell(r.metric.name, NAME_MAX_CHARS)}, fastest to slowest; blue: the best so far, the Pareto front. ${sentence}</sub>`;
}
function batchBlock(r, space) {
  const b = batchRows(r.trials, space, r.metric);
  if (!b) return "";
  const f = columnFormat(b.rows.map((x) => x.best));
  const rows = b.rows.map((x) => [cell(x.batchSize), String(x.trials), duration(x.msPerEpoch), f(x.best)]);
  const table = markdownTable(
    [[cell(b.name, NAME_MAX_CHARS), "Trials", "Time per epoch (median)", `Best ${cell(r.metric.name, NAME_MAX_CHARS)}`], ...rows],
    {
      align: ["r", "r", "r", "r"]
    }
  );
  return `**Batch size: cost and quality**

${table}

<sub>Small batches take longer per epoch and may generalise better: the time per epoch is a trial\u2019s training time over its recorded epochs.</sub>`;
}
function yAxis(values) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(hi) * 0.05 || 1;
  lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
  hi = hi + pad;
  const { factor, label: label2 } = scaleOf(Math.max(Math.abs(lo), Math.abs(hi)));
  const decimals = decimalsFor2((hi - lo) / factor);
  const fmt2 = (v) => plain(v / factor, decimals);
  return { lo: fmt2(lo), hi: fmt2(hi), label: label2, fmt: fmt2 };
}
function label(x) {
  return Number.isInteger(x) ? String(x) : num(Number(x.toPrecision(2)));
}
function mermaid(lines) {
  return ["```mermaid", ...lines, "```"].join("\n");
}

// src/report/replay-only.ts
function searchSummary(r, c) {
  const name2 = r.metric.name;
  if (!r.best) {
    const main = c?.metrics.find((m) => m.metric === name2)?.baseline;
    return `the search ran on main only (a replay-only PR), main\u2019s best ${inline(name2)} = **${main === void 0 ? "n/a" : num(main)}**`;
  }
  const bestValue = r.best.metrics[name2];
  const seeds = r.best.samples[name2]?.length ?? 1;
  const searched2 = searchTrials(r.trials).length;
  return `best ${inline(name2)} = **${bestValue === void 0 ? "n/a" : num(bestValue)}**${seeds > 1 ? ` (mean of ${seeds} seeds)` : ""} over ${searched2} trial${searched2 === 1 ? "" : "s"}`;
}
var REPLAY_ONLY_BEST_LABEL = "**Search result: main\u2019s best** (this PR ran no search, so it has no best of its own: rules on it cannot be evaluated)";
function mainParamsSection(c) {
  const base = c?.baselineParams;
  if (!base || Object.keys(base).length === 0) return "";
  const rows = Object.keys(base).sort().map((n) => [cell(n), cell(base[n])]);
  return `**Best hyperparameters: main\u2019s** (the search ran on main only; the replay trained these)

${markdownTable([["Parameter", "main"], ...rows])}`;
}
function replayOnlyTrialsLine(r) {
  const sha = r.replayOnly?.mainSha ? ` (${codeSpan(r.replayOnly.mainSha.slice(0, 7))})` : "";
  return `**Trials**: none: a replay-only PR (\`pr.search: false\`), the search ran on main only${sha}`;
}
function replayOnlyWarnings(r, c) {
  if (!r.replayOnly) return [];
  const onBest = (c?.metrics ?? []).filter((m) => m.threshold !== void 0 && (m.on === "best" || m.on === "both"));
  if (onBest.length === 0) return [];
  const names2 = onBest.map((m) => `${m.metric} (on: ${m.on})`).join(", ");
  return [
    `Rules on this PR\u2019s best cannot be evaluated on a replay-only PR, which runs no search, so they fail: ${names2}. Gate them on: champion, or let this PR search (pr.search: true).`
  ];
}

// src/report/metrics-section.ts
var STATUS_TEXT = {
  pass: "\u2705 pass",
  regressed: "\u274C regressed",
  "not-significant": "\u26A0\uFE0F worse, not significant",
  "no-baseline": "\u2014 no baseline",
  missing: "\u274C missing",
  failed: "\u274C replay failed",
  "not-comparable": "\u274C not comparable"
};
function gateCell(m, status, pValue, decides) {
  if (!m.threshold) return "not gated";
  const gate = `\u2264 ${formatThreshold(m.threshold)} worse`;
  const p = pValue === void 0 ? "" : `, ${pText(pValue)}`;
  return `${STATUS_TEXT[status]} (${gate}${p})${decides ? "" : " \xB7 not decisive"}`;
}
function metricsSection(r, c) {
  const goalOf = (m) => m === r.metric.name ? goalArrow(r.metric.goal) : "";
  if (!c?.hasBaseline) {
    const names2 = orderMetrics(Object.keys(r.best?.metrics ?? {}), r.metric.name);
    if (names2.length === 0) return "";
    const rows = names2.map((n) => [
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
    const head = `**Gate: main\u2019s best config, replayed on this PR** (${ch.of !== void 0 && ch.of > ch.seeds ? `${ch.seeds} of ${ch.of}` : ch.seeds} seeds, paired seed by seed${ch.cached === ch.seeds ? ", all from the cache" : ch.cached > 0 ? `, ${ch.cached} from the cache` : ""})`;
    const rows = c.metrics.filter((m) => m.champion).map((m) => {
      const p = m.champion;
      const shown = p.status === "failed" || p.status === "missing";
      const f = columnFormat([p.baseline, p.current]);
      return [
        cell(m.metric) + (m.threshold || m.metric === r.metric.name ? goalArrow(m.goal) : ""),
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
  if (r.replayOnly && !c.metrics.some((m) => m.decidedBy === "best" || m.decidedBy === "both")) return parts.join("\n\n");
  const bestRows = c.metrics.map((m) => {
    const f = columnFormat([m.baseline, m.current]);
    return [
      cell(m.metric) + (m.threshold || m.metric === r.metric.name ? goalArrow(m.goal) : ""),
      m.baseline === void 0 ? "\u2014" : f(m.baseline),
      m.current === void 0 ? "\u2014" : f(m.current),
      m.delta === void 0 ? "\u2014" : `${signedWith(f, m.delta)}${m.relDelta === void 0 ? "" : ` (${relative(m.relDelta, m.baseline)})`}`,
      gateCell(m, m.bestStatus, m.pValue, m.decidedBy !== "champion")
    ];
  });
  const label2 = r.replayOnly ? REPLAY_ONLY_BEST_LABEL : c.champion?.state === "replayed" ? "**Search result: this PR\u2019s best vs main\u2019s best** (what the tuning found; the gate above decides unless a rule says `on: best`)" : "**Metrics: this PR\u2019s best vs main\u2019s best**";
  parts.push(`${label2}

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
function orderMetrics(names2, first) {
  return [...names2].sort((a, b) => a === first ? -1 : b === first ? 1 : a.localeCompare(b));
}

// src/report/shards.ts
var MAX_NAMED = 10;
function shardsLine(r) {
  const s = r.shards;
  if (!s) return [];
  const head = `**Shards**: ${s.merged.length} of ${s.count} merged`;
  if (s.problems.length === 0) return [head];
  const named = s.problems.slice(0, MAX_NAMED).map((p) => `shard ${p.index}/${s.count} (${inline(cap(p.why, TEXT_MAX_CHARS))})`);
  const more = s.problems.length > MAX_NAMED ? `, and ${s.problems.length - MAX_NAMED} more` : "";
  return [`${head} \xB7 \u274C not merged: ${named.join("; ")}${more}`];
}

// src/report/cost.ts
function costLine(cost) {
  const { trainings: t, epochs: e } = cost;
  const estimated = new Set(e?.estimated ?? []);
  const epochs = (key) => e ? ` (${estimated.has(key) ? "\u2248 " : ""}${count(e[key], "epoch")})` : "";
  const saved = SAVERS.filter(([key]) => t[key] > 0).map(([key, by]) => `${t[key]} by ${by}${epochs(key)}`);
  return `**Cost**: ${count(t.spent, "training")}${epochs("spent")} \xB7 ${saved.length > 0 ? `saved ${saved.join(", ")}` : "nothing saved"}`;
}
var SAVERS = [
  ["cache", "the cache"],
  ["sequentialStop", "the sequential stop"],
  ["replayOnly", "replay-only"]
];
function count(n, unit2) {
  return `${n.toLocaleString("en-US")} ${unit2}${n === 1 ? "" : "s"}`;
}
var STOP_TEXT = {
  trials: "the trial budget was used up",
  minutes: "the time budget cut the sweep short",
  target: "the metric target was reached",
  exhausted: "the search space was exhausted"
};
function budgetLine(r, searched2) {
  if (r.replayOnly) return [];
  const s = r.stats;
  const trials = s.budget.trials !== void 0 ? `${searched2} of ${s.budget.trials} trials` : `${searched2} trials`;
  const time = s.budget.minutes !== void 0 ? `${duration(s.wallMs)} of ${duration(s.budget.minutes * 6e4)}` : duration(s.wallMs);
  return [`**Budget**: ${trials}, ${time}; stopped because ${STOP_TEXT[s.stopReason]}`];
}

// src/report/run-section.ts
function runSection(r, baselineNote) {
  const search = searchTrials(r.trials);
  const repeats = r.trials.filter((t) => t.repeat > 0);
  const count2 = (ts, status) => ts.filter((t) => t.status === status).length;
  const trained = r.trials.filter((t) => !t.cached).length;
  const lines = [
    r.replayOnly ? replayOnlyTrialsLine(r) : `**Trials**: ${search.length} searched: ${count2(search, "complete")} finished, ${count2(search, "pruned")} stopped early (pruned), ${count2(search, "failed")} failed \xB7 ${trained} trained, ${r.trials.length - trained} from the cache`,
    ...repeats.length > 0 ? [
      `**Repeats**: ${repeats.length} reruns of the finalists on more seeds (${count2(repeats, "complete")} finished), outside the trial budget`
    ] : [],
    ...seedRunsLine(r),
    ...shardsLine(r),
    ...r.cost ? [costLine(r.cost)] : [],
    ...budgetLine(r, search.length),
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
      `**Champion replay**: main\u2019s best params on ${r.replay.sequential && r.replay.sequential.of > r.replay.runs.length ? `${r.replay.runs.length} of main\u2019s ${r.replay.sequential.of}` : `main\u2019s ${r.replay.runs.length}`} seeds (${counts(r.replay.runs)}), outside the trial budget`
    ];
  if (r.replaySkipped) return [`**Champion replay**: none, ${inline(cap(r.replaySkipped, TEXT_MAX_CHARS))}`];
  if (r.champion)
    return [
      `**Champion**: the best params on ${r.champion.runs.length} held-out seeds (${counts(r.champion.runs)}), recorded for the gate of later PRs`
    ];
  return [];
}

// src/report/top-trials.ts
var MAX_PARAM_COLUMNS = 4;
function topTrialsSection(r, n) {
  const { name: name2, goal } = r.metric;
  const trials = searchTrials(r.trials);
  const valued = (t) => t.status !== "failed" && t.metrics[name2] !== void 0;
  const loss = (t) => goal === "maximize" ? -t.metrics[name2] : t.metrics[name2];
  const ranked = trials.map((t, i) => ({ t, i })).sort((a, b) => Number(valued(b.t)) - Number(valued(a.t)) || (valued(a.t) ? loss(a.t) - loss(b.t) : 0) || a.i - b.i).slice(0, n);
  if (ranked.length === 0) return "";
  const allNames = [...new Set(ranked.flatMap(({ t }) => Object.keys(t.params)))].sort();
  const fold = allNames.length > MAX_PARAM_COLUMNS;
  const same = (p) => ranked.length > 1 && ranked.every(({ t }) => JSON.stringify(t.params[p]) === JSON.stringify(ranked[0].t.params[p]));
  const paramNames = fold ? allNames.filter((p) => !same(p)) : allNames;
  const shared = fold ? allNames.filter(same) : [];
  const f = columnFormat(ranked.map(({ t }) => t.metrics[name2]));
  const header = ["#", cell(name2) + goalArrow(goal), "Status", ...fold ? ["Hyperparameters"] : paramNames.map((p) => cell(p)), "Time"];
  const rows = ranked.map(({ t, i }) => [
    String(i + 1),
    t.metrics[name2] === void 0 || t.status === "failed" ? "\u2014" : `${f(t.metrics[name2])}${t.status === "pruned" ? " (partial)" : ""}`,
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
  { topTrials: TOP_TRIALS, chart: true, failures: "full", landscape: "open" },
  { topTrials: TOP_TRIALS, chart: true, failures: "full", landscape: "folded" },
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
  warnings.push(...replayOnlyWarnings(r, c));
  if (warnings.length > 0) parts.push(warnings.map((w) => `> [!WARNING]
> ${inline(cap(w, TEXT_MAX_CHARS))}`).join("\n\n"));
  parts.push(metricsSection(r, c));
  parts.push(replayNotes(c));
  parts.push(paramsSection(r, c));
  parts.push(runSection(r, input.baselineNote));
  if (r.stages) parts.push(stagesSection(r.stages, r.metric.name));
  if (layout.chart) {
    const points = searchTrials(r.trials).map((t, i) => ({
      trial: i + 1,
      status: t.status,
      value: t.metrics[r.metric.name],
      ...r.stages ? { stage: t.stage } : {}
    }));
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
  if (layout.landscape) parts.push(landscapeSection(r, input.space, layout.landscape));
  parts.push(failuresSection(searchTrials(r.trials), layout.failures));
  const tail = input.runUrl ? [`[Workflow run](${input.runUrl.replace(/[()\s]/g, encodeURIComponent)})`] : [];
  return { head, body: parts, tail };
}
function verdict(input) {
  const { results: r, comparison: c } = input;
  const name2 = r.metric.name;
  if (!r.best && finishedWithoutMetric(r))
    return `\u{1F50E} Sweep done: ${r.stats.trials} trials ran (${r.stats.failed} failed). The config has no \`metric:\` (W&B allows that for grid and random sweeps), so no trial is best and nothing is compared or gated.`;
  if (!r.best && !r.replayOnly) return `\u274C **No trial finished**: ${inline(noTrialVerdict(r))}`;
  const summary = searchSummary(r, c);
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
  const main = c.metrics.find((m) => m.metric === name2);
  const direction = main?.improved ? "better than" : main?.delta === 0 ? "the same as" : main?.delta !== void 0 ? "worse than (not gated)" : "not comparable with (main has no value for it)";
  return `\u2705 **No gate rules**, so nothing is gated: ${summary}, ${direction} main.`;
}
function rulesNote(c) {
  const s = loosenedSentence(c?.loosened);
  return s ? ` ${inline(s.charAt(0).toUpperCase() + s.slice(1))}.` : "";
}
function paramsSection(r, c) {
  const current = r.best?.params;
  if (!current) return r.replayOnly ? mainParamsSection(c) : "";
  const base = c?.hasBaseline ? c.baselineParams : void 0;
  const names2 = [.../* @__PURE__ */ new Set([...Object.keys(base ?? {}), ...Object.keys(current)])].sort();
  if (names2.length === 0) return "";
  if (!base) {
    return `**Best hyperparameters**

${markdownTable([["Parameter", "Value"], ...names2.map((n) => [cell(n), cell(current[n])])])}`;
  }
  const rows = names2.map((n) => {
    const changed = JSON.stringify(base[n]) !== JSON.stringify(current[n]);
    return [cell(n), cell(base[n]), changed ? `**${cell(current[n])}**` : cell(current[n])];
  });
  return `**Best hyperparameters: main vs this PR** (changes in bold)

${markdownTable([["Parameter", "main", "PR"], ...rows])}`;
}
function paramsLine(p) {
  return Object.entries(p).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ");
}

// src/core/study/stage-plan.ts
var DEFAULT_TRIALS = 20;
function planStages(config) {
  const { space, stages, method } = config;
  if (stages.length === 0) return [{ space, method }];
  const byName = new Map(space.map((p) => [p.name, p]));
  const fallback = (m) => m === "grid" || config.budget.trials !== void 0 ? void 0 : DEFAULT_TRIALS;
  const planned = stages.map((s) => {
    const m = s.method ?? method;
    const params = s.parameters.map((n) => byName.get(n)).filter((p) => p !== void 0);
    const trials = s.trials ?? fallback(m);
    return {
      space: s.values === "decades" ? params.map((p) => ({ name: p.name, dist: decadeDistribution(p.dist) })) : params,
      method: m,
      ...trials !== void 0 ? { trials } : {},
      ...s.earlyTerminate ? { earlyTerminate: s.earlyTerminate } : {},
      ...s.refine ? { refine: true } : {},
      ...s.configs ? { configs: s.configs } : {},
      ...s.why ? { why: s.why } : {}
    };
  });
  const named = new Set(stages.flatMap((s) => s.parameters));
  const rest = space.filter((p) => !named.has(p.name) && p.dist.values()?.length !== 1);
  if (rest.length > 0) {
    const trials = fallback(method);
    planned.push({ space: rest, method, ...trials !== void 0 ? { trials } : {} });
  }
  return planned;
}
function plannedTrials(config) {
  if (config.stages.length === 0) return Number.POSITIVE_INFINITY;
  return planStages(config).reduce((n, s) => n + (s.trials ?? gridSize(s.space)), 0);
}

// src/core/study/shard.ts
var MAX_SHARDS = 256;
var SPLIT_METHODS = ["grid", "random", "quasirandom", "manual"];
function isSplitMethod(method) {
  return SPLIT_METHODS.includes(method);
}
function parseShard(text) {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return `must be i/n (shard i of n, like 1/3) but got '${text}'`;
  const [index, count2] = [Number(m[1]), Number(m[2])];
  if (count2 < 1 || count2 > MAX_SHARDS) return `must have 1 to ${MAX_SHARDS} shards (n in i/n) but got '${text}'`;
  if (index < 1 || index > count2) return `must have i from 1 to n (1-based) but got '${text}'`;
  return { index, count: count2 };
}
function shardLabel(shard) {
  return `${shard.index}/${shard.count}`;
}
function shardPosition(index, count2, k) {
  return index - 1 + k * count2;
}
function shardItems(items, shard) {
  if (!shard) return [...items];
  return items.filter((_, p) => p % shard.count === shard.index - 1);
}
function shardCap(cap2, shard) {
  if (!shard || !Number.isFinite(cap2)) return cap2;
  return Math.max(0, Math.ceil((cap2 - (shard.index - 1)) / shard.count));
}
function shardSamplerSeed(seed, method, shard) {
  if (!shard || shard.count === 1 || isSplitMethod(method)) return seed;
  return deriveSeed("shard", seed, shard.index, shard.count);
}
function splitSampler(inner, method, shard) {
  if (!shard || shard.count === 1 || !isSplitMethod(method)) return inner;
  return new EveryNth(inner, shard);
}
var EveryNth = class {
  constructor(inner, shard) {
    this.inner = inner;
    this.shard = shard;
    this.name = inner.name;
  }
  inner;
  shard;
  name;
  points = [];
  done = false;
  ask(history, pending) {
    const want = shardPosition(this.shard.index, this.shard.count, history.length + pending.length);
    while (!this.done && this.points.length <= want) {
      const seen = this.points.map((params) => ({ params, status: "complete", value: void 0, curve: [] }));
      const next = this.inner.ask(seen, []);
      if (next === void 0) this.done = true;
      else this.points.push(next);
    }
    return this.points[want];
  }
};
function unsplittable(config) {
  return [
    ...config.stages.length > 0 ? [{ key: "stages", why: "cannot be split across shards: a stage starts from the best of every trial of the one before it" }] : [],
    ...config.repeats > 1 ? [
      {
        key: "repeats",
        why: `cannot be split across shards, got ${config.repeats}: the finalists are the best of every shard's trials`
      }
    ] : []
  ];
}
function checkShardable(config, shard) {
  if (!shard || shard.count === 1) return;
  const issues = unsplittable(config).map(
    ({ key, why }) => configIssue(key, `${why} (shard ${shardLabel(shard)}); run it on one runner, or whole in the Action's report job (docs/shards.md)`)
  );
  if (issues.length > 0) throw new ConfigError(issues);
}

// src/core/trial.ts
var TRIAL_KEY_VERSION = 1;
function trialKey(params, seed, fingerprint) {
  return sha256Hex(canonicalJson({ version: TRIAL_KEY_VERSION, params, seed, fingerprint }));
}
function trialSeed(sweepSeed, params, repeat = 0) {
  return deriveSeed("trial", sweepSeed, canonicalJson(params), repeat);
}

// src/core/study/trial-run.ts
var STOP_GRACE_MS = 1e4;
async function runTrial(params, seed, repeat, stage, deps) {
  const { ports } = deps;
  const key = trialKey(params, seed, ports.objective.fingerprint);
  const hit = await safeGet(ports, key);
  if (hit && (hit.status !== "pruned" || deps.prunerId !== void 0 && hit.pruner === deps.prunerId))
    return toResult(hit, true, stage, repeat);
  const { record, cacheable } = await train(params, seed, key, deps);
  if (cacheable) {
    try {
      await ports.store.put(record);
    } catch (err) {
      ports.warn(`could not store trial ${key.slice(0, 12)}: ${errorText(err)}`);
    }
  }
  return toResult(record, false, stage, repeat);
}
async function safeGet(ports, key) {
  try {
    return await ports.store.get(key);
  } catch (err) {
    ports.warn(`trial store lookup failed for ${key.slice(0, 12)}, training instead: ${errorText(err)}`);
    return void 0;
  }
}
async function train(params, seed, key, deps) {
  const { ports, pruner, metricName, goal, deadline, timeoutMs } = deps;
  const history = [];
  let pruned = false;
  const controller = new AbortController();
  const cancel = (why) => () => controller.abort(why);
  const onAbort = cancel("the sweep was cancelled");
  ports.signal?.addEventListener("abort", onAbort);
  const started = ports.now();
  const overdue = () => deadline !== void 0 && ports.now() >= deadline;
  const timers = [
    deadline === void 0 ? void 0 : setTimeout(cancel("the minutes budget ran out"), Math.max(0, deadline - started)),
    timeoutMs === void 0 ? void 0 : setTimeout(cancel(new TrialTimeoutError(timeoutMs, formatDuration(timeoutMs))), timeoutMs)
  ];
  for (const t of timers) t?.unref?.();
  const ctx = {
    seed,
    signal: controller.signal,
    report(step, metrics) {
      if (overdue() && !controller.signal.aborted) controller.abort("the minutes budget ran out");
      history.push({ step, metrics: finiteOnly(metrics) });
      if (pruned) return true;
      if (pruner && metrics[metricName] !== void 0) {
        const curve = curveOf(history, metricName, goal);
        pruned = pruner.shouldPrune(curve, deps.others);
      }
      return pruned;
    }
  };
  const base = {
    key,
    params,
    seed,
    get backend() {
      return ports.objective.backend;
    }
  };
  const grace = ports.stopGraceMs ?? STOP_GRACE_MS;
  try {
    const result = await untilStopped(ports.objective.run(params, ctx), controller.signal, grace);
    const steps = history.length > 0 ? history : result.history ?? [];
    const metrics = finiteOnly(result.metrics);
    const status = pruned ? "pruned" : "complete";
    const prunedBy = pruned && deps.prunerId !== void 0 ? { pruner: deps.prunerId } : {};
    if (status === "complete" && metricName !== NO_METRIC && metrics[metricName] === void 0) {
      throw new TrialError(`objective returned no "${metricName}" (got ${Object.keys(result.metrics).join(", ") || "nothing"})`);
    }
    return { record: { ...base, status, metrics, history: steps, durationMs: ports.now() - started, ...prunedBy }, cacheable: true };
  } catch (err) {
    const lastMetrics = history.length > 0 ? history[history.length - 1].metrics : {};
    const cancelled = controller.signal.aborted;
    const why = controller.signal.reason;
    const timedOut = cancelled && why instanceof TrialTimeoutError;
    const error = timedOut ? `${why.name}: ${why.message}` : `${err instanceof Error ? err.name : "Error"}: ${cancelled ? `${errorText(err)} (${String(why)})` : errorText(err)}`;
    return {
      record: {
        ...base,
        status: "failed",
        metrics: lastMetrics,
        history,
        durationMs: ports.now() - started,
        error,
        cause: thrownCause(err, timedOut ? { timeout: why } : cancelled ? { cancelled: String(why) } : {}),
        reason: timedOut ? "timeout" : cancelled ? "cancelled" : "error"
      },
      cacheable: err instanceof TrialError && !err.transient && !cancelled
    };
  } finally {
    for (const t of timers) if (t) clearTimeout(t);
    ports.signal?.removeEventListener("abort", onAbort);
  }
}
function untilStopped(run, signal, graceMs) {
  let timer;
  let onAbort;
  const abandoned = new Promise((_, reject) => {
    onAbort = () => {
      timer = setTimeout(
        () => reject(
          new TrialError(`did not stop within ${formatDuration(graceMs)} of being told to; the sweep goes on without it`, {
            transient: true
          })
        ),
        graceMs
      );
      timer.unref?.();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([run, abandoned]).finally(() => {
    if (timer) clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  });
}
function toLoss(value, goal) {
  return goal === "maximize" ? -value : value;
}
function curveOf(history, metricName, goal) {
  const out = [];
  for (const h of history) {
    const v = h.metrics[metricName];
    if (v !== void 0 && Number.isFinite(v)) out.push({ step: h.step, value: toLoss(v, goal) });
  }
  return out;
}
function toResult(r, cached, stage, repeat) {
  return {
    key: r.key,
    params: r.params,
    status: r.status,
    metrics: r.metrics,
    cached,
    durationMs: r.durationMs,
    seed: r.seed,
    history: r.history,
    ...r.error !== void 0 ? { error: r.error } : {},
    ...r.cause !== void 0 ? { cause: r.cause } : {},
    ...r.reason !== void 0 ? { reason: r.reason } : {},
    stage,
    repeat
  };
}
function finiteOnly(m) {
  const out = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

// src/core/study/warm-start.ts
var WARM_METHODS = /* @__PURE__ */ new Set(["random", "quasirandom", "bayes", "tpe"]);
function planWarmStart(config, baseline, fingerprint) {
  const none = (why) => ({ configs: [], why });
  if (config.pr.warmStart === 0) return none("pr.warm_start is 0");
  if (!WARM_METHODS.has(config.method)) return none(`method ${config.method} chooses every point itself`);
  if (config.stages.length > 0) return none("stages search their parameters in turn");
  const best = baseline?.best;
  if (!baseline || !best) return none("there is no baseline best to start from");
  if (trialKey(best.params, trialSeed(config.seed, best.params), fingerprint) === best.key)
    return none("main's trials are still this PR's: the cache serves them");
  const configs = topConfigs(baseline, config.space, config.pr.warmStart);
  return {
    configs,
    why: configs.length > 0 ? `main's trials cannot be reused here, so the search starts from main's best ${configs.length} configuration${configs.length === 1 ? "" : "s"}` : "none of main's best configurations is inside this PR's search space"
  };
}
function topConfigs(baseline, space, n) {
  const { name: name2, goal } = baseline.metric;
  const ranked = baseline.trials.filter((t) => t.repeat === 0 && t.status === "complete" && t.metrics[name2] !== void 0).sort((a, b) => toLoss(a.metrics[name2], goal) - toLoss(b.metrics[name2], goal)).map((t) => t.params);
  const candidates = baseline.best ? [baseline.best.params, ...ranked] : ranked;
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const params of candidates) {
    if (out.length >= n) break;
    const inside = inSpace(params, space);
    if (!inside) continue;
    const id2 = canonicalJson(inside);
    if (seen.has(id2)) continue;
    seen.add(id2);
    out.push(inside);
  }
  return out;
}
function inSpace(params, space) {
  const out = {};
  for (const { name: name2, dist } of space) {
    const v = params[name2];
    if (v === void 0 || !dist.contains(v)) return void 0;
    out[name2] = v;
  }
  return out;
}
function withWarmStart(sampler, configs) {
  if (configs.length === 0) return sampler;
  return {
    name: sampler.name,
    ask(history, pending) {
      const asked = history.length + pending.length;
      return asked < configs.length ? configs[asked] : sampler.ask(history, pending);
    }
  };
}

// src/core/pruners/median.ts
var MedianPruner = class {
  constructor(settings) {
    this.settings = settings;
    const { warmupSteps, minTrials } = settings;
    if (!(warmupSteps >= 0) || !Number.isInteger(warmupSteps))
      throw new RangeError(`median: warmup steps must be an integer >= 0, got ${warmupSteps}`);
    if (!(minTrials >= 1) || !Number.isInteger(minTrials))
      throw new RangeError(`median: min trials must be an integer >= 1, got ${minTrials}`);
  }
  settings;
  name = "median";
  shouldPrune(curve, others) {
    if (curve.length <= this.settings.warmupSteps) return false;
    const step = curve[curve.length - 1].step;
    let best = Infinity;
    for (const p of curve) if (p.value < best) best = p.value;
    if (!Number.isFinite(best)) return false;
    const field = [];
    for (const o of others) {
      const v = valueAtStep(o, step);
      if (v !== void 0) field.push(v);
    }
    if (field.length < this.settings.minTrials) return false;
    return best > median2(field);
  }
};
function valueAtStep(curve, step) {
  const last = curve[curve.length - 1];
  if (!last || last.step < step) return void 0;
  let v;
  for (const p of curve) {
    if (p.step > step) break;
    if (Number.isFinite(p.value)) v = p.value;
  }
  return v;
}
function median2(values) {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m] : 0.5 * (values[m - 1] + values[m]);
}

// src/core/pruners/index.ts
function createPruner(et) {
  if (et === void 0) return void 0;
  switch (et.type) {
    case "hyperband": {
      const rungs = et.rungs ?? (et.maxIter !== void 0 && et.s !== void 0 ? hyperbandBands(et.maxIter, et.eta, et.s) : void 0);
      const minIter = rungs?.[0] ?? et.minIter;
      return new HyperbandPruner({
        minIter,
        eta: et.eta,
        ...et.maxIter !== void 0 ? { maxIter: et.maxIter } : {},
        ...rungs ? { rungs } : {},
        ...et.checkRungs ? { checkRungs: true } : {}
      });
    }
    case "median":
      return new MedianPruner({ warmupSteps: et.warmupSteps, minTrials: et.minTrials });
    default:
      throw new TypeError(`unknown early_terminate type ${JSON.stringify(et.type)} (known: hyperband, median)`);
  }
}

// src/core/samplers/space.ts
function encodeSpace(space) {
  return space.map(({ name: name2, dist: given }) => {
    const values = given.values();
    if (values !== void 0 && values.length === 1) return { type: "fixed", name: name2, dist: given, value: values[0] };
    const ordered = given.kind === "categorical" && values ? orderedNumbers(given, values) : void 0;
    const dist = ordered ? ordinalView(given, ordered) : given;
    if (dist.kind === "categorical") {
      if (values === void 0) throw new TypeError(`parameter ${name2}: a categorical distribution must list its values`);
      const keys = new Map(values.map((v, i) => [canonicalJson(v), i]));
      const prior = dist.probabilities ?? values.map(() => 1 / values.length);
      return { type: "categorical", name: name2, dist, choices: values, keys, prior };
    }
    if (dist.kind === "discrete" && values !== void 0) {
      const order = values.map((v, i) => ({ u: dist.toUnit(v), i })).sort((a, b) => a.u - b.u);
      return {
        type: "numeric",
        name: name2,
        dist,
        points: Float64Array.from(order, (o) => o.u),
        pointValues: order.map((o) => values[o.i])
      };
    }
    return { type: "numeric", name: name2, dist };
  });
}
function orderedNumbers(dist, values) {
  if (dist.probabilities || values.length < 3) return void 0;
  if (!values.every((v) => typeof v === "number" && Number.isFinite(v))) return void 0;
  return [...values].sort((a, b) => a - b);
}
function ordinalView(dist, sorted) {
  const rank = new Map(sorted.map((v, i) => [v, i]));
  const last = sorted.length - 1;
  return {
    name: dist.name,
    kind: "discrete",
    sample: (rng) => dist.sample(rng),
    values: () => dist.values(),
    contains: (v) => dist.contains(v),
    toUnit(v) {
      const i = typeof v === "number" ? rank.get(v) : void 0;
      if (i === void 0) throw new RangeError(`${dist.name}: ${JSON.stringify(v)} is not one of ${JSON.stringify(sorted)}`);
      return i / last;
    },
    fromUnit: (u) => sorted[Math.round(unit(u) * last)]
  };
}
function modelDims(dims) {
  return dims.filter((d) => d.type !== "fixed");
}
function floorIndex(sorted, v) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (hi - lo > 1) {
    const mid = lo + hi >> 1;
    if (sorted[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}
function nearestPoint(points, u) {
  const lo = floorIndex(points, u);
  const hi = Math.min(lo + 1, points.length - 1);
  return Math.abs(u - points[lo]) <= Math.abs(points[hi] - u) ? lo : hi;
}
function snap(dim, x) {
  if (dim.type === "categorical") return x;
  const u = x < 0 ? 0 : x > 1 ? 1 : x;
  if (dim.points) return dim.points[nearestPoint(dim.points, u)];
  if (dim.dist.kind === "continuous") return u;
  return dim.dist.toUnit(dim.dist.fromUnit(u));
}
function toInternal(dim, value) {
  if (value === void 0 || !dim.dist.contains(value)) return void 0;
  if (dim.type === "categorical") {
    const i = dim.keys.get(canonicalJson(value));
    return i;
  }
  const u = dim.dist.toUnit(value);
  return Number.isFinite(u) ? u : void 0;
}
function fromInternal(dim, x) {
  if (dim.type === "categorical") return dim.choices[x];
  const u = x < 0 ? 0 : x > 1 ? 1 : x;
  if (dim.points) return dim.pointValues[nearestPoint(dim.points, u)];
  const v = dim.dist.fromUnit(u);
  if (dim.dist.contains(v)) return v;
  return dim.dist.fromUnit(Math.min(1 - 1e-9, Math.max(1e-9, u)));
}
function paramsOf(dims, x) {
  const out = {};
  let j = 0;
  for (const d of dims) out[d.name] = d.type === "fixed" ? d.value : fromInternal(d, x[j++]);
  return out;
}
function internalOf(dims, params) {
  const out = [];
  for (const d of dims) {
    if (d.type === "fixed") continue;
    const x = toInternal(d, params[d.name]);
    if (x === void 0) return void 0;
    out.push(x);
  }
  return out;
}
function paramsKey(space, params) {
  const picked = {};
  for (const { name: name2 } of space) if (params[name2] !== void 0) picked[name2] = params[name2];
  return canonicalJson(picked);
}
function usedKeys(space, history, pending) {
  const used = /* @__PURE__ */ new Set();
  for (const o of history) used.add(paramsKey(space, o.params));
  for (const p of pending) used.add(paramsKey(space, p));
  return used;
}
function historyDigest(space, history, pending) {
  const h = history.map((o) => paramsKey(space, o.params)).sort();
  const p = pending.map((q) => paramsKey(space, q)).sort();
  return sha256Hex(`${h.join("\n")}\0${p.join("\n")}`);
}
function askedDigest(space, history, pending) {
  const all = [...history.map((o) => paramsKey(space, o.params)), ...pending.map((q) => paramsKey(space, q))].sort();
  return sha256Hex(`${all.join("\n")}\0`);
}
function observedValue(o) {
  if (o.status === "failed") return void 0;
  const v = o.value ?? (o.status === "pruned" ? o.curve[o.curve.length - 1]?.value : void 0);
  return v !== void 0 && Number.isFinite(v) ? v : void 0;
}

// src/core/samplers/design.ts
function latinHypercube(dims, size, rng, tries = 32) {
  let best = [];
  let bestSpread = -Infinity;
  for (let t = 0; t < tries; t++) {
    const points = Array.from({ length: size }, () => new Float64Array(dims.length));
    dims.forEach((dim, d) => {
      const strata = rng.shuffle(Array.from({ length: size }, (_, i) => i));
      for (let i = 0; i < size; i++) {
        const u = (strata[i] + rng.next()) / size;
        points[i][d] = dim.type === "categorical" ? Math.min(dim.choices.length - 1, Math.floor(u * dim.choices.length)) : snap(dim, u);
      }
    });
    const spread = minDistance(dims, points);
    if (spread > bestSpread) {
      best = points;
      bestSpread = spread;
    }
  }
  return best;
}
function minDistance(dims, points) {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      let s = 0;
      for (let d = 0; d < dims.length; d++) {
        const a = points[i][d];
        const b = points[j][d];
        s += dims[d].type === "categorical" ? a === b ? 0 : 1 : (a - b) * (a - b);
      }
      min = Math.min(min, s);
    }
  }
  return min;
}

// src/core/samplers/finite.ts
var FiniteSpace = class _FiniteSpace {
  constructor(space, supports) {
    this.space = space;
    this.supports = supports;
    this.total = supports.reduce((n, s) => n * s.length, 1);
    this.lookup = supports.map((s) => new Map(s.map((v, i) => [canonicalJson(v), i])));
  }
  space;
  total;
  supports;
  lookup;
  /** Index of a configuration, or undefined when some value is not in its support (or is missing). */
  indexOf(params) {
    let index = 0;
    for (let i = 0; i < this.space.length; i++) {
      const v = params[this.space[i].name];
      if (v === void 0) return void 0;
      const j = this.lookup[i].get(canonicalJson(v));
      if (j === void 0) return void 0;
      index = index * this.supports[i].length + j;
    }
    return index;
  }
  /** The finite view of `space`, or undefined when some parameter has no (listable) finite support. */
  static of(space) {
    const supports = space.map((p) => p.dist.values());
    if (supports.some((s) => s === void 0 || s.length === 0)) return void 0;
    return new _FiniteSpace(space, supports);
  }
  combination(index) {
    const out = {};
    let rest = index;
    for (let i = this.space.length - 1; i >= 0; i--) {
      const s = this.supports[i];
      out[this.space[i].name] = s[rest % s.length];
      rest = Math.floor(rest / s.length);
    }
    return Object.fromEntries(this.space.map((p) => [p.name, out[p.name]]));
  }
};
var MAX_PERMUTATION = 2 ** 52;
var Permutation = class {
  constructor(n, seed) {
    this.n = n;
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_PERMUTATION)
      throw new RangeError(`Permutation: size must be an integer in [1, 2^52], got ${n}`);
    const bits = Math.max(2, Math.ceil(Math.log2(n)));
    this.half = Math.ceil(bits / 2);
    this.mask = 2 ** this.half - 1;
    this.keys = Array.from({ length: 6 }, (_, r) => deriveSeed("feistel", seed, r));
  }
  n;
  half;
  mask;
  keys;
  at(k) {
    if (!(k >= 0 && k < this.n)) throw new RangeError(`Permutation.at: index must be in [0, ${this.n}), got ${k}`);
    let x = k;
    do
      x = this.encrypt(x);
    while (x >= this.n);
    return x;
  }
  encrypt(x) {
    const m = 2 ** this.half;
    let left = Math.floor(x / m);
    let right = x % m;
    for (const key of this.keys) {
      const f = mix(right, key) & this.mask;
      [left, right] = [right, (left ^ f) >>> 0];
    }
    return left * m + right;
  }
};
function mix(value, key) {
  let h = (value ^ key) >>> 0;
  h = Math.imul(h ^ h >>> 16, 2146121005) >>> 0;
  h = Math.imul(h ^ h >>> 15, 2221713035) >>> 0;
  h = Math.imul(h ^ key ^ h >>> 16, 2654435761) >>> 0;
  return (h ^ h >>> 15) >>> 0;
}

// src/core/samplers/linalg.ts
function cholesky(a, n) {
  const original = a.slice();
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += a[i * n + i];
  meanDiag = Math.max(meanDiag / Math.max(n, 1), 1e-300);
  let jitter = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) {
      a.set(original);
      jitter = meanDiag * 10 ** (attempt - 11);
      for (let i = 0; i < n; i++) a[i * n + i] += jitter;
    }
    if (choleskyOnce(a, n)) return jitter;
  }
  throw new RangeError(`cholesky: matrix is not positive definite even with jitter ${jitter}`);
}
function choleskyOnce(a, n) {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s * inv;
    }
    for (let k = j + 1; k < n; k++) a[rj + k] = 0;
  }
  return true;
}
function forwardSolve(l, n, b) {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[ri + k] * b[k];
    b[i] = s / l[ri + i];
  }
  return b;
}
function backSolve(l, n, b) {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
  return b;
}
function choleskyInverse(l, n) {
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[ri + k] * li[k * n + j];
      li[ri + j] = s / l[ri + i];
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i] * li[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
function lbfgs(fg, x0, maxIter = 50, memory = 7) {
  const n = x0.length;
  let x = x0.slice();
  let g = new Float64Array(n);
  let f = fg(x, g);
  if (!Number.isFinite(f)) return { x, f, iterations: 0 };
  const ss = [];
  const ys = [];
  const rhos = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(memory);
  let it = 0;
  for (; it < maxIter; it++) {
    if (norm(g) < 1e-6) break;
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = ss.length - 1; k >= 0; k--) {
      alpha[k] = rhos[k] * dot(ss[k], d);
      axpy(-alpha[k], ys[k], d);
    }
    if (ss.length > 0) {
      const last = ss.length - 1;
      scale(d, dot(ss[last], ys[last]) / dot(ys[last], ys[last]));
    } else {
      scale(d, 1 / Math.max(1, norm(g)));
    }
    for (let k = 0; k < ss.length; k++) {
      const beta = rhos[k] * dot(ys[k], d);
      axpy(alpha[k] - beta, ss[k], d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      ss.length = ys.length = rhos.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i] / Math.max(1, norm(g));
      slope = dot(g, d);
    }
    let t = 1;
    const xn = new Float64Array(n);
    const gn = new Float64Array(n);
    let fn = Infinity;
    for (let ls = 0; ls < 25; ls++) {
      for (let i = 0; i < n; i++) xn[i] = x[i] + t * d[i];
      fn = fg(xn, gn);
      if (Number.isFinite(fn) && fn <= f + 1e-4 * t * slope) break;
      t *= 0.5;
      fn = Infinity;
    }
    if (!Number.isFinite(fn)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      if (ss.length === memory) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
    }
    const improvement = f - fn;
    x = xn;
    g = gn;
    f = fn;
    if (improvement < 1e-9 * Math.max(1, Math.abs(f))) break;
  }
  return { x, f, iterations: it };
}
function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function norm(a) {
  return Math.sqrt(dot(a, a));
}
function axpy(alpha, x, y) {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}
function scale(a, s) {
  for (let i = 0; i < a.length; i++) a[i] *= s;
}

// src/core/samplers/gp.ts
var SQRT5 = Math.sqrt(5);
var NOISE_FLOOR = 1e-6;
function hyperPrior(dims) {
  return {
    lengthMean: Math.log(0.5) + 0.5 * Math.log(Math.max(1, dims)),
    lengthSd: 1.2,
    signalMean: 0,
    signalSd: 1.5,
    noiseMean: Math.log(1e-4),
    noiseSd: 3
  };
}
function matern52(r2) {
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + 5 / 3 * r2) * Math.exp(-SQRT5 * r);
}
function pairDistances(data) {
  const { x, n, dims, categorical } = data;
  const out = new Float64Array(dims * n * (n - 1) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      for (let d = 0; d < dims; d++) {
        const a = x[i * dims + d];
        const b = x[j * dims + d];
        out[p * dims + d] = categorical[d] ? a === b ? 0 : 1 : (a - b) * (a - b);
      }
    }
  }
  return out;
}
function makeObjective(data, d2) {
  const { n, dims, y } = data;
  const pairs = n * (n - 1) / 2;
  const prior = hyperPrior(dims);
  const kf = new Float64Array(pairs);
  const gk = new Float64Array(pairs);
  const w = new Float64Array(dims);
  const k = new Float64Array(n * n);
  return (theta, grad) => {
    for (let d = 0; d < dims; d++) w[d] = Math.exp(-2 * theta[d]);
    const sf2 = Math.exp(theta[dims]);
    const en = Math.exp(theta[dims + 1]);
    const sn2 = NOISE_FLOOR + en;
    if (!Number.isFinite(sf2) || !Number.isFinite(sn2) || w.some((v) => !Number.isFinite(v) || v === 0)) return Infinity;
    let p = 0;
    for (let i = 0; i < n; i++) {
      k[i * n + i] = sf2 + sn2;
      for (let j = i + 1; j < n; j++, p++) {
        let r2 = 0;
        const o = p * dims;
        for (let d = 0; d < dims; d++) r2 += w[d] * d2[o + d];
        const r = Math.sqrt(r2);
        const e = Math.exp(-SQRT5 * r);
        const kv = sf2 * (1 + SQRT5 * r + 5 / 3 * r2) * e;
        kf[p] = kv;
        gk[p] = sf2 * (5 / 3) * (1 + SQRT5 * r) * e;
        k[j * n + i] = kv;
      }
    }
    try {
      cholesky(k, n);
    } catch {
      return Infinity;
    }
    const alpha = backSolve(k, n, forwardSolve(k, n, y.slice()));
    let nll = 0.5 * n * Math.log(2 * Math.PI);
    for (let i = 0; i < n; i++) nll += 0.5 * y[i] * alpha[i] + Math.log(k[i * n + i]);
    let penalty = 0;
    for (let d = 0; d < dims; d++) penalty += 0.5 * ((theta[d] - prior.lengthMean) / prior.lengthSd) ** 2;
    penalty += 0.5 * ((theta[dims] - prior.signalMean) / prior.signalSd) ** 2;
    penalty += 0.5 * ((theta[dims + 1] - prior.noiseMean) / prior.noiseSd) ** 2;
    if (!grad) return nll + penalty;
    const kinv = choleskyInverse(k, n);
    grad.fill(0);
    let diagW = 0;
    for (let i = 0; i < n; i++) diagW += alpha[i] * alpha[i] - kinv[i * n + i];
    let offSignal = 0;
    p = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, p++) {
        const wij = alpha[i] * alpha[j] - kinv[i * n + j];
        offSignal += wij * kf[p];
        const m = wij * gk[p];
        if (m !== 0) {
          const o = p * dims;
          for (let d = 0; d < dims; d++) grad[d] -= m * d2[o + d];
        }
      }
    }
    for (let d = 0; d < dims; d++) grad[d] = grad[d] * w[d] + (theta[d] - prior.lengthMean) / prior.lengthSd ** 2;
    grad[dims] = -0.5 * (diagW * sf2 + 2 * offSignal) + (theta[dims] - prior.signalMean) / prior.signalSd ** 2;
    grad[dims + 1] = -0.5 * diagW * en + (theta[dims + 1] - prior.noiseMean) / prior.noiseSd ** 2;
    return nll + penalty;
  };
}
function subset(data, idx) {
  const x = new Float64Array(idx.length * data.dims);
  const y = new Float64Array(idx.length);
  idx.forEach((r, i) => {
    x.set(data.x.subarray(r * data.dims, (r + 1) * data.dims), i * data.dims);
    y[i] = data.y[r];
  });
  return { ...data, x, y, n: idx.length };
}
function fitHyper(data, rng, opts) {
  let fitData = data;
  if (data.n > opts.maxPoints) {
    const order = Array.from({ length: data.n }, (_, i) => i).sort((a, b) => data.y[a] - data.y[b] || a - b);
    const nBest = Math.floor(opts.maxPoints / 4);
    const rest = rng.shuffle(order.slice(nBest)).slice(0, opts.maxPoints - nBest);
    fitData = subset(
      data,
      [...order.slice(0, nBest), ...rest].sort((a, b) => a - b)
    );
  }
  const dims = data.dims;
  const prior = hyperPrior(dims);
  const objective = makeObjective(fitData, pairDistances(fitData));
  const centre = new Float64Array(dims + 2);
  centre.fill(prior.lengthMean, 0, dims);
  centre[dims] = prior.signalMean;
  centre[dims + 1] = prior.noiseMean;
  const starts = [{ theta: centre, f: objective(centre, void 0) }];
  for (let s = 0; s < opts.screen; s++) {
    const t = new Float64Array(dims + 2);
    for (let d = 0; d < dims; d++) t[d] = prior.lengthMean + prior.lengthSd * rng.normal();
    t[dims] = prior.signalMean + 0.5 * prior.signalSd * rng.normal();
    t[dims + 1] = prior.noiseMean + 0.5 * prior.noiseSd * rng.normal();
    starts.push({ theta: t, f: objective(t, void 0) });
  }
  const [first, ...others] = starts;
  others.sort((a, b) => a.f - b.f);
  let best = { x: first.theta, f: first.f };
  for (const s of [first, ...others.slice(0, Math.max(0, opts.restarts - 1))]) {
    if (!Number.isFinite(s.f)) continue;
    const r = lbfgs((t, g) => objective(t, g), s.theta, opts.maxIter);
    if (r.f < best.f || !Number.isFinite(best.f)) best = { x: r.x, f: r.f };
  }
  const theta = best.x;
  return {
    logLengths: theta.slice(0, dims),
    logSignal: clampLog(theta[dims]),
    logNoise: clampLog(theta[dims + 1])
  };
}
function clampLog(v) {
  return Number.isFinite(v) ? Math.min(20, Math.max(-30, v)) : 0;
}
var GpPosterior = class _GpPosterior {
  constructor(data, hyper) {
    this.data = data;
    this.hyper = hyper;
    const { n, dims } = data;
    this.w = Float64Array.from(hyper.logLengths, (l) => Math.exp(-2 * l));
    this.signal = Math.exp(hyper.logSignal);
    const noise = NOISE_FLOOR + Math.exp(hyper.logNoise);
    const k = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      k[i * n + i] = this.signal + noise;
      for (let j = 0; j < i; j++) k[i * n + j] = this.kernel(data.x, i * dims, data.x, j * dims);
    }
    cholesky(k, n);
    this.chol = k;
    this.alpha = backSolve(k, n, forwardSolve(k, n, data.y.slice()));
    this.kbuf = new Float64Array(n);
  }
  data;
  hyper;
  chol;
  alpha;
  w;
  signal;
  kbuf;
  kernel(a, ao, b, bo) {
    const { dims, categorical } = this.data;
    let r2 = 0;
    for (let d = 0; d < dims; d++) {
      const u = a[ao + d];
      const v = b[bo + d];
      r2 += this.w[d] * (categorical[d] ? u === v ? 0 : 1 : (u - v) * (u - v));
    }
    return this.signal * matern52(r2);
  }
  /** Posterior mean and variance of the latent function at x (length dims). */
  predict(x) {
    const { n, dims } = this.data;
    const kv = this.kbuf;
    let mean3 = 0;
    for (let i = 0; i < n; i++) {
      kv[i] = this.kernel(x, 0, this.data.x, i * dims);
      mean3 += kv[i] * this.alpha[i];
    }
    const l = this.chol;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      let s = kv[i];
      for (let j = 0; j < i; j++) s -= l[ri + j] * kv[j];
      s /= l[ri + i];
      kv[i] = s;
      q += s * s;
    }
    return { mean: mean3, variance: Math.max(this.signal - q, 1e-12 * this.signal) };
  }
  /** The same hyperparameters over extra (fantasised) points. */
  extend(x, y) {
    const n = this.data.n + y.length;
    const xs = new Float64Array(n * this.data.dims);
    xs.set(this.data.x);
    xs.set(x, this.data.x.length);
    const ys = new Float64Array(n);
    ys.set(this.data.y);
    ys.set(y, this.data.n);
    return new _GpPosterior({ ...this.data, x: xs, y: ys, n }, this.hyper);
  }
};

// src/core/samplers/normal.ts
var ERX = 0.8450629115104675;
var PP = [
  0.12837916709551256,
  -0.3250421072470015,
  -0.02848174957559851,
  -0.005770270296489442,
  -23763016656650163e-21
];
var QQ = [
  0.39791722395915535,
  0.0650222499887673,
  0.005081306281875766,
  13249473800432164e-20,
  -3960228278775368e-21
];
var PA = [
  -0.0023621185607526594,
  0.41485611868374833,
  -0.3722078760357013,
  0.31834661990116175,
  -0.11089469428239668,
  0.035478304325618236,
  -0.002166375594868791
];
var QA = [
  0.10642088040084423,
  0.540397917702171,
  0.07182865441419627,
  0.12617121980876164,
  0.01363708391202905,
  0.011984499846799107
];
var RA = [
  -0.009864944034847148,
  -0.6938585727071818,
  -10.558626225323291,
  -62.375332450326006,
  -162.39666946257347,
  -184.60509290671104,
  -81.2874355063066,
  -9.814329344169145
];
var SA = [
  19.651271667439257,
  137.65775414351904,
  434.56587747522923,
  645.3872717332679,
  429.00814002756783,
  108.63500554177944,
  6.570249770319282,
  -0.0604244152148581
];
var RB = [
  -0.0098649429247001,
  -0.799283237680523,
  -17.757954917754752,
  -160.63638485582192,
  -637.5664433683896,
  -1025.0951316110772,
  -483.5191916086514
];
var SB = [
  30.33806074348246,
  325.7925129965739,
  1536.729586084437,
  3199.8582195085955,
  2553.0504064331644,
  474.52854120695537,
  -22.44095244658582
];
function poly2(c, s) {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * s + c[i];
  return r;
}
function erfcTail(x) {
  const s = 1 / (x * x);
  const [r, q] = x < 1 / 0.35 ? [poly2(RA, s), 1 + s * poly2(SA, s)] : [poly2(RB, s), 1 + s * poly2(SB, s)];
  return Math.exp(-x * x - 0.5625) * Math.exp(r / q) / x;
}
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -56) return 1 - x;
    const z = x * x;
    const y = poly2(PP, z) / (1 + z * poly2(QQ, z));
    return x < 0.25 ? 1 - (x + x * y) : 0.5 - (x - 0.5 + x * y);
  }
  if (a < 1.25) {
    const s = a - 1;
    const pq = poly2(PA, s) / (1 + s * poly2(QA, s));
    return x >= 0 ? 1 - ERX - pq : 1 + ERX + pq;
  }
  if (a >= 28) return x > 0 ? 0 : 2;
  const t = erfcTail(a);
  return x > 0 ? t : 2 - t;
}
var SQRT1_2 = Math.SQRT1_2;
var LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
function normCdf(z) {
  return 0.5 * erfc(-z * SQRT1_2);
}
function normPdf(z) {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}
function normLogPdf(z) {
  return -0.5 * z * z - LOG_SQRT_2PI;
}
var ICDF_A = [
  -39.69683028665376,
  220.9460984245205,
  -275.9285104469687,
  138.357751867269,
  -30.66479806614716,
  2.506628277459239
];
var ICDF_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
var ICDF_C = [
  -0.007784894002430293,
  -0.3223964580411365,
  -2.400758277161838,
  -2.549732539343734,
  4.374664141464968,
  2.938163982698783
];
var ICDF_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
function hornerHigh(c, q) {
  let r = 0;
  for (const v of c) r = r * q + v;
  return r;
}
function normIcdf(p) {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  let x;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = hornerHigh(ICDF_C, q) / (hornerHigh(ICDF_D, q) * q + 1);
  } else if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -hornerHigh(ICDF_C, q) / (hornerHigh(ICDF_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = hornerHigh(ICDF_A, r) * q / (hornerHigh(ICDF_B, r) * r + 1);
  }
  const e = x <= 0 ? normCdf(x) - p : 1 - p - normCdf(-x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
function logNormCdf(z) {
  if (z > -5) return Math.log(normCdf(z));
  const x = -z;
  return normLogPdf(x) + Math.log(millsRatio(x));
}
function millsRatio(x) {
  return 1 / (x + tailFraction(x));
}
function tailFraction(x) {
  let t = 0;
  for (let k = 120; k >= 2; k--) t = k / (x + t);
  return 1 / (x + t);
}
function logGaussMass(a, b) {
  if (b <= 0) {
    const lb = logNormCdf(b);
    const la = logNormCdf(a);
    return la === -Infinity ? lb : lb + Math.log1p(-Math.exp(la - lb));
  }
  if (a >= 0) return logGaussMass(-b, -a);
  return Math.log(1 - normCdf(a) - normCdf(-b));
}
function logH(z) {
  if (z > -3) return Math.log(normPdf(z) + z * normCdf(z));
  const x = -z;
  const t = tailFraction(x);
  return normLogPdf(x) - Math.log(x + t) + Math.log(t);
}
function logEI(mu, sigma, best) {
  return Math.log(sigma) + logH((best - mu) / sigma);
}

// src/core/samplers/pruned-value.ts
function prunedStandIn(o, history, complete) {
  const last = o.curve[o.curve.length - 1];
  if (complete.length === 0 || !last || !Number.isFinite(last.value)) return void 0;
  let better2 = 0;
  let peers = 0;
  for (const h of history) {
    if (h === o) continue;
    const v = valueReached(h, last.step);
    if (v === void 0) continue;
    peers++;
    if (v < last.value) better2++;
  }
  const q = peers === 0 ? 0.5 : better2 / peers;
  return Math.max(quantile2(complete, q), quantile2(complete, 0.5));
}
function valueReached(o, step) {
  for (const p of o.curve) if (p.step >= step) return Number.isFinite(p.value) ? p.value : void 0;
  return void 0;
}
function quantile2(values, q) {
  const s = values.slice().sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

// src/core/samplers/random.ts
var REJECTION_TRIES = 64;
function drawUnused(space, rng, used, finite2) {
  let last;
  for (let t = 0; t < REJECTION_TRIES; t++) {
    last = drawPrior(space, rng);
    if (!used.has(paramsKey(space, last))) return last;
  }
  if (!finite2) return last;
  const perm = new Permutation(finite2.total, rng.uint32());
  const start = Math.floor(rng.next() * finite2.total);
  for (let k = 0; k < finite2.total; k++) {
    const params = finite2.combination(perm.at((start + k) % finite2.total));
    if (!used.has(paramsKey(space, params))) return params;
  }
  return void 0;
}
function drawPrior(space, rng) {
  const out = {};
  for (const { name: name2, dist } of space) out[name2] = dist.sample(rng);
  return out;
}
var RandomSampler = class {
  constructor(space, seed) {
    this.space = space;
    this.seed = seed;
    this.finite = FiniteSpace.of(space);
  }
  space;
  seed;
  name = "random";
  finite;
  ask(history, pending) {
    const rng = new Rng(deriveSeed("random", this.seed, history.length + pending.length, askedDigest(this.space, history, pending)));
    return drawUnused(this.space, rng, usedKeys(this.space, history, pending), this.finite);
  }
};

// src/core/samplers/transform.ts
function transformTargets(values, kind) {
  switch (kind) {
    case "standardize":
      return standardize(values);
    case "yeo-johnson":
      return yeoJohnson(values);
    case "copula":
      return copula(values);
    case "log":
      return logWarp(values);
  }
}
function standardize(values) {
  const n = values.length;
  let mean3 = 0;
  for (let i = 0; i < n; i++) mean3 += values[i];
  mean3 /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - mean3) ** 2;
  const sd = Math.sqrt(v / n) || 1;
  return Float64Array.from({ length: n }, (_, i) => (values[i] - mean3) / sd);
}
function yjOne(y, lambda) {
  if (y >= 0) return Math.abs(lambda) < 1e-8 ? Math.log1p(y) : ((1 + y) ** lambda - 1) / lambda;
  return Math.abs(lambda - 2) < 1e-8 ? -Math.log1p(-y) : -((1 - y) ** (2 - lambda) - 1) / (2 - lambda);
}
function yeoJohnson(values) {
  const z = standardize(values);
  const jac = (lambda) => {
    let s = 0;
    for (const v of z) s += Math.sign(v) * Math.log1p(Math.abs(v));
    return (lambda - 1) * s;
  };
  const ll = (lambda) => {
    const t = Float64Array.from(z, (v) => yjOne(v, lambda));
    let mean3 = 0;
    for (const v of t) mean3 += v;
    mean3 /= t.length;
    let var_ = 0;
    for (const v of t) var_ += (v - mean3) ** 2;
    var_ /= t.length;
    return -0.5 * t.length * Math.log(Math.max(var_, 1e-300)) + jac(lambda);
  };
  let best = 1;
  let bestLl = -Infinity;
  for (let lambda = -2; lambda <= 2 + 1e-9; lambda += 0.1) {
    const v = ll(lambda);
    if (v > bestLl) [best, bestLl] = [lambda, v];
  }
  for (let step = 0.05; step > 1e-3; step /= 2) {
    for (const cand of [best - step, best + step]) {
      const v = ll(cand);
      if (v > bestLl) [best, bestLl] = [cand, v];
    }
  }
  return standardize(Float64Array.from(z, (v) => yjOne(v, best)));
}
function copula(values) {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const q = ((i + j) / 2 + 0.5) / n;
    for (let k = i; k <= j; k++) out[order[k]] = normIcdf(q);
    i = j + 1;
  }
  return standardize(out);
}
function logWarp(values) {
  const s = values.slice().sort((a, b) => a - b);
  const min = s[0];
  const spread = s[Math.floor(0.75 * (s.length - 1))] - s[Math.floor(0.25 * (s.length - 1))] || Math.abs(min) || 1;
  const c = 0.1 * spread;
  return standardize(values.map((v) => Math.log(v - min + c)));
}

// src/core/samplers/bayes.ts
var DEFAULTS = { candidates: 1e3, localStarts: 5, fitPoints: 80, restarts: 2, enumerateLimit: 5e3, transform: "yeo-johnson" };
var BayesSampler = class {
  constructor(space, seed, options = {}) {
    this.space = space;
    this.seed = seed;
    this.dims = encodeSpace(space);
    this.model = modelDims(this.dims);
    this.finite = FiniteSpace.of(space);
    this.opts = { initialTrials: Math.max(5, this.model.length + 1), ...DEFAULTS, ...definedOnly2(options) };
    this.design = latinHypercube(this.model, this.opts.initialTrials, new Rng(deriveSeed("bayes-design", seed)));
  }
  space;
  seed;
  name = "bayes";
  dims;
  model;
  finite;
  opts;
  design;
  ask(history, pending) {
    const used = usedKeys(this.space, history, pending);
    const rng = new Rng(deriveSeed("bayes", this.seed, history.length + pending.length, historyDigest(this.space, history, pending)));
    if (this.model.length === 0) return drawUnused(this.space, rng, used, this.finite);
    const data = this.observations(history);
    if (data.y.length < this.opts.initialTrials) {
      for (const x of this.design) {
        const params = paramsOf(this.dims, x);
        if (!used.has(paramsKey(this.space, params))) return params;
      }
      return drawUnused(this.space, rng, used, this.finite);
    }
    return this.propose(data, pending, used, rng) ?? drawUnused(this.space, rng, used, this.finite);
  }
  /** Model inputs and raw targets. Pruned trials: their rank where they stopped, on the complete trials' scale. */
  observations(history) {
    const complete = history.filter((o) => o.status === "complete").map(observedValue).filter((v) => v !== void 0);
    const x = [];
    const y = [];
    for (const o of history) {
      let v = observedValue(o);
      const xi = internalOf(this.dims, o.params);
      if (v === void 0 || xi === void 0) continue;
      if (o.status === "pruned") v = prunedStandIn(o, history, complete) ?? v;
      x.push(Float64Array.from(xi));
      y.push(v);
    }
    return { x, y };
  }
  propose(obs, pending, used, rng) {
    const dims = this.model.length;
    const n = obs.y.length;
    const y = transformTargets(obs.y, this.opts.transform);
    let worst = -Infinity;
    for (const v of y) worst = Math.max(worst, v);
    for (let i = 0; i < n; i++) y[i] = y[i] - worst;
    const x = new Float64Array(n * dims);
    obs.x.forEach((row, i) => x.set(row, i * dims));
    const data = { x, y, n, dims, categorical: Uint8Array.from(this.model, (d) => d.type === "categorical" ? 1 : 0) };
    const hyper = fitHyper(data, new Rng(rng.uint32()), {
      maxPoints: this.opts.fitPoints,
      restarts: this.opts.restarts,
      screen: 8,
      maxIter: 50
    });
    let post = new GpPosterior(data, hyper);
    post = this.fantasise(post, pending);
    let best = Infinity;
    for (const v of y) best = Math.min(best, v);
    const acq = (p) => {
      const { mean: m, variance } = post.predict(p);
      return logEI(m, Math.sqrt(variance), best);
    };
    if (this.finite && this.finite.total <= this.opts.enumerateLimit) return this.bestOfAll(acq, used);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[a] - y[b]);
    const candidates = this.candidates(
      rng,
      order.slice(0, 5).map((i) => obs.x[i])
    );
    const scored2 = candidates.map((c) => ({ x: c, score: acq(c) }));
    scored2.sort((a, b) => b.score - a.score);
    const refined = scored2.slice(0, this.opts.localStarts).map((p) => this.refine(p, acq, 30 * dims + 30));
    const all = [...refined, ...scored2].sort((a, b) => b.score - a.score);
    for (const p of all) {
      const params = paramsOf(this.dims, p.x);
      if (!used.has(paramsKey(this.space, params))) return params;
    }
    return void 0;
  }
  /** Kriging believer: each in-flight trial is added at its posterior mean, one after another. */
  fantasise(post, pending) {
    let out = post;
    for (const p of pending) {
      const xi = internalOf(this.dims, p);
      if (xi === void 0) continue;
      const x = Float64Array.from(xi);
      out = out.extend(x, Float64Array.of(out.predict(x).mean));
    }
    return out;
  }
  bestOfAll(acq, used) {
    let best;
    let bestScore = -Infinity;
    for (let i = 0; i < this.finite.total; i++) {
      const params = this.finite.combination(i);
      if (used.has(paramsKey(this.space, params))) continue;
      const xi = internalOf(this.dims, params);
      if (xi === void 0) continue;
      const s = acq(Float64Array.from(xi));
      if (best === void 0 || s > bestScore) {
        best = params;
        bestScore = s;
      }
    }
    return best;
  }
  /** Uniform points plus Gaussian perturbations of the best observations at three scales. */
  candidates(rng, incumbents) {
    const out = [];
    for (let i = 0; i < this.opts.candidates; i++) {
      out.push(Float64Array.from(this.model, (d) => d.type === "categorical" ? rng.int(d.choices.length) : snap(d, rng.next())));
    }
    const scales = [0.01, 0.05, 0.2];
    const nCat = this.model.filter((d) => d.type === "categorical").length;
    for (const inc of incumbents) {
      for (let j = 0; j < 60; j++) {
        const s = scales[j % scales.length];
        const c = inc.slice();
        this.model.forEach((d, k) => {
          if (d.type === "categorical") {
            if (rng.next() < 1 / (nCat + 1)) c[k] = rng.int(d.choices.length);
          } else if (rng.next() < 0.5 || this.model.length === 1) {
            c[k] = snap(d, c[k] + s * rng.normal());
          }
        });
        out.push(c);
      }
    }
    return out;
  }
  /**
   * Compass search on the acquisition: ± step on numeric dims (halving when no move helps), neighbouring
   * points on finite ordered dims, every other choice on categoricals; stops at step 1e-4 or the budget.
   */
  refine(start, acq, budget) {
    let x = start.x.slice();
    let f = start.score;
    let step = 0.1;
    let evals = 0;
    const tryMove = (cand) => {
      evals++;
      const v = acq(cand);
      if (v > f) {
        x = cand;
        f = v;
        return true;
      }
      return false;
    };
    while (step >= 1e-4 && evals < budget) {
      let improved = false;
      this.model.forEach((d, k) => {
        if (evals >= budget) return;
        if (d.type === "categorical") {
          for (let c = 0; c < d.choices.length; c++) {
            if (c === x[k]) continue;
            const cand = x.slice();
            cand[k] = c;
            improved = tryMove(cand) || improved;
          }
        } else if (d.points) {
          const i = nearestPoint(d.points, x[k]);
          for (const j of [i - 1, i + 1]) {
            if (j < 0 || j >= d.points.length) continue;
            const cand = x.slice();
            cand[k] = d.points[j];
            improved = tryMove(cand) || improved;
          }
        } else {
          for (const dir of [-1, 1]) {
            const cand = x.slice();
            cand[k] = snap(d, x[k] + dir * step);
            if (cand[k] === x[k]) continue;
            improved = tryMove(cand) || improved;
          }
        }
      });
      if (!improved) step /= 2;
    }
    return { x, score: f };
  }
};
function definedOnly2(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}

// src/core/samplers/grid.ts
var GridSampler = class {
  constructor(space, seed) {
    this.space = space;
    for (const { name: name2, dist } of space) {
      const values = dist.values();
      if (values === void 0 || values.length === 0)
        throw new ConfigError(
          `parameters.${name2}`,
          `grid search needs a finite set of values, but ${dist.name} has none listable; use \`values\` or a \`q\`/int distribution with at most 100000 values`
        );
    }
    this.finite = FiniteSpace.of(space);
    if (this.finite.total > MAX_PERMUTATION)
      throw new ConfigError("parameters", `grid search over ${this.finite.total} combinations is too large to enumerate (at most 2^52)`);
    this.order = new Permutation(this.finite.total, seed);
  }
  space;
  name = "grid";
  finite;
  order;
  /** Number of combinations the grid holds. */
  get size() {
    return this.finite.total;
  }
  ask(history, pending) {
    const used = /* @__PURE__ */ new Set();
    for (const p of [...history.map((o) => o.params), ...pending]) {
      const i = this.finite.indexOf(p);
      if (i !== void 0) used.add(i);
    }
    if (used.size >= this.finite.total) return void 0;
    for (let k = 0; k < this.finite.total; k++) {
      const index = this.order.at(k);
      if (!used.has(index)) return this.finite.combination(index);
    }
    return void 0;
  }
};

// src/core/samplers/manual.ts
var ManualSampler = class {
  constructor(space, configs) {
    this.space = space;
    this.configs = configs;
  }
  space;
  configs;
  name = "manual";
  ask(history, pending) {
    const config = this.configs[history.length + pending.length];
    if (config === void 0) return void 0;
    const out = {};
    for (const { name: name2 } of this.space) if (config[name2] !== void 0) out[name2] = config[name2];
    return out;
  }
};

// src/core/samplers/quasirandom.ts
var HALTON_SKIP = 100;
var WALK_SLACK = 1e3;
var QuasiRandomSampler = class {
  constructor(space, seed) {
    this.space = space;
    this.seed = seed;
    this.dims = space.map(({ name: name2, dist }) => {
      const values = dist.values();
      return values?.length === 1 ? { name: name2, dist, fixed: values[0] } : { name: name2, dist };
    });
    this.halton = new ScrambledHalton(this.dims.filter((d) => d.fixed === void 0).length, seed);
    this.finite = FiniteSpace.of(space);
  }
  space;
  seed;
  name = "quasirandom";
  dims;
  halton;
  finite;
  /** The distinct configurations of the sequence so far, and how far it was walked: a pure cache. */
  distinct = [];
  distinctKeys = /* @__PURE__ */ new Set();
  walked = 0;
  /** The configuration at position `index` of the raw sequence (duplicates included). */
  point(index) {
    const u = this.halton.at(HALTON_SKIP + index);
    const out = {};
    let j = 0;
    for (const d of this.dims) out[d.name] = d.fixed !== void 0 ? d.fixed : valueAt(d.dist, u[j++]);
    return out;
  }
  ask(history, pending) {
    const used = usedKeys(this.space, history, pending);
    const asked = history.length + pending.length;
    const maxWalk = 4 * (asked + used.size + 1) + WALK_SLACK;
    for (let rank = asked; ; rank++) {
      const p = this.distinctAt(rank, maxWalk);
      if (p === void 0) break;
      if (!used.has(paramsKey(this.space, p))) return p;
    }
    return this.finite ? this.enumerateUnused(used) : void 0;
  }
  /** The rank-th distinct configuration if the first `maxWalk` raw points reach it (the same answer however far earlier asks walked). */
  distinctAt(rank, maxWalk) {
    while (this.distinct.length <= rank && this.walked < maxWalk) {
      const at = this.walked++;
      const params = this.point(at);
      const key = paramsKey(this.space, params);
      if (this.distinctKeys.has(key)) continue;
      this.distinctKeys.add(key);
      this.distinct.push({ params, at });
    }
    const found = this.distinct[rank];
    return found && found.at < maxWalk ? found.params : void 0;
  }
  /** A small finite space the sequence keeps missing: the first unused combination in a seeded order. */
  enumerateUnused(used) {
    const finite2 = this.finite;
    const order = new Permutation(finite2.total, deriveSeed("quasirandom-rest", this.seed));
    for (let k = 0; k < finite2.total; k++) {
      const p = finite2.combination(order.at(k));
      if (!used.has(paramsKey(this.space, p))) return p;
    }
    return void 0;
  }
};
function valueAt(dist, u) {
  const values = dist.values();
  if (values && (dist.kind === "categorical" || dist.name === "int_uniform")) return values[cell2(u, dist.probabilities, values.length)];
  const v = dist.fromUnit(u);
  if (dist.contains(v)) return v;
  return dist.fromUnit(Math.min(1 - 1e-9, Math.max(1e-9, u)));
}
function cell2(u, weights, n) {
  if (!weights) return Math.min(n - 1, Math.floor(u * n));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < n - 1; i++) {
    acc += weights[i] / total;
    if (u < acc) return i;
  }
  return n - 1;
}
function firstPrimes(n) {
  const primes = [];
  for (let k = 2; primes.length < n; k++) if (primes.every((p) => p * p > k || k % p !== 0)) primes.push(k);
  return primes;
}
var ScrambledHalton = class {
  bases;
  permutations;
  shifts;
  constructor(dims, seed) {
    this.bases = firstPrimes(dims);
    const rngs = this.bases.map((_, d) => new Rng(deriveSeed("quasirandom", seed, d)));
    this.permutations = this.bases.map((b, d) => [0, ...rngs[d].shuffle(Array.from({ length: b - 1 }, (_, k) => k + 1))]);
    this.shifts = rngs.map((rng) => rng.next());
  }
  /** Point `index` (0-based; index 0 is Halton's n = 1, as 0 would be the origin). */
  at(index) {
    return this.bases.map((b, d) => {
      const perm = this.permutations[d];
      let n = index + 1;
      let f = 1 / b;
      let x = 0;
      while (n > 0) {
        x += f * perm[n % b];
        n = Math.floor(n / b);
        f /= b;
      }
      const shifted = x + this.shifts[d];
      return shifted >= 1 ? shifted - 1 : shifted;
    });
  }
};

// src/core/samplers/tpe.ts
var defaultGamma = (n) => Math.min(Math.ceil(0.1 * n), 25);
function defaultWeights(n) {
  if (n < 25) return Array.from({ length: n }, () => 1);
  const ramp = n - 25;
  return [
    ...Array.from({ length: ramp }, (_, i) => ramp === 1 ? 1 / n : 1 / n + (1 - 1 / n) * i / (ramp - 1)),
    ...Array.from({ length: 25 }, () => 1)
  ];
}
var DEFAULT_BANDWIDTH = 0.15;
function numericSupport(dim) {
  const p = dim.points;
  if (!p) return { low: 0, high: 1 };
  const edges = new Float64Array(p.length + 1);
  for (let i = 1; i < p.length; i++) edges[i] = 0.5 * (p[i - 1] + p[i]);
  edges[0] = p[0] - (edges[1] - p[0]);
  edges[p.length] = p[p.length - 1] + (p[p.length - 1] - edges[p.length - 1]);
  return { low: edges[0], high: edges[p.length], edges };
}
var ParzenEstimator = class {
  constructor(dims, supports, observations, priorWeight, bandwidth) {
    this.dims = dims;
    this.supports = supports;
    const n = observations.length;
    this.size = n + 1;
    const w = [...defaultWeights(n), priorWeight];
    const total = w.reduce((s, v) => s + v, 0);
    this.weights = w.map((v) => v / total);
    this.logWeights = Float64Array.from(this.weights, Math.log);
    const sigma0 = bandwidth * Math.max(n, 1) ** (-1 / (dims.length + 4));
    dims.forEach((dim, d) => {
      if (dim.type === "categorical") {
        const k = dim.choices.length;
        const rows = [];
        const fill = priorWeight / (n + 1);
        for (let c = 0; c <= n; c++) {
          const row = dim.prior.map((p) => fill * k * p);
          if (c < n) row[observations[c][d]] += 1;
          const s = row.reduce((a, b) => a + b, 0);
          rows.push(row.map((v) => v / s));
        }
        this.catP[d] = rows;
        this.catLogP[d] = rows.map((r) => Float64Array.from(r, Math.log));
        return;
      }
      const { low, high } = supports[d];
      const range = high - low;
      const mus = new Float64Array(n + 1);
      const sigmas = new Float64Array(n + 1);
      const minSigma = range / Math.min(100, 1 + n + 1);
      for (let c = 0; c < n; c++) {
        mus[c] = observations[c][d];
        sigmas[c] = Math.min(range, Math.max(minSigma, sigma0 * range));
      }
      mus[n] = 0.5 * (low + high);
      sigmas[n] = range;
      this.mus[d] = mus;
      this.sigmas[d] = sigmas;
      this.logNorm[d] = Float64Array.from(mus, (m, c) => logGaussMass((low - m) / sigmas[c], (high - m) / sigmas[c]));
    });
  }
  dims;
  supports;
  logWeights;
  weights;
  mus = [];
  sigmas = [];
  logNorm = [];
  catLogP = [];
  catP = [];
  size;
  sample(rng) {
    const c = rng.weighted(this.weights);
    return Float64Array.from(this.dims, (dim, d) => {
      if (dim.type === "categorical") return rng.weighted(this.catP[d][c]);
      const { low, high, edges } = this.supports[d];
      const mu = this.mus[d][c];
      const sigma = this.sigmas[d][c];
      const pa = normCdf((low - mu) / sigma);
      const pb = normCdf((high - mu) / sigma);
      const p = Math.min(1 - 1e-16, Math.max(1e-300, pa + (pb - pa) * rng.next()));
      const v = Math.min(high, Math.max(low, mu + sigma * normIcdf(p)));
      if (edges) return dim.points[Math.min(dim.points.length - 1, Math.max(0, cellOf(edges, v)))];
      return snap(dim, v);
    });
  }
  logPdf(x) {
    let acc = -Infinity;
    const terms = new Float64Array(this.size);
    for (let c = 0; c < this.size; c++) {
      let s = this.logWeights[c];
      for (let d = 0; d < this.dims.length; d++) {
        const dim = this.dims[d];
        if (dim.type === "categorical") {
          s += this.catLogP[d][c][x[d]];
          continue;
        }
        const mu = this.mus[d][c];
        const sigma = this.sigmas[d][c];
        const { edges } = this.supports[d];
        if (edges) {
          const i = nearestPoint(dim.points, x[d]);
          s += logGaussMass((edges[i] - mu) / sigma, (edges[i + 1] - mu) / sigma) - this.logNorm[d][c];
        } else {
          s += normLogPdf((x[d] - mu) / sigma) - this.logNorm[d][c];
        }
      }
      terms[c] = s;
      if (s > acc) acc = s;
    }
    if (acc === -Infinity) return -Infinity;
    let sum = 0;
    for (let c = 0; c < this.size; c++) sum += Math.exp(terms[c] - acc);
    return acc + Math.log(sum);
  }
};
function compare(a, b) {
  return a === b ? 0 : a < b ? -1 : 1;
}
var cellOf = floorIndex;
var TpeSampler = class {
  constructor(space, seed, options = {}) {
    this.space = space;
    this.seed = seed;
    this.dims = encodeSpace(space);
    this.model = modelDims(this.dims);
    this.supports = this.model.map((d) => d.type === "numeric" ? numericSupport(d) : void 0);
    this.finite = FiniteSpace.of(space);
    this.startup = options.startupTrials ?? 10;
    this.candidates = options.eiCandidates ?? 24;
    this.gamma = options.gamma ?? defaultGamma;
    this.priorWeight = options.priorWeight ?? 1;
    this.bandwidth = options.bandwidth ?? DEFAULT_BANDWIDTH;
  }
  space;
  seed;
  name = "tpe";
  dims;
  model;
  supports;
  finite;
  startup;
  candidates;
  gamma;
  priorWeight;
  bandwidth;
  ask(history, pending) {
    const used = usedKeys(this.space, history, pending);
    const rng = new Rng(deriveSeed("tpe", this.seed, history.length + pending.length, historyDigest(this.space, history, pending)));
    const ranked = this.rank(history);
    if (this.model.length === 0 || ranked.length < this.startup) return drawUnused(this.space, rng, used, this.finite);
    const nBelow = Math.max(1, Math.min(ranked.length, this.gamma(ranked.length)));
    const sorted = ranked.slice().sort((a, b) => compare(a.tier, b.tier) || compare(a.value, b.value) || a.index - b.index);
    const below = sorted.slice(0, nBelow).sort((a, b) => a.index - b.index);
    const above = sorted.slice(nBelow).sort((a, b) => a.index - b.index).map((r) => r.x);
    for (const p of pending) {
      const xi = internalOf(this.dims, p);
      if (xi) above.push(Float64Array.from(xi));
    }
    const l = new ParzenEstimator(
      this.model,
      this.supports,
      below.map((r) => r.x),
      this.priorWeight,
      this.bandwidth
    );
    const g = new ParzenEstimator(this.model, this.supports, above, this.priorWeight, this.bandwidth);
    const scored2 = Array.from({ length: this.candidates }, () => {
      const x = l.sample(rng);
      return { x, score: l.logPdf(x) - g.logPdf(x) };
    }).sort((a, b) => b.score - a.score);
    for (const c of scored2) {
      const params = paramsOf(this.dims, c.x);
      if (!used.has(paramsKey(this.space, params))) return params;
    }
    return drawUnused(this.space, rng, used, this.finite);
  }
  rank(history) {
    const out = [];
    history.forEach((o, index) => {
      if (o.status === "failed") return;
      const xi = internalOf(this.dims, o.params);
      if (!xi) return;
      const x = Float64Array.from(xi);
      const v = observedValue(o);
      if (o.status === "complete") {
        if (v !== void 0) out.push({ index, x, tier: -Infinity, value: v });
        return;
      }
      const step = o.curve[o.curve.length - 1]?.step;
      out.push(v === void 0 || step === void 0 ? { index, x, tier: Infinity, value: 0 } : { index, x, tier: -step, value: v });
    });
    return out;
  }
};

// src/core/samplers/index.ts
function createSampler(method, space, seed, options = {}) {
  switch (method) {
    case "grid":
      return new GridSampler(space, seed);
    case "random":
      return new RandomSampler(space, seed);
    case "quasirandom":
      return new QuasiRandomSampler(space, seed);
    case "manual":
      if (!options.manual) throw new TypeError("method manual needs its configurations (options.manual)");
      return new ManualSampler(space, options.manual);
    case "tpe":
      return new TpeSampler(space, seed, options.tpe);
    case "bayes":
      return new BayesSampler(space, seed, options.bayes);
    default:
      throw new TypeError(
        `unknown search method ${JSON.stringify(method)} (known: manual, grid, random, quasirandom, bayes, tpe)`
      );
  }
}

// src/core/study/study.ts
var FINALISTS = 3;
function better(a, b, goal) {
  return goal === "maximize" ? a > b : a < b;
}
async function runStudy(config, ports) {
  const sweep = startSweep(config, ports);
  const stages = planStages(config);
  let fixed2 = {};
  let stopReason = "exhausted";
  const path = [];
  for (let s = 0; s < stages.length; s++) {
    const start = sweep.trials.length;
    const end = await runStage(sweep, stages[s], s, fixed2);
    const names2 = [...Object.keys(fixed2), ...stages[s].space.map((p) => p.name)];
    const next = bestSoFar(config, sweep.trials, end.stopped ? fixed2 : { ...fixed2, ...end.best }, names2);
    if (config.stages.length > 0) path.push(stageSummary(config, stages[s], fixed2, sweep.trials, start, next, path.at(-1)));
    if (end.stopped) {
      stopReason = end.stopped;
      break;
    }
    fixed2 = next;
    if (s === stages.length - 1) stopReason = end.exhausted ? "exhausted" : "trials";
  }
  const rerun = (t, repeat) => runTrial(t.params, trialSeed(config.seed, t.params, repeat), repeat, t.stage, {
    ...sweep.deps,
    pruner: void 0,
    prunerId: void 0,
    others: []
  });
  const { bestIndex, bestSamples, bestMetrics } = await repeatFinalists(config, sweep.trials, {
    rerun,
    record: sweep.record,
    outOfTime: sweep.outOfTime
  });
  return {
    trials: sweep.trials,
    bestIndex,
    bestSamples,
    bestMetrics,
    stopReason,
    wallMs: ports.now() - sweep.start,
    ...path.length > 0 ? { stages: path } : {}
  };
}
function bestSoFar(config, trials, searched2, names2) {
  const i = bestTrialIndex(trials, config.metric.name, config.metric.goal);
  return i < 0 ? searched2 : pick(trials[i].params, names2);
}
function stageSummary(config, stage, fixed2, trials, start, next, previous) {
  const { name: name2, goal } = config.metric;
  const i = bestTrialIndex(trials, name2, goal);
  const value = i < 0 ? void 0 : trials[i].metrics[name2];
  const searched2 = Object.fromEntries(
    stage.space.map((p) => [
      p.name,
      (stage.refine ? "refined " : "") + describeSearch(stage.refine ? refineDistribution(p.dist, fixed2[p.name]) : p.dist)
    ])
  );
  const gain = previous?.best !== void 0 && value !== void 0 ? goal === "maximize" ? value - previous.best : previous.best - value : void 0;
  return {
    method: stage.method,
    parameters: stage.space.map((p) => p.name),
    searched: searched2,
    fixed: Object.fromEntries(Object.entries(fixed2).filter(([k]) => !(k in searched2))),
    ...stage.trials !== void 0 ? { budget: stage.trials } : {},
    trials: trials.length - start,
    bestParams: pick(
      next,
      stage.space.map((p) => p.name)
    ),
    ...value !== void 0 ? { best: value } : {},
    ...gain !== void 0 ? { gain } : {},
    ...stage.why ? { why: stage.why } : {}
  };
}
function startSweep(config, ports) {
  const start = ports.now();
  const { name: metricName, goal } = config.metric;
  const pruner = createPruner(config.earlyTerminate);
  const prunerId = pruner ? canonicalJson(config.earlyTerminate ?? null) : void 0;
  const trials = [];
  const cap2 = shardCap(
    config.budget.trials ?? (config.method === "grid" || config.method === "manual" || config.stages.length > 0 ? Number.POSITIVE_INFINITY : DEFAULT_TRIALS),
    config.shard
  );
  const deadline = config.budget.minutes === void 0 ? void 0 : start + config.budget.minutes * 6e4;
  const total = Math.min(cap2, plannedTrials(config));
  const bestValue = () => {
    const i = bestTrialIndex(trials, metricName, goal);
    return i < 0 ? void 0 : trials[i].metrics[metricName];
  };
  const outOfTime = () => ports.signal?.aborted === true || deadline !== void 0 && ports.now() >= deadline;
  return {
    config,
    start,
    trials,
    cap: cap2,
    deps: { ports, pruner, prunerId, deadline, timeoutMs: config.trialTimeoutMs, metricName, goal },
    record(trial, phase) {
      trials.push(trial);
      if (!ports.progress) return;
      const now = ports.now();
      ports.progress({
        index: trials.length,
        total: Number.isFinite(total) ? total : void 0,
        trial,
        best: bestValue(),
        elapsedMs: now - start,
        remainingMs: deadline === void 0 ? void 0 : Math.max(0, deadline - now),
        phase,
        metric: metricName
      });
    },
    stopNow() {
      if (trials.length >= cap2) return "trials";
      if (outOfTime()) return "minutes";
      const b = bestValue();
      if (config.metric.target !== void 0 && b !== void 0 && !better(config.metric.target, b, goal)) return "target";
      return void 0;
    },
    outOfTime
  };
}
async function runStage(sweep, stage, s, fixed2) {
  const { config, trials } = sweep;
  const { metricName, goal } = sweep.deps;
  const base = { ...neutralParams(config.space), ...fixed2 };
  const space = stage.refine ? stage.space.map((p) => ({ name: p.name, dist: refineDistribution(p.dist, fixed2[p.name]) })) : stage.space;
  const seed = shardSamplerSeed(config.seed, stage.method, config.shard);
  const sampler = withWarmStart(
    splitSampler(
      createSampler(stage.method, space, deriveSeed("sampler", seed, s), { manual: stage.configs ?? config.configs ?? [] }),
      stage.method,
      config.shard
    ),
    // A shard asks by position in the seeded order (shard.ts): warm start is for the whole sweep on one runner.
    s === 0 && !config.shard ? config.warmStart ?? [] : []
  );
  const pruner = stage.earlyTerminate ? createPruner(stage.earlyTerminate) : sweep.deps.pruner;
  const prunerId = stage.earlyTerminate ? canonicalJson(stage.earlyTerminate) : sweep.deps.prunerId;
  const deps = { ...sweep.deps, pruner, prunerId };
  const stageStart = trials.length;
  const stageCap = stage.trials === void 0 ? sweep.cap : Math.min(sweep.cap, stageStart + stage.trials);
  const names2 = stage.space.map((p) => p.name);
  const parallel = Math.max(1, config.parallel ?? 1);
  const running = /* @__PURE__ */ new Map();
  const startNext = () => {
    const stageTrials2 = trials.slice(stageStart);
    const history = stageTrials2.map((t) => observe(t, names2, metricName, goal));
    const asked = sampler.ask(
      history,
      [...running.values()].map((p) => pick(p, names2))
    );
    if (asked === void 0) return false;
    const params = { ...base, ...asked };
    const others = stageTrials2.map((t) => curveOf(t.history, metricName, goal));
    running.set(runTrial(params, trialSeed(config.seed, params, 0), 0, s, { ...deps, others }), params);
    return true;
  };
  let exhausted = false;
  let reason;
  for (; ; ) {
    reason = sweep.stopNow();
    while (!reason && !exhausted && running.size < parallel && trials.length + running.size < stageCap) {
      if (!startNext()) {
        exhausted = true;
        break;
      }
      reason = sweep.stopNow();
    }
    if (running.size === 0) break;
    const [done] = running.keys();
    const trial = await done;
    running.delete(done);
    sweep.record(trial, "search");
  }
  if (reason) return { stopped: reason };
  const stageBest = bestTrialIndex(trials.slice(stageStart), metricName, goal);
  return { exhausted, best: stageBest >= 0 ? pick(trials[stageStart + stageBest].params, names2) : {} };
}
async function repeatFinalists(config, trials, run) {
  const { name: metricName, goal } = config.metric;
  const ranked = rankedTrialIndices(trials, metricName, goal);
  if (ranked.length === 0) return { bestIndex: -1, bestSamples: {}, bestMetrics: {} };
  const groups = /* @__PURE__ */ new Map();
  for (const i of ranked.slice(0, config.repeats > 1 ? FINALISTS : 1)) groups.set(i, [trials[i]]);
  for (let r = 1; r < config.repeats; r++) {
    for (const [i, group] of groups) {
      if (run.outOfTime()) break;
      const trial = await run.rerun(trials[i], r);
      run.record(trial, "repeat");
      group.push(trial);
    }
  }
  let bestIndex = -1;
  let bestMean = 0;
  let bestGroup = [];
  for (const [i, group] of groups) {
    const values = group.filter((t) => t.status === "complete").map((t) => t.metrics[metricName]);
    const m = mean2(values);
    if (bestIndex < 0 || better(m, bestMean, goal)) [bestIndex, bestMean, bestGroup] = [i, m, group];
  }
  const complete = bestGroup.filter((t) => t.status === "complete");
  const names2 = [...new Set(complete.flatMap((t) => Object.keys(t.metrics)))].sort();
  const bestSamples = {};
  const bestMetrics = {};
  for (const n of names2) {
    const values = complete.map((t) => t.metrics[n]).filter((v) => v !== void 0);
    bestSamples[n] = values;
    bestMetrics[n] = mean2(values);
  }
  return { bestIndex, bestSamples, bestMetrics };
}
function rankedTrialIndices(trials, metricName, goal) {
  return trials.map((t, i) => [t, i]).filter(([t]) => t.repeat === 0 && t.status === "complete" && t.metrics[metricName] !== void 0).sort(([a, ia], [b, ib]) => toLoss(a.metrics[metricName], goal) - toLoss(b.metrics[metricName], goal) || ia - ib).map(([, i]) => i);
}
function bestTrialIndex(trials, metricName, goal) {
  return rankedTrialIndices(trials, metricName, goal)[0] ?? -1;
}
function observe(t, names2, metricName, goal) {
  const v = t.metrics[metricName];
  const curve = curveOf(t.history, metricName, goal);
  const value = t.status === "failed" ? void 0 : v !== void 0 ? toLoss(v, goal) : curve.at(-1)?.value;
  return { params: pick(t.params, names2), status: t.status, value, curve };
}
function neutralParams(space) {
  const out = {};
  for (const p of space) {
    const values = p.dist.values();
    out[p.name] = p.dist.kind === "categorical" || values && values.length === 1 ? values[0] : p.dist.fromUnit(0.5);
  }
  return out;
}
function pick(params, names2) {
  const out = {};
  for (const n of names2) if (n in params) out[n] = params[n];
  return out;
}
function mean2(xs) {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

// src/core/study/seed-runs.ts
async function runSeeds(params, seeds, ports, metric, timeoutMs) {
  const runs = [];
  const trialPorts = {
    objective: ports.objective,
    store: ports.store,
    now: ports.now,
    warn: ports.warn,
    ...ports.signal ? { signal: ports.signal } : {}
  };
  const deps = {
    ports: trialPorts,
    pruner: void 0,
    prunerId: void 0,
    deadline: void 0,
    timeoutMs,
    others: [],
    metricName: metric.name,
    goal: metric.goal
  };
  for (const seed of seeds) {
    if (ports.signal?.aborted) break;
    const t = await runTrial(params, seed, 0, 0, deps);
    const run = {
      seed,
      key: t.key,
      status: t.status,
      metrics: t.metrics,
      cached: t.cached,
      durationMs: t.durationMs,
      ...t.error !== void 0 ? { error: t.error } : {},
      ...t.history.length > 0 ? { steps: t.history.length } : {}
    };
    runs.push(run);
    ports.progress?.(run, runs.length);
    if (ports.stop?.(runs)) break;
  }
  return runs;
}

// src/core/study/planned-trainings.ts
function plannedSearchTrials(config) {
  const own = config.stages.length > 0 ? plannedTrials(config) : config.method === "grid" ? gridSize(config.space) : config.method === "manual" ? config.configs?.length ?? 0 : Number.POSITIVE_INFINITY;
  return Math.min(config.budget.trials ?? (Number.isFinite(own) ? own : DEFAULT_TRIALS), own);
}
function plannedTrainings(config, champion) {
  return plannedSearchTrials(config) + (champion ? config.champion.seeds : 0);
}
function concurrentTrials(config) {
  return Math.max(plannedSearchTrials(config), config.champion.seeds);
}
function trainsOnce(config, champion) {
  const seeds = champion === "record" ? config.champion.seeds : champion === "replay" ? Number.POSITIVE_INFINITY : 0;
  return plannedSearchTrials(config) <= 1 && config.repeats <= 1 && seeds === 0;
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
  NAME_MAX_CHARS,
  cap,
  inline,
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
  isDistributionArgIssue,
  MAX_SUPPORT,
  ContinuousDistribution,
  QuantisedDistribution,
  LogUniformDistribution,
  IntUniformDistribution,
  DISTRIBUTION_DEFAULTS,
  DISTRIBUTION_ARGS,
  DISTRIBUTION_NAMES,
  makeDistribution,
  describeSearch,
  parseManualConfigs,
  checkManualKey,
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
  judgedRules,
  replayStop,
  withMaxRegression,
  parseDuration,
  formatDuration,
  exitCause,
  metricVerdict,
  finishedWithoutMetric,
  noTrialVerdict,
  loosenedSentence,
  acceptanceText,
  COMMENT_MAX_CHARS,
  buildReport,
  paramsLine,
  parseTrialRecord,
  DEFAULT_TRIALS,
  planStages,
  plannedTrials,
  MAX_SHARDS,
  parseShard,
  shardLabel,
  shardPosition,
  shardItems,
  unsplittable,
  checkShardable,
  planWarmStart,
  FINALISTS,
  runStudy,
  rankedTrialIndices,
  neutralParams,
  runSeeds,
  plannedSearchTrials,
  plannedTrainings,
  concurrentTrials,
  trainsOnce
};
