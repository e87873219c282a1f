/**
 * Running ONE trial against the trial store: look its key up, train on a miss (bounded by the minutes budget,
 * `trial_timeout` and cancellation) and store the record when a rerun would come out the same.
 */
import { NO_METRIC, type Goal } from '../config/types.js';
import { formatDuration } from '../duration.js';
import { TrialError, TrialTimeoutError, errorText } from '../errors.js';
import { thrownCause } from '../failure-cause.js';
import type { Metrics, Params } from '../json.js';
import type { Curve, Pruner } from '../pruners/pruner.js';
import type { ResultTrial } from '../results.js';
import type { StudyPorts } from './study.js';
import { trialKey, type StepMetrics, type TrialRecord, type TrialStatus } from '../trial.js';

/** Default of StudyPorts.stopGraceMs. */
export const STOP_GRACE_MS = 10_000;

export interface TrialDeps {
  readonly ports: StudyPorts;
  readonly pruner: Pruner | undefined;
  /** Canonical early_terminate spec: a pruned record is only reused under the same one. */
  readonly prunerId: string | undefined;
  /** `now()` after which a running trial is cancelled (the minutes budget). */
  readonly deadline: number | undefined;
  /** `trial_timeout`: this trial is stopped after so many ms. */
  readonly timeoutMs: number | undefined;
  readonly others: readonly Curve[];
  readonly metricName: string;
  readonly goal: Goal;
}

export async function runTrial(params: Params, seed: number, repeat: number, stage: number, deps: TrialDeps): Promise<ResultTrial> {
  const { ports } = deps;
  const key = trialKey(params, seed, ports.objective.fingerprint);
  const hit = await safeGet(ports, key);
  // A pruned record says "stopped under that pruner"; without it, or under another, the trial must run in full.
  if (hit && (hit.status !== 'pruned' || (deps.prunerId !== undefined && hit.pruner === deps.prunerId)))
    return toResult(hit, true, stage, repeat);
  const { record, cacheable } = await train(params, seed, key, deps);
  if (cacheable) {
    try {
      await ports.store.put(record);
    } catch (err) {
      ports.warn(`could not store trial ${key.slice(0, 12)}: ${errorText(err)}`);
    }
  }
  return toResult(record, false, stage, repeat);
}

async function safeGet(ports: StudyPorts, key: string): Promise<TrialRecord | undefined> {
  try {
    return await ports.store.get(key);
  } catch (err) {
    ports.warn(`trial store lookup failed for ${key.slice(0, 12)}, training instead: ${errorText(err)}`);
    return undefined;
  }
}

/**
 * Runs the objective once. The trial's signal aborts when the caller cancels, the minutes budget runs out
 * (checked by a timer and at every report) or `trial_timeout` passes, so both bound a running trial; an
 * objective that does not return within the stop grace after that is abandoned. The record is cacheable
 * unless the failure may not happen again: only a deterministic TrialError (a NaN loss, a bad return value)
 * is stored; a transient one, a timeout, a cancellation or any other error is retried next run.
 */
