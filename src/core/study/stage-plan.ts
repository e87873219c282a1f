// The stages a sweep runs, planned from its config before it starts: each one's slice of the space, method and
// budget. Pure: the study loop runs the plan, `validate --explain` and the progress line read it.
import type { EarlyTerminate, Stage, StageMethod, SweepConfig } from '../config/types.js';
import { gridSize, type Parameter, type Space } from '../distributions/distribution.js';
import { decadeDistribution } from './stage-space.js';

/** Without `run_cap`/`budget.trials`, a non-grid sweep stops after this many trials. */
export const DEFAULT_TRIALS = 20;

type PlanConfig = Pick<SweepConfig, 'space' | 'stages' | 'method' | 'budget'>;

/** A stage as it runs: its slice of the space (decades applied; refine happens when it starts), method and budget. */
export interface PlannedStage {
  readonly space: Space;
  readonly method: StageMethod;
  readonly trials?: number;
  readonly earlyTerminate?: EarlyTerminate;
  readonly refine?: boolean;
  readonly configs?: Stage['configs'];
  readonly why?: string;
}

/**
 * The stages in the order they run. A stage without its own budget runs a grid to its end and otherwise takes
 * the sweep's budget, or DEFAULT_TRIALS when the sweep has none.
 */
export function planStages(config: PlanConfig): PlannedStage[] {
  const { space, stages, method } = config;
  if (stages.length === 0) return [{ space, method }];
  const byName = new Map(space.map((p) => [p.name, p] as const));
  const fallback = (m: StageMethod): number | undefined =>
    m === 'grid' || config.budget.trials !== undefined ? undefined : DEFAULT_TRIALS;
  const planned: PlannedStage[] = stages.map((s) => {
    const m = s.method ?? method;
    const params = s.parameters.map((n) => byName.get(n)).filter((p): p is Parameter => p !== undefined);
    const trials = s.trials ?? fallback(m);
    return {
      space: s.values === 'decades' ? params.map((p) => ({ name: p.name, dist: decadeDistribution(p.dist) })) : params,
      method: m,
      ...(trials !== undefined ? { trials } : {}),
      ...(s.earlyTerminate ? { earlyTerminate: s.earlyTerminate } : {}),
      ...(s.refine ? { refine: true } : {}),
      ...(s.configs ? { configs: s.configs } : {}),
      ...(s.why ? { why: s.why } : {}),
    };
  });
  // Parameters no stage names are searched in the last stage rather than silently frozen.
  const named = new Set(stages.flatMap((s) => s.parameters));
  const rest = space.filter((p) => !named.has(p.name) && p.dist.values()?.length !== 1);
  if (rest.length > 0) {
    const trials = fallback(method);
    planned.push({ space: rest, method, ...(trials !== undefined ? { trials } : {}) });
  }
  return planned;
}

/** Trials the stages will run at most: each one's budget, or a grid's size (infinite when a stage has neither). */
export function plannedTrials(config: PlanConfig): number {
  if (config.stages.length === 0) return Number.POSITIVE_INFINITY;
  return planStages(config).reduce((n, s) => n + (s.trials ?? gridSize(s.space)), 0);
}
