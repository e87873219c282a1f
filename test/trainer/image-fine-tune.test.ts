import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImageTrainerSpec } from '../../src/core/config/types.js';
import { ConfigError, TrialError } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { buildConvNet, convPredict } from '../../src/trainer/nn/conv.js';
import { convStep } from '../../src/trainer/nn/conv-step.js';
import { parseHyperparameters, parseImageHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { readImageSource, splitImages } from '../../src/trainer/data/image-files.js';
import { createImageObjective, imageFingerprint } from '../../src/trainer/image/image-objective.js';
import { fromImageBaseModel } from '../../src/trainer/image/image-fine-tune.js';
import { type ImageBaseModel, readImageBaseModel } from '../../src/trainer/image/image-model-file.js';
import { cleanupTempDirs, fixture, loadWithTfjs, recordingCtx, tempDir } from './helpers.js';

// The conv-net fine-tuning regime: save_best writes the image trainer's net as a LayersModel that
// tf.loadLayersModel reads and that predicts what the trainer's net does; base_model reads it back, freeze_layers
// keeps the bottom layers (conv layers first) bit for bit and fine_tune_learning_rate trains the rest.

afterAll(cleanupTempDirs);

let handle: TfHandle;
/** The first rows of digits 0-4 and 5-9 (fixtures/data), small enough for quick trials. */
const data: { low: string; high: string; all: string } = { low: '', high: '', all: '' };
beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
  const dir = tempDir('digits');
  for (const [key, file] of [
    ['low', 'digits-0-4.csv'],
    ['high', 'digits-5-9.csv'],
    ['all', 'digits.csv'],
  ] as const) {
    data[key] = path.join(dir, file);
    writeFileSync(data[key], `${readFileSync(fixture(file), 'utf8').split('\n').slice(0, 301).join('\n')}\n`);
  }
});

const imageSpec = (overrides: Partial<ImageTrainerSpec> = {}): ImageTrainerSpec => ({
  type: 'image',
  task: 'classification',
  inputShape: [8, 8, 1],
  validationSplit: 0.2,
  defaults: {},
  data: data.low,
  target: 'label',
  ...overrides,
});

const quick = { conv_layers: 2, filters: 4, layers: 1, units: 16, batch_size: 32, learning_rate: 0.01, epochs: 2 };

/** Saves the model of `params` trained on `s` into a new folder; returns the folder. */
async function saved(s: ImageTrainerSpec, params: Params, seed = 1): Promise<string> {
  const dir = tempDir('model');
  const o = await createImageObjective(s, handle);
  expect(await o.saveModel!(params, seed, dir, { sweep: 'test' })).toBe(path.join(dir, 'model.json'));
  return dir;
}

const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};
const card = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'model-card.json'), 'utf8')) as {
    metrics: { val_accuracy: number };
    outputs: { probabilities: string[] };
    pixels: { mean: number; std: number };
    architecture: object;
  };

describe('save_best for images: a LayersModel and a model card', () => {
  test.each([
    ['relu, max pooling, batch norm, dropout', { ...quick, batch_norm: true, dropout: 0.3 }],
    [
      'leaky_relu, avg pooling, layer norm, growing filters',
      { ...quick, activation: 'leaky_relu', pooling: 'avg', layer_norm: true, filter_schedule: 'grow' },
    ],
    [
      'tanh, valid padding, strides 2, no pooling, no hidden layer',
      { ...quick, activation: 'tanh', padding: 'valid', strides: 2, pooling: 'none', layers: 0 },
    ],
    ['no conv layer', { ...quick, conv_layers: 0, activation: 'elu' }],
  ] as [string, Params][])(
    "%s: tf.loadLayersModel predicts the trainer's probabilities (within 1e-5) and its val_accuracy",
    async (_, params) => {
      const s = imageSpec();
      const dir = await saved(s, params);
      const lm = await loadWithTfjs(handle.tf, dir);
      const images = splitImages(await readImageSource(s), s.data, 0.2, 0, s.inputShape);
      const { n, x, labels } = images.validation;
      const t = handle.tf;
      const got = t.tidy(() => (lm.predict(t.tensor4d(x, [n, 8, 8, 1])) as tf.Tensor).dataSync() as Float32Array);
      lm.dispose();
      // the trainer's own inference on the same weights, read back by the base-model reader
      const base = await readImageBaseModel(dir);
      const { net, dense } = fromImageBaseModel(base, parseHyperparameters({}), 5, true, 1);
      const want = t.tidy(() => t.softmax(convPredict(t, net, dense.activation, x, n)).dataSync() as Float32Array);
      expect(got.length).toBe(n * 5);
      expect(maxAbsDiff(got, want)).toBeLessThanOrEqual(1e-5);
      // and the loaded model's accuracy on the validation images is the card's val_accuracy
      let correct = 0;
      for (let i = 0; i < n; i++) {
        const row = Array.from(got.subarray(i * 5, i * 5 + 5));
        if (row.indexOf(Math.max(...row)) === labels[i]) correct++;
      }
      const c = card(dir);
      expect(correct / n).toBeCloseTo(c.metrics.val_accuracy, 10);
      expect(c.outputs.probabilities).toEqual(['0', '1', '2', '3', '4']);
      expect(c.pixels.mean).toBeCloseTo(images.pixels.mean, 10);
    },
  );
});

