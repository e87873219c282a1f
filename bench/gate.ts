// Gate trust benchmark: how often does the default gate fail a neutral PR (false alarm), and how often does it
// catch a harmful one (detection)? Many main/PR pairs on real data (fixtures/data/breast_cancer.csv, 569 rows,
// binary), each run through the same engine and comparison as the CLI's `--baseline` path and the Action:
//
//   main:  bayes, run_cap 8, repeats 3, gate val_accuracy {threshold: 0.01, alpha: 0.05}, on the first 509 rows,
//          with its champion recorded on MAX_SEEDS held-out seeds; pair i uses sweep seed i and split_seed i, so
//          the pairs differ in their validation rows too;
//   PRs:   neutral: `seed` (sweep seed changed), `noise` (one column of pure noise added), `rows` (the other 60
//          rows appended); harmful: `drop` (the 10 worst_* features dropped), `epochs` (a worse fixed
//          hyperparameter: trainer.defaults.epochs 20 → 3), `labels` (20% of the training rows' labels flipped).
//
// Each PR run replays main's champion; the gate is then evaluated offline on the first R seeds for several R
// (the replay's seeds are main's, in order, so a prefix is exactly a run with fewer seeds), beside best against
// best (Welch's test over the repeats) and a weaker test. Each pair's true change is measured on 10 more seeds
// that the gate never sees. Prints rates with Wilson 95% intervals. Then the sequential replay (the engine's default,
// core/gate/sequential.ts) beside the fixed 10-seed rule on the same pairs (bench/gate-sequential.ts): the PR runs
// here replay every seed (`sequential: false`), so the sequential replay is evaluated on exactly its prefix.
// Run: npm run bench:gate   (PAIRS=50 by default; PAIRS=10 for a quick look). RAW=file.json also writes each
// pair's recorded champion and replay runs; FROM=file.json prints the sequential tables from such a file, no training:
// the chosen design against the fixed rule, and the other designs weighed (bench/gate-designs.ts) on the first half
// of the pairs and on all of them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SeedRun } from '../src/core/gate/index.js';
import { compareChampion, compareResults, isGateFailure, pairedTTest } from '../src/core/gate/index.js';
import type { GateRule } from '../src/core/config/types.js';
import type { ResultsDoc } from '../src/core/results.js';
import { Rng } from '../src/core/rng.js';
import { runSweep } from '../src/engine/run.js';
import { parseCsv } from '../src/trainer/data/csv.js';
import { splitRows } from '../src/trainer/data/split.js';
import { printSequential, type RecordedPair } from './gate-sequential.js';

const PAIRS = Number(process.env.PAIRS ?? 50);
/** Champion seeds recorded: the gate is evaluated on prefixes of the first GATE_SEEDS, the rest measure the truth. */
const MAX_SEEDS = 30;
const GATE_SEEDS = 20;
const SEED_COUNTS = [3, 5, 8, 10, 15, 20];
const MAIN_ROWS = 509;
const VALIDATION_SPLIT = 0.3;
const root = path.join(os.tmpdir(), `sweepgate-bench-gate-${process.pid}`);
const quiet = { info: () => {}, warn: () => {} };
const RULE: GateRule = { metric: 'val_accuracy', goal: 'maximize', threshold: { kind: 'absolute', value: 0.01 }, alpha: 0.05 };

type Kind = 'seed' | 'noise' | 'rows' | 'drop' | 'epochs' | 'labels';
const NEUTRAL: readonly Kind[] = ['seed', 'noise', 'rows'];
const HARMFUL: readonly Kind[] = ['drop', 'epochs', 'labels'];

/** Wilson score interval for k successes in n trials (95%). */
function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;
const rate = (k: number, n: number): string => {
  const [lo, hi] = wilson(k, n);
  return `${k}/${n} = ${pct(k / n)} (${pct(lo)}–${pct(hi)})`;
};

