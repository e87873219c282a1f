// One matrix job of a sweep split across runners (`shard: i/n`): runs its part, saves its trials and its results
// document in the Actions cache for the report job, and writes a job summary of its part. It never comments,
// never gates and never records a baseline: the report job (report-job.ts) does, once, over every shard.
import path from 'node:path';
import type { ResultsDoc } from '../core/results.js';
import { shardLabel, unsplittable } from '../core/study/index.js';
import type { TrialRecord } from '../core/trial.js';
import type { RunMode } from '../engine/index.js';
import { keySafe } from '../storage/actions-cache/cache-client.js';
import { ShardCaches } from '../storage/actions-cache/shard-results.js';
import { RunTrialStore } from '../storage/actions-cache/trusted-trials.js';
import { FileCommandsTamperedError, restoreFileCommands, snapshotFileCommands } from './file-commands.js';
import type { RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import {
  actionCaches,
  describeError,
  lookUpBaseline,
  MAX_SUMMARY_CHARS,
  startJob,
  type Deps,
  type Job,
  type Outputs,
  type SweepPlan,
} from './main.js';
import { runUrl } from './context.js';
import { summary, writeReport } from './publish.js';
import { engineOptions } from './engine-options.js';
import { redact } from './octokit.js';

/** This run's shards in the Actions cache, or undefined with `cache: false` or no cache service (warned by actionCaches). */
export function shardCaches(job: Job): ShardCaches | undefined {
  const { deps, inputs, ctx, config, storeDir } = job;
  if (!inputs.cache || !deps.cache.available()) return undefined;
  const layout = {
    sweep: config.name,
    workspace: ctx.workspace,
    docFile: path.join(storeDir, 'shard', 'results.json'),
    trialsDir: path.join(storeDir, 'trials', keySafe(config.name)),
    sha: ctx.sha,
    runId: ctx.runId,
    attempt: ctx.runAttempt,
  };
  return new ShardCaches(deps.cache, layout, { info: (m) => deps.io.info(m), warn: (m) => job.warn(m) }, deps.cacheTimeoutMs);
}

/**
 * Shard i of n: its share of the search (and, on a PR, of main's champion replay), then its trials and its document
 * saved for the report job. A sweep that throws leaves a `failed` document, so the report names the shard as failed
 * rather than missing; the step fails with the error as usual.
 */
export async function shardJob(
  deps: Deps,
  inputs: ActionInputs,
  ctx: RunContext,
  plan: SweepPlan,
  outputs: Outputs,
  state: { summaryWritten: boolean },
): Promise<string | undefined> {
  const shard = inputs.shard!;
  const job = await startJob(deps, inputs, ctx, plan);
  const whole = unsplittable(job.config);
  if (whole.length > 0) {
    // Stages and repeats need the best of every trial: the report job runs this sweep whole (report-job.ts).
    const why = whole.map((w) => `${w.key} ${w.why}`).join('; ');
    deps.io.info(`shard ${shardLabel(shard)}: nothing to do here: ${why}. The report job runs the sweep whole`);
    await summary(
      deps.io,
      state,
      `### sweepgate (shard ${shardLabel(shard)})\n\nNothing to do in this shard: the sweep's ${whole.map((w) => `\`${w.key}\``).join(' and ')} ${whole.length > 1 ? 'need' : 'needs'} the best of every trial, so the report job runs it whole (docs/shards.md).\n`,
    );
    return undefined;
  }
  const caches = actionCaches(job);
  const shards = shardCaches(job);
  if (!shards) job.warn(`shard ${shardLabel(shard)}: no Actions cache, so the report job cannot merge this shard`);
  const store = new RunTrialStore();
  const [restored, lookup] = await Promise.all([
    caches?.restoreTrials(ctx.sha, ctx.runId, ctx.runAttempt),
    plan.kind === 'pull-request' ? lookUpBaseline(job, caches, plan.baseSha) : undefined,
  ]);
  if (restored) store.adopt(restored);
  // The champion is recorded by the report job (the best is known only after the merge); a PR's shards share the replay.
  const champion: RunMode['champion'] =
    plan.kind === 'pull-request' ? { mode: 'replay', baseline: lookup?.kind === 'found' ? lookup.doc : undefined } : undefined;
  let results: ResultsDoc;
  try {
    const fileCommands = await snapshotFileCommands(deps.env);
    ({ results } = await deps.engine.runSweep(engineOptions(job, champion, store)));
    const s = results.stats;
    deps.io.info(`shard ${shardLabel(shard)}: ${s.trials} trials (${s.trained} trained, ${s.cached} cached)`);
    const tampered = await restoreFileCommands(fileCommands);
    if (tampered.length > 0) throw new FileCommandsTamperedError(tampered);
  } catch (err) {
    await shards?.saveDoc(shard, { status: 'failed', error: redact(describeError(err), inputs.githubToken) });
    throw err;
  }
  outputs['best-params'] = JSON.stringify(results.best?.params ?? {});
  outputs['best-metrics'] = JSON.stringify(results.best?.metrics ?? {});
  outputs['model-path'] = results.savedModel ?? '';
  await shards?.saveTrials(shard, await ownRecords(store, results));
  await shards?.saveDoc(shard, { status: 'complete', results });

  const conclusion = await deps.engine.conclude({
    results,
    gate: job.config.gate,
    space: job.config.space,
    layout: {
      title: `sweepgate: ${job.config.name} (shard ${shardLabel(shard)})`,
      runUrl: runUrl(ctx),
      baselineHowTo: `This is shard ${shardLabel(shard)}: the report job (\`mode: report\`) merges every shard, compares the result with the baseline and applies the gate.`,
      warnings: job.warnings,
      maxChars: MAX_SUMMARY_CHARS,
    },
  });
  outputs.report = await writeReport(ctx, `${job.config.name}-shard-${shard.index}of${shard.count}`, conclusion.report.full);
  await summary(deps.io, state, conclusion.report.full);
  deps.io.info(`shard ${shardLabel(shard)} done: the report job merges it, compares and gates`);
  return undefined;
}

/**
 * The records of this shard's own trials and replay runs, cached or trained: the report job unions every shard's
 * into one trials entry, which the next run's shards restore (and so train nothing twice).
 */
async function ownRecords(store: RunTrialStore, results: ResultsDoc): Promise<TrialRecord[]> {
  const keys = new Set([...results.trials.map((t) => t.key), ...(results.replay?.runs ?? []).map((r) => r.key)]);
  return (await store.all()).filter((r) => keys.has(r.key));
}
