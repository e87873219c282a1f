/**
 * `npm run bench:fidelity`: multi-fidelity search at an equal total number of epochs. Our `bayes` and `tpe` with no
 * pruner, with `early_terminate: hyperband` and with hyperband's `check_rungs`, against Optuna's TPESampler with
 * HyperbandPruner and without a pruner (bench/optuna_fidelity.py), on (a) synthetic learning curves whose best final
 * configurations learn slowly (bench/fidelity/synthetic.ts) and (b) real val_loss curves of the built-in trainer on
 * breast_cancer and on digits, recorded several times per grid configuration (one training seed each) into
 * bench/fidelity/<dataset>_curves.json by bench/fidelity-record.ts; both sides replay the same run's curves.
 * A chosen configuration is scored on the run the sampler saw (single-run) and on its mean final value over the runs
 * (expected), each against that scoring's best (bench/fidelity/harness.ts). Scored seeds 0..BENCH_SEEDS−1, then
 * BENCH_HELD_OUT held-out seeds. Writes the "Multi-fidelity" section of bench/RESULTS.md.
 * Env: BENCH_SEEDS (default 50), BENCH_HELD_OUT (default 50), BENCH_EPOCHS (budget, default 20 full trials),
 * BENCH_PROBLEMS (a comma-separated subset of the problems, e.g. digits,digits-rotated; default all; the section is
 * written only for all), BENCH_NO_WRITE=1 to print only, BENCH_DIAGNOSE=1 to print each seed's choices (bench/fidelity/diagnose.ts),
 * BENCH_SAVE (default build/fidelity-outcomes.json) where a run saves its outcomes, BENCH_RENDER=file[,file…] to render
 * the outcomes previous runs saved, without running anything: several files (runs of different BENCH_PROBLEMS with the
 * same seeds and budget) are rendered as one run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import type { EarlyTerminate } from '../src/core/config/types.js';
import type { Params } from '../src/core/json.js';
import { diagnose } from './fidelity/diagnose.js';
import { runOurs, SETTINGS, type SweepOutcome, syntheticProblem, tableProblem } from './fidelity/harness.js';
import { renderFidelity, type Row, type RunInfo, type Section } from './fidelity/report.js';
import { EPOCHS } from './fidelity/synthetic.js';
import type { CurveTable } from './fidelity/table.js';

// 50 + 50: a grid's regrets take few values, and the median of 10 seeds jumped between them (RESULTS, "Multi-fidelity
// at 10 + 10 seeds").
const SEEDS = Number(process.env.BENCH_SEEDS ?? 50);
const HELD_OUT = Number(process.env.BENCH_HELD_OUT ?? 50);
const BUDGET = Number(process.env.BENCH_EPOCHS ?? 20 * EPOCHS);
/** The recorded grids: problem `name` (every sweep sees the first run) and `name`-rotated (seed s sees run s mod runs). */
const TABLES = [
  { name: 'tabular', path: 'bench/fidelity/breast_cancer_curves.json', dataset: 'breast_cancer' },
  { name: 'digits', path: 'bench/fidelity/digits_curves.json', dataset: 'digits' },
] as const;
const ONLY = process.env.BENCH_PROBLEMS?.split(',').filter(Boolean);
const PYTHON = '/usr/bin/python3';
const COMMAND = 'npm run bench:fidelity';
const SAVED = process.env.BENCH_SAVE ?? 'build/fidelity-outcomes.json';
const OURS: readonly { label: string; method: 'bayes' | 'tpe'; et: EarlyTerminate | undefined; repeats?: number }[] = [
  { label: 'bayes', method: 'bayes', et: SETTINGS.none },
  { label: 'bayes + hyperband', method: 'bayes', et: SETTINGS.hyperband },
  { label: 'bayes + hyperband check_rungs', method: 'bayes', et: SETTINGS.checked },
  { label: 'bayes, repeats: 3', method: 'bayes', et: SETTINGS.none, repeats: 3 },
  { label: 'tpe', method: 'tpe', et: SETTINGS.none },
  { label: 'tpe + hyperband', method: 'tpe', et: SETTINGS.hyperband },
  { label: 'tpe + hyperband check_rungs', method: 'tpe', et: SETTINGS.checked },
  { label: 'tpe, repeats: 3', method: 'tpe', et: SETTINGS.none, repeats: 3 },
];
/** Optuna's settings and their rows' labels; the ordered ones (numeric lists searched by rank) run on the recorded grids only. */
const OPTUNA = {
  tpe: 'Optuna TPE',
  'tpe+hyperband': 'Optuna TPE + HyperbandPruner',
  'tpe ordered': 'Optuna TPE, lists by rank',
  'tpe ordered+hyperband': 'Optuna TPE + HyperbandPruner, lists by rank',
} as const;

