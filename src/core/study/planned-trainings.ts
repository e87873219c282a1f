// How many models a run trains, from its config alone (no clock, no data), for what is decided before it starts:
// the estimate of its training in one thread, how many workers can be busy, and whether `backend: auto` has anything
// to time for.
import type { SweepConfig } from '../config/types.js';
import { DEFAULT_TRIALS, plannedTrials } from './stage-plan.js';

export type TrialsConfig = Pick<SweepConfig, 'space' | 'stages' | 'method' | 'budget' | 'champion' | 'repeats'>;

/** What the run does after the search: records a champion (the baseline), replays main's (a PR), or neither. */
export type ChampionStep = 'record' | 'replay' | undefined;

/** The search's trials at most: its stages' budgets, the trial budget, a grid's size, or DEFAULT_TRIALS. */
function searchTrialsPlanned(config: TrialsConfig): number {
  if (config.stages.length > 0) return plannedTrials(config);
  if (config.method !== 'grid') return config.budget.trials ?? DEFAULT_TRIALS;
  const grid = config.space.reduce((n, p) => n * (p.dist.values()?.length ?? Number.POSITIVE_INFINITY), 1);
  return Math.min(config.budget.trials ?? Number.POSITIVE_INFINITY, grid);
}

/**
 * The trainings a run plans: the search's trials, plus the champion's seeds when the run records or replays a champion
 * (config.champion.seeds stands in for the baseline's on a replay). A one-point grid with `champion: {seeds: 0}` is 1
 * (the estimate took any grid as DEFAULT_TRIALS, 20, before: tfjs-node fetched for one trial).
 */
export function plannedTrainings(config: TrialsConfig, champion: ChampionStep): number {
  const search = searchTrialsPlanned(config);
  return (Number.isFinite(search) ? search : DEFAULT_TRIALS) + (champion ? config.champion.seeds : 0);
}

/** Trials that can ever run at once: the search's or the champion's seeds, whichever is more. */
export function concurrentTrials(config: TrialsConfig): number {
  return Math.max(searchTrialsPlanned(config), config.champion.seeds);
}

/** Whether the run trains one model and no more: one trial, one repeat, and no champion seeds recorded or replayed. */
export function trainsOnce(config: TrialsConfig, champion: ChampionStep): boolean {
  const seeds = champion === 'record' ? config.champion.seeds : champion === 'replay' ? Number.POSITIVE_INFINITY : 0;
  return searchTrialsPlanned(config) <= 1 && config.repeats <= 1 && seeds === 0;
}
