import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BackendError, loadTf } from '../../src/trainer/tf/backend.js';
import { cleanupTempDirs, tempDir } from './helpers.js';

afterAll(cleanupTempDirs);

// Fake @tensorflow/tfjs-node packages in throwaway workspaces. The working one registers a 'tensorflow' backend
// (the cpu kernels under another name) on tfjs-core and exports the namespace, as the real package does.
const require = createRequire(import.meta.url);
const corePath = require.resolve('@tensorflow/tfjs-core');
const cpuPath = require.resolve('@tensorflow/tfjs-backend-cpu');

function workspaceWith(indexJs: string): string {
  const dir = tempDir('tfjs-node');
  const pkg = path.join(dir, 'node_modules', '@tensorflow', 'tfjs-node');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs-node', version: '0.0.0-fake', main: 'index.js' }));
  writeFileSync(path.join(pkg, 'index.js'), indexJs);
  return dir;
}

const working = `
const tf = require(${JSON.stringify(corePath)});
require(${JSON.stringify(cpuPath)});
if (!tf.findBackendFactory('tensorflow')) {
  const cpu = tf.findBackendFactory('cpu');
  tf.registerBackend('tensorflow', () => Object.assign(cpu(), { firstUse: false }), 10);
  for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'tensorflow' });
}
module.exports = { ...tf, fakeTfjsNode: true };
`;
const broken = `throw new Error('libtensorflow.so.2: cannot open shared object file: No such file or directory');`;

describe('tfjs-node resolution', () => {
  test('a tfjs-node that fails to load: auto warns and falls back to wasm; forced is an error with the cause', async () => {
    const cwd = workspaceWith(broken);
    const warnings: string[] = [];
    const h = await loadTf('auto', { cwd, warn: (m) => warnings.push(m) });
    expect(h.backend).toBe('wasm');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/@tensorflow\/tfjs-node was found but cannot be used \(loading .* failed: libtensorflow\.so\.2/);
    const err = await loadTf('tensorflow', { cwd, warn: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(String(err)).toMatch(/'tensorflow' is not available: loading .* failed: libtensorflow\.so\.2/);
  });

  test("auto uses tfjs-node from the user's workspace, and its own tf namespace", async () => {
    const cwd = workspaceWith(working);
    const h = await loadTf('auto', { cwd, warn: () => {} });
    expect(h.backend).toBe('tensorflow');
    expect((h.tf as unknown as { fakeTfjsNode?: boolean }).fakeTfjsNode).toBe(true);
    expect(h.tf.getBackend()).toBe('tensorflow');
    const t = h.tf.tidy(() => h.tf.add(h.tf.scalar(2), h.tf.scalar(3)));
    expect(t.dataSync()[0]).toBe(5);
    t.dispose();
  });
});
