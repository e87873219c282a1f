// The tabular data this thread prepared, by what it was prepared from (the spec and the files' bytes), so the same
// preparation is done once: a worker thread is handed the main thread's (WorkerInit.prepared) instead of parsing and
// encoding the CSV again, and the objective the engine rebuilds on the backend `auto` chose reuses its first one.
import { hashJson, sha256Hex } from '../../core/hash.js';
import type { DatasetSpec, TabularData } from './tabular-data.js';

/** One preparation: structured-cloneable (plain objects and typed arrays), so it can cross to a worker thread. */
export interface PreparedData {
  /** The trainer's data file, as the spec names it (which entries a worker for that trainer is handed). */
  readonly file: string;
  /** preparedKey() of the spec and bytes it was prepared from. */
  readonly key: string;
  readonly data: TabularData;
}

/** The preparations kept: a sweep has one, or one per validation_split it searches; older ones are dropped. */
const KEEP = 4;
const kept: PreparedData[] = [];

/**
 * What a preparation depends on: the dataset fields of the spec (not the hyperparameter defaults) and the bytes of
 * the data and validation files. The same key means prepareTabularData would return equal data.
 */
export function preparedKey(spec: DatasetSpec & { readonly defaults?: unknown; readonly type?: unknown }, data: Uint8Array | string, validation?: Uint8Array | string): string {
  const { defaults: _defaults, type: _type, ...dataset } = spec;
  return hashJson({ spec: dataset, data: sha256Hex(data), validation: validation === undefined ? null : sha256Hex(validation) });
}

export function recallPrepared(key: string): TabularData | undefined {
  return kept.find((p) => p.key === key)?.data;
}

export function rememberPrepared(entry: PreparedData): void {
  const i = kept.findIndex((p) => p.key === entry.key);
  if (i >= 0) kept.splice(i, 1);
  kept.unshift(entry);
  kept.splice(KEEP);
}

/** The preparations of `file` this thread holds, newest first (for a worker's init). */
export function preparedFor(file: string): PreparedData[] {
  return kept.filter((p) => p.file === file);
}

/** Takes preparations made in another thread (a worker's init); trusted as their keys say. */
export function adoptPrepared(entries: readonly PreparedData[]): void {
  for (const e of [...entries].reverse()) rememberPrepared(e);
}
