import type { JsonValue, Metrics, Params } from './json.js';
import type { StepMetrics } from './trial.js';

export interface TrialContext {
  /** The trial's seed (derived from the sweep seed and the params). */
  readonly seed: number;
  /**
   * Report the metrics at a step (epoch). Returns true when the pruner says the trial should stop: the
   * objective should then return what it has; the trial is recorded as `pruned` either way.
   */
  report(step: number, metrics: Metrics): boolean;
  /** Set when the sweep is being cancelled (budget time out); long objectives may check it. */
  readonly signal: AbortSignal;
}

export interface ObjectiveResult {
  /** Final metrics (the values the sweep compares). */
  readonly metrics: Metrics;
  /** Learning curve; when the objective reported through ctx.report this may be left empty. */
  readonly history?: readonly StepMetrics[];
}

/**
 * What a trial runs: the built-in tfjs trainer, a JS module or a command. `fingerprint` covers everything
 * that can change a result besides params and seed (trainer spec, data bytes, module bytes, `fingerprint` globs).
 */
export interface Objective {
  readonly fingerprint: string;
  /** Name of the compute backend in use (`tensorflow`, `wasm`, `cpu`, or `process` for commands). */
  readonly backend: string;
  /** The rows every trial is scored on, when the objective knows them (the built-in trainer). */
  readonly validation?: { readonly rows: number; readonly fingerprint: string };
  run(params: Params, ctx: TrialContext): Promise<ObjectiveResult>;
  /** Release resources (tfjs backend, workers). */
  dispose?(): Promise<void>;
  /**
   * The built-in trainer's `save_best`: trains `params` with `seed` again (training is deterministic, so this is
   * the trial's model), writes it into `dir` as a TensorFlow.js LayersModel with a JSON card (`card` adds to it),
   * and returns the path of its model.json.
   */
  saveModel?(params: Params, seed: number, dir: string, card: Readonly<Record<string, JsonValue>>): Promise<string>;
}
