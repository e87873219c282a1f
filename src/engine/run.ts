import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parallelProblem, parseSweepConfig } from '../core/config/parse.js';
import type { GateRule, SweepConfig, Threshold } from '../core/config/types.js';
import { ConfigError, ConfigErrors } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import type { Objective } from '../core/objective.js';
import type { ResultsDoc } from '../core/results.js';
import { runStudy, type Progress, type StudyOutcome } from '../core/study.js';
import type { TrialStore } from '../core/store.js';
import { LocalTrialStore } from '../storage/local.js';
import { createCommandObjective, createImageObjective, createModuleObjective, createTabularObjective, loadTf, type BackendChoice } from '../trainer/index.js';
import { fingerprintFiles, fingerprintGlobs } from './fingerprint.js';

export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
  progress?(p: Progress): void;
}

export interface RunOptions {
  readonly configPath: string;
  /** Trial store folder; default `<config folder>/.sweepgate`. */
  readonly cacheDir?: string;
  /** Overrides the config's `seed`. */
  readonly seed?: number;
  /** Overrides the config's `parallel` (trials at once). */
  readonly parallel?: number;
  readonly backend?: BackendChoice;
  /** Gate rules added by the caller (the Action's `max-regression`); a config rule for the same metric wins. */
  readonly extraGate?: readonly GateRule[];
  /** A gate for the sweep's own metric (the Action's `max-regression`, the CLI's `--max-regression`); a config rule for it wins, with a warning. */
  readonly maxRegression?: Threshold;
  readonly log: EngineLog;
  readonly signal?: AbortSignal;
  /** Injected store (tests, other back ends); default a LocalTrialStore at cacheDir. */
  readonly store?: TrialStore;
  readonly sha?: string;
  readonly now?: () => number;
}

export interface RunOutput {
  readonly config: SweepConfig;
  readonly results: ResultsDoc;
  readonly cacheDir: string;
}

/** Reads and validates a config file; a missing file is a ConfigError (exit 2), not a crash. */
export async function loadConfig(configPath: string): Promise<SweepConfig> {
  const file = path.resolve(configPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError('', `cannot read config ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const config = parseSweepConfig(text, file);
  await checkFiles(config);
  await fingerprintFiles(config.fingerprint, config.configDir); // a glob that matches nothing is a config error
  return config;
}

/** The files a trial runs must exist before anything starts; a missing one is a config error at its key. */
async function checkFiles(config: SweepConfig): Promise<void> {
  const r = config.runner;
  const files: [string, string][] =
    r.kind === 'trainer'
      ? [['trainer.data', r.trainer.data], ...(r.trainer.type === 'tabular' && r.trainer.validation ? [['trainer.validation', r.trainer.validation] as [string, string]] : [])]
      : r.kind === 'objective'
        ? [['objective', r.module]]
        : [['program', r.program]];
  const errors: ConfigError[] = [];
  for (const [key, file] of files) {
    try {
      const s = await stat(file);
      // the image trainer also reads a folder of class folders
      const folderOk = r.kind === 'trainer' && r.trainer.type === 'image' && key === 'trainer.data' && s.isDirectory();
      if (!s.isFile() && !folderOk) errors.push(new ConfigError(key, `is not a file, got ${JSON.stringify(file)}`));
    } catch {
      errors.push(new ConfigError(key, `file not found, got ${JSON.stringify(path.relative(config.configDir, file) || file)} (resolved from ${config.configDir})`));
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
}

/** The one engine behind the CLI and the Action: config → objective → study over the trial store → results. */
export async function runSweep(opts: RunOptions): Promise<RunOutput> {
  const loaded = await loadConfig(opts.configPath);
  const config = withOverrides(loaded, opts);
  for (const w of config.warnings) opts.log.warn(w);
  const cacheDir = path.resolve(opts.cacheDir ?? path.join(config.configDir, '.sweepgate'));
  const store = opts.store ?? new LocalTrialStore(cacheDir, opts.log.warn);
  const objective = await createObjective(config, opts);
  const now = opts.now ?? (() => performance.now());
  try {
    opts.log.info(`sweep ${config.name}: ${config.method} over ${config.space.length} parameters, backend ${objective.backend}, cache ${cacheDir}`);
    const outcome = await runStudy(config, {
      objective,
      store,
      now,
      warn: opts.log.warn,
      ...(opts.log.progress ? { progress: opts.log.progress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const results = toResults(config, objective.backend, outcome, opts.sha);
    const savedModel = await saveBest(config, objective, results, opts.log);
    return { config, results: savedModel ? { ...results, savedModel } : results, cacheDir };
  } finally {
    await objective.dispose?.();
  }
}

/**
 * `trainer.save_best`: the best trial's model, trained again from its params and seed (the search trial's, also
 * with repeats), written as a LayersModel with a model card. Nothing to save (no completed trial) is a warning.
 */
async function saveBest(config: SweepConfig, objective: Objective, results: ResultsDoc, log: EngineLog): Promise<string | undefined> {
  const r = config.runner;
  if (r.kind !== 'trainer' || r.trainer.type !== 'tabular' || r.trainer.saveBest === undefined || !objective.saveModel) return undefined;
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

/** Significance level of a `maxRegression` rule (only used when the sweep has `repeats`). */
const DEFAULT_ALPHA = 0.05;

function withOverrides(config: SweepConfig, opts: RunOptions): SweepConfig {
  const gate = [...config.gate];
  const extra = [...(opts.extraGate ?? [])];
  if (opts.maxRegression) {
    const { name, goal } = config.metric;
    if (gate.some((g) => g.metric === name)) opts.log.warn(`max-regression is ignored for ${name}: the sweep config's gate already has a rule for it`);
    else extra.push({ metric: name, goal, threshold: opts.maxRegression, alpha: DEFAULT_ALPHA });
  }
  for (const rule of extra) if (!gate.some((g) => g.metric === rule.metric)) gate.push(rule);
  const problem = opts.parallel === undefined ? undefined : parallelProblem(opts.parallel, config.runner);
  if (problem) throw new ConfigError('--parallel', problem);
  return {
    ...config,
    gate,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.parallel !== undefined ? { parallel: opts.parallel } : {}),
  };
}

