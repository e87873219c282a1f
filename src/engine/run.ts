import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseSweepConfig } from '../core/config/parse.js';
import { decodeConfigText, MAX_CONFIG_BYTES } from '../core/config/text.js';
import { isBackendName, type BackendChoice } from '../core/backends.js';
import { type GateRule, type SweepConfig, type Threshold, type TrainerSpec } from '../core/config/types.js';
import { ConfigError, configIssue, errorText, type ConfigIssue } from '../core/errors.js';
import type { Objective } from '../core/objective.js';
import type { ResultsDoc } from '../core/results.js';
import { checkShardable, planWarmStart, runStudy, shardItems, type Progress, type Shard, type StudyOutcome } from '../core/study/index.js';
import { withMaxRegression } from '../core/gate/index.js';
import { runCost, skippedSearch } from '../core/cost.js';
import { championStep } from './champion-step.js';
import type { TrialStore } from '../core/trial-store.js';
import { LocalTrialStore } from '../storage/local-trial-store.js';
import { fingerprintFiles } from './fingerprint.js';
import { createObjective } from './objective-builder.js';
import { trialProcessesGone } from '../trainer/index.js';

export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
  progress?(p: Progress): void;
}

/** One sweep run: the config, what the caller changes about it, where the run stands, and its side effects. */
export interface RunOptions {
  readonly configPath: string;
  readonly overrides?: RunOverrides;
  readonly mode?: RunMode;
  readonly ports: RunPorts;
}

/** What the caller changes about the config: the CLI's flags, the Action's inputs. */
export interface RunOverrides {
  /** Overrides the config's `seed`. */
  readonly seed?: number;
  /** Overrides the config's `parallel` (trials at once). */
  readonly parallel?: number;
  /** Overrides the config's `trial_timeout` (ms). */
  readonly trialTimeoutMs?: number;
  readonly backend?: BackendChoice;
  /** A gate for the sweep's own metric (the Action's `max-regression`, the CLI's `--max-regression`); a config rule for it wins, with a warning. */
  readonly maxRegression?: Threshold;
  /** Gate rules added by the caller; a config rule for the same metric wins. */
  readonly extraGate?: readonly GateRule[];
  /** Overrides the config's `pr.search` (the Action's `search`, the CLI's `--no-search`): false makes a PR replay-only. */
  readonly search?: boolean;
}

/** Where the run stands: the repository it must stay inside, its trial store, its commit, its champion step. */
export interface RunMode {
  /**
   * The folder the config and every file it names must stay inside, symlinks resolved (the Action: the
   * workspace). Default: the git repository holding the config, if any.
   */
  readonly root?: string;
  /** Trial store folder; default `<config folder>/.sweepgate`. */
  readonly cacheDir?: string;
  readonly sha?: string;
  /**
   * The champion step after the search: `record` trains this run's best params on held-out seeds (the baseline
   * branch; the CLI without --baseline); `replay` trains `baseline`'s champion with its seeds under this run's
   * code and data (a PR; the CLI with --baseline). Default: neither.
   */
  readonly champion?:
    | { readonly mode: 'record' }
    /** `sequential: false` replays every seed whatever the evidence (the gate benchmark, which needs them all). */
    | { readonly mode: 'replay'; readonly baseline: ResultsDoc | undefined; readonly sequential?: boolean };
  /**
   * This runner's part of a sweep split across runners (core/study/shard.ts): its share of the search and of the
   * replay's seeds. A shard records no champion (the best is known only once the report job merges the shards).
   */
  readonly shard?: Shard;
}

/** The run's side effects, injected: logging, cancellation, the trial store, the clock, and tfjs-node. */
export interface RunPorts {
  readonly log: EngineLog;
  readonly signal?: AbortSignal;
  /** Injected store (tests, other back ends); default a LocalTrialStore at the mode's cacheDir. */
  readonly store?: TrialStore;
  readonly now?: () => number;
  /**
   * Fetches tfjs-node when the sweep wants it and it is not installed: `backend: tensorflow`, or `auto` with a
   * model big enough for native TensorFlow to win (trainer/tf/native.ts). Resolves to a folder whose node_modules
   * holds it, or undefined when it could not (having warned why). The Action provisions into the runner's tool
   * cache (github/tfjs-node.ts); without it, nothing is fetched.
   */
  readonly provisionTfjsNode?: (why: string) => Promise<string | undefined>;
  /** Further folders with @tensorflow/tfjs-node in their node_modules, looked in after the config's folder. */
  readonly tfjsNodeDirs?: readonly string[];
}

