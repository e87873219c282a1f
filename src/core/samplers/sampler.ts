import type { Params } from '../json.js';
import type { TrialStatus } from '../trial.js';

/**
 * A finished trial as samplers see it. `value` is the objective **to minimise** (the study negates it for
 * `goal: maximize`); it is undefined for failed trials and for pruned trials with no report yet.
 * `curve` is the per-step objective (same sign convention), used by model-based samplers for pruned trials.
 */
export interface Observation {
  readonly params: Params;
  readonly status: TrialStatus;
  readonly value: number | undefined;
  readonly curve: readonly { readonly step: number; readonly value: number }[];
}

/**
 * ask/tell over an injected history: `ask` gets every finished observation so far (cached ones included)
 * and the params of trials still running (to fantasise, so parallel workers never get the same point).
 * It returns undefined when the space is exhausted (grid, or a finite space fully tried). A sampler is
 * constructed with (space, seed, options) and must be reproducible: same seed and same history ⇒ same ask.
 */
export interface Sampler {
  readonly name: string;
  ask(history: readonly Observation[], pending: readonly Params[]): Params | undefined;
}