if (process.env.FROM) {
  const recorded = JSON.parse(readFileSync(process.env.FROM, 'utf8')) as RecordedPair[];
  console.log(`Recorded runs of ${new Set(recorded.map((r) => r.pair)).size} pairs from ${process.env.FROM}`);
  printSequential(recorded, RULE, NEUTRAL, HARMFUL, rate);
  process.exit(0);
}

const source = parseCsv('breast_cancer.csv', readFileSync(path.resolve('fixtures/data/breast_cancer.csv')));
const header = [...source.header];
const target = header.indexOf('diagnosis');

function csv(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[head, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

function sweepYaml(opts: { seed: number; splitSeed: number; epochs: number; features?: readonly string[] }): string {
  return [
    'name: bench-gate',
    'method: bayes',
    `seed: ${opts.seed}`,
    'run_cap: 8',
    'repeats: 3',
    `champion: {seeds: ${MAX_SEEDS}}`,
    'metric: {name: val_accuracy, goal: maximize}',
    'trainer:',
    '  data: data.csv',
    '  target: diagnosis',
    '  task: classification',
    `  validation_split: ${VALIDATION_SPLIT}`,
    `  split_seed: ${opts.splitSeed}`,
    ...(opts.features ? [`  features: [${opts.features.join(', ')}]`] : []),
    `  defaults: {epochs: ${opts.epochs}, batch_size: 32}`,
    'parameters:',
    '  learning_rate: {distribution: log_uniform_values, min: 0.0003, max: 0.03}',
    '  units: {values: [8, 16, 32]}',
    '  layers: {values: [1, 2]}',
    'gate:',
    '  val_accuracy: {threshold: 0.01, alpha: 0.05}',
    '',
  ].join('\n');
}

/** The files of one side of a pair, in its own folder (the trial store is shared by the pair). */
function writeSide(dir: string, yaml: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'data.csv'), csv(head, rows));
  writeFileSync(path.join(dir, 'sweep.yml'), yaml);
  return path.join(dir, 'sweep.yml');
}

function prSide(kind: Kind, i: number): { yaml: string; head: readonly string[]; rows: readonly (readonly string[])[] } {
  const mainRows = source.rows.slice(0, MAIN_ROWS);
  const base = { seed: i, splitSeed: i, epochs: 20 };
  switch (kind) {
    case 'seed':
      return { yaml: sweepYaml({ ...base, seed: 1000 + i }), head: header, rows: mainRows };
    case 'noise': {
      const g = new Rng(7919 * (i + 1));
      const normal = (): number => g.normal();
      return { yaml: sweepYaml(base), head: ['noise', ...header], rows: mainRows.map((r) => [normal().toFixed(4), ...r]) };
    }
    case 'rows':
      return { yaml: sweepYaml(base), head: header, rows: source.rows };
    case 'drop': {
      const kept = header.filter((h) => h !== 'diagnosis' && !h.startsWith('worst_'));
      return { yaml: sweepYaml({ ...base, features: kept }), head: header, rows: mainRows };
    }
    case 'epochs':
      return { yaml: sweepYaml({ ...base, epochs: 3 }), head: header, rows: mainRows };
    case 'labels': {
      // Flip 20% of the training rows' labels; the validation rows (chosen by position, not by label) keep theirs.
      const table = { ...source, rows: mainRows, lines: source.lines.slice(0, MAIN_ROWS) };
      const split = splitRows(table, (r) => mainRows[r]![target]!, VALIDATION_SPLIT, i);
      const g = new Rng(104729 * (i + 1));
      const flip = new Set(split.train.filter(() => g.next() < 0.2));
      const rows = mainRows.map((r, k) =>
        flip.has(k) ? r.map((c, j) => (j === target ? (c === 'benign' ? 'malignant' : 'benign') : c)) : r,
      );
      return { yaml: sweepYaml(base), head: header, rows };
    }
  }
}

interface Outcome {
  /** Per seed count R: the gate's rule (paired one-sided t-test of "worse by more than the threshold" at alpha). */
  readonly champion: Record<number, boolean>;
  /** Per seed count R: a weaker rule, for comparison (mean worsening past the threshold, t-test of "worse" at alpha). */
  readonly weak: Record<number, boolean>;
  readonly best: boolean;
  /** Mean paired change of val_accuracy on the held-out truth seeds, in points (negative is worse). */
  readonly truth: number;
  /** Standard deviation of the per-seed paired differences (gate seeds), in points. */
  readonly sd: number;
  readonly trained: number;
  readonly validationChanged: boolean;
}

