/**
 * What a run cost and what it did not have to spend: trainings (and epochs, for the built-in trainer) trained by
 * this run, and saved by the trial cache, by the champion replay's sequential stop and by a replay-only PR. Pure:
 * counted from the results document; the report's Run section and the results JSON's `cost` both show it.
 */
import type { SweepConfig } from './config/types.js';
import type { SeedRun } from './gate/champion-plan.js';
import type { ResultTrial, ResultsDoc } from './results.js';
import { FINALISTS, plannedSearchTrials } from './study/index.js';

/** One unit (trainings or epochs): spent by this run, and saved by each of the three ways not to train. */
export interface CostCounts {
  /** Trained by this run: search trials, finalist reruns, champion or replay seeds, the `save_best` model. */
  readonly spent: number;
  /** Served by the trial cache instead of trained. */
  readonly cache: number;
  /** Replay seeds planned (main's recorded seeds, or `champion.seeds`) but not run: the replay decided earlier. */
  readonly sequentialStop: number;
  /** The search a replay-only PR skipped: its trial budget and finalist reruns. */
  readonly replayOnly: number;
}

export interface RunCost {
  readonly trainings: CostCounts;
  /**
   * The built-in trainer only: epochs. Spent and cached are counted from the trials' histories; what was never run
   * is an estimate (the mean epochs of the runs that did, or of main's search for replay-only), marked `estimated`.
   */
  readonly epochs?: CostCounts & { readonly estimated: readonly ('sequentialStop' | 'replayOnly')[] };
}

export interface CostContext {
  /** Seeds the champion step meant to run: main's recorded seeds on a PR, `champion.seeds` on main; 0 without a step. */
  readonly plannedSeeds: number;
  /** Search trainings a replay-only PR did not spend (`skippedSearch`); 0 when the search ran. */
  readonly replayOnly: number;
  /** Count epochs: the built-in trainer reports one step per epoch. */
  readonly epochs: boolean;
  /** Main's results, whose search trials estimate the epochs a replay-only PR did not spend. */
  readonly baseline?: ResultsDoc;
}

/** The trainings a search would spend: its trial budget (a grid's or manual list's size at most), and finalist reruns. */
export function skippedSearch(config: Pick<SweepConfig, 'method' | 'budget' | 'space' | 'stages' | 'configs' | 'repeats'>): number {
  const budget = plannedSearchTrials(config);
  return budget + (config.repeats > 1 ? (config.repeats - 1) * Math.min(FINALISTS, budget) : 0);
}

export function runCost(r: ResultsDoc, ctx: CostContext): RunCost {
  const runs: readonly SeedRun[] = r.replay?.runs ?? r.champion?.runs ?? [];
  const savedModel = r.savedModel !== undefined && r.best ? r.trials.find((t) => t.key === r.best!.key) : undefined;
  const trained = r.trials.filter((t) => !t.cached);
  const cached = r.trials.filter((t) => t.cached);
  const stopped = Math.max(0, ctx.plannedSeeds - runs.length);
  const trainings: CostCounts = {
    spent: trained.length + runs.filter((x) => !x.cached).length + (savedModel ? 1 : 0),
    cache: cached.length + runs.filter((x) => x.cached).length,
    sequentialStop: stopped,
    replayOnly: ctx.replayOnly,
  };
  if (!ctx.epochs) return { trainings };
  const steps = (ts: readonly ResultTrial[]): number => ts.reduce((n, t) => n + t.history.length, 0);
  const runSteps = (xs: readonly SeedRun[]): number => xs.reduce((n, x) => n + (x.steps ?? 0), 0);
  const perRun = runs.length > 0 ? runSteps(runs) / runs.length : 0;
  const mainSearch = (ctx.baseline?.trials ?? []).filter((t) => t.status !== 'failed');
  const perTrial = mainSearch.length > 0 ? steps(mainSearch) / mainSearch.length : 0;
  const estimated = [...(stopped > 0 ? (['sequentialStop'] as const) : []), ...(ctx.replayOnly > 0 ? (['replayOnly'] as const) : [])];
  return {
    trainings,
    epochs: {
      spent: steps(trained) + runSteps(runs.filter((x) => !x.cached)) + (savedModel?.history.length ?? 0),
      cache: steps(cached) + runSteps(runs.filter((x) => x.cached)),
      sequentialStop: Math.round(stopped * perRun),
      replayOnly: Math.round(ctx.replayOnly * perTrial),
      estimated,
    },
  };
}
