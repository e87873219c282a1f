/**
 * The config sections that say what a trial runs: trainer / objective / program (with its command), the built-in
 * trainers' specs, and the checks that span the trainer spec and the searched parameters.
 */
import { resolve } from 'node:path';
import { show } from '../errors.js';
import type { JsonValue } from '../json.js';
import { DEFAULT_COMMAND } from '../command.js';
import { pyStr } from '../pystr.js';
import { checkHyperparameter } from './trainer-params.js';
import { hyperparameterProblems, normalisationProblem, trainerShape, validationFileProblem } from './trainer-rules.js';
import { has, isRecord, type Issues, type Path } from './issues.js';
import { int, num, str, type Doc, type Warn } from './sections.js';
import type { ImageTrainerSpec, MetricSpec, ProgramKind, TrainerSpec, Workload } from './types.js';

/**
 * The command macros W&B's agent expands (wandb_agent.py, sdk/launch/sweeps/utils.py), all of which sweepgate
 * expands the same way. Besides these, `${envvar:NAME}` is replaced by that environment variable anywhere in an
 * item, a whole item naming a parameter (`${batch_size}`) becomes its value, and any other whole-item macro is
 * dropped, as W&B drops it.
 */
export const COMMAND_MACROS = [
  '${env}',
  '${interpreter}',
  '${program}',
  '${args}',
  '${args_no_equals}',
  '${args_no_hyphens}',
  '${args_no_boolean_flags}',
  '${args_append_hydra}',
  '${args_override_hydra}',
  '${args_json}',
  '${args_json_file}',
] as const;

const RUNNER_KEYS = ['trainer', 'objective', 'program'] as const;

/** Exactly one of trainer / objective / program says what a trial runs; paths resolve from configDir. */
export function parseWorkload(
  doc: Doc,
  configDir: string,
  issues: Issues,
  isFloat: (path: Path) => boolean = () => false,
): Workload | undefined {
  const given = RUNNER_KEYS.filter((k) => has(doc, k));
  if (given.length === 0) {
    issues.add([], 'nothing to run: give exactly one of trainer (built-in model), objective (JS module) or program (script)');
    if (has(doc, 'command')) issues.add(['command'], 'needs program (the ${program} a command runs)');
    return undefined;
  }
  for (const extra of given.slice(1))
    issues.add([extra], `cannot be combined with ${given[0]}: give exactly one of trainer, objective, program`);
  for (const key of ['command', 'wandb'])
    if (has(doc, key) && given[0] !== 'program') issues.add([key], `only applies with program, got it beside ${given[0]}`);
  if (given.length > 1) return undefined;
  switch (given[0]!) {
    case 'trainer': {
      const trainer = parseTrainer(doc.trainer, configDir, issues);
      return trainer && { kind: 'trainer', trainer };
    }
    case 'objective': {
      const module = str(doc.objective);
      return module === undefined ? undefined : { kind: 'objective', module: resolve(configDir, module) };
    }
    default: {
      const program = str(doc.program);
      const command = parseCommand(doc.command, isFloat);
      if (program === undefined || !command) return undefined;
      return {
        kind: 'program',
        program: resolve(configDir, program),
        programAsWritten: program,
        programKind: programKind(command),
        command,
        wandb: doc.wandb === 'real' ? 'real' : 'stand-in',
        pyNumbers: {},
        paramPaths: {},
      };
    }
  }
}

/** W&B's agent turns every command item into a string with Python's str(): `- 40` is "40", `- 0.5` "0.5", `- true` "True". */
function parseCommand(value: unknown, isFloat: (path: Path) => boolean): readonly string[] | undefined {
  if (value === undefined) return DEFAULT_COMMAND;
  if (!Array.isArray(value) || !value.every((t) => ['string', 'number', 'boolean'].includes(typeof t))) return undefined; // the schema said so
  return value.map((t: string | number | boolean, i) => pyStr(t, () => isFloat(['command', i])));
}

const INTERPRETER_WORD = /^(?:\$\{interpreter\}|(?:.*\/)?(?:python[0-9.]*|node|bash|sh|Rscript|julia|ruby|perl|deno|bun))$/;

