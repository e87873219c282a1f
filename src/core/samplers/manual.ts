import type { Space } from '../distributions/distribution.js';
import type { JsonValue, Params } from '../json.js';
import type { Observation, Sampler } from './sampler.js';

/**
 * `method: manual`: the configurations the config lists (`configs:`), tried as they are, in order, as Optuna's
 * enqueue_trial and Ax's attached trials do; then nothing (the sweep stops as exhausted). Index-addressed like
 * quasirandom: ask i (history + pending) is configs[i], so parallel and sequential sweeps run the same trials and a
 * warm cache replays them. Each configuration was validated against the space by the config parser
 * (parseManualConfigs); here it is only cut to the space's names (a stage searches some of them).
 */
export class ManualSampler implements Sampler {
  readonly name = 'manual';

  constructor(
    private readonly space: Space,
    private readonly configs: readonly Params[],
  ) {}

  ask(history: readonly Observation[], pending: readonly Params[]): Params | undefined {
    const config = this.configs[history.length + pending.length];
    if (config === undefined) return undefined;
    const out: Record<string, JsonValue> = {};
    for (const { name } of this.space) if (config[name] !== undefined) out[name] = config[name]!;
    return out;
  }
}
