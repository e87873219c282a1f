import type { Goal, Method, SweepConfig } from '../config/types.js';
import type { Space } from '../distributions/distribution.js';
import type { JsonValue, Metrics, Params } from '../json.js';
import type { Objective } from '../objective.js';
import { createPruner } from '../pruners/index.js';
import { canonicalJson } from '../hash.js';
import type { ResultStage, ResultTrial, StopReason } from '../results.js';
import { deriveSeed } from '../rng.js';
import type { Observation } from '../samplers/sampler.js';
import { createSampler } from '../samplers/index.js';
import { describeSearch, refineDistribution } from './stage-space.js';
import type { TrialStore } from '../trial-store.js';
import { trialSeed } from '../trial.js';
import { curveOf, runTrial, toLoss, type TrialDeps } from './trial-run.js';
import { DEFAULT_TRIALS, planStages, plannedTrials, type PlannedStage } from './stage-plan.js';
import { shardCap, shardSamplerSeed, splitSampler, type Shard } from './shard.js';
import { withWarmStart } from './warm-start.js';

/** Finalists re-run with extra seeds when `repeats` > 1. */
export const FINALISTS = 3;

export interface Progress {
  /** 1-based index of the trial just finished. */
  readonly index: number;
  /** Trial budget, when there is one. */
  readonly total: number | undefined;
  readonly trial: ResultTrial;
  /** Best metric value so far (goal-aware), if any trial completed. */
  readonly best: number | undefined;
  readonly elapsedMs: number;
  /** Minutes budget left, when there is one. */
  readonly remainingMs: number | undefined;
  readonly phase: 'search' | 'repeat';
  /** The sweep metric's name, to print the trial's value. */
  readonly metric: string;
}

export interface StudyPorts {
  readonly objective: Objective;
  readonly store: TrialStore;
  /** Milliseconds since an arbitrary origin (injected so tests control time). */
  now(): number;
  warn(message: string): void;
  progress?(p: Progress): void;
  /** Set when the caller cancels: no new trial starts. */
  readonly signal?: AbortSignal;
  /**
   * How long a stopped trial (timeout, budget, cancel) may take to return before the sweep gives up waiting
   * for it (default 10 s: a program gets SIGTERM, then SIGKILL 5 s later). A JS objective that ignores its
   * signal cannot be killed, but it can no longer hold up the sweep.
   */
  readonly stopGraceMs?: number;
}

export interface StudyOutcome {
  readonly trials: readonly ResultTrial[];
  /** Index in `trials` of the best search trial (after repeats: best by mean), or -1. */
  readonly bestIndex: number;
  /** Per metric, the values of the best params over their seeds (one element without repeats). */
  readonly bestSamples: Readonly<Record<string, readonly number[]>>;
  readonly bestMetrics: Metrics;
  readonly stopReason: StopReason;
  readonly wallMs: number;
  /** Iterative sweeps: the path, stage by stage. */
  readonly stages?: readonly ResultStage[];
}

type StudyConfig = Pick<
  SweepConfig,
  'method' | 'metric' | 'space' | 'earlyTerminate' | 'budget' | 'seed' | 'repeats' | 'stages' | 'trialTimeoutMs' | 'configs'
> & {
  /** Trials at once (default 1); running trials are passed to the sampler as pending. */
  readonly parallel?: number;
  /** This runner's part of a sweep split across runners (shard.ts); absent: the whole sweep. */
  readonly shard?: Shard;
  /** Asked first, before the sampler's own (warm-start.ts): main's best configs on a PR. */
  readonly warmStart?: readonly Params[];
};

/** True when `a` is strictly better than `b` for the goal. */
export function better(a: number, b: number, goal: Goal): boolean {
  return goal === 'maximize' ? a > b : a < b;
}

/**
 * The sweep loop: ask the sampler, look the trial up in the store by key, train on a miss, tell the
 * sampler, until the trial budget, the minutes budget, the target or the space runs out. Stages search
 * their parameter groups in turn with every earlier stage's best fixed.
 */