function evaluate(main: ResultsDoc, pr: ResultsDoc): Outcome {
  const mainRuns = main.champion!.runs;
  const replay = pr.replay!.runs as SeedRun[];
  const champion: Record<number, boolean> = {};
  const weak: Record<number, boolean> = {};
  const value = (r: SeedRun): number => (r.status === 'complete' ? r.metrics.val_accuracy! : Number.NaN);
  for (const r of SEED_COUNTS) {
    const c = compareChampion('val_accuracy', 'maximize', RULE, mainRuns.slice(0, r), replay.slice(0, r));
    champion[r] = c !== undefined && (c.status === 'regressed' || c.status === 'failed');
    const b = mainRuns.slice(0, r).map(value);
    const a = replay.slice(0, r).map(value);
    const t = pairedTTest(b, a);
    weak[r] = replay.slice(0, r).some((x) => x.status === 'failed') || (t.mean > 0.01 && t.pGreater < RULE.alpha);
  }
  const truth = compareChampion('val_accuracy', 'maximize', RULE, mainRuns.slice(GATE_SEEDS), replay.slice(GATE_SEEDS))!;
  const d = replay.slice(0, GATE_SEEDS).map((x, i) => value(x) - value(mainRuns[i]!));
  const m = d.reduce((s, x) => s + x, 0) / d.length;
  const best = compareResults(main, pr, [{ ...RULE, on: 'best' }]).metrics.filter(isGateFailure).length > 0;
  const comparison = compareResults(main, pr, [RULE]);
  return {
    champion,
    weak,
    best,
    truth: truth.delta * 100,
    sd: 100 * Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1)),
    trained: pr.stats.trained + replay.filter((x) => !x.cached).length,
    validationChanged: comparison.validationChanged === true,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

