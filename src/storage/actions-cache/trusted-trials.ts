import { lstat, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrialStore } from '../../core/trial-store.js';
import type { TrialRecord } from '../../core/trial.js';
import { ClassifiedError, errorText } from '../../core/errors.js';
import { parseTrialRecord } from '../trial-record.js';

// What the Action trusts as a trial result: a record restored from the Actions cache that passes every check
// here, or one trained in this run. Nothing in the checkout, and nothing a trial's program writes next to the
// store, is read or saved (issue #20: a PR that commits `.sweepgate/trials/<key>.json` forged every result).

/** The largest trial record kept, as JSON; a record past it is neither read back nor saved. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** The most one trials entry holds; records past it (the newest last) are not saved. */
export const MAX_ENTRY_BYTES = 100 * 1024 * 1024;

const RECORD_FILE = /^([0-9a-f]{64})\.json$/;

/** A folder the Action must write (a trial store or baseline folder) cannot be: fatal, with the path and the cause. */
export class StorePathError extends ClassifiedError {
  override readonly name = 'StorePathError';
  readonly errorClass = 'run-failure';
}

/** Removes whatever is at `dir` and makes it an empty folder; a failure is a StorePathError naming both. */
export async function emptyFolder(dir: string, why: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const left = await readdir(dir);
    if (left.length > 0) throw new Error(`it still holds ${left.length} entries after clearing`);
  } catch (err) {
    throw new StorePathError(`cannot prepare ${dir} ${why}: ${errorText(err)}`);
  }
}

export interface RecordFolder {
  /** Every valid record, by key. */
  readonly records: ReadonlyMap<string, TrialRecord>;
  /** One line per file left out: its name and why. */
  readonly dropped: readonly string[];
}

/**
 * The records in a folder a cache entry was restored into. A file counts only when its name is `<64 hex>.json`,
 * it is a regular file (not a link or a folder) of at most MAX_RECORD_BYTES, and it parses as a record of that
 * key (storage/trial-record.ts); everything else is dropped with its reason. Hand-written rather than a schema
 * library: the record parser already is the schema, shared with the local store.
 */
export async function readRecordFolder(dir: string): Promise<RecordFolder> {
  const records = new Map<string, TrialRecord>();
  const dropped: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const why = await recordProblem(dir, name, records);
    if (why !== undefined) dropped.push(`${JSON.stringify(name)}: ${why}`);
  }
  return { records, dropped };
}

async function recordProblem(dir: string, name: string, into: Map<string, TrialRecord>): Promise<string | undefined> {
  const key = RECORD_FILE.exec(name)?.[1];
  if (key === undefined) return 'not a record file (<64 hex digits>.json)';
  const file = path.join(dir, name);
  const s = await lstat(file);
  if (!s.isFile()) return 'not a regular file';
  if (s.size > MAX_RECORD_BYTES) return `${s.size} bytes, past the ${MAX_RECORD_BYTES}-byte cap`;
  const record = parseTrialRecord(await readFile(file, 'utf8'), key);
  if (typeof record === 'string') return record;
  into.set(key, record);
  return undefined;
}

export interface Staged {
  /** Records written. */
  readonly staged: number;
  /** One line per record left out: its key and why. */
  readonly skipped: readonly string[];
}

/**
 * Writes `records` (and nothing else) into `dir`, emptied first, for a cache save. Each record is written from
 * memory, so what a trial's program left in any folder never travels; a record past MAX_RECORD_BYTES, one that
 * does not survive JSON (a NaN metric), or one past MAX_ENTRY_BYTES in all is skipped with its reason. Throws a
 * StorePathError when the folder cannot be written or holds anything else once written.
 */
export async function stageRecords(dir: string, records: readonly TrialRecord[]): Promise<Staged> {
  await emptyFolder(dir, 'to stage the trials for the cache');
  const skipped: string[] = [];
  const written = new Set<string>();
  let total = 0;
  for (const record of records) {
    const text = `${JSON.stringify(record)}\n`;
    const bytes = Buffer.byteLength(text);
    const problem =
      bytes > MAX_RECORD_BYTES
        ? `${bytes} bytes, past the ${MAX_RECORD_BYTES}-byte cap`
        : total + bytes > MAX_ENTRY_BYTES
          ? `the entry would pass its ${MAX_ENTRY_BYTES}-byte cap`
          : parseTrialRecord(text, record.key);
    if (typeof problem === 'string') {
      skipped.push(`${record.key}: ${problem}`);
      continue;
    }
    try {
      await writeFile(path.join(dir, `${record.key}.json`), text, { encoding: 'utf8', flag: 'wx' });
    } catch (err) {
      throw new StorePathError(`cannot stage trial record ${record.key} in ${dir}: ${errorText(err)}`);
    }
    written.add(`${record.key}.json`);
    total += bytes;
  }
  const extra = (await readdir(dir)).filter((n) => !written.has(n));
  if (extra.length > 0) throw new StorePathError(`${dir} holds files this run did not stage (${extra.slice(0, 3).join(', ')})`);
  return { staged: written.size, skipped };
}

/**
 * The Action's trial store: the records restored from the cache (checked by readRecordFolder) and those this run
 * puts, in memory. It never reads a folder, so nothing a checkout or a program leaves on disk counts as a result,
 * and what it holds is exactly what a save stages.
 */
export class RunTrialStore implements TrialStore {
  private readonly records = new Map<string, TrialRecord>();
  private puts = 0;

  /** Records restored from the cache; a record this run already put is kept. */
  adopt(restored: ReadonlyMap<string, TrialRecord>): void {
    for (const [key, record] of restored) if (!this.records.has(key)) this.records.set(key, record);
  }

  /** True once this run stored a record: only then is a new trials entry worth saving. */
  get changed(): boolean {
    return this.puts > 0;
  }

  async get(key: string): Promise<TrialRecord | undefined> {
    return this.records.get(key);
  }

  async put(record: TrialRecord): Promise<void> {
    this.puts++;
    // A copy: the caller's object may change after it is stored, the store's must not.
    this.records.set(record.key, structuredClone(record));
  }

  async all(): Promise<readonly TrialRecord[]> {
    return [...this.records.values()];
  }
}
