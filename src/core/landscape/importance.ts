import type { Parameter, Space } from '../distributions/distribution.js';
import type { ResultTrial } from '../results.js';
import { canonicalJson } from '../hash.js';
import { scored, searched, unitOf, type LandscapeMetric, type Scored } from './trials.js';

/** Fewer finished trials than this and no importance is estimated: a handful of points ranks noise. */
export const IMPORTANCE_MIN_TRIALS = 8;
/** At most this many groups per numeric parameter (fewer with few trials, see binsFor). */
const MAX_BINS = 6;

export interface ParamImportance {
  readonly name: string;
  /** Share of the total importance, summing to 1 over the parameters (as Optuna's `get_param_importances` normalises). */
  readonly importance: number;
  /** The share of the ranked metric's variance this parameter alone explains (ε², bias-corrected; 0 when it explains nothing beyond noise). */
  readonly explained: number;
}

/**
 * Parameter importance as each parameter's main effect: the variance of the metric's conditional means given that
 * parameter, as a share of the total variance (the first-order term of the functional ANOVA decomposition that
 * fANOVA, Hutter, Hoos & Leyton-Brown 2014, estimates through a random forest; here estimated directly from the
 * trials). Per parameter the finished trials are grouped (a categorical's values; a numeric parameter in equal-count
 * groups along its unit coordinate, log-spaced for log distributions) and the between-group variance is
 * bias-corrected as Kelley's ε² = (SS_between − (k−1)·MS_within) / SS_total, clamped at 0, so a parameter that
 * does nothing scores near 0 instead of what k random groups explain by chance. The metric is replaced by its rank
 * (ties averaged), so one diverged trial with a huge loss cannot own the variance. No randomness at all: the same
 * trials, in any order, give the same numbers. Interactions are not credited to either parameter.
 * Returns [] with fewer than IMPORTANCE_MIN_TRIALS finished trials; sorted most important first (ties by name).
 */
export function paramImportance(trials: readonly ResultTrial[], space: Space, metric: LandscapeMetric): ParamImportance[] {
  // Ordered by value, then by key (a hash of the params and seed): the same trials in any order give the same sums.
  const done = scored(trials, metric)
    .sort((a, b) => a.loss - b.loss || a.trial.key.localeCompare(b.trial.key))
    .map((s, i) => ({ ...s, number: i + 1 }));
  const params = searched(space);
  if (done.length < IMPORTANCE_MIN_TRIALS || params.length === 0) return [];
  const ranks = rankLosses(done);
  const groups = params.map((p) => groupsOf(p, done, binsFor(params, done)));
  const explained = additiveEffects(groups, ranks, done.length) ?? groups.map((g) => epsilonSquared(g, ranks));
  const raw = params.map((p, j) => ({ name: p.name, explained: explained[j]! }));
  const total = raw.reduce((s, r) => s + r.explained, 0);
  return raw
    .map((r) => ({ ...r, importance: total > 0 ? r.explained / total : 1 / raw.length }))
    .sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
}

