import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { findBundledEntry } from './bundled-entry.js';
import { TrialError } from '../../core/errors.js';
import type { Params } from '../../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../core/objective.js';
import { type FromWorker, type ToWorker, type WireError, type WorkerInit, type WorkerMemory, CONTINUE, STOP } from './protocol.js';

/** The bundled worker's file name: dist/trainer-worker.js (build/trainer-worker.mjs for the bench harnesses). */
const WORKER_FILES = ['trainer-worker.js', 'trainer-worker.mjs'];

/** The bundled trainer worker beside sweepgate, if there is one (not when running from source). */
export function findWorkerScript(): string | undefined {
  return findBundledEntry(WORKER_FILES);
}

/**
 * What one worker is budgeted in memory: its own tfjs with the WASM heap and the V8 heap (about 150 MB measured
 * with a small MLP) plus its copies of the data (the file's bytes and the encoded splits it is handed; it no
 * longer parses the CSV itself, so 8× the CSV's bytes is generous), doubled for headroom.
 */
export function workerMemoryBytes(dataBytes: number): number {
  return 2 * (160 * 1024 * 1024 + 8 * dataBytes);
}

/**
 * Below this estimated training time (estimatedTrialMs × trials) the default `parallel` is 1. Workers start cold:
 * each loads its own tfjs and compiles the WASM module (120–200 ms from spawn to ready) and warms its own JIT (its
 * first trials run 2.5–3.5× slower than in the main thread, which the backend probe has warmed); the data comes
 * prepared from the main thread (WorkerInit.prepared), so that no longer grows with the CSV. Measured on the 2-core machine
 * (bench/RESULTS.md, issue 8, bench/workers.ts): the reference sweep (tpe, cpu backend) estimated at 1.5 s ran
 * 1.19 s in one thread and 1.61 s with 2 workers, at 4.4 s 3.12 s against 2.62 s, at 8.8 s 4.73 against 4.07, at
 * 14.6 s 7.82 against 5.86; a 784-feature sweep estimated at 0.4 s broke even (1.69 against 1.73 s). Past
 * about 3 s two workers win.
 */
export const WORKERS_PAY_OFF_MS = 3_000;

/**
 * A deterministic estimate of a trial's training time, from its size alone (never from a clock, so the default
 * `parallel` — and with it what bayes/tpe ask — is the same on every rerun): a fixed 0.1 ms per step (the ops'
 * overhead, what dominates small MLPs) plus 6 flops per weight per row (forward and backward) at 20 GFLOP/s
 * (wasm with SIMD on one core). Measured on the 2-core machine: 0.09–0.27 ms/step for a 30→16→2 MLP, 12.5 ms for
 * 784→512→512→10 at batch 64 (bench/RESULTS.md); this gives 0.1 and 13.
 */
export function estimatedTrialMs(size: { readonly steps: number; readonly batch: number; readonly weights: number }): number {
  return size.steps * (0.1 + (6 * size.weights * size.batch) / 2e7);
}

/**
 * The default `parallel` for the built-in trainer: one worker per core the process may use, capped so the
 * workers' budgets (workerMemoryBytes) fit in half of the memory free now, and at least 1. When the sweep's
 * training is estimated (`sweepMs`: estimatedTrialMs × trials) under WORKERS_PAY_OFF_MS, 1: workers would cost
 * more than they save. When at most `concurrent` trials can ever run at once (a one-trial sweep: 1), no more
 * workers than that, and none when that is 1: a worker that would train the only trial loads its own tfjs (tfjs-node
 * is a 1.3 s dlopen) and reads the data again, while the main thread, which already did both, waits.
 */
export function defaultWorkers(
  dataBytes: number,
  machine: { readonly cores: number; readonly freeBytes: number } = { cores: os.availableParallelism(), freeBytes: os.freemem() },
  sweepMs?: number,
  concurrent = Number.POSITIVE_INFINITY,
): number {
  if (sweepMs !== undefined && sweepMs < WORKERS_PAY_OFF_MS) return 1;
  const byMemory = Math.floor(machine.freeBytes / 2 / workerMemoryBytes(dataBytes));
  return Math.max(1, Math.min(machine.cores, byMemory, concurrent));
}

