// Other sequential designs weighed on the same recorded runs as the replay's own (bench/gate-sequential.ts): how
// the choice in core/gate/sequential.ts was made, reproducibly. Each design is evaluated on the first half of the
// pairs (where it was chosen) and on all of them (where the choice is confirmed), since choosing and reporting on
// the same pairs flatters the choice.
import type { SeedRun } from '../src/core/gate/index.js';
import { REPLAY_PLAN, sequentialDesign, sequentialVerdict, spendingName, type SequentialPlan } from '../src/core/gate/index.js';
import type { GateRule } from '../src/core/config/types.js';
import type { RecordedPair } from './gate-sequential.js';
import { median, nearestRank } from './gate-quantiles.js';

/** A design weighed against the chosen one. */
export interface Alternative {
  readonly name: string;
  readonly plan: SequentialPlan;
}

const looksName = (plan: SequentialPlan, maxSeeds: number): string => `looks ${[...plan.looks, maxSeeds].join('/')}`;
const named = (plan: SequentialPlan, maxSeeds = 10): Alternative => ({
  name: `${spendingName(plan.spending)}, ${looksName(plan, maxSeeds)}`,
  plan,
});

/**
 * The spending families at looks 3/5/10, and other looks. Hwang–Shih–DeCani with γ > 0 spends more of alpha at
 * the first look than Pocock's, which is what a PR that loses far more than the threshold needs to stop at 3 seeds.
 */
export const ALTERNATIVES: readonly Alternative[] = [
  named({ looks: [3, 5], spending: 'pocock' }),
  named({ looks: [3, 5], spending: 'obrien-fleming' }),
  ...[0, 1, 2, 3, 4, 5, 6].map((hsd) => named({ looks: [3, 5], spending: { hsd } })),
  ...[
    [3, 6],
    [3, 4, 5],
    [3, 5, 7],
  ].map((looks) => named({ looks, spending: REPLAY_PLAN.spending })),
];

const value = (r: SeedRun, metric: string): number => r.metrics[metric]!;

/**
 * One PR under a design: the first look that decides, from the per-seed losses in main's seed order, as
 * replayStop and compareChampion decide for one rule with an absolute threshold; a failed run stops the replay
 * and fails the gate unless an earlier look decided.
 */
export function decideWith(p: RecordedPair, rule: GateRule, maxSeeds: number, plan: SequentialPlan): { failed: boolean; seeds: number } {
  if (rule.threshold.kind !== 'absolute')
    throw new Error(`decideWith: the benchmark's rule has an absolute threshold, got ${rule.threshold.kind}`);
  const design = sequentialDesign(maxSeeds, rule.alpha, plan);
  const replay = p.replay.slice(0, maxSeeds);
  const broken = replay.findIndex((r) => r.status !== 'complete');
  const ran = broken >= 0 ? replay.slice(0, broken) : replay;
  const losses = ran.map((r, i) => {
    const sign = rule.goal === 'minimize' ? -1 : 1;
    return sign * (value(p.main[i]!, rule.metric) - value(r, rule.metric));
  });
  const v = sequentialVerdict(losses, rule.threshold.value, design, rule.alpha);
  if (!v) return { failed: true, seeds: broken + 1 };
  return { failed: v.status === 'regressed', seeds: v.seeds };
}

interface Row {
  readonly kind: string;
  readonly pair: number;
  readonly failed: boolean;
  readonly fixed: boolean;
  readonly trained: number;
  readonly seeds: number;
  readonly truth: number;
}

/** The kind that loses far more than the threshold, whose replays should mostly stop at the first look. */
const FAST = 'labels';

