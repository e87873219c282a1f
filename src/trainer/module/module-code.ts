// What runs inside an objective module's own process (module-runner.ts): importing the module, and turning what
// it returned into the trial's metrics. The messages are the ones sweepgate gave when modules ran in-process.
import { NO_METRIC } from '../../core/config/types.js';
import { pathToFileURL } from 'node:url';
import { TrialError, show, errorText } from '../../core/errors.js';
import type { Metrics, Params } from '../../core/json.js';
import type { Tf } from '../tf/backend.js';
import { displayPath } from '../data/errors.js';
import { asMetrics, describe, mergeReports } from '../reported-metrics.js';

/** What an objective module's default export receives as its second argument. */
export interface ModuleContext {
  /** The trial's seed: seed every random choice from it (tf.randomNormal(..., seed), your own PRNG). */
  readonly seed: number;
  /** Report metrics at a step (epoch); returns true when the pruner wants the trial stopped. */
  report(step: number, metrics: Metrics): boolean;
  /** Never aborted: a cancelled trial's process is stopped (SIGTERM, then SIGKILL) with everything it started. */
  readonly signal: AbortSignal;
  /** The loaded TensorFlow.js (tfjs-node, wasm or cpu backend), with tf.layers. */
  readonly tf: Tf;
}

export type ObjectiveFunction = (params: Params, ctx: ModuleContext) => unknown;

/** Imports the objective module (`hash`: its bytes' sha-256, so a changed file is a new URL); its default export must be a function. */
export async function loadModule(file: string, hash: string): Promise<ObjectiveFunction> {
  const url = `${pathToFileURL(file).href}?sha256=${hash}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (err) {
    const message = errorText(err);
    const hint =
      err instanceof SyntaxError && file.endsWith('.js') && /\b(export|import)\b/.test(message)
        ? ' (an ES module: name it .mjs, or add "type": "module" to the nearest package.json)'
        : '';
    throw new TrialError(`objective module ${displayPath(file)} failed to load: ${message}${hint}`);
  }
  const fn = mod['default'];
  if (typeof fn !== 'function') {
    const names = Object.keys(mod).filter((k) => k !== 'default');
    throw new TrialError(
      `objective module ${displayPath(file)} must \`export default async function (params, ctx)\`; its default export is ${describe(fn)}` +
        (names.length > 0 ? ` (named exports: ${names.join(', ')})` : ''),
    );
  }
  return fn as ObjectiveFunction;
}

/** A ctx.report call's metrics, checked: a bad one fails the trial naming the step and the bad entry. */
export function reportedMetrics(step: number, metrics: unknown): Metrics {
  const checked = asMetrics(metrics);
  if ('problem' in checked) throw new TrialError(`ctx.report(${show(step)}, ...): ${checked.problem}`);
  return checked.metrics;
}

/** The trial's metrics from what the module returned and what it reported. */
export function finalMetrics(returned: unknown, reports: readonly Metrics[], metricName: string, file: string): Metrics {
  const where = `objective module ${displayPath(file)}`;
  let metrics: Metrics;
  if (typeof returned === 'number') {
    if (!Number.isFinite(returned)) throw new TrialError(`${where} returned ${returned}`);
    // Without a sweep metric (a metric-less grid or random sweep) a returned number is just `value`.
    metrics = { ...mergeReports(reports), [metricName === NO_METRIC ? 'value' : metricName]: returned };
  } else if (returned === undefined && (reports.length > 0 || metricName === NO_METRIC)) {
    metrics = mergeReports(reports);
  } else if (typeof returned === 'object' && returned !== null && !Array.isArray(returned)) {
    const checked = asMetrics(returned);
    if ('problem' in checked) throw new TrialError(`${where} returned an object whose ${checked.problem}`);
    metrics = checked.metrics;
  } else {
    throw new TrialError(
      `${where} returned ${describe(returned)}; expected a number (the ${show(metricName)} metric) or an object of metric numbers`,
    );
  }
  if (metricName !== NO_METRIC && !(metricName in metrics))
    throw new TrialError(`${where} returned no ${show(metricName)} metric (got: ${Object.keys(metrics).join(', ') || 'none'})`);
  return metrics;
}
