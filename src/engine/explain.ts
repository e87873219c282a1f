import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SweepConfig } from '../core/config/types.js';
import { DISTRIBUTION_ARGS, DISTRIBUTION_DEFAULTS } from '../core/distributions/index.js';
import { isRecord, type JsonValue, type Params } from '../core/json.js';
import { topLevelArgs } from '../core/command.js';
import type { Objective } from '../core/objective.js';
import { pyRepr, type PyNumbers } from '../core/pystr.js';
import { DEFAULT_TRIALS, describeSearch, planStages, plannedTrials, runStudy } from '../core/study/index.js';
import type { TrialRecord } from '../core/trial.js';
import { expandCommand } from '../trainer/index.js';

/**
 * `sweepgate validate --explain`: how each parameter was understood (and which W&B inference rule applied), the
 * budget, and the exact command line of the first trial. The first trial's params come from the real study loop
 * (the same sampler, seed and stages), run for one trial against an objective that only records them.
 */
export async function explainConfig(config: SweepConfig, env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const lines: string[] = ['parameters (as understood):'];
  const width = Math.max(...config.space.map((p) => p.name.length), 4);
  const pyNumbers = config.workload.kind === 'program' ? config.workload.pyNumbers : {};
  for (const p of config.space)
    lines.push(`  ${p.name.padEnd(width)}  ${describeParameter(config, p.name, p.dist.name, pyNumbers[p.name])}`);
  lines.push(`budget: ${budgetLine(config)}`);
  if (config.earlyTerminate) lines.push(`early_terminate: ${earlyTerminateLine(config)}`);
  if (config.stages.length > 0) lines.push(...stageLines(config));
  const first = await firstTrial(config);
  if (!first) {
    lines.push('first trial: none (the search space is empty)');
    return `${lines.join('\n')}\n`;
  }
  if (config.workload.kind !== 'program') lines.push(`first trial (seed ${first.seed}): ${pyRepr(first.params as JsonValue)}`);
  else {
    const r = config.workload;
    // As the program's wandb.config sees it: nested parameters as dicts, floats as floats.
    const args = topLevelArgs(first.params, r.pyNumbers, r.paramPaths);
    lines.push(`first trial (seed ${first.seed}): {${args.map((a) => `${pyRepr(a.key)}: ${pyRepr(a.value, a.isFloat)}`).join(', ')}}`);
    const argsJsonFile = path.join(tmpdir(), 'sweepgate-args-XXXXXX', 'params.json');
    const argv = expandCommand(r.command, {
      program: r.programAsWritten,
      params: first.params,
      argsJsonFile,
      env,
      pyNumbers: r.pyNumbers,
      paramPaths: r.paramPaths,
    });
    lines.push(`command (in ${config.configDir}):`, `  ${argv.map(shellWord).join(' ')}`);
    lines.push(
      `wandb: ${r.wandb === 'real' ? 'real (PYTHONPATH left alone)' : "stand-in (sweepgate's offline wandb module first on PYTHONPATH)"}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The first trial the study would run: its params and seed. */
export async function firstTrial(config: SweepConfig): Promise<{ params: Params; seed: number } | undefined> {
  let seen: { params: Params; seed: number } | undefined;
  const objective: Objective = {
    fingerprint: 'explain',
    backend: 'none',
    run(params, ctx) {
      seen = { params, seed: ctx.seed };
      return Promise.resolve({ metrics: { [config.metric.name]: 0 } });
    },
  };
  const store = {
    get: (): Promise<TrialRecord | undefined> => Promise.resolve(undefined),
    put: (): Promise<void> => Promise.resolve(),
    all: (): Promise<readonly TrialRecord[]> => Promise.resolve([]),
  };
  await runStudy({ ...config, budget: { trials: 1 }, repeats: 1, parallel: 1 }, { objective, store, now: Date.now, warn: () => {} });
  return seen;
}

/** W&B infers only these forms; sweepgate also infers q_*, normal and beta from their keys, which W&B rejects. */
const WANDB_INFERS = new Set(['value', 'values', 'values and probabilities', 'integer min/max', 'min/max']);

function describeParameter(config: SweepConfig, name: string, distribution: string, numbers: PyNumbers | undefined): string {
  const source = config.paramSources?.[name];
  const block = blockAt(config.raw, source?.path);
  const takes = (DISTRIBUTION_ARGS as Readonly<Record<string, readonly string[]>>)[distribution] ?? [];
  const given = takes.filter((k) => block[k] !== undefined).map((k) => `${k}: ${source?.written?.[k] ?? pyRepr(block[k]!)}`);
  const defaults = takes
    .filter((k) => block[k] === undefined && k in DISTRIBUTION_DEFAULTS)
    .map((k) => `${k}: ${pyRepr(DISTRIBUTION_DEFAULTS[k as keyof typeof DISTRIBUTION_DEFAULTS], () => k !== 'a' && k !== 'b')}`);
  const args = [...given, ...(defaults.length ? [`default ${defaults.join(', ')}`] : [])].join(', ');
  const types =
    numbers?.kind === 'float'
      ? '; gives floats'
      : numbers?.kind === 'int' && distribution.startsWith('q_')
        ? '; gives ints (integer q)'
        : '';
  const inferred = source?.inferredFrom;
  const rule =
    inferred === undefined
      ? 'distribution given'
      : WANDB_INFERS.has(inferred)
        ? `inferred from ${inferred}, as W&B infers it`
        : `inferred from ${inferred} by sweepgate; W&B needs distribution: ${distribution} written here`;
  return `${distribution}(${args})${types} (${rule})`;
}

/** The parameter block at a dotted path such as `parameters.optimizer.parameters.lr` (names may hold dots). */
function blockAt(raw: Readonly<Record<string, JsonValue>>, dotted: string | undefined): Readonly<Record<string, JsonValue>> {
  if (dotted === undefined) return {};
  let node: JsonValue = raw;
  let rest = dotted;
  while (rest !== '') {
    if (!isRecord(node)) return {};
    const obj = node as Readonly<Record<string, JsonValue>>;
    // The longest key of this mapping that the path starts with, so a dotted parameter name is one step.
    const key = Object.keys(obj)
      .filter((k) => rest === k || rest.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return {};
    node = obj[key]!;
    rest = rest.slice(key.length + 1);
  }
  return isRecord(node) ? (node as Readonly<Record<string, JsonValue>>) : {};
}

function budgetLine(config: SweepConfig): string {
  const { trials, minutes } = config.budget;
  const gridSize = config.method === 'grid' ? config.space.reduce((n, p) => n * (p.dist.values()?.length ?? Infinity), 1) : undefined;
  const staged = config.stages.length > 0 ? plannedTrials(config) : undefined;
  const count =
    trials === undefined && staged !== undefined
      ? `${staged} trials, the sum of the stages' budgets (a grid stage counts its size)`
      : trials !== undefined
        ? `at most ${trials} trials${gridSize !== undefined ? ` of ${gridSize} grid combinations` : ''}`
        : gridSize !== undefined
          ? `every one of ${gridSize} grid combinations`
          : config.method === 'manual'
            ? `each of the ${config.configs?.length ?? 0} listed configurations, in order`
            : `${DEFAULT_TRIALS} trials (the default without run_cap)`;
  const time = minutes !== undefined ? `, no new trial after ${minutes} minutes` : ', no time limit';
  const repeats = config.repeats > 1 ? `; best params re-run with ${config.repeats} seeds` : '';
  const stages = config.stages.length ? `; ${config.stages.length} stages` : '';
  return `${count}${time}${repeats}${stages}`;
}

/** The stages in the order they run: method, what each searches, budget and (for `stages: auto`) why. */
function stageLines(config: SweepConfig): string[] {
  const planned = planStages(config);
  const lines = [`stages${config.stagesAuto ? " (auto: planned from the parameters' names; see docs/config.md)" : ''}:`];
  planned.forEach((s, i) => {
    const what = s.space.map((p) => `${p.name} (${s.refine ? 'refined around the best so far' : describeSearch(p.dist)})`).join(', ');
    const budget = s.trials !== undefined ? `${s.trials} trials` : 'every combination';
    const why = config.stages[i]?.why;
    const et = s.earlyTerminate ? `, early_terminate ${s.earlyTerminate.type}` : '';
    lines.push(`  ${i + 1}. ${s.method} over ${what}: ${budget}${et}${why ? ` (${why})` : ''}`);
  });
  return lines;
}

function earlyTerminateLine(config: SweepConfig): string {
  const e = config.earlyTerminate!;
  if (e.type === 'median') return `median, after ${e.warmupSteps} steps once ${e.minTrials} trials report`;
  const rungs = e.rungs ?? [0, 1, 2, 3].map((k) => e.minIter * e.eta ** k);
  const checked = e.checkRungs ? '; check_rungs: probes run in full, a rung prunes once it ranked them right' : '';
  return `hyperband (eta ${e.eta}), checks at steps ${rungs.join(', ')}${e.rungs ? '' : ', ...'}${checked}`;
}

/** A word as a POSIX shell would need it written to mean the same argv entry. */
function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
