import type { TrialRecord } from './trial.js';

/**
 * Where trial records live. `get` of an unknown or unreadable key is undefined (a corrupt entry is a
 * miss, reported through `onWarning`), never a throw; `put` is atomic: a reader never sees half a record.
 */
export interface TrialStore {
  get(key: string): Promise<TrialRecord | undefined>;
  put(record: TrialRecord): Promise<void>;
  all(): Promise<readonly TrialRecord[]>;
}
