import { CategoricalDistribution, IntUniformDistribution, LogUniformDistribution, UniformDistribution } from '../distributions/index.js';
import type { Distribution } from '../distributions/distribution.js';
import type { JsonValue } from '../json.js';

/** With a range that reaches 0 or below, `values: decades` stops this many decades under the top one. */
export const MAX_DECADES = 6;

/**
 * `values: decades`: the powers of ten inside a numeric parameter's range, smallest first (the order of magnitude
 * of a learning rate is the first thing worth knowing about it). A range that reaches 0 or below keeps the
 * MAX_DECADES highest. Empty for a categorical or constant parameter, or a range holding no power of ten.
 * Written as `1e<k>` and parsed, so 0.001 is exactly the number a user types, not 10 ** -3 (1.0000000000000002e-3).
 */
export function decadeValues(dist: Distribution): number[] {
  if (dist.kind === 'categorical' || dist.values()?.length === 1) return [];
  const [lo, hi] = bounds(dist);
  if (!(hi > 0)) return [];
  const top = Math.floor(Math.log10(hi) + 1e-9);
  const bottom = lo > 0 ? Math.ceil(Math.log10(lo) - 1e-9) : top - MAX_DECADES + 1;
  const out: number[] = [];
  for (let k = bottom; k <= top; k++) {
    const v = Number(`1e${k}`);
    if (dist.contains(v)) out.push(v);
  }
  return out;
}

/** A numeric range's ends as written (the unit mapping's ends can be a float step off: 0.8999999999999999). */
export function bounds(dist: Distribution): [number, number] {
  if (dist instanceof LogUniformDistribution || dist instanceof UniformDistribution) return [dist.lo, dist.hi];
  if (dist instanceof IntUniformDistribution) return [dist.min, dist.max];
  return [Number(dist.fromUnit(0)), Number(dist.fromUnit(1))];
}

/** The decade grid as a distribution the samplers take: a categorical over the powers of ten. */
export function decadeDistribution(dist: Distribution): Distribution {
  return new CategoricalDistribution(decadeValues(dist));
}

/** True when `refine: true` knows how to narrow this parameter (a plain numeric range). */
export function refinable(dist: Distribution): boolean {
  return dist instanceof LogUniformDistribution || dist instanceof UniformDistribution || dist instanceof IntUniformDistribution;
}

/** A linear range narrows to the best value ± this share of its width. */
export const REFINE_LINEAR_SHARE = 0.25;
/** A log range narrows to [best / this, best · this]: one decade either side. */
export const REFINE_LOG_FACTOR = 10;

/**
 * `refine: true`: the range around the best value so far, clipped to the original bounds. Log ranges keep one
 * decade either side of the best ([best/10, best·10]), since the decade grid or an earlier stage has only said
 * which order of magnitude wins; linear and integer ranges keep a quarter of their width either side (half the
 * range in all). That is the Playbook's exploit step: once exploration has located the good region, spend the
 * Bayesian trials inside it, while keeping enough room that a best near the old edge can still move. A range that
 * cannot narrow (not a plain range, or an integer range too small to shrink) comes back unchanged.
 */
export function refineDistribution(dist: Distribution, best: JsonValue | undefined): Distribution {
  if (typeof best !== 'number' || !dist.contains(best)) return dist;
  if (dist instanceof LogUniformDistribution) {
    const lo = Math.max(dist.lo, best / REFINE_LOG_FACTOR);
    const hi = Math.min(dist.hi, best * REFINE_LOG_FACTOR);
    return lo < hi ? new LogUniformDistribution('log_uniform_values', lo, hi) : dist;
  }
  if (dist instanceof UniformDistribution) {
    const half = (dist.hi - dist.lo) * REFINE_LINEAR_SHARE;
    const lo = Math.max(dist.lo, best - half);
    const hi = Math.min(dist.hi, best + half);
    return lo < hi ? new UniformDistribution(lo, hi) : dist;
  }
  if (dist instanceof IntUniformDistribution) {
    const half = (dist.max - dist.min) * REFINE_LINEAR_SHARE;
    const lo = Math.max(dist.min, Math.floor(best - half));
    const hi = Math.min(dist.max, Math.ceil(best + half));
    return lo < hi && hi - lo < dist.max - dist.min ? new IntUniformDistribution(lo, hi) : dist;
  }
  return dist;
}

/** What a stage searched over one parameter, for the report: the list of values, or the range. */
export function describeSearch(dist: Distribution): string {
  const values = dist.values();
  if (values && values.length <= 8) return values.map((v) => (typeof v === 'number' ? short(v) : String(v))).join(', ');
  const [lo, hi] = bounds(dist);
  const range = `[${short(lo)}, ${short(hi)}]`;
  if (dist instanceof LogUniformDistribution) return `log ${range}`;
  return dist instanceof UniformDistribution ? range : `${dist.name} ${range}`;
}

function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}
