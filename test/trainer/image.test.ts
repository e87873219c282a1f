import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImageTrainerSpec } from '../../src/core/config/types.js';
import { TrialError } from '../../src/core/errors.js';
import type { Objective } from '../../src/core/objective.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { convGeometry } from '../../src/trainer/nn/conv.js';
import { DatasetError } from '../../src/trainer/data/errors.js';
import { parseImageHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { createImageObjective } from '../../src/trainer/image/image-objective.js';
import { decodeImage, pixelCsv, readImageSource, toInputShape } from '../../src/trainer/data/image-files.js';
import { cleanupTempDirs, fixture, recordingCtx, tempDir } from './helpers.js';

afterAll(cleanupTempDirs);

const imageSpec = (overrides: Partial<ImageTrainerSpec> & Pick<ImageTrainerSpec, 'data'>): ImageTrainerSpec => ({
  type: 'image',
  task: 'classification',
  inputShape: [8, 8, 1],
  validationSplit: 0.2,
  defaults: {},
  ...overrides,
});

let handle: TfHandle;
let pngs: Objective;
beforeAll(async () => {
  handle = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
  pngs = await createImageObjective(imageSpec({ data: fixture('digits-png') }), handle);
});

const numTensors = (): number => handle.tf.memory().numTensors;
const small = { conv_layers: 1, filters: 8, layers: 1, units: 32, batch_size: 16, learning_rate: 0.01 };

describe('learning on the 8×8 digits', () => {
  test('a conv model beats chance (0.1) by far on the PNG folder (300 images, 10 classes), and frees its tensors', async () => {
    const before = numTensors();
    const ctx = recordingCtx(1);
    const r = await pngs.run({ ...small, epochs: 8 }, ctx);
    expect(r.metrics.val_accuracy).toBeGreaterThan(0.5);
    expect(Object.keys(r.metrics).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(ctx.reports.at(-1)!.metrics.val_loss).toBeLessThan(ctx.reports[0]!.metrics.val_loss!);
    expect(numTensors()).toBe(before);
  });

  test('the pixel CSV trains too (first 400 rows), with avg pooling, valid padding and the dense extras', async () => {
    const dir = tempDir('digits');
    const lines = readFileSync(fixture('digits.csv'), 'utf8').split('\n');
    writeFileSync(path.join(dir, 'digits.csv'), `${lines.slice(0, 401).join('\n')}\n`);
    const csv = await createImageObjective(imageSpec({ data: path.join(dir, 'digits.csv'), target: 'label' }), handle);
    try {
      const r = await csv.run(
        {
          ...small,
          epochs: 5,
          pooling: 'avg',
          padding: 'valid',
          kernel_size: 3,
          layer_norm: true,
          weight_decay: 0.001,
          lr_schedule: 'cosine',
          dropout: 0.1,
        },
        recordingCtx(2),
      );
      expect(r.metrics.val_accuracy).toBeGreaterThan(0.4);
    } finally {
      await csv.dispose?.();
    }
  });

  test('same params and seed give identical learning curves; another seed does not', async () => {
    const params = {
      ...small,
      epochs: 1,
      dropout: 0.3,
      batch_norm: true,
      filter_schedule: 'grow',
      conv_layers: 2,
      filters: 4,
      batch_size: 32,
    };
    const a = recordingCtx(7);
    const b = recordingCtx(7);
    const c = recordingCtx(8);
    for (const ctx of [a, b, c]) await pngs.run(params, ctx);
    expect(b.reports).toEqual(a.reports);
    expect(c.reports).not.toEqual(a.reports);
  });
});

describe('geometry and hyperparameters', () => {
  const conv = (p: Record<string, string | number>) => parseImageHyperparameters(p).conv;

  test('sides shrink by strides and pooling; filters follow filter_schedule', () => {
    expect(convGeometry([8, 8, 1], conv({ conv_layers: 2, filters: 4, filter_schedule: 'grow' })).map((g) => g.out)).toEqual([
      [4, 4, 4],
      [2, 2, 8],
    ]);
    expect(
      convGeometry([9, 7, 3], conv({ conv_layers: 1, strides: 2, pooling: 'none', padding: 'valid', kernel_size: 3 })).map((g) => g.out),
    ).toEqual([[4, 3, 16]]);
  });

  test("a stride or (padding valid) a window larger than a layer's input fails the trial, naming it", async () => {
    expect(() => convGeometry([4, 6, 1], conv({ strides: 5 }))).toThrow(
      /strides 5 is larger than conv layer 1's input \(4×6, trainer.input_shape \[4,6,1\]\)/,
    );
    expect(() => convGeometry([8, 8, 1], conv({ conv_layers: 3 }))).not.toThrow(); // 8 → 4 → 2 → 1
    expect(() => convGeometry([8, 8, 1], conv({ conv_layers: 3, strides: 2 }))).toThrow(
      /strides 2 is larger than conv layer 3's input \(1×1\)/,
    );
    expect(() => convGeometry([8, 8, 1], conv({ padding: 'valid', kernel_size: 9 }))).toThrow(
      /kernel_size 9 is larger than conv layer 1's input/,
    );
    await expect(pngs.run({ strides: 8, conv_layers: 2 }, recordingCtx(1))).rejects.toThrow(TrialError);
    await expect(pngs.run({ strides: 8, conv_layers: 2 }, recordingCtx(1))).rejects.toThrow(
      /strides 8 is larger than conv layer 2's input \(1×1\)/,
    );
  });

  test("a negative kernel_size, and the tabular trainer's hyperparameters checked as there", async () => {
    await expect(pngs.run({ kernel_size: -1 }, recordingCtx(1))).rejects.toThrow(
      /hyperparameter kernel_size: must be in \[1, 15\], got -1/,
    );
    await expect(pngs.run({ pooling: 'min' }, recordingCtx(1))).rejects.toThrow(
      /hyperparameter pooling: must be one of max, avg, none, got "min"/,
    );
  });
});

describe('reading images', () => {
  test("the PNGs decode to the CSV's pixels (0..16 scaled to 0..255)", async () => {
    const source = await readImageSource({ data: fixture('digits-png'), inputShape: [8, 8, 1] });
    expect(source.labels).toHaveLength(300);
    const csv = readFileSync(fixture('digits.csv'), 'utf8').trim().split('\n');
    const row = csv[1 + 3]!.split(',').map(Number); // digits-png/3/0003.png is row 3
    const png = toInputShape(decodeImage('0003.png', readFileSync(fixture('digits-png/3/0003.png'))), [8, 8, 1]);
    expect(row[64]).toBe(3);
    Array.from(png).forEach((v, i) => expect(v).toBeCloseTo(Math.round((row[i]! * 255) / 16), 3));
  });

  test('JPEG and RGB PNG decode; images are resized (bilinear) and converted to the channels asked for', () => {
    const rgba = Buffer.alloc(16 * 16 * 4);
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) rgba.set(x < 8 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * 16 + x) * 4);
    const png = new PNG({ width: 16, height: 16 });
    png.data = rgba;
    const fromPng = toInputShape(decodeImage('a.png', PNG.sync.write(png)), [4, 4, 3]);
    expect(Array.from(fromPng.subarray(0, 3))).toEqual([255, 0, 0]); // top left stays red
    expect(Array.from(fromPng.subarray(9, 12))).toEqual([0, 0, 255]); // top right blue
    const grey = toInputShape(decodeImage('a.png', PNG.sync.write(png)), [2, 2, 1]);
    expect(grey[0]).toBeCloseTo(0.299 * 255, 3);
    expect(grey[1]).toBeCloseTo(0.114 * 255, 3);
    const jpg = jpeg.encode({ data: rgba, width: 16, height: 16 }, 95).data;
    const fromJpeg = toInputShape(decodeImage('a.jpg', jpg), [4, 4, 3]);
    expect(fromJpeg[0]).toBeGreaterThan(200); // lossy, but red stays red
    expect(fromJpeg[2]).toBeLessThan(60);
  });

  test('a missing folder, an unreadable PNG, a non-image and a CSV of the wrong width are data errors naming file and value', async () => {
    await expect(readImageSource({ data: fixture('no-such-images'), inputShape: [8, 8, 1] })).rejects.toThrow(
      /no-such-images: cannot be read: ENOENT/,
    );
    const dir = tempDir('images');
    cpSync(fixture('digits-png'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, '3', 'broken.png'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png')]),
    );
    const err = await createImageObjective(imageSpec({ data: dir }), handle).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).file).toBe(path.join(dir, '3', 'broken.png'));
    expect(String(err)).toMatch(/broken\.png: is not a readable PNG image: /);
    expect(() => decodeImage('x.png', Buffer.from('GIF89a...'))).toThrow(
      /x\.png: is neither a PNG nor a JPEG image \(its first bytes are "47494638"\)/,
    );
    expect(() => pixelCsv('p.csv', Buffer.from('a,b,label\n1,2,x\n3,4,y\n'), 'label', [8, 8, 1])).toThrow(
      /p\.csv: has 2 pixel columns \(every column but "label"\), but trainer.input_shape \[8,8,1\] needs 8 × 8 × 1 = 64/,
    );
    expect(() => pixelCsv('p.csv', Buffer.from('a,label\n1,x\nfoo,y\n'), 'label', [1, 1, 1])).toThrow(
      /p\.csv:3: pixel column "a" must hold numbers, got "foo"/,
    );
    const one = tempDir('one-class');
    mkdirSync(path.join(one, 'cats'));
    await expect(readImageSource({ data: one, inputShape: [8, 8, 1] })).rejects.toThrow(
      /needs one sub-folder of images per class, at least two; found \["cats"\]/,
    );
  });
});

