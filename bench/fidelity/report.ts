/**
 * Markdown for the "Multi-fidelity" section of bench/RESULTS.md: per problem and scoring, each setting's median
 * regret on the scored seeds and on the held-out seeds, against the better Optuna setting on the same seeds.
 * Pure: bench/fidelity.ts runs the sweeps, test/bench/fidelity-report.test.ts pins the text.
 */
import type { Params } from '../../src/core/json.js';
import { fmt, median, table } from '../search/report.js';
import { type Problem, regret, type Scoring, type SweepOutcome } from './harness.js';

/** One setting's sweeps, one per seed 0, 1, …, scored seeds first, then held-out ones. */
export interface Row {
  readonly label: string;
  readonly runs: readonly SweepOutcome[];
}

export interface RunInfo {
  readonly command: string;
  /** Seeds 0..seeds−1 are the scored seeds, the next heldOut the held-out ones. */
  readonly seeds: number;
  readonly heldOut: number;
  readonly budget: number;
  readonly epochs: number;
  readonly minutes: number;
  readonly machine: string;
  readonly date: string;
}

interface SeedSet {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/** A problem of the benchmark: its name, what it is, and the problem sweep seed `seed` ran on. */
export interface Section {
  readonly name: string;
  readonly source: string;
  problemAt(seed: number): Problem;
  readonly rows: readonly Row[];
}

export function renderFidelity(sections: readonly Section[], run: RunInfo): string {
  const sets: SeedSet[] = [
    { name: `seeds 0–${run.seeds - 1}`, from: 0, to: run.seeds },
    ...(run.heldOut > 0
      ? [{ name: `held-out seeds ${run.seeds}–${run.seeds + run.heldOut - 1}`, from: run.seeds, to: run.seeds + run.heldOut }]
      : []),
  ];
  const lines = ['## Multi-fidelity', ''];
  lines.push(
    `Command: \`${run.command}\` (${run.seeds} scored and ${run.heldOut} held-out seeds per problem and setting, ${run.budget} ` +
      `epochs each = ${run.budget / run.epochs} full trials of ${run.epochs} epochs, run time ${run.minutes.toFixed(1)} min). ` +
      `Machine: ${run.machine}. Date: ${run.date}.`,
    '',
    ...METHOD,
    '',
  );
  const seeds = Array.from({ length: run.seeds + run.heldOut }, (_, i) => i);
  for (const section of sections) {
    const noisy = section.problemAt(0).runs > 1;
    lines.push(`**${section.name}** — ${section.source}.`, '');
    const scorings: Scoring[] = noisy ? ['expected', 'single'] : ['single'];
    for (const scoring of scorings) {
      const optima = [...new Set(seeds.map((s) => section.problemAt(s).optimum[scoring]))].sort((a, b) => a - b);
      const best = optima.length === 1 ? fmt(optima[0]!) : `${fmt(optima[0]!)} to ${fmt(optima.at(-1)!)}, by the run seen`;
      lines.push(noisy ? `*${SCORING_TITLE[scoring]}* — best ${SCORING_FINAL[scoring]} ${best}.` : `Best final value ${best}.`, '');
      lines.push(scoreTable(section, scoring, sets), '', verdict(section, scoring, sets), '');
    }
  }
  // One note per recorded grid: a grid's "-rotated" problem replays the same runs.
  const grids = sections.map((s) => s.problemAt(0)).filter((p) => p.runs > 1 && p.grid && !p.name.endsWith('-rotated'));
  lines.push(...NOTES, ...grids.flatMap((p) => ['', noiseNote(p)]), '', ...CITATION);
  return lines.join('\n');
}

/**
 * How noisy one training run is on a recorded grid: the spread of the final value over the runs among the best
 * configurations, against the gaps between their means; and, run by run, where the best-looking configuration of
 * the whole grid ranks by mean.
 */
export function noiseNote(problem: Problem, best = 12): string {
  const grid = problem.grid ?? [];
  const top = Math.min(best, grid.length);
  const mean = (p: Params): number => problem.final(p, 'expected');
  const byMean = [...grid].sort((a, b) => mean(a) - mean(b));
  const sds = byMean
    .slice(0, top)
    .map((p) => sd(problem.finals(p)))
    .sort((a, b) => a - b);
  const gap = mean(byMean[top - 1]!) - mean(byMean[0]!);
  const runs = problem.finals(byMean[0]!).length;
  const picks = Array.from({ length: runs }, (_, i) => grid.reduce((a, b) => (problem.finals(b)[i]! < problem.finals(a)[i]! ? b : a)));
  const ranks = picks.map((p) => `#${byMean.indexOf(p) + 1}`);
  return (
    `Training noise on the recorded grid of **${problem.name}**: among the ${top} configurations with the best mean final value, one run's ` +
    `final value has a standard deviation of ${fmt(median(sds))} over the ${runs} runs (median; ${fmt(sds[0]!)} to ` +
    `${fmt(sds.at(-1)!)}), while all ${top} means lie within ${fmt(gap)} of the best. The ` +
    `configuration with the best final value in each run (runs 1 to ${runs}) ranks ${ranks.join(', ')} by mean (its regret: ` +
    `median ${fmt(median(picks.map((p) => mean(p) - mean(byMean[0]!))))}): the reference row, "whole grid, best run ` +
    'seen", is that choice, made with every configuration trained in full.'
  );
}

function sd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

const SCORING_TITLE: Record<Scoring, string> = {
  expected: `Expected-final scoring (the target is read here)`,
  single: 'Single-run scoring (as before: the one recorded run the samplers saw)',
};
const SCORING_FINAL: Record<Scoring, string> = {
  expected: 'mean final value over the training runs',
  single: 'final value of the run the samplers saw',
};

function regrets(section: Section, row: Row, scoring: Scoring, set: SeedSet): number[] {
  return row.runs.slice(set.from, set.to).map((r, i) => regret(section.problemAt(set.from + i), r.params, scoring));
}

/** The better Optuna setting's median regret on `set` (Infinity without Optuna rows). */
function bestOptuna(section: Section, scoring: Scoring, set: SeedSet): number {
  return Math.min(...section.rows.filter((r) => r.label.startsWith('Optuna')).map((r) => median(regrets(section, r, scoring, set))));
}

function ratio(value: number, best: number): string {
  return Number.isFinite(best) && best > 0 && Number.isFinite(value) ? `${(value / best).toFixed(2)}×` : '—';
}

/**
 * The whole grid trained once for all epochs, the best final value of the run seen chosen: what "pick the best
 * observed run" gives with unlimited epochs. On a noisy problem its expected regret is not 0 (the best observed run
 * is partly luck), a floor for any sampler that picks its best trial.
 */
export function wholeGrid(section: Section, seeds: number): Row | undefined {
  const grid = section.problemAt(0).grid;
  if (!grid || section.problemAt(0).runs < 2) return undefined;
  const runs = Array.from({ length: seeds }, (_, seed) => {
    const problem = section.problemAt(seed);
    const params = grid.reduce((a, b) => (problem.final(b, 'single') < problem.final(a, 'single') ? b : a));
    return { params, epochs: grid.length * problem.epochs, trials: grid.length };
  });
  return { label: 'reference: whole grid, best run seen', runs };
}

function scoreTable(section: Section, scoring: Scoring, sets: readonly SeedSet[]): string {
  const header = [
    'setting',
    ...sets.flatMap((s) => [`median regret, ${s.name}`, 'vs better Optuna']),
    'worst regret (all seeds)',
    'epochs (median)',
    'trials (median)',
  ];
  const all: SeedSet = { name: 'all', from: 0, to: Infinity };
  const reference = wholeGrid(section, sets.at(-1)!.to);
  return table(
    header,
    [...section.rows, ...(reference ? [reference] : [])].map((r) => [
      r.label,
      ...sets.flatMap((s) => {
        const m = median(regrets(section, r, scoring, s));
        return [fmt(m), ratio(m, bestOptuna(section, scoring, s))];
      }),
      fmt(Math.max(...regrets(section, r, scoring, all))),
      String(median(r.runs.map((o) => o.epochs))),
      String(median(r.runs.map((o) => o.trials))),
    ]),
  );
}

/** Our best setting on the scored seeds against the better Optuna setting; the same setting on the held-out seeds. */
function verdict(section: Section, scoring: Scoring, sets: readonly SeedSet[]): string {
  const ours = section.rows.filter((r) => r.label.startsWith('sweepgate'));
  const [scored, held] = sets;
  const best = bestOptuna(section, scoring, scored!);
  if (ours.length === 0 || !Number.isFinite(best)) return 'No Optuna figures to compare with.';
  const m = (r: Row, s: SeedSet): number => median(regrets(section, r, scoring, s));
  const top = ours.reduce((a, b) => (m(b, scored!) < m(a, scored!) ? b : a));
  const r = best > 0 ? m(top, scored!) / best : Infinity;
  const checked = ours.filter((o) => o.label.includes('check_rungs'));
  const bestChecked = best > 0 ? Math.min(...checked.map((o) => m(o, scored!))) / best : Infinity;
  let text =
    `Best of ours on ${scored!.name}: ${top.label}, ${r.toFixed(2)}× the better Optuna setting's median regret ` +
    `(${r <= 0.5 ? 'meets' : 'misses'} the ≤ 0.5× target); best with \`check_rungs\`: ${bestChecked.toFixed(2)}×.`;
  if (held) {
    const hb = bestOptuna(section, scoring, held);
    const topHeld = ours.reduce((a, b) => (m(b, held) < m(a, held) ? b : a));
    text +=
      ` On ${held.name}: the same setting ${ratio(m(top, held), hb)}` +
      (topHeld === top ? ' (also our best there).' : `; our best there ${topHeld.label}, ${ratio(m(topHeld, held), hb)}.`);
    const all: SeedSet = { name: `all ${held.to} seeds`, from: 0, to: held.to };
    const ba = bestOptuna(section, scoring, all);
    const topAll = ours.reduce((a, b) => (m(b, all) < m(a, all) ? b : a));
    text += ` Over ${all.name}: our best ${topAll.label}, ${ratio(m(topAll, all), ba)}.`;
  }
  const reference = wholeGrid(section, sets.at(-1)!.to);
  if (reference && scoring === 'expected')
    text += ` The whole grid trained once, best run seen: ${sets.map((s) => `${ratio(m(reference, s), bestOptuna(section, scoring, s))} on ${s.name}`).join(', ')}.`;
  return text;
}

const METHOD = [
  'Method: each side gets the same total number of epochs; every epoch run counts, pruned trials included, and the',
  'trial running when the budget is spent is stopped there and cannot be chosen. The chosen configuration is the best',
  "complete trial (Optuna's `study.best_trial`; with `repeats: 3`, the finalist with the best mean). Our sweeps go",
  'through `runStudy`, the sweep loop of the CLI and the Action, on an objective that replays the curves. Optuna 3.1',
  'runs `TPESampler(seed)` with `HyperbandPruner(min_resource=1, max_resource=27, reduction_factor=3)` or no pruner',
  'through ask/tell (bench/optuna_fidelity.py), in a study named after the problem, setting and seed: HyperbandPruner',
  "puts a trial in a bracket by a hash of the study name, and Optuna's default name is a fresh uuid, so before this no",
  'two Optuna runs were alike; now a rerun chooses the same (test/bench/fidelity.test.ts runs it twice). Our hyperband is',
  "W&B's `{type: hyperband, max_iter: 27, s: 3, eta: 3}` (rungs 1, 3, 9), with and without `check_rungs: true`",
  "(docs/config.md). `repeats: 3` rows: 14 search trials without a pruner, then the sweep's 3 finalists re-trained",
  'twice each (each re-run replays another recorded run of its configuration), 540 epochs in all. The synthetic',
  'curves are defined once in TS and once in Python, and test/bench/fidelity.test.ts checks both give the same values.',
  '',
  'The recorded problems replay a grid of 168 configurations (optimizer, learning_rate, layers, units, dropout) of the',
  'built-in trainer on two real datasets: breast_cancer (569 rows, 114 of them for validation; problems **tabular**',
  'and **tabular-rotated**) and digits (1,797 images of 8×8 pixels as 64 columns, 10 classes, 360 rows for',
  'validation; **digits** and **digits-rotated**). digits was recorded beside breast_cancer, not instead of it, because',
  "on breast_cancer one run's training noise is as large as the gaps between the best configurations (see the noise",
  "notes): there the search hardly matters. Our `bayes` and `tpe` read the sweep's `values:` lists; those of three or",
  'more numbers (learning_rate, units) are ordered axes to them (docs/config.md). Optuna gets each list as',
  "`suggest_categorical` (the analogue of a sweep's `values:`) and, in the **lists by rank** rows, the numeric lists",
  'of three or more values as `suggest_int` over their ranks (what an Optuna user writes by hand to say they are',
  'ordered); the better Optuna setting is the best of all its rows. Every configuration was trained 10 times, with',
  'the training seeds of sweep seeds 0 to 9 (same validation rows), by bench/fidelity-record.ts on the WASM backend.',
  "A sweep sees one run of each configuration, as a user's sweep sees one: in **tabular** and **digits** every sweep",
  'sees the first run (one draw of the training noise for all seeds), in the **-rotated** problems sweep seed s sees',
  'run s mod 10. Two scorings of the chosen configuration:',
  '**expected**, its mean final value over the 10 runs minus the best mean of the grid, and **single-run**, the final',
  'value of the run the sweep saw minus the best such value. The target (issue 21: at most half the median regret of',
  'the better Optuna setting, read on the scored seeds; the held-out seeds are reported beside them) is read on the',
  "expected scoring: that is what a user gets from the configuration, while a single run's best is partly a lucky",
  'draw of the training seed (see the noise notes below). Tabular benchmarks with recorded repetitions score the same',
  'way (see the last note).',
];

const NOTES = [
  "Notes: plain hyperband, ours and Optuna's, prunes the configurations that end best on the synthetic problem, because",
  'they are behind after 1 and 3 epochs; on the 168-configuration grid our plain hyperband sweeps try every',
  'configuration and end before the epoch budget (epochs < 540). `check_rungs` spends a third of the trials on probes',
  'and prunes only at rungs that ranked the probes right, so on these curves it mostly behaves like no pruner.',
  '',
  'Reading the recorded targets: the reference row is what keeping the best run seen gives when every configuration',
  'is trained in full. On breast_cancer (tabular, tabular-rotated) it is about as good as the better Optuna setting:',
  'the training noise of the one run a sweep sees, not the search, sets the expected regret of every setting there,',
  "ours and Optuna's, and the ≤ 0.5× target asks a 20-trial sweep to beat that exhaustive choice by half (see the",
  "noise notes). On digits one run ranks the best configurations better, so the search matters there. A grid's",
  'regrets take few values (the gaps between the means of its best configurations), so the median of 10 seeds jumps',
  "between them: with the previous default of 10 + 10 seeds, Optuna TPE's median on digits was 1.56e-3 on one seed",
  'set and 8.60e-3 on the other, and our best setting stood at 2.38× and 0.27× of the better Optuna setting',
  '("Multi-fidelity at 10 + 10 seeds" below), hence 50 + 50.',
  "`repeats: 3` is the sweep's lever against training noise; its re-runs cost 6 of the 20 trials at equal epochs.",
  'Since the previous run one sampler change was made, for every sweep rather than for this benchmark: numeric',
  '`values:` lists of three or more are ordered axes to `bayes` and `tpe` (docs/config.md); one-hot against ordered',
  'on the same recordings is in "Multi-fidelity: ordered lists against one-hot" below.',
];

const CITATION = [
  'How tabular HPO benchmarks with repeated runs score: the FCNet tabular benchmarks (Klein & Hutter 2019, part of',
  'HPOBench as `nas.tabular_benchmarks`) store 4 training runs per configuration; `objective_function` returns the',
  'optimizer one of them drawn at random (`valid_mse[rng.randint(4)]`), while the trajectory it scores records the',
  "configuration's mean over the 4 runs (`np.mean(valid_mse[:, budget - 1])`) and regret is taken against the best",
  "configuration's mean (automl/nas_benchmarks, tabular_benchmarks/fcnet_benchmark.py). The expected scoring here is",
  'that rule, and the -rotated problems are its draw, made once per sweep. The recordings are deterministic:',
  "breast_cancer's seeds 0 and 5 and digits' seed 0 recorded again gave the same curves bit for bit, and",
  "breast_cancer's seed 0 is the single-run table of the previous version of this benchmark. So is the benchmark:",
  "whole runs repeated on 2026-12-07 chose the same configuration in every sweep, ours and Optuna's.",
];
