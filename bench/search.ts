/**
 * `npm run bench:search`: our random, quasirandom, tpe and bayes samplers against Optuna 3.1 (Debian python3-optuna:
 * TPESampler default, TPESampler(multivariate=True), RandomSampler, QMCSampler(scramble=True) with Sobol and with
 * Halton) on the same objectives, budgets and seeds; simple regret per function and method, ratios against the
 * targets of issue 4, quasi-random against random after EARLY trials and at the budget (median, 90th percentile,
 * spread over seeds), and our proposal time with 200 finished trials. Writes the "Search" section of bench/RESULTS.md.
 * Env: BENCH_SEEDS (default 50), BENCH_FUNCTIONS (comma list), BENCH_NO_WRITE=1 to print only.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Observation } from '../src/core/samplers/sampler.js';
import { createSampler } from '../src/core/samplers/index.js';
import { RandomSampler } from '../src/core/samplers/random.js';
import { type BenchFunction, FUNCTIONS } from './search/functions.js';
import { fmt, mean, median, spliceSection, table } from './search/report.js';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 50);
const ONLY = process.env.BENCH_FUNCTIONS?.split(',');
const functions = FUNCTIONS.filter((f) => !ONLY || ONLY.includes(f.name));
const OURS = ['random', 'quasirandom', 'tpe', 'bayes'] as const;
/** Trials after which the regret is also reported (as in optuna_search.py). */
const EARLY = 10;
const PYTHON = '/usr/bin/python3';
const COMMAND = 'npm run bench:search';

type Results = Record<string, Record<string, { regrets: number[]; early?: number[]; askMs?: number[] }>>;

interface OptunaOutput {
  readonly optuna: string;
  readonly results: Results;
}

