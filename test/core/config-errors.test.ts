import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { ConfigError, ConfigErrors } from '../../src/core/errors.js';

const FILE = '/work/project/sweep.yml';

/** Parses and returns the errors; fails the test when the config is accepted. */
function errorsOf(text: string): readonly ConfigError[] {
  try {
    parseSweepConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigErrors);
    return (e as ConfigErrors).errors;
  }
  throw new Error(`config was accepted:\n${text}`);
}

const OBJ = 'method: random\nobjective: ./obj.mjs\nmetric: {name: loss}\n';
const X = 'parameters: {x: {values: [1, 2]}}\n';
const TRAINER = 'method: random\ntrainer: {data: d.csv, target: y, task: classification}\n';

/** [what is wrong, config, expected path, part of the message]. */
const BAD: readonly (readonly [string, string, string, string])[] = [
  ['method misspelt', `method: bayesian\nobjective: o.mjs\nmetric: {name: l}\n${X}`, 'method', 'must be one of grid, random, bayes, tpe, got "bayesian"'],
  ['method missing', `objective: o.mjs\nmetric: {name: l}\n${X}`, 'method', 'is required'],
  ['unknown top-level key', `${OBJ}${X}paramters: {}\n`, 'paramters', 'unknown key; did you mean parameters?'],
  ['unknown key far from any', `${OBJ}${X}zzz_other: 1\n`, 'zzz_other', 'unknown key; expected one of name, description, method'],
  ['min >= max', `${OBJ}parameters: {lr: {min: 0.5, max: 0.1}}\n`, 'parameters.lr.min', 'must be < max, got 0.5 >= 0.1'],
  ['min a string', `${OBJ}parameters: {lr: {min: low, max: 0.1}}\n`, 'parameters.lr.min', 'must be a number, got "low"'],
  ['unknown distribution', `${OBJ}parameters: {lr: {distribution: loguniform, min: 1, max: 2}}\n`, 'parameters.lr.distribution', 'must be one of constant, categorical'],
  ['unknown key in a parameter', `${OBJ}parameters: {lr: {min: 0.1, max: 0.2, step: 0.1}}\n`, 'parameters.lr.step', 'unknown key'],
  ['argument the distribution does not take', `${OBJ}parameters: {lr: {distribution: normal, mu: 0, min: 1}}\n`, 'parameters.lr.min', 'is not used by normal, which takes mu, sigma'],
  ['values with min (inferred categorical)', `${OBJ}parameters: {lr: {values: [1, 2], max: 3}}\n`, 'parameters.lr.max', 'is not used by categorical (inferred from values)'],
  ['only min', `${OBJ}parameters: {lr: {min: 0.1}}\n`, 'parameters.lr.max', 'is required for uniform'],
  ['empty parameter block', `${OBJ}parameters: {lr: {}}\n`, 'parameters.lr', 'must give value, values, min/max, mu/sigma, a/b or a distribution'],
  ['q alone', `${OBJ}parameters: {lr: {q: 0.1}}\n`, 'parameters.lr', 'q needs a range to quantise'],
  ['empty values', `${OBJ}parameters: {lr: {values: []}}\n`, 'parameters.lr.values', 'must have at least 1 item'],
  ['duplicate values', `${OBJ}parameters: {lr: {values: [0.1, 0.2, 0.1]}}\n`, 'parameters.lr.values', 'must be distinct, got 0.1 at positions 0 and 2'],
  ['probabilities do not sum to 1', `${OBJ}parameters: {o: {values: [a, b], probabilities: [0.5, 0.6]}}\n`, 'parameters.o.probabilities', 'must sum to 1, got 1.1'],
  ['probabilities length', `${OBJ}parameters: {o: {values: [a, b], probabilities: [1]}}\n`, 'parameters.o.probabilities', 'must have one entry per value (2), got 1'],
  ['negative probability', `${OBJ}parameters: {o: {values: [a, b], probabilities: [-0.5, 1.5]}}\n`, 'parameters.o.probabilities[0]', 'must be >= 0, got -0.5'],
  ['int_uniform with a float', `${OBJ}parameters: {n: {distribution: int_uniform, min: 1.5, max: 4}}\n`, 'parameters.n.min', 'must be an integer, got 1.5'],
  ['log_uniform_values with min 0', `${OBJ}parameters: {lr: {distribution: log_uniform_values, min: 0, max: 1}}\n`, 'parameters.lr.min', 'must be > 0, got 0'],
  ['sigma <= 0', `${OBJ}parameters: {w: {distribution: normal, sigma: 0}}\n`, 'parameters.w.sigma', 'must be > 0, got 0'],
  ['q with no multiple in range', `${OBJ}parameters: {w: {min: 0.1, max: 0.2, q: 1}}\n`, 'parameters.w.q', 'must have a multiple within [0.1, 0.2], got 1'],
  ['nested block with extra keys', `${OBJ}parameters: {opt: {parameters: {lr: {values: [1]}}, values: [2]}}\n`, 'parameters.opt.values', 'a block with nested parameters holds nothing else'],
  ['nested name clashes with a dotted name', `${OBJ}parameters: {opt.lr: {values: [1]}, opt: {parameters: {lr: {values: [2]}}}}\n`, 'parameters.opt.parameters.lr', 'duplicates the parameter "opt.lr"'],
  ['grid with a continuous parameter', `method: grid\nobjective: o.mjs\nmetric: {name: l}\nparameters: {lr: {distribution: uniform, min: 0, max: 1}}\n`, 'parameters.lr', 'method grid needs a finite set of values but uniform is continuous; give values, or q'],
  ['grid with an unbounded q_normal', `method: grid\nobjective: o.mjs\nmetric: {name: l}\nparameters: {w: {distribution: q_normal, q: 1}}\n`, 'parameters.w', 'q_normal is unbounded'],
  ['no runner', `method: random\nmetric: {name: l}\n${X}`, '', 'nothing to run: give exactly one of trainer'],
  ['two runners', `method: random\nobjective: o.mjs\nprogram: train.py\nmetric: {name: l}\n${X}`, 'program', 'cannot be combined with objective'],
  ['command without program', `${OBJ}${X}command: [python, train.py]\n`, 'command', 'only applies with program'],
  ['unknown command macro', `method: random\nprogram: t.py\ncommand: [python, "\${program}", "\${argz}"]\nmetric: {name: l}\n${X}`, 'command[2]', 'unknown macro ${argz}'],
  ['metric missing with objective', `method: random\nobjective: o.mjs\n${X}`, 'metric', 'is required with objective'],
  ['metric goal misspelt', `method: random\nobjective: o.mjs\nmetric: {name: l, goal: minimise}\n${X}`, 'metric.goal', 'must be one of minimize, maximize, got "minimise"'],
  ['metric without a name', `method: random\nobjective: o.mjs\nmetric: {goal: minimize}\n${X}`, 'metric.name', 'is required'],
  ['hyperband without min_iter or max_iter', `${OBJ}${X}early_terminate: {type: hyperband, eta: 2}\n`, 'early_terminate.min_iter', 'is required: hyperband takes min_iter, or max_iter together with s'],
  ['hyperband max_iter without s', `${OBJ}${X}early_terminate: {type: hyperband, max_iter: 27}\n`, 'early_terminate.s', 'is required'],
  ['hyperband eta <= 1', `${OBJ}${X}early_terminate: {type: hyperband, min_iter: 1, eta: 1}\n`, 'early_terminate.eta', 'must be > 1, got 1'],
  ['median key on hyperband', `${OBJ}${X}early_terminate: {type: hyperband, min_iter: 1, warmup_steps: 2}\n`, 'early_terminate.warmup_steps', 'is not used by type hyperband'],
  ['unknown early_terminate type', `${OBJ}${X}early_terminate: {type: envelope}\n`, 'early_terminate.type', 'must be one of hyperband, median, got "envelope"'],
  ['run_cap not an integer', `${OBJ}${X}run_cap: 2.5\n`, 'run_cap', 'must be an integer, got 2.5'],
  ['run_cap and budget.trials disagree', `${OBJ}${X}run_cap: 10\nbudget: {trials: 20}\n`, 'budget.trials', 'must equal run_cap when both are set, got 20 != 10'],
  ['budget minutes <= 0', `${OBJ}${X}budget: {minutes: 0}\n`, 'budget.minutes', 'must be > 0, got 0'],
  ['seed not an integer', `${OBJ}${X}seed: abc\n`, 'seed', 'must be an integer, got "abc"'],
  ['repeats 0', `${OBJ}${X}repeats: 0\n`, 'repeats', 'must be >= 1, got 0'],
  ['gate threshold not a percentage', `${OBJ}${X}gate: {loss: "2 percent"}\n`, 'gate.loss', 'must look like "2%"'],
  ['gate negative threshold', `${OBJ}${X}gate: {loss: -0.1}\n`, 'gate.loss', 'must be >= 0, got -0.1'],
  ['gate alpha out of (0,1)', `${OBJ}${X}gate: {loss: {threshold: 0.1, alpha: 1.5}}\n`, 'gate.loss.alpha', 'must be < 1, got 1.5'],
  ['gate rule without threshold', `${OBJ}${X}gate: {loss: {alpha: 0.1}}\n`, 'gate.loss.threshold', 'is required'],
  ['gate goal contradicts metric.goal', `${OBJ}${X}gate: {loss: {threshold: 0.1, goal: maximize}}\n`, 'gate.loss.goal', 'contradicts metric.goal (minimize)'],
  ['stage names an unknown parameter', `${OBJ}${X}stages: [{parameters: [x]}, {parameters: [y]}]\n`, 'stages[1].parameters[0]', 'is not a parameter of this sweep (parameters: x), got "y"'],
  ['stage without parameters', `${OBJ}${X}stages: [{trials: 3}]\n`, 'stages[0].parameters', 'is required'],
  ['fingerprint not a string', `${OBJ}${X}fingerprint: [1]\n`, 'fingerprint[0]', 'must be a string, got 1'],
  ['trainer task missing', `method: random\ntrainer: {data: d.csv, target: y}\nparameters: {units: {values: [4]}}\n`, 'trainer.task', 'is required'],
  ['trainer task misspelt', `method: random\ntrainer: {data: d.csv, target: y, task: classify}\nparameters: {units: {values: [4]}}\n`, 'trainer.task', 'must be one of classification, regression'],
  ['validation_split of 1', `method: random\ntrainer: {data: d.csv, target: y, task: regression, validation_split: 1}\nparameters: {units: {values: [4]}}\n`, 'trainer.validation_split', 'must be < 1, got 1'],
  ['validation and validation_split', `method: random\ntrainer: {data: d.csv, target: y, task: regression, validation: v.csv, validation_split: 0.1}\nparameters: {units: {values: [4]}}\n`, 'trainer.validation_split', 'cannot be combined with validation'],
  ['target among features', `method: random\ntrainer: {data: d.csv, target: y, task: regression, features: [a, y]}\nparameters: {units: {values: [4]}}\n`, 'trainer.features[1]', 'must not include the target column'],
  ['unknown trainer hyperparameter', `${TRAINER}parameters: {lr: {values: [0.1]}}\n`, 'parameters.lr', 'not a trainer hyperparameter (known: epochs, batch_size'],
  ['trainer categorical value out of range', `${TRAINER}parameters: {optimizer: {values: [adam, nadam]}}\n`, 'parameters.optimizer.values[1]', 'must be one of sgd, momentum, adam'],
  ['dropout max 1.5', `${TRAINER}parameters: {dropout: {min: 0.0, max: 1.5}}\n`, 'parameters.dropout.max', 'must be in [0, 1), got 1.5'],
  ['dropout 0..1 inferred as int_uniform', `${TRAINER}parameters: {dropout: {min: 0, max: 1}}\n`, 'parameters.dropout.max', 'int_uniform inferred from integer min/max'],
  ['log_uniform exponents out of range for momentum', `${TRAINER}parameters: {momentum: {distribution: log_uniform, min: 0.5, max: 0.99}}\n`, 'parameters.momentum.min', 'log_uniform takes exponents'],
  ['integer hyperparameter with a float distribution', `${TRAINER}parameters: {units: {min: 8.0, max: 64.0}}\n`, 'parameters.units', 'units takes integers but uniform gives fractions'],
  ['learning_rate from an unbounded normal', `${TRAINER}parameters: {learning_rate: {distribution: normal, mu: 0.01, sigma: 0.001}}\n`, 'parameters.learning_rate', 'normal is unbounded below, but learning_rate must be > 0'],
  ['batch_norm from numbers', `${TRAINER}parameters: {batch_norm: {min: 0, max: 1}}\n`, 'parameters.batch_norm', 'batch_norm takes true or false'],
  ['constant with a bad value', `${TRAINER}parameters: {epochs: {value: 0}}\n`, 'parameters.epochs.value', 'must be in [1, 10000], got 0'],
  ['trainer.defaults with a bad value', `method: random\ntrainer: {data: d.csv, target: y, task: regression, defaults: {epochs: -1}}\nparameters: {units: {values: [4]}}\n`, 'trainer.defaults.epochs', 'must be in [1, 10000], got -1'],
  ['trainer metric it does not report', `${TRAINER}metric: {name: val_mae}\nparameters: {units: {values: [4]}}\n`, 'metric.name', 'the tabular trainer (classification) reports loss, val_loss, accuracy, val_accuracy, got "val_mae"'],
  ['gate on a metric the trainer does not report', `${TRAINER}parameters: {units: {values: [4]}}\ngate: {val_acc: 0.01}\n`, 'gate.val_acc', 'reports loss, val_loss, accuracy, val_accuracy'],
  ['parameters missing', `${OBJ}`, 'parameters', 'is required'],
  ['parameters empty', `${OBJ}parameters: {}\n`, 'parameters', 'must have at least 1 entry'],
  ['name with a comma', `name: "a,b"\n${OBJ}${X}`, 'name', 'must not contain commas'],
  ['infinite number', `${OBJ}parameters: {lr: {min: 0.1, max: .inf}}\n`, 'parameters.lr.max', 'must be a finite number, got Infinity'],
  ['non-finite choice', `${OBJ}parameters: {lr: {values: [1, .nan]}}\n`, 'parameters.lr.values[1]', 'must be a finite number, got NaN'],
  ['not a mapping', `- method: grid\n`, '', 'must be a mapping of sweep keys'],
  ['duplicate key', `method: grid\nmethod: random\n`, '', 'invalid YAML: Map keys must be unique'],
  ['broken YAML', `method: grid\nparameters: [1, 2\n`, '', 'invalid YAML'],
];

