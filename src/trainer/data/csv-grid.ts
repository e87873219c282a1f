// A CSV read once into columns: each cell's place in the file's bytes, and each column's numbers parsed once into a
// Float64Array (NaN where a cell is missing). What parseCsv gives as rows of strings, without a string per cell:
// the tabular trainer reads a 100,000-row file without allocating three million strings. Files with quotes or
// non-ASCII bytes go through parseCsv (csv-parse), whose rules this scanner follows for the plain case.
import { isAscii } from 'node:buffer';
import { type CsvTable, INFINITY, MISSING, checkInfinities, isNumber, parseCsv } from './csv.js';
import { isMissing, lastParse, parseColumn, parseNumber } from './byte-numbers.js';

/** A CSV with a header row, by column: the text of any cell, and each column's numbers when it holds numbers. */
export interface CsvGrid {
  readonly file: string;
  readonly header: readonly string[];
  readonly rowCount: number;
  /** The 1-based line each data row ends on (for errors). */
  readonly lines: Int32Array;
  /** The trimmed text of a cell ('' for a cell a short row left out). */
  text(row: number, column: number): string;
  /**
   * The column's values when every cell is a number or a missing marker (csv.ts MISSING), else undefined. Missing
   * cells are NaN; a number past a double's range (`1e400`) is ±Infinity, as Number() reads it.
   */
  numbers(column: number): Float64Array | undefined;
  /** Whether the grid holds the column's cells (scanCsv's `columns`); text() and numbers() of another throw. */
  holds(column: number): boolean;
}

/** Which cells a scan keeps beside the header, the row count and the line numbers. */
export interface ScanOptions {
  /**
   * Only these columns (names; one the header lacks is ignored): their cells' offsets, their numbers parsed when
   * asked for; the other columns' cells are counted, not kept. What the split needs of a file whose trials all come
   * from the cache (the target and `split_by` columns).
   */
  readonly only?: readonly string[];
  /**
   * Every column (no `only`): each one's numbers parsed as the scan passes, and these columns' cell offsets kept as it
   * passes too, for columns whose text is read for every row (the target's classes, `split_by` ids). Any other
   * column's text is found again when asked for.
   */
  readonly texts?: readonly string[];
}

/**
 * Reads a CSV as parseCsv does (same header, rows, padding, line numbers and errors), scanning the bytes once when
 * the file has no quote and only ASCII bytes, else through parseCsv (which keeps every cell, whatever the options).
 */
export function scanCsv(file: string, bytes: Uint8Array | string, options: ScanOptions = {}): CsvGrid {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const plain = buf.indexOf(QUOTE) < 0 && isAscii(buf);
  const grid = plain ? scanPlain(file, buf, options) : undefined;
  // Anything the scanner does not read exactly as csv-parse (a long row's error message) goes to parseCsv.
  return grid ?? tableGrid(parseCsv(file, buf));
}

/**
 * A CSV's header (its first non-empty line, cells trimmed as scanCsv trims them) and how many lines follow it (line
 * ends counted natively, blank lines and a quoted cell's line breaks included): a file's size without reading a cell,
 * for estimates.
 */
