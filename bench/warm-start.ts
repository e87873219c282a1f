// Warm start benchmark: when a PR changes what a trial depends on, its search cannot reuse main's trials. Does
// starting it from main's best configurations (pr.warm_start: 3) find a better model than a cold search at the same
// trial budget? Main/PR pairs from the gate benchmark's recipe (bench/gate.ts, copied: that file runs on import):
// fixtures/data/breast_cancer.csv, main on the first 509 rows, pair i with sweep seed i and split_seed i, and the
// PR kinds neutral (`seed`, `noise`, `rows`) and harmful (`drop`, `epochs`, `labels`).
//
//   main:      bayes, run_cap 8, repeats 1, no champion (the warm start reads main's search, not its champion);
//   PR, cold:  the same search over the PR's data (pr.warm_start: 0);
//   PR, warm:  the same, its first 3 of 8 trials main's best 3 configurations (pr.warm_start: 3).
//
// Both PR searches share a trial store (a trial's key is the same in both; results are identical either way). The
// PR's best is scored twice: its search value (what the report shows; the max of 8 noisy values) and its params
// retrained on HELD_OUT seeds (method manual, champion seeds), the mean val_accuracy: the quality of what the search
// picked, free of the selection bias. Prints, per kind, the medians over pairs of warm − cold in points.
// Run: npm run bench:warm   (PAIRS=8 by default; KINDS=noise,drop to pick kinds; RUN_CAP=4 for a smaller budget)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Params } from '../src/core/json.js';
import type { ResultsDoc } from '../src/core/results.js';
import { Rng } from '../src/core/rng.js';
import { runSweep } from '../src/engine/run.js';
import { parseCsv } from '../src/trainer/data/csv.js';
import { splitRows } from '../src/trainer/data/split.js';

const PAIRS = Number(process.env.PAIRS ?? 8);
const HELD_OUT = 5;
const MAIN_ROWS = 509;
const VALIDATION_SPLIT = 0.3;
const WARM = 3;
/** The PR's trial budget (run_cap; main's is 8): RUN_CAP=4 for a budget the warm start is most of. */
const RUN_CAP = Number(process.env.RUN_CAP ?? 8);
const root = path.join(os.tmpdir(), 'sweepgate-bench-warm');
const quiet = { info: () => {}, warn: () => {} };

type Kind = 'seed' | 'noise' | 'rows' | 'drop' | 'epochs' | 'labels';
const NEUTRAL: readonly Kind[] = ['seed', 'noise', 'rows'];
const HARMFUL: readonly Kind[] = ['drop', 'epochs', 'labels'];
const KINDS = (process.env.KINDS?.split(',') as Kind[] | undefined) ?? [...NEUTRAL, ...HARMFUL];

const source = parseCsv('breast_cancer.csv', readFileSync(path.resolve('fixtures/data/breast_cancer.csv')));
const header = [...source.header];
const target = header.indexOf('diagnosis');

function csv(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[head, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

interface SweepOpts {
  readonly seed: number;
  readonly splitSeed: number;
  readonly epochs: number;
  readonly features?: readonly string[];
  readonly warmStart?: number;
  /** run_cap: main's 8, the PR's RUN_CAP. */
  readonly cap?: number;
  /** Retrain these params on HELD_OUT seeds instead of searching. */
  readonly evaluate?: Params;
}

function sweepYaml(o: SweepOpts): string {
  const search = o.evaluate
    ? [`method: manual`, `configs: [${JSON.stringify(o.evaluate)}]`, `champion: {seeds: ${HELD_OUT}}`]
    : ['method: bayes', `run_cap: ${o.cap ?? 8}`, 'champion: {seeds: 0}', `pr: {warm_start: ${o.warmStart ?? 0}}`];
  return [
    'name: bench-warm',
    ...search,
    `seed: ${o.seed}`,
    'metric: {name: val_accuracy, goal: maximize}',
    'trainer:',
    '  data: data.csv',
    '  target: diagnosis',
    '  task: classification',
    `  validation_split: ${VALIDATION_SPLIT}`,
    `  split_seed: ${o.splitSeed}`,
    ...(o.features ? [`  features: [${o.features.join(', ')}]`] : []),
    `  defaults: {epochs: ${o.epochs}, batch_size: 32}`,
    'parameters:',
    '  learning_rate: {distribution: log_uniform_values, min: 0.0003, max: 0.03}',
    '  units: {values: [8, 16, 32]}',
    '  layers: {values: [1, 2]}',
    '',
  ].join('\n');
}

/** The PR side of pair i, as bench/gate.ts makes it: its sweep options and its data. */
function prSide(kind: Kind, i: number): { opts: SweepOpts; head: readonly string[]; rows: readonly (readonly string[])[] } {
  const mainRows = source.rows.slice(0, MAIN_ROWS);
  const base = { seed: i, splitSeed: i, epochs: 20 };
  switch (kind) {
    case 'seed':
      return { opts: { ...base, seed: 1000 + i }, head: header, rows: mainRows };
    case 'noise': {
      const g = new Rng(7919 * (i + 1));
      return { opts: base, head: ['noise', ...header], rows: mainRows.map((r) => [g.normal().toFixed(4), ...r]) };
    }
    case 'rows':
      return { opts: base, head: header, rows: source.rows };
    case 'drop': {
      const kept = header.filter((h) => h !== 'diagnosis' && !h.startsWith('worst_'));
      return { opts: { ...base, features: kept }, head: header, rows: mainRows };
    }
    case 'epochs':
      return { opts: { ...base, epochs: 3 }, head: header, rows: mainRows };
    case 'labels': {
      const table = { ...source, rows: mainRows, lines: source.lines.slice(0, MAIN_ROWS) };
      const split = splitRows(table, (r) => mainRows[r]![target]!, VALIDATION_SPLIT, i);
      const g = new Rng(104729 * (i + 1));
      const flip = new Set(split.train.filter(() => g.next() < 0.2));
      const rows = mainRows.map((r, k) =>
        flip.has(k) ? r.map((c, j) => (j === target ? (c === 'benign' ? 'malignant' : 'benign') : c)) : r,
      );
      return { opts: base, head: header, rows };
    }
  }
}

function writeSide(dir: string, yaml: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'data.csv'), csv(head, rows));
  writeFileSync(path.join(dir, 'sweep.yml'), yaml);
  return path.join(dir, 'sweep.yml');
}

