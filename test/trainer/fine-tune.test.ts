import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TabularTrainerSpec } from '../../src/core/config/types.js';
import { TrialError } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { prepareTabularData } from '../../src/trainer/data/tabular-data.js';
import { fineTuneSegments, fromBaseModel } from '../../src/trainer/tabular/fine-tune.js';
import { parseHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { predict } from '../../src/trainer/nn/mlp.js';
import { BaseModelError, readBaseModel } from '../../src/trainer/tabular/model-file.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { cleanupTempDirs, fixture, loadWithTfjs, recordingCtx, spec, tempDir } from './helpers.js';

// save_best writes a LayersModel that tf.loadLayersModel reads and that predicts what the trainer's model does;
// base_model reads it back for fine-tuning, with freeze_layers keeping the bottom layers bit for bit.

afterAll(cleanupTempDirs);

let handle: TfHandle;
beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
});

const irisSpec = (overrides: Partial<TabularTrainerSpec> = {}): TabularTrainerSpec =>
  spec({ data: fixture('iris.csv'), target: 'species', task: 'classification', ...overrides });

/** Saves the model of `params` trained on `s`; returns the folder. */
async function saved(s: TabularTrainerSpec, params: Params, seed = 1): Promise<string> {
  const dir = tempDir('model');
  const o = await createTabularObjective(s, handle);
  const file = await o.saveModel!(params, seed, dir, { sweep: 'test' });
  expect(file).toBe(path.join(dir, 'model.json'));
  return dir;
}

import type * as tf from '@tensorflow/tfjs-core';

describe('save_best: a LayersModel and a model card', () => {
  test.each([
    ['relu, dropout', { epochs: 3, layers: 2, units: 8, dropout: 0.3 }],
    ['leaky_relu, batch norm', { epochs: 3, layers: 2, units: 6, activation: 'leaky_relu', batch_norm: true }],
    ['tanh, layer norm, funnel', { epochs: 3, layers: 2, units: 8, width_schedule: 'shrink', activation: 'tanh', layer_norm: true }],
    ['a logistic model', { epochs: 3, layers: 0 }],
  ] as [string, Params][])("%s: loads with tf.loadLayersModel and predicts the trained model's probabilities", async (_, params) => {
    const s = irisSpec();
    const dir = await saved(s, params);
    const lm = await loadWithTfjs(handle.tf, dir);
    const data = prepareTabularData(s, readFileSync(fixture('iris.csv')));
    const x = data.validation.x;
    const n = data.validation.n;
    const tfx = handle.tf;
    const got = tfx.tidy(() => (lm.predict(tfx.tensor2d(x, [n, data.inputs.length])) as tf.Tensor).dataSync() as Float32Array);
    lm.dispose();
    // the same model, rebuilt from the base-model reader, through the trainer's own inference
    const base = await readBaseModel(dir);
    const hp = parseHyperparameters({ ...params, layers: base.hidden.length });
    const { model, hp: arch } = fromBaseModel(base, hp, 3, 'classification', { mean: 0, std: 1 }, 1);
    const want = tfx.tidy(
      () => tfx.softmax(predict(tfx, model, arch.activation, tfx.tensor2d(x, [n, data.inputs.length]))).dataSync() as Float32Array,
    );
    expect(got.length).toBe(n * 3);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    // and the trial's own accuracy: the saved model is the trial's model, not another one
    const card = JSON.parse(readFileSync(path.join(dir, 'model-card.json'), 'utf8')) as Record<string, unknown>;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(got.subarray(i * 3, i * 3 + 3));
      if (row.indexOf(Math.max(...row)) === data.validation.labels![i]) correct++;
    }
    expect((card.metrics as Record<string, number>).val_accuracy).toBeCloseTo(correct / n, 9);
    expect(card).toMatchObject({
      format: 'sweepgate-model-card-1',
      sweep: 'test',
      params,
      seed: 1,
      outputs: { probabilities: ['setosa', 'versicolor', 'virginica'] },
    });
    expect(card.inputs).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  });

  test("regression: predictions in the target's units", async () => {
    const s = spec({ data: fixture('linear.csv'), target: 'y', task: 'regression' });
    const dir = await saved(s, { epochs: 20, batch_size: 16, learning_rate: 0.02 });
    const lm = await loadWithTfjs(handle.tf, dir);
    const data = prepareTabularData(s, readFileSync(fixture('linear.csv')));
    const tfx = handle.tf;
    const got = tfx.tidy(
      () => (lm.predict(tfx.tensor2d(data.validation.x, [data.validation.n, data.inputs.length])) as tf.Tensor).dataSync() as Float32Array,
    );
    lm.dispose();
    const rmse = Math.sqrt(Array.from(got).reduce((a, v, i) => a + (v - data.validation.targets![i]!) ** 2, 0) / got.length);
    const card = JSON.parse(readFileSync(path.join(dir, 'model-card.json'), 'utf8')) as { metrics: Record<string, number> };
    expect(rmse).toBeCloseTo(card.metrics.val_rmse!, 4);
  });
});