/** How the command runs `${program}`: after `-m` a module, after an interpreter a file, otherwise a command of its own. */
export function programKind(command: readonly string[]): ProgramKind {
  const at = command.indexOf('${program}');
  if (at < 0) return 'command';
  const before = command[at - 1];
  if (before === '-m') return 'module';
  return before !== undefined && INTERPRETER_WORD.test(before) ? 'file' : 'command';
}

function parseTrainer(value: unknown, configDir: string, issues: Issues): TrainerSpec | undefined {
  if (!isRecord(value)) return undefined;
  if (value.type === 'image') return parseImageTrainer(value, configDir, issues);
  if (has(value, 'input_shape'))
    issues.add(['trainer', 'input_shape'], 'is used by trainer type image only (this trainer reads CSV columns)');
  const data = str(value.data);
  const target = str(value.target);
  const task = value.task === 'classification' || value.task === 'regression' ? value.task : undefined;
  if (has(value, 'validation') && has(value, 'validation_split'))
    issues.add(['trainer', 'validation_split'], 'cannot be combined with validation (a separate validation file)');
  const features = Array.isArray(value.features) ? value.features.filter((f): f is string => typeof f === 'string') : undefined;
  if (features && target !== undefined && features.includes(target))
    issues.add(['trainer', 'features', features.indexOf(target)], `must not include the target column, got ${show(target)}`);
  const defaults = parseTrainerDefaults(value.defaults, issues);
  if (data === undefined || target === undefined || !task) return undefined;
  const validation = str(value.validation);
  const splitBy =
    typeof value.split_by === 'string'
      ? [value.split_by]
      : Array.isArray(value.split_by)
        ? value.split_by.filter((c): c is string => typeof c === 'string')
        : undefined;
  for (const [i, c] of (splitBy ?? []).entries()) {
    if (c === target)
      issues.add(['trainer', 'split_by', i], `must not be the target column (an id column says which row is which), got ${show(c)}`);
  }
  if (has(value, 'split_seed') && validation !== undefined)
    issues.add(['trainer', 'split_seed'], 'has no effect with validation (a separate validation file): there is no split to seed');
  const baseModel = str(value.base_model);
  const saveBest = str(value.save_best);
  return {
    type: 'tabular',
    data: resolve(configDir, data),
    target,
    task,
    validationSplit: num(value.validation_split) ?? 0.2,
    ...(validation !== undefined ? { validation: resolve(configDir, validation) } : {}),
    ...(features ? { features } : {}),
    ...(int(value.split_seed) !== undefined ? { splitSeed: int(value.split_seed)! } : {}),
    ...(splitBy && splitBy.length > 0 ? { splitBy } : {}),
    ...(baseModel !== undefined ? { baseModel: resolve(configDir, baseModel) } : {}),
    ...(saveBest !== undefined ? { saveBest: resolve(configDir, saveBest) } : {}),
    defaults,
  };
}

/** Largest image, in values (height × width × channels), the image trainer takes: 256 × 256 × 3 and then some. */
const MAX_IMAGE_VALUES = 1 << 18;

