// The study loop: ask the sampler, run each trial against the trial store (cached or trained), tell, stop on the
// budget or the target; and the seeds a finalist or the champion is trained with.
export {
  DEFAULT_TRIALS,
  FINALISTS,
  bestTrialIndex,
  better,
  neutralParams,
  planStages,
  plannedTrials,
  rankedTrialIndices,
  runSeeds,
  runStudy,
} from './study.js';
export { describeSearch } from './stage-space.js';
export type { PlannedStage, Progress, StudyOutcome, StudyPorts } from './study.js';
export { STOP_GRACE_MS, curveOf, runTrial, toLoss } from './trial-run.js';
export type { TrialDeps } from './trial-run.js';
