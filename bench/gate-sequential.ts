// The sequential champion replay beside today's fixed 10-seed rule, on the same recorded pairs (bench/gate.ts).
// Each PR's replay is recorded on all of main's seeds in order, so the sequential replay is exactly its prefix:
// replayStop says after how many seeds the engine would have stopped, and compareChampion with the sequential
// design decides on that prefix, as the engine and the report do.
import type { SeedRun } from '../src/core/gate/index.js';
import { compareChampion, REPLAY_PLAN, replayStop, sequentialDesign, spendingName } from '../src/core/gate/index.js';
import type { GateRule } from '../src/core/config/types.js';
import { decideWith, printDesigns } from './gate-designs.js';
import { median, nearestRank } from './gate-quantiles.js';

/** One PR of one pair: main's champion runs and the replay, both on every recorded seed in main's order. */
export interface RecordedPair {
  readonly pair: number;
  readonly kind: string;
  readonly main: readonly SeedRun[];
  readonly replay: readonly SeedRun[];
}

interface Decision {
  readonly kind: string;
  readonly pair: number;
  readonly failed: boolean;
  /** Replay seeds run, and of them trained (not from the cache). */
  readonly seeds: number;
  readonly trained: number;
  /** Which look stopped it and why. */
  readonly look: number;
  readonly why: string;
  /** The true change in points, on the seeds the gate never sees. */
  readonly truth: number;
}

/** The true change in points, on the seeds the gate never sees. */
function truthOf(p: RecordedPair, rule: GateRule, truthFrom: number): number {
  return compareChampion(rule.metric, rule.goal, rule, p.main.slice(truthFrom), p.replay.slice(truthFrom))!.delta * 100;
}

function decide(p: RecordedPair, rule: GateRule, maxSeeds: number, truthFrom: number): Decision {
  const main = p.main.slice(0, maxSeeds);
  const replay = p.replay.slice(0, maxSeeds);
  let n = 1;
  let stop = replayStop(main, replay.slice(0, n), [rule], maxSeeds);
  while (!stop) stop = replayStop(main, replay.slice(0, ++n), [rule], maxSeeds);
  const ran = replay.slice(0, n);
  const seq = compareChampion(rule.metric, rule.goal, rule, main, ran, { maxSeeds });
  return {
    kind: p.kind,
    pair: p.pair,
    failed: seq !== undefined && (seq.status === 'regressed' || seq.status === 'failed'),
    seeds: n,
    trained: ran.filter((r) => !r.cached).length,
    look: stop.look,
    why: stop.why,
    truth: truthOf(p, rule, truthFrom),
  };
}

/** Fixed rule: every one of `maxSeeds` seeds, one test at alpha (today's gate). */
function fixedRule(p: RecordedPair, rule: GateRule, maxSeeds: number): { failed: boolean; trained: number } {
  const c = compareChampion(rule.metric, rule.goal, rule, p.main.slice(0, maxSeeds), p.replay.slice(0, maxSeeds));
  return {
    failed: c !== undefined && (c.status === 'regressed' || c.status === 'failed'),
    trained: p.replay.slice(0, maxSeeds).filter((r) => !r.cached).length,
  };
}

