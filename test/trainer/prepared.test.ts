import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareTabularData, type DatasetSpec } from '../../src/trainer/data/tabular-data.js';
import { fileHashes, prepareOnce, preparedKey } from '../../src/trainer/data/prepared.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { cleanupTempDirs, fixture, recordingCtx, spec as trainerSpec, tempDir } from './helpers.js';

const spec: DatasetSpec = { data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.2 };
const bytes = readFileSync(fixture('iris.csv'));

describe('prepared tabular data', () => {
  it('takes a preparation handed over for its key, and prepares anything else anew', () => {
    const a = prepareOnce([], spec, fileHashes(bytes), () => ({ data: bytes }));
    expect(a.key).toBe(preparedKey(spec, fileHashes(bytes)));
    expect(a.data).toEqual(prepareTabularData(spec, bytes));
    expect(prepareOnce([a], { ...spec }, fileHashes(Buffer.from(bytes)), () => expect.fail('read again')).data).toBe(a.data);
    // Another split, other bytes: prepared anew.
    expect(prepareOnce([a], { ...spec, validationSplit: 0.3 }, fileHashes(bytes), () => ({ data: bytes })).data).not.toBe(a.data);
    const edited = Buffer.concat([bytes, Buffer.from('5.0,3.0,1.5,0.2,setosa\n')]);
    const b = prepareOnce([a], spec, fileHashes(edited), () => ({ data: edited }));
    expect(b.data).not.toBe(a.data);
    expect(b.data.train.n + b.data.validation.n).toBe(a.data.train.n + a.data.validation.n + 1);
  });

  it('keys on the dataset fields and bytes, not on the hyperparameter defaults', () => {
    const withDefaults = { ...spec, type: 'tabular', defaults: { epochs: 3 } };
    expect(preparedKey(withDefaults, fileHashes(bytes))).toBe(preparedKey(spec, fileHashes(bytes)));
    expect(preparedKey({ ...spec, target: 'sepal_length', task: 'regression' }, fileHashes(bytes))).not.toBe(
      preparedKey(spec, fileHashes(bytes)),
    );
    expect(preparedKey(spec, fileHashes(bytes, bytes))).not.toBe(preparedKey(spec, fileHashes(bytes)));
  });

  it('crosses to a worker thread without a copy: its arrays are shared, so the clone sees the same memory', () => {
    const { data } = prepareOnce([], { ...spec, validationSplit: 0.45 }, fileHashes(bytes), () => ({ data: bytes }));
    const arrays = [data.train.x, data.train.labels!, data.train.keys!, data.validation.x, data.validation.labels!];
    for (const a of arrays) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    const clone = structuredClone(data); // what workerData does
    const before = data.train.x[0]!;
    clone.train.x[0] = before + 1;
    expect(data.train.x[0]).toBe(before + 1);
    clone.train.x[0] = before;
  });

  it('gives back data handed over from another thread for its key, without parsing', () => {
    const other = { ...spec, validationSplit: 0.25 };
    const made = structuredClone(prepareTabularData(other, bytes)); // as a worker receives it
    expect(
      prepareOnce([{ key: preparedKey(other, fileHashes(bytes)), data: made }], other, fileHashes(bytes), () => expect.fail('parsed')).data,
    ).toBe(made);
  });
});

describe('the tabular objective hands its prepared data over explicitly', () => {
  let handle: TfHandle;
  beforeAll(async () => {
    handle = await loadTf('cpu', { cwd: process.cwd(), warn: (m) => expect.fail(m) });
  });
  const iris = trainerSpec({ data: fixture('iris.csv'), target: 'species', task: 'classification', defaults: { epochs: 1 } });

  it('exposes each split it prepared, and another objective given them prepares none again', async () => {
    const first = await createTabularObjective(iris, handle);
    expect(first.prepared.map((p) => p.key)).toEqual([preparedKey(iris, fileHashes(bytes))]);
    await first.run({ validation_split: 0.3 }, recordingCtx(1)); // a searched split: prepared on first use
    expect(first.prepared.map((p) => p.key)).toEqual([
      preparedKey(iris, fileHashes(bytes)),
      preparedKey({ ...iris, validationSplit: 0.3 }, fileHashes(bytes)),
    ]);
    const second = await createTabularObjective(iris, handle, { prepared: first.prepared });
    await second.run({ validation_split: 0.3 }, recordingCtx(1));
    expect(second.prepared.map((p) => p.data)).toEqual(first.prepared.map((p) => p.data));
    second.prepared.forEach((p, i) => expect(p.data).toBe(first.prepared[i]!.data));
    // Not handed over, but prepared recently in this thread (the champion step's objective after the search's): the same.
    const third = await createTabularObjective(iris, handle);
    expect(third.prepared[0]!.data).toBe(first.prepared[0]!.data);
    // Other bytes: prepared anew.
    const other = await createTabularObjective({ ...iris, data: fixture('separable.csv'), target: 'label' }, handle);
    expect(other.prepared[0]!.data).not.toBe(first.prepared[0]!.data);
  });
});

