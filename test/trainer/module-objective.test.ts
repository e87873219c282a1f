import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TrialError } from '../../src/core/errors.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { createModuleObjective } from '../../src/trainer/module/module-objective.js';
import { cleanupTempDirs, recordingCtx, tempDir } from './helpers.js';
import { eventually, markedSleep, runningWith } from './processes.js';
import { makeDistribution } from '../../src/core/distributions/index.js';
import { runStudy } from '../../src/core/study/index.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

afterAll(cleanupTempDirs);

let handle: TfHandle;
const dir = tempDir('module');
let n = 0;
/** Writes an objective module to a fresh file and returns its path. */
const moduleFile = (source: string, name = `objective-${++n}.mjs`): string => {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
};
const noWarn = {
  metricName: 'val_loss',
  warn: (m: string) => {
    throw new Error(`unexpected warning: ${m}`);
  },
};

beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: dir, warn: () => {} });
});

describe('objective modules', () => {
  test('a number return is the sweep metric; reported metrics join it; ctx.seed is the trial seed', async () => {
    const o = await createModuleObjective(
      moduleFile(`export default async function (params, ctx) {
        for (let e = 1; e <= 3; e++) ctx.report(e, { loss: 1 / e, seed_seen: ctx.seed });
        return params.x * 2;
      }`),
      handle,
      noWarn,
    );
    const ctx = recordingCtx(42);
    const r = await o.run({ x: 0.25 }, ctx);
    expect(r.metrics).toEqual({ val_loss: 0.5, loss: 1 / 3, seed_seen: 42 });
    expect(ctx.reports.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(o.backend).toBe('none'); // it never touched ctx.tf, so the report names no TensorFlow.js backend
  });

  test('a module that uses ctx.tf reports the backend it ran on', async () => {
    const o = await createModuleObjective(
      moduleFile(
        `export default async function (params, ctx) { const t = ctx.tf.scalar(params.x); const v = t.arraySync(); t.dispose(); return v; }`,
      ),
      handle,
      noWarn,
    );
    expect(o.backend).toBe('none');
    await o.run({ x: 0.5 }, recordingCtx(1));
    expect(o.backend).toBe('cpu');
  });

  test('an object return is taken as the metrics; ctx.tf trains a model deterministically from ctx.seed', async () => {
    const o = await createModuleObjective(
      moduleFile(`export default async function (params, ctx) {
        const tf = ctx.tf;
        const w = tf.tidy(() => tf.variable(tf.randomNormal([1, 1], 0, 1, 'float32', ctx.seed)));
        const x = tf.tensor2d([[1], [2], [3], [4]]);
        const y = tf.tensor2d([[2], [4], [6], [8]]);
        const opt = tf.train.sgd(params.lr);
        let loss = 0;
        for (let step = 1; step <= 20; step++) {
          const cost = opt.minimize(() => x.matMul(w).sub(y).square().mean(), true);
          loss = cost.dataSync()[0];
          cost.dispose();
          if (ctx.report(step, { val_loss: loss })) break;
        }
        const weight = w.dataSync()[0];
        tf.dispose([w, x, y]); opt.dispose();
        return { val_loss: loss, weight };
      }`),
      handle,
      noWarn,
    );
    const a = await o.run({ lr: 0.02 }, recordingCtx(7));
    const b = await o.run({ lr: 0.02 }, recordingCtx(7));
    expect(a).toEqual(b);
    expect(a.metrics.weight).toBeCloseTo(2, 2);
    expect(a.metrics.val_loss).toBeLessThan(1e-3);
  });

  test('returning nothing after ctx.report said stop: the last reported metrics, and the trial stops', async () => {
    const o = await createModuleObjective(
      moduleFile(`export default async function (params, ctx) {
        for (let e = 1; e <= 100; e++) if (ctx.report(e, { val_loss: 10 - e })) return;
        throw new Error('not pruned');
      }`),
      handle,
      noWarn,
    );
    const ctx = recordingCtx(1, 4);
    const r = await o.run({}, ctx);
    expect(ctx.reports).toHaveLength(4);
    expect(r.metrics).toEqual({ val_loss: 6 });
  });

  test('a bad return value fails the trial, saying what it returned', async () => {
    const run = async (body: string) => {
      const o = await createModuleObjective(moduleFile(`export default async () => ${body};`), handle, noWarn);
      return o.run({}, recordingCtx(1)).catch((e: unknown) => e);
    };
    const str = await run(`'high'`);
    expect(str).toBeInstanceOf(TrialError);
    expect(String(str)).toMatch(/returned string "high"; expected a number \(the "val_loss" metric\) or an object of metric numbers/);
    expect(String(await run('undefined'))).toMatch(/returned undefined; expected a number/);
    expect(String(await run('[1, 2]'))).toMatch(/returned an array \(\[1,2\]\)/);
    expect(String(await run('NaN'))).toMatch(/returned NaN/);
    expect(String(await run(`({ val_loss: 'x' })`))).toMatch(/returned an object whose metric "val_loss" is string "x", not a number/);
    expect(String(await run(`({ accuracy: 0.5 })`))).toMatch(/returned no "val_loss" metric \(got: accuracy\)/);
  });

  test('errors thrown by the module fail the trial as they are', async () => {
    const o = await createModuleObjective(moduleFile(`export default async () => { throw new Error('out of data'); };`), handle, noWarn);
    await expect(o.run({}, recordingCtx(1))).rejects.toThrow('out of data');
  });

  test('a module without a default function is a clear error', async () => {
    const err = await createModuleObjective(moduleFile(`export async function train() { return 1; }`), handle, noWarn).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TrialError);
    expect(String(err)).toMatch(
      /must `export default async function \(params, ctx\)`; its default export is undefined \(named exports: train\)/,
    );
    await expect(createModuleObjective(moduleFile(`export default 3;`), handle, noWarn)).rejects.toThrow(/its default export is number 3/);
    await expect(createModuleObjective(path.join(dir, 'missing.mjs'), handle, noWarn)).rejects.toThrow(/cannot be read/);
    await expect(createModuleObjective(moduleFile(`export default (;`), handle, noWarn)).rejects.toThrow(/failed to load/);
    // CommonJS modules work too: their module.exports is the default export
    const cjs = await createModuleObjective(moduleFile(`module.exports = async () => 0.5;`, 'objective.cjs'), handle, noWarn);
    expect((await cjs.run({}, recordingCtx(1))).metrics).toEqual({ val_loss: 0.5 });
  });

  test('leaked tensors: one warning per objective', async () => {
    const warnings: string[] = [];
    const o = await createModuleObjective(moduleFile(`export default async (params, ctx) => { ctx.tf.ones([2, 2]); return 1; };`), handle, {
      metricName: 'val_loss',
      warn: (m) => warnings.push(m),
    });
    await o.run({}, recordingCtx(1));
    await o.run({}, recordingCtx(1));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/left 1 tensor\(s\) allocated after a trial; wrap work in tf\.tidy\(\)/);
  });

  test("the fingerprint is the module's bytes: same bytes elsewhere, same key; a changed file is reloaded", async () => {
    const source = `export default async () => 1;`;
    const a = await createModuleObjective(moduleFile(source, 'same-a.mjs'), handle, noWarn);
    const b = await createModuleObjective(moduleFile(source, 'same-b.mjs'), handle, noWarn);
    expect(a.fingerprint).toBe(b.fingerprint);
    const file = moduleFile(source, 'changing.mjs');
    const first = await createModuleObjective(file, handle, noWarn);
    writeFileSync(file, `export default async () => 2;`);
    const second = await createModuleObjective(file, handle, noWarn);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect((await second.run({}, recordingCtx(1))).metrics).toEqual({ val_loss: 2 });
  });
});

