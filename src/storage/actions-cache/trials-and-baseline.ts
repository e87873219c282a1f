import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDuration } from '../../core/duration.js';
import type { ResultsDoc } from '../../core/results.js';
import { parseResultsDoc } from '../results-doc.js';
import { cacheKeys, type CacheClient } from './cache-client.js';
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
  /** The local trial store's record folder (what travels in a trials entry). */
  readonly trialsDir: string;
  /** Where main's results document is restored to / saved from. */
  readonly baselineFile: string;
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

/** Cache trouble is never fatal (DESIGN.md §3): every failure here (a throw, a hang, a 5xx) is a warning and a miss. */
export class ActionCaches {
  constructor(
    private readonly client: CacheClient,
    private readonly layout: CacheLayout,
    private readonly log: { info: Info; warn: Warn },
    private readonly timeoutMs: number = CACHE_TIMEOUT_MS,
  ) {}

  private async restore(what: string, target: string, key: string, restoreKeys: readonly string[]): Promise<boolean> {
    try {
      const hit = await withTimeout(
        this.client.restore([cachePath(this.layout.workspace, target)], key, restoreKeys),
        this.timeoutMs,
        'the restore',
      );
      this.log.info(
        hit ? `${what}: restored from cache entry ${hit}` : `${what}: no cache entry yet (looked for ${restoreKeys.at(-1) ?? key}*)`,
      );
      return hit !== undefined;
    } catch (err) {
      this.log.warn(`${what}: could not restore from the Actions cache (${errorText(err)}); going on without`);
      return false;
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

  /** Newest trials entry: this commit's first (a re-run), then any of this sweep's. */
  restoreTrials(sha: string, runId: string, attempt: string): Promise<boolean> {
    const { sweep } = this.layout;
    return this.restore('trials', this.layout.trialsDir, cacheKeys.trials(sweep, sha, runId, attempt), [
      `${cacheKeys.trialsPrefix(sweep)}${sha}-`,
      cacheKeys.trialsPrefix(sweep),
    ]);
  }

  saveTrials(sha: string, runId: string, attempt: string): Promise<void> {
    return this.save('trials', this.layout.trialsDir, cacheKeys.trials(this.layout.sweep, sha, runId, attempt));
  }

  /** Main's baseline at the PR's base commit if recorded, else the newest one. */
  async restoreBaseline(baseSha: string | undefined): Promise<ResultsDoc | undefined> {
    const { sweep, baselineFile } = this.layout;
    // A file left by an earlier job on a self-hosted runner must not pass for this run's baseline.
    try {
      await rm(baselineFile, { force: true });
      await mkdir(path.dirname(baselineFile), { recursive: true });
    } catch (err) {
      this.log.warn(`baseline: cannot prepare ${baselineFile} (${errorText(err)}); comparing with nothing`);
      return undefined;
    }
    const primary = cacheKeys.baseline(sweep, baseSha ?? 'unknown');
    if (!(await this.restore('baseline', baselineFile, primary, [cacheKeys.baselinePrefix(sweep)]))) return undefined;
    let text: string;
    try {
      text = await readFile(baselineFile, 'utf8');
    } catch (err) {
      this.log.warn(`baseline: the cache entry held no readable ${baselineFile} (${errorText(err)}); comparing with nothing`);
      return undefined;
    }
    const doc = parseResultsDoc(text);
    if (typeof doc === 'string') {
      this.log.warn(`baseline: ignoring the cached baseline, it is not a results document (${doc})`);
      return undefined;
    }
    return doc;
  }

  async saveBaseline(results: ResultsDoc, sha: string): Promise<void> {
    const { baselineFile } = this.layout;
    try {
      await mkdir(path.dirname(baselineFile), { recursive: true });
      await writeFile(baselineFile, `${JSON.stringify(results)}\n`, 'utf8');
    } catch (err) {
      this.log.warn(`baseline: cannot write ${baselineFile} (${errorText(err)}); not saved`);
      return;
    }
    await this.save('baseline', baselineFile, cacheKeys.baseline(this.layout.sweep, sha));
  }
}
