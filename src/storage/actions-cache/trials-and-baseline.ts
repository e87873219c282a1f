import { lstat, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDuration } from '../../core/duration.js';
import type { ResultsDoc } from '../../core/results.js';
import { parseResultsDoc } from '../results-doc.js';
import type { TrialRecord } from '../../core/trial.js';
import { cacheKeys, sweepName, type CacheClient } from './cache-client.js';
import { emptyFolder, readRecordFolder, stageRecords, StorePathError } from './trusted-trials.js';
import { checkRestoreFolders, v1BaselineKeys } from './previous-baseline.js';
import { ClassifiedError, errorText } from '../../core/errors.js';

type Warn = (message: string) => void;
type Info = (message: string) => void;

/**
 * Cache paths as @actions/cache wants them: relative to the workspace (the runner's cwd), so an entry's
 * version (a hash of the path strings) is the same on every runner whatever its checkout folder is.
 */
export function cachePath(workspace: string, target: string): string {
  const rel = path.relative(workspace, target);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return inside && path.resolve(process.cwd()) === path.resolve(workspace) ? rel.split(path.sep).join('/') : target;
}

export interface CacheLayout {
  readonly sweep: string;
  readonly workspace: string;
  /** The folder a trials entry is restored into and staged in (emptied before each; outside the workspace). */
  readonly trialsDir: string;
  /**
   * Where main's results document is restored to / saved from, alone in its folder (emptied before each). The same
   * path for every sweep, so the cache's version (a hash of the paths) lets a miss look at another sweep's baseline.
   */
  readonly baselineFile: string;
  /**
   * Where the previous version kept the baseline (previous-baseline.ts v1BaselineFile): in the workspace, so what is
   * there is deleted before a restore and read only after a hit. Absent: no v1 entry is looked for.
   */
  readonly previousBaselineFile?: string;
}

/**
 * How long one restore or save may take. @actions/cache retries and times out per segment, but a service that
 * accepts the connection and never answers can hold a step for hours; past this the run goes on without it.
 */
export const CACHE_TIMEOUT_MS = 5 * 60_000;

/** A cache call that did not settle in time: a warning and a miss, like all cache trouble. */
export class CacheTimeoutError extends ClassifiedError {
  override readonly name = 'CacheTimeoutError';
  readonly errorClass = 'warning';
}

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheTimeoutError(`${what} took longer than ${formatDuration(ms)}`)), ms);
    timer.unref?.();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** What one restore gave: the entry's key, no entry, or the trouble (a throw, a hang, a 5xx) as text. */
type Restored = { readonly hit: string } | { readonly miss: true } | { readonly trouble: string };

/** Main's baseline for a PR, or why there is none (the report and the failure say it). */
export type BaselineLookup =
  /** `previousVersion`: the entry is a `sweepgate-v1-…` one, recorded before the upgrade (no v2 baseline yet). */
  | { readonly kind: 'found'; readonly doc: ResultsDoc; readonly entry: string; readonly previousVersion?: true }
  /** `otherSweep`: the newest baseline's sweep when it is another sweep's (the PR may have renamed that one). */
  | { readonly kind: 'missing'; readonly why: string; readonly otherSweep?: string };

/**
 * The trials and the baseline in the Actions cache. Cache trouble is never fatal (DESIGN.md §3): a failed or hung
 * restore or save is a warning. Two things are: a folder that cannot be emptied or written (StorePathError), and,
 * on a PR, a baseline that is missing or unusable, which the caller turns into the run's verdict.
 */
export class ActionCaches {
  constructor(
    private readonly client: CacheClient,
    private readonly layout: CacheLayout,
    private readonly log: { info: Info; warn: Warn },
    private readonly timeoutMs: number = CACHE_TIMEOUT_MS,
  ) {}

  private async restore(what: string, target: string, key: string, restoreKeys: readonly string[]): Promise<Restored> {
    try {
      const hit = await withTimeout(
        this.client.restore([cachePath(this.layout.workspace, target)], key, restoreKeys),
        this.timeoutMs,
        'the restore',
      );
      this.log.info(
        hit ? `${what}: restored from cache entry ${hit}` : `${what}: no cache entry yet (looked for ${restoreKeys.at(-1) ?? key}*)`,
      );
      return hit === undefined ? { miss: true } : { hit };
    } catch (err) {
      return { trouble: errorText(err) };
    }
  }

