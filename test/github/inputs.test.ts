import { describe, expect, it } from 'vitest';
import { InputError, parseInputs } from '../../src/github/inputs.js';

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

function error(values: Record<string, string>): InputError {
  try {
    parseInputs(reader({ config: 'sweep.yml', ...values }));
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseInputs', () => {
  it('applies the action.yml defaults when only config is given', () => {
    expect(parseInputs(reader({ config: 'ml/sweep.yml' }))).toEqual({
      config: 'ml/sweep.yml',
      githubToken: '',
      maxRegression: undefined,
      failOnRegression: true,
      comment: 'always',
      backend: 'auto',
      cache: true,
      baselineBranch: undefined,
      cacheDir: undefined,
      missingBaseline: 'fail',
      seed: undefined,
      parallel: undefined,
      // Unset is '' (no override): the runner passes action.yml's default label, so a run gets it unless a workflow empties it.
      acceptLabel: '',
      mode: 'sweep',
      shard: undefined,
      shards: undefined,
      allowMissingShards: false,
    });
  });

  it('reads every input', () => {
    expect(
      parseInputs(
        reader({
          config: 'sweep.yml',
          'github-token': 'ghs_x',
          'max-regression': '2%',
          'fail-on-regression': 'False',
          comment: 'on-regression',
          backend: 'wasm',
          cache: 'FALSE',
          'baseline-branch': 'develop',
          'cache-dir': '.cache/sg',
          'missing-baseline': 'pass',
          seed: '42',
          parallel: '3',
          'accept-label': 'ok to regress',
          mode: 'report',
          'results-file': 'artifact/results.json',
        }),
      ),
    ).toEqual({
      config: 'sweep.yml',
      githubToken: 'ghs_x',
      maxRegression: { kind: 'relative', fraction: 0.02 },
      failOnRegression: false,
      comment: 'on-regression',
      backend: 'wasm',
      cache: false,
      baselineBranch: 'develop',
      cacheDir: '.cache/sg',
      missingBaseline: 'pass',
      seed: 42,
      parallel: 3,
      acceptLabel: 'ok to regress',
      mode: 'report',
      resultsFile: 'artifact/results.json',
      shard: undefined,
      shards: undefined,
      allowMissingShards: false,
    });
    expect(parseInputs(reader({ config: 'x', 'max-regression': '0.01' })).maxRegression).toEqual({ kind: 'absolute', value: 0.01 });
  });

  it.each([
    [{ comment: 'sometimes' }, 'comment', "'comment' input must be always, on-regression or never but got 'sometimes'"],
    [{ backend: 'gpu' }, 'backend', "'backend' input must be auto, tensorflow, wasm or cpu but got 'gpu'"],
    [{ 'fail-on-regression': 'yes' }, 'fail-on-regression', "'fail-on-regression' input must be 'true' or 'false' but got 'yes'"],
    [{ cache: 'on' }, 'cache', "'cache' input must be 'true' or 'false' but got 'on'"],
    [{ mode: 'merge' }, 'mode', "'mode' input must be sweep or report but got 'merge'"],
    [{ seed: '-3' }, 'seed', "'seed' input must be a non-negative integer but got '-3'"],
    [{ seed: '1.5' }, 'seed', "'seed' input must be a non-negative integer but got '1.5'"],
    [{ seed: '99999999999999999999' }, 'seed', "'seed' input must be a non-negative integer but got '99999999999999999999'"],
    [{ search: 'no' }, 'search', "'search' input must be 'true' or 'false' but got 'no'"],
    [{ parallel: '0' }, 'parallel', "'parallel' input must be an integer from 1 to 64 but got '0'"],
    [{ 'missing-baseline': 'skip' }, 'missing-baseline', "'missing-baseline' input must be fail or pass but got 'skip'"],
    [{ 'missing-baseline': 'Pass' }, 'missing-baseline', "'missing-baseline' input must be fail or pass but got 'Pass'"],
    [{ parallel: 'many' }, 'parallel', "'parallel' input must be an integer from 1 to 64 but got 'many'"],
  ])('%j is refused naming the input and echoing the value', (values, input, message) => {
    const e = error(values);
    expect(e.input).toBe(input);
    expect(e.message).toBe(message);
  });

  it("search: empty leaves the config's pr.search alone; true or false overrides it", () => {
    expect(parseInputs(reader({ config: 'x' }))).not.toHaveProperty('search');
    expect(parseInputs(reader({ config: 'x', search: 'false' })).search).toBe(false);
    expect(parseInputs(reader({ config: 'x', search: 'True' })).search).toBe(true);
  });

  it.each(['2 %%', '-1', 'two', '%', '1e'])('max-regression %j is refused', (raw) => {
    const e = error({ 'max-regression': raw });
    expect(e.input).toBe('max-regression');
    expect(e.message).toContain("'max-regression' input must be a non-negative number");
    expect(e.message).toContain(`but got '${raw}'`);
  });

  it('config is required', () => {
    let e: unknown;
    try {
      parseInputs(reader({}));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toContain("'config' input is required");
  });
});
