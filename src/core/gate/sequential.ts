import { pairedTTest } from './stats.js';
import { spent, type Spending } from './spending.js';
import { tScaleLevels } from './t-boundaries.js';

/**
 * The sequential champion replay: main's champion seeds are trained in looks (3, then 5, then all of them) and the
 * replay stops at the first look where the paired evidence decides every gated metric. Chosen with
 * `npm run bench:gate` (bench/RESULTS.md, sequential replay); why this design: docs/gate.md.
 */
export const REPLAY_LOOKS = [3, 5] as const;

/**
 * Lan–DeMets spending of the Hwang–Shih–DeCani family with γ = 3: it spends most of alpha at the first look
 * (0.031 of 0.05 with 3 of 10 seeds), so a PR that loses far more than the threshold stops after 3 seeds, at the
 * price of a stricter last look. Pocock-type spending (0.021 at 3 seeds) stopped fewer than half of the
 * label-flipping PRs there; O'Brien–Fleming (0.0003) none; γ = 4 stopped a few more but missed one more 2-point
 * drop. Measured: bench/RESULTS.md, docs/gate.md.
 */
export const REPLAY_SPENDING: Spending = { hsd: 3 };

export interface SequentialDesign {
  /** Seed counts at which the evidence is weighed; the last is every seed main recorded. */
  readonly looks: readonly number[];
  /** One-sided nominal level of "worse by more than the threshold" at each look: overall, the rule's alpha. */
  readonly levels: readonly number[];
}

/** Why the replay stopped where it did, for one metric or for the whole replay. */
export type StopReason =
  /** Clearly past the threshold: the test of "worse by more than the threshold" crossed its boundary. */
  | 'past'
  /** Clearly within it: the one-sided upper confidence bound of the loss is below the threshold. */
  | 'within'
  /** No early decision: the last look's rule decided on every seed that ran. */
  | 'all-seeds'
  /** A replay run failed to train: the gate fails with its error. */
  | 'failed';

export interface SequentialVerdict {
  readonly status: 'regressed' | 'not-significant' | 'pass';
  readonly why: Exclude<StopReason, 'failed'>;
  /** The look that decided (1-based), the seeds it weighed and the level it tested at. */
  readonly look: number;
  readonly seeds: number;
  readonly level: number;
  /** The one-sided p-value of "worse by more than the threshold" on those seeds (with two or more). */
  readonly pValue?: number;
}

/** A design before it meets a replay's size: the early looks (seed counts) and how alpha is spent over them. */
export interface SequentialPlan {
  readonly looks: readonly number[];
  readonly spending: Spending;
}

export const REPLAY_PLAN: SequentialPlan = { looks: REPLAY_LOOKS, spending: REPLAY_SPENDING };

const designs = new Map<string, SequentialDesign>();

/**
 * The looks for a replay of `maxSeeds` seeds at the rule's `alpha`: the spending function says how much of alpha
 * each look spends, and t-boundaries.ts turns that into the paired t-test's level at the look, so that the overall
 * error is alpha for the t-test the replay runs (memoised: the simulation takes about 0.1 s).
 * `plan` is for the benchmark, which weighs other designs on the same recorded runs.
 */
export function sequentialDesign(maxSeeds: number, alpha: number, plan: SequentialPlan = REPLAY_PLAN): SequentialDesign {
  const key = `${maxSeeds}:${alpha}:${plan.looks.join(',')}:${JSON.stringify(plan.spending)}`;
  const known = designs.get(key);
  if (known) return known;
  const looks = [...plan.looks.filter((n) => n < maxSeeds), maxSeeds];
  const spentBy = looks.map((n) => spent(plan.spending, alpha, n / maxSeeds));
  const increments = spentBy.map((a, k) => a - (spentBy[k - 1] ?? 0));
  // One look is the fixed test: its level is alpha itself.
  const design = { looks, levels: looks.length === 1 ? [alpha] : tScaleLevels(looks, increments) };
  designs.set(key, design);
  return design;
}

/**
 * Walks the looks over the per-seed losses (worsening against main, in main's seed order) and returns the first
 * decision: past the threshold (`margin`) at a look's level, or clearly within it (a one-sided `alpha` test of
 * "the loss is at least the threshold" rejects; never at the last look, where today's fixed rule decides at the
 * level the design leaves). Undefined while the seeds that ran reach no decision and fewer than all have run.
 * With fewer seeds than the next look and no more coming, call it with `final` to apply the last look's rule.
 */
export function sequentialVerdict(
  losses: readonly number[],
  margin: number,
  design: SequentialDesign,
  alpha: number,
  final = false,
): SequentialVerdict | undefined {
  const { looks, levels } = design;
  const last = looks.length - 1;
  for (let k = 0; k <= last && looks[k]! <= losses.length; k++) {
    const verdict = atLook(losses.slice(0, looks[k]), margin, levels[k]!, k === last ? undefined : alpha);
    if (verdict) return { ...verdict, look: k + 1, seeds: looks[k]!, level: levels[k]! };
  }
  if (!final || losses.length === 0) return undefined;
  // Fewer seeds than the design's last look (a replay cut short): the last look's rule on what there is.
  const seen = looks.filter((n) => n <= losses.length).length;
  const verdict = atLook(losses, margin, levels[last]!, undefined)!;
  return { ...verdict, look: Math.max(1, seen), seeds: losses.length, level: levels[last]! };
}

/**
 * One look. With `passAlpha` (an early look) only a clear decision is returned; without (the last look) the
 * fixed rule always decides: past the threshold and significant at `level` regresses, past it but not
 * significant is `not-significant`, else it passes.
 */
function atLook(
  losses: readonly number[],
  margin: number,
  level: number,
  passAlpha: number | undefined,
): Omit<SequentialVerdict, 'look' | 'seeds' | 'level'> | undefined {
  const n = losses.length;
  const mean = losses.reduce((s, x) => s + x, 0) / n;
  const test = n >= 2 ? pairedTTest(losses, new Array<number>(n).fill(margin)) : undefined;
  const p = test ? { pValue: test.pGreater } : {};
  if (mean > margin && (test === undefined ? passAlpha === undefined : test.pGreater < level))
    return { status: 'regressed', why: passAlpha === undefined ? 'all-seeds' : 'past', ...p };
  if (passAlpha !== undefined) {
    // P(T < t) for "the loss is at least the threshold": the t statistic's other tail (exact for a continuous t).
    const pWithin = test ? (test.sd === 0 ? (mean < margin ? 0 : 1) : 1 - test.pGreater) : 1;
    return mean < margin && pWithin < passAlpha ? { status: 'pass', why: 'within', ...p } : undefined;
  }
  return { status: mean > margin ? 'not-significant' : 'pass', why: 'all-seeds', ...p };
}

/** What a sequential replay records: how many of main's seeds ran, the look that stopped it, and why. */
export interface ReplayStop {
  /** Seeds main recorded: the most the replay would have run. */
  readonly of: number;
  /** Seeds that ran. */
  readonly seeds: number;
  /** The look that stopped it (1-based), of `looks`. */
  readonly look: number;
  readonly looks: readonly number[];
  /** `past`/`within`: every gated metric was decided, the last of them so; `all-seeds`: no early decision; `failed`: a run failed. */
  readonly why: StopReason;
}
