import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrialStore } from '../core/store.js';
import type { TrialRecord } from '../core/trial.js';
import { parseTrialRecord } from './record.js';

/**
 * Trial records as one JSON file per key under `<dir>/trials/`. Writes go to a temp file in the same
 * folder and are renamed into place, so a crash or a concurrent reader never sees half a record. A file
 * that does not parse as a record of its own key is a miss with a warning, and the next put replaces it.
 */
export class LocalTrialStore implements TrialStore {
  readonly dir: string;
  private readonly warn: (message: string) => void;

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
      this.warn(`ignoring corrupt cache entry ${file}: ${record}; the trial will be recomputed`);
      return undefined;
    }
    return record;
  }

  async put(record: TrialRecord): Promise<void> {
    const file = this.file(record.key);
    await mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
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
