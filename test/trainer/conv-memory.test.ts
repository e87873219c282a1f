import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImageTrainerSpec } from '../../src/core/config/types.js';
import type { Params } from '../../src/core/json.js';
import type { BackendName } from '../../src/core/backends.js';
import { ensureBackend, loadTf } from '../../src/trainer/tf/backend.js';
import { createImageObjective } from '../../src/trainer/image/image-objective.js';
import { fixture, recordingCtx } from './helpers.js';

// Issue 18 point 5: the memory test over conv trials. The fused conv step (nn/conv-step.ts) makes and frees its own
// tensors every step and keeps none between trials: after each trial, and after the backend probe's timed steps, the
// backend holds exactly as many tensors as before, on every backend, for every kind of layer the step has a path for.
// tensorflow runs when a tfjs-node build is present (as test/trainer/tensorflow.test.ts).
const DIR = process.env.SWEEPGATE_TFJS_NODE_DIR ?? path.join(os.homedir(), '.cache', 'sweepgate-tfjs-node');
const native = existsSync(path.join(DIR, 'node_modules', '@tensorflow', 'tfjs-node', 'lib', 'napi-v8', 'tfjs_binding.node'));
const backends: BackendName[] = native ? ['cpu', 'wasm', 'tensorflow'] : ['cpu', 'wasm'];

const spec: ImageTrainerSpec = {
  type: 'image',
  data: fixture('digits-png'),
  task: 'classification',
  inputShape: [9, 9, 1],
  validationSplit: 0.2,
  defaults: { epochs: 1, batch_size: 32, units: 8, filters: 4 },
};

const TRIALS: Params[] = [
  { conv_layers: 2, pooling: 'max' },
  { conv_layers: 1, pooling: 'avg', padding: 'valid', strides: 2, activation: 'softplus' },
  { conv_layers: 2, pooling: 'none', batch_norm: true, dropout: 0.2, activation: 'tanh' },
  { conv_layers: 1, layers: 2, layer_norm: true, kernel_size: 5 },
];

describe.each(backends)('conv trials on the %s backend', (backend) => {
  test('leave the tensor count where it was, after every trial and after the probe', async () => {
    const handle = await loadTf(backend, { cwd: process.cwd(), tfjsNodeDirs: [DIR], warn: () => {} });
    await ensureBackend(handle);
    const objective = await createImageObjective(spec, handle);
    const count = (): number => handle.tf.memory().numTensors;
    const before = count();
    for (const [i, params] of TRIALS.entries()) {
      const r = await objective.run(params, recordingCtx(i + 1));
      expect(r.metrics.val_loss, `trial ${i + 1}`).toBeGreaterThan(0);
      expect(count(), `tensors after trial ${i + 1} (${JSON.stringify(params)})`).toBe(before);
    }
    expect(await objective.msPerStep(handle, TRIALS[0]!, 2)).toBeGreaterThan(0);
    expect(count(), 'tensors after the timed steps').toBe(before);
  }, 120_000);
});
