// The engine both entries share: load a config, build its objective, run the study over the trial store, and
// explain a config without running it.
export { explainConfig, firstTrial } from './explain.js';
export { loadConfig, runSweep } from './run.js';
export type { EngineLog, RunOptions, RunOutput } from './run.js';
