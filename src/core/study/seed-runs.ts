// The champion's seed runs: fixed params trained once per seed, in order, as ordinary cached trials (record on
// main, replay on a PR). Apart from the search loop (study.ts), which it shares only runTrial with.
import type { Goal } from '../config/types.js';
import type { SeedRun } from '../gate/champion-plan.js';
import type { Params } from '../json.js';
import type { StudyPorts } from './study.js';
import { runTrial, type TrialDeps } from './trial-run.js';

/**
 * Trains fixed params once per given seed, in order, with no pruner and no time budget: the champion's held-out
 * seeds on main, and their replay on a PR. Runs are ordinary trials, found in and stored to the trial store by
 * their usual keys, so a PR that changes nothing a trial depends on replays from the cache. Stops early only
 * when the caller cancels or `stop` says the runs so far are enough (the runs not started are left out).
 */
export async function runSeeds(
  params: Params,
  seeds: readonly number[],
  ports: Omit<StudyPorts, 'progress'> & {
    progress?(run: SeedRun, index: number): void;
    /** Asked after each run: true ends the runs there (the sequential champion replay, once the evidence decides). */
    stop?(runs: readonly SeedRun[]): boolean;
  },
  metric: { readonly name: string; readonly goal: Goal },
  timeoutMs?: number,
): Promise<SeedRun[]> {
  const runs: SeedRun[] = [];
  const trialPorts: StudyPorts = {
    objective: ports.objective,
    store: ports.store,
    now: ports.now,
    warn: ports.warn,
    ...(ports.signal ? { signal: ports.signal } : {}),
  };
  const deps: TrialDeps = {
    ports: trialPorts,
    pruner: undefined,
    prunerId: undefined,
    deadline: undefined,
    timeoutMs,
    others: [],
    metricName: metric.name,
    goal: metric.goal,
  };
  for (const seed of seeds) {
    if (ports.signal?.aborted) break;
    const t = await runTrial(params, seed, 0, 0, deps);
    const run: SeedRun = {
      seed,
      key: t.key,
      status: t.status,
      metrics: t.metrics,
      cached: t.cached,
      durationMs: t.durationMs,
      ...(t.error !== undefined ? { error: t.error } : {}),
      ...(t.history.length > 0 ? { steps: t.history.length } : {}),
    };
    runs.push(run);
    ports.progress?.(run, runs.length);
    if (ports.stop?.(runs)) break;
  }
  return runs;
}