describe('base_model, freeze_layers, fine_tune_learning_rate', () => {
  test('frozen layers stay bit-identical while the others change; fine-tuning starts from the base model', async () => {
    const dir = await saved(irisSpec(), { epochs: 5, layers: 2, units: 8, batch_norm: true });
    const base = await readBaseModel(dir);
    const hp = parseHyperparameters({ freeze_layers: 1, epochs: 3 });
    const { model, hp: arch, newHead } = fromBaseModel(base, hp, 3, 'classification', { mean: 0, std: 1 }, 9);
    expect(newHead).toBe(false);
    expect(arch.widths).toEqual([8, 8]);
    expect(arch.batchNorm).toBe(true);
    const { frozenEnd, segments } = fineTuneSegments(model, arch, newHead);
    expect(frozenEnd).toBe(model.hidden[0]!.bn!.beta.offset + 8);
    expect(segments.map((s) => [s.from, s.to])).toEqual([[frozenEnd, model.params.length]]);

    // Through the objective: train with layer 1 frozen and compare weights via save_best's output.
    const tuned = await saved(irisSpec({ baseModel: dir }), { freeze_layers: 1, epochs: 3, fine_tune_learning_rate: 0.05 }, 9);
    const after = await readBaseModel(tuned);
    expect(after.hidden[0]!.kernel).toEqual(base.hidden[0]!.kernel);
    expect(after.hidden[0]!.gamma).toEqual(base.hidden[0]!.gamma);
    expect(after.hidden[0]!.movingMean).toEqual(base.hidden[0]!.movingMean);
    expect(after.hidden[1]!.kernel).not.toEqual(base.hidden[1]!.kernel);
    expect(after.output.kernel).not.toEqual(base.output.kernel);
    // freeze_layers 0 trains the first layer too
    const free = await readBaseModel(await saved(irisSpec({ baseModel: dir }), { epochs: 3 }, 9));
    expect(free.hidden[0]!.kernel).not.toEqual(base.hidden[0]!.kernel);
  });

  test("a fine-tuned trial starts where the base model ended: its first epoch beats a fresh model's", async () => {
    const dir = await saved(irisSpec(), { epochs: 30, batch_size: 16 });
    const o = await createTabularObjective(irisSpec({ baseModel: dir }), handle);
    const fresh = await createTabularObjective(irisSpec(), handle);
    const a = recordingCtx(5);
    const b = recordingCtx(5);
    await o.run({ epochs: 1, fine_tune_learning_rate: 0.001 }, a);
    await fresh.run({ epochs: 1 }, b);
    expect(a.reports[0]!.metrics.val_loss).toBeLessThan(b.reports[0]!.metrics.val_loss!);
    expect(o.fingerprint).not.toBe(fresh.fingerprint);
  });

  test("the base model's bytes are in the fingerprint; bad base models and settings are errors naming them", async () => {
    const dir = await saved(irisSpec(), { epochs: 2 });
    const a = await createTabularObjective(irisSpec({ baseModel: dir }), handle);
    const weights = readFileSync(path.join(dir, 'weights.bin'));
    weights[0] = weights[0]! ^ 1;
    writeFileSync(path.join(dir, 'weights.bin'), weights);
    const b = await createTabularObjective(irisSpec({ baseModel: dir }), handle);
    expect(b.fingerprint).not.toBe(a.fingerprint);
    await expect(b.run({ freeze_layers: 5 }, recordingCtx(1))).rejects.toThrow(
      /freeze_layers 5 is more than the base model's 1 hidden layers/,
    );
    await expect(b.run({ units: 8 }, recordingCtx(1))).rejects.toThrow(
      'units: comes from trainer.base_model (its layers, widths, activation and normalisation), so it cannot be set, got 8',
    );
    const plain = await createTabularObjective(irisSpec(), handle);
    await expect(plain.run({ freeze_layers: 1 }, recordingCtx(1))).rejects.toThrow(TrialError);
    // another data set's model: 4 inputs against separable's 5
    await expect(
      createTabularObjective(spec({ data: fixture('separable.csv'), target: 'label', task: 'classification', baseModel: dir }), handle),
    ).rejects.toThrow(/model\.json: takes 4 inputs, but the data encodes 6/);
    await expect(readBaseModel(path.join(dir, 'missing'))).rejects.toThrow(BaseModelError);
    const odd = tempDir('odd');
    writeFileSync(path.join(odd, 'model.json'), JSON.stringify({ modelTopology: { class_name: 'Model', config: {} } }));
    await expect(readBaseModel(odd)).rejects.toThrow(/is not a Sequential LayersModel/);
  });
});