function writeYaml(file: string, yaml: string): string {
  writeFileSync(file, yaml);
  return file;
}

interface Side {
  /** The search's best val_accuracy (points). */
  readonly search: number;
  /** The search's best params retrained on HELD_OUT seeds: mean val_accuracy (points). */
  readonly heldOut: number;
  /** How many of the PR's first WARM trials were main's best configurations. */
  readonly warmTrials: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const signed = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(2)}`;

async function prSearch(dir: string, kind: Kind, i: number, main: ResultsDoc, cacheDir: string, warmStart: number): Promise<Side> {
  const side = prSide(kind, i);
  const config = writeSide(dir, sweepYaml({ ...side.opts, warmStart, cap: RUN_CAP }), side.head, side.rows);
  const pr = (
    await runSweep({ configPath: config, mode: { cacheDir, champion: { mode: 'replay', baseline: main } }, ports: { log: quiet } })
  ).results;
  if (!pr.best) throw new Error(`pair ${i}, ${kind}: no PR best`);
  const mainTop = new Set(
    [...main.trials]
      .sort((a, b) => b.metrics.val_accuracy! - a.metrics.val_accuracy!)
      .slice(0, WARM)
      .map((t) => JSON.stringify(t.params)),
  );
  const evalConfig = writeYaml(path.join(dir, 'eval.yml'), sweepYaml({ ...side.opts, evaluate: pr.best.params }));
  const scored = (await runSweep({ configPath: evalConfig, mode: { cacheDir, champion: { mode: 'record' } }, ports: { log: quiet } }))
    .results;
  const runs = scored.champion?.runs ?? [];
  if (runs.length !== HELD_OUT || runs.some((r) => r.status !== 'complete')) throw new Error(`pair ${i}, ${kind}: held-out runs failed`);
  return {
    search: 100 * pr.best.metrics.val_accuracy!,
    heldOut: 100 * mean(runs.map((r) => r.metrics.val_accuracy!)),
    warmTrials: pr.trials.slice(0, WARM).filter((t) => mainTop.has(JSON.stringify(t.params))).length,
  };
}

rmSync(root, { recursive: true, force: true });
const pairs = new Map<Kind, { cold: Side; warm: Side }[]>(KINDS.map((k) => [k, []]));
const t0 = performance.now();
for (let i = 0; i < PAIRS; i++) {
  const pair = path.join(root, `pair-${i}`);
  const mainConfig = writeSide(
    path.join(pair, 'main'),
    sweepYaml({ seed: i, splitSeed: i, epochs: 20 }),
    header,
    source.rows.slice(0, MAIN_ROWS),
  );
  const main = (await runSweep({ configPath: mainConfig, mode: { cacheDir: path.join(pair, 'main-cache') }, ports: { log: quiet } }))
    .results;
  for (const kind of KINDS) {
    const cacheDir = path.join(pair, `${kind}-cache`);
    const cold = await prSearch(path.join(pair, `${kind}-cold`), kind, i, main, cacheDir, 0);
    const warm = await prSearch(path.join(pair, `${kind}-warm`), kind, i, main, cacheDir, WARM);
    pairs.get(kind)!.push({ cold, warm });
  }
  rmSync(pair, { recursive: true, force: true });
  process.stderr.write(`pair ${i + 1}/${PAIRS} done, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

const wall = (performance.now() - t0) / 1000;
console.log(
  `Warm start benchmark: breast_cancer.csv (main on the first ${MAIN_ROWS} rows), ${PAIRS} pairs per kind, bayes, main run_cap 8, PR run_cap ${RUN_CAP} ` +
    `(warm: ${WARM} of the ${RUN_CAP} are main's best), the PR's best retrained on ${HELD_OUT} held-out seeds; Node ${process.version}, ` +
    `${os.availableParallelism()} cores, ${wall.toFixed(0)} s`,
);
console.log('');
console.log(
  '| PR kind | cold: held-out val_accuracy, median (%) | warm − cold, held-out: median (points) | warm better / equal / worse | warm − cold, search best: median (points) | warm trials that were main’s |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const kind of KINDS) {
  const ps = pairs.get(kind)!;
  const d = ps.map((p) => p.warm.heldOut - p.cold.heldOut);
  const count = (f: (x: number) => boolean): number => d.filter(f).length;
  console.log(
    `| ${kind} (${NEUTRAL.includes(kind) ? 'neutral' : 'harmful'}) | ${median(ps.map((p) => p.cold.heldOut)).toFixed(2)} | ${signed(median(d))} | ` +
      `${count((x) => x > 1e-9)} / ${count((x) => Math.abs(x) <= 1e-9)} / ${count((x) => x < -1e-9)} | ` +
      `${signed(median(ps.map((p) => p.warm.search - p.cold.search)))} | ${median(ps.map((p) => p.warm.warmTrials))} of ${WARM} |`,
  );
}
