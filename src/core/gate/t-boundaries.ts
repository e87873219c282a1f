import { Rng } from '../rng.js';
import { studentTQuantile, studentTSurvival } from './stats.js';

/**
 * Group-sequential boundaries for the paired t-test itself, not for a z statistic with a known variance. The
 * replay estimates the seeds' variance at every look, and with 2 to 9 degrees of freedom applying the normal
 * theory's nominal levels to the t-test's p-values (Jennison & Turnbull's "significance level" approach, Group
 * Sequential Methods, 2000, §11.1) lets the overall error drift above alpha: 0.053 at alpha 0.05 for the replay's
 * looks (3, 5, 10 seeds; simulated, docs/gate.md). So each look's t boundary is chosen so that the chance of a first
 * crossing there, for per-seed losses normal about the threshold, is exactly what the spending function spends at
 * that look: at the first look that is a t quantile (exact); later, the joint law of the t statistics has no closed
 * form, so it is computed by simulation, seeded and so the same on every run. The t statistics do not depend on the
 * losses' mean or scale under that null, so one simulation of standard normal losses serves every rule.
 *
 * Hand-written (no library computes spending boundaries for a sequential t-test), and small: the checks are in
 * test/core/t-boundaries.test.ts, against an independent simulation of the whole replay.
 */

/** Replays simulated per design: the Monte Carlo error of the overall error is then about 0.0003 at alpha 0.05. */
export const T_BOUNDARY_DRAWS = 200_000;
const T_BOUNDARY_SEED = 0x5eed_0021;

/**
 * One-sided nominal levels (P(T_{n−1} > c_k)) for looks after `looks` seeds, each spending `increments[k]`: the
 * chance, for losses exactly at the threshold, of failing at look k having not failed before. Their sum is the
 * design's overall error.
 */
export function tScaleLevels(looks: readonly number[], increments: readonly number[], draws = T_BOUNDARY_DRAWS): number[] {
  if (looks.length !== increments.length) throw new RangeError(`tScaleLevels: ${looks.length} looks but ${increments.length} increments`);
  if (looks.some((n, k) => !Number.isInteger(n) || n < 2 || (k > 0 && n <= looks[k - 1]!)))
    throw new RangeError(`tScaleLevels: looks must be increasing seed counts of at least 2, got ${looks.join(', ')}`);
  const levels = [increments[0]!];
  if (looks.length === 1) return levels;
  const t = simulatedTStatistics(looks, draws);
  const alive = new Uint8Array(draws).fill(1);
  let bound = studentTQuantile(1 - increments[0]!, looks[0]! - 1);
  for (let k = 1; k < looks.length; k++) {
    for (let r = 0; r < draws; r++) if (t[k - 1]![r]! > bound) alive[r] = 0;
    bound = boundSpending(t[k]!, alive, increments[k]! * draws);
    levels.push(studentTSurvival(bound, looks[k]! - 1));
  }
  return levels;
}

/** The t statistic of standard normal losses at each look, for `draws` replays: t[k][r]. */
function simulatedTStatistics(looks: readonly number[], draws: number): Float64Array[] {
  const normals = standardNormals(new Rng(T_BOUNDARY_SEED), draws * looks[looks.length - 1]!);
  const t = looks.map(() => new Float64Array(draws));
  const last = looks[looks.length - 1]!;
  for (let r = 0, i = 0; r < draws; r++) {
    // Welford's running mean and sum of squared deviations, read at each look.
    let mean = 0;
    let m2 = 0;
    let k = 0;
    for (let n = 1; n <= last; n++) {
      const x = normals[i++]!;
      const delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
      if (n === looks[k]) t[k++]![r] = mean / Math.sqrt(m2 / (n - 1) / n);
    }
  }
  return t;
}

/** `count` standard normals by Box–Muller, both of each pair (Rng.normal keeps one; here speed matters). */
function standardNormals(rng: Rng, count: number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    out[i] = radius * Math.cos(angle);
    out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** The value that `count` of the still-running replays' statistics exceed (midway between its neighbours). */
function boundSpending(statistics: Float64Array, alive: Uint8Array, count: number): number {
  let size = 0;
  const running = new Float64Array(statistics.length);
  for (let r = 0; r < statistics.length; r++) if (alive[r] === 1) running[size++] = statistics[r]!;
  running.subarray(0, size).sort();
  return boundAbove(running.subarray(0, size), count);
}

/** The value that `count` of the sorted `running` exceed. */
function boundAbove(running: Float64Array, count: number): number {
  const m = Math.round(count);
  if (m <= 0) return Infinity;
  if (m >= running.length) return -Infinity;
  const i = running.length - m;
  return (running[i - 1]! + running[i]!) / 2;
}
