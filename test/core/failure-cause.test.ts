// A failed trial's cause, from what real interpreters print (outputs captured from Python 3.11 and Node 20, paths
// shortened), from a killed process, from a thrown error, and from records written before causes were recorded.
import { describe, expect, it } from 'vitest';
import { TrialError, TrialTimeoutError } from '../../src/core/errors.js';
import { causeFromErrorText, causeFromOutput, exitCause, thrownCause } from '../../src/core/failure-cause.js';
import { exitFailure } from '../../src/trainer/program/process.js';

const PY_IMPORT = `Traceback (most recent call last):
  File "/work/train.py", line 1, in <module>
    import torch
ModuleNotFoundError: No module named 'torch'
`;

const PY_CHAINED = `Traceback (most recent call last):
  File "/work/train.py", line 3, in <module>
    json.loads("{")
  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^
json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/work/train.py", line 5, in <module>
    raise RuntimeError("config is broken") from e
RuntimeError: config is broken
`;

const PY_DURING_HANDLING = `Traceback (most recent call last):
  File "<string>", line 3, in <module>
ZeroDivisionError: division by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "<string>", line 5, in <module>
KeyError: 'k'
`;

const PY_SYNTAX = `  File "/work/train.py", line 1
    def (
        ^
SyntaxError: invalid syntax
`;

const PY_MULTILINE = `Traceback (most recent call last):
  File "<string>", line 3, in <module>
E: multi
line message
`;

const NODE_THROW = `[eval]:1
throw new TypeError('bad thing')
^

TypeError: bad thing
    at [eval]:1:7
    at runScriptInThisContext (node:internal/vm:209:10)
    at node:internal/main/eval_string:51:3

Node.js v20.20.2
`;

const NODE_REQUIRE = `node:internal/modules/cjs/loader:1210
  throw err;
  ^

Error: Cannot find module 'torch'
Require stack:
- /work/[eval]
    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)
    at Module._load (node:internal/modules/cjs/loader:1038:27)
    at evalScript (node:internal/process/execution:133:3) {
  code: 'MODULE_NOT_FOUND',
  requireStack: [ '/work/[eval]' ]
}

Node.js v20.20.2
`;

const NODE_ESM = `node:internal/modules/esm/resolve:873
  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
        ^

Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'torch' imported from /work/x.mjs
    at packageResolve (node:internal/modules/esm/resolve:873:9)
    at ModuleJob._link (node:internal/modules/esm/module_job:168:49) {
  code: 'ERR_MODULE_NOT_FOUND'
}

Node.js v20.20.2
`;

const NODE_THROW_STRING = `[eval]:1
throw 'str'
^
str
(Use \`node --trace-uncaught ...\` to show where the exception was thrown)

Node.js v20.20.2
`;

describe('causeFromOutput', () => {
  it("takes a Python traceback's exception line", () => {
    expect(causeFromOutput(PY_IMPORT)).toBe("ModuleNotFoundError: No module named 'torch'");
    expect(causeFromOutput(PY_SYNTAX)).toBe('SyntaxError: invalid syntax');
    expect(causeFromOutput(PY_MULTILINE)).toBe('E: multi');
  });

  it('takes the last exception of a chained traceback ("direct cause", "During handling")', () => {
    expect(causeFromOutput(PY_CHAINED)).toBe('RuntimeError: config is broken');
    expect(causeFromOutput(PY_DURING_HANDLING)).toBe("KeyError: 'k'");
  });

  it("takes a Node error's message line, past its stack, its properties and the version footer", () => {
    expect(causeFromOutput(NODE_THROW)).toBe('TypeError: bad thing');
    expect(causeFromOutput(NODE_REQUIRE)).toBe("Error: Cannot find module 'torch'");
    expect(causeFromOutput(NODE_ESM)).toBe("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'torch' imported from /work/x.mjs");
    expect(causeFromOutput(NODE_THROW_STRING)).toBe('str');
  });

  it('else the last non-empty line; nothing for empty output', () => {
    expect(causeFromOutput('loading data\r\ntrain.sh: line 3: fit: command not found\n\n  \n')).toBe(
      'train.sh: line 3: fit: command not found',
    );
    expect(causeFromOutput('')).toBeUndefined();
    expect(causeFromOutput('\n \n')).toBeUndefined();
  });

  it('keeps a cause to one capped line without control characters', () => {
    const cause = causeFromOutput(`ValueError: ${'x'.repeat(1000)}\u0007`)!;
    expect(cause).toHaveLength(300);
    expect(cause.endsWith('…')).toBe(true);
    expect(cause).not.toContain('\u0007');
  });
});

