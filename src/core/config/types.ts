import type { JsonValue } from '../json.js';
import type { Space } from '../distribution.js';

export type Method = 'grid' | 'random' | 'bayes' | 'tpe';
export type Goal = 'minimize' | 'maximize';

export interface MetricSpec {
  readonly name: string;
  readonly goal: Goal;
  /** Stop the sweep once the best value reaches this. */
  readonly target?: number;
}

/** W&B `early_terminate`, plus `median`. Steps are epochs (built-in trainer) or `ctx.report` steps. */
export type EarlyTerminate =
  | {
      readonly type: 'hyperband';
      /** Smallest rung (W&B `min_iter`); with max_iter + s, the first of `rungs`. */
      readonly minIter: number;
      readonly eta: number;
      readonly maxIter?: number;
      readonly s?: number;
      /**
       * With max_iter + s: W&B's bands exactly, ⌊max_iter / eta^i⌋ for i = s..1 (ascending, distinct, > 0).
       * Absent with min_iter alone, where the rungs are min_iter · eta^k.
       */
      readonly rungs?: readonly number[];
    }
  | {
      readonly type: 'median';
      /** Steps before a trial may be pruned. */
      readonly warmupSteps: number;
      /** Finished-or-running trials needed at a step before comparing. */
      readonly minTrials: number;
    };

export type Threshold =
  | { readonly kind: 'absolute'; readonly value: number }
  | { readonly kind: 'relative'; readonly fraction: number };

/** Gate for one metric: fail when it regresses past `threshold` (and, with repeats, significantly at `alpha`). */
export interface GateRule {
  readonly metric: string;
  readonly goal: Goal;
  readonly threshold: Threshold;
  readonly alpha: number;
}

/** Built-in trainer: an MLP on a CSV. Paths are absolute (resolved from the config file's folder). */
export interface TabularTrainerSpec {
  readonly type: 'tabular';
  readonly data: string;
  readonly target: string;
  readonly task: 'classification' | 'regression';
  /** Fraction held out for validation (seeded split). Ignored when `validation` is given. Default 0.2. */
  readonly validationSplit: number;
  /** A separate validation CSV with the same columns. */
  readonly validation?: string;
  /** Feature columns; default: every column but the target. */
  readonly features?: readonly string[];
  /** Defaults for trainer hyperparameters that the sweep does not search (`epochs: 20`, ...). */
  readonly defaults: Readonly<Record<string, JsonValue>>;
  /**
   * The metric `early_stopping_patience` watches: the sweep's metric, set by the config parser only when the
   * sweep uses early stopping (so it is part of the trainer fingerprint exactly when it can change a result).
   * Absent: val_loss, minimised.
   */
  readonly earlyStoppingMetric?: Pick<MetricSpec, 'name' | 'goal'>;
  /**
   * A saved TensorFlow.js LayersModel (model.json, or its folder) to fine-tune: its architecture and weights
   * replace the seeded initial ones. Its bytes are part of the trainer fingerprint.
   */
  readonly baseModel?: string;
  /** Folder the best trial's model is written to after the sweep (model.json, weights.bin, model-card.json). */
  readonly saveBest?: string;
}

/**
 * Built-in trainer on images: convolutional layers, then the dense head of the tabular trainer. `data` is a CSV
 * of pixel rows (row-major, height × width × channels values and the `target` label column) or a folder with one
 * sub-folder of PNG / JPEG files per class, each image resized to `inputShape`. Classification only.
 */
export interface ImageTrainerSpec {
  readonly type: 'image';
  readonly data: string;
  /** The label column of a pixel CSV; absent for a folder of images (the sub-folder is the label). */
  readonly target?: string;
  readonly task: 'classification';
  /** [height, width, channels]; channels 1 (greyscale) or 3 (RGB). */
  readonly inputShape: readonly [number, number, number];
  readonly validationSplit: number;
  readonly defaults: Readonly<Record<string, JsonValue>>;
  readonly earlyStoppingMetric?: Pick<MetricSpec, 'name' | 'goal'>;
}

export type TrainerSpec = TabularTrainerSpec | ImageTrainerSpec;

export type TrialRunner =
  | { readonly kind: 'trainer'; readonly trainer: TrainerSpec }
  | { readonly kind: 'objective'; readonly module: string }
  | {
      readonly kind: 'program';
      readonly program: string;
      /** W&B `command` list, macros not yet expanded; default `${env} ${interpreter} ${program} ${args}`. */
      readonly command: readonly string[];
    };

/** Iterative sweeps: search `parameters` with every earlier stage's best fixed. */
export interface Stage {
  readonly parameters: readonly string[];
  readonly trials?: number;
}

export interface Budget {
  /** Max trials (`run_cap` or `budget.trials`); undefined = until the sampler is exhausted (grid) or 20 otherwise. */
  readonly trials?: number;
  /** No new trial starts after this many minutes. */
  readonly minutes?: number;
}

/** The whole sweep config, parsed once, validated, every path absolute. */
export interface SweepConfig {
  readonly name: string;
  readonly description?: string;
  readonly method: Method;
  readonly metric: MetricSpec;
  readonly space: Space;
  readonly earlyTerminate?: EarlyTerminate;
  readonly budget: Budget;
  readonly seed: number;
  readonly runner: TrialRunner;
  /** `fingerprint` globs as written (relative to configDir); the engine hashes the files they match. */
  readonly fingerprint: readonly string[];
  readonly gate: readonly GateRule[];
  /** Seeds per finalist (>= 1). */
  readonly repeats: number;
  /** Trials run at once (>= 1); the built-in trainer is always 1. */
  readonly parallel: number;
  readonly stages: readonly Stage[];
  /** Folder of the config file; relative paths resolve from here. */
  readonly configDir: string;
  /** sha256 of the canonical parsed document: the report warns when a PR changed it. */
  readonly configHash: string;
  /** The document as parsed (after YAML), for the results JSON. */
  readonly raw: Readonly<Record<string, JsonValue>>;
  /**
   * Things that are valid but probably not what the user meant (`parameters.lr: log_uniform takes exponents, ...`),
   * each as `path: message`. The config still runs; the engine prints them.
   */
  readonly warnings: readonly string[];
}
