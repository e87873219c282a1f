import { describe, expect, it } from 'vitest';
import { InputError, parseInputs } from '../../src/github/inputs.js';

const parse = (values: Record<string, string>): ReturnType<typeof parseInputs> =>
  parseInputs((name) => ({ config: 'sweep.yml', ...values })[name] ?? '');

function error(values: Record<string, string>): InputError {
  try {
    parse(values);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('the shard inputs', () => {
  it('reads mode, shard, shards and allow-missing-shards', () => {
    expect(parse({ shard: '2/3' })).toMatchObject({ mode: 'sweep', shard: { index: 2, count: 3 } });
    expect(parse({ mode: 'report', shards: '3', 'allow-missing-shards': 'true' })).toMatchObject({
      mode: 'report',
      shards: 3,
      allowMissingShards: true,
    });
  });

  it.each([
    [{ shard: '0/3' }, 'shard', "'shard' input must have i from 1 to n (1-based) but got '0/3'"],
    [{ shard: '4/3' }, 'shard', "'shard' input must have i from 1 to n (1-based) but got '4/3'"],
    [{ shard: '1/300' }, 'shard', "'shard' input must have 1 to 256 shards (n in i/n) but got '1/300'"],
    [{ shard: '3' }, 'shard', "'shard' input must be i/n (shard i of n, like 1/3) but got '3'"],
    [{ shards: '0' }, 'shards', "'shards' input must be an integer from 1 to 256 (the matrix's shard count) but got '0'"],
    [{ shards: '257' }, 'shards', "'shards' input must be an integer from 1 to 256 (the matrix's shard count) but got '257'"],
    [{ mode: 'merge' }, 'mode', "'mode' input must be sweep or report but got 'merge'"],
    [{ mode: 'report', shard: '1/3' }, 'shard', "'shard' is for the matrix jobs, not the report job ('mode: report'), but got '1/3'"],
    [{ 'allow-missing-shards': 'yes' }, 'allow-missing-shards', "'allow-missing-shards' input must be 'true' or 'false' but got 'yes'"],
  ])('%j is an InputError naming %s and the value', (values, input, message) => {
    const e = error(values);
    expect(e.input).toBe(input);
    expect(e.message).toBe(message);
  });
});
