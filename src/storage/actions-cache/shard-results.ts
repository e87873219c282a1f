// A sweep split across matrix jobs meets again in the report job through the Actions cache: each shard saves its
// results document (in an envelope saying which shard of which run, and whether it failed) under a per-run shard
// key, and its trials as an ordinary trials entry of its own; the report job restores every shard of its run.
import { lstat, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorText } from '../../core/errors.js';
import { isRecord } from '../../core/json.js';
import type { ResultsDoc } from '../../core/results.js';
import { shardLabel, type Shard } from '../../core/study/index.js';
import type { TrialRecord } from '../../core/trial.js';
import { parseResultsDoc } from '../results-doc.js';
import { keySafe, sweepName, type CacheClient } from './cache-client.js';
import { cachePath, CACHE_TIMEOUT_MS, withTimeout } from './trials-and-baseline.js';
import { emptyFolder, readRecordFolder, stageRecords, StorePathError } from './trusted-trials.js';

/** Format of the envelope; a change stops older envelopes from being read (they then count as invalid). */
const SHARD_FORMAT = 1;

/** The largest shard document read back: a results document holds every trial's curve, but not 64 MiB of it. */
export const MAX_SHARD_DOC_BYTES = 64 * 1024 * 1024;

/** What a shard leaves for the report job: its results, or why it has none. */
export type ShardOutcome =
  { readonly status: 'complete'; readonly results: ResultsDoc } | { readonly status: 'failed'; readonly error: string };

export type ShardDoc = ShardOutcome & {
  readonly format: typeof SHARD_FORMAT;
  readonly sweep: string;
  readonly shard: Shard;
  readonly runId: string;
  readonly attempt: string;
};

/**
 * Keys of one workflow run's shards. The attempt comes last so a re-run's report job (a new attempt) still finds
 * the shards that passed the first time and were not run again, by prefix, newest first.
 */
export const shardKeys = {
  docPrefix: (sweep: string, runId: string, shard: Shard): string =>
    `sweepgate-v2-shard-${keySafe(sweep)}-${runId}-${shard.index}of${shard.count}-`,
  doc: (sweep: string, runId: string, shard: Shard, attempt: string): string => `${shardKeys.docPrefix(sweep, runId, shard)}${attempt}`,
  /**
   * A shard's own trials, for the report job only. Not under the trials prefix: a shard that starts after a sibling
   * must restore the last whole run's entry (the report job's union), not the sibling's third of it.
   */
  trialsPrefix: (sweep: string, sha: string, runId: string, shard: Shard): string =>
    `sweepgate-v2-shardtrials-${keySafe(sweep)}-${sha}-${runId}-${shard.index}of${shard.count}-`,
  trials: (sweep: string, sha: string, runId: string, shard: Shard, attempt: string): string =>
    `${shardKeys.trialsPrefix(sweep, sha, runId, shard)}${attempt}`,
};

/** What the report job found of one shard. */
export type RestoredShard =
  | { readonly index: number; readonly kind: 'complete'; readonly results: ResultsDoc }
  | { readonly index: number; readonly kind: 'missing' | 'failed' | 'invalid'; readonly why: string };

export interface ShardLayout {
  readonly sweep: string;
  readonly workspace: string;
  /** Where a shard document is staged and restored, alone in its folder; the same path on every runner. */
  readonly docFile: string;
  /** The trial store's folder (the same as ActionCaches', so a shard's trials entry is an ordinary one). */
  readonly trialsDir: string;
  readonly sha: string;
  readonly runId: string;
  readonly attempt: string;
}

type Log = { info(message: string): void; warn(message: string): void };

/** One run's shards in the Actions cache. Cache trouble is a warning (the shard then counts as missing). */
export class ShardCaches {
  constructor(
    private readonly client: CacheClient,
    private readonly layout: ShardLayout,
    private readonly log: Log,
    private readonly timeoutMs: number = CACHE_TIMEOUT_MS,
  ) {}

