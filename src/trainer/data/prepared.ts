// Tabular data prepared once and handed over: the tabular objective keeps what it prepared (TabularObjective.prepared),
// the engine passes that to each worker thread (WorkerInit.prepared), and the worker's objective takes it
// (createTabularObjective's `prepared`) instead of parsing and encoding the CSV again.
import { hashJson, sha256Hex } from '../../core/hash.js';
import { type DatasetSpec, type TabularData, prepareTabularData } from './tabular-data.js';

/** One preparation: structured-cloneable (plain objects and typed arrays), so it can cross to a worker thread. */
export interface PreparedData {
  /** preparedKey() of the spec and bytes it was prepared from. */
  readonly key: string;
  readonly data: TabularData;
}

/** The sha256 of the data file's bytes and of the validation file's, hashed once (fileHashes) and passed around. */
export interface FileHashes {
  readonly data: string;
  readonly validation?: string;
}

export function fileHashes(data: Uint8Array | string, validation?: Uint8Array | string): FileHashes {
  return { data: sha256Hex(data), ...(validation === undefined ? {} : { validation: sha256Hex(validation) }) };
}

/** The bytes a preparation is made from: the data file's, and the validation file's when there is one. */
export interface FileBytes {
  readonly data: Uint8Array | string;
  readonly validation?: Uint8Array | string;
}

/**
 * What a preparation depends on: the dataset fields of the spec (not the hyperparameter defaults) and the bytes of
 * the data and validation files (by their hashes). The same key means prepareTabularData would return equal data.
 */
export function preparedKey(spec: DatasetSpec & { readonly defaults?: unknown; readonly type?: unknown }, hashes: FileHashes): string {
  const { defaults: _defaults, type: _type, ...dataset } = spec;
  return hashJson({ spec: dataset, data: hashes.data, validation: hashes.validation ?? null });
}

/**
 * The preparation of `spec` and the files of these hashes: the one in `known` with its key (made in another thread,
 * trusted as its key says), else one made recently in this thread, else prepared here by prepareTabularData from
 * `bytes()` (asked for only then, so a caller may have let its copy go).
 */
export function prepareOnce(known: readonly PreparedData[], spec: DatasetSpec, hashes: FileHashes, bytes: () => FileBytes): PreparedData {
  const key = preparedKey(spec, hashes);
  const found = known.find((p) => p.key === key) ?? recent.find((p) => p.key === key);
  if (found) return found;
  const files = bytes();
  const made = { key, data: prepareTabularData(spec, files.data, files.validation) };
  recent.unshift(made);
  recent.length = Math.min(recent.length, RECENT);
  return made;
}

/**
 * The last preparations made in this thread, by key: the champion step's objective (built after the search's, from
 * the same data) takes the search's instead of preparing it again. Two: the default split and one other.
 */
const recent: PreparedData[] = [];
const RECENT = 2;
