import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/parse.js';
import type { TabularTrainerSpec } from '../../src/core/config/types.js';
import { TrialError } from '../../src/core/errors.js';
import type { Objective } from '../../src/core/objective.js';
import { runStudy } from '../../src/core/study/index.js';
import {
  createTabularObjective,
  createWorkerObjective,
  defaultWorkers,
  estimatedTrialMs,
  loadTf,
  type PreparedData,
  type TabularObjective,
  WORKERS_PAY_OFF_MS,
  WorkerCrashError,
  workerMemoryBytes,
} from '../../src/trainer/index.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';
import { bundleWorker } from './bundled-worker.js';
import { cleanupTempDirs, fixture, recordingCtx, repoRoot, spec, tempDir } from './helpers.js';

// The pool runs the real worker, bundled exactly as scripts/bundle.mjs bundles dist/trainer-worker.js (vitest
// cannot start a TypeScript worker), from a folder of its own with the .wasm files beside it.
const out = tempDir('worker');
const script = path.join(out, 'trainer-worker.js');
afterAll(cleanupTempDirs);
beforeAll(async () => {
  await bundleWorker(out);
}, 60_000);

const iris: TabularTrainerSpec = spec({
  data: fixture('iris.csv'),
  target: 'species',
  task: 'classification',
  defaults: { epochs: 3, batch_size: 16 },
});

/** The in-thread trainer and a pool of `size` workers, handed the data it prepared (as the engine hands it) or, with `prepared`, other data. */
async function objectives(size: number, prepared?: readonly PreparedData[]): Promise<{ inner: TabularObjective; pool: Objective }> {
  const handle = await loadTf('wasm', { cwd: repoRoot, warn: (m) => expect.fail(m) });
  const inner = await createTabularObjective(iris, handle);
  const init = { trainer: iris, backend: 'wasm' as const, cwd: repoRoot, splitSeed: 0, prepared: prepared ?? inner.prepared };
  const pool = createWorkerObjective(inner, { size, script, init, warn: (m) => expect.fail(m) });
  return { inner, pool };
}

const sweep = (method: 'grid' | 'random'): string => `
method: ${method}
seed: 11
run_cap: 6
metric: {name: val_loss, goal: minimize}
trainer: {type: tabular, data: ../data/iris.csv, target: species, task: classification, validation_split: 0.2, defaults: {epochs: 3, batch_size: 16}}
parameters:
  learning_rate: {values: [0.01, 0.05, 0.1]}
  units: ${method === 'grid' ? '{values: [4, 8]}' : '{min: 4, max: 16}'}
`;

