// Every way a trial can fail ends as `failed` with the reason, and only failures that would happen again
// (deterministic ones) are cached; the others are retried on the next run.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDistribution } from '../../src/core/distributions/index.js';
import { TrialError } from '../../src/core/errors.js';
import type { Objective } from '../../src/core/objective.js';
import { runStudy } from '../../src/core/study/index.js';
import { createCommandObjective } from '../../src/trainer/program/program-objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';
import { cleanupTempDirs, tempDir } from '../trainer/helpers.js';

afterAll(cleanupTempDirs);

const config = {
  method: 'grid',
  metric: { name: 'loss', goal: 'minimize' },
  space: [{ name: 'x', dist: makeDistribution('categorical', { values: [1] }) }],
  budget: {},
  seed: 1,
  repeats: 1,
  stages: [],
} as Parameters<typeof runStudy>[0];

function throwing(make: () => unknown): Objective & { calls: number } {
  return {
    fingerprint: 'f',
    backend: 'cpu',
    calls: 0,
    run() {
      this.calls++;
      return Promise.reject(make());
    },
  };
}

function program(body: string): Objective & { calls: number } {
  const dir = tempDir('fail');
  writeFileSync(path.join(dir, 'train.sh'), body);
  const inner = createCommandObjective({ program: 'train.sh', command: [] }, { configDir: dir, metricName: 'loss' });
  return {
    ...inner,
    calls: 0,
    run(p, ctx) {
      this.calls++;
      return inner.run(p, ctx);
    },
  };
}

/** What fails, how, the error it records, the one-line cause beside it, and whether it is cached. */
const CASES: [string, () => Objective & { calls: number }, RegExp, string, boolean][] = [
  [
    'a diverging loss (deterministic TrialError)',
    () => throwing(() => new TrialError('loss became NaN at epoch 3')),
    /^TrialError: loss became NaN at epoch 3$/,
    'loss became NaN at epoch 3',
    true,
  ],
  [
    'an objective that throws',
    () => throwing(() => new RangeError('index out of range')),
    /^RangeError: index out of range$/,
    'RangeError: index out of range',
    false,
  ],
  [
    'a program that exits non-zero',
    () => program('echo oops >&2\nexit 3\n'),
    /exited with status 3; last lines of stderr:\noops/,
    'oops',
    false,
  ],
  [
    'a Python program that raises on import',
    () => program('echo starting >&2\nexec /usr/bin/python3 -c "import sweepgate_no_such_module"\n'),
    /exited with status 1; last lines of stderr:\nstarting\nTraceback/,
    "ModuleNotFoundError: No module named 'sweepgate_no_such_module'",
    false,
  ],
  ['a program killed by a signal', () => program('kill -9 $$\n'), /was killed by SIGKILL/, 'killed by SIGKILL', false],
  [
    'a program that prints no metric',
    () => program('echo hello\n'),
    /reported no metrics: call wandb.log\(\{"loss": 0.5\}\) or print JSON lines such as \{"loss": 0.5\}/,
    'the program reported no metrics: call wandb.log({"loss": 0.5}) or print JSON lines such as {"loss": 0.5} to standard output',
    true,
  ],
  [
    'a program that never reports the sweep metric',
    () => program('echo \'{"acc": 1}\'\n'),
    /never reported the sweep metric "loss" \(reported: acc\)/,
    'the program never reported the sweep metric "loss" (reported: acc)',
    true,
  ],
  [
    'a program that reports NaN',
    () => program('echo \'{"loss": NaN}\'\n'),
    /reported a non-finite metric/,
    'the program reported a non-finite metric: {"loss": NaN}',
    true,
  ],
];

describe('trial failures', () => {
  it.each(CASES)('%s: failed with the reason and its cause; cached only if deterministic', async (_what, make, error, cause, cached) => {
    const store = new MemoryTrialStore();
    const first = make();
    const a = await runStudy(config, { objective: first, store, now: () => performance.now(), warn: () => {} });
    expect(a.trials[0]).toMatchObject({ status: 'failed', reason: 'error', cached: false });
    expect(a.trials[0]!.error).toMatch(error);
    expect(a.trials[0]!.cause).toBe(cause);
    expect(a.bestIndex).toBe(-1);
    const second = make();
    const b = await runStudy(config, {
      objective: { ...second, fingerprint: first.fingerprint, run: (p, c) => second.run(p, c) },
      store,
      now: () => performance.now(),
      warn: () => {},
    });
    expect(b.trials[0]!.cached).toBe(cached);
    expect(b.trials[0]!.cause).toBe(cause);
    expect(second.calls).toBe(cached ? 0 : 1);
  });
});