function parseImageTrainer(value: Doc, configDir: string, issues: Issues): ImageTrainerSpec | undefined {
  for (const key of ['validation', 'features'])
    if (has(value, key))
      issues.add(
        ['trainer', key],
        `is not used by trainer type image (pixels are every column but target; the split is validation_split), got ${show(value[key])}`,
      );
  if (has(value, 'task') && value.task !== 'classification')
    issues.add(['trainer', 'task'], `the image trainer does classification only, got ${show(value.task)}`);
  const shape = value.input_shape;
  if (!Array.isArray(shape)) {
    if (shape === undefined)
      issues.add(['trainer', 'input_shape'], 'is required with type image: [height, width, channels], e.g. [8, 8, 1]');
    return undefined;
  }
  if (!shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 1) || shape.length !== 3) return undefined; // the schema reported it
  const [h, w, c] = shape as [number, number, number];
  if (c !== 1 && c !== 3) issues.add(['trainer', 'input_shape', 2], `channels must be 1 (greyscale) or 3 (RGB), got ${c}`);
  if (h * w * c > MAX_IMAGE_VALUES)
    issues.add(
      ['trainer', 'input_shape'],
      `gives ${h * w * c} values per image, more than the ${MAX_IMAGE_VALUES} the image trainer takes, got ${show(shape)}`,
    );
  const defaults = parseTrainerDefaults(value.defaults, issues);
  const data = str(value.data);
  const target = str(value.target);
  const baseModel = str(value.base_model);
  const saveBest = str(value.save_best);
  if (data === undefined) return undefined;
  return {
    type: 'image',
    data: resolve(configDir, data),
    ...(target !== undefined ? { target } : {}),
    task: 'classification',
    inputShape: [h, w, c],
    validationSplit: num(value.validation_split) ?? 0.2,
    ...(int(value.split_seed) !== undefined ? { splitSeed: int(value.split_seed)! } : {}),
    ...(baseModel !== undefined ? { baseModel: resolve(configDir, baseModel) } : {}),
    ...(saveBest !== undefined ? { saveBest: resolve(configDir, saveBest) } : {}),
    defaults,
  };
}

function parseTrainerDefaults(value: unknown, issues: Issues): Readonly<Record<string, JsonValue>> {
  if (!isRecord(value)) return {};
  for (const [name, v] of Object.entries(value)) {
    const msg = checkHyperparameter(name, v as JsonValue);
    if (msg) issues.add(['trainer', 'defaults', name], msg);
  }
  return value as Record<string, JsonValue>;
}

/**
 * Checks that span the trainer spec and the searched parameters, and gives the trainer the metric that
 * `early_stopping_patience` watches (the sweep metric). The metric goes into the spec only when early stopping
 * is in play, so the trainer fingerprint (which covers the spec) changes exactly when it can change a result.
 */
export function finishTrainer(
  workload: Workload | undefined,
  parameterNames: readonly string[],
  metric: MetricSpec,
  issues: Issues,
  warn: Warn,
): Workload | undefined {
  if (workload?.kind !== 'trainer') return workload;
  const t = workload.trainer;
  const searched = (name: string): boolean => parameterNames.includes(name);
  const fixed = (name: string): boolean => has(t.defaults as Record<string, unknown>, name);
  if (t.type === 'image') checkStrides(t, ['trainer', 'defaults', 'strides'], t.defaults['strides'], issues);
  const shape = trainerShape(t);
  for (const { name, problem } of hyperparameterProblems(shape)) {
    if (searched(name))
      issues.add(['parameters', name], name === 'validation_split' ? `${problem}, got a search over validation_split` : problem);
    if (fixed(name)) issues.add(['trainer', 'defaults', name], `${problem}, got ${show(t.defaults[name])}`);
  }
  if (searched('validation_split') && validationFileProblem('validation_split', shape.validationFile) === undefined) {
    warn(
      ['parameters', 'validation_split'],
      'is searched: each value holds out other rows, so metrics of trials with different splits are measured on different data and are not comparable',
    );
  }
  const normalisation = normalisationProblem(t.defaults['batch_norm'], t.defaults['layer_norm']);
  if (normalisation !== undefined) issues.add(['trainer', 'defaults', 'layer_norm'], normalisation);
  if (!searched('early_stopping_patience') && !fixed('early_stopping_patience')) return workload;
  return { kind: 'trainer', trainer: { ...t, earlyStoppingMetric: { name: metric.name, goal: metric.goal } } };
}

/**
 * The first conv layer sees the whole image: a stride longer than its shorter side would skip past it (and
 * every deeper layer sees less). Deeper layers' sizes depend on the other searched values: the trainer checks
 * those per trial. `value` undefined: nothing to check.
 */
export function checkStrides(trainer: ImageTrainerSpec, path: Path, value: unknown, issues: Issues): void {
  const side = Math.min(trainer.inputShape[0], trainer.inputShape[1]);
  if (typeof value === 'number' && value > side)
    issues.add(
      path,
      `must be at most the input's shorter side (${side}, from trainer.input_shape ${show(trainer.inputShape)}), got ${value}`,
    );
}
