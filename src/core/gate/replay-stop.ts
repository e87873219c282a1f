import type { SeedRun } from './champion-plan.js';
import type { GateRule } from '../config/types.js';
import { allowance, completedValues, pairedValues, worsening } from './compare.js';
import { sequentialDesign, sequentialVerdict, type ReplayStop } from './sequential.js';

/**
 * Whether the replay can stop after the runs so far (in main's seed order), and why: at a look where every rule
 * that gates on the champion is decided (clearly past its threshold or clearly within it), when a run failed
 * (the gate fails with its error), or when every seed has run. Undefined: train the next seed. Without a rule on
 * the champion nothing is decided early and every seed runs (the replay is then only shown).
 */
export function replayStop(
  main: readonly SeedRun[],
  replay: readonly SeedRun[],
  rules: readonly GateRule[],
  maxSeeds: number,
): ReplayStop | undefined {
  const gated = rules.filter((r) => (r.on ?? 'champion') !== 'best');
  const looks = sequentialDesign(maxSeeds, gated[0]?.alpha ?? 0.05).looks;
  const n = replay.length;
  const at = (why: ReplayStop['why']): ReplayStop => ({
    of: maxSeeds,
    seeds: n,
    look: Math.max(1, looks.filter((k) => k <= n).length),
    looks,
    why,
  });
  if (replay.some((r) => r.status === 'failed')) return at('failed');
  if (n >= maxSeeds) return at('all-seeds');
  if (gated.length === 0 || !looks.includes(n)) return undefined;
  let past = false;
  for (const rule of gated) {
    const mainValues = completedValues(main, rule.metric);
    // A metric main does not have is not the replay's to decide (compareResults reports it).
    if (mainValues.size === 0) continue;
    const { b, c } = pairedValues(mainValues, replay, rule.metric);
    if (b.length === 0) return undefined;
    const margin = allowance(rule.threshold, b.reduce((s, x) => s + x, 0) / b.length);
    const losses = b.map((m, i) => worsening(rule.goal, m, c[i]!));
    const verdict = sequentialVerdict(losses, margin, sequentialDesign(maxSeeds, rule.alpha), rule.alpha);
    if (!verdict) return undefined;
    past ||= verdict.why === 'past';
  }
  return at(past ? 'past' : 'within');
}
