import { isRecord } from '../core/json.js';
import type { TrialRecord, TrialStatus } from '../core/trial.js';
import { errorText } from '../core/errors.js';

const STATUSES: readonly TrialStatus[] = ['complete', 'pruned', 'failed'];

/**
 * Parses a stored record and checks it is whole and belongs to `key`; returns the reason as a string
 * when it is not (a corrupt or foreign entry is a cache miss, never an error).
 */
export function parseTrialRecord(text: string, key: string): TrialRecord | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'not an object';
  const r = doc as Record<string, unknown>;
  if (r.key !== key) return `key ${JSON.stringify(r.key)} does not match the file's ${key}`;
  if (!STATUSES.includes(r.status as TrialStatus)) return `bad status ${JSON.stringify(r.status)}`;
  if (!isRecord(r.params)) return 'params missing';
  if (!isRecord(r.metrics) || !Object.values(r.metrics).every((v) => typeof v === 'number' && Number.isFinite(v)))
    return 'metrics missing or not numbers';
  if (!Number.isInteger(r.seed)) return 'seed missing';
  if (!Array.isArray(r.history)) return 'history missing';
  for (const [i, h] of r.history.entries()) {
    if (
      !isRecord(h) ||
      typeof h.step !== 'number' ||
      !isRecord(h.metrics) ||
      !Object.values(h.metrics).every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      return `history[${i}] is not {step, metrics}`;
  }
  if (typeof r.durationMs !== 'number' || typeof r.backend !== 'string') return 'durationMs or backend missing';
  return doc as TrialRecord;
}