/** A worker died (it exited, threw outside a trial, ran out of memory) while running a trial. */
export class WorkerCrashError extends TrialError {
  override readonly name = 'WorkerCrashError';
  constructor(reason: string) {
    // Transient: the crash may come from the machine (memory) and is not cached; the trial is tried again next run.
    super(`the trainer worker thread crashed during the trial: ${reason}`, { transient: true });
  }
}

/** An error thrown inside the worker, rebuilt on this side with its name. */
class WorkerError extends Error {
  override readonly name: string;
  constructor(e: WireError) {
    super(e.message);
    this.name = e.name;
  }
}

export interface WorkerPoolOptions {
  /** Workers at most (the sweep's `parallel`). */
  readonly size: number;
  /** Started in each worker. */
  readonly init: WorkerInit;
  /** The worker script (findWorkerScript()); a test may point it at another that speaks the same protocol. */
  readonly script: string;
  /** Non-fatal messages from the workers (a backend fallback taken there). */
  warn(message: string): void;
  /** Told after each trial a worker finishes (diagnostics: a leak shows as growing tensors). */
  afterTrial?(memory: WorkerMemory): void;
}

interface Slot {
  readonly worker: Worker;
  /** Resolves when the worker has loaded tfjs and the data; rejects when it failed to. */
  readonly ready: Promise<void>;
  /** Taken by a trial (set synchronously when handed out, before the trial's message is sent). */
  busy: boolean;
  /** The trial it runs, if any. */
  active?: Active;
  dead: boolean;
}

interface Active {
  readonly id: number;
  readonly ctx: TrialContext;
  readonly control: Int32Array;
  resolve(r: ObjectiveResult): void;
  reject(err: unknown): void;
}

/**
 * The built-in trainer run in worker threads, behind the Objective interface: `inner` (the same trainer on
 * this thread) gives the fingerprint, the validation rows and save_best, so trial keys do not depend on
 * parallelism; `run` sends the trial to an idle worker. Each report crosses to this thread (the pruner runs
 * here) and its decision goes back; a cancelled trial (ctx.signal: the minutes budget, trial_timeout) is
 * stopped by terminating its worker, and a worker that dies fails only its trial: the next trial starts a
 * fresh one.
 */
export function createWorkerObjective(inner: Objective, opts: WorkerPoolOptions): Objective {
  if (!Number.isSafeInteger(opts.size) || opts.size < 1) throw new RangeError(`worker pool size must be an integer >= 1, got ${opts.size}`);
  const pool = createPool(opts);
  let nextId = 1;
  return {
    fingerprint: inner.fingerprint,
    // Read when asked: the inner objective may prepare its data and pick its backend only once a trial trains.
    get backend(): string {
      return inner.backend;
    },
    get validation(): Objective['validation'] {
      return inner.validation;
    },
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      if (pool.disposed) throw new TrialError('the worker objective was disposed', { transient: true });
      if (ctx.signal.aborted) throw new TrialError(`cancelled before it started: ${String(ctx.signal.reason)}`, { transient: true });
      const slot = await pool.acquire();
      return runOn(slot, nextId++, params, ctx, pool);
    },
    ...(inner.saveModel ? { saveModel: inner.saveModel.bind(inner) } : {}),
    async dispose(): Promise<void> {
      await pool.dispose();
      await inner.dispose?.();
    },
  };
}

/** The workers and the trials waiting for one: at most `size` workers; a dead one is replaced for the next trial. */
interface Pool {
  /** An idle worker, else a new one while there are fewer than `size`, else the next one a trial frees. */
  acquire(): Promise<Slot>;
  /** A worker done with its trial takes the next waiting trial, or becomes idle. */
  release(slot: Slot): void;
  /** A dead (or terminated) worker leaves; a waiting trial may start a fresh one in its place. */
  remove(slot: Slot): void;
  readonly disposed: boolean;
  /** Terminates every worker; no new one starts. */
  dispose(): Promise<void>;
}

