import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { errorText } from '../../core/errors.js';
import { StorePathError } from './trusted-trials.js';

// The baseline a main branch recorded with the previous version (cache keys `sweepgate-v1-…`), so upgrading does
// not fail every PR until main runs once more. Only the baseline is ever read, and only after a v2 miss: a v1
// trials entry could hold records a checkout brought (issue #20), so those are never restored, and no v1 entry is
// ever saved. Everything here copies the previous version (d35c62e, src/storage/actions-cache.ts and
// src/github/main.ts) exactly: its entries were saved under these keys, and @actions/cache hashes the path string
// into an entry's version, so a restore must ask with the same string.

const V1_PREFIX = 'sweepgate-v1';

/** The previous version's key segment: the raw name (not normalised), its sha256 cut to 8 hex digits. */
export function v1KeySafe(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._]+/g, '_').slice(0, 100);
  return `${s}.${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export const v1BaselineKeys = {
  prefix: (sweep: string): string => `${V1_PREFIX}-baseline-${v1KeySafe(sweep)}-`,
  baseline: (sweep: string, sha: string): string => `${V1_PREFIX}-baseline-${v1KeySafe(sweep)}-${sha}`,
};

/**
 * Where the previous version kept the baseline: `<cache dir>/baseline/<v1KeySafe(name)>.json`, the cache dir being
 * the `cache-dir` input (from the workspace) or `.sweepgate` beside the config. Absolute; the caller turns it into
 * the workspace-relative string the entry was saved with (trials-and-baseline.ts cachePath), as the old code did.
 */
export function v1BaselineFile(opts: {
  readonly workspace: string;
  readonly configDir: string;
  readonly cacheDirInput: string | undefined;
  readonly sweep: string;
}): string {
  const cacheDir = opts.cacheDirInput ? path.resolve(opts.workspace, opts.cacheDirInput) : path.join(opts.configDir, '.sweepgate');
  return path.join(cacheDir, 'baseline', `${v1KeySafe(opts.sweep)}.json`);
}

/**
 * Checks that a restore into `file` writes where it says: every folder between the workspace (the filesystem's
 * root for a path outside it) and the file that exists must be a real folder, not a symbolic link (the archive
 * would be written, and read back, through it) nor a file. The checkout controls these folders, so a violation
 * is a StorePathError naming the path, never a quiet miss. Missing folders are fine: the restore makes them.
 */
export async function checkRestoreFolders(workspace: string, file: string): Promise<void> {
  const rel = path.relative(workspace, file);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const base = inside ? path.resolve(workspace) : path.parse(file).root;
  let dir = base;
  for (const part of path.relative(base, path.dirname(file)).split(path.sep).filter(Boolean)) {
    dir = path.join(dir, part);
    const why = await folderProblem(dir);
    if (why === 'absent') return;
    if (why !== undefined)
      throw new StorePathError(`cannot restore the previous version's baseline to ${file}: ${dir} is ${why}; remove it from the checkout`);
  }
}

async function folderProblem(dir: string): Promise<string | 'absent' | undefined> {
  try {
    const s = await lstat(dir);
    if (s.isSymbolicLink()) return 'a symbolic link';
    return s.isDirectory() ? undefined : 'not a folder';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : `unreadable (${errorText(err)})`;
  }
}
