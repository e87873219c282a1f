import type { Metrics, Params } from '../../src/core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../src/core/objective.js';

/**
 * A deterministic objective from a plain function of the params (and seed): optional per-step curve so
 * pruning can be exercised. Counts how often it really ran.
 */
export class FunctionObjective implements Objective {
  readonly backend = 'fake';
  calls = 0;
  constructor(
    private readonly f: (params: Params, seed: number) => Metrics,
    readonly fingerprint = 'fake-v1',
    private readonly steps = 0,
  ) {}
  async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
    this.calls++;
    const final = this.f(params, ctx.seed);
    for (let s = 1; s <= this.steps; s++) {
      const m: Record<string, number> = {};
      // A learning curve that decays towards the final value.
      for (const [k, v] of Object.entries(final)) m[k] = v + (1 / s - 1 / this.steps);
      if (ctx.report(s, m)) return { metrics: m };
    }
    return { metrics: final };
  }
}
