// Failures grouped by cause, not by message: a program's message holds its command line, which differs per trial.
import { describe, expect, it } from 'vitest';
import type { ResultTrial } from '../../src/core/results.js';
import { failureGroups, failuresSection, trialCause } from '../../src/report/failures.js';
import { noTrialVerdict } from '../../src/report/verdict.js';

const TORCH = `Traceback (most recent call last):\n  File "train.py", line 1, in <module>\n    import torch\nModuleNotFoundError: No module named 'torch'`;

function failed(i: number, over: Partial<ResultTrial> = {}): ResultTrial {
  return {
    key: String(i).padStart(64, '0'),
    params: { lr: i / 10 },
    status: 'failed',
    metrics: {},
    cached: false,
    durationMs: 5,
    seed: i,
    history: [],
    stage: 0,
    repeat: 0,
    error: `TrialError: python3 train.py --lr=${i / 10} exited with status 1; last lines of stderr:\n${TORCH}`,
    cause: "ModuleNotFoundError: No module named 'torch'",
    ...over,
  };
}

const ok = (i: number): ResultTrial => ({ ...failed(i), status: 'complete', metrics: { loss: 1 }, error: undefined, cause: undefined });

describe('failureGroups', () => {
  it('groups by cause whatever the command line, the most common first', () => {
    const trials = [
      failed(1, { error: 'TrialError: ./t.sh --lr=0.1 was killed by SIGKILL', cause: 'killed by SIGKILL' }),
      failed(2),
      ok(3),
      failed(4),
      failed(5),
    ];
    expect(failureGroups(trials)).toEqual([
      { cause: "ModuleNotFoundError: No module named 'torch'", trials: [1, 3, 4] },
      { cause: 'killed by SIGKILL', trials: [0] },
    ]);
  });

  it('reads the cause of a record written before causes were from its error', () => {
    const old = failed(1, { cause: undefined });
    expect(trialCause(old)).toBe("ModuleNotFoundError: No module named 'torch'");
    expect(failureGroups([old, failed(2)])).toHaveLength(1);
  });
});

describe('noTrialVerdict', () => {
  it('says the count and the cause: "3 of 3 trials failed: …"', () => {
    expect(noTrialVerdict({ trials: [failed(1), failed(2), failed(3)] })).toBe(
      "3 of 3 trials failed: ModuleNotFoundError: No module named 'torch'",
    );
  });

  it('counts each of several causes, and what the pruner stopped', () => {
    const killed = failed(9, { cause: 'killed by SIGKILL' });
    expect(noTrialVerdict({ trials: [failed(1), killed, failed(2)] })).toBe(
      "3 of 3 trials failed: 2 × ModuleNotFoundError: No module named 'torch'; 1 × killed by SIGKILL",
    );
    const pruned = { ...ok(4), status: 'pruned' as const };
    expect(noTrialVerdict({ trials: [failed(1), pruned] })).toBe(
      "1 of 2 trials failed: ModuleNotFoundError: No module named 'torch'; the pruner stopped the other 1 early",
    );
    expect(noTrialVerdict({ trials: [] })).toBe('no trial ran (the budget or the search space allowed none)');
  });
});

describe('failuresSection', () => {
  const trials = [
    failed(1),
    failed(2),
    ok(3),
    failed(4, { error: 'TypeError: x is not a function\n    at f (m.mjs:1:1)', cause: 'TypeError: x is not a function' }),
  ];

  it("folds, per cause, one trial's command line and the last lines of its stderr in a code block", () => {
    const md = failuresSection(trials, 'full');
    expect(md).toContain('**Failures**: 3 of 4 trials failed, for 2 causes');
    expect(md).toContain(
      "<details><summary>2 trials (first: trial 1): ModuleNotFoundError: No module named 'torch'</summary>\n\nTrial 1: <code>python3 train.py --lr=0.1 exited with status 1</code>, the last lines of its stderr:\n\n```\nTraceback (most recent call last):",
    );
    expect(md).toContain("ModuleNotFoundError: No module named 'torch'\n```\n\n</details>");
    expect(md).toContain(
      '<details><summary>trial 4: TypeError: x is not a function</summary>\n\nTrial 4:\n\n```\nTypeError: x is not a function\n    at f (m.mjs:1:1)\n```',
    );
    expect(md.match(/<details>/g)).toHaveLength(2);
  });

  it('drops the output first, then the whole section', () => {
    expect(failuresSection(trials, 'list')).toBe(
      "**Failures**: 3 of 4 trials failed, for 2 causes\n\n- 2 trials (first: trial 1): <code>ModuleNotFoundError: No module named 'torch'</code>\n- trial 4: <code>TypeError: x is not a function</code>",
    );
    expect(failuresSection(trials, 'none')).toBe('');
    expect(failuresSection([ok(1)], 'full')).toBe('');
  });
});
