// The gate's maths: comparing a run with its baseline (the champion replay and the tuning result), the paired
// statistics behind a verdict, thresholds, and planning the champion's seeds and replay.
export { DEFAULT_CHAMPION_SEEDS, championSeeds, planReplay } from './champion-plan.js';
export type { ChampionRecord, ReplayAdjustment, ReplayPlan, ReplayRecord, SeedRun } from './champion-plan.js';
export { effectiveRules } from './effective-rules.js';
export type { EffectiveRules, Loosening } from './effective-rules.js';
export { replaySettingsOf, replayTrainer, settingsChanges } from './replay-settings.js';
export type { ReplaySettings, ReplayTrainer } from './replay-settings.js';
export { compareChampion, compareResults, isGateFailure, judgedRules } from './compare.js';
export { replayStop } from './replay-stop.js';
export type { ChampionState, Comparison, GateStatus, MetricComparison, PairedComparison, SequentialDecision } from './comparison-types.js';
export { logGamma, pairedTTest, regularizedIncompleteBeta, studentTQuantile, studentTSurvival, welchTTest } from './stats.js';
export type { PairedResult, WelchResult } from './stats.js';
export { formatThreshold, parseThreshold } from './threshold.js';
export { MAX_REGRESSION_ALPHA, withMaxRegression } from './max-regression.js';
export { REPLAY_LOOKS, REPLAY_PLAN, REPLAY_SPENDING, sequentialDesign, sequentialVerdict } from './sequential.js';
export type { ReplayStop, SequentialDesign, SequentialPlan, SequentialVerdict, StopReason } from './sequential.js';
export { normalQuantile, normalSurvival, spendingBounds, spendingName, spent } from './spending.js';
export type { Spending } from './spending.js';
