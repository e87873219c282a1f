import { createHash } from 'node:crypto';
import * as cache from '@actions/cache';

/**
 * The GitHub Actions cache as the action uses it: restore the newest entry matching a key or prefix into
 * `paths`, save `paths` under a key. Entries are immutable, so every save uses a new key.
 * `restore` resolves to the matched key or undefined (a miss); `save` to the entry id, or -1 when nothing
 * was saved. Either may reject on transport trouble; callers turn that into a warning.
 */
export interface CacheClient {
  /** False when the runner gave no cache service (ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL unset). */
  available(): boolean;
  restore(paths: readonly string[], key: string, restoreKeys: readonly string[]): Promise<string | undefined>;
  save(paths: readonly string[], key: string): Promise<number>;
}

/** @actions/cache behind the port. It logs its own transport warnings and returns a miss / -1 for most failures. */
export function actionsCacheClient(): CacheClient {
  return {
    available: () => cache.isFeatureAvailable(),
    restore: (paths, key, restoreKeys) => cache.restoreCache([...paths], key, [...restoreKeys]),
    save: (paths, key) => cache.saveCache([...paths], key),
  };
}

/** Versioned so a change in what an entry holds simply stops old entries from matching. */
const PREFIX = 'sweepgate-v1';

/**
 * The sweep name's segment of a key. Keys may not contain commas and are at most 512 characters, and sweep
 * names are free text; the segment never contains `-` (the key's separator), so the restore prefix of sweep
 * `quad` cannot match entries of sweep `quad-wide`, and the hash keeps names that differ only in replaced
 * characters (`a b`, `a_b`) apart.
 */
export function keySafe(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._]+/g, '_').slice(0, 100);
  return `${s}.${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export const cacheKeys = {
  trialsPrefix: (sweep: string): string => `${PREFIX}-trials-${keySafe(sweep)}-`,
  /** One entry per run attempt: a re-run never collides with the entry its first attempt saved. */
  trials: (sweep: string, sha: string, runId: string, attempt: string): string =>
    `${PREFIX}-trials-${keySafe(sweep)}-${sha}-${runId}-${attempt}`,
  baselinePrefix: (sweep: string): string => `${PREFIX}-baseline-${keySafe(sweep)}-`,
  baseline: (sweep: string, sha: string): string => `${PREFIX}-baseline-${keySafe(sweep)}-${sha}`,
};
