import type { JsonValue, Params } from '../json.js';
import type { Space } from '../distributions/distribution.js';
import type { PyNumbers } from '../pystr.js';

export type Method = 'manual' | 'grid' | 'random' | 'quasirandom' | 'bayes' | 'tpe';
export type Goal = 'minimize' | 'maximize';

/**
 * The metric name of a sweep whose config has no `metric:`, which W&B allows for grid and random sweeps: every
 * trial that runs to the end is complete whatever it reports, no trial is best, and there is nothing to gate.
 */
export const NO_METRIC = '';

export interface MetricSpec {
  /** NO_METRIC ('') when the config has no `metric:`. */
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
      /** `check_rungs: true`: a rung prunes only once it would have kept the best finished trial. */
      readonly checkRungs?: boolean;
    }
  | {
      readonly type: 'median';
      /** Steps before a trial may be pruned. */
      readonly warmupSteps: number;
      /** Finished-or-running trials needed at a step before comparing. */
      readonly minTrials: number;
    };

export type Threshold = { readonly kind: 'absolute'; readonly value: number } | { readonly kind: 'relative'; readonly fraction: number };

/**
 * What a gate rule decides on: `champion` (default), main's best params replayed on this PR with main's seeds,
 * paired seed by seed; `best`, this PR's best against main's best (the tuning result); `both`, either failing fails.
 */
export type GateOn = 'champion' | 'best' | 'both';

/** Gate for one metric: fail when it regresses past `threshold` and a one-sided test is significant at `alpha`. */
export interface GateRule {
  readonly metric: string;
  readonly goal: Goal;
  readonly threshold: Threshold;
  readonly alpha: number;
  /** Default `champion`. */
  readonly on?: GateOn;
}

/** Champion replay: how many held-out seeds main's best params are trained on (0 turns the replay off). */
export interface ChampionSpec {
  readonly seeds: number;
}

/** How a pull request runs (`pr:`); the baseline branch ignores it and always searches. */
export interface PrSpec {
  /** `pr.search` (default true): false runs only the champion replay on a PR, skipping the search. */
  readonly search: boolean;
  /** `pr.warm_start` (default 3): main's best configs a PR's search starts from when main's trials cannot be reused. */
  readonly warmStart: number;
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
  /**
   * Seed of the validation split (`split_seed`, default 0): fixed and independent of the sweep's `seed`, so
   * reseeding a sweep never moves its validation rows.
   */
  readonly splitSeed?: number;
  /** Id columns (`split_by`): a row's side follows its id instead of its position; not features unless listed. */
  readonly splitBy?: readonly string[];
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
  /** Seed of the validation split (`split_seed`, default 0), independent of the sweep's `seed`. */
  readonly splitSeed?: number;
  readonly defaults: Readonly<Record<string, JsonValue>>;
  readonly earlyStoppingMetric?: Pick<MetricSpec, 'name' | 'goal'>;
  /**
   * A LayersModel the image trainer saved (model.json, or its folder) to fine-tune: its conv layers and dense head
   * replace the seeded initial ones. Its bytes (and its card's) are part of the trainer fingerprint.
   */
  readonly baseModel?: string;
  /** Folder the best trial's model is written to after the sweep (model.json, weights.bin, model-card.json). */
  readonly saveBest?: string;
}

export type TrainerSpec = TabularTrainerSpec | ImageTrainerSpec;

export type Workload =
  { readonly kind: 'trainer'; readonly trainer: TrainerSpec } | { readonly kind: 'objective'; readonly module: string } | ProgramWorkload;

/**
 * How `${program}` is run, read from the command: `file` after an interpreter (`python ${program}`, the default),
 * `module` after `-m` (`python -m ${program}`), `command` otherwise (a console script or executable).
 */
export type ProgramKind = 'file' | 'module' | 'command';

