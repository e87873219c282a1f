import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING, isNumber, parseCsv } from '../../src/trainer/data/csv.js';
import { checkGridInfinities, csvOutline, scanCsv, type CsvGrid } from '../../src/trainer/data/csv-grid.js';

/** Cells as a sloppy export writes them: numbers of every form, missing markers, words, padding and stray whitespace. */
const cell = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('1.', '.5', '-0', '+3', '1e5', '2E-3', '-1.5e+22', '1e23', '7e-23', '0.0000001', '123456789012345678', '1e400'),
  fc.constantFrom('1e', '.', '-', '+.e1', '1.2.3', '0x10', '1_0', 'inf', '-Infinity', 'abc', 'a b'),
  fc.constantFrom(...MISSING),
  fc.constantFrom('red', 'green', 'blue', 'setosa'),
  fc.stringMatching(/^[a-z0-9 .\-+eE]{0,6}$/),
);
const pad = fc.constantFrom('', '', '', ' ', '\t', '  ', '\f', '\v', ' \v');
const padded = fc.tuple(pad, cell, pad).map(([a, c, b]) => `${a}${c}${b}`);
const lineEnd = fc.constantFrom('\n', '\n', '\r\n', '\r');
const row = (width: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(padded, { minLength: width, maxLength: width }).map((cells) => cells.join(',')) },
    { weight: 1, arbitrary: fc.array(padded, { minLength: 1, maxLength: width }).map((cells) => cells.join(',')) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t', ',') },
  );
const csv = fc
  .integer({ min: 1, max: 5 })
  .chain((width) =>
    fc.tuple(
      fc.array(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: width, maxLength: width }),
      fc.array(fc.tuple(row(width), lineEnd), { minLength: 1, maxLength: 12 }),
      fc.boolean(),
      fc.boolean(),
    ),
  )
  .map(([header, rows, bom, trailing]) => {
    const body = rows.map(([r, end]) => `${r}${end}`).join('');
    return `${bom ? '\ufeff' : ''}${header.join(',')}\n${trailing ? body : body.replace(/[\r\n]+$/, '')}`;
  });

/** The grid after parseCsv's check for infinities, which scanCsv leaves to its callers. */
function checked(grid: CsvGrid): CsvGrid {
  checkGridInfinities(grid);
  return grid;
}

/** What parseCsv gives, or the error it throws. */
function outcome(read: () => CsvGrid): unknown {
  try {
    const g = read();
    const columns = g.header.map((_, c) => {
      const numbers = g.numbers(c);
      return numbers === undefined ? undefined : Array.from(numbers);
    });
    const rows = Array.from({ length: g.rowCount }, (_, r) => g.header.map((_, c) => g.text(r, c)));
    return { header: g.header, rows, lines: Array.from(g.lines), columns };
  } catch (err) {
    return { error: String(err) };
  }
}

/** What a grid gives of some of its columns (by index), or the error it throws; header, row count and lines too. */
function outcomeOf(read: () => CsvGrid, columns: readonly number[]): unknown {
  try {
    const g = read();
    const cells = columns.map((c) => ({
      texts: Array.from({ length: g.rowCount }, (_, r) => g.text(r, c)),
      numbers: g.numbers(c) && Array.from(g.numbers(c)!),
    }));
    return { header: g.header, lines: Array.from(g.lines), cells };
  } catch (err) {
    return { error: String(err) };
  }
}

/** parseCsv's rows as a grid would give them; numbers as isNumber and Number read them. */
function reference(text: string): unknown {
  return outcome(() => {
    const t = parseCsv('f.csv', Buffer.from(text));
    const numbers = (c: number): Float64Array | undefined =>
      t.rows.every((r) => isNumber(r[c]!) || MISSING.has(r[c]!))
        ? Float64Array.from(t.rows, (r) => (isNumber(r[c]!) ? Number(r[c]!) : NaN))
        : undefined;
    return {
      file: t.file,
      header: t.header,
      rowCount: t.rows.length,
      lines: Int32Array.from(t.lines),
      text: (r, c) => t.rows[r]![c]!,
      numbers,
      holds: () => true,
    };
  });
}