export interface RunOutput {
  readonly config: SweepConfig;
  readonly results: ResultsDoc;
  readonly cacheDir: string;
}

/**
 * Reads and validates a config file; a missing file is a ConfigError (exit 2), not a crash. With a `root`
 * (default: the git repository around the config), the config and every file it names must resolve inside
 * it, so a PR cannot point the trainer or the fingerprint at `../../` or at a symlink to the runner's files.
 */
export async function loadConfig(configPath: string, root?: string): Promise<SweepConfig> {
  const file = path.resolve(configPath);
  const boundary = root ?? (await gitRoot(path.dirname(file)));
  if (boundary) await checkInside(boundary, [['', file]]);
  let bytes: Buffer;
  try {
    // Refused by size before it is read: a config is small, a mistaken path may be a huge file.
    const { size } = await stat(file);
    if (size > MAX_CONFIG_BYTES)
      throw new ConfigError('', `config ${file} is ${(size / 1024 / 1024).toFixed(1)} MB; a sweep config is at most 1 MB`);
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError('', `cannot read config ${file}: ${errorText(err)}`);
  }
  const config = parseSweepConfig(decodeConfigText(bytes, file), file);
  await checkFiles(config);
  const fingerprinted = await fingerprintFiles(config.fingerprint, config.configDir); // a glob that matches nothing is a config error
  if (boundary) await checkInside(boundary, [...workloadFiles(config), ...fingerprinted.map((f): [string, string] => ['fingerprint', f])]);
  return config;
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree), if any. */
async function gitRoot(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      await stat(path.join(d, '.git'));
      return d;
    } catch {
      if (path.dirname(d) === d) return undefined;
    }
  }
}

/** Each [config key, file] must resolve (symlinks included) inside `root`; a file that does not exist is checked elsewhere. */
async function checkInside(root: string, files: readonly (readonly [string, string])[]): Promise<void> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const issues: ConfigIssue[] = [];
  for (const [key, file] of files) {
    const real = await realpath(file).catch(() => undefined);
    if (real === undefined) continue;
    const rel = path.relative(realRoot, real);
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      const what = key === '' ? `the config ${file}` : JSON.stringify(file);
      issues.push(
        configIssue(key, `must stay inside the repository ${realRoot}, got ${what}${real !== file ? ` (resolves to ${real})` : ''}`),
      );
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
}

function workloadFiles(config: SweepConfig): [string, string][] {
  const r = config.workload;
  return r.kind === 'trainer'
    ? [
        ['trainer.data', r.trainer.data],
        ...(r.trainer.type === 'tabular' && r.trainer.validation ? [['trainer.validation', r.trainer.validation] as [string, string]] : []),
      ]
    : r.kind === 'objective'
      ? [['objective', r.module]]
      : r.programKind === 'file'
        ? [['program', r.program]]
        : []; // a module (-m) or console script need not be a file beside the config
}

