import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseSweepConfig, SWEEP_SCHEMA } from '../../src/core/config/index.js';
import type { ProgramWorkload, SweepConfig } from '../../src/core/config/types.js';
import { ConfigError } from '../../src/core/errors.js';

// The W&B sweep.yaml dialect as PyYAML and W&B's agent read it.
const FILE = '/work/project/sweep.yaml';
const parse = (text: string): SweepConfig => parseSweepConfig(text, FILE);
const program = (c: SweepConfig): ProgramWorkload => {
  if (c.workload.kind !== 'program') throw new Error('not a program runner');
  return c.workload;
};
const HEAD = 'program: train.py\nmethod: random\nmetric: {name: loss}\n';

describe('YAML as PyYAML reads it', () => {
  it('yes/no/on/off are booleans (YAML 1.1), quoted ones stay strings', () => {
    const c = parse(`${HEAD}parameters:\n  a: {values: [yes, off, "yes"]}\n  b: {value: On}\n`);
    expect(c.space[0]!.dist.values()).toEqual([true, false, 'yes']);
    expect(c.space[1]!.dist.values()).toEqual([true]);
    expect(c.warnings).toEqual([]);
  });

  it('repeated keys: the last one wins, as in PyYAML, with a warning naming the key', () => {
    const c = parse(`${HEAD}parameters:\n  lr: {values: [1, 2]}\n  lr: {values: [3]}\nrun_cap: 4\nrun_cap: 5\n`);
    expect(c.space[0]!.dist.values()).toEqual([3]);
    expect(c.budget.trials).toBe(5);
    expect(c.warnings).toEqual([
      'run_cap: is given 2 times; the last one is used, as PyYAML (W&B) does',
      'parameters.lr: is given 2 times; the last one is used, as PyYAML (W&B) does',
    ]);
  });

  it('1e-5 stays a number (PyYAML would read a string) and says so; 1.0e-5 does not warn', () => {
    const c = parse(`${HEAD}parameters:\n  lr: {values: [1e-5, 2.0e-05]}\n`);
    expect(c.space[0]!.dist.values()).toEqual([0.00001, 0.00002]);
    expect(c.warnings).toEqual([
      'parameters.lr.values[0]: 1e-5 is read as the number 0.00001; PyYAML (W&B) reads the string "1e-5". Write it as 1.0e-5 to mean the same number in both',
    ]);
  });
});

describe('command as W&B runs it', () => {
  it('numbers and booleans in command become strings as Python str() writes them', () => {
    const c = parse(`${HEAD}command: [python, "\${program}", --epochs, 40, --lr, 0.50, --flag, true]\nparameters: {a: {value: 1}}\n`);
    expect(program(c).command).toEqual(['python', '${program}', '--epochs', '40', '--lr', '0.5', '--flag', 'True']);
  });

  it('known macros, ${envvar:NAME} and ${args_no_equals} are fine; a parameter as a macro and unknown macros warn', () => {
    const c = parse(
      `${HEAD}command: ["\${env}", python, "\${program}", "\${args_no_equals}", "\${envvar:DATA}", -b, "\${batch_size}", "\${project}", "--x=\${args_json_file}"]\nparameters: {batch_size: {values: [16, 32]}}\n`,
    );
    expect(c.warnings).toEqual([
      "command[6]: ${batch_size} is the value of parameter batch_size; W&B's agent expands only its own macros and would drop this item",
      expect.stringMatching(
        /^command\[7\]: \$\{project\} is not a macro \(known: .*\) nor a parameter; the item is dropped, as W&B's agent drops it$/,
      ),
      "command[8]: ${args_json_file} inside a longer item is expanded by sweepgate; W&B's agent expands only whole items and would pass it as written",
    ]);
  });

  it('program kinds: a file after an interpreter, a module after -m, otherwise a command', () => {
    const kind = (cmd: string): string => program(parse(`${HEAD}command: ${cmd}\nparameters: {a: {value: 1}}\n`)).programKind;
    expect(kind('["${env}", "${interpreter}", "${program}", "${args}"]')).toBe('file');
    expect(kind('["${env}", python3, "${program}"]')).toBe('file');
    expect(kind('["${env}", python, -m, "${program}", "${args}"]')).toBe('module');
    expect(kind('["${env}", "${program}", "${args}"]')).toBe('command');
    expect(program(parse(`${HEAD}parameters: {a: {value: 1}}\n`)).programAsWritten).toBe('train.py');
  });

  it('wandb: stand-in by default, real on request, and only with program', () => {
    expect(program(parse(`${HEAD}parameters: {a: {value: 1}}\n`)).wandb).toBe('stand-in');
    expect(program(parse(`${HEAD}wandb: real\nparameters: {a: {value: 1}}\n`)).wandb).toBe('real');
    expect(() => parse(`${HEAD}wandb: fake\nparameters: {a: {value: 1}}\n`)).toThrow(/wandb: must be one of stand-in, real, got "fake"/);
    expect(() => parse('objective: o.mjs\nmethod: random\nmetric: {name: l}\nwandb: real\nparameters: {a: {value: 1}}\n')).toThrow(
      /wandb: only applies with program, got it beside objective/,
    );
  });
});

