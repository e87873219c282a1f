import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { BackendError, findWasmDir, loadTf } from '../../src/trainer/tf/backend.js';
import { cleanupTempDirs, tempDir } from './helpers.js';

afterAll(cleanupTempDirs);

// A folder with no node_modules: @tensorflow/tfjs-node resolves neither from it nor from this checkout.
const workspace = tempDir('backend');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadTf', () => {
  test('auto picks wasm when tfjs-node is not installed, silently', async () => {
    const warn = vi.fn();
    const h = await loadTf('auto', { cwd: workspace, warn });
    expect(h.backend).toBe('wasm');
    expect(h.tf.getBackend()).toBe('wasm');
    expect(warn).not.toHaveBeenCalled();
    const t = h.tf.tidy(() => h.tf.sum(h.tf.tensor1d([1, 2, 3])));
    expect(t.dataSync()[0]).toBe(6);
    t.dispose();
  });

  test('forced tensorflow without tfjs-node is an error naming the backend and why', async () => {
    const err = await loadTf('tensorflow', { cwd: workspace, warn: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err).toMatchObject({ backend: 'tensorflow' });
    expect(String(err)).toMatch(/backend 'tensorflow' is not available: @tensorflow\/tfjs-node is not installed/);
  });

  test('forced cpu is honoured, and its "install tfjs-node" banner is not printed', async () => {
    const consoleWarn = vi.spyOn(console, 'warn');
    const consoleLog = vi.spyOn(console, 'log');
    const h = await loadTf('cpu', { cwd: workspace, warn: () => {} });
    expect(h.backend).toBe('cpu');
    expect(h.tf.getBackend()).toBe('cpu');
    const t = h.tf.tidy(() => h.tf.matMul(h.tf.tensor2d([[1, 2]]), h.tf.tensor2d([[3], [4]])));
    expect(t.dataSync()[0]).toBe(11);
    t.dispose();
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(consoleLog).not.toHaveBeenCalled();
  });

  test('switching back to wasm works in the same process', async () => {
    const h = await loadTf('wasm', { cwd: workspace, warn: () => {} });
    expect(h.tf.getBackend()).toBe('wasm');
  });

  test('an unknown choice is an error', async () => {
    await expect(loadTf('gpu' as 'cpu', { cwd: workspace, warn: () => {} })).rejects.toThrow(
      /backend 'gpu' is not available: unknown backend; choose one of auto, tensorflow, wasm, cpu/,
    );
  });

  test('ctx.tf has the full tfjs API: layers, gradients and chained ops', async () => {
    const { tf } = await loadTf('cpu', { cwd: workspace, warn: () => {} });
    const before = tf.memory().numTensors;
    // chained ops are installed at run time; tfjs-core's typings declare them only in an optional augmentation
    interface Chained {
      square(): Chained;
      sum(): Chained;
      as2D(r: number, c: number): Chained;
      concat(x: Chained): Chained;
      readonly shape: number[];
      dataSync(): ArrayLike<number>;
    }
    tf.tidy(() => {
      const t = tf.tensor1d([1, 2, 3]);
      const x = t as unknown as Chained;
      expect(x.square().sum().dataSync()[0]).toBe(14);
      const g = tf.grad((v) => (v as unknown as Chained).square().sum() as unknown as typeof v)(t);
      expect(Array.from(g.dataSync())).toEqual([2, 4, 6]);
      expect(x.as2D(3, 1).shape).toEqual([3, 1]);
      expect(x.concat(x).shape).toEqual([6]);
    });
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    expect(model.countParams()).toBe(2);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

test('the WASM binaries are found in the installed package when running from source', () => {
  const dir = findWasmDir();
  expect(dir).toBeDefined();
  expect(existsSync(path.join(dir!, 'tfjs-backend-wasm.wasm'))).toBe(true);
});
