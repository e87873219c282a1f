import {
  championSeeds,
  judgedRules,
  planReplay,
  replaySettingsOf,
  replayStop,
  replayTrainer,
  settingsChanges,
  type ReplayStop,
  type SeedRun,
} from '../core/gate/index.js';
import { resolveHyperparameters } from '../core/config/trainer-params.js';
import type { SweepConfig, TrainerSpec } from '../core/config/types.js';
import { classifyError, errorText } from '../core/errors.js';
import type { JsonValue } from '../core/json.js';
import type { Objective } from '../core/objective.js';
import type { ResultsDoc } from '../core/results.js';
import { runSeeds, type StudyPorts } from '../core/study/index.js';
import type { EngineLog, RunMode } from './run.js';

type ChampionFields = Pick<ResultsDoc, 'champion' | 'replay' | 'replaySkipped' | 'notComparable'>;

/** Builds the built-in trainer's objective with another trainer spec (main's settings), for the replay. */
export type ReplayObjectiveBuilder = (trainer: TrainerSpec) => Promise<Objective>;

/**
 * Records this run's champion on held-out seeds, or replays the baseline's (see RunMode.champion). The replay
 * runs main's seeds in main's order, whatever this PR's `champion.seeds` says, and stops at the first look where
 * every rule on the champion is decided (core/gate/sequential.ts; all seeds with `sequential: false`); it runs
 * with main's validation settings and trainer.defaults (`buildReplay` makes the trainer for them when they
 * differ from this run's).
 */
export async function championStep(
  config: SweepConfig,
  results: ResultsDoc,
  ports: Omit<StudyPorts, 'progress'>,
  step: RunMode['champion'],
  engineLog: EngineLog,
  buildReplay: ReplayObjectiveBuilder,
  /** Which of the seeds to run here (a shard's share of the replay, the report job's leftovers); default all. */
  pickSeeds: (seeds: readonly number[]) => readonly number[] = (seeds) => seeds,
): Promise<ChampionFields> {
  if (!step || (step.mode === 'record' && config.champion.seeds === 0)) return {};
  const log =
    (what: string) =>
    (run: SeedRun, i: number, n: number): void => {
      const v = run.metrics[config.metric.name];
      const value =
        run.status === 'failed'
          ? `failed: ${run.error ?? 'unknown error'}`
          : `${config.metric.name} ${v === undefined ? 'n/a' : Number(v.toPrecision(6))}`;
      engineLog.info(`${what} seed ${i}/${n}: ${value}${run.cached ? ' (cached)' : ''}`);
    };
  if (step.mode === 'record') {
    if (!results.best) return {};
    const seeds = pickSeeds(championSeeds(config.seed, results.best.params, config.champion.seeds));
    const say = log('champion');
    const runs = await runSeeds(
      results.best.params,
      seeds,
      { ...ports, progress: (r, i) => say(r, i, seeds.length) },
      config.metric,
      config.trialTimeoutMs,
    );
    const settings = replaySettingsOf(config);
    return { champion: { params: results.best.params, runs, ...(settings ? { settings } : {}) } };
  }
  const champion = step.baseline?.champion;
  if (!step.baseline) return {};
  if (!champion || champion.runs.length === 0)
    return {
      replaySkipped: 'the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0',
    };
  const replay = await replayWorkload(config, step.baseline, buildReplay, engineLog);
  if ('notComparable' in replay) return { notComparable: replay.notComparable };
  const plan = planReplay(champion.params, config.space, effectiveDefaults(replay.workload, champion.params), {
    keepMainValues: replay.workload.kind === 'trainer',
  });
  if (!plan.ok) {
    await replay.dispose?.();
    // A program's or module's parameters are its arguments: replaying without one would change the code under test.
    return {
      notComparable: `${plan.reason}, so main's best config cannot be passed to this PR's ${replay.workload.kind} as main ran it. Keep the parameter in the space (fix it with \`value:\` to stop searching it); to drop it on purpose, accept this once (the Action's accept-label, the CLI's --accept-regression): the baseline recorded after the merge no longer uses it`,
    };
  }
  const seeds = pickSeeds(champion.runs.map((r) => r.seed));
  const say = log("main's champion, replayed:");
  // Sequential: stop at the first look where every rule on the champion is decided (same seeds, same order).
  const rules = judgedRules(step.baseline, config.gate).rules;
  let stop: ReplayStop | undefined;
  // A shard's share of the seeds (every n-th) is not a prefix of main's order, so it cannot stop at a look: each
  // shard runs its whole share, and the report job decides on all of them with the fixed rule.
  const sequential = step.sequential !== false && seeds.length === champion.runs.length;
  try {
    const runs = await runSeeds(
      plan.params,
      seeds,
      {
        ...ports,
        objective: replay.objective ?? ports.objective,
        progress: (r, i) => say(r, i, seeds.length),
        ...(sequential ? { stop: (so) => (stop = replayStop(champion.runs, so, rules, seeds.length)) !== undefined } : {}),
      },
      config.metric,
      config.trialTimeoutMs,
    );
    const kept = replay.mainSettings ? { mainSettings: replay.mainSettings } : {};
    if (stop && stop.seeds < seeds.length) engineLog.info(`main's champion, replayed: ${stopSentence(stop)}`);
    return { replay: { params: plan.params, adjustments: plan.adjustments, runs, ...kept, ...(stop ? { sequential: stop } : {}) } };
  } finally {
    await replay.dispose?.();
  }
}