describe('base_model for images: fine-tuning a saved conv net', () => {
  let baseDir: string;
  let base: ImageBaseModel;
  beforeAll(async () => {
    baseDir = await saved(imageSpec(), { ...quick, batch_norm: true });
    base = await readImageBaseModel(baseDir);
  });

  test.each([1, 2, 3])(
    'freeze_layers %i keeps the bottom layers (conv layers first) bit for bit, trains the rest, and frees its tensors',
    async (k) => {
      const s = imageSpec({ data: data.high, baseModel: baseDir });
      const o = await createImageObjective(s, handle);
      const before = handle.tf.memory().numTensors;
      const r = await o.run({ epochs: 2, freeze_layers: k }, recordingCtx(3));
      expect(handle.tf.memory().numTensors).toBe(before);
      expect(r.metrics.val_accuracy).toBeGreaterThan(0.2);
      const dir = tempDir('tuned');
      await o.saveModel!({ epochs: 2, freeze_layers: k }, 3, dir, {});
      const tuned = await readImageBaseModel(dir);
      base.conv.layers.forEach((l, i) => {
        const same = bytes(tuned.conv.layers[i]!.kernel).equals(bytes(l.kernel)) && bytes(tuned.conv.layers[i]!.bias).equals(bytes(l.bias));
        expect(same, `conv layer ${i + 1}`).toBe(i < k);
      });
      const h = tuned.hidden[0]!;
      const b = base.hidden[0]!;
      const frozenHead = k === 3;
      for (const w of ['kernel', 'gamma', 'beta', 'movingMean', 'movingVariance'] as const)
        expect(bytes(h[w]!).equals(bytes(b[w]!)), `hidden_0 ${w}`).toBe(frozenHead);
      // new classes (5-9): a new output layer
      expect(card(dir).outputs.probabilities).toEqual(['5', '6', '7', '8', '9']);
      expect(bytes(tuned.output.kernel).equals(bytes(base.output.kernel))).toBe(false);
    },
  );

  test("fine_tune_learning_rate is the base model's layers' rate; the new head trains at learning_rate", async () => {
    const o = await createImageObjective(imageSpec({ data: data.high, baseModel: baseDir }), handle);
    const change = async (rate: number): Promise<{ conv: number; head: number }> => {
      const dir = tempDir('tuned');
      await o.saveModel!({ epochs: 1, learning_rate: 0.01, fine_tune_learning_rate: rate }, 3, dir, {});
      const tuned = await readImageBaseModel(dir);
      return {
        conv: Math.max(...base.conv.layers.map((l, i) => maxAbsDiff(tuned.conv.layers[i]!.kernel, l.kernel))),
        head: maxAbsDiff(tuned.hidden[0]!.kernel, base.hidden[0]!.kernel),
      };
    };
    const slow = await change(1e-9);
    const fast = await change(0.01);
    expect(slow.conv).toBeLessThan(1e-6);
    expect(slow.head).toBeLessThan(1e-6);
    expect(fast.conv).toBeGreaterThan(1e-3);
    expect(fast.head).toBeGreaterThan(1e-3);
  });

  test('the same classes keep the output layer: frozen below it, at a learning rate of ~0, the fine-tune is the base model', async () => {
    const o = await createImageObjective(imageSpec({ baseModel: baseDir }), handle);
    const r = await o.run({ epochs: 1, freeze_layers: 3, learning_rate: 1e-12 }, recordingCtx(1));
    expect(r.metrics.val_accuracy).toBeCloseTo(card(baseDir).metrics.val_accuracy, 10);
  });

  test("the base model's bytes (model.json, weights, card) are in every trial key; where the best model goes is not", async () => {
    const s = imageSpec({ data: data.high, baseModel: baseDir });
    const key = async (spec: ImageTrainerSpec): Promise<string> => (await createImageObjective(spec, handle)).fingerprint;
    const withBase = await key(s);
    const plain = await key(imageSpec({ data: data.high }));
    expect(plain).toBe(
      imageFingerprint(imageSpec({ data: data.high }), (await readImageSource(imageSpec({ data: data.high }))).contentHash),
    );
    expect(withBase).not.toBe(plain);
    expect(await key({ ...s, saveBest: tempDir('elsewhere') })).toBe(withBase);
    // one weight byte changed: a new key
    const copy = tempDir('copy');
    for (const f of ['model.json', 'weights.bin', 'model-card.json'])
      writeFileSync(path.join(copy, f), readFileSync(path.join(baseDir, f)));
    expect(await key({ ...s, baseModel: copy })).toBe(withBase);
    const weights = readFileSync(path.join(copy, 'weights.bin'));
    weights[17] = weights[17]! ^ 1;
    writeFileSync(path.join(copy, 'weights.bin'), weights);
    const changed = await key({ ...s, baseModel: copy });
    expect(changed).not.toBe(withBase);
    // the card's bytes too: its classes decide whether the output layer is kept
    const cardFile = path.join(copy, 'model-card.json');
    writeFileSync(cardFile, `${readFileSync(cardFile, 'utf8')} `);
    expect(await key({ ...s, baseModel: copy })).not.toBe(changed);
  });

  test('a base model for other images is a config error naming both shapes', async () => {
    const s = imageSpec({ data: fixture('digits-png'), target: undefined, inputShape: [6, 6, 1], baseModel: baseDir });
    const err = await createImageObjective(s, handle).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).path).toBe('trainer.base_model');
    expect((err as ConfigError).message).toContain(
      'takes images of shape [8,8,1] ([height, width, channels]), but trainer.input_shape is [6,6,1]',
    );
  });

  test("a base model whose classes overlap the data's without being them is a config error naming both lists", async () => {
    const err = await createImageObjective(imageSpec({ data: data.all, baseModel: baseDir }), handle).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(
      'was trained on 5 classes ["0","1","2","3","4"] and the data has 10 classes ["0","1","2","3","4","5","6","7","8","9"]',
    );
  });

  test('freeze_layers beyond the base model fails the trial, naming its layers', async () => {
    const o = await createImageObjective(imageSpec({ data: data.high, baseModel: baseDir }), handle);
    await expect(o.run({ freeze_layers: 4 }, recordingCtx(1))).rejects.toThrow(
      new TrialError("freeze_layers 4 is more than the base model's 2 conv and 1 hidden layers (the output layer always trains)"),
    );
  });

  test('a file that is not a conv net is refused, naming the file and the layer', async () => {
    const dir = tempDir('broken');
    const json = JSON.parse(readFileSync(path.join(baseDir, 'model.json'), 'utf8')) as {
      modelTopology: { config: { layers: { class_name: string }[] } };
    };
    json.modelTopology.config.layers = json.modelTopology.config.layers.filter((l) => l.class_name !== 'Flatten');
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    writeFileSync(path.join(dir, 'weights.bin'), readFileSync(path.join(baseDir, 'weights.bin')));
    await expect(readImageBaseModel(dir)).rejects.toThrow(/model\.json: has no Flatten layer/);
  });
});