function createPool(opts: WorkerPoolOptions): Pool {
  const slots: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  let disposed = false;
  const spawn = (): Slot => {
    const slot = startWorker(opts, pool);
    slots.push(slot);
    return slot;
  };
  const pool: Pool = {
    acquire(): Promise<Slot> {
      const idle = slots.find((s) => !s.busy && !s.dead);
      if (idle) {
        idle.busy = true;
        return Promise.resolve(idle);
      }
      if (slots.length < opts.size) return Promise.resolve(spawn());
      return new Promise((resolve) => waiting.push(resolve));
    },
    release(slot: Slot): void {
      const next = waiting.shift();
      if (next) next(slot);
      else slot.busy = false;
    },
    remove(slot: Slot): void {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      // A waiting trial may now start a fresh worker in the freed place.
      if (waiting.length > 0 && !disposed) waiting.shift()!(spawn());
    },
    get disposed(): boolean {
      return disposed;
    },
    async dispose(): Promise<void> {
      disposed = true;
      const all = slots.splice(0);
      for (const s of all) s.dead = true;
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
  return pool;
}

/** Starts a worker (busy: it is started for a trial) and answers its messages: readiness, warnings, the active trial's reports and end. */
function startWorker(opts: WorkerPoolOptions, pool: Pick<Pool, 'release' | 'remove'>): Slot {
  // A copy of init's fields as they are now (the backend auto picked, the data prepared on the first trial).
  const worker = new Worker(opts.script, { workerData: { ...opts.init } });
  let markReady!: () => void;
  let markFailed!: (err: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // observed by the trial that waits on it
  const slot: Slot = { worker, ready, busy: true, dead: false };
  const die = (reason: string): void => {
    if (slot.dead) return;
    slot.dead = true;
    markFailed(new WorkerCrashError(reason));
    const a = slot.active;
    slot.active = undefined;
    a?.reject(new WorkerCrashError(reason));
    pool.remove(slot);
  };
  worker.on('message', (msg: FromWorker) => {
    const a = slot.active;
    switch (msg.type) {
      case 'ready':
        return markReady();
      case 'init-failed':
        markFailed(new TrialError(`the trainer worker could not start: ${msg.error.name}: ${msg.error.message}`, { transient: true }));
        return void worker.terminate();
      case 'warn':
        return opts.warn(msg.message);
      case 'report': {
        if (!a || a.id !== msg.id) return;
        Atomics.store(a.control, 0, a.ctx.report(msg.step, msg.metrics) ? STOP : CONTINUE);
        Atomics.notify(a.control, 0);
        return;
      }
      case 'done':
      case 'failed': {
        if (!a || a.id !== msg.id) return;
        slot.active = undefined;
        opts.afterTrial?.(msg.memory);
        if (msg.type === 'done') a.resolve(msg.result);
        else a.reject(msg.error.trial ? new TrialError(msg.error.message, { transient: msg.error.transient }) : new WorkerError(msg.error));
        pool.release(slot);
      }
    }
  });
  worker.on('error', (err) => die(`${err.name}: ${err.message}`));
  worker.on('exit', (code) => die(`it exited with code ${code}`));
  return slot;
}

/**
 * Runs trial `id` on `slot` once its worker is ready. A cancelled trial's worker is terminated (the trial may be
 * mid-epoch; terminating is the only stop that does not wait for it) and leaves the pool.
 */
function runOn(slot: Slot, id: number, params: Params, ctx: TrialContext, pool: Pick<Pool, 'remove'>): Promise<ObjectiveResult> {
  const control = new Int32Array(new SharedArrayBuffer(4));
  return new Promise<ObjectiveResult>((resolve, reject) => {
    const onAbort = (): void => {
      if (slot.active?.id !== id) return;
      slot.active = undefined;
      slot.dead = true;
      reject(new TrialError(`cancelled: ${String(ctx.signal.reason)}`, { transient: true }));
      void slot.worker.terminate();
      pool.remove(slot);
    };
    const done = (f: () => void): void => {
      ctx.signal.removeEventListener('abort', onAbort);
      f();
    };
    slot.active = { id, ctx, control, resolve: (r) => done(() => resolve(r)), reject: (e) => done(() => reject(e)) };
    ctx.signal.addEventListener('abort', onAbort);
    slot.ready.then(
      () => {
        if (slot.active?.id !== id) return;
        const msg: ToWorker = { type: 'run', id, params, seed: ctx.seed, control: control.buffer as SharedArrayBuffer };
        slot.worker.postMessage(msg);
      },
      (err: unknown) => {
        if (slot.active?.id !== id) return;
        slot.active = undefined;
        done(() => reject(err));
      },
    );
  });
}
