import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/main.js';
import { DistributionRangeError, DistributionTypeError } from '../../src/core/distributions/common.js';
import { classifyError, ConfigError, configIssue, TrialError, TrialTimeoutError, type ErrorClassification } from '../../src/core/errors.js';
import { RunContextError } from '../../src/github/context.js';
import { InputError } from '../../src/github/inputs.js';
import { EventRefusedError } from '../../src/github/main.js';
import { CacheTimeoutError } from '../../src/storage/actions-cache/trials-and-baseline.js';
import {
  BackendError,
  DatasetError,
  EmptyDataError,
  MissingColumnError,
  NonNumericError,
  UnseenLabelError,
  WorkerCrashError,
} from '../../src/trainer/index.js';
import { BaseModelError } from '../../src/trainer/tabular/model-file.js';

const config: ErrorClassification = { errorClass: 'config', invalid: 'config' };
const data: ErrorClassification = { errorClass: 'config', invalid: 'data' };
const input: ErrorClassification = { errorClass: 'config', invalid: 'input' };
const runFailure: ErrorClassification = { errorClass: 'run-failure' };

describe('classifyError: every named error of every layer has one class, for both entries', () => {
  it.each([
    ['ConfigError (one problem)', new ConfigError('method', 'must be one of grid, random'), config],
    ['ConfigError (every problem at once)', new ConfigError([configIssue('method', 'bad'), configIssue('run_cap', 'bad')]), config],
    ['DatasetError', new DatasetError({ file: 'd.csv' }, 'no rows'), data],
    ['MissingColumnError', new MissingColumnError('d.csv', 'target', 'y', ['a']), data],
    ['EmptyDataError', new EmptyDataError({ file: 'd.csv' }, 'no rows'), data],
    ['UnseenLabelError', new UnseenLabelError('d.csv', 3, 'y', 'c', ['a', 'b']), data],
    ['NonNumericError', new NonNumericError('d.csv', 3, 'y', 'x', 'regression target'), data],
    ['BaseModelError', new BaseModelError({ file: 'model.json' }, 'is not a Sequential LayersModel'), data],
    ['UsageError (CLI)', new UsageError('missing command'), input],
    ['InputError (Action)', new InputError('comment', "'comment' input must be always"), input],
    ['EventRefusedError (Action)', new EventRefusedError("does not run on 'pull_request_target'"), input],
    ['TrialError', new TrialError('loss became NaN'), runFailure],
    ['TrialTimeoutError', new TrialTimeoutError(300, '300 ms'), runFailure],
    ['WorkerCrashError', new WorkerCrashError('out of memory'), runFailure],
    ['BackendError', new BackendError('tensorflow', 'not installed'), runFailure],
    ['RunContextError (Action)', new RunContextError('GITHUB_REPOSITORY is not set'), runFailure],
    ['DistributionRangeError', new DistributionRangeError('uniform', 'min', 'must be < max'), runFailure],
    ['DistributionTypeError', new DistributionTypeError('uniform', 'min', 'must be a number'), runFailure],
    ['CacheTimeoutError (cache trouble)', new CacheTimeoutError('restore took longer than 5 min'), { errorClass: 'warning' }],
    ['any other Error', new TypeError('x is undefined'), runFailure],
    ['a thrown string', 'boom', runFailure],
  ] as const)('%s', (_, err, expected) => {
    expect(classifyError(err)).toEqual(expected);
  });
});

describe('ConfigError', () => {
  it('lists every problem, one a line, each with its path; path is the first one’s', () => {
    const e = new ConfigError([configIssue('method', 'must be one of grid, random, got "x"'), configIssue('', 'invalid YAML: tab')]);
    expect(e.message).toBe('method: must be one of grid, random, got "x"\ninvalid YAML: tab');
    expect(e.issues.map((i) => i.path)).toEqual(['method', '']);
    expect(e.path).toBe('method');
    expect(new ConfigError('run_cap', 'must be >= 1, got 0')).toMatchObject({ message: 'run_cap: must be >= 1, got 0', path: 'run_cap' });
  });
});