describe('convStep with frozenLayers', () => {
  test("the frozen conv layers' gradient is 0, every other one the full step's", () => {
    const { dense, conv } = parseImageHyperparameters({ conv_layers: 2, filters: 3, layers: 1, units: 5 });
    const net = buildConvNet(dense, conv, [6, 6, 1], 3, 7);
    const rows = 4;
    const x = Float32Array.from({ length: rows * 36 }, (_, i) => Math.sin(i));
    const batch = { x, rows, labels: Int32Array.from([0, 1, 2, 1]), classes: 3, masks: [] };
    const full = new Float32Array(net.head.params.length);
    const part = new Float32Array(net.head.params.length);
    const a = convStep(handle.tf, net, 'relu', batch, full);
    const b = convStep(handle.tf, net, 'relu', batch, part, { frozenLayers: 1 });
    expect(b.loss).toBeCloseTo(a.loss, 6);
    const first = net.layers[0]!;
    const frozenEnd = first.bias.offset + first.bias.size;
    expect(part.subarray(first.kernel.offset, frozenEnd).every((g) => g === 0)).toBe(true);
    expect(full.subarray(first.kernel.offset, frozenEnd).some((g) => g !== 0)).toBe(true);
    expect(maxAbsDiff(part.subarray(0, first.kernel.offset), full.subarray(0, first.kernel.offset))).toBeLessThan(1e-6);
    expect(maxAbsDiff(part.subarray(frozenEnd), full.subarray(frozenEnd))).toBeLessThan(1e-6);
  });
});
