import type { Observation } from './sampler.js';

/**
 * The value a model learns from for a pruned trial, on the scale of complete trials. A pruned trial's own last
 * value was measured after few epochs, where every curve is still high (a loss of 0.6 at epoch 1 against 0.12 at the
 * end), so taken as it is it reads as far worse than it is, and a model steers away from the whole region.
 * Instead its rank among every trial's value at the step where it stopped — the only comparison the pruner made —
 * is carried over to the complete trials: it gets the value at that quantile of their final values, and never
 * better than their median (it was stopped, so it is no evidence of a good region).
 * Returns undefined when there is no complete trial to carry the rank to.
 */
export function prunedStandIn(o: Observation, history: readonly Observation[], complete: readonly number[]): number | undefined {
  const last = o.curve[o.curve.length - 1];
  if (complete.length === 0 || !last || !Number.isFinite(last.value)) return undefined;
  let better = 0;
  let peers = 0;
  for (const h of history) {
    if (h === o) continue;
    const v = valueReached(h, last.step);
    if (v === undefined) continue;
    peers++;
    if (v < last.value) better++;
  }
  const q = peers === 0 ? 0.5 : better / peers;
  return Math.max(quantile(complete, q), quantile(complete, 0.5));
}

/** A trial's first finite value at or past `step`, if its curve got there. */
function valueReached(o: Observation, step: number): number | undefined {
  for (const p of o.curve) if (p.step >= step) return Number.isFinite(p.value) ? p.value : undefined;
  return undefined;
}

function quantile(values: readonly number[], q: number): number {
  const s = values.slice().sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