export async function runStudy(config: StudyConfig, ports: StudyPorts): Promise<StudyOutcome> {
  const sweep = startSweep(config, ports);
  const stages = planStages(config);
  let fixed: Record<string, JsonValue> = {};
  let stopReason: StopReason = 'exhausted';
  const path: ResultStage[] = [];
  for (let s = 0; s < stages.length; s++) {
    const start = sweep.trials.length;
    const end = await runStage(sweep, stages[s]!, s, fixed);
    // A stopped stage still says what it would keep: its path row is the report's, even when the sweep ends there.
    const names = [...Object.keys(fixed), ...stages[s]!.space.map((p) => p.name)];
    const next = bestSoFar(config, sweep.trials, end.stopped ? fixed : { ...fixed, ...end.best }, names);
    if (config.stages.length > 0) path.push(stageSummary(config, stages[s]!, fixed, sweep.trials, start, next, path.at(-1)));
    if (end.stopped) {
      stopReason = end.stopped;
      break;
    }
    fixed = next;
    // The last stage ends because its sampler ran dry or a trial budget (the sweep's or its own) was spent.
    if (s === stages.length - 1) stopReason = end.exhausted ? 'exhausted' : 'trials';
  }
  const rerun = (t: ResultTrial, repeat: number): Promise<ResultTrial> =>
    runTrial(t.params, trialSeed(config.seed, t.params, repeat), repeat, t.stage, {
      ...sweep.deps,
      pruner: undefined,
      prunerId: undefined,
      others: [],
    });
  const { bestIndex, bestSamples, bestMetrics } = await repeatFinalists(config, sweep.trials, {
    rerun,
    record: sweep.record,
    outOfTime: sweep.outOfTime,
  });
  return {
    trials: sweep.trials,
    bestIndex,
    bestSamples,
    bestMetrics,
    stopReason,
    wallMs: ports.now() - sweep.start,
    ...(path.length > 0 ? { stages: path } : {}),
  };
}

/**
 * What the next stages keep: for every parameter searched so far, its value in the best trial so far, which may
 * come from an earlier stage when this one found nothing better (a decade grid that loses to the prior's middle
 * must not move the learning rate). Without a complete trial, each stage's own best (`searched`).
 */
function bestSoFar(config: StudyConfig, trials: readonly ResultTrial[], searched: Params, names: readonly string[]): Params {
  const i = bestTrialIndex(trials, config.metric.name, config.metric.goal);
  return i < 0 ? searched : pick(trials[i]!.params, names);
}

/** One stage's line of the path: what it searched with what fixed, and the best after it. */
function stageSummary(
  config: StudyConfig,
  stage: PlannedStage,
  fixed: Params,
  trials: readonly ResultTrial[],
  start: number,
  next: Params,
  previous: ResultStage | undefined,
): ResultStage {
  const { name, goal } = config.metric;
  const i = bestTrialIndex(trials, name, goal);
  const value = i < 0 ? undefined : trials[i]!.metrics[name];
  const searched = Object.fromEntries(
    stage.space.map((p) => [
      p.name,
      (stage.refine ? 'refined ' : '') + describeSearch(stage.refine ? refineDistribution(p.dist, fixed[p.name]) : p.dist),
    ]),
  );
  const gain =
    previous?.best !== undefined && value !== undefined ? (goal === 'maximize' ? value - previous.best : previous.best - value) : undefined;
  return {
    method: stage.method,
    parameters: stage.space.map((p) => p.name),
    searched,
    fixed: Object.fromEntries(Object.entries(fixed).filter(([k]) => !(k in searched))),
    ...(stage.trials !== undefined ? { budget: stage.trials } : {}),
    trials: trials.length - start,
    bestParams: pick(
      next,
      stage.space.map((p) => p.name),
    ),
    ...(value !== undefined ? { best: value } : {}),
    ...(gain !== undefined ? { gain } : {}),
    ...(stage.why ? { why: stage.why } : {}),
  };
}

/** One sweep under way: its trials so far, what every trial runs with, and when it must stop. */
interface Sweep {
  readonly config: StudyConfig;
  readonly start: number;
  readonly trials: ResultTrial[];
  /** The sweep's trial budget: `run_cap` / `budget.trials`, else all of a grid, else DEFAULT_TRIALS. */
  readonly cap: number;
  /** What every search trial runs with but the curves of the trials before it. */
  readonly deps: Omit<TrialDeps, 'others'>;
  /** Adds a finished trial and tells the progress port. */
  record(trial: ResultTrial, phase: Progress['phase']): void;
  /** Why no further trial may start: the trial budget spent, the minutes budget or the caller's cancel, the target met. */
  stopNow(): StopReason | undefined;
  outOfTime(): boolean;
}

