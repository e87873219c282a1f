// Programs that start processes of their own: a trial must end with everything it started, on time, whether
// it finishes, is timed out, or is cut by the minutes budget, and a leftover holding stdout must not hang it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Objective } from '../../src/core/objective.js';
import { runStudy } from '../../src/core/study/index.js';
import { programEnv } from '../../src/trainer/program/environment.js';
import { createCommandObjective } from '../../src/trainer/program/program-objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';
import { cleanupTempDirs, recordingCtx, tempDir } from './helpers.js';
import { eventually, markedSleep, runningWith } from './processes.js';

afterAll(cleanupTempDirs);

/**
 * A shell program in a fresh folder; `$PIDS` is a file it appends a line to for each background process it starts
 * (`started` counts them). Its background processes sleep `mark` seconds, so `gone()` finds them in /proc whatever
 * pid namespace they ran in.
 */
function program(body: (mark: string) => string): { dir: string; started: () => number; gone: () => boolean } {
  const dir = tempDir('pgroup');
  const mark = markedSleep();
  writeFileSync(path.join(dir, 'train.sh'), `PIDS=${JSON.stringify(path.join(dir, 'pids'))}\n${body(mark)}\n`);
  const started = (): number =>
    existsSync(path.join(dir, 'pids')) ? readFileSync(path.join(dir, 'pids'), 'utf8').split('\n').filter(Boolean).length : 0;
  return { dir, started, gone: () => runningWith(mark).length === 0 };
}

const objective = (dir: string, killGraceMs = 300): Objective =>
  createCommandObjective({ program: 'train.sh', command: [] }, { configDir: dir, metricName: 'loss', killGraceMs });

const grid = { name: 'x', dist: makeDistribution('categorical', { values: [1, 2] }) };
const study = (over: object) =>
  ({
    method: 'grid',
    metric: { name: 'loss', goal: 'minimize' },
    space: [grid],
    budget: {},
    seed: 1,
    repeats: 1,
    stages: [],
    ...over,
  }) as Parameters<typeof runStudy>[0];
const ports = (o: Objective, store = new MemoryTrialStore()) => ({
  objective: o,
  store,
  now: () => performance.now(),
  warn: () => {},
  stopGraceMs: 3000,
});

describe('a program and the processes it starts', () => {
  test('one that leaves `sleep 120 &` behind ends when it exits; the leftover is killed', async () => {
    const p = program((mark) => `sleep ${mark} &\necho $! >> "$PIDS"\necho '{"loss": 0.5}'`);
    const t0 = Date.now();
    const r = await objective(p.dir).run({ x: 1 }, recordingCtx(1));
    expect(r.metrics).toEqual({ loss: 0.5 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(p.started()).toBe(1);
    expect(await eventually(p.gone)).toBe(true);
  });

  test('trial_timeout: each trial past it fails (timeout) with its whole process group, is not cached, and the sweep goes on', async () => {
    const p = program((mark) => `sleep ${mark} &\necho $! >> "$PIDS"\necho '{"loss": 1}'\nsleep 120`);
    const store = new MemoryTrialStore();
    const t0 = Date.now();
    const out = await runStudy(study({ trialTimeoutMs: 500 }), ports(objective(p.dir), store));
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(out.trials).toHaveLength(2);
    for (const t of out.trials) {
      expect(t).toMatchObject({ status: 'failed', reason: 'timeout' });
      expect(t.error).toMatch(/^TrialTimeoutError: ran past trial_timeout \(500 ms\) and was stopped/);
    }
    expect(await store.all()).toHaveLength(0);
    expect(p.started()).toBe(2);
    expect(await eventually(p.gone)).toBe(true);
  });

  test('budget.minutes cuts a sweep whose program started a background process, on time', async () => {
    const p = program((mark) => `sleep ${mark} &\necho $! >> "$PIDS"\nsleep 120`);
    const t0 = Date.now();
    const out = await runStudy(study({ budget: { minutes: 0.01 } }), ports(objective(p.dir)));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(out.stopReason).toBe('minutes');
    expect(out.trials[0]).toMatchObject({ status: 'failed', reason: 'cancelled' });
    expect(p.started()).toBe(1);
    expect(await eventually(p.gone)).toBe(true);
  });

  test('a group that ignores SIGTERM gets SIGKILL after the grace', async () => {
    const p = program((mark) => `trap '' TERM\n(trap '' TERM; sleep ${mark}) &\necho $! >> "$PIDS"\nsleep 120`);
    const out = await runStudy(study({ trialTimeoutMs: 300, budget: { trials: 1 } }), ports(objective(p.dir, 200)));
    expect(out.trials[0]).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(p.started()).toBe(1);
    expect(await eventually(p.gone)).toBe(true);
  });
});

describe('an objective that ignores its signal', () => {
  test('is abandoned after the stop grace, recorded as a timeout, and the sweep goes on', async () => {
    let calls = 0;
    const stuck: Objective = {
      fingerprint: 'stuck',
      backend: 'cpu',
      run: () => {
        calls++;
        return new Promise(() => {});
      },
    };
    const out = await runStudy(study({ trialTimeoutMs: 100 }), { ...ports(stuck), stopGraceMs: 100 });
    expect(calls).toBe(2);
    expect(out.trials.map((t) => t.reason)).toEqual(['timeout', 'timeout']);
    expect(out.bestIndex).toBe(-1);
  });
});

describe('hostile program output', () => {
  test('an endless line without a newline is dropped, not buffered; the metrics after it still count', async () => {
    const p = program(() => `head -c 30000000 /dev/zero | tr '\\0' x\necho\necho '{"loss": 0.25}'`);
    const before = process.memoryUsage().rss;
    const r = await objective(p.dir).run({ x: 1 }, recordingCtx(1));
    expect(r.metrics).toEqual({ loss: 0.25 });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('the environment a program inherits', () => {
  test("drops the action's inputs (the token) and the runner's tokens, keeps the rest", () => {
    const env = programEnv({
      PATH: '/bin',
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      INPUT_CONFIG: 'a',
      ACTIONS_RUNTIME_TOKEN: 'r',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'o',
      GITHUB_TOKEN: 'set-by-env',
      HOME: '/h',
    });
    expect(env).toEqual({ PATH: '/bin', GITHUB_TOKEN: 'set-by-env', HOME: '/h' });
  });
});
