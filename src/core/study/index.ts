// The study loop: ask the sampler, run each trial against the trial store (cached or trained), tell, stop on the
// budget or the target; and the seeds a finalist or the champion is trained with.
export { FINALISTS, bestTrialIndex, better, neutralParams, rankedTrialIndices, runStudy } from './study.js';
export { runSeeds } from './seed-runs.js';
export { describeSearch } from './stage-space.js';
export { DEFAULT_TRIALS, planStages, plannedTrials } from './stage-plan.js';
export type { PlannedStage } from './stage-plan.js';
export { concurrentTrials, plannedSearchTrials, plannedTrainings, trainsOnce } from './planned-trainings.js';
export type { ChampionStep, TrialsConfig } from './planned-trainings.js';
export type { Progress, StudyOutcome, StudyPorts } from './study.js';
export { STOP_GRACE_MS, curveOf, runTrial, toLoss } from './trial-run.js';
export type { TrialDeps } from './trial-run.js';
export {
  MAX_SHARDS,
  checkShardable,
  isSplitMethod,
  parseShard,
  shardCap,
  shardItems,
  shardLabel,
  shardPosition,
  unsplittable,
} from './shard.js';
export type { Shard } from './shard.js';
export { planWarmStart, topConfigs, withWarmStart, type WarmStart } from './warm-start.js';