interface OptunaOutput {
  readonly optuna: string;
  readonly results: Record<string, Record<string, { params: Params | null; epochs: number; trials: number }[]>>;
}

function runOptuna(problems: readonly Bench[]): Promise<OptunaOutput | string> {
  if (!existsSync(PYTHON)) return Promise.resolve(`${PYTHON} not found`);
  return new Promise((resolve) => {
    const args = [
      'bench/optuna_fidelity.py',
      ...['--seeds', String(SEEDS + HELD_OUT), '--budget', String(BUDGET)],
      ...['--problems', problems.map((p) => p.name).join(',')],
      ...TABLES.flatMap((t) => ['--table', `${t.name}=${t.path}`]),
    ];
    const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => resolve(`could not run ${PYTHON}: ${e.message}`));
    child.on('close', (code) => {
      if (code !== 0) return resolve(`optuna_fidelity.py exited ${code}: ${err.split('\n').filter(Boolean).slice(-3).join(' / ')}`);
      try {
        resolve(JSON.parse(out) as OptunaOutput);
      } catch {
        resolve('optuna_fidelity.py printed no JSON');
      }
    });
  });
}

function loadTable(path: string, dataset: string): CurveTable {
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: record it with node scripts/bundle.mjs bench/fidelity-record.ts && ` +
        `BENCH_DATASET=${dataset} BENCH_RECORD_SEEDS=0,1,2,3,4,5,6,7,8,9 node build/fidelity-record.mjs`,
    );
  return JSON.parse(readFileSync(path, 'utf8')) as CurveTable;
}

/** A problem of the benchmark as bench/fidelity/report.ts renders it, without its rows yet. */
type Bench = Omit<Section, 'rows'>;

/**
 * The problems: the synthetic curves; per recorded grid, the grid with every sweep seeing the first training run of
 * each configuration (one noise draw for all seeds), and the same grid with sweep seed s seeing run s mod runs, so
 * the seeds also average over the training noise the samplers see.
 */
function benches(tables: readonly { name: string; table: CurveTable }[]): Bench[] {
  const synthetic = syntheticProblem();
  const all: Bench[] = [
    { name: 'synthetic', source: 'synthetic learning curves (bench/fidelity/synthetic.ts), noiseless', problemAt: () => synthetic },
  ];
  for (const { name, table } of tables) {
    const first = tableProblem(table, 0, name);
    const rotated = table.seeds.map((_, i) => tableProblem(table, i, `${name}-rotated`));
    const recorded = `recorded curves: ${table.source}; ${table.seeds.length} training runs per configuration (sweep seeds ${table.seeds.join(', ')})`;
    all.push(
      { name, source: `${recorded}; every sweep sees the first run of each configuration`, problemAt: () => first },
      {
        name: `${name}-rotated`,
        source: `the same recorded curves as ${name}; sweep seed s sees run s mod ${table.seeds.length} of each configuration`,
        problemAt: (seed) => rotated[seed % rotated.length]!,
      },
    );
  }
  return ONLY ? all.filter((b) => ONLY.includes(b.name)) : all;
}

async function oursOn(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  for (const s of OURS) {
    const runs: SweepOutcome[] = [];
    for (let seed = 0; seed < SEEDS + HELD_OUT; seed++)
      runs.push(await runOurs(bench.problemAt(seed), s.method, s.et, seed, BUDGET, s.repeats));
    process.stderr.write(`${bench.name} ${s.label}: done\n`);
    rows.push({ label: `sweepgate ${s.label}`, runs });
  }
  return rows;
}

function optunaRows(bench: Bench, optuna: OptunaOutput): Row[] {
  return Object.entries(OPTUNA)
    .map(([setting, label]) => ({
      label,
      runs: (optuna.results[bench.name]?.[setting] ?? []).map((r) => ({ ...r, params: r.params ?? undefined })),
    }))
    .filter((r) => r.runs.length > 0);
}

async function main(): Promise<void> {
  const tables = TABLES.map((t) => ({ name: t.name, table: loadTable(t.path, t.dataset) }));
  const problems = benches(tables);
  if (ONLY && problems.length !== ONLY.length)
    throw new Error(`BENCH_PROBLEMS: no problem ${ONLY.filter((n) => !problems.some((p) => p.name === n)).join(', ')}`);
  const saved = process.env.BENCH_RENDER ? loadSaved(process.env.BENCH_RENDER.split(',')) : await sweep(problems);
  const sections: Section[] = problems.map((p) => ({
    ...p,
    rows: (saved.rows[p.name] ?? []).map((r) => ({ label: r.label, runs: r.runs.map((o) => ({ ...o, params: o.params ?? undefined })) })),
  }));
  if (process.env.BENCH_DIAGNOSE === '1') for (const s of sections) process.stderr.write(`${diagnose(s, s.problemAt(0).grid)}\n`);
  const text = renderFidelity(sections, saved.run);
  process.stdout.write(`${text}\n`);
  if (process.env.BENCH_NO_WRITE !== '1' && !ONLY) {
    const path = 'bench/RESULTS.md';
    const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
    writeFileSync(path, spliceNamedSection(doc, 'Multi-fidelity', text));
    process.stderr.write(`wrote the Multi-fidelity section of ${path}\n`);
  }
}

/** What a run of the sweeps gives: its settings and every setting's outcome per seed (saved to SAVED). */
interface Saved {
  readonly run: RunInfo;
  readonly rows: Record<string, readonly { label: string; runs: readonly (Omit<SweepOutcome, 'params'> & { params: Params | null })[] }[]>;
}

/**
 * The saved outcomes of one run, or of several runs of different problems merged into one: they must agree on seeds,
 * held-out seeds and budget; the run time is their sum.
 */
function loadSaved(files: readonly string[]): Saved {
  const parts = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Saved);
  const first = parts[0]!;
  for (const [i, p] of parts.entries()) {
    const { seeds, heldOut, budget } = p.run;
    if (seeds !== first.run.seeds || heldOut !== first.run.heldOut || budget !== first.run.budget)
      throw new Error(
        `BENCH_RENDER: ${files[i]} ran ${seeds} + ${heldOut} seeds at ${budget} epochs, ${files[0]} ${first.run.seeds} + ${first.run.heldOut} at ${first.run.budget}`,
      );
  }
  return {
    run: { ...first.run, minutes: parts.reduce((m, p) => m + p.run.minutes, 0) },
    rows: Object.assign({}, ...parts.map((p) => p.rows)) as Saved['rows'],
  };
}

/** Runs every setting on every seed of both problems, ours and Optuna's, and saves the outcomes to SAVED. */
async function sweep(problems: readonly Bench[]): Promise<Saved> {
  const started = Date.now();
  const optunaPromise = runOptuna(problems);
  const rows: Record<string, Row[]> = {};
  for (const p of problems) rows[p.name] = await oursOn(p);
  const optuna = await optunaPromise;
  if (typeof optuna !== 'string') for (const p of problems) rows[p.name]!.push(...optunaRows(p, optuna));
  const run: RunInfo = {
    command: COMMAND,
    seeds: SEEDS,
    heldOut: HELD_OUT,
    budget: BUDGET,
    epochs: EPOCHS,
    minutes: (Date.now() - started) / 60000,
    machine: machine(optuna),
    date: new Date().toISOString().slice(0, 10),
  };
  const saved: Saved = {
    run,
    rows: Object.fromEntries(
      Object.entries(rows).map(([name, rs]) => [
        name,
        rs.map((r) => ({ label: r.label, runs: r.runs.map((o) => ({ ...o, params: o.params ?? null })) })),
      ]),
    ),
  };
  mkdirSync(dirname(SAVED), { recursive: true });
  writeFileSync(SAVED, `${JSON.stringify(saved)}\n`);
  process.stderr.write(`saved the outcomes to ${SAVED} (BENCH_RENDER=${SAVED} renders them again)\n`);
  return saved;
}

function machine(optuna: OptunaOutput | string): string {
  const cpu = os.cpus();
  return (
    `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores (shared with other jobs; the figures are regrets, not times), ` +
    `Node ${process.version}` +
    (typeof optuna === 'string' ? `; Optuna not run: ${optuna}` : `, Optuna ${optuna.optuna} (Debian python3-optuna)`)
  );
}

/** Replace the `## <name>` section (up to the next `## ` heading) or append it. */
function spliceNamedSection(doc: string, name: string, section: string): string {
  const start = doc.search(new RegExp(`^## ${name}\\s*$`, 'm'));
  if (start < 0) return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${section.trimEnd()}\n`;
  const rest = doc.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next < 0 ? doc.length : start + 1 + next;
  return `${doc.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : `\n${doc.slice(end)}`}`;
}

await main();