export function csvOutline(bytes: Uint8Array | string): { readonly header: readonly string[]; readonly rows: number } {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const record = new Record();
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (pos < buf.length) {
    const end = record.read(buf, pos);
    pos = buf[end] === CR && buf[end + 1] === LF ? end + 2 : end + 1;
    if (record.cells > 0) break;
  }
  const header = Array.from({ length: record.cells }, (_, c) => buf.toString('latin1', record.starts[c], record.ends[c]));
  const rest = buf.subarray(Math.min(pos, buf.length));
  const ends = rest.indexOf(LF) >= 0 ? LF : CR;
  let rows = rest.length > 0 && rest[rest.length - 1] !== ends ? 1 : 0; // a last line without a line end
  for (let i = rest.indexOf(ends); i >= 0; i = rest.indexOf(ends, i + 1)) rows++;
  return { header, rows };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/**
 * What each byte is to the scanner. BLANK: trimmed from both sides (csv-parse's left `timchars` less the line ends);
 * VTAB (\v): trimmed from the right only (String.prototype.trimEnd), kept on the left.
 */
const PLAIN = 0;
const COMMA_KIND = 1;
const LINE_END = 2;
const BLANK = 3;
const VTAB = 4;
const KIND = new Uint8Array(256);
KIND[COMMA] = COMMA_KIND;
KIND[LF] = LINE_END;
KIND[CR] = LINE_END;
for (const b of [0x20, 0x09, 0x0c]) KIND[b] = BLANK;
KIND[0x0b] = VTAB;

/** Column-major cell offsets into the bytes, as the scanner fills them; a column not kept has none. */
interface Offsets {
  readonly starts: (Int32Array | undefined)[];
  readonly ends: (Int32Array | undefined)[];
}

/**
 * What a whole scan keeps: each column's numbers, parsed as the scan passes (undefined from the first cell that is
 * neither a number nor a missing marker), and where each row starts, to find a column's cells again when its text is
 * asked for (a categorical column, an error). No offsets of every cell: on a numeric file they would weigh as much as
 * its numbers.
 */
interface Parsed {
  readonly numbers: (Float64Array | undefined)[];
  readonly rowStarts: Int32Array;
}

/**
 * The plain case: no quotes, ASCII. Undefined when parseCsv should word an error (a long row, no data rows).
 * With `only`, those columns' offsets (readKept); else every column's numbers as the scan passes (Parsed), and the
 * offsets of the `texts` columns.
 */
function scanPlain(file: string, buf: Buffer, options: ScanOptions): CsvGrid | undefined {
  const keep = options.only && new Set(options.only);
  // A plain Uint8Array over the same memory: the byte loop reads it without Buffer's subclass in the way.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  const texts = new Set(options.texts ?? []);
  const capacity = countLineEnds(buf) + 1;
  const lines = new Int32Array(capacity);
  let header: string[] | undefined;
  let at: Offsets | undefined;
  let parsed: Parsed | undefined;
  let rows = 0;
  let line = 1;
  const record = new Record();
  for (let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0; pos < buf.length; line++) {
    if (header !== undefined && keep !== undefined) {
      // Only some columns kept: the row's cells are counted and only the kept ones trimmed (readKept).
      const end = readKept(bytes, pos, header.length, at!, rows);
      pos = buf[end] === CR && buf[end + 1] === LF ? end + 2 : end + 1;
      if (kept.cells === 0) continue;
      if (kept.cells > header.length) return undefined;
      lines[rows++] = line;
      continue;
    }
    const start = pos;
    const end = record.read(bytes, pos);
    pos = buf[end] === CR && buf[end + 1] === LF ? end + 2 : end + 1; // CRLF is one line end
    if (record.cells === 0) continue; // an empty line (spaces and tabs only, too) is skipped
    if (header === undefined) {
      header = Array.from({ length: record.cells }, (_, c) => buf.toString('latin1', record.starts[c], record.ends[c]));
      if (new Set(header.filter((h) => h !== '')).size !== header.filter((h) => h !== '').length) return undefined; // a name twice
      const wanted = (name: string): Int32Array | undefined => ((keep ?? texts).has(name) ? new Int32Array(capacity) : undefined);
      at = { starts: header.map(wanted), ends: header.map(wanted) };
      if (keep === undefined) parsed = { numbers: header.map(() => new Float64Array(capacity)), rowStarts: new Int32Array(capacity) };
      continue;
    }
    if (record.cells > header.length) return undefined;
    parsed!.rowStarts[rows] = start;
    for (let c = 0; c < record.cells; c++) {
      const starts = at!.starts[c];
      if (starts === undefined) continue;
      starts[rows] = record.starts[c]!;
      at!.ends[c]![rows] = record.ends[c]!;
    }
    for (let c = 0; c < header.length; c++) {
      const values = parsed!.numbers[c];
      if (values === undefined) continue;
      // A short row's missing cells are empty: missing values.
      const v = c < record.cells ? parseNumber(buf, record.starts[c]!, record.ends[c]!) : NaN;
      if (lastParse.ok) values[rows] = v;
      else if (c >= record.cells || isMissing(buf, record.starts[c]!, record.ends[c]!)) values[rows] = NaN;
      else parsed!.numbers[c] = undefined;
    }
    lines[rows++] = line;
  }
  if (header === undefined || at === undefined || rows === 0) return undefined;
  return offsetGrid(file, buf, header, rows, lines.subarray(0, rows), at, parsed);
}

/** How many cells readKept's last record had (0: an empty line); a module variable, so no object per row. */
const kept = { cells: 0 };

/**
 * Reads the record at `pos` as Record.read does, but trims and stores only the cells of kept columns (those with
 * offsets in `at`), into row `row`; the others are only counted. Bytes above the comma (digits, letters, `.`, `-`)
 * end no cell and are skipped by one comparison, which is most of a numeric file. Returns where the record ends.
 */
function readKept(buf: Uint8Array, pos: number, width: number, at: Offsets, row: number): number {
  const n = buf.length;
  let cells = 0;
  let start = pos;
  let content = false;
  let i = pos;
  for (;;) {
    while (i < n && buf[i]! > COMMA) i++;
    const b = i < n ? buf[i]! : LF;
    if (b === COMMA || b === LF || b === CR) {
      if (b === COMMA) content = true;
      else if (!content) content = !blankOnly(buf, start, i);
      if (content || b === COMMA) {
        if (cells < width) {
          const starts = at.starts[cells];
          if (starts !== undefined) trimInto(buf, start, i, starts, at.ends[cells]!, row);
        }
        cells++;
      }
      if (b !== COMMA) break;
      start = ++i;
    } else i++;
  }
  kept.cells = content ? cells : 0;
  return i;
}

/** Whether buf[from, to) holds only bytes csv-parse trims from the left (an empty line, when it has no comma). */
function blankOnly(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (KIND[buf[i]!] !== BLANK) return false;
  return true;
}

/** The cell buf[from, to) trimmed as Record.read trims it, into starts[row] and ends[row]. */
function trimInto(buf: Uint8Array, from: number, to: number, starts: Int32Array, ends: Int32Array, row: number): void {
  let start = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const kind = KIND[buf[i]!]!;
    if (kind === PLAIN) {
      if (start < 0) start = i;
      last = i;
    } else if (start < 0 && kind !== BLANK) start = i;
  }
  starts[row] = start < 0 ? to : start;
  ends[row] = start < 0 ? to : last >= start ? last + 1 : start;
}