describe('through a sweep: save_best, then a second sweep fine-tunes the saved model', () => {
  test("the engine saves the best trial's model (same metrics) and reports its path; base_model picks it up", async () => {
    const { runSweep } = await import('../../src/engine/run.js');
    const dir = tempDir('sweep');
    const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
    writeFileSync(
      path.join(dir, 'pretrain.yml'),
      `method: random\nseed: 2\nrun_cap: 3\nmetric: {name: val_accuracy, goal: maximize}\n` +
        `trainer: {data: ${fixture('iris.csv')}, target: species, task: classification, save_best: models/best, defaults: {epochs: 5, layers: 2, units: 8}}\n` +
        `parameters: {learning_rate: {values: [0.003, 0.01, 0.03]}}\n`,
    );
    const first = await runSweep({
      configPath: path.join(dir, 'pretrain.yml'),
      overrides: { backend: 'cpu' },
      mode: { cacheDir: path.join(dir, 'cache') },
      ports: { log: quiet },
    });
    expect(first.results.savedModel).toBe(path.join(dir, 'models/best/model.json'));
    const card = JSON.parse(readFileSync(path.join(dir, 'models/best/model-card.json'), 'utf8')) as Record<string, unknown>;
    expect(card).toMatchObject({
      sweep: 'pretrain',
      configHash: first.results.configHash,
      trialKey: first.results.best!.key,
      params: first.results.best!.params,
    });
    expect(card.metrics).toEqual(first.results.best!.metrics);
    expect(card.dataSha256).toMatch(/^[0-9a-f]{64}$/);

    writeFileSync(
      path.join(dir, 'finetune.yml'),
      `method: grid\nseed: 2\nmetric: {name: val_accuracy, goal: maximize}\n` +
        `trainer: {data: ${fixture('iris.csv')}, target: species, task: classification, base_model: models/best, defaults: {epochs: 2}}\n` +
        `parameters: {freeze_layers: {values: [0, 1, 2]}, fine_tune_learning_rate: {values: [0.001]}}\n`,
    );
    const second = await runSweep({
      configPath: path.join(dir, 'finetune.yml'),
      overrides: { backend: 'cpu' },
      mode: { cacheDir: path.join(dir, 'cache') },
      ports: { log: quiet },
    });
    expect(second.results.stats).toMatchObject({ trials: 3, failed: 0 });
    expect(second.results.savedModel).toBeUndefined();
  });
});
