/**
 * Our side of `npm run bench:fidelity`: a sweep through runStudy (the sweep loop the CLI and the Action use, pruner
 * and sampler included) on replayed learning curves, stopped at a total number of epochs. Every epoch run counts,
 * pruned trials included; the trial running when the budget is spent is stopped there and fails, so it cannot be
 * chosen — the same rule as bench/optuna_fidelity.py. The chosen configuration is the sweep's best complete trial.
 */
import type { EarlyTerminate } from '../../src/core/config/types.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Params } from '../../src/core/json.js';
import type { Objective } from '../../src/core/objective.js';
import { runStudy } from '../../src/core/study/index.js';
import { FINALISTS } from '../../src/core/study/study.js';
import type { TrialStore } from '../../src/core/trial-store.js';
import { type TrialRecord, trialSeed } from '../../src/core/trial.js';
import { EPOCHS, SYNTHETIC_SPACE, syntheticLoss, syntheticOptimum } from './synthetic.js';
import { type CurveTable, configKey } from './table.js';

/**
 * A benchmark problem: a space, each configuration's curve (epochs 1..epochs; the one run a sweep sees) and two
 * scorings of a chosen configuration, each with its own best value: `single`, the final value of that same run, and
 * `expected`, the mean final value over every recorded training run of the configuration (what a user gets from it).
 * The two are the same on a noiseless problem.
 */
export interface Problem {
  readonly name: string;
  readonly space: Space;
  readonly epochs: number;
  /** The curve a sweep sees; `repeat` r > 0 (a finalist re-trained with another seed) sees another training run. */
  curve(params: Params, repeat?: number): readonly number[];
  final(params: Params, scoring: Scoring): number;
  /** The final value of every recorded training run of `params` (one on a noiseless problem). */
  finals(params: Params): readonly number[];
  readonly optimum: Readonly<Record<Scoring, number>>;
  /** Training runs per configuration behind `expected`. */
  readonly runs: number;
  /** Every configuration, when the space is a finite grid. */
  readonly grid?: readonly Params[];
}

export type Scoring = 'single' | 'expected';

export interface SweepOutcome {
  /** The chosen configuration (best complete trial), or undefined when none completed. */
  readonly params: Params | undefined;
  readonly epochs: number;
  readonly trials: number;
}

export const SETTINGS = {
  none: undefined,
  // What `{type: hyperband, max_iter: 27, s: 3, eta: 3}` parses to: W&B's bands 1, 3, 9.
  hyperband: { type: 'hyperband', minIter: 1, eta: 3, maxIter: EPOCHS, s: 3, rungs: [1, 3, 9] },
  checked: { type: 'hyperband', minIter: 1, eta: 3, maxIter: EPOCHS, s: 3, rungs: [1, 3, 9], checkRungs: true },
} as const satisfies Record<string, EarlyTerminate | undefined>;

export function syntheticProblem(): Problem {
  const space: Space = Object.entries(SYNTHETIC_SPACE).map(([name, s]) => ({
    name,
    dist: makeDistribution(s.distribution, { min: s.min, max: s.max }),
  }));
  const curve = (p: Params): number[] => {
    const q = { lr: Number(p.lr), dropout: Number(p.dropout), width: Number(p.width) };
    return Array.from({ length: EPOCHS }, (_, i) => syntheticLoss(q, i + 1));
  };
  const best = syntheticOptimum().loss;
  return {
    name: 'synthetic',
    space,
    epochs: EPOCHS,
    curve,
    final: (p) => curve(p).at(-1)!,
    finals: (p) => [curve(p).at(-1)!],
    optimum: { single: best, expected: best },
    runs: 1,
  };
}

/**
 * The recorded grid. Its sweeps see training run `visible` of each configuration (the first by default), and the
 * single-run scoring reads that same run.
 */