/** Prints the comparison as a markdown table, per kind and for the targets' groups. */
export function printSequential(
  pairs: readonly RecordedPair[],
  rule: GateRule,
  neutral: readonly string[],
  harmful: readonly string[],
  rate: (k: number, n: number) => string,
  maxSeeds = 10,
  truthFrom = 20,
): void {
  const design = sequentialDesign(maxSeeds, rule.alpha);
  console.log('');
  console.log(
    `Sequential replay (looks at ${design.looks.join(', ')} of ${maxSeeds} seeds; Lan–DeMets ${spendingName(REPLAY_PLAN.spending)} spending, nominal levels ` +
      `${design.levels.map((l) => l.toFixed(4)).join(', ')}; stops early "within" when the one-sided ${1 - rule.alpha} upper bound of the loss is below the threshold) ` +
      `against today's fixed rule on all ${maxSeeds} seeds, on the same pairs:`,
  );
  console.log('');
  console.log(
    '| PR kind | fixed 10: fails | sequential: fails | seeds run: median (nearest-rank) | 90th pct | trained: median (nearest-rank) | 90th pct | stopped at look 1 / 2 / 3 | why: past / within / all seeds |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const mid = (xs: readonly number[]): string => `${median(xs)} (${nearestRank(xs, 0.5)})`;
  const all: (Decision & { fixed: boolean })[] = [];
  let disagree = 0;
  for (const kind of [...neutral, ...harmful]) {
    const ps = pairs.filter((p) => p.kind === kind);
    const ds = ps.map((p) => ({ ...decide(p, rule, maxSeeds, truthFrom), fixed: fixedRule(p, rule, maxSeeds).failed }));
    // The designs table's shortcut must decide as the engine's path does, or its comparison means nothing.
    disagree += ps.filter((p, i) => {
      const d = decideWith(p, rule, maxSeeds, REPLAY_PLAN);
      return d.failed !== ds[i]!.failed || d.seeds !== ds[i]!.seeds;
    }).length;
    all.push(...ds);
    const n = ds.length;
    const count = (f: (d: Decision & { fixed: boolean }) => boolean): number => ds.filter(f).length;
    const label = neutral.includes(kind) ? `${kind} (neutral: false alarms)` : `${kind} (harmful: detections)`;
    const looks = design.looks.map((_, k) => count((d) => d.look === k + 1)).join(' / ');
    const whys = ['past', 'within', 'all-seeds'].map((w) => count((d) => d.why === w)).join(' / ');
    const seeds = ds.map((d) => d.seeds);
    const trained = ds.map((d) => d.trained);
    console.log(
      `| ${label} | ${rate(
        count((d) => d.fixed),
        n,
      )} | ${rate(
        count((d) => d.failed),
        n,
      )} | ${mid(seeds)} | ${nearestRank(seeds, 0.9)} | ${mid(trained)} | ${nearestRank(trained, 0.9)} | ${looks} | ${whys} |`,
    );
  }
  const big = all.filter((d) => harmful.includes(d.kind) && d.truth <= -2);
  const neutrals = all.filter((d) => neutral.includes(d.kind));
  console.log(
    `| harmful, true drop ≥ 2 points (${big.length} pairs) | ${rate(big.filter((d) => d.fixed).length, big.length)} | ${rate(
      big.filter((d) => d.failed).length,
      big.length,
    )} | ${mid(big.map((d) => d.seeds))} | ${nearestRank(
      big.map((d) => d.seeds),
      0.9,
    )} | | | | |`,
  );
  console.log(
    `| all neutral (${neutrals.length} pairs) | ${rate(neutrals.filter((d) => d.fixed).length, neutrals.length)} | ${rate(
      neutrals.filter((d) => d.failed).length,
      neutrals.length,
    )} | ${mid(neutrals.map((d) => d.seeds))} | ${nearestRank(
      neutrals.map((d) => d.seeds),
      0.9,
    )} | | | | |`,
  );
  const total = (f: (d: Decision & { fixed: boolean }) => number): number => all.reduce((s, d) => s + f(d), 0);
  // Which PRs, so a changed decision can be looked at: kind, pair and true change.
  const list = (ds: readonly Decision[]): string =>
    ds.length === 0
      ? '0'
      : `${ds.length}: ${ds.map((d) => `${d.kind} pair ${d.pair}, true change ${d.truth.toFixed(2)} points`).join('; ')}`;
  console.log('');
  console.log(
    `Replay seeds run over all ${all.length} PRs: sequential ${total((d) => d.seeds)}, fixed ${all.length * maxSeeds}; ` +
      `decisions that differ from the fixed rule: ${all.filter((d) => d.failed !== d.fixed).length} ` +
      `(sequential fails, fixed passes: ${list(all.filter((d) => d.failed && !d.fixed))}; the other way: ${list(all.filter((d) => !d.failed && d.fixed))}).`,
  );
  if (disagree > 0) throw new Error(`gate-designs: decideWith disagrees with replayStop/compareChampion on ${disagree} PRs`);
  printDesigns(
    pairs,
    rule,
    neutral,
    harmful,
    (p) => fixedRule(p, rule, maxSeeds).failed,
    (p) => truthOf(p, rule, truthFrom),
    maxSeeds,
  );
}
