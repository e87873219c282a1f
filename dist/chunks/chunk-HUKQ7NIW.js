import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  show
} from "./chunk-BSN4SUU4.js";

// src/trainer/reported-metrics.ts
function describe(value) {
  if (value === void 0) return "undefined";
  if (value === null) return "null";
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array (${show(value)})`;
  if (typeof value === "object") return `an object (${show(value)})`;
  return `${typeof value} ${show(value)}`;
}
function asMetrics(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: `not an object: ${describe(value)}` };
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "number") return { problem: `metric ${show(k)} is ${describe(v)}, not a number` };
    if (!Number.isFinite(v)) return { problem: `metric ${show(k)} is ${v}` };
    out[k] = v;
  }
  return { metrics: out };
}
function mergeReports(reports) {
  return Object.assign({}, ...reports);
}

export {
  describe,
  asMetrics,
  mergeReports
};
