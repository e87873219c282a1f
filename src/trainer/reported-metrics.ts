import { show } from '../core/errors.js';
import type { Metrics } from '../core/json.js';

/** Short description of a value for an error message: its type and, when small, the value itself. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array (${show(value)})`;
  if (typeof value === 'object') return `an object (${show(value)})`;
  return `${typeof value} ${show(value)}`;
}

/**
 * The metrics in `value` when it is a plain object whose every value is a finite number; otherwise a message
 * saying which entry is wrong.
 */
export function asMetrics(value: unknown): { metrics: Metrics } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `not an object: ${describe(value)}` };
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number') return { problem: `metric ${show(k)} is ${describe(v)}, not a number` };
    if (!Number.isFinite(v)) return { problem: `metric ${show(k)} is ${v}` };
    out[k] = v;
  }
  return { metrics: out };
}

/** The last value of each metric over a sequence of reports (W&B's run summary). */
export function mergeReports(reports: readonly Metrics[]): Metrics {
  return Object.assign({}, ...reports) as Metrics;
}
