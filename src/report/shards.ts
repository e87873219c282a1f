import type { ResultsDoc } from '../core/results.js';
import { cap, inline, TEXT_MAX_CHARS } from './format.js';

/** Shards the report shows by name at most; the rest are counted. */
const MAX_NAMED = 10;

/**
 * The Run section's line for a sweep split across runners: how many shards were merged, and each one that was not
 * (missing, failed, unusable) with why. Nothing for a one-runner sweep.
 */
export function shardsLine(r: ResultsDoc): string[] {
  const s = r.shards;
  if (!s) return [];
  const head = `**Shards**: ${s.merged.length} of ${s.count} merged`;
  if (s.problems.length === 0) return [head];
  const named = s.problems.slice(0, MAX_NAMED).map((p) => `shard ${p.index}/${s.count} (${inline(cap(p.why, TEXT_MAX_CHARS))})`);
  const more = s.problems.length > MAX_NAMED ? `, and ${s.problems.length - MAX_NAMED} more` : '';
  return [`${head} · ❌ not merged: ${named.join('; ')}${more}`];
}
