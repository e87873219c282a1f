/**
 * Warm start: a PR whose search cannot reuse main's trials (their keys changed: data, code, trainer or seed) starts
 * from main's best configurations, re-evaluated under the PR, before its sampler takes over. They are ordinary
 * trials: they count against the trial budget, and bayes and tpe then model them like any other observation.
 */
import type { Method, SweepConfig } from '../config/types.js';
import type { Space } from '../distributions/distribution.js';
import { canonicalJson } from '../hash.js';
import type { JsonValue, Params } from '../json.js';
import type { ResultsDoc } from '../results.js';
import type { Sampler } from '../samplers/sampler.js';
import { trialKey, trialSeed } from '../trial.js';
import { toLoss } from './trial-run.js';

/** Methods that take queued configurations: grid and manual already say every point they try. */
const WARM_METHODS: ReadonlySet<Method> = new Set(['random', 'quasirandom', 'bayes', 'tpe']);

/** Why a PR's search does or does not start from main's configurations, and which it starts from. */
export interface WarmStart {
  readonly configs: readonly Params[];
  /** One sentence for the log. */
  readonly why: string;
}

/**
 * The configurations a PR's search starts from: none when `pr.warm_start` is 0, the method or stages plan their own
 * points, there is no baseline best, or main's best trial's key is still this PR's key (then the cache serves main's
 * trials and the search replays as it ran; queuing configs would change which trials it asks for).
 */
export function planWarmStart(
  config: Pick<SweepConfig, 'method' | 'stages' | 'space' | 'seed' | 'pr'>,
  baseline: Pick<ResultsDoc, 'best' | 'trials' | 'metric'> | undefined,
  fingerprint: string,
): WarmStart {
  const none = (why: string): WarmStart => ({ configs: [], why });
  if (config.pr.warmStart === 0) return none('pr.warm_start is 0');
  if (!WARM_METHODS.has(config.method)) return none(`method ${config.method} chooses every point itself`);
  if (config.stages.length > 0) return none('stages search their parameters in turn');
  const best = baseline?.best;
  if (!baseline || !best) return none('there is no baseline best to start from');
  if (trialKey(best.params, trialSeed(config.seed, best.params), fingerprint) === best.key)
    return none("main's trials are still this PR's: the cache serves them");
  const configs = topConfigs(baseline, config.space, config.pr.warmStart);
  return {
    configs,
    why:
      configs.length > 0
        ? `main's trials cannot be reused here, so the search starts from main's best ${configs.length} configuration${configs.length === 1 ? '' : 's'}`
        : "none of main's best configurations is inside this PR's search space",
  };
}

/**
 * Main's best `n` distinct configurations (the baseline's best first, then its finished search trials by value)
 * that are still inside `space`: every parameter of the space set to a value its distribution can produce.
 * Parameters main had and the space no longer has are dropped.
 */
export function topConfigs(baseline: Pick<ResultsDoc, 'best' | 'trials' | 'metric'>, space: Space, n: number): Params[] {
  const { name, goal } = baseline.metric;
  const ranked = baseline.trials
    .filter((t) => t.repeat === 0 && t.status === 'complete' && t.metrics[name] !== undefined)
    .sort((a, b) => toLoss(a.metrics[name]!, goal) - toLoss(b.metrics[name]!, goal))
    .map((t) => t.params);
  const candidates = baseline.best ? [baseline.best.params, ...ranked] : ranked;
  const seen = new Set<string>();
  const out: Params[] = [];
  for (const params of candidates) {
    if (out.length >= n) break;
    const inside = inSpace(params, space);
    if (!inside) continue;
    const id = canonicalJson(inside);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(inside);
  }
  return out;
}

function inSpace(params: Params, space: Space): Params | undefined {
  const out: Record<string, JsonValue> = {};
  for (const { name, dist } of space) {
    const v = params[name];
    if (v === undefined || !dist.contains(v)) return undefined;
    out[name] = v;
  }
  return out;
}

/**
 * The sampler with `configs` asked first, in order, then its own asks. Stateless like every sampler: the
 * trials finished and running say how many queued configs were handed out, so a rerun asks the same.
 */
export function withWarmStart(sampler: Sampler, configs: readonly Params[]): Sampler {
  if (configs.length === 0) return sampler;
  return {
    name: sampler.name,
    ask(history, pending) {
      const asked = history.length + pending.length;
      return asked < configs.length ? configs[asked] : sampler.ask(history, pending);
    },
  };
}
