import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DatasetError,
  EmptyDataError,
  MissingColumnError,
  NonNumericError,
  UnseenLabelError,
} from '../../src/trainer/errors.js';
import { type DatasetSpec, parseCsv, prepareTabularData, splitRows } from '../../src/trainer/dataset.js';
import { fixture } from './helpers.js';

const cls = (over: Partial<DatasetSpec> = {}): DatasetSpec => ({ data: '/d/train.csv', target: 'y', task: 'classification', validationSplit: 0.25, ...over });
const reg = (over: Partial<DatasetSpec> = {}): DatasetSpec => cls({ task: 'regression', ...over });
const val = (over: Partial<DatasetSpec> = {}): Partial<DatasetSpec> => ({ validation: '/d/val.csv', ...over });

const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
};

describe('CSV reading', () => {
  test('header, trimmed cells, quoted commas, blank lines and a BOM', () => {
    const t = parseCsv('/d/a.csv', '\uFEFFa, b\n1, "x,y"\n\n2,z\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([['1', 'x,y'], ['2', 'z']]);
    expect(t.lines).toEqual([2, 4]);
  });

  test('empty file, header only and ragged rows are named errors that point at the file', () => {
    expect(caught(() => parseCsv('/d/a.csv', ''))).toBeInstanceOf(EmptyDataError);
    const headerOnly = caught(() => parseCsv('/d/a.csv', 'a,b\n'));
    expect(headerOnly).toBeInstanceOf(EmptyDataError);
    expect(String(headerOnly)).toContain('/d/a.csv: the file has a header but no data rows');
    const ragged = caught(() => parseCsv('/d/a.csv', 'a,b\n1,2\n3,4,5\n'));
    expect(ragged).toBeInstanceOf(DatasetError);
    expect((ragged as DatasetError).message).toMatch(/^\/d\/a\.csv:3: not a valid CSV file/);
    expect(caught(() => parseCsv('/d/a.csv', 'a,a\n1,2\n'))).toBeInstanceOf(DatasetError);
  });
});

describe('validation split', () => {
  const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 2 ? 'odd' : 'even'}`);
  const text = `x,y\n${rows.join('\n')}\n`;

  test('stratified: the fraction of each class, at least one training row per class', () => {
    const t = parseCsv('/d/a.csv', `${text}99,rare\n`);
    const s = splitRows(t, (r) => t.rows[r]![1]!, 0.25);
    const count = (rs: number[], c: string): number => rs.filter((r) => t.rows[r]![1] === c).length;
    expect([count(s.validation, 'odd'), count(s.validation, 'even'), count(s.validation, 'rare')]).toEqual([5, 5, 0]);
    expect(count(s.train, 'rare')).toBe(1);
    expect(s.train.length + s.validation.length).toBe(41);
  });

  test('depends on row contents, not positions: reordering or appending rows keeps validation rows', () => {
    const t1 = parseCsv('/d/a.csv', text);
    const shuffled = [...rows].reverse();
    const t2 = parseCsv('/d/a.csv', `x,y\n${[...shuffled, '100,odd', '101,odd'].join('\n')}\n`);
    const v1 = splitRows(t1, () => '', 0.25).validation.map((r) => t1.rows[r]!.join());
    const v2 = splitRows(t2, () => '', 0.25).validation.map((r) => t2.rows[r]!.join());
    expect(v1).toHaveLength(10);
    expect(v2.filter((r) => v1.includes(r)).length).toBeGreaterThanOrEqual(9);
    // same input, same split
    expect(splitRows(t1, () => '', 0.25)).toEqual(splitRows(t1, () => '', 0.25));
  });

  test('is seeded: the same seed gives the same split, another seed another one', () => {
    const t = parseCsv('/d/a.csv', text);
    const v = (seed: number): number[] => splitRows(t, () => '', 0.25, seed).validation;
    expect(v(7)).toEqual(v(7));
    expect(v(7)).not.toEqual(v(8));
    expect(v(8)).toHaveLength(10);
  });

  test('identical rows land on the same side, whatever the fraction', () => {
    // 40 distinct rows, the k-th repeated 1 + k % 4 times: runs of equal hashes sit all along the sorted order.
    const dup = Array.from({ length: 40 }, (_, k) => Array.from({ length: 1 + (k % 4) }, () => `${k},${k % 3}`)).flat();
    const t = parseCsv('/d/a.csv', `x,y\n${dup.join('\n')}\n`);
    for (const fraction of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
      const s = splitRows(t, () => '', fraction);
      const side = new Map<string, Set<string>>();
      for (const [name, rows] of [['train', s.train], ['validation', s.validation]] as const)
        for (const r of rows) side.set(t.rows[r]!.join(), (side.get(t.rows[r]!.join()) ?? new Set()).add(name));
      for (const [row, sides] of side) expect([...sides], `row ${row} at fraction ${fraction}`).toHaveLength(1);
      expect(Math.abs(s.validation.length / dup.length - fraction)).toBeLessThan(0.05);
    }
  });

  test('a class whose rows are all identical stays in training rather than splitting or leaving none there', () => {
    const t = parseCsv('/d/a.csv', `x,y\n${Array.from({ length: 12 }, (_, i) => `${i},c`).join('\n')}\n7,rare\n7,rare\n7,rare\n`);
    const s = splitRows(t, (r) => t.rows[r]![1]!, 0.5);
    expect(s.train.filter((r) => t.rows[r]![1] === 'rare')).toHaveLength(3);
    expect(s.validation.filter((r) => t.rows[r]![1] === 'c')).toHaveLength(6);
  });

  test('a split that leaves no validation rows is an EmptyDataError', () => {
    expect(caught(() => prepareTabularData(cls({ validationSplit: 0.2 }), 'a,y\n1,p\n2,q\n'))).toBeInstanceOf(EmptyDataError);
  });
});

describe('encoding', () => {
  test('numeric features are standardised with training statistics only; missing cells become the training mean', () => {
    const train = 'a,b,y\n1,10,p\n3,,q\n5,30,p\nNA,20,q\n';
    const valid = 'a,b,y\n100,?,p\n3,20,q\n';
    const d = prepareTabularData(cls(val()), train, valid);
    const sa = Math.sqrt(8 / 3);
    const sb = Math.sqrt(200 / 3);
    expect(d.encodings).toEqual([
      { kind: 'numeric', name: 'a', mean: 3, std: sa },
      { kind: 'numeric', name: 'b', mean: 20, std: sb },
    ]);
    // b missing in row 2, a missing ("NA") in row 4: both encode as 0, the training mean
    expect(Array.from(d.train.x)).toEqual([-2 / sa, -10 / sb, 0, 0, 2 / sa, 10 / sb, 0, 0].map(Math.fround));
    // validation is scaled with the training mean/std (a = 100 stays far out); "?" is missing
    expect(Array.from(d.validation.x)).toEqual([97 / sa, 0, 0, 0].map(Math.fround));
  });

  test('a constant column encodes as zeros', () => {
    const d = prepareTabularData(cls(val()), 'a,k,y\n1,5,p\n2,5,q\n', 'a,k,y\n9,7,p\n');
    expect(d.encodings[1]).toEqual({ kind: 'numeric', name: 'k', mean: 5, std: 0 });
    expect(d.validation.x[1]).toBe(0);
  });

  test('string columns are one-hot over the training categories (sorted); unseen and empty are all zeros', () => {
    const d = prepareTabularData(cls(val()), 'c,y\nred,p\nblue,q\nred,q\n,p\n', 'c,y\ngreen,p\nblue,q\n');
    expect(d.inputs).toEqual(['c=blue', 'c=red']);
    expect(Array.from(d.train.x)).toEqual([0, 1, 1, 0, 0, 1, 0, 0]);
    expect(Array.from(d.validation.x)).toEqual([0, 0, 1, 0]);
  });

  test('classes are sorted; numeric labels numerically and 1.0 is the class 1', () => {
    const d = prepareTabularData(cls(val()), 'a,y\n1,10\n2,9\n3,1.0\n', 'a,y\n1,1\n');
    expect(d.classes).toEqual(['1', '9', '10']);
    expect(Array.from(d.train.labels!)).toEqual([2, 1, 0]);
    expect(Array.from(d.validation.labels!)).toEqual([0]);
    const s = prepareTabularData(cls(val()), 'a,y\n1,b\n2,a\n', 'a,y\n1,a\n');
    expect(s.classes).toEqual(['a', 'b']);
  });

  test('regression targets keep their original values and training mean/std', () => {
    const d = prepareTabularData(reg(val()), 'a,y\n1,10\n2,20\n3,30\n', 'a,y\n4,40\n');
    expect(d.targetMean).toBe(20);
    expect(d.targetStd).toBeCloseTo(Math.sqrt(200 / 3), 12);
    expect(Array.from(d.validation.targets!)).toEqual([40]);
  });

  test('features: lists the inputs; unnamed columns are left out by default', () => {
    const d = prepareTabularData(cls({ ...val(), features: ['b'] }), 'a,b,y\n1,2,p\n3,4,q\n', 'a,b,y\n1,2,p\n');
    expect(d.inputs).toEqual(['b']);
    const u = prepareTabularData(cls(val()), ',b,y\n0,2,p\n1,4,q\n', ',b,y\n0,2,p\n');
    expect(u.inputs).toEqual(['b']);
  });
});

describe('errors name the file, column and value', () => {
  test('missing target column', () => {
    const err = caught(() => prepareTabularData(cls({ target: 'label' }), 'a,y\n1,p\n'));
    expect(err).toBeInstanceOf(MissingColumnError);
    expect(err).toMatchObject({ role: 'target', column: 'label', file: '/d/train.csv' });
    expect(String(err)).toContain('/d/train.csv: target column "label" is not in the header (columns: "a", "y")');
  });

  test('unknown feature column, in the training or the validation file', () => {
    const err = caught(() => prepareTabularData(cls({ features: ['a', 'zz'] }), 'a,y\n1,p\n'));
    expect(err).toBeInstanceOf(MissingColumnError);
    expect(err).toMatchObject({ role: 'feature', column: 'zz' });
    const v = caught(() => prepareTabularData(cls(val()), 'a,b,y\n1,2,p\n2,3,q\n', 'a,y\n1,p\n'));
    expect(v).toMatchObject({ role: 'feature', column: 'b', file: '/d/val.csv' });
    expect(caught(() => prepareTabularData(cls({ features: ['y'] }), 'a,y\n1,p\n'))).toBeInstanceOf(DatasetError);
  });

  test('empty data', () => {
    expect(caught(() => prepareTabularData(cls(), 'a,y\n'))).toBeInstanceOf(EmptyDataError);
    const v = caught(() => prepareTabularData(cls(val()), 'a,y\n1,p\n2,q\n', ''));
    expect(v).toBeInstanceOf(EmptyDataError);
    expect((v as EmptyDataError).file).toBe('/d/val.csv');
  });

  test('a class label only in the validation file', () => {
    const err = caught(() => prepareTabularData(cls(val()), 'a,y\n1,cat\n2,dog\n', 'a,y\n1,cat\n2,bird\n'));
    expect(err).toBeInstanceOf(UnseenLabelError);
    expect(err).toMatchObject({ file: '/d/val.csv', line: 3, column: 'y', value: 'bird' });
    expect(String(err)).toContain('/d/val.csv:3: class "bird" in column "y" appears in the validation data but not in the training data');
  });

  test('non-numeric regression target', () => {
    const err = caught(() => prepareTabularData(reg(), 'a,y\n1,2.5\n2,3\n3,high\n4,5\n'));
    expect(err).toBeInstanceOf(NonNumericError);
    expect(err).toMatchObject({ line: 4, column: 'y', value: 'high' });
    expect(String(err)).toContain('/d/train.csv:4: regression target column "y" must hold numbers, got "high"');
  });

  test('a number beyond a double (1e400) is a DatasetError naming file, line, column and value, not Infinity', () => {
    const feature = caught(() => prepareTabularData(cls(), 'a,y\n1,p\n1e400,q\n3,p\n4,q\n'));
    expect(feature).toBeInstanceOf(DatasetError);
    expect(feature).toMatchObject({ file: '/d/train.csv', line: 3, column: 'a', value: '1e400' });
    expect(String(feature)).toContain('/d/train.csv:3: column "a" holds "1e400", which is beyond the range of a number (about ±1.8e308)');
    const inValidationFile = caught(() => prepareTabularData(cls(val()), 'a,y\n1,p\n2,q\n', 'a,y\n1,p\n-2e308,q\n'));
    expect(inValidationFile).toMatchObject({ file: '/d/val.csv', line: 3, column: 'a', value: '-2e308' });
    expect(caught(() => prepareTabularData(reg(), 'a,y\n1,2\n2,1e999\n3,4\n4,5\n'))).toMatchObject({ line: 3, column: 'y', value: '1e999' });
    expect(caught(() => prepareTabularData(cls(val()), 'a,y\n1,1\n2,1e400\n', 'a,y\n1,1\n'))).toMatchObject({ line: 3, column: 'y', value: '1e400' });
  });

  test('a missing target value, a single class, a non-number in a numeric column of the validation file', () => {
    expect(String(caught(() => prepareTabularData(cls(val()), 'a,y\n1,p\n2,\n', 'a,y\n1,p\n')))).toContain('/d/train.csv:3: row has no value in target column "y"');
    expect(String(caught(() => prepareTabularData(cls(val()), 'a,y\n1,p\n2,p\n', 'a,y\n1,p\n')))).toContain('at least two classes');
    const err = caught(() => prepareTabularData(cls(val()), 'a,y\n1,p\n2,q\n', 'a,y\nfive,p\n'));
    expect(err).toBeInstanceOf(NonNumericError);
    expect(err).toMatchObject({ file: '/d/val.csv', line: 2, column: 'a', value: 'five' });
  });
});

describe('fixtures', () => {
  test('each fixture file is small and loads as its task', () => {
    const cases: [string, string, 'classification' | 'regression'][] = [
      ['iris.csv', 'species', 'classification'],
      ['separable.csv', 'label', 'classification'],
      ['linear.csv', 'y', 'regression'],
      ['diabetes.csv', 'progression', 'regression'],
    ];
    for (const [file, target, task] of cases) {
      const bytes = readFileSync(fixture(file));
      expect(bytes.length).toBeLessThan(100_000);
      const d = prepareTabularData({ data: fixture(file), target, task, validationSplit: 0.2 }, bytes);
      expect(d.train.n + d.validation.n).toBeGreaterThanOrEqual(150);
    }
    const iris = prepareTabularData({ data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.2 }, readFileSync(fixture('iris.csv')));
    expect(iris.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect([iris.train.n, iris.validation.n]).toEqual([120, 30]);
  });
});
