import type { TrialStore } from '../../src/core/trial-store.js';
import type { TrialRecord } from '../../src/core/trial.js';

/** In-memory TrialStore for tests; counts calls so tests can assert what was looked up and written. */
export class MemoryTrialStore implements TrialStore {
  readonly records = new Map<string, TrialRecord>();
  gets = 0;
  puts = 0;
  async get(key: string): Promise<TrialRecord | undefined> {
    this.gets++;
    return this.records.get(key);
  }
  async put(record: TrialRecord): Promise<void> {
    this.puts++;
    this.records.set(record.key, record);
  }
  async all(): Promise<readonly TrialRecord[]> {
    return [...this.records.values()];
  }
}
