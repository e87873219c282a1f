import { parseThreshold } from '../gate/threshold.js';
import { show } from '../errors.js';
import { has, isRecord, type Issues, type Path } from './issues.js';
import { hyperbandBands } from '../pruners/hyperband.js';
import { NO_METRIC } from './types.js';
import type { Budget, EarlyTerminate, GateRule, Goal, MetricSpec, Stage, StageMethod, Threshold, TrainerSpec, Workload } from './types.js';
import type { Distribution, Space } from '../distributions/distribution.js';
import { bounds, decadeValues, refinable } from '../study/stage-space.js';
import { autoStages } from './auto-stages.js';
import { parseManualConfigs } from './manual.js';

export type Doc = Record<string, unknown>;

export const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
export const int = (x: unknown): number | undefined => (Number.isSafeInteger(x) ? (x as number) : undefined);
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** Metrics the built-in trainer reports, per task (per epoch; the trial's metrics come from one epoch). */
export const TRAINER_METRICS = {
  classification: ['loss', 'val_loss', 'accuracy', 'val_accuracy'],
  regression: ['loss', 'val_loss', 'mae', 'val_mae', 'val_rmse'],
} as const;

/** `metric`: required for objective/program; the built-in trainer defaults to val_loss, minimised. */
export function parseMetric(doc: Doc, workload: Workload | undefined, issues: Issues): MetricSpec {
  const m = doc.metric;
  if (!isRecord(m)) {
    if (m !== undefined || !workload || workload.kind === 'trainer') return { name: 'val_loss', goal: 'minimize' };
    // W&B runs grid and random sweeps without a metric; everything that needs a best trial needs one.
    if (doc.method === 'grid' || doc.method === 'random' || doc.method === 'quasirandom' || doc.method === 'manual') {
      for (const key of ['early_terminate', 'gate', 'stages'])
        if (has(doc, key)) issues.add([key], `needs metric: it works on the best trial, and without metric there is none`);
      if (int(doc.repeats) !== undefined && int(doc.repeats)! > 1)
        issues.add(['repeats'], `needs metric: it re-runs the best trial, and without metric there is none, got ${show(doc.repeats)}`);
      return { name: NO_METRIC, goal: 'minimize' };
    }
    issues.add(
      ['metric'],
      `is required with ${workload.kind} and method ${String(doc.method)}: name the metric to optimise, e.g. {name: val_loss, goal: minimize} (grid, random, quasirandom and manual may go without)`,
    );
    return { name: 'val_loss', goal: 'minimize' };
  }
  const name = str(m.name) ?? 'val_loss';
  const goal: Goal = m.goal === 'maximize' ? 'maximize' : 'minimize';
  const target = num(m.target);
  if (workload?.kind === 'trainer') checkTrainerMetric(['metric', 'name'], name, workload.trainer, issues);
  return { name, goal, ...(target !== undefined ? { target } : {}) };
}

function checkTrainerMetric(path: (string | number)[], name: string, trainer: TrainerSpec, issues: Issues): void {
  const known: readonly string[] = TRAINER_METRICS[trainer.task];
  if (!known.includes(name))
    issues.add(path, `the ${trainer.type} trainer (${trainer.task}) reports ${known.join(', ')}, got ${show(name)}`);
}

const HYPERBAND_KEYS = ['min_iter', 'max_iter', 's', 'eta', 'strict', 'check_rungs'];
const MEDIAN_KEYS = ['warmup_steps', 'min_trials'];

/** A note about a valid config that probably does not do what was meant (the config still runs). */
export type Warn = (path: Path, message: string) => void;

/**
 * W&B hyperband and our median rule. Hyperband takes what W&B's schema takes: max_iter with s (the rungs are
 * W&B's bands, ⌊max_iter / eta^i⌋ for i = s..1), or min_iter (rungs min_iter · eta^k). Like W&B, max_iter + s
 * wins over min_iter, and s without max_iter is ignored; both say so through `warn`.
 */
export function parseEarlyTerminate(
  value: unknown,
  issues: Issues,
  warn: Warn = () => {},
  base: Path = ['early_terminate'],
): EarlyTerminate | undefined {
  if (!isRecord(value)) return undefined;
  const at = (k: string): (string | number)[] => [...base, k];
  const type = value.type;
  const own = type === 'hyperband' ? HYPERBAND_KEYS : type === 'median' ? MEDIAN_KEYS : undefined;
  if (!own) return undefined;
  for (const k of Object.keys(value))
    if (k !== 'type' && !own.includes(k)) issues.add(at(k), `is not used by type ${String(type)}, which takes ${own.join(', ')}`);
  if (type === 'median') return { type: 'median', warmupSteps: int(value.warmup_steps) ?? 1, minTrials: int(value.min_trials) ?? 5 };
  const eta = num(value.eta) ?? 3;
  const check = value.check_rungs === true ? { checkRungs: true } : {};
  if (has(value, 'max_iter')) {
    if (!has(value, 's')) {
      issues.add(at('s'), 'is required with max_iter: the rungs are max_iter / eta^i for i = s..1 (or give min_iter alone)');
      return undefined;
    }
    const maxIter = int(value.max_iter);
    const s = int(value.s);
    if (maxIter === undefined || s === undefined) return undefined; // the schema reported it
    const rungs = hyperbandBands(maxIter, eta, s);
    if (rungs.length === 0) {
      issues.add(at('max_iter'), `gives no rung: max_iter / eta must be >= 1, got ${maxIter} / ${eta}`);
      return undefined;
    }
    if (has(value, 'min_iter'))
      warn(at('min_iter'), `is ignored when max_iter and s are given (as in W&B): the rungs are ${rungs.join(', ')}`);
    return { type: 'hyperband', minIter: rungs[0]!, eta, maxIter, s, rungs, ...check };
  }
  if (!has(value, 'min_iter')) {
    issues.add(at('min_iter'), 'is required: hyperband takes min_iter, or max_iter together with s');
    return undefined;
  }
  const minIter = int(value.min_iter);
  if (minIter === undefined) return undefined; // the schema reported it
  if (has(value, 's'))
    warn(at('s'), `is ignored without max_iter (as in W&B): the rungs are min_iter · eta^k = ${minIter}, ${minIter * eta}, ...`);
  return { type: 'hyperband', minIter, eta, ...check };
}

/** `run_cap` and `budget.trials` are the same budget; both may be given only if they agree. */
export function parseBudget(doc: Doc, issues: Issues): Budget {
  const b = isRecord(doc.budget) ? doc.budget : {};
  const runCap = int(doc.run_cap);
  const trials = int(b.trials);
  if (runCap !== undefined && trials !== undefined && runCap !== trials)
    issues.add(['budget', 'trials'], `must equal run_cap when both are set, got ${trials} != ${runCap}`);
  const minutes = num(b.minutes);
  const t = runCap ?? trials;
  return { ...(t !== undefined ? { trials: t } : {}), ...(minutes !== undefined ? { minutes } : {}) };
}

const MAXIMIZE_HINTS = ['acc', 'auc', 'f1', 'precision', 'recall', 'r2', 'score'];

/** Direction of a metric named only in `gate`: accuracy-like names are maximised, everything else minimised. */
export function inferGoal(metric: string): Goal {
  const m = metric.toLowerCase();
  return MAXIMIZE_HINTS.some((h) => m.includes(h)) ? 'maximize' : 'minimize';
}

/** The gate's threshold parser is shared with the Action's `max-regression` input; here the schema has already reported junk. */
function threshold(value: unknown, path: string): Threshold | undefined {
  try {
    return typeof value === 'number' || typeof value === 'string' ? parseThreshold(value, path) : undefined;
  } catch {
    return undefined;
  }
}

/** `gate`: per-metric thresholds; the sweep metric's goal is metric.goal, others are inferred from the name. */
export function parseGate(value: unknown, metric: MetricSpec, workload: Workload | undefined, issues: Issues): GateRule[] {
  if (!isRecord(value)) return [];
  const rules: GateRule[] = [];
  for (const [name, rule] of Object.entries(value)) {
    if (workload?.kind === 'trainer') checkTrainerMetric(['gate', name], name, workload.trainer, issues);
    const spec = isRecord(rule) ? rule : { threshold: rule };
    const parsed = threshold(spec.threshold, `gate.${name}`);
    if (!parsed) continue; // the schema reported it
    const goal: Goal =
      spec.goal === 'maximize' || spec.goal === 'minimize' ? spec.goal : name === metric.name ? metric.goal : inferGoal(name);
    if (name === metric.name && spec.goal !== undefined && spec.goal !== metric.goal)
      issues.add(['gate', name, 'goal'], `contradicts metric.goal (${metric.goal}) for the sweep metric, got ${show(spec.goal)}`);
    const on = spec.on === 'champion' || spec.on === 'best' || spec.on === 'both' ? spec.on : 'champion';
    rules.push({ metric: name, goal, threshold: parsed, alpha: num(spec.alpha) ?? 0.05, on });
  }
  return rules;
}

const STAGE_METHODS: readonly StageMethod[] = ['grid', 'random', 'bayes', 'tpe', 'quasirandom', 'manual'];

/**
 * `stages`: a list, each naming parameters of this sweep with its own method, budget and early_terminate, or
 * `auto` (planned from the parameters' names, see autoStages). Every error names the stage's path.
 */
export function parseStages(
  value: unknown,
  space: Space,
  sweepTrials: number | undefined,
  issues: Issues,
  warn: Warn = () => {},
): { stages: Stage[]; auto: boolean } {
  if (value === 'auto') {
    const stages = autoStages(space, sweepTrials);
    const planned = stages.reduce((n, s) => n + (s.trials ?? 0), 0);
    if (sweepTrials !== undefined && planned > sweepTrials)
      warn(
        ['stages'],
        `auto plans ${planned} trials (at least 2 per searched stage) and run_cap is ${sweepTrials}: the last stages will be cut short`,
      );
    return { stages, auto: true };
  }
  if (!Array.isArray(value)) return { stages: [], auto: false };
  const parameterNames = space.map((p) => p.name);
  const stages: Stage[] = [];
  const searched = new Set<string>();
  value.forEach((stage: unknown, i) => {
    if (!isRecord(stage) || !Array.isArray(stage.parameters)) return;
    const names = stage.parameters.filter((n): n is string => typeof n === 'string');
    names.forEach((n, j) => {
      if (!parameterNames.includes(n))
        issues.add(
          ['stages', i, 'parameters', j],
          `is not a parameter of this sweep (parameters: ${parameterNames.join(', ')}), got ${show(n)}`,
        );
    });
    const params = space.filter((p) => names.includes(p.name));
    const parsed = parseStage(stage, i, params, searched, issues, warn);
    names.forEach((n) => searched.add(n));
    stages.push({ parameters: names, ...parsed });
  });
  return { stages, auto: false };
}

/** A stage's own keys; `at` is `stages[i]`. */
function parseStage(
  stage: Record<string, unknown>,
  i: number,
  params: Space,
  searched: ReadonlySet<string>,
  issues: Issues,
  warn: Warn,
): Omit<Stage, 'parameters'> {
  const at = (...k: (string | number)[]): (string | number)[] => ['stages', i, ...k];
  const method = typeof stage.method === 'string' ? stage.method : undefined;
  if (method !== undefined && !STAGE_METHODS.includes(method as StageMethod))
    issues.add(at('method'), `must be one of ${STAGE_METHODS.join(', ')}, got ${show(method)}`);
  const trials = stageTrials(stage, at, issues);
  const decades = stage.values === 'decades';
  if (stage.values !== undefined && !decades)
    issues.add(at('values'), `must be decades (the powers of ten inside each range), got ${show(stage.values)}`);
  for (const p of params) {
    if (decades && decadeValues(p.dist).length === 0)
      issues.add(at('values'), `decades needs a power of ten inside the range of ${p.name}, got ${rangeText(p.dist)}`);
    if (stage.refine === true && !refinable(p.dist))
      issues.add(at('refine'), `narrows uniform, int_uniform and log-uniform ranges, got ${p.name} (${p.dist.name})`);
    else if (stage.refine === true && !searched.has(p.name))
      issues.add(at('refine'), `narrows around the best value so far, and no earlier stage searches ${p.name}`);
    if (method === 'grid' && !decades && p.dist.values() === undefined)
      issues.add(
        at('method'),
        `grid needs a list of values, and ${p.name} is a ${p.dist.name} range: add values: decades, or search it with bayes`,
      );
  }
  const earlyTerminate = has(stage, 'early_terminate')
    ? parseEarlyTerminate(stage.early_terminate, issues, warn, at('early_terminate'))
    : undefined;
  if (stage.configs !== undefined && method !== 'manual')
    issues.add(at('configs'), `lists the configurations of method: manual, got method ${show(method ?? "the sweep's")}`);
  if (method === 'manual' && stage.configs === undefined)
    issues.add(at('configs'), 'is required with method manual: the list of configurations to try, e.g. [{learning_rate: 0.01}]');
  // Each configuration names this stage's parameters (the rest are fixed at the best so far), checked as a sweep's are.
  const configs =
    method === 'manual' && stage.configs !== undefined ? parseManualConfigs(stage.configs, at('configs'), params, issues) : undefined;
  return {
    ...(trials !== undefined ? { trials } : {}),
    ...(method !== undefined && STAGE_METHODS.includes(method as StageMethod) ? { method: method as StageMethod } : {}),
    ...(earlyTerminate ? { earlyTerminate } : {}),
    ...(decades ? { values: 'decades' as const } : {}),
    ...(stage.refine === true ? { refine: true } : {}),
    ...(configs ? { configs } : {}),
  };
}

/** `run_cap`, `budget.trials` and `trials` are one budget; more than one must agree. */
function stageTrials(stage: Record<string, unknown>, at: (...k: string[]) => (string | number)[], issues: Issues): number | undefined {
  const given: [string[], number][] = [];
  if (int(stage.run_cap) !== undefined) given.push([['run_cap'], int(stage.run_cap)!]);
  if (isRecord(stage.budget) && int(stage.budget.trials) !== undefined) given.push([['budget', 'trials'], int(stage.budget.trials)!]);
  if (int(stage.trials) !== undefined) given.push([['trials'], int(stage.trials)!]);
  for (const [path, n] of given.slice(1))
    if (n !== given[0]![1]) issues.add(at(...path), `must equal ${given[0]![0].join('.')} when both are set, got ${n} != ${given[0]![1]}`);
  return given[0]?.[1];
}

function rangeText(dist: Distribution): string {
  const [lo, hi] = bounds(dist);
  return `${dist.name} [${show(lo)}, ${show(hi)}]`;
}

export function parseFingerprint(value: unknown): readonly string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}
