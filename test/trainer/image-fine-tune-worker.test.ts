import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageTrainerSpec } from '../../src/core/config/types.js';
import { createImageObjective, createWorkerObjective, loadTf } from '../../src/trainer/index.js';
import { bundleWorker } from './bundled-worker.js';
import { cleanupTempDirs, fixture, recordingCtx, repoRoot, tempDir } from './helpers.js';

// The memory test over fine-tuning trials: a long-lived worker thread runs image trials from a base model, with
// layers frozen and not, and its tfjs tensors are back at their baseline after each (the real worker, bundled as
// scripts/bundle.mjs bundles dist/trainer-worker.js).
let script: string;
afterAll(cleanupTempDirs);
beforeAll(async () => {
  script = await bundleWorker(tempDir('worker'));
}, 120_000);

describe('fine-tuning trials in a worker', () => {
  it('run with tfjs tensors at baseline after each, and give what the trainer gives in this thread', { timeout: 600_000 }, async () => {
    const dir = tempDir('digits');
    const csv = (file: string): string => {
      const to = path.join(dir, file);
      writeFileSync(to, `${readFileSync(fixture(file), 'utf8').split('\n').slice(0, 201).join('\n')}\n`);
      return to;
    };
    const imageSpec = (data: string, extra: Partial<ImageTrainerSpec> = {}): ImageTrainerSpec => ({
      type: 'image',
      data,
      target: 'label',
      task: 'classification',
      inputShape: [8, 8, 1],
      validationSplit: 0.2,
      defaults: { epochs: 1, batch_size: 32 },
      ...extra,
    });
    const handle = await loadTf('wasm', { cwd: repoRoot, warn: (m) => expect.fail(m) });
    const baseDir = tempDir('base');
    const pre = await createImageObjective(imageSpec(csv('digits-0-4.csv')), handle);
    await pre.saveModel!({ conv_layers: 2, filters: 4, layers: 1, units: 16, batch_norm: true }, 1, baseDir, {});

    const tuned = imageSpec(csv('digits-5-9.csv'), { baseModel: baseDir });
    const inner = await createImageObjective(tuned, handle);
    const params = (i: number) => ({ freeze_layers: i % 4, dropout: i % 2 ? 0.2 : 0, optimizer: ['adam', 'sgd', 'rmsprop'][i % 3]! });
    // the same fine-tune in this thread, first: disposing the pool disposes the objective it wraps
    const before = handle.tf.memory().numTensors;
    const here = await inner.run(params(3), recordingCtx(3));
    expect(handle.tf.memory().numTensors).toBe(before);
    const seen: number[] = [];
    const pool = createWorkerObjective(inner, {
      size: 1,
      script,
      init: { trainer: tuned, backend: 'wasm', cwd: repoRoot, splitSeed: 0 },
      warn: (m) => expect.fail(m),
      afterTrial: (m) => seen.push(m.tensors),
    });
    const results = [];
    try {
      for (let i = 0; i < 12; i++) results.push(await pool.run(params(i), recordingCtx(i)));
    } finally {
      await pool.dispose!();
    }
    expect(seen).toHaveLength(12);
    expect(seen).toEqual(seen.map(() => seen[0]));
    expect(results[3]).toEqual(here);
  });
});
