import type { Space } from '../distributions/distribution.js';
import { canonicalJson } from '../hash.js';
import type { JsonValue, Metrics, Params } from '../json.js';
import { deriveSeed } from '../rng.js';
import type { TrialStatus } from '../trial.js';
import type { ReplaySettings } from './replay-settings.js';
import type { ReplayStop } from './sequential.js';

/**
 * Held-out seeds main's champion is trained on, by default. Chosen with `npm run bench:gate` (bench/RESULTS.md):
 * with 10, the default gate raised no false alarm in 150 neutral pairs and caught 97% of true 2-point drops
 * (8 seeds: 96%, 5 seeds: 91%).
 */
export const DEFAULT_CHAMPION_SEEDS = 10;

/** One training of fixed params with one given seed (a champion seed on main, the same seed replayed on a PR). */
export interface SeedRun {
  readonly seed: number;
  readonly key: string;
  readonly status: TrialStatus;
  readonly metrics: Metrics;
  readonly cached: boolean;
  readonly durationMs: number;
  readonly error?: string;
  /** Steps it reported (epochs for the built-in trainer): what it cost, for the report's cost line. */
  readonly steps?: number;
}

/** What the baseline records about its champion: the params and their runs on held-out seeds. */
export interface ChampionRecord {
  readonly params: Params;
  readonly runs: readonly SeedRun[];
  /** The built-in trainer's validation split and defaults the runs used (absent for programs, modules, and baselines recorded before they were). */
  readonly settings?: ReplaySettings;
}

/** A parameter the replay could not take from main's champion as it was. */
export interface ReplayAdjustment {
  readonly name: string;
  /** Main's value (absent when main's space had no such parameter). */
  readonly main?: JsonValue;
  /** The value replayed (absent when the parameter is left out, so the program or module uses its own default). */
  readonly replay?: JsonValue;
  /**
   * `fixed`: the PR fixes this parameter to one value; `added`: the PR added it to the space; `kept`: the PR no longer
   * searches it, or not over main's value, and the built-in trainer replays main's value as main trained it.
   */
  readonly why: 'fixed' | 'added' | 'kept';
}

/** The PR's replay of main's champion. */
export interface ReplayRecord {
  readonly params: Params;
  readonly adjustments: readonly ReplayAdjustment[];
  /** Main's validation settings and defaults that differ from this run's and were replayed (`split_seed 0 → 3`). */
  readonly mainSettings?: readonly string[];
  readonly runs: readonly SeedRun[];
  /** The replay stopped when the evidence decided (sequential.ts): how many seeds ran and why it stopped. Absent: every seed ran, the fixed test decides. */
  readonly sequential?: ReplayStop;
}

export type ReplayPlan =
  | { readonly ok: true; readonly params: Params; readonly adjustments: readonly ReplayAdjustment[] }
  | { readonly ok: false; readonly reason: string };

/**
 * The champion's held-out seeds: derived from the sweep seed and its params under their own tag, so they differ
 * from every seed the search and its repeats trained with, and so played no part in choosing the champion.
 */
export function championSeeds(sweepSeed: number, params: Params, n: number): number[] {
  return Array.from({ length: n }, (_, i) => deriveSeed('champion', sweepSeed, canonicalJson(params), i));
}

/**
 * Main's champion as the PR replays it. A parameter the PR fixes takes the PR's value; one it added takes main's
 * effective value (`defaultOf`). One the PR removed, or whose space no longer holds main's value, is a search decision,
 * not a change of code or data: with `keepMainValues` (the built-in trainer, which trains any value of its
 * hyperparameters whatever the space) main's value is replayed; otherwise (a program or module, whose arguments are
 * its code) the replay is not possible like for like and the plan says why.
 */
export function planReplay(
  champion: Params,
  space: Space,
  defaultOf: (name: string) => JsonValue | undefined,
  opts: { readonly keepMainValues?: boolean } = {},
): ReplayPlan {
  const names = new Set(space.map((p) => p.name));
  const removed = Object.keys(champion).filter((n) => !names.has(n));
  if (removed.length > 0 && !opts.keepMainValues)
    return { ok: false, reason: `main's best params use ${list(removed)}, which this PR removed from the search space` };
  const params: Record<string, JsonValue> = {};
  const adjustments: ReplayAdjustment[] = [];
  for (const p of space) {
    const values = p.dist.values();
    const has = Object.prototype.hasOwnProperty.call(champion, p.name);
    const main = has ? champion[p.name]! : undefined;
    if (values && values.length === 1) {
      params[p.name] = values[0]!;
      if (!has || canonicalJson(main!) !== canonicalJson(values[0]!))
        adjustments.push({ name: p.name, ...(has ? { main: main! } : {}), replay: values[0]!, why: 'fixed' });
    } else if (has) {
      const inside = p.dist.contains(main!);
      if (!inside && !opts.keepMainValues)
        return { ok: false, reason: `main's ${p.name} = ${canonicalJson(main!)} is outside this PR's search space for it` };
      params[p.name] = main!;
      if (!inside) adjustments.push({ name: p.name, main: main!, replay: main!, why: 'kept' });
    } else {
      const d = defaultOf(p.name);
      if (d !== undefined) params[p.name] = d;
      adjustments.push({ name: p.name, ...(d !== undefined ? { replay: d } : {}), why: 'added' });
    }
  }
  for (const name of removed) {
    params[name] = champion[name]!;
    adjustments.push({ name, main: champion[name]!, replay: champion[name]!, why: 'kept' });
  }
  return { ok: true, params, adjustments };
}

function list(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
