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
var ConfigError = class extends Error {
  name = "ConfigError";
  /** Dotted path of the offending key (`parameters.lr.min`), or '' for the whole document. */
  path;
  constructor(path, message) {
    super(path ? `${path}: ${message}` : message);
    this.path = path;
  }
};
var ConfigErrors = class extends Error {
  name = "ConfigErrors";
  errors;
  constructor(errors) {
    super(errors.map((e) => e.message).join("\n"));
    this.errors = errors;
  }
};
var TrialError = class extends Error {
  name = "TrialError";
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

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  ConfigError,
  ConfigErrors,
  TrialError,
  TrialTimeoutError,
  show,
  canonicalJson,
  sha256Hex,
  hashJson
};
