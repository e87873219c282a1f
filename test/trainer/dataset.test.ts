import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DatasetError, EmptyDataError, MissingColumnError, NonNumericError, UnseenLabelError } from '../../src/trainer/data/errors.js';
import { parseCsv } from '../../src/trainer/data/csv.js';
import { type DatasetSpec, prepareTabularData } from '../../src/trainer/data/tabular-data.js';
import { splitRows } from '../../src/trainer/data/split.js';
import { fixture } from './helpers.js';

const cls = (over: Partial<DatasetSpec> = {}): DatasetSpec => ({
  data: '/d/train.csv',
  target: 'y',
  task: 'classification',
  validationSplit: 0.25,
  ...over,
});
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
    expect(t.rows).toEqual([
      ['1', 'x,y'],
      ['2', 'z'],
    ]);
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
  const rows = Array.from({ length: 400 }, (_, i) => `${i},${(i * 7) % 10},${i % 2 ? 'odd' : 'even'}`);
  const text = `id,x,y\n${rows.join('\n')}\n`;
  const byId = (t: { rows: readonly (readonly string[])[] }, rs: readonly number[]): string[] => rs.map((r) => t.rows[r]![0]!).sort();

  test('each row is an independent draw: about the fraction overall and per class, seeded by the split seed', () => {
    const t = parseCsv('/d/a.csv', text);
    const s = splitRows(t, (r) => t.rows[r]![2]!, 0.25, 0);
    expect(s.train.length + s.validation.length).toBe(400);
    expect(s.validation.length / 400).toBeGreaterThan(0.2);
    expect(s.validation.length / 400).toBeLessThan(0.3);
    for (const c of ['odd', 'even']) expect(s.validation.filter((r) => t.rows[r]![2] === c).length / 200).toBeGreaterThan(0.17);
    expect(splitRows(t, () => '', 0.25, 7)).toEqual(splitRows(t, () => '', 0.25, 7));
    expect(splitRows(t, () => '', 0.25, 7).validation).not.toEqual(splitRows(t, () => '', 0.25, 8).validation);
  });

  test('a new column, a transformed column, edited labels and a changed sweep seed keep every validation row', () => {
    const base = prepareTabularData(cls({ splitSeed: 3 }), text);
    const wide = prepareTabularData(cls({ splitSeed: 3 }), `noise,id,x,y\n${rows.map((r, i) => `${(i * 0.37) % 1},${r}`).join('\n')}\n`);
    const scaled = prepareTabularData(
      cls({ splitSeed: 3 }),
      `id,x,y\n${rows.map((r) => r.replace(/^(\d+),(\d+)/, (_, id: string, x: string) => `${id},${Number(x) * 1000}`)).join('\n')}\n`,
    );
    expect(wide.validationRows).toEqual(base.validationRows);
    expect(scaled.validationRows).toEqual(base.validationRows);
    // Labels are not part of the membership rule: flipping training labels keeps the rows (and, as the
    // validation labels are untouched, the fingerprint).
    const t = parseCsv('/d/a.csv', text);
    const train = new Set(splitRows(t, (r) => t.rows[r]![2]!, 0.25, 3).train);
    const flipped = rows.map((r, i) => (train.has(i) && i % 5 === 0 ? r.replace(/odd$|even$/, (c) => (c === 'odd' ? 'even' : 'odd')) : r));
    expect(prepareTabularData(cls({ splitSeed: 3 }), `id,x,y\n${flipped.join('\n')}\n`).validationRows).toEqual(base.validationRows);
    // The sweep seed is not an input of the split at all; only split_seed is.
    expect(prepareTabularData(cls({ splitSeed: 4 }), text).validationRows.fingerprint).not.toBe(base.validationRows.fingerprint);
  });

  test('appended rows keep every earlier validation row (new rows are drawn like the rest)', () => {
    const t1 = parseCsv('/d/a.csv', text);
    const more = Array.from({ length: 100 }, (_, i) => `${400 + i},${i % 10},${i % 2 ? 'odd' : 'even'}`);
    const t2 = parseCsv('/d/a.csv', `id,x,y\n${[...rows, ...more].join('\n')}\n`);
    const v1 = byId(t1, splitRows(t1, () => '', 0.25).validation);
    const v2 = byId(t2, splitRows(t2, () => '', 0.25).validation);
    expect(v2.filter((id) => Number(id) < 400)).toEqual(v1);
    expect(v2.length).toBeGreaterThan(v1.length);
  });

  test('reordered or deleted rows keep their side only with split_by (by position they move)', () => {
    const reversed = `id,x,y\n${[...rows].reverse().join('\n')}\n`;
    const deleted = `id,x,y\n${rows.slice(1).join('\n')}\n`;
    const t = parseCsv('/d/a.csv', text);
    const key = (r: number): string => t.rows[r]![0]!;
    const v = byId(t, splitRows(t, () => '', 0.25, 0, key).validation);
    for (const edited of [reversed, deleted]) {
      const e = parseCsv('/d/a.csv', edited);
      expect(
        byId(
          e,
          splitRows(
            e,
            () => '',
            0.25,
            0,
            (r) => e.rows[r]![0]!,
          ).validation,
        ),
      ).toEqual(v.filter((id) => e.rows.some((row) => row[0] === id)));
      expect(byId(e, splitRows(e, () => '', 0.25, 0).validation)).not.toEqual(v);
    }
    // Through the dataset: split_by names the id column, which is then not a feature.
    const a = prepareTabularData(cls({ splitBy: ['id'] }), text);
    const b = prepareTabularData(cls({ splitBy: ['id'] }), reversed);
    expect(a.inputs).toEqual(['x']);
    expect(b.validationRows.rows).toBe(a.validationRows.rows);
    const missing = caught(() => prepareTabularData(cls({ splitBy: ['row_id'] }), text));
    expect(missing).toBeInstanceOf(MissingColumnError);
    expect(String(missing)).toContain('split_by (id) column "row_id" is not in the header');
  });

  test('tiny classes: a class keeps a training row, and a class of two or more gets a validation row', () => {
    const t = parseCsv('/d/a.csv', `x,y\n${Array.from({ length: 40 }, (_, i) => `${i},c`).join('\n')}\n1,rare\n2,pair\n3,pair\n`);
    for (const seed of [0, 1, 2, 3, 4, 5]) {
      const s = splitRows(t, (r) => t.rows[r]![1]!, 0.5, seed);
      const count = (rs: number[], c: string): number => rs.filter((r) => t.rows[r]![1] === c).length;
      expect([count(s.train, 'rare'), count(s.validation, 'rare')]).toEqual([1, 0]);
      expect([count(s.train, 'pair'), count(s.validation, 'pair')]).toEqual([1, 1]);
    }
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
    expect(caught(() => prepareTabularData(reg(), 'a,y\n1,2\n2,1e999\n3,4\n4,5\n'))).toMatchObject({
      line: 3,
      column: 'y',
      value: '1e999',
    });
    expect(caught(() => prepareTabularData(cls(val()), 'a,y\n1,1\n2,1e400\n', 'a,y\n1,1\n'))).toMatchObject({
      line: 3,
      column: 'y',
      value: '1e400',
    });
  });

  test('a missing target value, a single class, a non-number in a numeric column of the validation file', () => {
    expect(String(caught(() => prepareTabularData(cls(val()), 'a,y\n1,p\n2,\n', 'a,y\n1,p\n')))).toContain(
      '/d/train.csv:3: row has no value in target column "y"',
    );
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
      ['breast_cancer.csv', 'diagnosis', 'classification'],
    ];
    for (const [file, target, task] of cases) {
      const bytes = readFileSync(fixture(file));
      expect(bytes.length).toBeLessThan(130_000);
      const d = prepareTabularData({ data: fixture(file), target, task, validationSplit: 0.2 }, bytes);
      expect(d.train.n + d.validation.n).toBeGreaterThanOrEqual(150);
    }
    const iris = prepareTabularData(
      { data: fixture('iris.csv'), target: 'species', task: 'classification', validationSplit: 0.2 },
      readFileSync(fixture('iris.csv')),
    );
    expect(iris.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(iris.train.n + iris.validation.n).toBe(150);
    expect(Math.abs(iris.validation.n - 30)).toBeLessThan(12);
  });
});
