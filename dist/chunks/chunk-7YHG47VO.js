import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/core/errors.ts
var ClassifiedError = class extends Error {
};
function classifyError(err) {
  if (!(err instanceof ClassifiedError)) return { errorClass: "run-failure" };
  return err.invalid === void 0 ? { errorClass: err.errorClass } : { errorClass: err.errorClass, invalid: err.invalid };
}
function configIssue(path, problem) {
  return { path, message: path ? `${path}: ${problem}` : problem };
}
var ConfigError = class extends ClassifiedError {
  name = "ConfigError";
  errorClass = "config";
  invalid = "config";
  issues;
  /** The first problem's path (`parameters.lr.min`), or '' for the whole document. */
  path;
  constructor(pathOrIssues, problem = "") {
    const issues = typeof pathOrIssues === "string" ? [configIssue(pathOrIssues, problem)] : pathOrIssues;
    super(issues.map((i) => i.message).join("\n"));
    this.issues = issues;
    this.path = issues[0]?.path ?? "";
  }
};
var TrialError = class extends ClassifiedError {
  name = "TrialError";
  /** Recorded on its trial, which the sweep goes on without; one that escaped the study broke the run. */
  errorClass = "run-failure";
  transient;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.transient = options.transient ?? false;
  }
};
var TrialTimeoutError = class extends TrialError {
  name = "TrialTimeoutError";
  timeoutMs;
  constructor(timeoutMs, shown) {
    super(`ran past trial_timeout (${shown}) and was stopped, with every process it started`, { transient: true });
    this.timeoutMs = timeoutMs;
  }
};
function show(value) {
  let s;
  try {
    s = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}
function namedErrorText(err) {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

// src/core/hash.ts
import { createHash } from "node:crypto";
function canonicalJson(value) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return Object.is(value, -0) ? "0" : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === void 0 ? null : v)).join(",")}]`;
  if (typeof value === "object") {
    const obj = value;
    const keys = Object.keys(obj).filter((k) => obj[k] !== void 0).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
function hashJson(value) {
  return sha256Hex(canonicalJson(value));
}

// src/core/rng.ts
import { createHash as createHash2 } from "node:crypto";
var Rng = class {
  a;
  b;
  c;
  d;
  constructor(seed) {
    if (!Number.isInteger(seed)) throw new RangeError(`Rng seed must be an integer, got ${seed}`);
    let s = seed >>> 0;
    const next = () => {
      s = s + 2654435769 >>> 0;
      let z = s;
      z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
      z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
      return (z ^ z >>> 16) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }
  /** Uniform 32-bit unsigned integer. */
  uint32() {
    const t = (this.a + this.b | 0) + this.d | 0;
    this.d = this.d + 1 | 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) | 0;
    this.c = this.c << 21 | this.c >>> 11;
    this.c = this.c + t | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1) with 53 bits of precision. */
  next() {
    const hi = this.uint32() >>> 5;
    const lo = this.uint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  /** Uniform in [lo, hi). */
  uniform(lo, hi) {
    return lo + (hi - lo) * this.next();
  }
  /** Uniform integer in [0, n). */
  int(n) {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Rng.int needs a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }
  /** Standard normal (Box–Muller; the second value is discarded to keep the stream simple to replay). */
  normal() {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Gamma(shape, 1) by Marsaglia–Tsang; used for Beta sampling. */
  gamma(shape) {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.next() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (; ; ) {
      let x;
      let v;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
  /** Index drawn with the given (unnormalised, non-negative) weights. */
  weighted(weights) {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** Fisher–Yates shuffle into a new array. */
  shuffle(items) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
};
function deriveSeed(...parts) {
  const h = createHash2("sha256").update(parts.map(String).join("\0")).digest();
  return h.readUInt32BE(0);
}

// src/core/backends.ts
var BACKEND_CHOICES = ["auto", "tensorflow", "wasm", "cpu"];
function isBackendName(name) {
  return name !== void 0 && name !== "auto" && BACKEND_CHOICES.includes(name);
}

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  ClassifiedError,
  classifyError,
  configIssue,
  ConfigError,
  TrialError,
  TrialTimeoutError,
  show,
  errorText,
  namedErrorText,
  canonicalJson,
  sha256Hex,
  hashJson,
  Rng,
  deriveSeed,
  BACKEND_CHOICES,
  isBackendName
};
