import type { Curve } from './pruner.js';
import { valueAtRung } from './hyperband.js';

/** Probe trials a rung needs before its ranking is checked (and so before it may prune). */
export const MIN_FINISHED = 3;

/**
 * With `check_rungs`, the trial with `index` earlier trials is a probe: it is never pruned. The first MIN_FINISHED
 * trials and every eta-th after them are probes, like Hyperband's most conservative bracket (Li et al., JMLR 2018),
 * which runs its configurations in full as a hedge against misleading early rungs. Probes are the unbiased evidence
 * rungTrusted reads: trials that ran to the end only because a rung let them through would always agree with it.
 */
export function isProbe(index: number, eta: number): boolean {
  return index < MIN_FINISHED || (index - MIN_FINISHED) % Math.max(2, Math.round(eta)) === 0;
}

/**
 * Whether a hyperband rung has earned the right to prune: learning curves are trusted only as far as they have
 * ranked configurations right so far. The evidence is the probes (see isProbe; `others` in trial order) that
 * reached the furthest step any trial has reported: had the rung's own cut — the best ⌊n/eta⌋, at least one, of
 * their n values at the rung — been applied to them, would it have kept the best of them at that furthest step?
 * Until at least MIN_FINISHED probes have finished, or while it would have pruned their eventual best, the rung
 * does not prune.
 *
 * This is the idea of the rank-consistency checks of multi-fidelity optimisers that weigh a low fidelity by how
 * well it ranked configurations at the high one, such as MFES-HB (Li et al., AAAI 2021) and Hyper-Tune (Li et al.,
 * VLDB 2022), applied where it matters to a pruner: at the top of the ranking.
 */
export function rungTrusted(rung: number, others: readonly Curve[], eta: number): boolean {
  let furthest = -Infinity;
  for (const o of others) furthest = Math.max(furthest, o[o.length - 1]?.step ?? -Infinity);
  if (!(furthest > rung)) return false;
  const pairs: { atRung: number; final: number }[] = [];
  others.forEach((o, i) => {
    const last = o[o.length - 1];
    if (!isProbe(i, eta) || !last || last.step < furthest || !Number.isFinite(last.value)) return;
    const atRung = valueAtRung(o, rung);
    if (atRung !== undefined) pairs.push({ atRung, final: last.value });
  });
  if (pairs.length < MIN_FINISHED) return false;
  let best = pairs[0]!;
  for (const p of pairs) if (p.final < best.final) best = p;
  const field = pairs.map((p) => p.atRung).sort((a, b) => a - b);
  const keep = Math.max(1, Math.floor(field.length / eta));
  return best.atRung <= field[keep - 1]!;
}
