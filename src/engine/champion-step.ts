import { championSeeds, planReplay, type SeedRun } from '../core/gate/index.js';
import { resolveHyperparameters } from '../core/config/trainer-params.js';
import type { SweepConfig } from '../core/config/types.js';
import type { JsonValue } from '../core/json.js';
import type { ResultsDoc } from '../core/results.js';
import { runSeeds, type StudyPorts } from '../core/study/index.js';
import type { EngineLog, RunMode } from './run.js';

type ChampionFields = Pick<ResultsDoc, 'champion' | 'replay' | 'replaySkipped'>;

/** Records this run's champion on held-out seeds, or replays the baseline's (see RunMode.champion). */
export async function championStep(
  config: SweepConfig,
  results: ResultsDoc,
  ports: Omit<StudyPorts, 'progress'>,
  step: RunMode['champion'],
  engineLog: EngineLog,
): Promise<ChampionFields> {
  if (!step || config.champion.seeds === 0) return {};
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
    const seeds = championSeeds(config.seed, results.best.params, config.champion.seeds);
    const say = log('champion');
    const runs = await runSeeds(
      results.best.params,
      seeds,
      { ...ports, progress: (r, i) => say(r, i, seeds.length) },
      config.metric,
      config.trialTimeoutMs,
    );
    return { champion: { params: results.best.params, runs } };
  }
  const champion = step.baseline?.champion;
  if (!step.baseline) return {};
  if (!champion || champion.runs.length === 0)
    return {
      replaySkipped: 'the baseline has no champion runs: it was recorded before sweepgate replayed champions, or with champion.seeds: 0',
    };
  const workload = config.workload;
  const plan = planReplay(champion.params, config.space, effectiveDefaults(workload, champion.params));
  if (!plan.ok) return { replaySkipped: plan.reason };
  const seeds = champion.runs.map((r) => r.seed);
  const say = log("main's champion, replayed:");
  const runs = await runSeeds(
    plan.params,
    seeds,
    { ...ports, progress: (r, i) => say(r, i, seeds.length) },
    config.metric,
    config.trialTimeoutMs,
  );
  return { replay: { params: plan.params, adjustments: plan.adjustments, runs } };
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