/** `stopped after 3 of 10 seeds: every gated metric is decided (clearly past the threshold)`, for the log. */
function stopSentence(stop: ReplayStop): string {
  const why =
    stop.why === 'past'
      ? 'clearly past the threshold'
      : stop.why === 'within'
        ? 'clearly within the threshold'
        : stop.why === 'failed'
          ? 'a run failed to train'
          : 'no early decision';
  return `stopped after ${stop.seeds} of ${stop.of} seeds: ${why}`;
}

type ReplayWorkload =
  | {
      readonly workload: SweepConfig['workload'];
      readonly objective?: Objective;
      readonly dispose?: () => Promise<void>;
      /** Main's settings that differ from this run's (`split_seed 0 → 3`): what the replay kept of main's. */
      readonly mainSettings?: readonly string[];
    }
  | { readonly notComparable: string };

/**
 * The workload main's champion is replayed with: this run's, or, for the built-in trainer, this run's data and
 * code with main's recorded validation settings and defaults. Not comparable when they cannot be applied.
 */
async function replayWorkload(
  config: SweepConfig,
  baseline: ResultsDoc,
  buildReplay: ReplayObjectiveBuilder,
  engineLog: EngineLog,
): Promise<ReplayWorkload> {
  const workload = config.workload;
  if (workload.kind !== 'trainer') return { workload };
  const recorded = baseline.champion?.settings;
  const plan = replayTrainer(workload.trainer, recorded, baseline.configHash === config.configHash);
  if (!plan.ok) return { notComparable: plan.reason };
  const replayed: SweepConfig['workload'] = { kind: 'trainer', trainer: plan.trainer };
  if (!plan.changed) return { workload: replayed };
  const mainSettings = settingsChanges(recorded!, replaySettingsOf(config)!);
  engineLog.info(`main's champion is replayed with main's settings, not this PR's: ${mainSettings.join(', ')}`);
  try {
    const objective = await buildReplay(plan.trainer);
    return { workload: replayed, objective, mainSettings, ...(objective.dispose ? { dispose: () => objective.dispose!() } : {}) };
  } catch (err) {
    if (classifyError(err).errorClass !== 'config') throw err;
    return {
      notComparable: `main's validation settings cannot be applied to this PR's data (${errorText(err)}), so main's best config cannot be replayed on main's validation rows. Keep the columns main's split_by names; to change the split on purpose, accept this once (the Action's accept-label, the CLI's --accept-regression): the baseline recorded after the merge uses the new split`,
    };
  }
}

/**
 * What a trial with `params` trained with for a hyperparameter it did not set: `trainer.defaults`, else the built-in
 * default as the trainer resolves it (so for an rmsprop champion, momentum is rmsprop's default, not the `momentum`
 * optimizer's; validation_split is `trainer.validation_split`). Nothing for workloads other than the built-in trainers.
 */
export function effectiveDefaults(
  workload: SweepConfig['workload'],
  params: Readonly<Record<string, JsonValue>>,
): (name: string) => JsonValue | undefined {
  // trainer.validation_split is the default of the validation_split hyperparameter, as the trainers resolve it.
  const resolved =
    workload.kind === 'trainer'
      ? resolveHyperparameters(params, { validation_split: workload.trainer.validationSplit, ...workload.trainer.defaults })
      : {};
  return (name) => resolved[name];
}