describe('as a sweep, from the CLI', () => {
  const run = async (dir: string, config: string): Promise<{ code: number; out: string; err: string }> => {
    const { main } = await import('../../src/cli/main.js');
    writeFileSync(path.join(dir, 'sweep.yml'), config);
    let out = '';
    let err = '';
    const code = await main(['run', path.join(dir, 'sweep.yml'), '--backend', 'cpu', '--cache-dir', path.join(dir, 'cache')], {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
    });
    return { code, out, err };
  };
  const config = (data: string): string =>
    `method: random\nseed: 1\nrun_cap: 2\nmetric: {name: val_accuracy, goal: maximize}\n` +
    `trainer: {type: image, data: ${data}, input_shape: [8, 8, 1], defaults: {epochs: 2, conv_layers: 1, filters: 4}}\n` +
    `parameters: {kernel_size: {values: [3, 5]}, pooling: {values: [max, none]}}\n`;

  test('a folder of PNGs runs as a sweep (exit 0, report); a missing folder is a config error (exit 2) naming key and value', async () => {
    const dir = tempDir('image-sweep');
    const ok = await run(dir, config(fixture('digits-png')));
    expect(ok.err).toContain('[2/2]');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('### sweepgate: sweep');
    const missing = await run(dir, config('no-such-images'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/trainer\.data: file not found, got "no-such-images"/);
  });

  test('the shipped digits sweep config loads', async () => {
    const { loadConfig } = await import('../../src/engine/run.js');
    const c = await loadConfig(path.resolve(fixture('..'), 'sweeps/digits/sweep.yml'));
    expect(c.workload).toMatchObject({
      kind: 'trainer',
      trainer: { type: 'image', inputShape: [8, 8, 1], earlyStoppingMetric: { name: 'val_accuracy', goal: 'maximize' } },
    });
  });
});

describe('timing a training step for backend auto', () => {
  test('msPerStep times the model on the handle it is given, changes no trial, and puts the trial backend back', async () => {
    const wasm = await loadTf('wasm', { cwd: process.cwd(), warn: () => {} });
    const o = await createImageObjective(imageSpec({ data: fixture('digits-png') }), handle);
    const before = await o.run({ ...small, epochs: 2 }, recordingCtx(5));
    const tensors = numTensors();
    let ticks = 0;
    const clock = (): number => (ticks += 7);
    // The clock is read once before and once after the timed steps: (7 × 2 − 7) / 4 steps.
    expect(await o.msPerStep(wasm, small, 4, clock)).toBe(7 / 4);
    expect(handle.tf.getBackend()).toBe('cpu');
    const real = await o.msPerStep(wasm, small, 2);
    expect(real).toBeGreaterThan(0);
    expect(handle.tf.getBackend()).toBe('cpu');
    expect((await o.run({ ...small, epochs: 2 }, recordingCtx(5))).metrics).toEqual(before.metrics);
    expect(numTensors()).toBe(tensors); // the timed steps free what they make
  });
});

describe('pixelCsv reads pixels straight from the bytes (scanCsv), as parseCsv and Number() read them', () => {
  test('the same pixels, labels and errors as the strings would give, plain numbers or not', () => {
    const text = [
      'p0,p1,p2,p3,label',
      '0,0.25,1e-3,.5,a',
      ' +2 , 3.,  7 ,0x10,b', // padded cells, a hex number (Number() reads 16): not plain, read from their text
      '"4",5,6,7,a', // a quote: the whole file goes through parseCsv
    ].join('\n');
    const fromPlain = pixelCsv('p.csv', Buffer.from(text.split('\n').slice(0, 3).join('\n')), 'label', [2, 2, 1]);
    expect(fromPlain.labels).toEqual(['a', 'b']);
    expect(fromPlain.pixels.map((p) => Array.from(p))).toEqual([
      [0, 0.25, Math.fround(1e-3), 0.5],
      [2, 3, 7, 16],
    ]);
    const quoted = pixelCsv('p.csv', Buffer.from(text), 'label', [2, 2, 1]);
    expect(quoted.pixels.map((p) => Array.from(p))).toEqual([...fromPlain.pixels.map((p) => Array.from(p)), [4, 5, 6, 7]]);
    expect(quoted.contentHash).not.toBe(fromPlain.contentHash);
    expect(() => pixelCsv('p.csv', Buffer.from('a,b,label\n1,2,x\n3,NA,y\n'), 'label', [1, 2, 1])).toThrow(
      /p\.csv:3: pixel column "b" must hold numbers, got "NA"/,
    );
    expect(() => pixelCsv('p.csv', Buffer.from('a,b,label\n1,2,x\n3,,y\n'), 'label', [1, 2, 1])).toThrow(/p\.csv:3: pixel column "b"/);
    expect(() => pixelCsv('p.csv', Buffer.from('a,b,label\n1,2,x\n3,inf,y\n'), 'label', [1, 2, 1])).toThrow(
      /column "b" holds "inf", an infinite number/,
    );
    expect(() => pixelCsv('p.csv', Buffer.from('a,b,label\n1,2,x\n3,4,\n'), 'label', [1, 2, 1])).toThrow(
      /row has no value in target column "label"/,
    );
  });
});
