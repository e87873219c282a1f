// CSV files as they come out of real editors and real mistakes: each loads as pandas would read it, or
// is a DatasetError naming the file (and line, column, value) before any trial runs.
import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/trainer/data/csv.js';
import { prepareTabularData, type DatasetSpec } from '../../src/trainer/data/tabular-data.js';
import { DatasetError, EmptyDataError, MissingColumnError } from '../../src/trainer/data/errors.js';
import { createTabularObjective, loadTf } from '../../src/trainer/index.js';
import { cleanupTempDirs, spec, tempDir } from './helpers.js';

afterAll(cleanupTempDirs);

const cls: DatasetSpec = { data: '/d/train.csv', target: 'y', task: 'classification', validationSplit: 0.25 };

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('loads as pandas reads it', () => {
  test('mixed line endings: CRLF everywhere but one edited LF line (and a lone CR)', () => {
    const header = Array.from({ length: 31 }, (_, i) => `c${i}`).join(',');
    const row = (v: number): string => Array.from({ length: 31 }, (_, i) => v + i).join(',');
    const t = parseCsv('/d/a.csv', `${header}\r\n${row(1)}\r\n${row(2)}\n${row(3)}\r\n${row(4)}\r${row(5)}\r\n`);
    expect(t.header).toHaveLength(31);
    expect(t.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(t.rows.every((r) => r.length === 31)).toBe(true);
  });

  test('quoted fields with embedded newlines, LF and CRLF', () => {
    const t = parseCsv('/d/a.csv', 'a,note,y\r\n1,"two\nlines",p\r\n2,"crlf\r\ninside",q\r\n3,plain,p\r\n');
    expect(t.rows).toEqual([
      ['1', 'two\nlines', 'p'],
      ['2', 'crlf\r\ninside', 'q'],
      ['3', 'plain', 'p'],
    ]);
  });

  test('a BOM before a CRLF header', () => {
    expect(parseCsv('/d/a.csv', '\uFEFFa,y\r\n1,p\r\n').header).toEqual(['a', 'y']);
  });

  test('a short row is padded with missing cells (pandas: NaN), which take the training mean', () => {
    const t = parseCsv('/d/a.csv', 'a,b,y\n1,2,p\n3\n');
    expect(t.rows[1]).toEqual(['3', '', '']);
    const d = prepareTabularData(cls, 'a,b,y\n1,2,p\n2,,q\n3,4,p\n4,5,q\n5,6,p\n6,7,q\n7,8,p\n8,9,q\n');
    expect(d.encodings.map((e) => e.kind)).toEqual(['numeric', 'numeric']);
  });

  test('NaN cells in a numeric column are missing values; a non-numeric cell makes the column categorical', () => {
    const d = prepareTabularData(cls, 'a,b,y\n1,x,p\nNaN,2,q\n3,3,p\nnan,4,q\n5,5,p\n6,6,q\n7,7,p\n8,8,q\n');
    expect(d.encodings.map((e) => [e.name, e.kind])).toEqual([
      ['a', 'numeric'],
      ['b', 'categorical'],
    ]);
    expect(Array.from(d.train.x).every(Number.isFinite)).toBe(true);
  });
});

describe('or is a clear DatasetError', () => {
  test('empty file, header only, ragged (too many cells), missing target, single class', () => {
    expect(caught(() => parseCsv('/d/a.csv', ''))).toBeInstanceOf(EmptyDataError);
    expect(caught(() => parseCsv('/d/a.csv', '\r\n\r\n'))).toBeInstanceOf(EmptyDataError);
    expect(String(caught(() => parseCsv('/d/a.csv', 'a,b\r\n')))).toContain('the file has a header but no data rows');
    const ragged = caught(() => parseCsv('/d/a.csv', 'a,b\r\n1,2\n3,4,5\r\n'));
    expect(ragged).toBeInstanceOf(DatasetError);
    expect(String(ragged)).toMatch(/\/d\/a\.csv:3: not a valid CSV file: a row has more cells than the header/);
    expect(caught(() => prepareTabularData(cls, 'a,label\n1,p\n2,q\n'))).toBeInstanceOf(MissingColumnError);
    expect(String(caught(() => prepareTabularData(cls, 'a,y\n1,p\n2,p\n3,p\n4,p\n')))).toContain('at least two classes');
  });

  test('an infinite value in a numeric column names line, column and value; in a string column it is a category', () => {
    for (const inf of ['inf', '-Infinity', 'INF']) {
      const err = caught(() => parseCsv('/d/a.csv', `a,y\n1,p\n${inf},q\n`));
      expect(err).toBeInstanceOf(DatasetError);
      expect(err).toMatchObject({ line: 3, column: 'a', value: inf });
      expect(String(err)).toContain(`/d/a.csv:3: column "a" holds "${inf}", an infinite number`);
    }
    expect(parseCsv('/d/a.csv', 'a,y\ninf,p\nlow,q\n').rows).toHaveLength(2);
  });

  test('an unterminated quote names the file', () => {
    expect(String(caught(() => parseCsv('/d/a.csv', 'a,y\n1,"p\n2,q\n')))).toMatch(/^DatasetError: \/d\/a\.csv.*not a valid CSV file/);
  });

  test('a 200 MB file is refused by its size before it is read (sparse file: no disk, no memory)', async () => {
    const dir = tempDir('big');
    const file = path.join(dir, 'big.csv');
    await writeFile(file, 'a,y\n');
    await truncate(file, 200 * 1024 * 1024);
    const handle = await loadTf('cpu', { cwd: dir, warn: () => {} });
    const t0 = Date.now();
    const err = await createTabularObjective(spec({ data: file, target: 'y', task: 'classification' }), handle).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(err).toBeInstanceOf(DatasetError);
    expect(String(err)).toContain('is 200 MB, more than the built-in trainer reads (100 MB)');
    const small = path.join(dir, 'small.csv');
    await writeFile(small, 'a,y\n1,p\n2,q\n3,p\n4,q\n5,p\n');
    const limited = await createTabularObjective(spec({ data: small, target: 'y', task: 'classification' }), handle, {
      maxDataBytes: 10,
    }).catch((e: unknown) => e);
    expect(String(limited)).toContain('more than the built-in trainer reads');
  });
});