rmSync(root, { recursive: true, force: true });
const outcomes = new Map<Kind, Outcome[]>([...NEUTRAL, ...HARMFUL].map((k) => [k, []]));
const unpairedSd: number[] = [];
const raw: (RecordedPair & { searchTrained: number })[] = [];
const t0 = performance.now();
for (let i = 0; i < PAIRS; i++) {
  const pair = path.join(root, `pair-${i}`);
  const cacheDir = path.join(pair, 'cache');
  const mainConfig = writeSide(
    path.join(pair, 'main'),
    sweepYaml({ seed: i, splitSeed: i, epochs: 20 }),
    header,
    source.rows.slice(0, MAIN_ROWS),
  );
  const main = (await runSweep({ configPath: mainConfig, mode: { cacheDir, champion: { mode: 'record' } }, ports: { log: quiet } }))
    .results;
  if (!main.champion || main.champion.runs.length !== MAX_SEEDS) throw new Error(`pair ${i}: main recorded no champion`);
  const v = main.champion.runs.map((r) => 100 * r.metrics.val_accuracy!);
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  unpairedSd.push(Math.SQRT2 * Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)));
  for (const kind of [...NEUTRAL, ...HARMFUL]) {
    const side = prSide(kind, i);
    const prConfig = writeSide(path.join(pair, kind), side.yaml, side.head, side.rows);
    const pr = (
      await runSweep({
        configPath: prConfig,
        mode: { cacheDir, champion: { mode: 'replay', baseline: main, sequential: false } },
        ports: { log: quiet },
      })
    ).results;
    if (!pr.replay) throw new Error(`pair ${i}, ${kind}: no replay (${pr.replaySkipped ?? '?'})`);
    outcomes.get(kind)!.push(evaluate(main, pr));
    raw.push({ pair: i, kind, main: main.champion.runs, replay: pr.replay.runs, searchTrained: pr.stats.trained });
  }
  if (process.env.RAW) writeFileSync(process.env.RAW, JSON.stringify(raw));
  rmSync(pair, { recursive: true, force: true });
  process.stderr.write(`pair ${i + 1}/${PAIRS} done, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

const wall = (performance.now() - t0) / 1000;
console.log(
  `Gate trust benchmark: breast_cancer.csv (569 rows; main on the first ${MAIN_ROWS}), ${PAIRS} pairs per kind, ` +
    `gate val_accuracy 0.01 (1 point), alpha 0.05; Node ${process.version}, ${os.availableParallelism()} cores, ${wall.toFixed(0)} s`,
);
console.log(`The true change of each pair is measured on ${MAX_SEEDS - GATE_SEEDS} further seeds that the gate never sees.`);
const table = (title: string, pick: (o: Outcome) => Record<number, boolean>): void => {
  console.log('');
  console.log(title);
  console.log('');
  console.log(
    `| PR kind | true change, median (points) | paired sd (points) | best vs best (repeats 3) | ${SEED_COUNTS.map((r) => `${r} seeds`).join(' | ')} |`,
  );
  console.log(`| --- | ---: | ---: | ---: | ${SEED_COUNTS.map(() => '---:').join(' | ')} |`);
  for (const kind of [...NEUTRAL, ...HARMFUL]) {
    const o = outcomes.get(kind)!;
    const n = o.length;
    const count = (f: (x: Outcome) => boolean): number => o.filter(f).length;
    const label = NEUTRAL.includes(kind) ? `${kind} (neutral: false alarms)` : `${kind} (harmful: detections)`;
    console.log(
      `| ${label} | ${median(o.map((x) => x.truth)).toFixed(2)} | ${median(o.map((x) => x.sd)).toFixed(2)} | ${rate(
        count((x) => x.best),
        n,
      )} | ${SEED_COUNTS.map((r) =>
        rate(
          count((x) => pick(x)[r]!),
          n,
        ),
      ).join(' | ')} |`,
    );
  }
  const harmful = HARMFUL.flatMap((k) => outcomes.get(k)!);
  const big = harmful.filter((x) => x.truth <= -2);
  const neutral = NEUTRAL.flatMap((k) => outcomes.get(k)!);
  console.log(
    `| harmful, true drop ≥ 2 points (${big.length} pairs) | | | ${rate(big.filter((x) => x.best).length, big.length)} | ${SEED_COUNTS.map((r) => rate(big.filter((x) => pick(x)[r]).length, big.length)).join(' | ')} |`,
  );
  console.log(
    `| all neutral (${neutral.length} pairs) | | | ${rate(neutral.filter((x) => x.best).length, neutral.length)} | ${SEED_COUNTS.map((r) => rate(neutral.filter((x) => pick(x)[r]).length, neutral.length)).join(' | ')} |`,
  );
};
table(
  'The gate (champion replay): one-sided paired t-test of "worse by more than the threshold" (H0: loss ≤ threshold) at alpha',
  (o) => o.champion,
);
table(
  'For comparison, a weaker rule: mean paired loss past the threshold and a one-sided paired t-test of "worse" (H0: no loss) at alpha',
  (o) => o.weak,
);
console.log('');
const rows = outcomes.get('rows')!;
console.log(
  `Appended rows: validation rows reported as changed in ${rows.filter((x) => x.validationChanged).length}/${rows.length} pairs; ` +
    `seed change reported as changed in ${outcomes.get('seed')!.filter((x) => x.validationChanged).length}/${PAIRS}.`,
);
// What pairing buys: the spread of the difference between two unrelated seeds of main's champion (√2 × the
// seed-to-seed standard deviation), beside the paired spread of the neutral PRs above.
console.log(
  `Unpaired: two unrelated seeds of main's champion differ with a standard deviation of ${median(unpairedSd).toFixed(2)} points (median over pairs).`,
);
const seedTrained = outcomes.get('seed')!.map((x) => x.trained);
console.log(`Seed-change PRs trained a median of ${median(seedTrained)} trials (search only): main's champion replayed from the cache.`);
printSequential(raw, RULE, NEUTRAL, HARMFUL, rate);