describe('an objective module runs in a process of its own', () => {
  /** A trial context whose signal the test aborts. */
  const abortable = (seed: number) => {
    const controller = new AbortController();
    return { ctx: { ...recordingCtx(seed), signal: controller.signal }, abort: (why: string) => controller.abort(why) };
  };

  test('its exit hooks and exit status are its own; process.exit before returning fails the trial, saying so', async () => {
    const hooked = await createModuleObjective(
      moduleFile(`process.on('exit', () => { process.exitCode = 0; }); export default async () => { process.exitCode = 7; return 0.25; };`),
      handle,
      noWarn,
    );
    expect((await hooked.run({}, recordingCtx(1))).metrics).toEqual({ val_loss: 0.25 });
    expect(process.exitCode ?? 0).toBe(0); // this process's status was never the module's to set
    const exits = await createModuleObjective(moduleFile(`export default async () => { process.exit(0); };`), handle, noWarn);
    await expect(exits.run({}, recordingCtx(1))).rejects.toThrow(/'s process exited with status 0 before the trial returned/);
    const crashes = await createModuleObjective(
      moduleFile(`export default async () => { process.stderr.write('boom\\n'); process.exit(3); };`),
      handle,
      noWarn,
    );
    await expect(crashes.run({}, recordingCtx(1))).rejects.toThrow(/'s process exited with status 3; last lines of stderr:\nboom/);
  });

  test("it gets a program's environment: no inputs, tokens or file commands", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      GITHUB_OUTPUT: '/tmp/out',
      GITHUB_ENV: '/tmp/env',
      ACTIONS_RUNTIME_TOKEN: 'r',
    });
    try {
      const o = await createModuleObjective(
        moduleFile(`export default async (params, ctx) => {
          const names = ['INPUT_GITHUB-TOKEN', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'ACTIONS_RUNTIME_TOKEN'].filter((n) => n in process.env);
          return { val_loss: names.length, pid_differs: process.pid !== ${process.pid} ? 1 : 0 };
        };`),
        handle,
        noWarn,
      );
      expect((await o.run({}, recordingCtx(1))).metrics).toEqual({ val_loss: 0, pid_differs: 1 });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    }
  });

  test('cancelled mid-trial: the process is stopped with what it started, and the trial fails as cancelled', async () => {
    const mark = markedSleep();
    const o = await createModuleObjective(
      moduleFile(`import { spawn } from 'node:child_process';
        export default async (params, ctx) => {
          spawn('setsid', ['sleep', '${mark}'], { detached: true, stdio: 'ignore' }).unref();
          ctx.report(1, { val_loss: 1 });
          await new Promise((r) => setTimeout(r, 60_000));
          return 1;
        };`),
      handle,
      { ...noWarn, killGraceMs: 300 },
    );
    const { ctx, abort } = abortable(1);
    const t0 = Date.now();
    const running = o.run({}, ctx);
    expect(await eventually(() => ctx.reports.length === 1, 10_000)).toBe(true);
    // spawn() returns before the child has exec'd `setsid sleep`: until then its command line is node's.
    expect(await eventually(() => runningWith(mark).length === 1, 10_000)).toBe(true);
    abort('time budget');
    await expect(running).rejects.toThrow(/cancelled: time budget/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(runningWith(mark)).toEqual([]);
  });

  test('trial_timeout stops a module that never returns; the sweep goes on', async () => {
    const o = await createModuleObjective(
      moduleFile(`export default async () => new Promise(() => setInterval(() => {}, 1000));`),
      handle,
      {
        ...noWarn,
        killGraceMs: 200,
      },
    );
    const study = {
      method: 'grid',
      metric: { name: 'val_loss', goal: 'minimize' },
      space: [{ name: 'x', dist: makeDistribution('categorical', { values: [1, 2] }) }],
      budget: {},
      seed: 1,
      repeats: 1,
      stages: [],
      trialTimeoutMs: 1500,
    } as unknown as Parameters<typeof runStudy>[0];
    const out = await runStudy(study, {
      objective: o,
      store: new MemoryTrialStore(),
      now: () => performance.now(),
      warn: () => {},
      stopGraceMs: 3000,
    });
    expect(out.trials.map((t) => t.reason)).toEqual(['timeout', 'timeout']);
  });

  test('the pruner answers each report: a stopped trial keeps what it reported', async () => {
    const o = await createModuleObjective(
      moduleFile(`export default async (params, ctx) => {
        let e = 0;
        while (!ctx.report(++e, { val_loss: 1 / e, epoch_seen: e })) if (e > 50) throw new Error('never pruned');
      };`),
      handle,
      noWarn,
    );
    const ctx = recordingCtx(3, 5);
    expect((await o.run({}, ctx)).metrics).toEqual({ val_loss: 0.2, epoch_seen: 5 });
    expect(ctx.reports.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
  });
});