describe('createWorkerObjective (the built-in trainer in worker threads)', () => {
  for (const method of ['grid', 'random'] as const) {
    it(`a ${method} sweep with 2 workers ends exactly as the same sweep in one thread`, async () => {
      const config = parseSweepConfig(sweep(method), path.join(repoRoot, 'fixtures/sweeps/parallel.yml'));
      const { inner, pool } = await objectives(2);
      const ports = (objective: Objective) => ({
        objective,
        store: new MemoryTrialStore(),
        now: () => performance.now(),
        warn: (m: string) => expect.fail(m),
      });
      try {
        const one = await runStudy({ ...config, parallel: 1 }, ports(inner));
        const two = await runStudy({ ...config, parallel: 2 }, ports(pool));
        const view = (o: typeof one) =>
          o.trials.map((t) => ({ key: t.key, params: t.params, status: t.status, metrics: t.metrics, history: t.history }));
        expect(one.trials).toHaveLength(6);
        expect(one.trials.every((t) => t.status === 'complete')).toBe(true);
        expect(view(two)).toEqual(view(one));
        expect(two.bestIndex).toBe(one.bestIndex);
      } finally {
        await pool.dispose!();
      }
    }, 60_000);
  }

  it('trains on the data this thread prepared and handed over, instead of parsing the CSV again', async () => {
    const [entry] = (await objectives(1)).inner.prepared; // iris, as this thread prepared it
    expect(entry).toBeDefined();
    // The same key with other features: a worker that parsed the file itself would not notice.
    const blank = { ...entry!, data: { ...entry!.data, train: { ...entry!.data.train, x: new Float32Array(entry!.data.train.x.length) } } };
    const handed = await objectives(1, [blank]);
    const own = await objectives(1, []);
    try {
      const expected = (await handed.inner.run({ epochs: 2 }, recordingCtx(1))).metrics;
      expect((await own.pool.run({ epochs: 2 }, recordingCtx(1))).metrics).toEqual(expected);
      expect((await handed.pool.run({ epochs: 2 }, recordingCtx(1))).metrics).not.toEqual(expected);
    } finally {
      await handed.pool.dispose!();
      await own.pool.dispose!();
    }
  }, 30_000);

  it('sends each epoch to this thread and the pruner decision back to the worker', async () => {
    const { pool } = await objectives(1);
    try {
      const ctx = recordingCtx(5, 2);
      const r = await pool.run({ epochs: 6 }, ctx);
      expect(ctx.reports.map((s) => s.step)).toEqual([1, 2]);
      expect(r.metrics).toEqual(ctx.reports[1]!.metrics);
    } finally {
      await pool.dispose!();
    }
  }, 30_000);

  it('stops a cancelled trial mid-run, and the next trial runs on a fresh worker', async () => {
    const { inner, pool } = await objectives(1);
    try {
      const controller = new AbortController();
      const ctx = {
        seed: 1,
        signal: controller.signal,
        report: (step: number) => (step === 2 && controller.abort('the minutes budget ran out'), false),
      };
      const cancelled = pool.run({ epochs: 500 }, ctx);
      await expect(cancelled).rejects.toThrow(/cancelled: the minutes budget ran out/);
      await expect(cancelled).rejects.toBeInstanceOf(TrialError);
      const again = recordingCtx(1);
      const fresh = await pool.run({ epochs: 2 }, again);
      expect(fresh.metrics).toEqual((await inner.run({ epochs: 2 }, recordingCtx(1))).metrics);
    } finally {
      await pool.dispose!();
    }
  }, 30_000);

  it('a worker that exits or throws outside the trial fails that trial only; the sweep goes on', async () => {
    // A stand-in worker speaking the same protocol, so the crash is a real thread dying, not a mock.
    const fake = path.join(tempDir('fake-worker'), 'crashing-worker.mjs');
    writeFileSync(
      fake,
      `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'ready', backend: 'fake' });
parentPort.on('message', (m) => {
  if (m.params.x === 1) process.exit(3);
  if (m.params.x === 2) setTimeout(() => { throw new RangeError('out of memory (simulated)'); });
  else parentPort.postMessage({ type: 'done', id: m.id, result: { metrics: { loss: m.params.x } } });
});
`,
    );
    const config = parseSweepConfig(
      'method: grid\nmetric: {name: loss, goal: minimize}\nobjective: o.mjs\nparameters: {x: {values: [0, 1, 2, 3, 4]}}\n',
      path.join(repoRoot, 'fixtures/x.yml'),
    );
    const inner: Objective = {
      fingerprint: 'fake',
      backend: 'fake',
      run: () => Promise.reject(new Error('the pool runs trials, not the inner objective')),
    };
    const pool = createWorkerObjective(inner, {
      size: 2,
      script: fake,
      init: { trainer: iris, backend: 'wasm', cwd: repoRoot, splitSeed: 0 },
      warn: () => {},
    });
    try {
      const o = await runStudy(
        { ...config, parallel: 2 },
        { objective: pool, store: new MemoryTrialStore(), now: () => performance.now(), warn: () => {} },
      );
      const byX = Object.fromEntries(o.trials.map((t) => [t.params.x, t]));
      expect(o.trials).toHaveLength(5);
      expect(byX[1]!.status).toBe('failed');
      expect(byX[1]!.error).toBe('WorkerCrashError: the trainer worker thread crashed during the trial: it exited with code 3');
      expect(byX[2]!.status).toBe('failed');
      expect(byX[2]!.error).toContain('RangeError: out of memory (simulated)');
      for (const x of [0, 3, 4]) expect(byX[x]!.metrics).toEqual({ loss: x });
      expect(o.trials[o.bestIndex]!.params.x).toBe(0);
    } finally {
      await pool.dispose!();
    }
  }, 30_000);

  it('rebuilds an error the trainer throws in the worker with its class and message', async () => {
    const { pool } = await objectives(1);
    try {
      const failed = pool.run({ epochs: 2, freeze_layers: 1 }, recordingCtx(1));
      await expect(failed).rejects.toBeInstanceOf(TrialError);
      await expect(failed).rejects.not.toBeInstanceOf(WorkerCrashError);
      await expect(failed).rejects.toThrow(
        'freeze_layers: needs trainer.base_model (the pre-trained model whose layers it freezes or fine-tunes), got 1',
      );
    } finally {
      await pool.dispose!();
    }
  }, 30_000);
});