/** One record's cells (trimmed offsets), read up to its line end; reused from row to row. */
class Record {
  cells = 0;
  starts: number[] = [];
  ends: number[] = [];

  /** Reads the record at `pos`; returns where it ends (its line end, or the end of the bytes). */
  read(buf: Uint8Array, pos: number): number {
    this.cells = 0;
    const n = buf.length;
    let start = -1;
    let last = -1;
    let content = false; // a comma or a byte csv-parse does not trim from the left: the line is not empty
    let i = pos;
    for (; i < n; i++) {
      const kind = KIND[buf[i]!]!;
      if (kind === PLAIN) {
        if (start < 0) start = i;
        // Every byte above the comma is plain: the run of them is skipped in one loop (most of a numeric cell).
        while (i + 1 < n && buf[i + 1]! > COMMA) i++;
        last = i;
        content = true;
      } else if (kind === COMMA_KIND) {
        this.push(start, last, i);
        start = last = -1;
        content = true;
      } else if (kind === LINE_END) break;
      else if (start < 0 && kind === BLANK) continue;
      else {
        // A trailing blank (or \v, which is trimmed from the right only): part of the cell unless it ends it.
        if (start < 0) start = i;
        content = true;
      }
    }
    if (content) this.push(start, last, i);
    return i;
  }

  private push(start: number, last: number, at: number): void {
    this.starts[this.cells] = start < 0 ? at : start;
    this.ends[this.cells] = start < 0 ? at : last >= start ? last + 1 : start;
    this.cells++;
  }
}

function countLineEnds(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) n++;
  for (let i = buf.indexOf(CR); i >= 0; i = buf.indexOf(CR, i + 1)) n++;
  return n;
}

/**
 * The scanned grid: text by offsets; a column's numbers parsed on first use, once (or in the scan: `parsed`). Without
 * a column's offsets, a whole scan finds its cells again from where each row starts, once, on first use.
 */
