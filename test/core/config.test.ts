import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_COMMAND } from '../../src/core/command.js';
import { inferGoal, parseSweepConfig, SWEEP_SCHEMA } from '../../src/core/config/index.js';
import type { SweepConfig } from '../../src/core/config/types.js';
import { ConfigError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const configs = join(root, 'fixtures/configs');

function load(rel: string): SweepConfig {
  const file = join(configs, rel);
  return parseSweepConfig(readFileSync(file, 'utf8'), file);
}

const FILE = '/work/project/ml/sweep.yml';
const parse = (text: string, file = FILE): SweepConfig => parseSweepConfig(text, file);
const dist = (c: SweepConfig, name: string) => c.space.find((p) => p.name === name)!.dist;

const OBJECTIVE = 'method: random\nobjective: ./obj.mjs\nmetric: {name: loss}\n';

describe('fixture configs load', () => {
  const files = [
    ...readdirSync(configs).filter((f) => /\.ya?ml$|\.json$/.test(f)),
    'objective/sweep.yml',
    ...readdirSync(join(configs, 'wandb')).map((f) => `wandb/${f}`),
  ];

  it.each(files)('%s', (rel) => {
    const c = load(rel);
    expect(c.space.length).toBeGreaterThan(0);
    expect(c.configHash).toMatch(/^[0-9a-f]{64}$/);
    const rng = new Rng(1);
    for (const p of c.space) expect(p.dist.contains(p.dist.sample(rng))).toBe(true);
  });

  it('the shipped JSON Schema accepts every valid fixture (what editors check)', () => {
    const validate = new Ajv({ allowUnionTypes: true }).compile(SWEEP_SCHEMA);
    for (const rel of files) expect(validate(parseYaml(readFileSync(join(configs, rel), 'utf8'))), rel).toBe(true);
  });

  it('every invalid fixture fails with a ConfigError', () => {
    for (const f of readdirSync(join(configs, 'invalid'))) expect(() => load(`invalid/${f}`), f).toThrow(ConfigError);
  });
});

describe('real W&B sweep files', () => {
  it('sweep-bayes-hyperband.yaml: entity/project ignored, program resolved, default command', () => {
    const c = load('wandb/sweep-bayes-hyperband.yaml');
    expect(c.name).toBe('sweepdemo');
    expect(c.method).toBe('bayes');
    expect(c.metric).toEqual({ name: 'validation_loss', goal: 'minimize' });
    expect(c.workload).toMatchObject({
      kind: 'program',
      program: join(configs, 'wandb/train.py'),
      programAsWritten: 'train.py',
      programKind: 'file',
      wandb: 'stand-in',
      command: [...DEFAULT_COMMAND],
    });
    expect(c.earlyTerminate).toEqual({ type: 'hyperband', minIter: 3, eta: 3 });
    expect(dist(c, 'learning_rate').name).toBe('uniform');
    expect(dist(c, 'batch_size').values()).toEqual([16, 32, 64]);
    expect(c.raw.entity).toBe('my-team');
  });

  it('sweep-grid-command.yaml: nested parameters flatten to dotted names, custom command kept', () => {
    const c = load('wandb/sweep-grid-command.yaml');
    expect(c.space.map((p) => p.name)).toEqual(['epochs', 'optimizer.name', 'optimizer.lr', 'model.depth', 'model.width']);
    expect(dist(c, 'model.depth').values()).toEqual([2, 3, 4]);
    expect(c.workload).toMatchObject({ kind: 'program', command: ['${env}', 'python3', '${program}', '--config', '${args_json_file}'] });
    expect(c.budget).toEqual({ trials: 20 });
    expect(c.metric).toEqual({ name: 'val_acc', goal: 'maximize', target: 0.99 });
  });

  it('sweep-distributions.yaml: every distribution name, explicit or inferred', () => {
    const c = load('wandb/sweep-distributions.yaml');
    const names = Object.fromEntries(c.space.map((p) => [p.name, p.dist.name]));
    expect(names).toMatchObject({
      constant_inferred: 'constant',
      categorical: 'categorical',
      weighted: 'categorical_w_probabilities',
      int_inferred: 'int_uniform',
      float_inferred: 'uniform',
      normal_defaults: 'normal',
    });
    for (const p of c.space)
      if (!p.name.endsWith('_inferred') && !['categorical', 'weighted', 'normal_defaults'].includes(p.name))
        expect(p.dist.name).toBe(p.name);
  });

  it('sweep-hyperband-max-iter.yml: the rungs are max_iter / eta^i for i = s..1, as W&B computes them', () => {
    expect(load('wandb/sweep-hyperband-max-iter.yml').earlyTerminate).toEqual({
      type: 'hyperband',
      minIter: 3,
      eta: 3,
      maxIter: 27,
      s: 2,
      rungs: [3, 9],
    });
  });

  it('sweep.json: JSON loads like YAML, name from the file name', () => {
    const c = load('wandb/sweep.json');
    expect(c.name).toBe('sweep');
    expect(dist(c, 'layers').name).toBe('int_uniform');
    expect(dist(c, 'batch_size').values()).toEqual([
      32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160, 168, 176, 184, 192, 200, 208, 216, 224, 232, 240, 248,
      256,
    ]);
  });
});

describe('trainer configs', () => {
  it('iris: paths absolute from the config folder, defaults kept, gate parsed', () => {
    const c = load('iris-classification.yml');
    expect(c.configDir).toBe(configs);
    expect(c.workload).toEqual({
      kind: 'trainer',
      trainer: {
        type: 'tabular',
        data: join(root, 'fixtures/data/iris.csv'),
        target: 'species',
        task: 'classification',
        validationSplit: 0.25,
        defaults: { epochs: 15, batch_size: 16 },
      },
    });
    expect(c.gate).toEqual([
      { metric: 'val_accuracy', goal: 'maximize', threshold: { kind: 'absolute', value: 0.02 }, alpha: 0.05, on: 'champion' },
      { metric: 'val_loss', goal: 'minimize', threshold: { kind: 'relative', fraction: 0.1 }, alpha: 0.05, on: 'champion' },
    ]);
    expect(c.earlyTerminate).toEqual({ type: 'median', warmupSteps: 3, minTrials: 5 });
    expect(dist(c, 'layers').name).toBe('int_uniform');
    expect(dist(c, 'dropout').name).toBe('uniform');
  });

  it('metric defaults to val_loss minimised with a trainer', () => {
    const c = load('separable-grid.yml');
    expect(c.metric).toEqual({ name: 'val_loss', goal: 'minimize' });
    expect(c.name).toBe('separable-grid');
    expect(c.workload.kind === 'trainer' && c.workload.trainer.validationSplit).toBe(0.2);
  });

  it('stages, budget, fingerprint and repeats', () => {
    const c = load('linear-staged.yml');
    expect(c.stages).toEqual([{ parameters: ['optimizer', 'learning_rate'], trials: 6 }, { parameters: ['units', 'activation'] }]);
    expect(c.budget).toEqual({ trials: 12, minutes: 5 });
    expect(c.fingerprint).toEqual(['../data/make.mjs']);
    expect(load('diabetes-regression.yml').repeats).toBe(2);
    expect(dist(load('diabetes-regression.yml'), 'l2').values()).toEqual([0, 0.001, 0.002]);
  });

  it('a validation file resolves from the config folder', () => {
    const c = parse(
      'method: random\ntrainer: {data: data/train.csv, validation: ../val.csv, target: y, task: regression}\nparameters: {units: {values: [4]}}\n',
    );
    expect(c.workload).toMatchObject({ trainer: { data: '/work/project/ml/data/train.csv', validation: '/work/project/val.csv' } });
  });
});

describe('defaults', () => {
  const c = parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\n`);
  it.each([
    ['name (file base name)', c.name, 'sweep'],
    ['seed', c.seed, 0],
    ['repeats', c.repeats, 1],
    ['stages', c.stages, []],
    ['gate', c.gate, []],
    ['fingerprint', c.fingerprint, []],
    ['budget', c.budget, {}],
    ['goal', c.metric.goal, 'minimize'],
    ['objective path', c.workload, { kind: 'objective', module: '/work/project/ml/obj.mjs' }],
  ])('%s', (_, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('hyperband eta defaults to 3; median to warmup 1, min_trials 5', () => {
    expect(parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nearly_terminate: {type: hyperband, min_iter: 2}\n`).earlyTerminate).toEqual({
      type: 'hyperband',
      minIter: 2,
      eta: 3,
    });
    expect(parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nearly_terminate: {type: median}\n`).earlyTerminate).toEqual({
      type: 'median',
      warmupSteps: 1,
      minTrials: 5,
    });
  });

  it("hyperband max_iter + s: exactly W&B's bands, ⌊max_iter / eta^i⌋ for i = s..1", () => {
    const et = (text: string) => parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nearly_terminate: ${text}\n`).earlyTerminate;
    expect(et('{type: hyperband, max_iter: 10, s: 2}')).toEqual({
      type: 'hyperband',
      minIter: 1,
      eta: 3,
      maxIter: 10,
      s: 2,
      rungs: [1, 3],
    });
    expect(et('{type: hyperband, max_iter: 50, s: 2, eta: 3}')).toMatchObject({ minIter: 5, rungs: [5, 16] });
    expect(et('{type: hyperband, max_iter: 81, s: 9, eta: 3}')).toMatchObject({ rungs: [1, 3, 9, 27] });
  });

  it("hyperband min_iter + s (W&B's schema allows it): s is ignored, as W&B does, with a warning", () => {
    const c = parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nearly_terminate: {type: hyperband, min_iter: 2, s: 3}\n`);
    expect(c.earlyTerminate).toEqual({ type: 'hyperband', minIter: 2, eta: 3 });
    expect(c.warnings).toEqual(['early_terminate.s: is ignored without max_iter (as in W&B): the rungs are min_iter · eta^k = 2, 6, ...']);
    const both = parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nearly_terminate: {type: hyperband, min_iter: 2, max_iter: 27, s: 2}\n`);
    expect(both.earlyTerminate).toMatchObject({ minIter: 3, rungs: [3, 9] });
    expect(both.warnings).toEqual(['early_terminate.min_iter: is ignored when max_iter and s are given (as in W&B): the rungs are 3, 9']);
  });

  it('fingerprint as a single string becomes a list', () => {
    expect(parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nfingerprint: "src/**/*.py"\n`).fingerprint).toEqual(['src/**/*.py']);
  });

  it('run_cap and budget.trials may both be given when equal', () => {
    expect(parse(`${OBJECTIVE}parameters: {x: {values: [1]}}\nrun_cap: 5\nbudget: {trials: 5}\n`).budget).toEqual({ trials: 5 });
  });
});

describe('W&B inference when distribution is absent', () => {
  it.each([
    ['{value: 0.1}', 'constant'],
    ['{value: null}', 'constant'],
    ['{values: [1, 2]}', 'categorical'],
    ['{values: [1, 2], probabilities: [0.3, 0.7]}', 'categorical_w_probabilities'],
    ['{min: 1, max: 5}', 'int_uniform'],
    ['{min: 1.0, max: 5}', 'uniform'],
    ['{min: 1, max: 5.0}', 'uniform'],
    ['{min: 0.001, max: 0.1}', 'uniform'],
    ['{min: 1e-3, max: 1}', 'uniform'],
    ['{min: 0, max: 1, q: 0.1}', 'q_uniform'],
    ['{mu: 0, sigma: 1}', 'normal'],
    ['{sigma: 2}', 'normal'],
    ['{mu: 0, sigma: 1, q: 0.5}', 'q_normal'],
    ['{a: 2, b: 3}', 'beta'],
    ['{a: 2, b: 3, q: 0.1}', 'q_beta'],
  ])('%s → %s', (block, name) => {
    expect(dist(parse(`${OBJECTIVE}parameters: {x: ${block}}\n`), 'x').name).toBe(name);
  });

  it('integer-looking floats in JSON are floats too', () => {
    const c = parse(
      JSON.stringify({ method: 'random', objective: 'o.mjs', metric: { name: 'l' } }).replace(
        /}$/,
        ',"parameters":{"x":{"min":0.0,"max":1.0}}}',
      ),
      '/a/s.json',
    );
    expect(dist(c, 'x').name).toBe('uniform');
  });
});

describe('nested parameters', () => {
  it('flatten through several levels, in document order', () => {
    const c = parse(`${OBJECTIVE}parameters:
  a:
    parameters:
      b:
        parameters:
          c: {values: [1, 2]}
      d: {value: x}
  e: {min: 0.0, max: 1.0}
`);
    expect(c.space.map((p) => p.name)).toEqual(['a.b.c', 'a.d', 'e']);
  });
});

describe('YAML merge keys (PyYAML, and so W&B, applies them)', () => {
  const anchored = `program: train.py
method: bayes
metric: {name: val_loss, goal: minimize}
parameters:
  lr: &lr_range
    distribution: log_uniform_values
    min: 0.0001
    max: 0.1
  head_lr:
    <<: *lr_range
    max: 0.01
  width: &float_range {min: 1.0, max: 8}
  depth:
    <<: [*float_range]
  optimizer:
    parameters:
      momentum:
        <<: *float_range
        max: 0.99
        min: 0.5
`;

  it('merged keys apply, own keys win, nested blocks and lists of anchors work', () => {
    const c = parse(anchored);
    expect(c.space.map((p) => p.name)).toEqual(['lr', 'head_lr', 'width', 'depth', 'optimizer.momentum']);
    const headLr = dist(c, 'head_lr');
    expect(headLr.name).toBe('log_uniform_values');
    expect([headLr.fromUnit(0), headLr.fromUnit(1)]).toEqual([0.0001, 0.01]);
    expect(c.raw.parameters).toMatchObject({ head_lr: { distribution: 'log_uniform_values', min: 0.0001, max: 0.01 } });
    const momentum = dist(c, 'optimizer.momentum');
    expect([momentum.fromUnit(0), momentum.fromUnit(1)]).toEqual([0.5, 0.99]);
  });

  it('inference reads how a merged number was written: 1.0 through an anchor is still a float', () => {
    const c = parse(anchored);
    expect(dist(c, 'width').name).toBe('uniform');
    expect(dist(c, 'depth').name).toBe('uniform');
  });
});

describe('warnings: valid configs that probably do not mean what they say', () => {
  const warningsOf = (block: string): readonly string[] => parse(`${OBJECTIVE}parameters: {lr: ${block}}\n`).warnings;

  it('none for an ordinary config', () => {
    expect(warningsOf('{min: 0.0001, max: 0.1}')).toEqual([]);
    expect(load('wandb/sweep-distributions.yaml').warnings).toEqual([]);
  });

  it.each([
    [
      '{distribution: log_uniform, min: 0.0001, max: 0.1}',
      'log_uniform takes exponents, so values will be in [1.0001, 1.105]; for bounds given as values use log_uniform_values',
    ],
    [
      '{distribution: q_log_uniform, min: 0.5, max: 1, q: 0.01}',
      'q_log_uniform takes exponents, so values will be in [1.649, 2.718]; for bounds given as values use q_log_uniform_values',
    ],
    [
      '{distribution: inv_log_uniform, min: 0.0001, max: 0.1}',
      'inv_log_uniform takes exponents, so values will be in [0.9048, 0.9999]; for bounds given as values use inv_log_uniform_values',
    ],
  ])('exponent bounds that look like values: %s', (block, message) => {
    expect(warningsOf(block)).toEqual([`parameters.lr: ${message}`]);
  });

  it.each([
    '{distribution: log_uniform, min: -9.2, max: -2.3}',
    '{distribution: log_uniform, min: 0, max: 1}',
    '{distribution: log_uniform, min: 0.5, max: 2}',
    '{distribution: log_uniform_values, min: 0.0001, max: 0.1}',
  ])('none for bounds that are plausibly exponents, or for the _values forms: %s', (block) => {
    expect(warningsOf(block)).toEqual([]);
  });
});

describe('document identity', () => {
  it('configHash ignores key order and YAML vs JSON; raw is the parsed document', () => {
    const a = parse(`${OBJECTIVE}parameters: {x: {values: [1, 2.0]}}\nseed: 3\n`);
    const b = parse(
      JSON.stringify({
        seed: 3,
        parameters: { x: { values: [1, 2] } },
        metric: { name: 'loss' },
        objective: './obj.mjs',
        method: 'random',
      }),
    );
    expect(a.configHash).toBe(b.configHash);
    expect(a.raw).toEqual(b.raw);
    expect(parse(`${OBJECTIVE}parameters: {x: {values: [1, 3]}}\nseed: 3\n`).configHash).not.toBe(a.configHash);
  });

  it('`pr:` says how a PR runs, not what a trial computes: it is left out of configHash, and defaults to search, warm start 3', () => {
    const a = parse(`${OBJECTIVE}parameters: {x: {values: [1, 2]}}\n`);
    const b = parse(`${OBJECTIVE}parameters: {x: {values: [1, 2]}}\npr: {search: false, warm_start: 0}\n`);
    expect(a.pr).toEqual({ search: true, warmStart: 3 });
    expect(b.pr).toEqual({ search: false, warmStart: 0 });
    expect(b.configHash).toBe(a.configHash);
    expect(b.raw.pr).toEqual({ search: false, warm_start: 0 });
    const bad = (pr: string) => () => parse(`${OBJECTIVE}parameters: {x: {values: [1, 2]}}\npr: ${pr}\n`);
    expect(bad("{search: 'no'}")).toThrow(/pr\.search: .*no/);
    expect(bad('{warm_start: -1}')).toThrow(/pr\.warm_start: .*-1/);
    expect(bad('{searh: false}')).toThrow(/pr\.searh: unknown key; did you mean search/);
  });
});

describe('inferGoal', () => {
  it.each([
    ['val_accuracy', 'maximize'],
    ['val_auc', 'maximize'],
    ['F1', 'maximize'],
    ['precision', 'maximize'],
    ['val_r2', 'maximize'],
    ['score', 'maximize'],
    ['val_loss', 'minimize'],
    ['val_rmse', 'minimize'],
    ['mae', 'minimize'],
  ] as const)('%s → %s', (name, goal) => {
    expect(inferGoal(name)).toBe(goal);
  });

  it('the sweep metric gate uses metric.goal, other metrics their inferred goal', () => {
    const c = parse(
      `method: random\nobjective: o.mjs\nmetric: {name: loss_like, goal: maximize}\nparameters: {x: {values: [1]}}\ngate: {loss_like: 0.1, val_acc: "1.5%", err: {threshold: 2, goal: maximize, alpha: 0.01}}\n`,
    );
    expect(c.gate).toEqual([
      { metric: 'loss_like', goal: 'maximize', threshold: { kind: 'absolute', value: 0.1 }, alpha: 0.05, on: 'champion' },
      { metric: 'val_acc', goal: 'maximize', threshold: { kind: 'relative', fraction: 0.015 }, alpha: 0.05, on: 'champion' },
      { metric: 'err', goal: 'maximize', threshold: { kind: 'absolute', value: 2 }, alpha: 0.01, on: 'champion' },
    ]);
  });
});

describe('trainer hyperparameters that span the config', () => {
  const TRAINER_CFG =
    'method: random\ntrainer: {data: d.csv, target: y, task: classification}\nmetric: {name: val_accuracy, goal: maximize}\n';

  it('a searched validation_split is accepted with a warning that its trials are not comparable', () => {
    const c = parse(`${TRAINER_CFG}parameters: {validation_split: {values: [0.2, 0.3]}}\n`);
    expect(c.warnings).toEqual([
      'parameters.validation_split: is searched: each value holds out other rows, so metrics of trials with different splits are measured on different data and are not comparable',
    ]);
    expect(c.space.map((p) => p.name)).toEqual(['validation_split']);
  });

  it('early stopping hands the trainer the sweep metric; without it the trainer spec is as before', () => {
    const searched = parse(`${TRAINER_CFG}parameters: {early_stopping_patience: {values: [0, 3]}}\n`);
    expect(searched.workload).toMatchObject({ trainer: { earlyStoppingMetric: { name: 'val_accuracy', goal: 'maximize' } } });
    const fixed = parse(
      `method: random\ntrainer: {data: d.csv, target: y, task: regression, defaults: {early_stopping_patience: 2}}\nparameters: {units: {values: [4]}}\n`,
    );
    expect(fixed.workload).toMatchObject({ trainer: { earlyStoppingMetric: { name: 'val_loss', goal: 'minimize' } } });
    const none = parse(`${TRAINER_CFG}parameters: {units: {values: [4, 8]}}\n`);
    expect(none.workload.kind === 'trainer' && 'earlyStoppingMetric' in none.workload.trainer).toBe(false);
  });
});

describe('parallel', () => {
  const trainer = 'method: random\ntrainer: {data: d.csv, target: y, task: classification}\nparameters: {epochs: {value: 1}}\n';
  it('is accepted for the built-in trainer (worker threads) and left to the engine when absent', () => {
    expect(parseSweepConfig(`${trainer}parallel: 4\n`, '/w/sweep.yml').parallel).toBe(4);
    expect(parseSweepConfig(trainer, '/w/sweep.yml').parallel).toBeUndefined();
  });
});
