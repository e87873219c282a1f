import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareTabularData, type DatasetSpec } from '../../src/trainer/data/tabular-data.js';
import { prepareOnce, preparedKey } from '../../src/trainer/data/prepared.js';
import { type TfHandle, loadTf } from '../../src/trainer/tf/backend.js';
import { createTabularObjective } from '../../src/trainer/tabular/tabular-objective.js';
import { fixture, recordingCtx, spec as trainerSpec } from './helpers.js';

const spec: DatasetSpec = { data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.2 };
const bytes = readFileSync(fixture('iris.csv'));

describe('prepared tabular data', () => {
  it('takes a preparation handed over for its key, and prepares anything else anew', () => {
    const a = prepareOnce([], spec, bytes);
    expect(a.key).toBe(preparedKey(spec, bytes));
    expect(a.data).toEqual(prepareTabularData(spec, bytes));
    expect(prepareOnce([a], { ...spec }, Buffer.from(bytes)).data).toBe(a.data);
    // Another split, other bytes: prepared anew.
    expect(prepareOnce([a], { ...spec, validationSplit: 0.3 }, bytes).data).not.toBe(a.data);
    const edited = Buffer.concat([bytes, Buffer.from('5.0,3.0,1.5,0.2,setosa\n')]);
    const b = prepareOnce([a], spec, edited);
    expect(b.data).not.toBe(a.data);
    expect(b.data.train.n + b.data.validation.n).toBe(a.data.train.n + a.data.validation.n + 1);
  });

  it('keys on the dataset fields and bytes, not on the hyperparameter defaults', () => {
    const withDefaults = { ...spec, type: 'tabular', defaults: { epochs: 3 } };
    expect(preparedKey(withDefaults, bytes)).toBe(preparedKey(spec, bytes));
    expect(preparedKey({ ...spec, target: 'sepal_length', task: 'regression' }, bytes)).not.toBe(preparedKey(spec, bytes));
    expect(preparedKey(spec, bytes, bytes)).not.toBe(preparedKey(spec, bytes));
  });

  it('crosses to a worker thread without a copy: its arrays are shared, so the clone sees the same memory', () => {
    const { data } = prepareOnce([], { ...spec, validationSplit: 0.45 }, bytes);
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
    expect(prepareOnce([{ key: preparedKey(other, bytes), data: made }], other, bytes).data).toBe(made);
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
    expect(first.prepared.map((p) => p.key)).toEqual([preparedKey(iris, bytes)]);
    await first.run({ validation_split: 0.3 }, recordingCtx(1)); // a searched split: prepared on first use
    expect(first.prepared.map((p) => p.key)).toEqual([preparedKey(iris, bytes), preparedKey({ ...iris, validationSplit: 0.3 }, bytes)]);
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