function offsetGrid(
  file: string,
  buf: Buffer,
  header: string[],
  rowCount: number,
  lines: Int32Array,
  at: Offsets,
  parsed?: Parsed,
): CsvGrid {
  const numbers = new Map<number, Float64Array | undefined>();
  const scanned = parsed?.numbers.map((values) => values?.subarray(0, rowCount));
  const offsets = (column: number): { starts: Int32Array; ends: Int32Array } => {
    if (at.starts[column] === undefined && parsed !== undefined && column >= 0 && column < header.length) {
      const found = cellsAgain(buf, parsed.rowStarts, rowCount, column);
      at.starts[column] = found.starts;
      at.ends[column] = found.ends;
    }
    const starts = at.starts[column];
    const ends = at.ends[column];
    if (starts === undefined || ends === undefined) throw new RangeError(`column ${column} of ${file} was not kept`);
    return { starts, ends };
  };
  return {
    file,
    header,
    rowCount,
    lines,
    text(row, column) {
      const o = offsets(column);
      return buf.toString('latin1', o.starts[row]!, o.ends[row]!);
    },
    numbers(column) {
      if (scanned) return scanned[column];
      if (!numbers.has(column)) numbers.set(column, parseColumn(buf, offsets(column).starts, offsets(column).ends, rowCount));
      return numbers.get(column);
    },
    holds: (column) => parsed !== undefined || at.starts[column] !== undefined,
  };
}

/** One column's cell offsets, each row read again (Record.read) from where it starts; a short row's missing cell is empty. */
function cellsAgain(buf: Buffer, rowStarts: Int32Array, rowCount: number, column: number): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(rowCount);
  const ends = new Int32Array(rowCount);
  const record = new Record();
  for (let r = 0; r < rowCount; r++) {
    record.read(buf, rowStarts[r]!);
    if (column < record.cells) {
      starts[r] = record.starts[column]!;
      ends[r] = record.ends[column]!;
    }
  }
  return { starts, ends };
}

/** A grid over parseCsv's rows (the quoted or non-ASCII case): the same answers, from strings. */
function tableGrid(table: CsvTable): CsvGrid {
  const parsed = new Map<number, Float64Array | undefined>();
  const numbers = (column: number): Float64Array | undefined => {
    const values = new Float64Array(table.rows.length);
    for (let r = 0; r < table.rows.length; r++) {
      const cell = table.rows[r]![column]!;
      if (isNumber(cell)) values[r] = Number(cell);
      else if (MISSING.has(cell)) values[r] = NaN;
      else return undefined;
    }
    return values;
  };
  return {
    file: table.file,
    header: table.header,
    rowCount: table.rows.length,
    lines: Int32Array.from(table.lines),
    text: (row, column) => table.rows[row]![column] ?? '',
    numbers(column) {
      if (!parsed.has(column)) parsed.set(column, numbers(column));
      return parsed.get(column);
    },
    holds: () => true,
  };
}

/**
 * parseCsv's check for `inf` in a numeric column, on a scanned grid: a column of numbers, missing markers and at least
 * one `inf` is an error at its first `inf` (worded by csv.ts, from that column's cells only). Over the columns the
 * grid holds.
 */
export function checkGridInfinities(grid: CsvGrid): void {
  for (let c = 0; c < grid.header.length; c++) {
    if (!grid.holds(c) || grid.numbers(c) !== undefined) continue;
    let infinite = false;
    for (let r = 0; r < grid.rowCount; r++) {
      const cell = grid.text(r, c);
      if (INFINITY.test(cell)) infinite = true;
      else if (!MISSING.has(cell) && !isNumber(cell)) break;
      if (r === grid.rowCount - 1 && infinite) checkInfinities(columnTable(grid, c));
    }
  }
}

/** A CsvTable of one column of the grid, for csv.ts' check and its message. */
function columnTable(grid: CsvGrid, column: number): CsvTable {
  const rows = Array.from({ length: grid.rowCount }, (_, r) => [grid.text(r, column)]);
  return { file: grid.file, header: [grid.header[column]!], rows, lines: Array.from(grid.lines) };
}
