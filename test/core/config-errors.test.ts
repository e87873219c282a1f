import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { ConfigError, type ConfigIssue } from '../../src/core/errors.js';
import { BAD, OBJ, TRAINER, X } from './bad-configs.js';

const FILE = '/work/project/sweep.yml';

/** Parses and returns the errors; fails the test when the config is accepted. */
function errorsOf(text: string): readonly ConfigIssue[] {
  try {
    parseSweepConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error(`config was accepted:\n${text}`);
}

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
    const errors = errorsOf(
      `method: bayesian\nobjective: o.mjs\nmetric: {name: l}\nparameters:\n  lr: {min: 0.5, max: 0.1}\n  n: {values: []}\nfoo: 1\n`,
    );
    expect(errors.map((e) => e.path)).toEqual(['method', 'parameters.n.values', 'parameters.lr.min', 'foo']);
  });

  it('a structural error hides the semantic echo at the same path', () => {
    const errors = errorsOf(`${OBJ}parameters: {lr: {min: "a", max: 1.0}}\n`);
    expect(errors.map((e) => e.message)).toEqual(['parameters.lr.min: must be a number, got "a"']);
  });

  it('the ConfigError message has one line per problem', () => {
    const text = `method: nope\nrun_cap: 0\n${X}objective: o.mjs\nmetric: {name: l}\n`;
    expect(() => parseSweepConfig(text, FILE)).toThrow(new ConfigError(errorsOf(text)).message);
    expect(errorsOf(text).map((e) => e.message)).toEqual([
      'method: must be one of manual, grid, random, quasirandom, bayes, tpe, got "nope"',
      'run_cap: must be >= 1, got 0',
    ]);
  });
});

describe('one message per problem', () => {
  it.each([
    ['a rejected list item is not reported again for the list', `${OBJ}parameters: {o: {values: [a, b], probabilities: [-0.5, 1.5]}}\n`, 1],
    ['a non-finite number is reported once', `${OBJ}parameters: {lr: {min: 0.1, max: .inf}}\n`, 1],
    [
      'both ends of a bad log_uniform range are reported',
      `${TRAINER}parameters: {momentum: {distribution: log_uniform, min: 0.5, max: 0.99}}\n`,
      2,
    ],
  ] as const)('%s', (_, text, count) => {
    expect(errorsOf(text)).toHaveLength(count);
  });
});