/** Optuna runs in its own process while ours run here (two cores). */
function runOptuna(): Promise<OptunaOutput | string> {
  if (!existsSync(PYTHON)) return Promise.resolve(`${PYTHON} not found`);
  return new Promise((resolve) => {
    const child = spawn(
      PYTHON,
      ['bench/optuna_search.py', '--seeds', String(SEEDS), '--functions', functions.map((f) => f.name).join(',')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => resolve(`could not run ${PYTHON}: ${e.message}`));
    child.on('close', (code) => {
      if (code !== 0) return resolve(`optuna_search.py exited ${code}: ${err.split('\n').filter(Boolean).slice(-3).join(' / ')}`);
      try {
        resolve(JSON.parse(out) as OptunaOutput);
      } catch {
        resolve('optuna_search.py printed no JSON');
      }
    });
  });
}

function runOurs(f: BenchFunction, method: (typeof OURS)[number], seed: number): { regret: number; early: number; askMs: number[] } {
  const sampler = createSampler(method, f.space, seed);
  const history: Observation[] = [];
  const askMs: number[] = [];
  let best = Infinity;
  let early = Infinity;
  for (let t = 0; t < f.budget; t++) {
    const t0 = performance.now();
    const p = sampler.ask(history, []);
    askMs.push(performance.now() - t0);
    if (!p) break;
    const v = f.evaluate(p);
    best = Math.min(best, v);
    if (t < EARLY) early = best;
    history.push({ params: p, status: 'complete', value: v, curve: [] });
  }
  return { regret: best - f.optimum, early: early - f.optimum, askMs };
}

/** Median time of one ask given 200 finished random trials, over 9 sampler seeds (one warm-up ask first). */
function proposalTime(f: BenchFunction, method: 'tpe' | 'bayes'): number {
  const random = new RandomSampler(f.space, 12345);
  const history: Observation[] = [];
  for (let i = 0; i < 200; i++) {
    const p = random.ask(history, [])!;
    history.push({ params: p, status: 'complete', value: f.evaluate(p), curve: [] });
  }
  createSampler(method, f.space, 99).ask(history, []);
  const times: number[] = [];
  for (let seed = 0; seed < 9; seed++) {
    const sampler = createSampler(method, f.space, seed);
    const t0 = performance.now();
    sampler.ask(history, []);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function main(): Promise<void> {
  const started = Date.now();
  const optunaPromise = runOptuna();
  const ours: Results = {};
  for (const f of functions) {
    ours[f.name] = {};
    for (const m of OURS) {
      const regrets: number[] = [];
      const early: number[] = [];
      const askMs: number[] = [];
      for (let seed = 0; seed < SEEDS; seed++) {
        const r = runOurs(f, m, seed);
        regrets.push(r.regret);
        early.push(r.early);
        askMs.push(...r.askMs);
      }
      ours[f.name]![m] = { regrets, early, askMs };
      process.stderr.write(`${f.name} ${m}: median regret ${fmt(median(regrets))}\n`);
    }
  }
  process.stderr.write('waiting for optuna...\n');
  const optuna = await optunaPromise;
  // Timed only once Optuna is done, so the two processes do not compete for the cores.
  const timing = functions.map((f) => ({ f, bayes: proposalTime(f, 'bayes'), tpe: proposalTime(f, 'tpe') }));
  const minutes = (Date.now() - started) / 60000;
  const section = render(ours, optuna, timing, minutes);
  process.stdout.write(`${section}\n`);
  if (process.env.BENCH_NO_WRITE !== '1') {
    const path = 'bench/RESULTS.md';
    const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
    writeFileSync(path, spliceSection(doc, section));
    process.stderr.write(`wrote the Search section of ${path}\n`);
  }
}

function render(
  ours: Results,
  optuna: OptunaOutput | string,
  timing: { f: BenchFunction; bayes: number; tpe: number }[],
  minutes: number,
): string {
  const opt = typeof optuna === 'string' ? undefined : optuna.results;
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push('## Search');
  lines.push('');
  lines.push(`Command: \`${COMMAND}\` (${SEEDS} seeds per function and method, run time ${minutes.toFixed(1)} min).`);
  lines.push(
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
      `${os.type()} ${os.release()}, Node ${process.version}` +
      (typeof optuna === 'string' ? `; Optuna not run: ${optuna}` : `, Optuna ${optuna.optuna} (Debian python3-optuna)`) +
      `. Date: ${new Date().toISOString().slice(0, 10)}.`,
  );
  lines.push('');
  lines.push(
    'Simple regret = best value found within the budget minus the known optimum (lower is better). Every method sees ' +
      'the same objective code (bench/search/functions.ts, bench/optuna_search.py), budget and seeds 0..N-1. ' +
      'Optuna samplers are used with their defaults; `optuna tpe-mv` is `TPESampler(multivariate=True)`, `optuna qmc` is ' +
      '`QMCSampler(scramble=True)` (Sobol, its default) and `optuna qmc-halton` the same with `qmc_type="halton"`; ' +
      "Optuna samples a QMC study's first trial and every categorical parameter with its random sampler.",
  );
  lines.push('');
  const methods: [string, (f: string) => number[] | undefined][] = [
    ['random (ours)', (f) => ours[f]?.random?.regrets],
    ['quasirandom (ours)', (f) => ours[f]?.quasirandom?.regrets],
    ['tpe (ours)', (f) => ours[f]?.tpe?.regrets],
    ['bayes (ours)', (f) => ours[f]?.bayes?.regrets],
    ['optuna random', (f) => opt?.[f]?.['optuna-random']?.regrets],
    ['optuna qmc', (f) => opt?.[f]?.['optuna-qmc']?.regrets],
    ['optuna qmc-halton', (f) => opt?.[f]?.['optuna-qmc-halton']?.regrets],
    ['optuna tpe', (f) => opt?.[f]?.['optuna-tpe']?.regrets],
    ['optuna tpe-mv', (f) => opt?.[f]?.['optuna-tpe-mv']?.regrets],
  ];
  const names = timing.map((t) => t.f);
  lines.push('### Simple regret (median / mean)');
  lines.push('');
  lines.push(
    table(
      ['method', ...names.map((f) => `${f.label}, ${f.budget} trials`)],
      methods.map(([label, get]) => [
        label,
        ...names.map((f) => {
          const r = get(f.name);
          return r ? `${fmt(median(r))} / ${fmt(mean(r))}` : 'n/a';
        }),
      ]),
    ),
  );
  lines.push('');
  lines.push('### Targets (issue 4): ratio of median regrets');
  lines.push('');
  const rows: string[][] = [];
  const missed: string[] = [];
  for (const f of names) {
    const b = ours[f.name]?.bayes?.regrets;
    const t = ours[f.name]?.tpe?.regrets;
    const mv = opt?.[f.name]?.['optuna-tpe-mv']?.regrets;
    const ot = opt?.[f.name]?.['optuna-tpe']?.regrets;
    const bayesTarget = f.continuous ? 0.5 : 1.0;
    const cell = (mine: number[] | undefined, theirs: number[] | undefined, target: number, what: string): string => {
      if (!mine || !theirs) return 'n/a';
      const ratio = median(mine) / median(theirs);
      const ok = ratio <= target;
      if (!ok) missed.push(`${what} on ${f.label}: ratio ${fmt(ratio)} > ${target}`);
      return `${fmt(ratio)} (≤ ${target}: ${ok ? 'met' : '**missed**'})`;
    };
    rows.push([f.label, cell(b, mv, bayesTarget, 'bayes vs optuna tpe-mv'), cell(t, ot, 1.0, 'tpe vs optuna tpe')]);
  }
  lines.push(table(['function', 'bayes / optuna tpe-mv', 'tpe (ours) / optuna tpe'], rows));
  lines.push('');
  lines.push(missed.length ? `Missed: ${missed.join('; ')}.` : 'Every target met in this run.');
  lines.push('');
  lines.push(...quasiRandomSection(ours, opt, names));
  lines.push('### Proposal time');
  lines.push('');
  lines.push(
    table(
      ['function', 'bayes, 200 finished trials (median of 9 asks)', 'tpe, 200 finished trials', 'bayes, median ask during the runs'],
      timing.map(({ f, bayes, tpe }) => [
        f.label,
        `${bayes.toFixed(0)} ms`,
        `${tpe.toFixed(1)} ms`,
        `${median(ours[f.name]?.bayes?.askMs ?? [0]).toFixed(0)} ms`,
      ]),
    ),
  );
  lines.push('');
  lines.push(NOTES);
  return lines.join('\n');
}

/** Quasi-random against random (issue 19): the regret's median, 90th percentile and standard deviation over seeds. */
function quasiRandomSection(ours: Results, opt: Results | undefined, names: readonly BenchFunction[]): string[] {
  const rows: [string, (f: string) => { regrets: number[]; early?: number[] } | undefined][] = [
    ['random (ours)', (f) => ours[f]?.random],
    ['quasirandom (ours)', (f) => ours[f]?.quasirandom],
    ['optuna random', (f) => opt?.[f]?.['optuna-random']],
    ['optuna qmc', (f) => opt?.[f]?.['optuna-qmc']],
    ['optuna qmc-halton', (f) => opt?.[f]?.['optuna-qmc-halton']],
  ];
  const cell = (r: number[] | undefined): string => (r ? `${fmt(median(r))} / ${fmt(quantile(r, 0.9))} / ${fmt(sd(r))}` : 'n/a');
  const part = (
    title: string,
    pick: (m: { regrets: number[]; early?: number[] }) => number[] | undefined,
    budget: (f: BenchFunction) => number,
  ): string[] => [
    title,
    '',
    table(
      ['method', ...names.map((f) => `${f.label}, ${budget(f)} trials`)],
      rows.map(([label, get]) => [label, ...names.map((f) => cell(((m) => (m ? pick(m) : undefined))(get(f.name))))]),
    ),
    '',
  ];
  return [
    '### Quasi-random against random (issue 19): median / 90th percentile / standard deviation of the regret',
    '',
    `Same runs as above, read after the first ${EARLY} trials (exploration) and at the budget.`,
    '',
    ...part(
      `After ${EARLY} trials:`,
      (m) => m.early,
      () => EARLY,
    ),
    ...part(
      'At the budget:',
      (m) => m.regrets,
      (f) => f.budget,
    ),
  ];
}

function quantile(values: readonly number[], q: number): number {
  const s = values.slice().sort((a, b) => a - b);
  const x = q * (s.length - 1);
  const lo = Math.floor(x);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (x - lo);
}

function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, values.length - 1));
}