describe('scanCsv reads a CSV as parseCsv does', () => {
  it('gives the same header, cells, line numbers, numbers and errors on random unquoted files', () => {
    fc.assert(
      fc.property(csv, (text) => {
        expect(outcome(() => checked(scanCsv('f.csv', Buffer.from(text))))).toEqual(reference(text));
        // Some columns' offsets kept as the scan passes: the same answers.
        const some = text
          .replace(/^\ufeff/, '')
          .split('\n')[0]!
          .split(',')
          .filter((_, i) => i % 2 === 0);
        expect(outcome(() => checked(scanCsv('f.csv', Buffer.from(text), { texts: some })))).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps only the columns asked for, with the same cells, line numbers and errors as a whole scan', () => {
    const withColumns = csv.chain((text) =>
      fc.tuple(fc.constant(text), fc.subarray([0, 1, 2, 3, 4]), fc.constantFrom([], ['nope'], ['a'])),
    );
    fc.assert(
      fc.property(withColumns, ([text, picked, extra]) => {
        const header = text
          .replace(/^\ufeff/, '')
          .split('\n')[0]!
          .split(',');
        const indices = picked.filter((c) => c < header.length && header.indexOf(header[c]!) === c);
        const names = [...indices.map((c) => header[c]!), ...extra];
        const kept = (): CsvGrid => checked(scanCsv('f.csv', Buffer.from(text), { only: names }));
        const heldIndices = [...new Set(names.map((n) => header.indexOf(n)).filter((c) => c >= 0))];
        // The whole scan, its infinity check over the same columns (checkGridInfinities checks the columns a grid holds).
        const whole = (): CsvGrid => {
          const grid = scanCsv('f.csv', Buffer.from(text));
          checked({ ...grid, holds: (c) => heldIndices.includes(c) });
          return grid;
        };
        expect(outcomeOf(kept, heldIndices)).toEqual(outcomeOf(whole, heldIndices));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the cells of a column it did not keep', () => {
    const grid = scanCsv('f.csv', 'a,b,c\n1,2,3\n4,5,6\n', { only: ['c'] });
    expect(grid.text(1, 2)).toBe('6');
    expect(grid.holds(0)).toBe(false);
    expect(() => grid.text(0, 0)).toThrow(/column 0 of f.csv was not kept/);
  });

  it('reads every number as Number() does, bit for bit', () => {
    const numeric = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x.toExponential(fc.sample(fc.integer({ min: 0, max: 20 }), 1)[0])),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 0, max: 18 }), fc.integer({ min: -30, max: 30 }))
        .map(([m, point, exp]) => {
          const d = m.toString().padStart(point + 1, '0');
          return `${d.slice(0, d.length - point)}.${d.slice(d.length - point)}e${exp}`;
        }),
    );
    fc.assert(
      fc.property(fc.array(numeric, { minLength: 1, maxLength: 20 }), (cells) => {
        const grid = scanCsv('f.csv', `x\n${cells.join('\n')}\n`);
        expect(Array.from(grid.numbers(0)!)).toEqual(cells.map(Number));
      }),
      { numRuns: 500 },
    );
  });

  it('goes through csv-parse for quoted or non-ASCII files, with the same answers', () => {
    for (const text of ['a,b\n"1,5",2\n3,"x"\n', 'a,b\nä,1\nö,2\n'])
      expect(outcome(() => checked(scanCsv('f.csv', text)))).toEqual(reference(text));
  });
});

describe('csvOutline', () => {
  it('gives the header and the lines after it, without reading a cell', () => {
    expect(csvOutline('a, b ,c\n1,2,3\n4,5,6\n')).toEqual({ header: ['a', 'b', 'c'], rows: 2 });
    expect(csvOutline('\ufeff\n  \na,b\r\n1,2\r\n3,4')).toEqual({ header: ['a', 'b'], rows: 2 }); // BOM, blank lines, CRLF, no last line end
    expect(csvOutline('a,b\r1,2\r3,4\r')).toEqual({ header: ['a', 'b'], rows: 2 }); // old Mac line ends
    expect(csvOutline('a,b\n')).toEqual({ header: ['a', 'b'], rows: 0 });
    // The rows scanCsv finds, on a plain file.
    const text = `x,y\n${Array.from({ length: 37 }, (_, i) => `${i},${i % 2}`).join('\n')}\n`;
    expect(csvOutline(text).rows).toBe(scanCsv('f.csv', text).rowCount);
  });
});
