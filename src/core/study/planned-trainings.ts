// How many models a run trains, from its config alone (no clock, no data), for what is decided before it starts:
// the estimate of its training in one thread, how many workers can be busy, and whether `backend: auto` has anything
// to time for.
import type { SweepConfig } from '../config/types.js';
import { gridSize } from '../distributions/distribution.js';
import { DEFAULT_TRIALS, plannedTrials } from './stage-plan.js';

export type TrialsConfig = Pick<SweepConfig, 'space' | 'stages' | 'method' | 'budget' | 'champion' | 'repeats' | 'configs'>;

/** What the run does after the search: records a champion (the baseline), replays main's (a PR), or neither. */
export type ChampionStep = 'record' | 'replay' | undefined;

/**
 * The search's trials at most, finite: the trial budget, capped by what the method itself stops at (a grid's or a
 * manual list's size, the stages' plan); a sampler without an end and without a budget stops at DEFAULT_TRIALS.
 */
export function plannedSearchTrials(config: Omit<TrialsConfig, 'champion'>): number {
  const own =
    config.stages.length > 0
      ? plannedTrials(config)
      : config.method === 'grid'
        ? gridSize(config.space)
        : config.method === 'manual'
          ? (config.configs?.length ?? 0)
          : Number.POSITIVE_INFINITY;
  return Math.min(config.budget.trials ?? (Number.isFinite(own) ? own : DEFAULT_TRIALS), own);
}

/**
 * The trainings a run plans: the search's trials, plus the champion's seeds when the run records or replays a champion
 * (config.champion.seeds stands in for the baseline's on a replay). A one-point grid with `champion: {seeds: 0}` is 1
 * (the estimate took any grid as DEFAULT_TRIALS, 20, before: tfjs-node fetched for one trial).
 */
export function plannedTrainings(config: TrialsConfig, champion: ChampionStep): number {
  return plannedSearchTrials(config) + (champion ? config.champion.seeds : 0);
}

/** Trials that can ever run at once: the search's or the champion's seeds, whichever is more. */
export function concurrentTrials(config: TrialsConfig): number {
  return Math.max(plannedSearchTrials(config), config.champion.seeds);
}

/** Whether the run trains one model and no more: one trial, one repeat, and no champion seeds recorded or replayed. */
export function trainsOnce(config: TrialsConfig, champion: ChampionStep): boolean {
  const seeds = champion === 'record' ? config.champion.seeds : champion === 'replay' ? Number.POSITIVE_INFINITY : 0;
  return plannedSearchTrials(config) <= 1 && config.repeats <= 1 && seeds === 0;
}