  /** Saves exactly `records` (this shard's trials and replay runs) as this shard's trials entry. */
  async saveTrials(shard: Shard, records: readonly TrialRecord[]): Promise<void> {
    const { sweep, sha, runId, attempt, trialsDir, workspace } = this.layout;
    const { staged, skipped } = await stageRecords(trialsDir, records);
    if (skipped.length > 0) this.log.warn(`shard ${shardLabel(shard)}: ${skipped.length} trial records not saved (${skipped[0]})`);
    if (staged === 0) return;
    const key = shardKeys.trials(sweep, sha, runId, shard, attempt);
    try {
      const id = await withTimeout(this.client.save([cachePath(workspace, trialsDir)], key), this.timeoutMs, 'the save');
      this.log.info(
        id === -1 ? `shard ${shardLabel(shard)}: trials not saved (key ${key})` : `shard ${shardLabel(shard)}: trials saved as ${key}`,
      );
    } catch (err) {
      this.log.warn(`shard ${shardLabel(shard)}: could not save its trials to the Actions cache (${errorText(err)})`);
    }
  }

  /** Saves this shard's document (its trials go first, by saveTrials). */
  async saveDoc(shard: Shard, outcome: ShardOutcome): Promise<void> {
    const { sweep, runId, attempt, docFile, workspace } = this.layout;
    const doc: ShardDoc = { format: SHARD_FORMAT, sweep, shard, runId, attempt, ...outcome };
    await emptyFolder(path.dirname(docFile), 'to stage the shard document');
    try {
      await writeFile(docFile, `${JSON.stringify(doc)}\n`, 'utf8');
    } catch (err) {
      throw new StorePathError(`cannot write the shard document ${docFile}: ${errorText(err)}`);
    }
    const key = shardKeys.doc(sweep, runId, shard, attempt);
    try {
      const id = await withTimeout(this.client.save([cachePath(workspace, docFile)], key), this.timeoutMs, 'the save');
      if (id === -1) this.log.warn(`shard ${shardLabel(shard)}: its document was not saved (key ${key}); the report job will miss it`);
      else this.log.info(`shard ${shardLabel(shard)}: results saved as cache entry ${key}`);
    } catch (err) {
      this.log.warn(
        `shard ${shardLabel(shard)}: could not save its document to the Actions cache (${errorText(err)}); the report job will miss it`,
      );
    }
  }

  /** Every shard of this run, newest attempt first, each checked (parseShardDoc) before it counts. */
  async restoreDocs(count: number): Promise<RestoredShard[]> {
    const out: RestoredShard[] = [];
    for (let index = 1; index <= count; index++) out.push(await this.restoreDoc({ index, count }));
    return out;
  }

  private async restoreDoc(shard: Shard): Promise<RestoredShard> {
    const { sweep, runId, attempt, docFile } = this.layout;
    const { index } = shard;
    await emptyFolder(path.dirname(docFile), 'for the shard restore');
    const r = await this.restore(docFile, shardKeys.doc(sweep, runId, shard, attempt), shardKeys.docPrefix(sweep, runId, shard));
    if (typeof r !== 'object') return { index, kind: 'missing', why: r };
    const text = await readSmallFile(docFile);
    await emptyFolder(path.dirname(docFile), 'after reading the shard document');
    if (typeof text !== 'string') return { index, kind: 'invalid', why: `cache entry ${r.hit}: ${text.problem}` };
    const doc = parseShardDoc(text, { sweep, runId, shard });
    if (typeof doc === 'string') return { index, kind: 'invalid', why: `cache entry ${r.hit} is not a usable shard document: ${doc}` };
    if (doc.status === 'failed') return { index, kind: 'failed', why: `it failed: ${doc.error}` };
    return { index, kind: 'complete', results: doc.results };
  }

  /** The trials every shard of this run saved, as one map (what the report job saves as one entry for later runs). */
  async restoreTrials(count: number): Promise<Map<string, TrialRecord>> {
    const { sweep, sha, runId, attempt, trialsDir } = this.layout;
    const all = new Map<string, TrialRecord>();
    for (let index = 1; index <= count; index++) {
      const shard = { index, count };
      await emptyFolder(trialsDir, 'for the shard trials restore');
      const r = await this.restore(
        trialsDir,
        shardKeys.trials(sweep, sha, runId, shard, attempt),
        shardKeys.trialsPrefix(sweep, sha, runId, shard),
      );
      if (typeof r !== 'object') continue;
      const { records, dropped } = await readRecordFolder(trialsDir);
      if (dropped.length > 0)
        this.log.warn(`shard ${shardLabel(shard)}: ignored ${dropped.length} invalid trial records in ${r.hit} (${dropped[0]})`);
      for (const [key, record] of records) if (!all.has(key)) all.set(key, record);
    }
    await emptyFolder(trialsDir, 'after reading the shard trials');
    return all;
  }