/** Prints, per design, false alarms, detections of ≥ 2-point drops, and the replay trainings per kind, on `pairs`. */
function designTable(
  title: string,
  maxSeeds: number,
  alpha: number,
  rows: (plan: SequentialPlan) => readonly Row[],
  neutral: readonly string[],
  harmful: readonly string[],
  alternatives: readonly Alternative[],
): void {
  console.log('');
  console.log(title);
  console.log('');
  const kinds = [...neutral, ...harmful].filter((k) => k !== 'seed' && k !== 'epochs');
  console.log(
    `| design | nominal levels | false alarms (${neutral.join(', ')}) | ≥ 2-point drops caught | caught by fixed 10, missed | ${kinds.map((k) => `${k}: median (nearest-rank) / 90th pct`).join(' | ')} | ${FAST} at the first look | trained, all PRs |`,
  );
  console.log(`| --- | --- | ---: | ---: | ---: | ${kinds.map(() => '---:').join(' | ')} | ---: | ---: |`);
  for (const alt of alternatives) {
    const rs = rows(alt.plan);
    const levels = sequentialDesign(maxSeeds, alpha, alt.plan)
      .levels.map((l) => l.toFixed(4))
      .join(', ');
    const fast = rs.filter((r) => r.kind === FAST);
    const first = fast.filter((r) => r.seeds === Math.min(maxSeeds, alt.plan.looks[0] ?? maxSeeds)).length;
    const alarms = neutral.map((k) => rs.filter((r) => r.kind === k && r.failed).length).join(' / ');
    const big = rs.filter((r) => harmful.includes(r.kind) && r.truth <= -2);
    const lost = rs.filter((r) => r.fixed && !r.failed).length;
    const cells = kinds.map((k) => {
      const t = rs.filter((r) => r.kind === k).map((r) => r.trained);
      return `${median(t)} (${nearestRank(t, 0.5)}) / ${nearestRank(t, 0.9)}`;
    });
    const chosen = JSON.stringify(alt.plan) === JSON.stringify(REPLAY_PLAN) ? ' (**chosen**)' : '';
    console.log(
      `| ${alt.name}${chosen} | ${levels} | ${alarms} | ${big.filter((r) => r.failed).length}/${big.length} | ${lost} | ${cells.join(' | ')} | ${first}/${fast.length} | ${rs.reduce((sum, r) => sum + r.trained, 0)} |`,
    );
  }
}

/** The designs on the first half of the pairs and on all of them. */
export function printDesigns(
  pairs: readonly RecordedPair[],
  rule: GateRule,
  neutral: readonly string[],
  harmful: readonly string[],
  fixed: (p: RecordedPair) => boolean,
  truth: (p: RecordedPair) => number,
  maxSeeds = 10,
  alternatives: readonly Alternative[] = ALTERNATIVES,
): void {
  const ids = [...new Set(pairs.map((p) => p.pair))].sort((a, b) => a - b);
  const half = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
  // Truth and the fixed rule do not depend on the design: once per PR.
  const base = pairs.map((p) => ({ p, fixed: fixed(p), truth: truth(p) }));
  const rows = (subset: typeof base) => (plan: SequentialPlan) =>
    subset.map(({ p, fixed: f, truth: t }) => {
      const d = decideWith(p, rule, maxSeeds, plan);
      const trained = p.replay.slice(0, d.seeds).filter((r) => !r.cached).length;
      return { kind: p.kind, pair: p.pair, failed: d.failed, fixed: f, trained, seeds: d.seeds, truth: t };
    });
  const where = (n: number) => `${n} pairs per kind`;
  designTable(
    `Designs weighed, on the first ${where(half.size)} (pairs ${ids[0]}–${[...half].at(-1)}: where the design was chosen); replay trainings per kind, midpoint median (nearest-rank) / 90th percentile (nearest-rank):`,
    maxSeeds,
    rule.alpha,
    rows(base.filter((b) => half.has(b.p.pair))),
    neutral,
    harmful,
    alternatives,
  );
  designTable(
    `The same designs on all ${where(ids.length)} (the choice confirmed, not made, on the second half):`,
    maxSeeds,
    rule.alpha,
    rows(base),
    neutral,
    harmful,
    alternatives,
  );
}