describe('bad configs name the path and the problem', () => {
  it('has more than 25 distinct cases', () => {
    expect(new Set(BAD.map(([, text]) => text)).size).toBe(BAD.length);
    expect(BAD.length).toBeGreaterThan(25);
  });

  it.each(BAD)('%s', (_, text, path, message) => {
    const errors = errorsOf(text);
    const hit = errors.find((e) => e.path === path && e.message.includes(message));
    expect(hit, `expected ${path}: …${message}… in\n${errors.map((e) => e.message).join('\n')}`).toBeDefined();
    expect(hit!.message).toBe(path ? `${path}: ${hit!.message.slice(path.length + 2)}` : hit!.message);
  });
});

describe('every problem at once', () => {
  it('lists structural and semantic problems together, in document order', () => {
    const errors = errorsOf(`method: bayesian\nobjective: o.mjs\nmetric: {name: l}\nparameters:\n  lr: {min: 0.5, max: 0.1}\n  n: {values: []}\nfoo: 1\n`);
    expect(errors.map((e) => e.path)).toEqual(['method', 'parameters.n.values', 'parameters.lr.min', 'foo']);
  });

  it('a structural error hides the semantic echo at the same path', () => {
    const errors = errorsOf(`${OBJ}parameters: {lr: {min: "a", max: 1.0}}\n`);
    expect(errors.map((e) => e.message)).toEqual(['parameters.lr.min: must be a number, got "a"']);
  });

  it('ConfigErrors message has one line per problem', () => {
    const text = `method: nope\nrun_cap: 0\n${X}objective: o.mjs\nmetric: {name: l}\n`;
    expect(() => parseSweepConfig(text, FILE)).toThrow(
      new ConfigErrors(errorsOf(text)).message,
    );
    expect(errorsOf(text).map((e) => e.message)).toEqual([
      'method: must be one of grid, random, bayes, tpe, got "nope"',
      'run_cap: must be >= 1, got 0',
    ]);
  });
});

describe('one message per problem', () => {
  it.each([
    ['a rejected list item is not reported again for the list', `${OBJ}parameters: {o: {values: [a, b], probabilities: [-0.5, 1.5]}}\n`, 1],
    ['a non-finite number is reported once', `${OBJ}parameters: {lr: {min: 0.1, max: .inf}}\n`, 1],
    ['both ends of a bad log_uniform range are reported', `${TRAINER}parameters: {momentum: {distribution: log_uniform, min: 0.5, max: 0.99}}\n`, 2],
  ] as const)('%s', (_, text, count) => {
    expect(errorsOf(text)).toHaveLength(count);
  });
});
