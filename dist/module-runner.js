import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  asMetrics,
  describe,
  mergeReports
} from "./chunks/chunk-HUKQ7NIW.js";
import {
  NO_METRIC
} from "./chunks/chunk-RDA5MJ7X.js";
import {
  displayPath
} from "./chunks/chunk-2PM7NPGU.js";
import {
  TrialError,
  errorText,
  show
} from "./chunks/chunk-BSN4SUU4.js";

// src/trainer/module/module-runner.ts
import { readSync, writeSync } from "node:fs";

// src/trainer/module/module-code.ts
import { pathToFileURL } from "node:url";
async function loadModule(file, hash) {
  const url = `${pathToFileURL(file).href}?sha256=${hash}`;
  let mod;
  try {
    mod = await import(url);
  } catch (err) {
    const message = errorText(err);
    const hint = err instanceof SyntaxError && file.endsWith(".js") && /\b(export|import)\b/.test(message) ? ' (an ES module: name it .mjs, or add "type": "module" to the nearest package.json)' : "";
    throw new TrialError(`objective module ${displayPath(file)} failed to load: ${message}${hint}`);
  }
  const fn = mod["default"];
  if (typeof fn !== "function") {
    const names = Object.keys(mod).filter((k) => k !== "default");
    throw new TrialError(
      `objective module ${displayPath(file)} must \`export default async function (params, ctx)\`; its default export is ${describe(fn)}` + (names.length > 0 ? ` (named exports: ${names.join(", ")})` : "")
    );
  }
  return fn;
}
function reportedMetrics(step, metrics) {
  const checked = asMetrics(metrics);
  if ("problem" in checked) throw new TrialError(`ctx.report(${show(step)}, ...): ${checked.problem}`);
  return checked.metrics;
}
function finalMetrics(returned, reports, metricName, file) {
  const where = `objective module ${displayPath(file)}`;
  let metrics;
  if (typeof returned === "number") {
    if (!Number.isFinite(returned)) throw new TrialError(`${where} returned ${returned}`);
    metrics = { ...mergeReports(reports), [metricName === NO_METRIC ? "value" : metricName]: returned };
  } else if (returned === void 0 && (reports.length > 0 || metricName === NO_METRIC)) {
    metrics = mergeReports(reports);
  } else if (typeof returned === "object" && returned !== null && !Array.isArray(returned)) {
    const checked = asMetrics(returned);
    if ("problem" in checked) throw new TrialError(`${where} returned an object whose ${checked.problem}`);
    metrics = checked.metrics;
  } else {
    throw new TrialError(
      `${where} returned ${describe(returned)}; expected a number (the ${show(metricName)} metric) or an object of metric numbers`
    );
  }
  if (metricName !== NO_METRIC && !(metricName in metrics))
    throw new TrialError(`${where} returned no ${show(metricName)} metric (got: ${Object.keys(metrics).join(", ") || "none"})`);
  return metrics;
}

// src/trainer/module/protocol.ts
var MODULE_FD = 3;

// src/trainer/module/module-runner.ts
var send = (msg) => {
  writeSync(MODULE_FD, `${JSON.stringify(msg)}
`);
};
var wireError = (err) => err instanceof Error ? { name: err.name, message: err.message, trial: err instanceof TrialError, transient: err instanceof TrialError && err.transient } : { name: "Error", message: String(err), trial: false, transient: false };
var pending = "";
var chunk = Buffer.alloc(64 * 1024);
var pause = new Int32Array(new SharedArrayBuffer(4));
function readLine() {
  for (; ; ) {
    const nl = pending.indexOf("\n");
    if (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      return line;
    }
    let n;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      if (err.code !== "EAGAIN") throw err;
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (n === 0) process.exit(1);
    pending += chunk.toString("utf8", 0, n);
  }
}
async function main() {
  const init = JSON.parse(readLine());
  const trial = init.trial;
  const [objective, handle] = await Promise.all([
    loadModule(init.module, init.hash),
    // Imported only for a trial: a check that the module loads does without TensorFlow.js.
    trial ? import("./chunks/backend-QXRRDIDK.js").then(
      ({ loadTf }) => loadTf(trial.backend, { cwd: trial.cwd, tfjsNodeDirs: trial.tfjsNodeDirs, warn: (message) => send({ type: "warn", message }) })
    ) : void 0
  ]);
  if (!trial || !handle) return send({ type: "loaded" });
  const reports = [];
  let usedTf = false;
  const ctx = {
    seed: trial.seed,
    signal: new AbortController().signal,
    get tf() {
      usedTf = true;
      return handle.tf;
    },
    report(step, metrics2) {
      const checked = reportedMetrics(step, metrics2);
      reports.push(checked);
      send({ type: "report", step, metrics: checked });
      return JSON.parse(readLine()).stop;
    }
  };
  const before = handle.tf.memory().numTensors;
  const returned = await objective(trial.params, ctx);
  const leaked = handle.tf.memory().numTensors - before;
  const metrics = finalMetrics(returned, reports, init.metricName, init.module);
  send({ type: "done", metrics, leaked, ...usedTf ? { backend: handle.backend } : {} });
}
main().then(
  () => process.exit(0),
  (err) => {
    send({ type: "failed", error: wireError(err) });
    process.exit(0);
  }
);
