import { NO_METRIC } from '../../core/config/types.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TrialError, show, errorText } from '../../core/errors.js';
import { hashJson, sha256Hex } from '../../core/hash.js';
import type { Metrics, Params } from '../../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../core/objective.js';
import { ensureBackend, type Tf, type TfHandle } from '../tf/backend.js';
import { displayPath } from '../data/errors.js';
import { asMetrics, describe, mergeReports } from '../reported-metrics.js';

/** What an objective module's default export receives as its second argument. */
export interface ModuleContext {
  /** The trial's seed: seed every random choice from it (tf.randomNormal(..., seed), your own PRNG). */
  readonly seed: number;
  /** Report metrics at a step (epoch); returns true when the pruner wants the trial stopped. */
  report(step: number, metrics: Metrics): boolean;
  /** Aborted when the sweep is cancelled (time budget). */
  readonly signal: AbortSignal;
  /** The loaded TensorFlow.js (tfjs-node, wasm or cpu backend), with tf.layers. */
  readonly tf: Tf;
}

export type ObjectiveFunction = (params: Params, ctx: ModuleContext) => unknown;

export interface ModuleObjectiveOptions {
  /** The sweep's metric: a bare number returned by the module is this metric. */
  readonly metricName: string;
  /** Non-fatal trouble (tensor leaks), once per objective. */
  warn(msg: string): void;
}

/**
 * An `objective:` JS module: `export default async function (params, ctx) { ... }`.
 *
 * - `params` are the trial's hyperparameters (flat; nested W&B parameters as dotted names).
 * - `ctx` is `{ seed, report(step, metrics), signal, tf }`.
 * - It returns the sweep's metric as a number (the trial's metrics are then that number plus the last value of
 *   each metric it passed to `ctx.report`), or an object of metrics (numbers) that includes the sweep's metric
 *   (taken as it is). It may also return nothing after calling `ctx.report`: the trial's metrics are then the
 *   last reported value of each metric — the natural thing to do when `report` returned true (pruned).
 * - The module file's bytes are part of every trial key; files it imports are not, so list them in the
 *   sweep's `fingerprint` globs.
 * - Tensors it leaves allocated are its own business; sweepgate warns once when a trial leaks.
 */
export async function createModuleObjective(modulePath: string, handle: TfHandle, opts: ModuleObjectiveOptions): Promise<Objective> {
  const file = path.resolve(modulePath);
  const { hash, objective } = await loadModule(file);
  let warnedLeak = false;
  // A module that never touches ctx.tf trains without TensorFlow.js: the report then names no backend.
  let usedTf = false;
  return {
    fingerprint: hashJson({ kind: 'sweepgate-module', module: hash }),
    get backend(): string {
      return usedTf ? handle.backend : 'none';
    },
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      await ensureBackend(handle);
      const reports: Metrics[] = [];
      const moduleCtx: ModuleContext = {
        seed: ctx.seed,
        signal: ctx.signal,
        get tf(): Tf {
          usedTf = true;
          return handle.tf;
        },
        report(step: number, metrics: Metrics): boolean {
          const checked = asMetrics(metrics);
          if ('problem' in checked) throw new TrialError(`ctx.report(${show(step)}, ...): ${checked.problem}`);
          reports.push(checked.metrics);
          return ctx.report(step, checked.metrics);
        },
      };
      const before = handle.tf.memory().numTensors;
      const returned = await objective(params, moduleCtx);
      const leaked = handle.tf.memory().numTensors - before;
      if (leaked > 0 && !warnedLeak) {
        warnedLeak = true;
        opts.warn(
          `objective module ${displayPath(file)} left ${leaked} tensor(s) allocated after a trial; wrap work in tf.tidy() or dispose() tensors and models`,
        );
      }
      return { metrics: finalMetrics(returned, reports, opts.metricName, file) };
    },
  };
}

/** Imports the objective module: its bytes' hash (for the fingerprint) and its default export, which must be a function. */
async function loadModule(file: string): Promise<{ readonly hash: string; readonly objective: ObjectiveFunction }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new TrialError(`objective module ${displayPath(file)} cannot be read: ${errorText(err)}`, { transient: true });
  }
  const hash = sha256Hex(bytes);
  // The hash in the URL makes a changed file load afresh even within one process (import() caches by URL).
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
  return { hash, objective: fn as ObjectiveFunction };
}

function finalMetrics(returned: unknown, reports: readonly Metrics[], metricName: string, file: string): Metrics {
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
