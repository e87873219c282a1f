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
  /** The one line that says why, when the message is more (a program's exit with its stderr): see core/failure-cause.ts. */
  failureCause;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.transient = options.transient ?? false;
    if (options.failureCause !== void 0) this.failureCause = options.failureCause;
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
  namedErrorText
};