/** Ranks 1..n of the losses, ties given their mean rank (the order of `done` is best first already). */
function rankLosses(done: readonly Scored[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (let i = 0; i < done.length;) {
    let j = i;
    while (j + 1 < done.length && done[j + 1]!.loss === done[i]!.loss) j++;
    for (let k = i; k <= j; k++) ranks.set(id(done[k]!), (i + j) / 2 + 1);
    i = j + 1;
  }
  return ranks;
}

/** A trial's id here: its place in `done`'s order (not its sweep number, which depends on the order trials ran in). */
const id = (s: Scored): string => `${s.number}`;

/**
 * Groups per numeric parameter: about √n, at most MAX_BINS, and few enough that all the groups together leave half of
 * the trials' degrees of freedom to the residual (what the joint fit needs to be more than a perfect fit).
 */
function binsFor(params: readonly Parameter[], done: readonly Scored[]): number {
  const numeric = params.filter((p) => p.dist.kind !== 'categorical').length;
  const categoricalDof = params
    .filter((p) => p.dist.kind === 'categorical')
    .reduce((s, p) => s + new Set(done.map((d) => JSON.stringify(d.trial.params[p.name]))).size - 1, 0);
  const room = numeric > 0 ? Math.floor((done.length / 2 - categoricalDof) / numeric) + 1 : MAX_BINS;
  return Math.min(MAX_BINS, Math.round(Math.sqrt(done.length)), Math.max(2, room));
}

/** The trials split by the parameter's value: categories as they are, numbers in equal-count groups along the unit axis. */
function groupsOf(p: Parameter, done: readonly Scored[], bins: number): string[][] {
  const withValue = done.filter((s) => s.trial.params[p.name] !== undefined);
  if (p.dist.kind === 'categorical') return groupBy(withValue, (s) => canonicalJson(s.trial.params[p.name]!), id);
  const placed = withValue
    .map((s) => ({ s, u: unitOf(p, s.trial) }))
    .filter((x): x is { s: Scored; u: number } => x.u !== undefined)
    .sort((a, b) => a.u - b.u || a.s.number - b.s.number);
  const distinct = new Set(placed.map((x) => x.u)).size;
  if (distinct <= bins)
    return groupBy(
      placed,
      (x) => String(x.u),
      (x) => id(x.s),
    );
  // Equal-count groups, but a run of equal values stays in one group (a group boundary never splits a value).
  const groups: string[][] = [];
  let current: string[] = [];
  placed.forEach((x, i) => {
    const full = current.length >= placed.length / bins && x.u !== placed[i - 1]?.u;
    if (full && groups.length < bins - 1) {
      groups.push(current);
      current = [];
    }
    current.push(id(x.s));
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

function groupBy<T>(items: readonly T[], key: (x: T) => string, name: (x: T) => string): string[][] {
  const out = new Map<string, string[]>();
  for (const x of items) out.set(key(x), [...(out.get(key(x)) ?? []), name(x)]);
  return [...out.values()];
}

/**
 * The main effects fitted jointly, as an additive model rank ≈ Σ f_j(group of parameter j), by backfitting (Hastie &
 * Tibshirani 1990): each f_j is the mean residual of its groups once the other effects are taken out, until nothing
 * moves. Fitted one at a time, a parameter that happens to go along with an important one in a small sample takes
 * some of its effect; fitted jointly it does not. Each effect is then ε²-corrected against the residual mean square.
 * Undefined when the groups use more than half the trials' degrees of freedom (then the marginal ε² is used).
 */
function additiveEffects(groups: readonly string[][][], ranks: ReadonlyMap<string, number>, n: number): number[] | undefined {
  const dof = groups.reduce((s, g) => s + Math.max(0, g.length - 1), 0);
  if (dof * 2 > n) return undefined;
  const ids = [...ranks.keys()];
  const mean = ids.reduce((s, k) => s + ranks.get(k)!, 0) / n;
  const y = new Map(ids.map((k) => [k, ranks.get(k)! - mean]));
  const ssTotal = ids.reduce((s, k) => s + y.get(k)! ** 2, 0);
  if (ssTotal === 0) return groups.map(() => 0);
  const fitted = groups.map(() => new Map<string, number>(ids.map((k) => [k, 0])));
  for (let sweep = 0; sweep < 200; sweep++) {
    let moved = 0;
    groups.forEach((gs, j) => {
      for (const g of gs) {
        const others = (k: string): number => fitted.reduce((s, f, l) => (l === j ? s : s + f.get(k)!), 0);
        const m = g.reduce((s, k) => s + y.get(k)! - others(k), 0) / g.length;
        for (const k of g) {
          moved = Math.max(moved, Math.abs(fitted[j]!.get(k)! - m));
          fitted[j]!.set(k, m);
        }
      }
    });
    if (moved < 1e-9 * n) break;
  }
  const residual = ids.reduce((s, k) => s + (y.get(k)! - fitted.reduce((t, f) => t + f.get(k)!, 0)) ** 2, 0);
  const ms = residual / (n - 1 - dof);
  return fitted.map((f, j) => {
    const ss = ids.reduce((s, k) => s + f.get(k)! ** 2, 0);
    return Math.min(1, Math.max(0, (ss - Math.max(0, groups[j]!.length - 1) * ms) / ssTotal));
  });
}

/** Kelley's ε² of the ranks over the groups, clamped to [0, 1]. */
function epsilonSquared(groups: readonly string[][], ranks: ReadonlyMap<string, number>): number {
  const used = groups.filter((g) => g.length > 0);
  const values = used.map((g) => g.map((k) => ranks.get(k)!));
  const all = values.flat();
  const n = all.length;
  const k = used.length;
  if (k < 2 || n <= k) return 0;
  const mean = all.reduce((s, x) => s + x, 0) / n;
  const ssTotal = all.reduce((s, x) => s + (x - mean) ** 2, 0);
  if (ssTotal === 0) return 0;
  let ssWithin = 0;
  for (const g of values) {
    const m = g.reduce((s, x) => s + x, 0) / g.length;
    ssWithin += g.reduce((s, x) => s + (x - m) ** 2, 0);
  }
  const ssBetween = ssTotal - ssWithin;
  const e = (ssBetween - (k - 1) * (ssWithin / (n - k))) / ssTotal;
  return Math.min(1, Math.max(0, e));
}