function startSweep(config: StudyConfig, ports: StudyPorts): Sweep {
  const start = ports.now();
  const { name: metricName, goal } = config.metric;
  const pruner = createPruner(config.earlyTerminate);
  const prunerId = pruner ? canonicalJson(config.earlyTerminate ?? null) : undefined;
  const trials: ResultTrial[] = [];
  // With stages, each stage has its own budget (planStages); the sweep's, when given, caps them all.
  const cap = shardCap(
    config.budget.trials ??
      (config.method === 'grid' || config.method === 'manual' || config.stages.length > 0 ? Number.POSITIVE_INFINITY : DEFAULT_TRIALS),
    config.shard,
  );
  const deadline = config.budget.minutes === undefined ? undefined : start + config.budget.minutes * 60_000;
  const total = Math.min(cap, plannedTrials(config));
  const bestValue = (): number | undefined => {
    const i = bestTrialIndex(trials, metricName, goal);
    return i < 0 ? undefined : trials[i]!.metrics[metricName];
  };
  const outOfTime = (): boolean => ports.signal?.aborted === true || (deadline !== undefined && ports.now() >= deadline);
  return {
    config,
    start,
    trials,
    cap,
    deps: { ports, pruner, prunerId, deadline, timeoutMs: config.trialTimeoutMs, metricName, goal },
    record(trial: ResultTrial, phase: Progress['phase']): void {
      trials.push(trial);
      if (!ports.progress) return;
      const now = ports.now();
      ports.progress({
        index: trials.length,
        total: Number.isFinite(total) ? total : undefined,
        trial,
        best: bestValue(),
        elapsedMs: now - start,
        remainingMs: deadline === undefined ? undefined : Math.max(0, deadline - now),
        phase,
        metric: metricName,
      });
    },
    stopNow(): StopReason | undefined {
      if (trials.length >= cap) return 'trials';
      if (outOfTime()) return 'minutes';
      const b = bestValue();
      if (config.metric.target !== undefined && b !== undefined && !better(config.metric.target, b, goal)) return 'target';
      return undefined;
    },
    outOfTime,
  };
}

/** How a stage ended: the sweep must stop, or the stage is done (its sampler ran dry, or its budget was spent) with its best params. */
type StageEnd = { readonly stopped: StopReason } | { readonly stopped?: undefined; readonly exhausted: boolean; readonly best: Params };

/**
 * One stage: its sampler over its parameters (the rest at `fixed`, else neutral), up to `parallel` trials at a
 * time, each recorded in ask order.
 */
async function runStage(sweep: Sweep, stage: PlannedStage, s: number, fixed: Readonly<Record<string, JsonValue>>): Promise<StageEnd> {
  const { config, trials } = sweep;
  const { metricName, goal } = sweep.deps;
  // Parameters not searched yet sit at a neutral value until their stage comes.
  const base: Record<string, JsonValue> = { ...neutralParams(config.space), ...fixed };
  const space = stage.refine ? stage.space.map((p) => ({ name: p.name, dist: refineDistribution(p.dist, fixed[p.name]) })) : stage.space;
  // quasirandom and manual come from their own samplers; manual takes the stage's configs.
  const seed = shardSamplerSeed(config.seed, stage.method, config.shard);
  const sampler = withWarmStart(
    splitSampler(
      createSampler(stage.method as Method, space, deriveSeed('sampler', seed, s), { manual: stage.configs ?? config.configs ?? [] }),
      stage.method,
      config.shard,
    ),
    // A shard asks by position in the seeded order (shard.ts): warm start is for the whole sweep on one runner.
    s === 0 && !config.shard ? (config.warmStart ?? []) : [],
  );
  const pruner = stage.earlyTerminate ? createPruner(stage.earlyTerminate) : sweep.deps.pruner;
  const prunerId = stage.earlyTerminate ? canonicalJson(stage.earlyTerminate) : sweep.deps.prunerId;
  const deps = { ...sweep.deps, pruner, prunerId };
  const stageStart = trials.length;
  const stageCap = stage.trials === undefined ? sweep.cap : Math.min(sweep.cap, stageStart + stage.trials);
  const names = stage.space.map((p) => p.name);
  const parallel = Math.max(1, config.parallel ?? 1);
  // Running trials in ask order (a Map keeps insertion order).
  const running = new Map<Promise<ResultTrial>, Params>();
  /** Asks the sampler for the next trial and starts it; false when the sampler has nothing left to ask. */
  const startNext = (): boolean => {
    const stageTrials = trials.slice(stageStart);
    const history = stageTrials.map((t) => observe(t, names, metricName, goal));
    const asked = sampler.ask(
      history,
      [...running.values()].map((p) => pick(p, names)),
    );
    if (asked === undefined) return false;
    const params: Params = { ...base, ...asked };
    const others = stageTrials.map((t) => curveOf(t.history, metricName, goal));
    running.set(runTrial(params, trialSeed(config.seed, params, 0), 0, s, { ...deps, others }), params);
    return true;
  };
  let exhausted = false;
  let reason: StopReason | undefined;
  for (;;) {
    // Start trials until `parallel` are running, the stage's budget is spoken for, or a stop applies.
    reason = sweep.stopNow();
    while (!reason && !exhausted && running.size < parallel && trials.length + running.size < stageCap) {
      if (!startNext()) {
        exhausted = true;
        break;
      }
      reason = sweep.stopNow();
    }
    if (running.size === 0) break;
    // Record the oldest running trial when it finishes, not whichever finishes first: then every ask sees the
    // same history (the trials asked `parallel` or more asks before it) and the same pending ones (those after),
    // whatever the timing, so a parallel sweep is reproducible and a rerun finds every trial in the cache. A
    // trial that finished early waits for its elders; a worker stays idle meanwhile, the price of that.
    const [done] = running.keys();
    const trial = await done!;
    running.delete(done!);
    sweep.record(trial, 'search');
  }
  if (reason) return { stopped: reason };
  const stageBest = bestTrialIndex(trials.slice(stageStart), metricName, goal);
  return { exhausted, best: stageBest >= 0 ? pick(trials[stageStart + stageBest]!.params, names) : {} };
}

