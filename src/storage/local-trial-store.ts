import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrialStore } from '../core/trial-store.js';
import type { TrialRecord } from '../core/trial.js';
import { parseTrialRecord } from './trial-record.js';

/**
 * Trial records as one JSON file per key under `<dir>/trials/`. Writes go to a temp file in the same
 * folder and are renamed into place (rename is atomic within a file system), so a crash, a concurrent reader
 * or a second process writing the same store never sees or leaves half a record: the last whole write wins.
 * A file that does not parse as a record of its own key (truncated, garbage, another schema) is a miss, and
 * the next put replaces it; the first such file is reported once, the rest silently, so a store spoilt
 * wholesale is one warning, not one per trial.
 */
export class LocalTrialStore implements TrialStore {
  readonly dir: string;
  private readonly warn: (message: string) => void;
  private corrupt = 0;

  constructor(dir: string, warn: (message: string) => void = () => {}) {
    this.dir = path.join(dir, 'trials');
    this.warn = warn;
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`trial key must be 64 hex digits, got ${JSON.stringify(key)}`);
    return path.join(this.dir, `${key}.json`);
  }

  async get(key: string): Promise<TrialRecord | undefined> {
    const file = this.file(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    const record = parseTrialRecord(text, key);
    if (typeof record === 'string') {
      if (this.corrupt++ === 0)
        this.warn(
          `ignoring corrupt cache entry ${file}: ${record}; the trial will be recomputed (further corrupt entries in ${this.dir} are ignored without a warning)`,
        );
      return undefined;
    }
    return record;
  }

  async put(record: TrialRecord): Promise<void> {
    const file = this.file(record.key);
    await mkdir(this.dir, { recursive: true });
    // Unique per write, so two processes (or two trials of one) never share a temp file.
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(record)}\n`, 'utf8');
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async all(): Promise<readonly TrialRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    const out: TrialRecord[] = [];
    for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
      const r = await this.get(name.slice(0, 64));
      if (r) out.push(r);
    }
    return out;
  }
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
}