/** How the defaults were chosen; development runs with the same harness (figures are median regrets). */
const NOTES = `### How the defaults were chosen

Development runs with this harness (20–100 seeds; figures are median regrets):

- **bayes, prior mean.** A zero-mean GP on standardised values rated unexplored corners as "average with high
  variance" and spent much of the budget on the boundary (Levy-4: 1.5, Hartmann-6: 1.7e-3). Larger length-scale or
  noise priors traded one function for another (Levy 0.41 but Hartmann 0.19). Making the prior mean the worst
  value seen (the GP is fitted to y - max y) fixed both: Levy-4 0.03, Hartmann-6 5e-5, Branin 3.7e-4 (40 seeds).
- **bayes, output transform.** With that prior mean, 30 seeds: Yeo–Johnson on standardised values (default)
  Levy-4 0.03 / mlp 0.030; plain standardisation 0.44 / 0.030; log warp 0.70 / 0.040; Yeo–Johnson on
  (y - min)/(mean - min) 0.25 / 0.035; a Gaussian copula was worse than random on Levy-4 (5.1, 12 seeds).
- **tpe, scoring.** A textbook multivariate TPE (each kernel a normalised truncated Gaussian) scored 0.68 on
  Hartmann-6 (60 seeds) against Optuna multivariate's 0.38. Optuna 3.1's \`_truncnorm.logpdf\` leaves out the
  \`-log(scale)\` term, so its kernels are weighted by their bandwidth and the broad prior kernel dominates away from the
  data. Doing the same on purpose: Hartmann-6 0.36, Branin 0.40 (100 seeds; Optuna tpe 0.63, tpe-mv 0.56).
- **tpe, bandwidth.** Scott-rule factor 0.15 instead of Optuna's 0.2 (100 seeds, 0.2 → 0.15): Levy-4 1.00 → 0.68,
  Hartmann-6 0.41 → 0.36, mlp 0.096 → 0.088, Branin 0.40 → 0.41. Larger factors (0.4, 0.6) were worse everywhere.`;

await main();