describe('exitCause and exitFailure', () => {
  it('names the signal of a killed process, whatever it printed', () => {
    expect(exitCause({ code: null, signal: 'SIGKILL', stderrTail: 'epoch 3\n' })).toBe('killed by SIGKILL');
  });

  it('says the exit status when stderr said nothing', () => {
    expect(exitCause({ code: 3, signal: null, stderrTail: '' })).toBe('exited with status 3 (no stderr output)');
    expect(exitCause({ code: null, signal: null, stderrTail: '' })).toBe('ended without an exit status');
  });

  it("a program's failure carries its cause apart from its message, and the message reads back to the same cause", () => {
    const exits = [
      { code: 1, signal: null, stderrTail: PY_IMPORT },
      { code: 1, signal: null, stderrTail: NODE_REQUIRE },
      { code: null, signal: 'SIGSEGV' as const, stderrTail: 'working\n' },
      { code: 2, signal: null, stderrTail: '' },
    ];
    for (const exit of exits) {
      const err = exitFailure('python3 train.py --lr=0.1', exit)!;
      expect(err.failureCause).toBe(exitCause(exit));
      expect(causeFromErrorText(`TrialError: ${err.message}`)).toBe(err.failureCause);
    }
    expect(exitFailure('x', { code: 0, signal: null, stderrTail: 'noise' })).toBeUndefined();
  });
});

describe('thrownCause', () => {
  it("a module's throw keeps its error's name; sweepgate's own TrialError says only its message", () => {
    expect(thrownCause(new TypeError('model.fit is not a function\n    at objective (mod.mjs:3:9)'))).toBe(
      'TypeError: model.fit is not a function',
    );
    expect(thrownCause(new TrialError('loss became NaN at epoch 3'))).toBe('loss became NaN at epoch 3');
    expect(thrownCause('a thrown string')).toBe('a thrown string');
    expect(thrownCause(new Error(''))).toBe('Error');
  });

  it("a program's cause as the program runner found it", () => {
    expect(thrownCause(new TrialError('cmd exited with status 1; last lines of stderr: ...', { failureCause: 'OSError: disk full' }))).toBe(
      'OSError: disk full',
    );
  });

  it('a timeout or a cancellation before what the program printed while it was being stopped', () => {
    const err = new TrialError('x', { failureCause: 'KeyboardInterrupt' });
    expect(thrownCause(err, { timeout: new TrialTimeoutError(5000, '5 s') })).toBe('timed out: ran past trial_timeout (5 s)');
    expect(thrownCause(err, { cancelled: 'the minutes budget ran out' })).toBe('cancelled: the minutes budget ran out');
  });
});

describe('causeFromErrorText (records written before causes were)', () => {
  it("reads a program's failure back from its message", () => {
    expect(causeFromErrorText(`TrialError: python3 train.py --lr=0.1 exited with status 1; last lines of stderr:\n${PY_IMPORT}`)).toBe(
      "ModuleNotFoundError: No module named 'torch'",
    );
    expect(causeFromErrorText('TrialError: ./train.sh --x=1 was killed by SIGKILL; last lines of stderr:\nepoch 1')).toBe(
      'killed by SIGKILL',
    );
    expect(causeFromErrorText('TrialError: ./train.sh --x=1 exited with status 2 (no stderr output)')).toBe(
      'exited with status 2 (no stderr output)',
    );
  });

  it('reads other errors as their first line', () => {
    expect(causeFromErrorText('TrialError: loss became NaN at epoch 3')).toBe('loss became NaN at epoch 3');
    expect(causeFromErrorText('Error: out of memory\nmore')).toBe('Error: out of memory');
    expect(causeFromErrorText('TrialTimeoutError: ran past trial_timeout (1 s) and was stopped, with every process it started')).toBe(
      'timed out: ran past trial_timeout (1 s)',
    );
    expect(causeFromErrorText(undefined)).toBe('failed without an error message');
  });
});
