import { beforeAll, describe, expect, test } from 'vitest';
import type { Params } from '../../src/core/json.js';
import type { Objective } from '../../src/core/objective.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { fixture, recordingCtx, spec } from './helpers.js';

const irisSpec = spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' });
let handle: TfHandle;
let iris: Objective;

beforeAll(async () => {
  handle = await loadTf('wasm', { cwd: process.cwd(), warn: (m) => console.error(m) });
  iris = await createTabularObjective(irisSpec, handle);
});

describe('on the wasm backend', () => {
  test('the objective reports the backend it runs on', () => {
    expect(handle.backend).toBe('wasm');
    expect(iris.backend).toBe('wasm');
    expect(handle.tf.getBackend()).toBe('wasm');
  });

  test('learns the separable fixture and the linear regression', async () => {
    const separable = await createTabularObjective(
      spec({ data: fixture('separable.csv'), target: 'label', task: 'classification' }),
      handle,
    );
    const linear = await createTabularObjective(spec({ data: fixture('linear.csv'), target: 'y', task: 'regression' }), handle);
    try {
      expect((await separable.run({ epochs: 15 }, recordingCtx(1))).metrics.val_accuracy).toBeGreaterThan(0.9);
      expect((await linear.run({ epochs: 30, batch_size: 16, learning_rate: 0.02 }, recordingCtx(3))).metrics.val_rmse).toBeLessThan(3);
    } finally {
      await separable.dispose?.();
      await linear.dispose?.();
    }
  });

  test('same params and seed give identical metrics; another seed does not; nothing leaks', async () => {
    const params: Params = { epochs: 3, layers: 2, units: 8, dropout: 0.3, batch_norm: true, batch_size: 16, optimizer: 'adam' };
    const before = handle.tf.memory().numTensors;
    const a = recordingCtx(11);
    const b = recordingCtx(11);
    const c = recordingCtx(12);
    await iris.run(params, a);
    await iris.run(params, b);
    await iris.run(params, c);
    expect(b.reports).toEqual(a.reports);
    expect(c.reports).not.toEqual(a.reports);
    expect(handle.tf.memory().numTensors).toBe(before);
  });

  test('every activation has its kernels and gradients on wasm', async () => {
    for (const activation of ['relu', 'elu', 'selu', 'leaky_relu', 'tanh', 'sigmoid', 'softplus', 'linear']) {
      const r = await iris.run({ epochs: 1, activation, l1: 0.001, batch_norm: true }, recordingCtx(1));
      expect(Number.isFinite(r.metrics.val_loss)).toBe(true);
    }
  });

  test("weights come from sweepgate's RNG: cpu starts where wasm does (first-epoch metrics agree closely)", async () => {
    const params: Params = { epochs: 1, dropout: 0.2 };
    const onWasm = await iris.run(params, recordingCtx(5));
    await iris.dispose?.();
    const cpu = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
    const irisCpu = await createTabularObjective(irisSpec, cpu);
    try {
      const onCpu = await irisCpu.run(params, recordingCtx(5));
      expect(irisCpu.backend).toBe('cpu');
      expect(onCpu.metrics.val_loss).toBeCloseTo(onWasm.metrics.val_loss!, 4);
      expect(onCpu.metrics.val_accuracy).toBe(onWasm.metrics.val_accuracy);
    } finally {
      await irisCpu.dispose?.();
    }
  });
});