  private async save(what: string, target: string, key: string): Promise<void> {
    try {
      const id = await withTimeout(this.client.save([cachePath(this.layout.workspace, target)], key), this.timeoutMs, 'the save');
      // -1: @actions/cache has already logged why (info for an entry that exists, a warning for anything else),
      // so a second warning here would only repeat it.
      if (id === -1) this.log.info(`${what}: not saved to the Actions cache (key ${key}: the entry already exists, or see the line above)`);
      else this.log.info(`${what}: saved as cache entry ${key}`);
    } catch (err) {
      this.log.warn(`${what}: could not save to the Actions cache (${errorText(err)}); the next run may recompute it`);
    }
  }

  /**
   * Newest trials entry (this commit's first, a re-run; then any of this sweep's), restored into an emptied folder;
   * only its valid records come back (trusted-trials.ts), and the folder is emptied again after reading.
   */
  async restoreTrials(sha: string, runId: string, attempt: string): Promise<ReadonlyMap<string, TrialRecord>> {
    const { sweep, trialsDir } = this.layout;
    await emptyFolder(trialsDir, 'for the trials restore');
    const r = await this.restore('trials', trialsDir, cacheKeys.trials(sweep, sha, runId, attempt), [
      `${cacheKeys.trialsPrefix(sweep)}${sha}-`,
      cacheKeys.trialsPrefix(sweep),
    ]);
    if ('trouble' in r) this.log.warn(`trials: could not restore from the Actions cache (${r.trouble}); going on without`);
    if (!('hit' in r)) return new Map();
    const { records, dropped } = await readRecordFolder(trialsDir);
    await emptyFolder(trialsDir, 'after reading the restored trials');
    this.log.info(`trials: ${records.size} records from cache entry ${r.hit}`);
    if (dropped.length > 0)
      this.log.warn(`trials: ignored ${dropped.length} files in cache entry ${r.hit} that are not valid trial records (${dropped[0]})`);
    return records;
  }

  /** Saves exactly `records` (staged from memory into an emptied folder), never what else is on disk. */
  async saveTrials(records: readonly TrialRecord[], sha: string, runId: string, attempt: string): Promise<void> {
    const { staged, skipped } = await stageRecords(this.layout.trialsDir, records);
    if (skipped.length > 0) this.log.warn(`trials: ${skipped.length} records not saved to the cache (${skipped[0]})`);
    if (staged > 0) await this.save('trials', this.layout.trialsDir, cacheKeys.trials(this.layout.sweep, sha, runId, attempt));
  }

  /**
   * Main's baseline at the PR's base commit if recorded, else the newest one of this sweep; else why there is none.
   * The folder is emptied first (a file left by an earlier step or job must not pass for this run's baseline), and
   * a folder that cannot be emptied is an error, never "comparing with nothing".
   */
  async restoreBaseline(baseSha: string | undefined): Promise<BaselineLookup> {
    const { sweep, baselineFile } = this.layout;
    await emptyFolder(path.dirname(baselineFile), 'for the baseline restore');
    const prefix = cacheKeys.baselinePrefix(sweep);
    const r = await this.restore('baseline', baselineFile, cacheKeys.baseline(sweep, baseSha ?? 'unknown'), [prefix]);
    if ('trouble' in r) return { kind: 'missing', why: `the baseline could not be restored from the Actions cache (${r.trouble})` };
    if ('hit' in r) {
      const doc = await this.readBaseline(baselineFile);
      if (typeof doc === 'string') return { kind: 'missing', why: `the cached baseline (entry ${r.hit}) is unusable: ${doc}` };
      return { kind: 'found', doc, entry: r.hit };
    }
    const previous = await this.restorePreviousBaseline(baseSha);
    if (previous) return previous;
    const v1 = this.layout.previousBaselineFile ? ` or, saved by the previous version, ${v1BaselineKeys.prefix(sweep)}*` : '';
    return { kind: 'missing', why: `no baseline in the Actions cache (looked for ${prefix}*${v1})`, ...(await this.otherSweep()) };
  }

