import type { ChampionRecord, ReplayRecord } from './gate/champion-plan.js';
import type { RunCost } from './cost.js';
import type { Goal, GateRule } from './config/types.js';
import type { Metrics, Params } from './json.js';
import type { FailureReason, StepMetrics, TrialStatus } from './trial.js';

/** Why the sweep stopped. */
export type StopReason = 'trials' | 'minutes' | 'target' | 'exhausted';

export interface ResultTrial {
  readonly key: string;
  readonly params: Params;
  readonly status: TrialStatus;
  readonly metrics: Metrics;
  readonly cached: boolean;
  readonly durationMs: number;
  readonly seed: number;
  readonly history: readonly StepMetrics[];
  readonly error?: string;
  /** For failed trials: the one line of `error` that says why (`ModuleNotFoundError: No module named 'torch'`); absent in older documents. */
  readonly cause?: string;
  /** For failed trials: timeout, cancelled or error. */
  readonly reason?: FailureReason;
  /** Stage index for iterative sweeps (0 otherwise); repeat index for finalist reruns (0 = the search trial). */
  readonly stage: number;
  readonly repeat: number;
}

/** One stage of an iterative sweep, as it ran: the path the search took (`stages` in the results document). */
export interface ResultStage {
  readonly method: string;
  readonly parameters: readonly string[];
  /** Per searched parameter, what the stage searched: its range, decades or refined range. */
  readonly searched: Readonly<Record<string, string>>;
  /** The values earlier stages fixed (parameters not searched yet sit at their prior's middle). */
  readonly fixed: Params;
  /** The stage's trial budget, when it had one. */
  readonly budget?: number;
  /** Trials the stage ran (cached ones included). */
  readonly trials: number;
  /** The stage's best values of its parameters, which the next stages keep. */
  readonly bestParams: Params;
  /** The sweep's best metric after this stage. */
  readonly best?: number;
  /** How much this stage improved the best before it (positive = better for the goal); absent for the first. */
  readonly gain?: number;
  /** Why `stages: auto` planned it. */
  readonly why?: string;
}

export interface ResultBest {
  readonly key: string;
  readonly params: Params;
  /** Metrics of the best trial; with `repeats`, the mean over its seeds. */
  readonly metrics: Metrics;
  /** Per metric, the value from each seed (one element without `repeats`): what the significance test uses. */
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

/**
 * The results document: what `--json` writes, what the Action stores as main's baseline, and what
 * `--baseline` reads back. Extra fields are allowed; these are the contract (DESIGN.md §3 CLI).
 */
export interface ResultsDoc {
  readonly sweep: string;
  readonly configHash: string;
  readonly method: string;
  readonly metric: { readonly name: string; readonly goal: Goal; readonly target?: number };
  readonly backend: string;
  /** How `backend: auto` chose `backend`: the sweep's model timed on each backend, e.g. `wasm (0.21 ms/step vs cpu 0.74 ms/step)`. */
  readonly backendChoice?: string;
  readonly best: ResultBest | null;
  readonly trials: readonly ResultTrial[];
  /** Iterative sweeps: each stage in order (absent without `stages`). */
  readonly stages?: readonly ResultStage[];
  readonly stats: {
    readonly trials: number;
    readonly trained: number;
    readonly cached: number;
    readonly pruned: number;
    readonly failed: number;
    readonly wallMs: number;
    readonly stopReason: StopReason;
    readonly budget: { readonly trials?: number; readonly minutes?: number };
  };
  /** Gate rules in force when this document was made (the report warns when a PR changed them). */
  readonly gate: readonly GateRule[];
  readonly seed: number;
  readonly createdAt: string;
  /** Commit the run was made on, when known (the Action sets it). */
  readonly sha?: string;
  /**
   * The rows the built-in trainer scored on: how many, and a fingerprint of which (row keys and labels), so a
   * comparison can say when main and the PR were scored on different validation rows.
   */
  readonly validation?: { readonly rows: number; readonly fingerprint: string };
  /** This run's best params trained on held-out seeds (recorded on the baseline branch, and by the CLI without --baseline). */
  readonly champion?: ChampionRecord;
  /** The baseline's champion replayed under this run's code and data, with the baseline's seeds. */
  readonly replay?: ReplayRecord;
  /** Why the baseline's champion was not replayed (then the gate compares best with best). */
  readonly replaySkipped?: string;
  /**
   * Why main's champion could not be replayed like for like (main's validation settings unknown or not applicable
   * to this PR's data): the comparison is not comparable, and the gate fails.
   */
  readonly notComparable?: string;
  /** `trainer.save_best`: the path of the best trial's saved model.json. */
  readonly savedModel?: string;
  /** The part of a sweep split across runners this document holds (`shard: i/n`, `--shard i/n`); absent: all of it. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** A sweep split across runners, as the report job merged it: which shards it holds and which it lacks, and why. */
  readonly shards?: ShardsMerged;
  /**
   * A replay-only PR (`pr.search: false`, the Action's `search: false`): the search ran on main only, so `trials` is
   * empty and `best` null; the gate decides on main's champion replayed here.
   */
  readonly replayOnly?: { readonly mainSha?: string };
  /** Trainings (and epochs) this run spent, and saved by the cache, the sequential stop and replay-only (core/cost.ts). */
  readonly cost?: RunCost;
}

export interface ShardsMerged {
  readonly count: number;
  /** Indices (1-based) of the shards merged. */
  readonly merged: readonly number[];
  /** Shards missing (no cache entry), failed (their document says so) or unusable (an invalid document). */
  readonly problems: readonly { readonly index: number; readonly why: string }[];
}

/** The search's own trials, in the order they ran (not the finalists' repeats). */
export function searchTrials(trials: readonly ResultTrial[]): ResultTrial[] {
  return trials.filter((t) => t.repeat === 0);
}