async function createObjective(config: SweepConfig, opts: RunOptions): Promise<Objective> {
  const runner = config.runner;
  const globs = await fingerprintGlobs(config.fingerprint, config.configDir);
  let objective: Objective;
  if (runner.kind === 'program') {
    objective = createCommandObjective(runner, { configDir: config.configDir, metricName: config.metric.name });
  } else {
    const handle = await loadTf(opts.backend ?? 'auto', { cwd: config.configDir, warn: opts.log.warn });
    objective =
      runner.kind === 'trainer'
        ? runner.trainer.type === 'image'
          ? await createImageObjective(runner.trainer, handle, { splitSeed: config.seed })
          : await createTabularObjective(runner.trainer, handle, { splitSeed: config.seed })
        : await createModuleObjective(runner.module, handle, { metricName: config.metric.name, warn: opts.log.warn });
  }
  if (!globs) return objective;
  const fingerprint = sha256Hex(`${objective.fingerprint}\u0000${globs}`);
  return {
    fingerprint,
    backend: objective.backend,
    run: (params, ctx) => objective.run(params, ctx),
    ...(objective.dispose ? { dispose: () => objective.dispose!() } : {}),
    ...(objective.saveModel ? { saveModel: (...args: Parameters<NonNullable<Objective['saveModel']>>) => objective.saveModel!(...args) } : {}),
  };
}

function toResults(config: SweepConfig, backend: string, o: StudyOutcome, sha: string | undefined): ResultsDoc {
  const best = o.bestIndex >= 0 ? o.trials[o.bestIndex]! : undefined;
  const count = (pred: (t: (typeof o.trials)[number]) => boolean): number => o.trials.filter(pred).length;
  return {
    sweep: config.name,
    configHash: config.configHash,
    method: config.method,
    metric: { name: config.metric.name, goal: config.metric.goal, ...(config.metric.target !== undefined ? { target: config.metric.target } : {}) },
    backend,
    best: best ? { key: best.key, params: best.params, metrics: o.bestMetrics, samples: o.bestSamples } : null,
    trials: o.trials,
    stats: {
      trials: o.trials.length,
      trained: count((t) => !t.cached),
      cached: count((t) => t.cached),
      pruned: count((t) => t.status === 'pruned'),
      failed: count((t) => t.status === 'failed'),
      wallMs: Math.round(o.wallMs),
      stopReason: o.stopReason,
      budget: { ...(config.budget.trials !== undefined ? { trials: config.budget.trials } : {}), ...(config.budget.minutes !== undefined ? { minutes: config.budget.minutes } : {}) },
    },
    gate: config.gate,
    seed: config.seed,
    createdAt: new Date().toISOString(),
    ...(sha ? { sha } : {}),
  };
}
