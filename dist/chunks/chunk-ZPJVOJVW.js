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

// src/core/config/trainer-params.ts
var OPTIMIZERS = ["sgd", "momentum", "adam", "adamax", "rmsprop", "adagrad", "adadelta"];
var ACTIVATIONS = ["relu", "elu", "selu", "leaky_relu", "tanh", "sigmoid", "softplus", "linear"];
var INITIALIZERS = ["glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal"];
var LR_SCHEDULES = ["constant", "cosine", "step", "exponential"];
var WIDTH_SCHEDULES = ["constant", "shrink", "grow"];
var PADDINGS = ["same", "valid"];
var POOLINGS = ["max", "avg", "none"];
var ARCHITECTURE_HYPERPARAMETERS = ["layers", "units", "width_schedule", "activation", "batch_norm", "layer_norm"];
var CONV_HYPERPARAMETERS = ["conv_layers", "filters", "filter_schedule", "kernel_size", "strides", "padding", "pooling"];
var TRAINER_HYPERPARAMETERS = {
  epochs: { type: "int", min: 1, max: 1e4, default: 20, doc: "passes over the training split" },
  batch_size: { type: "int", min: 1, default: 32, doc: "rows per gradient step" },
  optimizer: { type: "enum", values: OPTIMIZERS, default: "adam", doc: "gradient method" },
  learning_rate: { type: "float", min: 0, minExclusive: true, default: 0.01, doc: "step size" },
  momentum: { type: "float", min: 0, max: 1, maxExclusive: true, default: 0.9, doc: "momentum of `momentum` (default 0.9) and `rmsprop` (default 0)" },
  layers: { type: "int", min: 0, max: 64, default: 1, doc: "hidden layers (0 = linear / logistic model)" },
  units: { type: "int", min: 1, max: 4096, default: 32, doc: "units of the first hidden layer (of every one with width_schedule constant)" },
  width_schedule: { type: "enum", values: WIDTH_SCHEDULES, default: "constant", doc: "hidden widths by depth: all `units`, or halved / doubled per layer" },
  activation: { type: "enum", values: ACTIVATIONS, default: "relu", doc: "hidden-layer activation" },
  dropout: { type: "float", min: 0, max: 1, maxExclusive: true, default: 0, doc: "dropout rate after each hidden layer" },
  l1: { type: "float", min: 0, default: 0, doc: "L1 penalty on kernels" },
  l2: { type: "float", min: 0, default: 0, doc: "L2 penalty on kernels" },
  kernel_initializer: { type: "enum", values: INITIALIZERS, default: "glorot_uniform", doc: "kernel initialiser (seeded)" },
  batch_norm: { type: "bool", default: false, doc: "batch normalisation before each hidden activation" },
  layer_norm: { type: "bool", default: false, doc: "layer normalisation before each hidden activation (not with batch_norm)" },
  weight_decay: { type: "float", min: 0, default: 0, doc: "decoupled weight decay: kernels shrink by lr\xB7weight_decay each step" },
  lr_schedule: { type: "enum", values: LR_SCHEDULES, default: "constant", doc: "learning rate by epoch after warm-up" },
  lr_decay_rate: { type: "float", min: 0, minExclusive: true, max: 1, default: 0.5, doc: "step / exponential: factor per lr_decay_epochs" },
  lr_decay_epochs: { type: "int", min: 1, max: 1e4, default: 10, doc: "step / exponential: epochs per lr_decay_rate factor" },
  lr_min_fraction: { type: "float", min: 0, max: 1, default: 0, doc: "cosine: the learning rate it decays towards, as a fraction of learning_rate" },
  warmup_epochs: { type: "int", min: 0, max: 1e4, default: 0, doc: "epochs of linear warm-up before the schedule" },
  early_stopping_patience: { type: "int", min: 0, max: 1e4, default: 0, doc: "stop after this many epochs without improving the sweep metric (0 = off)" },
  conv_layers: { type: "int", min: 0, max: 8, default: 2, doc: "image trainer: convolutional layers before the dense head" },
  filters: { type: "int", min: 1, max: 512, default: 16, doc: "image trainer: filters of the first conv layer" },
  filter_schedule: { type: "enum", values: WIDTH_SCHEDULES, default: "constant", doc: "image trainer: filters by depth: all `filters`, or halved / doubled per layer" },
  kernel_size: { type: "int", min: 1, max: 15, default: 3, doc: "image trainer: side of each square conv window" },
  strides: { type: "int", min: 1, max: 8, default: 1, doc: "image trainer: step of each conv window, both directions" },
  padding: { type: "enum", values: PADDINGS, default: "same", doc: "image trainer: conv padding (same keeps the side at input/strides)" },
  pooling: { type: "enum", values: POOLINGS, default: "max", doc: "image trainer: 2\xD72 pooling (stride 2) after each conv layer" },
  freeze_layers: { type: "int", min: 0, max: 64, default: 0, doc: "with trainer.base_model: the bottom k hidden layers keep their weights" },
  fine_tune_learning_rate: { type: "float", min: 0, default: 0, doc: "with trainer.base_model: step size of its unfrozen layers (0 = learning_rate)" },
  validation_split: { type: "float", min: 0, minExclusive: true, max: 1, maxExclusive: true, default: 0.2, doc: "fraction of rows held out for validation (default: trainer.validation_split)" }
};
function checkHyperparameter(name, value) {
  const spec = TRAINER_HYPERPARAMETERS[name];
  if (!spec) return `not a trainer hyperparameter (known: ${Object.keys(TRAINER_HYPERPARAMETERS).join(", ")})`;
  switch (spec.type) {
    case "bool":
      return typeof value === "boolean" ? void 0 : `must be true or false, got ${JSON.stringify(value)}`;
    case "enum":
      return typeof value === "string" && spec.values.includes(value) ? void 0 : `must be one of ${spec.values.join(", ")}, got ${JSON.stringify(value)}`;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) return `must be an integer, got ${JSON.stringify(value)}`;
      if (value < spec.min || spec.max !== void 0 && value > spec.max)
        return `must be in [${spec.min}, ${spec.max ?? "\u221E"}], got ${value}`;
      return void 0;
    case "float": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `must be a number, got ${JSON.stringify(value)}`;
      const lowOk = spec.minExclusive ? value > spec.min : value >= spec.min;
      const highOk = spec.max === void 0 || (spec.maxExclusive ? value < spec.max : value <= spec.max);
      if (!lowOk || !highOk)
        return `must be in ${spec.minExclusive ? "(" : "["}${spec.min}, ${spec.max ?? "\u221E"}${spec.maxExclusive || spec.max === void 0 ? ")" : "]"}, got ${value}`;
      return void 0;
    }
  }
}
var RMSPROP_DEFAULT_MOMENTUM = 0;
function resolveHyperparameters(params, defaults = {}) {
  const out = {};
  for (const [name, spec] of Object.entries(TRAINER_HYPERPARAMETERS)) out[name] = spec.default;
  Object.assign(out, defaults, params);
  if (out["optimizer"] === "rmsprop" && !("momentum" in params) && !("momentum" in defaults)) out["momentum"] = RMSPROP_DEFAULT_MOMENTUM;
  return out;
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
  hashJson,
  ARCHITECTURE_HYPERPARAMETERS,
  CONV_HYPERPARAMETERS,
  TRAINER_HYPERPARAMETERS,
  checkHyperparameter,
  resolveHyperparameters
};