  /** The entry restored, or why there is none (a miss, or trouble already warned about). */
  private async restore(target: string, key: string, prefix: string): Promise<{ hit: string } | string> {
    try {
      const hit = await withTimeout(
        this.client.restore([cachePath(this.layout.workspace, target)], key, [prefix]),
        this.timeoutMs,
        'the restore',
      );
      if (hit === undefined) return `no cache entry (looked for ${prefix}*)`;
      this.log.info(`restored cache entry ${hit}`);
      return { hit };
    } catch (err) {
      this.log.warn(`could not restore ${prefix}* from the Actions cache (${errorText(err)})`);
      return `the cache restore failed (${errorText(err)})`;
    }
  }
}

async function readSmallFile(file: string): Promise<string | { problem: string }> {
  try {
    const s = await lstat(file);
    if (!s.isFile()) return { problem: 'it holds no regular file' };
    if (s.size > MAX_SHARD_DOC_BYTES) return { problem: `the document is ${s.size} bytes, over ${MAX_SHARD_DOC_BYTES}` };
    return await readFile(file, 'utf8');
  } catch (err) {
    return { problem: `it held no readable document (${errorText(err)})` };
  }
}

/**
 * A restored shard document, checked: the envelope names this sweep, run and shard, and a complete shard's results
 * pass parseResultsDoc with every trial whole enough to merge. Anything else is the reason it is unusable.
 */
export function parseShardDoc(text: string, expect: { sweep: string; runId: string; shard: Shard }): ShardOutcome | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (!isRecord(doc)) return 'not a JSON object';
  if (doc.format !== SHARD_FORMAT) return `format ${JSON.stringify(doc.format)}, expected ${SHARD_FORMAT}`;
  if (typeof doc.sweep !== 'string' || sweepName(doc.sweep) !== sweepName(expect.sweep))
    return `it is for sweep ${JSON.stringify(doc.sweep)}, not ${JSON.stringify(expect.sweep)}`;
  if (doc.runId !== expect.runId) return `it is for run ${JSON.stringify(doc.runId)}, not ${expect.runId}`;
  const s = doc.shard;
  if (!isRecord(s) || s.index !== expect.shard.index || s.count !== expect.shard.count)
    return `it is for shard ${isRecord(s) ? `${String(s.index)}/${String(s.count)}` : JSON.stringify(s)}, not ${shardLabel(expect.shard)}`;
  if (doc.status === 'failed') return { status: 'failed', error: typeof doc.error === 'string' ? doc.error : 'no reason given' };
  if (doc.status !== 'complete') return `status ${JSON.stringify(doc.status)}, expected complete or failed`;
  const results = parseResultsDoc(JSON.stringify(doc.results ?? null));
  if (typeof results === 'string') return `its results: ${results}`;
  if (sweepName(results.sweep) !== sweepName(expect.sweep)) return `its results are for sweep ${JSON.stringify(results.sweep)}`;
  const bad = results.trials.findIndex((t) => !isMergeableTrial(t));
  if (bad >= 0) return `its trials[${bad}] is not a trial {key, params, status, metrics, cached}`;
  const replay: unknown = results.replay;
  if (replay !== undefined && !(isRecord(replay) && isRecord(replay.params) && Array.isArray(replay.runs) && replay.runs.every(isSeedRun)))
    return 'its replay is not {params, runs: [{seed, status, metrics}]}';
  return { status: 'complete', results };
}

function isSeedRun(r: unknown): boolean {
  return (
    isRecord(r) &&
    Number.isSafeInteger(r.seed) &&
    (r.status === 'complete' || r.status === 'pruned' || r.status === 'failed') &&
    isRecord(r.metrics) &&
    Object.values(r.metrics).every((v) => typeof v === 'number')
  );
}

function isMergeableTrial(t: unknown): boolean {
  return (
    isRecord(t) &&
    typeof t.key === 'string' &&
    isRecord(t.params) &&
    (t.status === 'complete' || t.status === 'pruned' || t.status === 'failed') &&
    isRecord(t.metrics) &&
    Object.values(t.metrics).every((v) => typeof v === 'number') &&
    typeof t.cached === 'boolean' &&
    typeof t.repeat === 'number'
  );
}