describe('the tabular objective estimates a trial from the header and the line count', () => {
  let handle: TfHandle;
  beforeAll(async () => {
    handle = await loadTf('cpu', { cwd: process.cwd(), warn: (m) => expect.fail(m) });
  });
  afterAll(cleanupTempDirs);
  const params = { units: 16, layers: 2, epochs: 3, batch_size: 8 };
  /** Weights of a 2 × 16 MLP with `inputs` inputs and `outputs` outputs. */
  const weights = (inputs: number, outputs: number): number => inputs * 16 + 16 + 16 * 16 + 16 + 16 * outputs + outputs;

  it('comes close to the prepared size: rows less the validation share, a numeric input per column, two classes', async () => {
    const iris = await createTabularObjective(
      trainerSpec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }),
      handle,
    );
    // 150 rows: 120 estimated to train (the split keeps 121), batches of 8 for 3 epochs.
    expect(iris.estimatedTrialSize(params)).toEqual({ steps: 15 * 3, batch: 8, weights: weights(4, 2) });
    expect(iris.trialSize(params)).toEqual({ steps: 16 * 3, batch: 8, weights: weights(4, 3) });
    const diabetes = await createTabularObjective(
      trainerSpec({ data: fixture('diabetes.csv'), target: 'progression', task: 'regression' }),
      handle,
    );
    const exact = diabetes.trialSize(params);
    const estimated = diabetes.estimatedTrialSize(params);
    expect(estimated.weights).toBe(exact.weights);
    expect(Math.abs(estimated.steps - exact.steps)).toBeLessThanOrEqual(0.05 * exact.steps);
  });

  it('prepares nothing: data no trial could train on is still estimated, and its validation rows found', async () => {
    const dir = tempDir('estimate');
    const lines = readFileSync(fixture('iris.csv'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^[^,]+/, '1e400'); // a feature cell past a double's range: the preparation refuses it
    writeFileSync(path.join(dir, 'iris.csv'), lines.join('\n'));
    const o = await createTabularObjective(
      trainerSpec({ data: path.join(dir, 'iris.csv'), target: 'species', task: 'classification' }),
      handle,
    );
    const good = await createTabularObjective(
      trainerSpec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }),
      handle,
    );
    expect(o.estimatedTrialSize(params)).toEqual(good.estimatedTrialSize(params));
    expect(o.validation).toEqual(good.validation);
    expect(() => o.prepare()).toThrow(/beyond the range of a number/);
  });

  it('counts a categorical column as one input (its one-hot inputs are known once prepared)', async () => {
    const dir = tempDir('estimate');
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7},${['red', 'green', 'blue'][i % 3]},${i % 2}`);
    writeFileSync(path.join(dir, 'c.csv'), `x,colour,y\n${rows.join('\n')}\n`);
    const o = await createTabularObjective(trainerSpec({ data: path.join(dir, 'c.csv'), target: 'y', task: 'classification' }), handle);
    expect(o.estimatedTrialSize(params).weights).toBe(weights(2, 2));
    expect(o.trialSize(params).weights).toBe(weights(4, 2));
  });

  it('lets the bytes go once prepared; another split reads the file again, and refuses it if it changed', async () => {
    const objective = async (name: string) => {
      const file = path.join(tempDir('reread'), name);
      writeFileSync(file, bytes);
      const o = await createTabularObjective(
        trainerSpec({ data: file, target: 'species', task: 'classification', defaults: { epochs: 1 } }),
        handle,
      );
      o.prepare();
      return { o, file };
    };
    const same = await objective('same.csv');
    expect((await same.o.run({ validation_split: 0.4 }, recordingCtx(1))).metrics.val_accuracy).toBeGreaterThan(0);
    const edited = await objective('edited.csv');
    writeFileSync(edited.file, Buffer.concat([bytes, Buffer.from('5.0,3.0,1.5,0.2,setosa\n')]));
    await expect(edited.o.run({ validation_split: 0.4 }, recordingCtx(1))).rejects.toThrow(/changed while the sweep ran/);
  });
});
