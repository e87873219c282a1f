import type { Parameter, Space } from '../distributions/distribution.js';
import type { ResultTrial } from '../results.js';
import { searchTrials } from '../results.js';
import { numericRange, scored, searched, unitOf, type LandscapeMetric, type NumericRange } from './trials.js';

/** The outer share of a range, in the distribution's scale, that counts as its edge. */
export const EDGE = 0.2;
/** Fewer finished trials than this and no boundary is judged. */
export const BOUNDARY_MIN_TRIALS = 8;

/** A numeric parameter with fewer possible values than this has no inside to speak of. */
const MIN_VALUES = 5;

export type End = 'low' | 'high';

/**
 * What the best trials say about a numeric range's end:
 * - `widen`: the best crowd it and the range can go further: `suggested` is the new bound;
 * - `hard-limit`: the best crowd it but it is as far as the parameter goes (`limit`);
 * - `unstable`: the best crowd it and so do the failed trials: instability, not a good edge.
 */
export type BoundaryNote =
  | {
      readonly kind: 'widen';
      readonly param: string;
      readonly end: End;
      readonly range: NumericRange;
      readonly suggested: number;
      /** The suggestion stopped at this hard limit. */
      readonly atLimit: boolean;
    }
  | { readonly kind: 'hard-limit'; readonly param: string; readonly end: End; readonly range: NumericRange; readonly limit: number }
  | { readonly kind: 'unstable'; readonly param: string; readonly end: End; readonly range: NumericRange; readonly failed: number };

/**
 * The boundary check (the Deep Learning Tuning Playbook's "is the best near the boundary of the search space?").
 * Rule: the top k finished trials, k = max(3, ⌈n/5⌉) capped at 10, crowd an end when the best trial and at least half
 * of the top k sit in the outer 20% of the range, measured in the distribution's scale (log-spaced for log
 * distributions). For a parameter that does not matter, under random search, that happens by chance about 3% of the
 * time per end (the best there: 1 in 5; at least 3 of the 7 others with k = 8: 15%); 10% was too narrow to catch a
 * clear trend in 40 random trials, where the other parameters scatter the top trials. Then, when at least 3 trials in that same edge failed (not cancelled) and they are at least a
 * third of the trials run in that edge, the note says instability (fewer, and failures caused by another parameter
 * land there by chance); when the end is a hard limit it says so; otherwise it
 * suggests moving that bound out by a quarter of the range's width in its scale (a factor for log ranges, at most
 * ten: one decade), stopping at a hard limit: far enough to show whether the trend goes on, near enough that the
 * new edge is still a value worth training. Hard limits: 0 below a range that starts at 0 or above (rates, dropout, weight decay), 1 below an
 * integer range that starts at 1 or above (a count), 1 above a range inside [0, 1] (a probability or fraction).
 * Categorical and unbounded (normal) parameters have no ends, and a numeric one with under 5 possible values
 * (int 1..2, a q_uniform of 3 steps) no inside: they get no note.
 */
export function boundaryNotes(trials: readonly ResultTrial[], space: Space, metric: LandscapeMetric): BoundaryNote[] {
  const done = scored(trials, metric);
  if (done.length < BOUNDARY_MIN_TRIALS) return [];
  const k = Math.min(10, Math.max(3, Math.ceil(done.length / 5)));
  const top = done.slice(0, k);
  const ran = searchTrials(trials).filter((t) => t.reason !== 'cancelled');
  const notes: BoundaryNote[] = [];
  for (const p of searched(space)) {
    const range = numericRange(p.dist);
    // With under 5 values every value is an end or next to one: "crowding an end" says nothing.
    if (!range || (p.dist.values()?.length ?? Infinity) < MIN_VALUES) continue;
    const end = crowdedEnd(
      p,
      top.map((s) => s.trial),
    );
    if (!end) continue;
    notes.push(noteFor(p, range, end, ran));
  }
  return notes;
}

function edgeOf(u: number | undefined): End | undefined {
  if (u === undefined) return undefined;
  return u <= EDGE ? 'low' : u >= 1 - EDGE ? 'high' : undefined;
}

function crowdedEnd(p: Parameter, top: readonly ResultTrial[]): End | undefined {
  const best = edgeOf(unitOf(p, top[0]!));
  if (!best) return undefined;
  const there = top.filter((t) => edgeOf(unitOf(p, t)) === best).length;
  return there * 2 >= top.length ? best : undefined;
}

function noteFor(p: Parameter, range: NumericRange, end: End, ran: readonly ResultTrial[]): BoundaryNote {
  const atEdge = ran.filter((t) => edgeOf(unitOf(p, t)) === end);
  const failed = atEdge.filter((t) => t.status === 'failed').length;
  if (failed >= 3 && failed * 3 >= atEdge.length) return { kind: 'unstable', param: p.name, end, range, failed };
  const limit = hardLimit(range, end);
  const bound = end === 'low' ? range.lo : range.hi;
  if (limit !== undefined && bound === limit) return { kind: 'hard-limit', param: p.name, end, range, limit };
  const suggested = widened(range, end, limit);
  return { kind: 'widen', param: p.name, end, range, suggested, atLimit: suggested === limit };
}

function hardLimit(r: NumericRange, end: End): number | undefined {
  if (end === 'low') return r.integer && r.lo >= 1 ? 1 : r.lo >= 0 && !r.log ? 0 : undefined;
  return !r.log && !r.integer && r.lo >= 0 && r.hi <= 1 ? 1 : undefined;
}

/** The bound moved out by a quarter of the width in the range's scale (a log range: at most a decade), rounded to two significant digits, never past the limit. */
function widened(r: NumericRange, end: End, limit: number | undefined): number {
  const sign = end === 'low' ? -1 : 1;
  const from = end === 'low' ? r.lo : r.hi;
  let v = r.log ? from * Math.min(10, (r.hi / r.lo) ** 0.25) ** sign : from + (sign * (r.hi - r.lo)) / 4;
  v = r.integer ? (end === 'low' ? Math.floor(v) : Math.ceil(v)) : Number(v.toPrecision(2));
  if (limit !== undefined) v = end === 'low' ? Math.max(limit, v) : Math.min(limit, v);
  return v;
}
