// Messages between the main thread (worker-pool.ts) and a trainer worker (worker-thread.ts).
import type { TrainerSpec } from '../../core/config/types.js';
import type { Metrics, Params } from '../../core/json.js';
import type { StepMetrics } from '../../core/trial.js';
import type { BackendName } from '../../core/backends.js';
import type { PreparedData } from '../data/prepared.js';

/** What a worker is started with (workerData). */
export interface WorkerInit {
  readonly trainer: TrainerSpec;
  /** Forced: the main thread already chose (or measured) the backend, so every worker trains on the same one. */
  readonly backend: BackendName;
  /** Where tfjs-node is looked up first (the config's folder). */
  readonly cwd: string;
  /** Further folders with tfjs-node in their node_modules (LoadTfOptions.tfjsNodeDirs). */
  readonly tfjsNodeDirs?: readonly string[];
  /** The image trainer's split seed. */
  readonly splitSeed: number;
  /** The tabular data the main thread already prepared (TabularObjective.prepared), so the worker does not parse the CSV again. */
  readonly prepared?: readonly PreparedData[];
}

/**
 * The shared Int32Array cell of a trial: the worker sets PENDING and waits after each report; the main thread
 * answers CONTINUE or STOP (the pruner's decision) and wakes it.
 */
export const PENDING = 0;
export const CONTINUE = 1;
export const STOP = 2;

export type ToWorker = {
  readonly type: 'run';
  readonly id: number;
  readonly params: Params;
  readonly seed: number;
  readonly control: SharedArrayBuffer;
};

export interface WireError {
  readonly name: string;
  readonly message: string;
  /** A TrialError (a deterministic failure the trial store may keep, unless transient). */
  readonly trial: boolean;
  readonly transient: boolean;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly backend: string }
  | { readonly type: 'init-failed'; readonly error: WireError }
  | { readonly type: 'warn'; readonly message: string }
  | { readonly type: 'report'; readonly id: number; readonly step: number; readonly metrics: Metrics }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly result: { readonly metrics: Metrics; readonly history?: readonly StepMetrics[] };
      readonly memory: WorkerMemory;
    }
  | { readonly type: 'failed'; readonly id: number; readonly error: WireError; readonly memory: WorkerMemory };

/** A worker's state after a trial: tfjs' live tensors in that worker, and the whole process's resident set. */
export interface WorkerMemory {
  readonly tensors: number;
  readonly rssBytes: number;
}