/** The files a trial runs must exist before anything starts; a missing one is a config error at its key. */
async function checkFiles(config: SweepConfig): Promise<void> {
  const r = config.workload;
  const files = workloadFiles(config);
  const issues: ConfigIssue[] = [];
  for (const [key, file] of files) {
    try {
      const s = await stat(file);
      // the image trainer also reads a folder of class folders
      const folderOk = r.kind === 'trainer' && r.trainer.type === 'image' && key === 'trainer.data' && s.isDirectory();
      if (!s.isFile() && !folderOk) issues.push(configIssue(key, `is not a file, got ${JSON.stringify(file)}`));
    } catch {
      issues.push(
        configIssue(
          key,
          `file not found, got ${JSON.stringify(path.relative(config.configDir, file) || file)} (resolved from ${config.configDir})`,
        ),
      );
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
}

/** The one engine behind the CLI and the Action: config → objective → study over the trial store → results. */
export async function runSweep(opts: RunOptions): Promise<RunOutput> {
  const { overrides = {}, mode = {}, ports } = opts;
  const { log } = ports;
  const loaded = await loadConfig(opts.configPath, mode.root);
  const overridden = withOverrides(loaded, overrides, log);
  checkShardable(overridden, mode.shard);
  for (const w of overridden.warnings) log.warn(w);
  const cacheDir = path.resolve(mode.cacheDir ?? path.join(overridden.configDir, '.sweepgate'));
  const store = ports.store ?? new LocalTrialStore(cacheDir, log.warn);
  const built = await createObjective(overridden, opts);
  const { objective, parallel } = built;
  const config: SweepConfig = { ...overridden, parallel };
  const now = ports.now ?? (() => performance.now());
  // The data is prepared for the first trial that trains; data that cannot be trained on stops the run (dataFailure).
  const stops = [ports.signal, built.dataFailure].filter((s) => s !== undefined);
  const signal = stops.length > 0 ? { signal: AbortSignal.any(stops) } : {};
  try {
    const backend = trainsWithTf(config) ? `, backend ${objective.backend}` : '';
    log.info(
      `sweep ${config.name}: ${config.method} over ${config.space.length} parameters${backend}, ${parallel} at once, cache ${cacheDir}`,
    );
    const baseline = mode.champion?.mode === 'replay' ? mode.champion.baseline : undefined;
    const replayOnly = skipsSearch(config, overrides.search, mode.champion, log);
    // A shard asks by position in the seeded order (core/study/shard.ts): warm start is for a sweep on one runner.
    const warm = replayOnly || !baseline || mode.shard ? undefined : planWarmStart(config, baseline, objective.fingerprint);
    if (warm) log.info(`warm start: ${warm.why}`);
    const studyConfig = { ...config, warmStart: warm?.configs ?? [], ...(mode.shard ? { shard: mode.shard } : {}) };
    const outcome = replayOnly
      ? NO_SEARCH
      : await runStudy(studyConfig, {
          objective,
          store,
          now,
          warn: log.warn,
          ...(log.progress ? { progress: log.progress } : {}),
          ...signal,
        });
    if (built.dataFailure?.aborted) throw built.dataFailure.reason;
    const backendChoice = built.backendChoice;
    const results = {
      ...toResults(config, objective, outcome, mode.sha),
      ...(backendChoice ? { backendChoice } : {}),
      ...(mode.shard ? { shard: mode.shard } : {}),
      ...(replayOnly ? { replayOnly: baseline?.sha ? { mainSha: baseline.sha } : {} } : {}),
    };
    const studyPorts = { objective, store, now, warn: log.warn, ...signal };
    const savedModel = replayOnly ? undefined : await saveBest(config, objective, results, log);
    const done: ResultsDoc = {
      ...results,
      ...(savedModel ? { savedModel } : {}),
      ...(await championStep(
        config,
        results,
        studyPorts,
        mode.shard && mode.champion?.mode === 'record' ? undefined : mode.champion,
        log,
        replayBuilder(config, opts, objective),
        (seeds) => shardItems(seeds, mode.shard),
      )),
    };
    // Seeds the champion step meant to run; a cancelled run's missing seeds were not saved, so they count as planned.
    const planned = ports.signal?.aborted
      ? (done.replay ?? done.champion)?.runs.length
      : done.replay
        ? shardItems(baseline?.champion?.runs ?? [], mode.shard).length
        : done.champion && config.champion.seeds;
    const cost = runCost(done, {
      plannedSeeds: planned || 0,
      replayOnly: replayOnly ? skippedSearch(config) : 0,
      epochs: trainsWithTf(config),
      ...(baseline ? { baseline } : {}),
    });
    return { config, results: { ...done, cost }, cacheDir };
  } finally {
    await objective.dispose?.();
    // Nothing a trial started may still run (and write files) while the results are reported.
    await trialProcessesGone();
  }
}

/** The replay's own trainer (main's validation settings) on the backend the search landed on. */
export function replayBuilder(config: SweepConfig, opts: RunOptions, objective: Objective): (trainer: TrainerSpec) => Promise<Objective> {
  return async (trainer) => {
    const replayConfig: SweepConfig = { ...config, workload: { kind: 'trainer', trainer } };
    const overridesUsed = { ...opts.overrides, ...(isBackendName(objective.backend) ? { backend: objective.backend } : {}) };
    const replay = (await createObjective(replayConfig, { ...opts, overrides: overridesUsed })).objective;
    void replay.validation; // main's split on this PR's data: a DatasetError here makes the replay not comparable
    return replay;
  };
}

/** A replay-only run searches nothing: no trials, no best. */
const NO_SEARCH: StudyOutcome = { trials: [], bestIndex: -1, bestSamples: {}, bestMetrics: {}, stopReason: 'trials', wallMs: 0 };

/**
 * A replay-only PR: `pr.search: false` (or the caller's `search`) on a PR whose baseline has a champion to replay.
 * The baseline branch always searches (its best is what later PRs replay), and so does a PR without a champion to
 * replay (the gate then compares best with best, which needs a search).
 */
function skipsSearch(config: SweepConfig, search: boolean | undefined, step: RunMode['champion'], log: EngineLog): boolean {
  if (search ?? config.pr.search) return false;
  if (step?.mode !== 'replay') {
    log.info('pr.search is false, but this run does not replay a baseline (the baseline branch always searches): searching');
    return false;
  }
  if (step.baseline?.champion?.runs.length) {
    log.info("replay-only: the search ran on main only; this run replays main's champion");
    return true;
  }
  log.warn(
    'pr.search is false, but there is no baseline champion to replay, so this PR runs the search (the gate compares best with best)',
  );
  return false;
}

/** The built-in trainer always trains with TensorFlow.js; a module may not use it (its backend is known after a trial). */
function trainsWithTf(config: SweepConfig): boolean {
  return config.workload.kind === 'trainer';
}

/**
 * `trainer.save_best`: the best trial's model, trained again from its params and seed (the search trial's, also
 * with repeats), written as a LayersModel with a model card. Nothing to save (no completed trial) is a warning.
 */
async function saveBest(config: SweepConfig, objective: Objective, results: ResultsDoc, log: EngineLog): Promise<string | undefined> {
  const r = config.workload;
  if (r.kind !== 'trainer' || r.trainer.saveBest === undefined || !objective.saveModel) return undefined;
  const best = results.best;
  const trial = best && results.trials.find((t) => t.key === best.key);
  if (!best || !trial) {
    log.warn(`trainer.save_best: no trial completed, so no model was written to ${r.trainer.saveBest}`);
    return undefined;
  }
  const file = await objective.saveModel(best.params, trial.seed, r.trainer.saveBest, {
    sweep: config.name,
    configHash: config.configHash,
    trialKey: best.key,
    sweepMetric: { name: config.metric.name, goal: config.metric.goal },
  });
  log.info(`saved the best trial's model to ${file}`);
  return file;
}

export function withOverrides(config: SweepConfig, overrides: RunOverrides, log: EngineLog): SweepConfig {
  const gate = withMaxRegression(config.gate, config.metric, overrides.maxRegression, log.warn);
  for (const rule of overrides.extraGate ?? []) if (!gate.some((g) => g.metric === rule.metric)) gate.push(rule);
  return {
    ...config,
    gate,
    ...(overrides.seed !== undefined ? { seed: overrides.seed } : {}),
    ...(overrides.parallel !== undefined ? { parallel: overrides.parallel } : {}),
    ...(overrides.trialTimeoutMs !== undefined ? { trialTimeoutMs: overrides.trialTimeoutMs } : {}),
  };
}

function toResults(config: SweepConfig, objective: Objective, o: StudyOutcome, sha: string | undefined): ResultsDoc {
  const backend = objective.backend;
  const best = o.bestIndex >= 0 ? o.trials[o.bestIndex]! : undefined;
  const count = (pred: (t: (typeof o.trials)[number]) => boolean): number => o.trials.filter(pred).length;
  return {
    sweep: config.name,
    configHash: config.configHash,
    method: config.method,
    metric: {
      name: config.metric.name,
      goal: config.metric.goal,
      ...(config.metric.target !== undefined ? { target: config.metric.target } : {}),
    },
    backend,
    best: best ? { key: best.key, params: best.params, metrics: o.bestMetrics, samples: o.bestSamples } : null,
    trials: o.trials,
    ...(o.stages ? { stages: o.stages } : {}),
    stats: {
      trials: o.trials.length,
      trained: count((t) => !t.cached),
      cached: count((t) => t.cached),
      pruned: count((t) => t.status === 'pruned'),
      failed: count((t) => t.status === 'failed'),
      wallMs: Math.round(o.wallMs),
      stopReason: o.stopReason,
      budget: {
        ...(config.budget.trials !== undefined ? { trials: config.budget.trials } : {}),
        ...(config.budget.minutes !== undefined ? { minutes: config.budget.minutes } : {}),
      },
    },
    gate: config.gate,
    seed: config.seed,
    createdAt: new Date().toISOString(),
    ...(sha ? { sha } : {}),
    ...(objective.validation ? { validation: objective.validation } : {}),
  };
}
