import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  PENDING,
  STOP,
  createImageObjective,
  createTabularObjective
} from "./chunks/chunk-ZBK6FFII.js";
import "./chunks/chunk-XXUPUARK.js";
import "./chunks/chunk-2PM7NPGU.js";
import {
  loadTf
} from "./chunks/chunk-5ZKIV7AL.js";
import "./chunks/chunk-R5QEHD35.js";
import {
  TrialError
} from "./chunks/chunk-BSN4SUU4.js";

// src/trainer/workers/worker-thread.ts
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (!port) throw new Error("trainer-worker.js runs as a worker thread of sweepgate, not on its own");
var post = (msg) => port.postMessage(msg);
var init = workerData;
var errorOf = (err) => err instanceof Error ? { name: err.name, message: err.message, trial: err instanceof TrialError, transient: err instanceof TrialError && err.transient } : { name: "Error", message: String(err), trial: false, transient: false };
var tensors = () => 0;
async function start() {
  const handle = await loadTf(init.backend, {
    cwd: init.cwd,
    tfjsNodeDirs: init.tfjsNodeDirs ?? [],
    warn: (message) => post({ type: "warn", message })
  });
  tensors = () => handle.tf.memory().numTensors;
  const t = init.trainer;
  return t.type === "image" ? createImageObjective(t, handle, { splitSeed: init.splitSeed }) : createTabularObjective(t, handle, { prepared: init.prepared ?? [] });
}
var memory = () => ({ tensors: tensors(), rssBytes: process.memoryUsage.rss() });
var ready = start();
ready.then(
  (o) => post({ type: "ready", backend: o.backend }),
  (err) => post({ type: "init-failed", error: errorOf(err) })
);
port.on("message", (msg) => {
  void runTrial(msg);
});
async function runTrial(msg) {
  const control = new Int32Array(msg.control);
  const signal = new AbortController().signal;
  const ctx = {
    seed: msg.seed,
    signal,
    // The pruner lives on the main thread; its answer comes back through the shared cell, so report() stays
    // synchronous as the trainers expect. Waits in slices so a terminate() is never stuck behind the wait.
    report(step, metrics) {
      Atomics.store(control, 0, PENDING);
      post({ type: "report", id: msg.id, step, metrics });
      while (Atomics.wait(control, 0, PENDING, 1e3) === "timed-out") ;
      return Atomics.load(control, 0) === STOP;
    }
  };
  try {
    const objective = await ready;
    const result = await objective.run(msg.params, ctx);
    post({
      type: "done",
      id: msg.id,
      result: { metrics: result.metrics, ...result.history ? { history: result.history } : {} },
      memory: memory()
    });
  } catch (err) {
    post({ type: "failed", id: msg.id, error: errorOf(err), memory: memory() });
  }
}