describe('Python number types of parameters', () => {
  const numbers = (params: string) => program(parse(`${HEAD}parameters:\n${params}`)).pyNumbers;

  it("q_* without q uses W&B's default q = 1.0 and gives floats; an integer q gives ints", () => {
    const n = numbers(
      '  a: {distribution: q_uniform, min: 100, max: 200}\n  b: {distribution: q_uniform, min: 100, max: 200, q: 10}\n  c: {distribution: q_uniform, min: 0, max: 1, q: 0.5}\n  d: {distribution: q_log_uniform_values, min: 1, max: 100, q: 1.0}\n',
    );
    expect(n).toEqual({ a: { kind: 'float' }, b: { kind: 'int' }, c: { kind: 'float' }, d: { kind: 'float' } });
  });

  it('int_uniform ints, uniform floats, choices as written', () => {
    const n = numbers('  i: {min: 1, max: 5}\n  u: {min: 1.0, max: 5}\n  v: {values: [1, 2.0, [800.0, 600]]}\n  k: {value: 3.0}\n');
    expect(n.i).toEqual({ kind: 'int' });
    expect(n.u).toEqual({ kind: 'float' });
    expect(n.v).toEqual({
      kind: 'choices',
      choices: [
        { value: 1, floats: [] },
        { value: 2, floats: [[]] },
        { value: [800, 600], floats: [[0]] },
      ],
    });
    expect(n.k).toEqual({ kind: 'choices', choices: [{ value: 3, floats: [[]] }] });
  });

  it('nested parameters keep their key path; a dotted top-level name is one key', () => {
    const c = parse(`${HEAD}parameters:\n  optimizer:\n    parameters:\n      lr: {value: 0.1}\n  model.depth: {value: 2}\n`);
    expect(program(c).paramPaths).toEqual({ 'optimizer.lr': ['optimizer', 'lr'], 'model.depth': ['model.depth'] });
  });

  it('still rejects a real error, naming the field and value', () => {
    expect(() => parse(`${HEAD}parameters: {a: {min: 5, max: 1}}\n`)).toThrow(ConfigError);
  });
});

describe('where sweepgate reads more than W&B', () => {
  it('a block W&B cannot infer (min/max with q, mu/sigma, a/b) is read, with a warning', () => {
    const c = parse(`${HEAD}parameters:\n  a: {min: 0, max: 1, q: 0.1}\n  b: {values: [1]}\n`);
    expect(c.warnings).toEqual([
      'parameters.a: W&B infers only constant, categorical, int_uniform and uniform and would reject this block; sweepgate reads it as q_uniform (from min/max with q). Write distribution: q_uniform for both',
    ]);
  });
  it('each key is kept as written for validate --explain (1.0 stays a float)', () => {
    const c = parse(`${HEAD}parameters:\n  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}\n`);
    expect(c.paramSources?.lr).toEqual({
      path: 'parameters.lr',
      written: { distribution: "'log_uniform_values'", min: '0.0001', max: '1.0' },
    });
  });
});

describe('sweeps without metric (W&B runs grid and random ones)', () => {
  const NOMETRIC = 'program: train.py\nparameters: {a: {values: [1, 2]}}\n';
  it('grid and random are accepted: no metric name, nothing to optimise', () => {
    expect(parse(`method: grid\n${NOMETRIC}`).metric).toEqual({ name: '', goal: 'minimize' });
    expect(parse(`method: random\n${NOMETRIC}`).metric.name).toBe('');
  });
  it('bayes and tpe still need one', () => {
    expect(() => parse(`method: bayes\n${NOMETRIC}`)).toThrow('metric: is required with program and method bayes');
  });
  it('what works on the best trial needs a metric, and says so at its key', () => {
    const e = (extra: string): string => {
      try {
        parse(`method: grid\n${NOMETRIC}${extra}`);
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
      return 'no error';
    };
    expect(e('early_terminate: {type: hyperband, min_iter: 1}\n')).toContain('early_terminate: needs metric: it works on the best trial');
    expect(e('gate: {loss: 0.1}\n')).toContain('gate: needs metric');
    expect(e('repeats: 3\n')).toContain('repeats: needs metric: it re-runs the best trial, and without metric there is none, got 3');
  });
});

describe('fixtures/wandb', () => {
  const dir = path.resolve(__dirname, '../../fixtures/wandb');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it.each(files)('%s parses, and the shipped JSON Schema (what editors check) accepts it', (f) => {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const c = parseSweepConfig(text, path.join(dir, f));
    expect(c.workload.kind).toBe('program');
    const validate = new Ajv({ allowUnionTypes: true }).compile(SWEEP_SCHEMA);
    expect(validate(parseYaml(text, { uniqueKeys: false })), JSON.stringify(validate.errors)).toBe(true);
  });
});