describe('defaultWorkers', () => {
  it('is one per core when memory allows, fewer when it does not, and never below 1', () => {
    const per = workerMemoryBytes(1e6);
    expect(defaultWorkers(1e6, { cores: 4, freeBytes: 100 * per })).toBe(4);
    expect(defaultWorkers(1e6, { cores: 4, freeBytes: 5 * per })).toBe(2);
    expect(defaultWorkers(1e6, { cores: 4, freeBytes: per })).toBe(1);
    expect(workerMemoryBytes(100e6)).toBeGreaterThan(workerMemoryBytes(1e6));
    // A sweep whose training adds up to a couple of seconds is faster without workers than with them.
    expect(defaultWorkers(1e6, { cores: 4, freeBytes: 100 * per }, 1500)).toBe(1);
    expect(defaultWorkers(1e6, { cores: 4, freeBytes: 100 * per }, WORKERS_PAY_OFF_MS)).toBe(4);
    expect(defaultWorkers(1e6, { cores: 4, freeBytes: 100 * per }, 120_000)).toBe(4);
  });

  it('gives workers to the sweeps they were measured to speed up, not to the reference sweep (bench/RESULTS.md, issue 8)', () => {
    const machine = { cores: 2, freeBytes: 100 * workerMemoryBytes(1e6) };
    // bench/sweeps/breast-cancer.yml, estimated 1.5 s: 1.19 s in one thread, 1.61 s with 2 workers.
    expect(defaultWorkers(1e6, machine, 1500)).toBe(1);
    // The same sweep with run_cap 60, estimated 4.4 s: 3.12 s in one thread, 2.62 s with 2 workers.
    expect(defaultWorkers(1e6, machine, 4400)).toBe(2);
  });

  it('starts no more workers than trials can run at once, and none for a one-trial sweep', () => {
    const machine = { cores: 4, freeBytes: 100 * workerMemoryBytes(1e6) };
    expect(defaultWorkers(1e6, machine, 120_000, 1)).toBe(1);
    expect(defaultWorkers(1e6, machine, 120_000, 3)).toBe(3);
    expect(defaultWorkers(1e6, machine, 120_000, 10)).toBe(4);
  });

  it('estimates a trial from its size alone: tiny MLPs are overhead-bound, large ones weight-bound', async () => {
    const handle = await loadTf('wasm', { cwd: repoRoot, warn: (m) => expect.fail(m) });
    const o = await createTabularObjective(iris, handle);
    // Iris: 120 training rows, batch 16 → 8 steps per epoch; 4→16→3 with biases = 4·16+16+16·3+3 weights.
    const size = o.trialSize({ units: 16, layers: 1, epochs: 10 });
    expect(size).toEqual({ steps: 80, batch: 16, weights: 131 });
    expect(estimatedTrialMs(size)).toBeCloseTo(80 * (0.1 + (6 * 131 * 16) / 2e7), 9);
    expect(estimatedTrialMs({ steps: 16, batch: 64, weights: 670_000 })).toBeGreaterThan(200);
  });
});

describe('a long-lived worker', () => {
  it('runs 200 consecutive trials with tfjs tensors at baseline after each and RSS growth under 50 MB', async () => {
    const seen: { tensors: number; rssBytes: number }[] = [];
    const handle = await loadTf('wasm', { cwd: repoRoot, warn: (m) => expect.fail(m) });
    const tiny = spec({ data: fixture('iris.csv'), target: 'species', task: 'classification', defaults: { epochs: 1, batch_size: 32 } });
    const inner = await createTabularObjective(tiny, handle);
    const pool = createWorkerObjective(inner, {
      size: 1,
      script,
      init: { trainer: tiny, backend: 'wasm', cwd: repoRoot, splitSeed: 0 },
      warn: (m) => expect.fail(m),
      afterTrial: (m) => seen.push(m),
    });
    try {
      // Varied shapes (widths, depth, batch norm, dropout, optimizers) so every kernel and buffer size recurs.
      for (let i = 0; i < 200; i++) {
        const params = {
          units: 4 + (i % 5) * 8,
          layers: 1 + (i % 3),
          batch_norm: i % 4 === 0,
          dropout: i % 2 ? 0.1 : 0,
          optimizer: ['adam', 'sgd', 'rmsprop'][i % 3]!,
        };
        await pool.run(params, recordingCtx(i));
      }
    } finally {
      await pool.dispose!();
    }
    expect(seen).toHaveLength(200);
    const baseline = seen[0]!.tensors;
    expect(seen.map((m) => m.tensors)).toEqual(seen.map(() => baseline));
    // From trial 10 (allocators and JIT warm) to the last.
    const growth = seen[199]!.rssBytes - seen[9]!.rssBytes;
    console.log(
      `200 trials in one worker: tensors ${baseline} after each; RSS ${(seen[9]!.rssBytes / 2 ** 20).toFixed(0)} MB after trial 10, ${(seen[199]!.rssBytes / 2 ** 20).toFixed(0)} MB after trial 200`,
    );
    expect(growth).toBeLessThan(50 * 2 ** 20);
  }, 120_000);
});
