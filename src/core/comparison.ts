import type { Goal, Threshold } from './config/types.js';
import type { Params } from './json.js';

/**
 * - `pass`: within the threshold (or better);
 * - `regressed`: worse than main by more than the threshold (and significant, when samples allow a test);
 * - `not-significant`: past the threshold but Welch's t-test cannot tell it from noise at the gate's alpha;
 * - `no-baseline`: main has no value for this metric; `missing`: this run has none (all trials failed).
 */
export type GateStatus = 'pass' | 'regressed' | 'not-significant' | 'no-baseline' | 'missing';

export interface MetricComparison {
  readonly metric: string;
  readonly goal: Goal;
  readonly baseline?: number;
  readonly current?: number;
  /** current - baseline */
  readonly delta?: number;
  /** delta / |baseline| (undefined when baseline is 0 or absent) */
  readonly relDelta?: number;
  /** True when the change is in the metric's good direction. */
  readonly improved?: boolean;
  /** The rule that gates this metric; absent for metrics shown but not gated. */
  readonly threshold?: Threshold;
  readonly alpha?: number;
  /** Welch's t-test p-value (one-sided, for "worse"), when both sides have at least 2 samples. */
  readonly pValue?: number;
  readonly status: GateStatus;
}

export interface Comparison {
  readonly hasBaseline: boolean;
  readonly metrics: readonly MetricComparison[];
  /** Any gated metric with status `regressed`. */
  readonly regressed: boolean;
  readonly baselineParams?: Params;
  readonly currentParams?: Params;
  readonly baselineSha?: string;
  /** The PR's config hash differs from the baseline's: results may not be like for like. */
  readonly configChanged: boolean;
  /** The gate rules differ from the baseline's. */
  readonly gateChanged: boolean;
}