/**
 * With `repeats` > 1, the best few search trials are trained again with other seeds, and the best params
 * are chosen by their mean; the per-seed values feed the gate's significance test. Reruns are extra to the
 * trial budget (they measure noise, they do not search) but respect the minutes budget.
 */
async function repeatFinalists(
  config: StudyConfig,
  trials: readonly ResultTrial[],
  run: {
    rerun(t: ResultTrial, repeat: number): Promise<ResultTrial>;
    record(t: ResultTrial, phase: Progress['phase']): void;
    outOfTime(): boolean;
  },
): Promise<Pick<StudyOutcome, 'bestIndex' | 'bestSamples' | 'bestMetrics'>> {
  const { name: metricName, goal } = config.metric;
  const ranked = rankedTrialIndices(trials, metricName, goal);
  if (ranked.length === 0) return { bestIndex: -1, bestSamples: {}, bestMetrics: {} };
  const groups = new Map<number, ResultTrial[]>();
  for (const i of ranked.slice(0, config.repeats > 1 ? FINALISTS : 1)) groups.set(i, [trials[i]!]);
  for (let r = 1; r < config.repeats; r++) {
    for (const [i, group] of groups) {
      if (run.outOfTime()) break;
      const trial = await run.rerun(trials[i]!, r);
      run.record(trial, 'repeat');
      group.push(trial);
    }
  }
  let bestIndex = -1;
  let bestMean = 0;
  let bestGroup: ResultTrial[] = [];
  for (const [i, group] of groups) {
    const values = group.filter((t) => t.status === 'complete').map((t) => t.metrics[metricName]!);
    const m = mean(values);
    if (bestIndex < 0 || better(m, bestMean, goal)) [bestIndex, bestMean, bestGroup] = [i, m, group];
  }
  const complete = bestGroup.filter((t) => t.status === 'complete');
  const names = [...new Set(complete.flatMap((t) => Object.keys(t.metrics)))].sort();
  const bestSamples: Record<string, number[]> = {};
  const bestMetrics: Record<string, number> = {};
  for (const n of names) {
    const values = complete.map((t) => t.metrics[n]).filter((v): v is number => v !== undefined);
    bestSamples[n] = values;
    bestMetrics[n] = mean(values);
  }
  return { bestIndex, bestSamples, bestMetrics };
}

/** Complete trials (repeat 0) ranked best first; ties keep trial order. */
export function rankedTrialIndices(trials: readonly ResultTrial[], metricName: string, goal: Goal): number[] {
  return trials
    .map((t, i) => [t, i] as const)
    .filter(([t]) => t.repeat === 0 && t.status === 'complete' && t.metrics[metricName] !== undefined)
    .sort(([a, ia], [b, ib]) => toLoss(a.metrics[metricName]!, goal) - toLoss(b.metrics[metricName]!, goal) || ia - ib)
    .map(([, i]) => i);
}

export function bestTrialIndex(trials: readonly ResultTrial[], metricName: string, goal: Goal): number {
  return rankedTrialIndices(trials, metricName, goal)[0] ?? -1;
}

function observe(t: ResultTrial, names: readonly string[], metricName: string, goal: Goal): Observation {
  const v = t.metrics[metricName];
  const curve = curveOf(t.history, metricName, goal);
  const value = t.status === 'failed' ? undefined : v !== undefined ? toLoss(v, goal) : curve.at(-1)?.value;
  return { params: pick(t.params, names), status: t.status, value, curve };
}

/** A deterministic stand-in for parameters a stage does not search: the prior's middle (first category). */
export function neutralParams(space: Space): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const p of space) {
    const values = p.dist.values();
    out[p.name] = p.dist.kind === 'categorical' || (values && values.length === 1) ? values![0]! : p.dist.fromUnit(0.5);
  }
  return out;
}

function pick(params: Params, names: readonly string[]): Params {
  const out: Record<string, JsonValue> = {};
  for (const n of names) if (n in params) out[n] = params[n]!;
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
