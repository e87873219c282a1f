import { canonicalJson, sha256Hex } from './hash.js';
import type { Metrics, Params } from './json.js';
import { deriveSeed } from './rng.js';

export type TrialStatus = 'complete' | 'pruned' | 'failed';

/**
 * Why a trial failed: `timeout` (past `trial_timeout`), `cancelled` (the minutes budget ran out or the run was
 * cancelled while it ran) or `error` (the objective failed: its message is in `error`).
 */
export type FailureReason = 'timeout' | 'cancelled' | 'error';

/** Metrics reported at one step (epoch for the built-in trainer, `ctx.report` step for modules). */
export interface StepMetrics {
  readonly step: number;
  readonly metrics: Metrics;
}

/** What the trial store keeps, one per key. Immutable once written. */
export interface TrialRecord {
  readonly key: string;
  readonly params: Params;
  readonly seed: number;
  readonly status: TrialStatus;
  readonly metrics: Metrics;
  readonly history: readonly StepMetrics[];
  readonly durationMs: number;
  readonly backend: string;
  readonly error?: string;
  /** For `failed` records: the one line of `error` that says why (core/failure-cause.ts); absent in older records. */
  readonly cause?: string;
  /** For `failed` records. */
  readonly reason?: FailureReason;
  /** For `pruned` records: the canonical early_terminate spec that stopped it (reused only under the same one). */
  readonly pruner?: string;
}

/** Bumped when anything changes what a stored record means; old records then simply stop matching. */
export const TRIAL_KEY_VERSION = 1;

/** sha256 of canonical `{version, params, seed, fingerprint}`: same inputs, same key, on any machine and branch. */
export function trialKey(params: Params, seed: number, fingerprint: string): string {
  return sha256Hex(canonicalJson({ version: TRIAL_KEY_VERSION, params, seed, fingerprint }));
}

/** A trial's training seed comes from the sweep seed, its params and the repeat index, never its position. */
export function trialSeed(sweepSeed: number, params: Params, repeat = 0): number {
  return deriveSeed('trial', sweepSeed, canonicalJson(params), repeat);
}
