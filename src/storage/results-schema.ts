import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schema/results.schema.json' with { type: 'json' };
import { isRecord } from '../core/json.js';
import type { ResultsDoc } from '../core/results.js';
import { parseResultsDoc } from './results-doc.js';
import { validate as generated } from './results-validator.generated.js';

/**
 * The results document checked field by field (schema/results.schema.json), for documents nobody vouches for: a fork
 * PR's uploaded artifact. parseResultsDoc checks only what the comparison needs, which is enough for the baseline the
 * cache holds; a document whose every value a PR chose must also have the shape the report reads.
 */
export const RESULTS_SCHEMA: Readonly<Record<string, unknown>> = schema;

/** Deeper than this is no results document (a parameter value nests a few levels at most) and could exhaust the stack. */
export const MAX_RESULTS_DEPTH = 32;

/** The schema's validator, generated at build time (scripts/validators.mjs): nothing is compiled when a run starts. */
const validator = generated as unknown as ValidateFunction;

/** The document, or every problem as `path: message` (at most `maxProblems`), the path as a JSON Pointer. */
export function parseStrictResultsDoc(text: string, maxProblems = 10): ResultsDoc | readonly string[] {
  const doc = parseResultsDoc(text);
  if (typeof doc === 'string') return [doc];
  if (tooDeep(doc, MAX_RESULTS_DEPTH)) return [`nested deeper than ${MAX_RESULTS_DEPTH} levels`];
  if (validator(doc)) return doc;
  return (validator.errors ?? []).slice(0, maxProblems).map(problem);
}

function problem(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(the document)' : e.instancePath;
  const allowed = isRecord(e.params) && Array.isArray(e.params.allowedValues) ? ` (${e.params.allowedValues.join(', ')})` : '';
  return `${where}: ${e.message ?? 'is invalid'}${allowed}, got ${shown(e.data)}`;
}

/** The bad value, short: the reader needs to recognise it, not to read a whole trial. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}

/** Whether `value` nests past `limit` levels; the recursion itself stops at the limit, so it cannot run out of stack. */
function tooDeep(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  return Object.values(value).some((v) => tooDeep(v, limit - 1));
}
