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

/**
 * Versioned so a change in what an entry holds simply stops old entries from matching. v2: the name in the key is
 * normalised (sweepName) and trial entries hold only checked records (trusted-trials.ts), so no v1 entry, which
 * could hold records a checkout brought, is ever read.
 */
const PREFIX = 'sweepgate-v2';

/** Code points of a normalised sweep name that reach a key; longer names share the key of their first 200. */
export const MAX_KEY_NAME_CHARS = 200;

/** Control and format characters and every default-ignorable code point (zero-width spaces, joiners, fillers). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * The sweep name as a key sees it: Unicode NFKC, invisible and control characters dropped, whitespace collapsed,
 * case folded, capped at MAX_KEY_NAME_CHARS code points. A PR cannot move its sweep off main's baseline (and so
 * pass with "no baseline") by a change nobody sees in review: `iris\u200b`, `Iris`, `ｉｒｉｓ` and `iris ` are
 * one sweep.
 */
export function sweepName(name: string): string {
  const once = (s: string): string => s.normalize('NFKC').replace(INVISIBLE, '');
  // Upper then lower folds what lower alone keeps apart (ß and SS); NFKC again after the case change.
  const folded = once(once(name).replace(/\s+/gu, ' ').trim().toUpperCase().toLowerCase());
  return [...folded].slice(0, MAX_KEY_NAME_CHARS).join('');
}

/**
 * The sweep name's segment of a key. Keys may not contain commas and are at most 512 characters, and sweep
 * names are free text; the segment never contains `-` (the key's separator), so the restore prefix of sweep
 * `quad` cannot match entries of sweep `quad-wide`, and the hash (of the normalised name) keeps names that differ
 * only in replaced characters (`a b`, `a_b`) apart.
 */
export function keySafe(name: string): string {
  const normal = sweepName(name);
  const s = normal.replace(/[^a-z0-9._]+/g, '_').slice(0, 100);
  return `${s}.${createHash('sha256').update(normal).digest('hex').slice(0, 16)}`;
}

export const cacheKeys = {
  trialsPrefix: (sweep: string): string => `${PREFIX}-trials-${keySafe(sweep)}-`,
  /** One entry per run attempt: a re-run never collides with the entry its first attempt saved. */
  trials: (sweep: string, sha: string, runId: string, attempt: string): string =>
    `${PREFIX}-trials-${keySafe(sweep)}-${sha}-${runId}-${attempt}`,
  baselinePrefix: (sweep: string): string => `${PREFIX}-baseline-${keySafe(sweep)}-`,
  baseline: (sweep: string, sha: string): string => `${PREFIX}-baseline-${keySafe(sweep)}-${sha}`,
  /** Every sweep's baselines: only to name the sweep a PR may have renamed, never to compare with. */
  anyBaselinePrefix: (): string => `${PREFIX}-baseline-`,
};
