// The trainer worker thread (bundled as dist/trainer-worker.js): loads its own TensorFlow.js on the backend the
// main thread chose, builds the built-in trainer's objective from the same spec, and runs the trials it is sent,
// one at a time. The protocol is in protocol.ts; worker-pool.ts is the other end.
import { parentPort, workerData } from 'node:worker_threads';
import { TrialError } from '../../core/errors.js';
import type { Objective, TrialContext } from '../../core/objective.js';
import { loadTf } from '../tf/backend.js';
import { createImageObjective } from '../image/image-objective.js';
import { createTabularObjective } from '../tabular/tabular-objective.js';
import { type FromWorker, type ToWorker, type WorkerInit, PENDING, STOP } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('trainer-worker.js runs as a worker thread of sweepgate, not on its own');
const post = (msg: FromWorker): void => port.postMessage(msg);
const init = workerData as WorkerInit;

const errorOf = (err: unknown): Extract<FromWorker, { type: 'failed' }>['error'] =>
  err instanceof Error
    ? { name: err.name, message: err.message, trial: err instanceof TrialError, transient: err instanceof TrialError && err.transient }
    : { name: 'Error', message: String(err), trial: false, transient: false };

let tensors = (): number => 0;
async function start(): Promise<Objective> {
  const handle = await loadTf(init.backend, {
    cwd: init.cwd,
    tfjsNodeDirs: init.tfjsNodeDirs ?? [],
    warn: (message) => post({ type: 'warn', message }),
  });
  tensors = () => handle.tf.memory().numTensors;
  const t = init.trainer;
  return t.type === 'image'
    ? createImageObjective(t, handle, { splitSeed: init.splitSeed })
    : createTabularObjective(t, handle, { prepared: init.prepared ?? [] });
}

/** After each trial: what a long-lived worker must not accumulate (tfjs tensors) and the process's RSS. */
const memory = (): { tensors: number; rssBytes: number } => ({ tensors: tensors(), rssBytes: process.memoryUsage.rss() });

const ready = start();
ready.then(
  (o) => post({ type: 'ready', backend: o.backend }),
  (err: unknown) => post({ type: 'init-failed', error: errorOf(err) }),
);

port.on('message', (msg: ToWorker) => {
  void runTrial(msg);
});

async function runTrial(msg: ToWorker): Promise<void> {
  const control = new Int32Array(msg.control);
  // Never aborted here: the main thread stops a cancelled trial by terminating this worker.
  const signal = new AbortController().signal;
  const ctx: TrialContext = {
    seed: msg.seed,
    signal,
    // The pruner lives on the main thread; its answer comes back through the shared cell, so report() stays
    // synchronous as the trainers expect. Waits in slices so a terminate() is never stuck behind the wait.
    report(step, metrics): boolean {
      Atomics.store(control, 0, PENDING);
      post({ type: 'report', id: msg.id, step, metrics });
      while (Atomics.wait(control, 0, PENDING, 1000) === 'timed-out');
      return Atomics.load(control, 0) === STOP;
    },
  };
  try {
    const objective = await ready;
    const result = await objective.run(msg.params, ctx);
    post({
      type: 'done',
      id: msg.id,
      result: { metrics: result.metrics, ...(result.history ? { history: result.history } : {}) },
      memory: memory(),
    });
  } catch (err) {
    post({ type: 'failed', id: msg.id, error: errorOf(err), memory: memory() });
  }
}
