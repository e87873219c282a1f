// The report job of a sweep split across runners: what is left once the shards' documents are merged. On the
// baseline branch the champion is known only now, so its held-out seeds train here; on a PR the shards replayed
// main's champion between them, and only the seeds of a missing or failed shard are replayed here.
import path from 'node:path';
import type { ResultsDoc } from '../core/results.js';
import { LocalTrialStore } from '../storage/local-trial-store.js';
import { championStep } from './champion-step.js';
import { createObjective } from './objective-builder.js';
import { loadConfig, replayBuilder, withOverrides, type RunMode, type RunOptions, type RunOutput } from './run.js';
import { trialProcessesGone } from '../trainer/index.js';
import type { SweepConfig } from '../core/config/types.js';
import { runCost, skippedSearch } from '../core/cost.js';

/**
 * The merged document with the champion work no shard did: the record (baseline branch), or the replay's seeds no
 * merged shard ran (a PR). Nothing left: the document as it is, and no objective is built (no trainer loads).
 */
export async function finishShards(opts: RunOptions, merged: ResultsDoc): Promise<Omit<RunOutput, 'cacheDir'>> {
  const { overrides = {}, mode = {}, ports } = opts;
  const config = withOverrides(await loadConfig(opts.configPath, mode.root), overrides, ports.log);
  const step = mode.champion;
  const pending = step?.mode === 'replay' ? replayPending(merged, step.baseline) : [];
  const record = step?.mode === 'record' && merged.best !== null && config.champion.seeds > 0;
  if (!step || (!record && pending.length === 0)) return { config, results: withCost(merged, config, step) };
  ports.log.info(
    record
      ? 'report job: recording the merged best as the champion'
      : `report job: replaying main's champion on ${pending.length} seeds no shard ran`,
  );
  const store =
    ports.store ?? new LocalTrialStore(path.resolve(mode.cacheDir ?? path.join(config.configDir, '.sweepgate')), ports.log.warn);
  const { objective, parallel } = await createObjective(config, opts);
  const used: SweepConfig = { ...config, parallel };
  const now = ports.now ?? (() => performance.now());
  try {
    const studyPorts = { objective, store, now, warn: ports.log.warn, ...(ports.signal ? { signal: ports.signal } : {}) };
    const pick = step.mode === 'record' ? undefined : (seeds: readonly number[]) => seeds.filter((s) => pending.includes(s));
    const done = await championStep(used, merged, studyPorts, step, ports.log, replayBuilder(used, opts, objective), pick);
    const results = { ...merged, ...withShardRuns(merged, done, step.mode === 'replay' ? step.baseline : undefined) };
    return { config: used, results: withCost(results, used, step) };
  } finally {
    await objective.dispose?.();
    await trialProcessesGone();
  }
}

/** A PR: main's champion seeds no merged shard replayed (none when the replay was skipped or not comparable). */
function replayPending(merged: ResultsDoc, baseline: ResultsDoc | undefined): number[] {
  const runs = baseline?.champion?.runs ?? [];
  if (runs.length === 0 || merged.replaySkipped !== undefined || merged.notComparable !== undefined) return [];
  const ran = new Set((merged.replay?.runs ?? []).map((r) => r.seed));
  return runs.map((r) => r.seed).filter((s) => !ran.has(s));
}

/** The shards' replay runs with the ones run here, in main's seed order; a record as it came. */
function withShardRuns(merged: ResultsDoc, done: Partial<ResultsDoc>, baseline: ResultsDoc | undefined): Partial<ResultsDoc> {
  if (!done.replay || !merged.replay) return done;
  const order = (baseline?.champion?.runs ?? []).map((r) => r.seed);
  const runs = [...merged.replay.runs, ...done.replay.runs].sort((a, b) => order.indexOf(a.seed) - order.indexOf(b.seed));
  return { ...done, replay: { ...merged.replay, runs } };
}

/** The merged run's cost: every shard's trainings and the report job's, as if one runner had run them (core/cost.ts). */
function withCost(results: ResultsDoc, config: SweepConfig, step: RunMode['champion']): ResultsDoc {
  const baseline = step?.mode === 'replay' ? step.baseline : undefined;
  const planned = step?.mode === 'replay' ? (baseline?.champion?.runs.length ?? 0) : results.champion ? config.champion.seeds : 0;
  const cost = runCost(results, {
    plannedSeeds: planned,
    replayOnly: results.replayOnly ? skippedSearch(config) : 0,
    epochs: config.workload.kind === 'trainer',
    ...(baseline ? { baseline } : {}),
  });
  return { ...results, cost };
}
