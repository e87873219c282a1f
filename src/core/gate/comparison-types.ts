import type { ReplayAdjustment } from './champion-plan.js';
import type { Loosening } from './effective-rules.js';
import type { GateOn, Goal, Threshold } from '../config/types.js';
import type { Params } from '../json.js';

/**
 * - `pass`: within the threshold, or better;
 * - `regressed`: worse than main by more than the threshold, and significantly so when samples allow a test;
 * - `not-significant`: past the threshold but the one-sided test cannot tell it from noise at the gate's alpha;
 * - `no-baseline`: main has no value for this metric; `missing`: this run has none (all trials failed);
 * - `failed`: a replay of main's champion failed to train: a model that no longer trains is a regression;
 * - `not-comparable`: main's champion cannot be replayed like for like (Comparison.notComparable says why).
 */
export type GateStatus = 'pass' | 'regressed' | 'not-significant' | 'no-baseline' | 'missing' | 'failed' | 'not-comparable';

/** Main's champion against its replay on this PR, for one metric: same params, same seeds, paired. */
export interface PairedComparison {
  /** Seeds on which both sides have a value (the pairs of the test). */
  readonly n: number;
  /** Means over those seeds. */
  readonly baseline: number;
  readonly current: number;
  /** current - baseline (mean of the per-seed differences). */
  readonly delta: number;
  /** 95% confidence interval of `delta` (absent with a single pair). */
  readonly ci?: readonly [number, number];
  /** One-sided paired t-test p-value for "worse by more than the threshold" (gated metrics with two or more pairs). */
  readonly pValue?: number;
  /** True when the change is in the metric's good direction. */
  readonly improved: boolean;
  readonly status: GateStatus;
  /** For `failed`: the first replay error. */
  readonly error?: string;
  /** A sequential replay (gated metrics): the look that decided this metric and why. */
  readonly sequential?: SequentialDecision;
}

/** Where a sequential replay decided one metric: after `seeds` of `of` seeds, at look `look`, and why. */
export interface SequentialDecision {
  readonly look: number;
  readonly seeds: number;
  readonly of: number;
  readonly why: 'past' | 'within' | 'all-seeds';
  /** The one-sided level "worse by more than the threshold" was tested at on that look (the rule's alpha, spent over the looks). */
  readonly level: number;
}

export interface MetricComparison {
  readonly metric: string;
  readonly goal: Goal;
  /** The tuning result: main's best value and this PR's best value (means over seeds with `repeats`). */
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
  readonly on?: GateOn;
  /** Welch's t-test p-value of the tuning result (one-sided, for "worse by more than the threshold"), gated metrics with 2+ samples a side. */
  readonly pValue?: number;
  /** The tuning result judged by the rule. */
  readonly bestStatus: GateStatus;
  /** The champion replay for this metric, when main's champion was replayed and has the metric. */
  readonly champion?: PairedComparison;
  /** What the decision rests on: the replay, the tuning result, or both (absent for ungated metrics). */
  readonly decidedBy?: 'champion' | 'best' | 'both';
  /** The decision. */
  readonly status: GateStatus;
  /** For `not-comparable`: why. */
  readonly reason?: string;
}

/** How the champion replay went, for the whole comparison. */
export type ChampionState =
  | {
      readonly state: 'replayed';
      readonly params: Params;
      readonly adjustments: readonly ReplayAdjustment[];
      /** Main's settings the replay kept where this PR's differ (ReplayRecord.mainSettings). */
      readonly mainSettings?: readonly string[];
      readonly seeds: number;
      /** A sequential replay: the seeds main recorded, the most it would have run (ReplayStop.of). */
      readonly of?: number;
      readonly cached: number;
      readonly failed: number;
    }
  /** Not replayed (why): rules that gate on the champion fall back to best against best. */
  | { readonly state: 'unavailable'; readonly reason: string }
  /** Could not be replayed like for like (Comparison.notComparable): the gate fails. */
  | { readonly state: 'not-comparable'; readonly reason: string };

export interface Comparison {
  readonly hasBaseline: boolean;
  readonly metrics: readonly MetricComparison[];
  /** Any gated metric that fails the gate. */
  readonly regressed: boolean;
  readonly baselineParams?: Params;
  readonly currentParams?: Params;
  readonly baselineSha?: string;
  /** The PR's config hash differs from the baseline's: results may not be like for like. */
  readonly configChanged: boolean;
  /** The gate rules differ from the baseline's. */
  readonly gateChanged: boolean;
  /** Absent when there is no baseline. */
  readonly champion?: ChampionState;
  /**
   * True when both sides say which rows they were scored on and those differ (the PR changed the validation
   * rows or their labels: values are then not measured on the same rows).
   */
  readonly validationChanged?: boolean;
  readonly validationRows?: { readonly baseline: number; readonly current: number };
  /** What this PR loosened in the gate against the baseline's rules (main's rule applied instead); empty without a baseline. */
  readonly loosened?: readonly Loosening[];
  /** Why main's champion could not be replayed like for like: every gated metric is `not-comparable` and the gate fails. */
  readonly notComparable?: string;
}
