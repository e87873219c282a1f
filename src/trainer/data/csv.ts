// Reading a CSV as pandas would: header, trimmed cells, every line ending, padded short rows, and the checks that
// need only the file (duplicate header names, infinite numbers). dataset.ts encodes what this reads.
import { CsvError, parse } from 'csv-parse/sync';
import { show } from '../../core/errors.js';
import { DatasetError, EmptyDataError } from './errors.js';

/** A CSV file as read: the header and the data rows, each with the 1-based line it ends on. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
}

/** Cells that mean "no value" in a numeric column (pandas' and UCI's usual markers). */
export const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const isNumber = (cell: string): boolean => NUMBER.test(cell);

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function isParsedRecords(value: unknown): value is ParsedRecord[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null && 'record' in r && 'info' in r);
}

/** How pandas and Python's csv module spell an infinite float; in a numeric column it cannot be trained on. */
export const INFINITY = /^[+-]?(?:inf|infinity)$/i;

/**
 * Parses a CSV with a header row, reading it as pandas does where the two could differ. Cells are trimmed;
 * blank lines are skipped; a BOM is ignored. Every line ending counts (CRLF, LF and CR, mixed within one
 * file: what editors on two systems leave), except inside quotes, where a line break is part of the cell. A
 * row with fewer cells than the header is padded with empty (missing) cells; one with more is an error
 * naming its line. An infinite value (`inf`, `-Infinity`) in an otherwise numeric column is an error too.
 */
export function parseCsv(file: string, bytes: Uint8Array | string): CsvTable {
  let parsed: unknown;
  try {
    parsed = parse(bytes, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count_less: true,
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: unknown }).lines;
      const at = typeof line === 'number' ? line : undefined;
      const why =
        err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? `a row has more cells than the header (${err.message})` : err.message;
      throw new DatasetError({ file, line: at }, `not a valid CSV file: ${why}`);
    }
    throw err;
  }
  if (!isParsedRecords(parsed)) throw new DatasetError({ file }, 'CSV parser returned an unexpected shape');
  const [head, ...body] = parsed;
  if (!head) throw new EmptyDataError({ file }, 'the file is empty (a header row and at least one data row are needed)');
  if (body.length === 0) throw new EmptyDataError({ file }, 'the file has a header but no data rows');
  const header = head.record;
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name))
      throw new DatasetError({ file, line: head.info.lines, column: name }, `column ${show(name)} appears twice in the header`);
    seen.add(name);
  }
  const rows = body.map((r) =>
    r.record.length < header.length ? [...r.record, ...Array<string>(header.length - r.record.length).fill('')] : r.record,
  );
  const table = { file, header, rows, lines: body.map((r) => r.info.lines) };
  checkInfinities(table);
  return table;
}

/** A column of numbers holding `inf`: pandas reads a float column with an infinity, which no model can use. */
export function checkInfinities(table: CsvTable): void {
  table.header.forEach((column, c) => {
    let infinite = -1;
    for (let r = 0; r < table.rows.length; r++) {
      const cellText = table.rows[r]![c]!;
      if (INFINITY.test(cellText)) infinite = infinite < 0 ? r : infinite;
      else if (!MISSING.has(cellText) && !isNumber(cellText)) return; // a string column: "inf" is just a category
    }
    if (infinite >= 0) {
      const value = table.rows[infinite]![c]!;
      throw new DatasetError(
        { file: table.file, line: table.lines[infinite], column, value },
        `column ${show(column)} holds ${show(value)}, an infinite number, which cannot be trained on (an empty cell or NA is a missing value)`,
      );
    }
  });
}