/** W&B `program` + `command`. */
export interface ProgramWorkload {
  readonly kind: 'program';
  /** The program's absolute path (what `file` and `module` programs fingerprint). */
  readonly program: string;
  /** `program` as written: what `${program}` becomes, as in W&B (relative paths stay relative to the config's folder). */
  readonly programAsWritten: string;
  readonly programKind: ProgramKind;
  /**
   * W&B `command` list, each item as W&B's `str()` makes it (`- 40` is "40"), macros not yet expanded;
   * default `${env} ${interpreter} ${program} ${args}`.
   */
  readonly command: readonly string[];
  /** `wandb: stand-in` (default) puts sweepgate's offline `wandb` module first on PYTHONPATH; `real` leaves PYTHONPATH alone. */
  readonly wandb: 'stand-in' | 'real';
  /** Per parameter, where its values are Python floats, so `${args}` writes `140.0` as W&B does. */
  readonly pyNumbers: Readonly<Record<string, PyNumbers>>;
  /** Per parameter, its key path under `parameters` (`[optimizer, lr]` nested, `[optimizer.lr]` a dotted top-level name). */
  readonly paramPaths: Readonly<Record<string, readonly string[]>>;
}

/**
 * A stage's search method: the sweep's methods plus `quasirandom` and `manual`, which the samplers may not all
 * offer yet (createSampler says so when a stage asks for one it lacks).
 */
export type StageMethod = Method | 'quasirandom' | 'manual';

/** Iterative sweeps: search `parameters` with every earlier stage's best fixed. */
export interface Stage {
  readonly parameters: readonly string[];
  /** The stage's trial budget (`run_cap`, `budget.trials` or `trials`); absent: a grid's size, else the sweep's. */
  readonly trials?: number;
  /** Absent: the sweep's `method`. */
  readonly method?: StageMethod;
  /** Absent: the sweep's `early_terminate`. */
  readonly earlyTerminate?: EarlyTerminate;
  /** `values: decades`: each numeric parameter of the stage takes the powers of ten inside its range. */
  readonly values?: 'decades';
  /** `refine: true`: each numeric parameter's range narrows around its best value so far (see refineDistribution). */
  readonly refine?: boolean;
  /** `method: manual`: the configurations to try as they are, handed to the sampler. */
  readonly configs?: readonly Readonly<Record<string, JsonValue>>[];
  /** Why `stages: auto` made this stage (absent for stages written out). */
  readonly why?: string;
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
  /** `method: manual`: the configurations to try, in order, validated against the space (constants filled in). */
  readonly configs?: readonly Params[];
  readonly metric: MetricSpec;
  readonly space: Space;
  readonly earlyTerminate?: EarlyTerminate;
  readonly budget: Budget;
  /** `trial_timeout` in ms: a trial running longer is stopped (with its processes) and recorded as failed. */
  readonly trialTimeoutMs?: number;
  readonly seed: number;
  readonly workload: Workload;
  /** `fingerprint` globs as written (relative to configDir); the engine hashes the files they match. */
  readonly fingerprint: readonly string[];
  readonly gate: readonly GateRule[];
  /** Seeds per finalist (>= 1). */
  readonly repeats: number;
  /** Champion replay seeds (`champion.seeds`). */
  readonly champion: ChampionSpec;
  /** `pr:` how a pull request runs. */
  readonly pr: PrSpec;
  /** Trials run at once (>= 1), when the config says; absent: the engine's default for the workload. */
  readonly parallel?: number;
  readonly stages: readonly Stage[];
  /** True when `stages: auto` planned `stages` from the parameters' names. */
  readonly stagesAuto?: boolean;
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
  /** Per parameter: where it is written and, when `distribution` was not, the keys W&B's inference went by (for `validate --explain`). */
  readonly paramSources?: Readonly<Record<string, ParamSource>>;
}

export interface ParamSource {
  /** `parameters.optimizer.parameters.lr` */
  readonly path: string;
  readonly inferredFrom?: string;
  /** Each key of the block as Python prints what PyYAML read (`max: 1.0`, not `1`). */
  readonly written?: Readonly<Record<string, string>>;
}