async function train(params: Params, seed: number, key: string, deps: TrialDeps): Promise<{ record: TrialRecord; cacheable: boolean }> {
  const { ports, pruner, metricName, goal, deadline, timeoutMs } = deps;
  const history: StepMetrics[] = [];
  let pruned = false;
  const controller = new AbortController();
  const cancel = (why: unknown) => (): void => controller.abort(why);
  const onAbort = cancel('the sweep was cancelled');
  ports.signal?.addEventListener('abort', onAbort);
  const started = ports.now();
  const overdue = (): boolean => deadline !== undefined && ports.now() >= deadline;
  const timers = [
    deadline === undefined ? undefined : setTimeout(cancel('the minutes budget ran out'), Math.max(0, deadline - started)),
    timeoutMs === undefined ? undefined : setTimeout(cancel(new TrialTimeoutError(timeoutMs, formatDuration(timeoutMs))), timeoutMs),
  ];
  for (const t of timers) t?.unref?.();
  const ctx = {
    seed,
    signal: controller.signal,
    report(step: number, metrics: Metrics): boolean {
      if (overdue() && !controller.signal.aborted) controller.abort('the minutes budget ran out');
      history.push({ step, metrics: finiteOnly(metrics) });
      if (pruned) return true;
      if (pruner && metrics[metricName] !== undefined) {
        const curve = curveOf(history, metricName, goal);
        pruned = pruner.shouldPrune(curve, deps.others);
      }
      return pruned;
    },
  };
  // The backend as the trial ends: the engine's objective picks it (backend: auto) when the first trial trains.
  const base = {
    key,
    params,
    seed,
    get backend(): string {
      return ports.objective.backend;
    },
  };
  const grace = ports.stopGraceMs ?? STOP_GRACE_MS;
  try {
    const result = await untilStopped(ports.objective.run(params, ctx), controller.signal, grace);
    const steps = history.length > 0 ? history : (result.history ?? []);
    const metrics = finiteOnly(result.metrics);
    const status: TrialStatus = pruned ? 'pruned' : 'complete';
    const prunedBy = pruned && deps.prunerId !== undefined ? { pruner: deps.prunerId } : {};
    // NO_METRIC: a metric-less W&B grid/random sweep, whose trials need not report anything.
    if (status === 'complete' && metricName !== NO_METRIC && metrics[metricName] === undefined) {
      throw new TrialError(`objective returned no "${metricName}" (got ${Object.keys(result.metrics).join(', ') || 'nothing'})`);
    }
    return { record: { ...base, status, metrics, history: steps, durationMs: ports.now() - started, ...prunedBy }, cacheable: true };
  } catch (err) {
    const lastMetrics = history.length > 0 ? history[history.length - 1]!.metrics : {};
    const cancelled = controller.signal.aborted;
    const why: unknown = controller.signal.reason;
    const timedOut = cancelled && why instanceof TrialTimeoutError;
    const error = timedOut
      ? `${why.name}: ${why.message}`
      : `${err instanceof Error ? err.name : 'Error'}: ${cancelled ? `${errorText(err)} (${String(why)})` : errorText(err)}`;
    return {
      record: {
        ...base,
        status: 'failed',
        metrics: lastMetrics,
        history,
        durationMs: ports.now() - started,
        error,
        cause: thrownCause(err, timedOut ? { timeout: why } : cancelled ? { cancelled: String(why) } : {}),
        reason: timedOut ? 'timeout' : cancelled ? 'cancelled' : 'error',
      },
      cacheable: err instanceof TrialError && !err.transient && !cancelled,
    };
  } finally {
    for (const t of timers) if (t) clearTimeout(t);
    ports.signal?.removeEventListener('abort', onAbort);
  }
}

/** A stopped trial that is not back within the grace after its signal aborts is given up on (and fails). */
function untilStopped<T>(run: Promise<T>, signal: AbortSignal, graceMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<never>((_, reject) => {
    onAbort = (): void => {
      timer = setTimeout(
        () =>
          reject(
            new TrialError(`did not stop within ${formatDuration(graceMs)} of being told to; the sweep goes on without it`, {
              transient: true,
            }),
          ),
        graceMs,
      );
      timer.unref?.();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([run, abandoned]).finally(() => {
    if (timer) clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  });
}

/** Objective value to minimise: samplers and pruners always minimise. */
export function toLoss(value: number, goal: Goal): number {
  return goal === 'maximize' ? -value : value;
}

export function curveOf(history: readonly StepMetrics[], metricName: string, goal: Goal): Curve {
  const out: { step: number; value: number }[] = [];
  for (const h of history) {
    const v = h.metrics[metricName];
    if (v !== undefined && Number.isFinite(v)) out.push({ step: h.step, value: toLoss(v, goal) });
  }
  return out;
}

function toResult(r: TrialRecord, cached: boolean, stage: number, repeat: number): ResultTrial {
  return {
    key: r.key,
    params: r.params,
    status: r.status,
    metrics: r.metrics,
    cached,
    durationMs: r.durationMs,
    seed: r.seed,
    history: r.history,
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.cause !== undefined ? { cause: r.cause } : {}),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    stage,
    repeat,
  };
}

function finiteOnly(m: Metrics): Metrics {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}
