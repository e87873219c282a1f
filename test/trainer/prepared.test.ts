import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareTabularData, type DatasetSpec } from '../../src/trainer/data/tabular-data.js';
import { adoptPrepared, preparedFor, preparedKey } from '../../src/trainer/data/prepared.js';
import { fixture } from './helpers.js';

const spec: DatasetSpec = { data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.2 };
const bytes = readFileSync(fixture('iris.csv'));

describe('prepared tabular data', () => {
  it('prepares a spec and file once per thread: the same inputs give the same object back', () => {
    const a = prepareTabularData(spec, bytes);
    expect(prepareTabularData({ ...spec }, Buffer.from(bytes))).toBe(a);
    // Another split, other bytes: prepared anew.
    expect(prepareTabularData({ ...spec, validationSplit: 0.3 }, bytes)).not.toBe(a);
    const edited = Buffer.concat([bytes, Buffer.from('5.0,3.0,1.5,0.2,setosa\n')]);
    const b = prepareTabularData(spec, edited);
    expect(b).not.toBe(a);
    expect(b.train.n + b.validation.n).toBe(a.train.n + a.validation.n + 1);
    expect(preparedFor(spec.data).map((p) => p.data)).toContain(b);
  });

  it('keys on the dataset fields and bytes, not on the hyperparameter defaults', () => {
    const withDefaults = { ...spec, type: 'tabular', defaults: { epochs: 3 } };
    expect(preparedKey(withDefaults, bytes)).toBe(preparedKey(spec, bytes));
    expect(preparedKey({ ...spec, target: 'sepal_length', task: 'regression' }, bytes)).not.toBe(preparedKey(spec, bytes));
    expect(preparedKey(spec, bytes, bytes)).not.toBe(preparedKey(spec, bytes));
  });

  it('gives back data adopted from another thread for its key, without parsing', () => {
    const other = { ...spec, validationSplit: 0.25 };
    const made = structuredClone(prepareTabularData(other, bytes)); // as a worker receives it
    adoptPrepared([{ file: other.data, key: preparedKey(other, bytes), data: made }]);
    expect(prepareTabularData(other, bytes)).toBe(made);
  });
});
