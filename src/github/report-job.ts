// The report job of a sweep split across matrix jobs (`mode: report`, `shards: n`, after `needs:` the shards): it
// stands where the sweep stands in main.ts's one path. It restores every shard of this workflow run, merges them
// (engine/shard-merge.ts), runs what no shard could (the champion record, the seeds of a lost shard's replay), and
// hands the merged document on to the comparison, the comment, the summary and the gate like any sweep's.
import type { SweepConfig } from '../core/config/types.js';
import type { ResultsDoc } from '../core/results.js';
import { shardLabel, unsplittable } from '../core/study/index.js';
import type { RunMode } from '../engine/index.js';
import type { RestoredShard } from '../storage/actions-cache/shard-results.js';
import type { RunTrialStore } from '../storage/actions-cache/trusted-trials.js';
import { InputError } from './inputs.js';
import { engineOptions } from './engine-options.js';
import type { Job } from './main.js';
import { shardCaches } from './shard-job.js';

/** The merged results of every shard of this run, with the champion work left over done here. */
export async function mergedShards(
  job: Job,
  champion: RunMode['champion'],
  store: RunTrialStore,
): Promise<{ readonly config: SweepConfig; readonly results: ResultsDoc }> {
  const { deps, inputs, config } = job;
  const count = inputs.shards;
  if (count === undefined)
    throw new InputError(
      'shards',
      `'mode: report' merges the shards of this workflow run: it needs the 'shards' input (n, as in the shard jobs' 'shard: i/n') but got ''`,
    );
  const whole = unsplittable(config);
  if (whole.length > 0) {
    // The shard jobs did nothing (shard-job.ts): a staged sweep, or one with repeats, runs whole here.
    deps.io.info(`report job: ${whole.map((w) => `${w.key} ${w.why}`).join('; ')}, so the sweep runs whole in this job`);
    return deps.engine.runSweep(engineOptions(job, champion, store));
  }
  const caches = shardCaches(job);
  const restored: RestoredShard[] = caches
    ? await caches.restoreDocs(count)
    : Array.from({ length: count }, (_, i) => ({ index: i + 1, kind: 'missing' as const, why: 'no Actions cache to restore it from' }));
  // Every shard's trials, as this run's records: saved as one entry, so the next run's shards find them all.
  if (caches) for (const record of (await caches.restoreTrials(count)).values()) await store.put(record);
  const parts = restored.flatMap((r) =>
    r.kind === 'complete' && r.results.configHash === config.configHash ? [{ index: r.index, results: r.results }] : [],
  );
  const problems = restored.flatMap((r) =>
    r.kind !== 'complete'
      ? [{ index: r.index, why: `${r.kind}: ${r.why}` }]
      : r.results.configHash !== config.configHash
        ? [{ index: r.index, why: `invalid: it ran another sweep config (${r.results.configHash}, this job's is ${config.configHash})` }]
        : [],
  );
  for (const p of problems)
    job.warn(`shard ${shardLabel({ index: p.index, count })} is not in this report (${p.why})${missingPolicy(job)}`);
  const engine = await import('../engine/index.js');
  const merged = parts.length > 0 ? engine.mergeShards(count, parts, problems) : engine.nothingMerged(config, count, problems);
  deps.io.info(`merged ${parts.length} of ${count} shards: ${merged.trials.length} trials`);
  return engine.finishShards(engineOptions(job, champion, store), merged);
}

function missingPolicy(job: Job): string {
  return job.inputs.allowMissingShards
    ? "; 'allow-missing-shards' is true, so the merged shards decide"
    : "; the gate fails unless 'allow-missing-shards: true'";
}

/** A report job with shards missing or failed fails unless `allow-missing-shards`; undefined when it passes. */
export function shardsFailure(job: Job, results: ResultsDoc): string | undefined {
  const problems = job.inputs.mode === 'report' ? (results.shards?.problems ?? []) : [];
  if (problems.length === 0 || job.inputs.allowMissingShards) return undefined;
  const count = results.shards!.count;
  const named = problems.map((p) => `shard ${shardLabel({ index: p.index, count })} (${p.why})`).join('; ');
  return `sweepgate: ${problems.length} of ${count} shards missing or failed: ${named}; set 'allow-missing-shards: true' to let the other shards decide`;
}