export function tableProblem(table: CurveTable, visible = 0, name = 'tabular'): Problem {
  if (!Number.isInteger(visible) || visible < 0 || visible >= table.seeds.length)
    throw new Error(`tabular: no training run ${visible} (the table has ${table.seeds.length})`);
  const space: Space = Object.entries(table.grid).map(([name, values]) => ({
    name,
    dist: makeDistribution('categorical', { values: [...values] }),
  }));
  const rows = new Map(table.rows.map((r) => [configKey(table, r.params), r.curves]));
  const runsOf = (p: Params): readonly (readonly number[])[] => {
    const c = rows.get(configKey(table, p));
    if (!c) throw new Error(`tabular: no recorded curve for ${JSON.stringify(p)}`);
    return c;
  };
  const finals = (p: Params): number[] => runsOf(p).map((c) => c.at(-1)!);
  const final = (p: Params, scoring: Scoring): number => (scoring === 'single' ? finals(p)[visible]! : mean(finals(p)));
  const all = table.rows.map((r) => r.params);
  const optimum = { single: Math.min(...all.map((p) => final(p, 'single'))), expected: Math.min(...all.map((p) => final(p, 'expected'))) };
  return {
    name,
    space,
    epochs: table.epochs,
    curve: (p, repeat = 0) => runsOf(p)[(visible + repeat) % table.seeds.length]!,
    final,
    finals,
    optimum,
    runs: table.seeds.length,
    grid: all,
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The chosen configuration's final value under `scoring` minus that scoring's optimum (Infinity when nothing was chosen). */
export function regret(problem: Problem, params: Params | undefined, scoring: Scoring): number {
  if (!params) return Infinity;
  return problem.final(params, scoring) - problem.optimum[scoring];
}

class EpochBudgetSpent extends Error {
  override name = 'EpochBudgetSpent';
}

/**
 * One sweep of `method` with `earlyTerminate` on `problem`, stopped after `budget` epochs. With `repeats` r > 1 (the
 * sweep's `repeats:`, no pruner) the search gets `budget` minus the epochs of the FINALISTS re-trained r − 1 times,
 * in whole trials, and the sweep chooses the finalist with the best mean; a re-trained finalist sees another recorded
 * training run of its configuration.
 */
export async function runOurs(
  problem: Problem,
  method: 'bayes' | 'tpe',
  earlyTerminate: EarlyTerminate | undefined,
  seed: number,
  budget: number,
  repeats = 1,
): Promise<SweepOutcome> {
  const reserved = FINALISTS * (repeats - 1) * problem.epochs;
  const searchTrials = (budget - reserved) / problem.epochs;
  if (repeats > 1 && (earlyTerminate || !Number.isInteger(searchTrials) || searchTrials < FINALISTS))
    throw new Error(`runOurs: repeats ${repeats} needs no pruner and a budget of whole trials beyond ${reserved} epochs, got ${budget}`);
  const repeatOf = (params: Params, trialSeedValue: number): number => {
    for (let r = 0; r < repeats; r++) if (trialSeed(seed, params, r) === trialSeedValue) return r;
    throw new Error(`runOurs: seed ${trialSeedValue} is no repeat of ${JSON.stringify(params)}`);
  };
  let used = 0;
  const spent = new AbortController();
  const objective: Objective = {
    fingerprint: `fidelity-${problem.name}`,
    backend: 'replay',
    async run(params, ctx) {
      const curve = problem.curve(params, repeatOf(params, ctx.seed));
      let value = curve[0]!;
      for (let epoch = 1; epoch <= curve.length; epoch++) {
        if (used >= budget) {
          spent.abort('the epoch budget is spent');
          throw new EpochBudgetSpent(`stopped at epoch ${epoch}: ${budget} epochs spent`);
        }
        used++;
        value = curve[epoch - 1]!;
        if (ctx.report(epoch, { loss: value })) break;
      }
      return { metrics: { loss: value } };
    },
  };
  let clock = 0;
  const out = await runStudy(
    {
      method,
      metric: { name: 'loss', goal: 'minimize' },
      space: problem.space,
      ...(earlyTerminate ? { earlyTerminate } : {}),
      // The epoch budget stops the sweep; the trial budget is only a backstop (or, with repeats, the search's share).
      budget: { trials: repeats > 1 ? searchTrials : budget },
      seed,
      repeats,
      stages: [],
    },
    { objective, store: new MemoryStore(), now: () => (clock += 1), warn: () => {}, signal: spent.signal },
  );
  const chosen = out.bestIndex >= 0 ? out.trials[out.bestIndex]!.params : undefined;
  return { params: chosen, epochs: used, trials: out.trials.length };
}

class MemoryStore implements TrialStore {
  private readonly records = new Map<string, TrialRecord>();
  async get(key: string): Promise<TrialRecord | undefined> {
    return this.records.get(key);
  }
  async put(record: TrialRecord): Promise<void> {
    this.records.set(record.key, record);
  }
  async all(): Promise<readonly TrialRecord[]> {
    return [...this.records.values()];
  }
}