  /**
   * The baseline a main branch recorded with the previous version, after a v2 miss, so upgrading does not fail every
   * PR until main runs again. Its path is in the workspace, which the checkout controls: whatever is there is
   * deleted first (a committed file never counts), folders on the way that are links or files are an error, and
   * the file is read only after a restore hit, then deleted. Undefined: no such entry (or trouble, warned).
   */
  private async restorePreviousBaseline(baseSha: string | undefined): Promise<BaselineLookup | undefined> {
    const { sweep, workspace, previousBaselineFile: file } = this.layout;
    if (file === undefined) return undefined;
    await checkRestoreFolders(workspace, file);
    await removePath(file, "for the previous version's baseline restore");
    const what = 'baseline saved by the previous version';
    const r = await this.restore(what, file, v1BaselineKeys.baseline(sweep, baseSha ?? 'unknown'), [v1BaselineKeys.prefix(sweep)]);
    if ('trouble' in r) this.log.warn(`${what}: could not restore from the Actions cache (${r.trouble})`);
    if (!('hit' in r)) return undefined;
    const doc = await this.readBaseline(file);
    await removePath(file, "after reading the previous version's baseline");
    if (typeof doc === 'string')
      return { kind: 'missing', why: `the previous version's cached baseline (entry ${r.hit}) is unusable: ${doc}` };
    this.log.info(
      `baseline: comparing with cache entry ${r.hit}, saved by the previous version of sweepgate; the next run on the baseline branch records one in the current format`,
    );
    return { kind: 'found', doc, entry: r.hit, previousVersion: true };
  }

  /** The restored results document, or why it is none. A link or a folder (an archive can hold one) is not read. */
  private async readBaseline(file: string): Promise<ResultsDoc | string> {
    let text: string;
    try {
      if (!(await lstat(file)).isFile()) return `${file} is not a regular file`;
      text = await readFile(file, 'utf8');
    } catch (err) {
      return `it held no readable ${file} (${errorText(err)})`;
    }
    const doc = parseResultsDoc(text);
    return typeof doc === 'string' ? `not a results document (${doc})` : doc;
  }

  /**
   * The sweep of the newest baseline of any sweep, when it is not this one: a PR that renamed its sweep has none
   * under the new name, and this names the old. Read and thrown away; never compared with. Trouble here is only
   * a missing hint.
   */
  private async otherSweep(): Promise<{ otherSweep?: string }> {
    const r = await this.restore('baseline of any sweep', this.layout.baselineFile, cacheKeys.anyBaselinePrefix(), []);
    if (!('hit' in r)) return {};
    const doc = await this.readBaseline(this.layout.baselineFile);
    await emptyFolder(path.dirname(this.layout.baselineFile), "after reading the other sweep's baseline");
    if (typeof doc === 'string' || sweepName(doc.sweep) === sweepName(this.layout.sweep)) return {};
    return { otherSweep: doc.sweep };
  }

  /** Records `results` as the baseline of this commit; a folder that cannot be written is an error. */
  async saveBaseline(results: ResultsDoc, sha: string): Promise<void> {
    const { baselineFile } = this.layout;
    await emptyFolder(path.dirname(baselineFile), 'to stage the baseline for the cache');
    try {
      await writeFile(baselineFile, `${JSON.stringify(results)}\n`, 'utf8');
    } catch (err) {
      throw new StorePathError(`cannot write the baseline ${baselineFile}: ${errorText(err)}`);
    }
    await this.save('baseline', baselineFile, cacheKeys.baseline(this.layout.sweep, sha));
  }
}

/** Removes whatever is at `target` (a file, a link, a folder); a failure is a StorePathError naming the path. */
async function removePath(target: string, why: string): Promise<void> {
  try {
    await rm(target, { recursive: true, force: true });
  } catch (err) {
    throw new StorePathError(`cannot clear ${target} ${why}: ${errorText(err)}`);
  }
}
