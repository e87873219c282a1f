/**
 * `npm run bench:importance`: the report's parameter importance (src/core/landscape/importance.ts) against Optuna's
 * get_param_importances on the same finished trials: fANOVA with two seeds (Optuna 3.1, Debian's python3-optuna,
 * /usr/bin/python3) and PED-ANOVA, Optuna 5's default (Optuna 5 in a venv, see OPTUNA5_PYTHON below). Synthetic
 * objectives over 5 parameters (log, float, categorical, int, float) where exactly 2 matter; random trials from the
 * priors. Per estimator: how often the 2 that matter rank first and second, the share they get, how far a second
 * run moves the numbers, and the time per call. Writes the "Parameter importance" section of bench/RESULTS.md.
 * Env: BENCH_SEEDS (default 20), BENCH_NO_WRITE=1 to print only, OPTUNA5_PYTHON (default
 * /tmp/optuna5-venv/bin/python: `python3 -m venv --system-site-packages /tmp/optuna5-venv` then
 * `/tmp/optuna5-venv/bin/pip install --no-index --find-links <the machine's wheel folder> optuna==5.0.0`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Space } from '../src/core/distributions/distribution.js';
import { makeDistribution } from '../src/core/distributions/index.js';
import type { Params } from '../src/core/json.js';
import { paramImportance } from '../src/core/landscape/index.js';
import type { ResultTrial } from '../src/core/results.js';
import { Rng } from '../src/core/rng.js';
import { median, table } from './search/report.js';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 20);
const SIZES = [20, 40, 100];
const OPTUNA5 = process.env.OPTUNA5_PYTHON ?? '/tmp/optuna5-venv/bin/python';
const metric = { name: 'loss', goal: 'minimize' as const };

const SPACE: Space = [
  { name: 'a', dist: makeDistribution('log_uniform_values', { min: 1e-4, max: 1 }) },
  { name: 'b', dist: makeDistribution('uniform', { min: 0, max: 1 }) },
  { name: 'c', dist: makeDistribution('categorical', { values: ['x', 'y', 'z'] }) },
  { name: 'd', dist: makeDistribution('int_uniform', { min: 1, max: 10 }) },
  { name: 'e', dist: makeDistribution('uniform', { min: -5, max: 5 }) },
];
const OPTUNA_SPACE = [
  { name: 'a', kind: 'log', low: 1e-4, high: 1 },
  { name: 'b', kind: 'float', low: 0, high: 1 },
  { name: 'c', kind: 'cat', choices: ['x', 'y', 'z'] },
  { name: 'd', kind: 'int', low: 1, high: 10 },
  { name: 'e', kind: 'float', low: -5, high: 5 },
];

interface Objective {
  readonly name: string;
  readonly matter: readonly [string, string];
  readonly f: (p: Params) => number;
}
const num = (p: Params, k: string): number => p[k] as number;
const OBJECTIVES: readonly Objective[] = [
  {
    name: 'log bowl + categorical',
    matter: ['a', 'c'],
    f: (p) => (Math.log10(num(p, 'a')) + 2) ** 2 + (p.c === 'x' ? 0 : p.c === 'y' ? 1.5 : 3),
  },
  { name: 'float bowl + int slope', matter: ['b', 'd'], f: (p) => 8 * (num(p, 'b') - 0.7) ** 2 + 0.3 * (num(p, 'd') - 1) },
  { name: 'interaction (log × float)', matter: ['a', 'b'], f: (p) => (Math.log10(num(p, 'a')) + 2) ** 2 * (1 + 2 * num(p, 'b')) },
];

interface TrialSet {
  readonly id: string;
  readonly objective: Objective;
  readonly n: number;
  readonly trials: ResultTrial[];
}

function trialSet(o: Objective, n: number, seed: number): TrialSet {
  const rng = new Rng(seed * 7919 + n);
  const trials = Array.from({ length: n }, (_, i): ResultTrial => {
    const params: Record<string, Params[string]> = {};
    for (const p of SPACE) params[p.name] = p.dist.sample(rng);
    const loss = o.f(params) + 0.3 * rng.normal();
    return {
      key: `${seed}-${n}-${i}`.padStart(64, '0'),
      params,
      status: 'complete',
      metrics: { loss },
      cached: false,
      durationMs: 1,
      seed: i,
      history: [],
      stage: 0,
      repeat: 0,
    };
  });
  return { id: `${o.name}|${n}|${seed}`, objective: o, n, trials };
}

type Importances = Record<string, number>;
interface Scored {
  readonly imp: Importances;
  readonly ms: number;
}

function ours(s: TrialSet): Scored {
  const start = performance.now();
  const imp = paramImportance(s.trials, SPACE, metric);
  return { imp: Object.fromEntries(imp.map((p) => [p.name, p.importance])), ms: performance.now() - start };
}

function optuna(python: string, sets: readonly TrialSet[]): { version: string; results: Record<string, Record<string, Scored>> } | string {
  if (!existsSync(python)) return `${python} not found`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'importance-'));
  const file = path.join(dir, 'sets.json');
  const doc = {
    space: OPTUNA_SPACE,
    sets: sets.map((s) => ({ id: s.id, trials: s.trials.map((t) => ({ params: t.params, value: t.metrics.loss })) })),
  };
  writeFileSync(file, JSON.stringify(doc));
  try {
    const out = execFileSync(python, [path.resolve('bench/optuna_importance.py'), file], { maxBuffer: 1 << 28, encoding: 'utf8' });
    const parsed = JSON.parse(out) as {
      optuna: string;
      results: Record<string, Record<string, { importances: Importances; seconds: number }>>;
    };
    const results: Record<string, Record<string, Scored>> = {};
    for (const [id, row] of Object.entries(parsed.results))
      results[id] = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, { imp: v.importances, ms: v.seconds * 1000 }]));
    return { version: parsed.optuna, results };
  } catch (err) {
    return `${path.basename(python)} failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
  }
}

const ranked = (imp: Importances): string[] => Object.keys(imp).sort((a, b) => imp[b]! - imp[a]! || a.localeCompare(b));
const topTwo = (imp: Importances, o: Objective): boolean => ranked(imp).slice(0, 2).sort().join() === [...o.matter].sort().join();
const share = (imp: Importances, o: Objective): number => (imp[o.matter[0]] ?? 0) + (imp[o.matter[1]] ?? 0);
const moved = (a: Importances, b: Importances): number => Math.max(...Object.keys(a).map((k) => Math.abs(a[k]! - (b[k] ?? 0))));
const pct = (xs: readonly boolean[]): string => `${Math.round((100 * xs.filter(Boolean).length) / xs.length)}%`;

function main(): void {
  const sets = OBJECTIVES.flatMap((o) => SIZES.flatMap((n) => Array.from({ length: SEEDS }, (_, s) => trialSet(o, n, s + 1))));
  const mine = new Map(sets.map((s) => [s.id, ours(s)]));
  // Ours again on the same trials in reverse order: a second call must give the same numbers.
  const again = new Map(sets.map((s) => [s.id, ours({ ...s, trials: [...s.trials].reverse() })]));
  const o3 = optuna('/usr/bin/python3', sets);
  const o5 = optuna(OPTUNA5, sets);

  const estimators: { label: string; get: (s: TrialSet) => Scored | undefined; second?: (s: TrialSet) => Scored | undefined }[] = [
    { label: 'sweepgate (joint main effects, ε²)', get: (s) => mine.get(s.id), second: (s) => again.get(s.id) },
  ];
  for (const [o, tag] of [
    [o3, 'Debian'],
    [o5, 'venv'],
  ] as const) {
    if (typeof o === 'string') continue;
    estimators.push({
      label: `Optuna ${o.version} fANOVA (${tag})`,
      get: (s) => o.results[s.id]?.['fanova-seed0'],
      second: (s) => o.results[s.id]?.['fanova-seed1'],
    });
    if (Object.values(o.results)[0]?.['ped-anova'])
      estimators.push({ label: `Optuna ${o.version} PED-ANOVA (${tag}, the default)`, get: (s) => o.results[s.id]?.['ped-anova'] });
  }

  const rows: string[][] = [];
  for (const o of OBJECTIVES)
    for (const n of SIZES) {
      const group = sets.filter((s) => s.objective === o && s.n === n);
      for (const e of estimators) {
        const got = group.map((s) => e.get(s)).filter((x): x is Scored => x !== undefined);
        if (got.length === 0) continue;
        const second = e.second ? group.map((s) => [e.get(s), e.second!(s)] as const) : [];
        rows.push([
          o.name,
          String(n),
          e.label,
          pct(got.map((g) => topTwo(g.imp, o))),
          median(got.map((g) => share(g.imp, o))).toFixed(2),
          second.length ? median(second.map(([a, b]) => (a && b ? moved(a.imp, b.imp) : NaN))).toFixed(3) : '—',
          median(got.map((g) => g.ms)).toFixed(1),
        ]);
      }
    }
  const agree = (pick: (s: TrialSet) => Scored | undefined): string =>
    pct(
      sets
        .filter((s) => pick(s))
        .map((s) => ranked(mine.get(s.id)!.imp).slice(0, 2).sort().join() === ranked(pick(s)!.imp).slice(0, 2).sort().join()),
    );
  const agreements = estimators.slice(1).map((e) => `${e.label}: ${agree(e.get)}`);
  const missing = [o3, o5].filter((o): o is string => typeof o === 'string').map((m) => `Not run: ${m}.`);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    '## Parameter importance (issue 19 point 6)',
    '',
    `\`npm run bench:importance\`, ${new Date().toISOString().slice(0, 10)}, ${cpu} × ${os.cpus().length}, Node ${process.version}. ` +
      `${SEEDS} seeds per row: random trials from the priors of 5 parameters (a log-uniform, b uniform, c categorical of 3, d int 1..10, e uniform), ` +
      'exactly 2 of which matter, Gaussian noise σ 0.3 on the loss. The same finished trials go to every estimator.',
    '',
    table(
      [
        'Objective (the 2 that matter)',
        'Trials',
        'Estimator',
        'Top 2 right',
        'Their share (median)',
        'Moved by a rerun (median max Δ)',
        'ms per call',
      ],
      rows,
    ),
    '',
    `"Top 2 right": the two parameters that matter rank first and second. "Moved by a rerun": the largest change of any parameter's share between two calls on the same trials (ours: the trials in reverse order; fANOVA: seed 0 against seed 1, its forest's seed); PED-ANOVA has no seed. The same top two as ours: ${agreements.join('; ') || 'no Optuna ran'}.`,
    ...(missing.length ? ['', missing.join(' ')] : []),
    '',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (process.env.BENCH_NO_WRITE === '1') return;
  const file = 'bench/RESULTS.md';
  const doc = readFileSync(file, 'utf8');
  const start = doc.search(/^## Parameter importance/m);
  const rest = start < 0 ? '' : doc.slice(start + 1);
  const next = start < 0 ? -1 : rest.search(/^## /m);
  const updated =
    start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${next < 0 ? '' : `\n${rest.slice(next)}`}`;
  writeFileSync(file, updated.endsWith('\n') ? updated : `${updated}\n`);
}

main();
