// A sweep split across runners (a GitHub Actions matrix): shard i of n runs its part, and the parts together are the
// one-runner sweep. Pure: the study loop asks `splitSampler` and `shardCap`; the merge reads `shardPosition`.
import type { Method, SweepConfig } from '../config/types.js';
import { ConfigError, configIssue } from '../errors.js';
import type { Params } from '../json.js';
import { deriveSeed } from '../rng.js';
import type { Observation, Sampler } from '../samplers/sampler.js';

/** Shard `index` (1-based) of `count`: the `shard: i/n` input, the CLI's `--shard i/n`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A workflow run holds at most 256 matrix jobs. */
export const MAX_SHARDS = 256;

/**
 * Methods whose asks depend only on what was asked before (never on the metrics): their whole sequence is known
 * from the seed, so shard i can take every n-th point of it and the shards together are the one-runner sweep.
 */
const SPLIT_METHODS: readonly string[] = ['grid', 'random', 'quasirandom', 'manual'];

export function isSplitMethod(method: string): boolean {
  return SPLIT_METHODS.includes(method);
}

/** `i/n` with 1 ≤ i ≤ n ≤ MAX_SHARDS, or the reason it is not one. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return `must be i/n (shard i of n, like 1/3) but got '${text}'`;
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || count > MAX_SHARDS) return `must have 1 to ${MAX_SHARDS} shards (n in i/n) but got '${text}'`;
  if (index < 1 || index > count) return `must have i from 1 to n (1-based) but got '${text}'`;
  return { index, count };
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** Position in the one-runner order of the k-th item (0-based) shard `index` of `count` took: every n-th from index − 1. */
export function shardPosition(index: number, count: number, k: number): number {
  return index - 1 + k * count;
}

/** The items shard i takes of a list all shards know (the champion replay's seeds): positions i − 1, i − 1 + n, … */
export function shardItems<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, p) => p % shard.count === shard.index - 1);
}

/**
 * Trials shard i may run of a sweep budget `cap`: the positions below cap that are its own, so the shards' budgets add
 * up to the sweep's (20 over 3 shards: 7, 7, 6). A bayes or tpe shard gets the same share of the budget.
 */
export function shardCap(cap: number, shard: Shard | undefined): number {
  if (!shard || !Number.isFinite(cap)) return cap;
  return Math.max(0, Math.ceil((cap - (shard.index - 1)) / shard.count));
}

/**
 * The sampler seed of a shard. Split methods keep the sweep's (they must walk its sequence); bayes and tpe shards
 * run independent streams, each from a sub-seed of the sweep seed and the shard, and share trials only through the
 * trial cache. Trial seeds stay the sweep's, so the same params train the same way, under the same key, anywhere.
 */
export function shardSamplerSeed(seed: number, method: string, shard: Shard | undefined): number {
  if (!shard || shard.count === 1 || isSplitMethod(method)) return seed;
  return deriveSeed('shard', seed, shard.index, shard.count);
}

/** The sampler a shard asks: every n-th point of `inner`'s sequence for split methods, else `inner` itself. */
export function splitSampler(inner: Sampler, method: Method | string, shard: Shard | undefined): Sampler {
  if (!shard || shard.count === 1 || !isSplitMethod(method)) return inner;
  return new EveryNth(inner, shard);
}

/**
 * Walks the one-runner sequence: ask k sees the k points asked before it (what the study's history and pending
 * hold, in ask order), which is all a split method reads. The shard's own history only says how far it got.
 */
class EveryNth implements Sampler {
  readonly name: string;
  private readonly points: Params[] = [];
  private done = false;

  constructor(
    private readonly inner: Sampler,
    private readonly shard: Shard,
  ) {
    this.name = inner.name;
  }

  ask(history: readonly Observation[], pending: readonly Params[]): Params | undefined {
    const want = shardPosition(this.shard.index, this.shard.count, history.length + pending.length);
    while (!this.done && this.points.length <= want) {
      const seen = this.points.map((params): Observation => ({ params, status: 'complete', value: undefined, curve: [] }));
      const next = this.inner.ask(seen, []);
      if (next === undefined) this.done = true;
      else this.points.push(next);
    }
    return this.points[want];
  }
}

/**
 * What a sharded sweep cannot do, as a ConfigError naming the key: stages need the whole of a stage's trials
 * before the next begins, and `repeats` reruns the best of all trials, which no shard knows.
 */
/**
 * Why a sweep cannot be split across shards, if it cannot: a stage starts from the best of every trial of the stage
 * before it, and `repeats` reruns the best of all trials, which no shard knows. The Action runs such a sweep whole in
 * the report job (docs/shards.md); the engine refuses a shard of one (checkShardable).
 */
export function unsplittable(config: Pick<SweepConfig, 'stages' | 'repeats'>): readonly { key: string; why: string }[] {
  return [
    ...(config.stages.length > 0
      ? [{ key: 'stages', why: 'cannot be split across shards: a stage starts from the best of every trial of the one before it' }]
      : []),
    ...(config.repeats > 1
      ? [
          {
            key: 'repeats',
            why: `cannot be split across shards, got ${config.repeats}: the finalists are the best of every shard's trials`,
          },
        ]
      : []),
  ];
}

/** A shard of a sweep that cannot be split is a config error naming the key (the Action never asks for one: unsplittable). */
export function checkShardable(config: Pick<SweepConfig, 'stages' | 'repeats'>, shard: Shard | undefined): void {
  if (!shard || shard.count === 1) return;
  const issues = unsplittable(config).map(({ key, why }) =>
    configIssue(key, `${why} (shard ${shardLabel(shard)}); run it on one runner, or whole in the Action's report job (docs/shards.md)`),
  );
  if (issues.length > 0) throw new ConfigError(issues);
}
