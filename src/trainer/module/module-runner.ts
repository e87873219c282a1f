// An objective module's own process (bundled as dist/module-runner.js, started by module-objective.ts under the
// trial's containment): reads its orders on standard input, imports the module, loads TensorFlow.js on the backend
// the sweep chose, runs one trial and reports on fd 3 (protocol.ts). Nothing the module does here can reach
// sweepgate's process: its exit status, its outputs or its report.
import { readSync, writeSync } from 'node:fs';
import { TrialError } from '../../core/errors.js';
import type { Metrics } from '../../core/json.js';
import type { TfHandle } from '../tf/backend.js';
import { type ModuleContext, finalMetrics, loadModule, reportedMetrics } from './module-code.js';
import { type FromModule, type ModuleAnswer, type ModuleInit, type ModuleWireError, MODULE_FD } from './protocol.js';

const send = (msg: FromModule): void => {
  writeSync(MODULE_FD, `${JSON.stringify(msg)}\n`);
};

const wireError = (err: unknown): ModuleWireError =>
  err instanceof Error
    ? { name: err.name, message: err.message, trial: err instanceof TrialError, transient: err instanceof TrialError && err.transient }
    : { name: 'Error', message: String(err), trial: false, transient: false };

let pending = '';
const chunk = Buffer.alloc(64 * 1024);
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The next line from sweepgate, read synchronously: ctx.report must return the pruner's answer as it is called.
 * Stdin is a pipe the module may have made non-blocking (by touching process.stdin): then it is polled.
 */
function readLine(): string {
  for (;;) {
    const nl = pending.indexOf('\n');
    if (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      return line;
    }
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (n === 0) process.exit(1); // sweepgate is gone: nobody wants the result
    pending += chunk.toString('utf8', 0, n);
  }
}

async function main(): Promise<void> {
  const init = JSON.parse(readLine()) as ModuleInit;
  const trial = init.trial;
  // Both at once: the module's import and TensorFlow.js' (the larger part of a trial's start-up).
  const [objective, handle] = await Promise.all([
    loadModule(init.module, init.hash),
    // Imported only for a trial: a check that the module loads does without TensorFlow.js.
    trial
      ? import('../tf/backend.js').then(({ loadTf }) =>
          loadTf(trial.backend, { cwd: trial.cwd, tfjsNodeDirs: trial.tfjsNodeDirs, warn: (message) => send({ type: 'warn', message }) }),
        )
      : undefined,
  ]);
  if (!trial || !handle) return send({ type: 'loaded' });
  const reports: Metrics[] = [];
  let usedTf = false;
  const ctx: ModuleContext = {
    seed: trial.seed,
    signal: new AbortController().signal,
    get tf(): TfHandle['tf'] {
      usedTf = true;
      return handle.tf;
    },
    report(step: number, metrics: Metrics): boolean {
      const checked = reportedMetrics(step, metrics);
      reports.push(checked);
      send({ type: 'report', step, metrics: checked });
      return (JSON.parse(readLine()) as ModuleAnswer).stop;
    },
  };
  const before = handle.tf.memory().numTensors;
  const returned = await objective(trial.params, ctx);
  const leaked = handle.tf.memory().numTensors - before;
  const metrics = finalMetrics(returned, reports, init.metricName, init.module);
  send({ type: 'done', metrics, leaked, ...(usedTf ? { backend: handle.backend } : {}) });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    send({ type: 'failed', error: wireError(err) });
    process.exit(0);
  },
);
