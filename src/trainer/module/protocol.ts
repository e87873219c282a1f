// Messages between sweepgate (module-objective.ts) and an objective module's process (module-runner.ts): one JSON
// object a line, sweepgate's on the child's standard input, the child's on its fd 3 (MODULE_FD).
import type { BackendName } from '../../core/backends.js';
import type { Metrics, Params } from '../../core/json.js';

/** The child's channel to sweepgate; its stdout and stderr stay the module's own. */
export const MODULE_FD = 3;

/** The first line the child reads: which module, and either a trial to run or just a check that it loads. */
export interface ModuleInit {
  readonly type: 'init';
  /** The module's absolute path. */
  readonly module: string;
  /** The sha-256 of its bytes when sweepgate fingerprinted it (a changed file is a different URL to import()). */
  readonly hash: string;
  /** The sweep's metric (a bare number returned is this metric). */
  readonly metricName: string;
  /** Absent: only import the module and check its default export. */
  readonly trial?: {
    readonly params: Params;
    readonly seed: number;
    /** The backend the sweep chose: the child loads the same one for ctx.tf. */
    readonly backend: BackendName;
    readonly cwd: string;
    readonly tfjsNodeDirs: readonly string[];
  };
}

/** Sweepgate's answer to each report: the pruner's decision. */
export interface ModuleAnswer {
  readonly type: 'answer';
  readonly stop: boolean;
}

export interface ModuleWireError {
  readonly name: string;
  readonly message: string;
  /** A TrialError (a failure the trial store may keep, unless transient). */
  readonly trial: boolean;
  readonly transient: boolean;
}

export type FromModule =
  | { readonly type: 'loaded' }
  | { readonly type: 'warn'; readonly message: string }
  | { readonly type: 'report'; readonly step: number; readonly metrics: Metrics }
  | {
      readonly type: 'done';
      readonly metrics: Metrics;
      /** The backend ctx.tf ran on, or undefined when the module never touched ctx.tf. */
      readonly backend?: string;
      /** Tensors the trial left allocated. */
      readonly leaked: number;
    }
  | { readonly type: 'failed'; readonly error: ModuleWireError };
