// The engine both entries share: load a config, build its objective, run the study over the trial store, conclude
// (the comparison, the gate's decision and the report, one path after the sweep), and explain a config without running it.
export { explainConfig, firstTrial } from './explain.js';
export { loadConfig, runSweep } from './run.js';
export type { EngineLog, RunMode, RunOptions, RunOutput, RunOverrides, RunPorts } from './run.js';
export { concludeSweep } from './conclusion.js';
export type { Conclusion, ConclusionInput, Decision, ReportLayout } from './conclusion.js';
export { mergeShards, nothingMerged, type ShardPart } from './shard-merge.js';
export { finishShards } from './report-run.js';
