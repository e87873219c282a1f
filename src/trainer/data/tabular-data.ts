import { sha256Words } from './short-sha256.js';
import { MISSING, isNumber } from './csv.js';
import { type CsvGrid, type ScanOptions, checkGridInfinities, scanCsv } from './csv-grid.js';
import { show } from '../../core/errors.js';
import type { TabularTrainerSpec } from '../../core/config/types.js';
import { splitRows, validationFingerprint } from './split.js';
import { DatasetError, EmptyDataError, MissingColumnError, NonNumericError, UnseenLabelError } from './errors.js';

/** What the dataset needs of the trainer spec: everything but the hyperparameter defaults. */
export type DatasetSpec = Omit<TabularTrainerSpec, 'type' | 'defaults'>;

/** How one feature column becomes model inputs. */
export type FeatureEncoding =
  | {
      readonly kind: 'numeric';
      readonly name: string;
      /** Training-split mean and population standard deviation (std 0: a constant column, encoded as 0). */
      readonly mean: number;
      readonly std: number;
    }
  | {
      readonly kind: 'categorical';
      readonly name: string;
      /** Training-split categories, sorted; one input each. */
      readonly categories: readonly string[];
    };

/**
 * The arrays of a split live in SharedArrayBuffers: handed to a worker thread (WorkerInit.prepared), they are shared,
 * not copied, and nothing writes to them after preparation.
 */
export interface EncodedSplit {
  readonly n: number;
  /** Row-major n × inputs.length. */
  readonly x: Float32Array;
  /** Classification: index into `classes`. Regression: undefined. */
  readonly labels?: Int32Array;
  /** Regression: targets in original units. Classification: undefined. */
  readonly targets?: Float64Array;
  /**
   * A 32-bit hash of each row's key (its position, or its `split_by` ids), for the training split: the trainer
   * orders each epoch's rows by these, so rows keep their relative order when others are added or removed.
   */
  readonly keys?: Uint32Array;
}

export interface TabularData {
  readonly task: 'classification' | 'regression';
  readonly target: string;
  readonly encodings: readonly FeatureEncoding[];
  /** Names of the model inputs: numeric columns by name, one-hot columns as `column=category`. */
  readonly inputs: readonly string[];
  readonly train: EncodedSplit;
  readonly validation: EncodedSplit;
  /** Classification: the classes, sorted (numerically when every label is a number). Regression: []. */
  readonly classes: readonly string[];
  /** Regression: training-split target mean and std (std 1 when the target is constant). */
  readonly targetMean: number;
  readonly targetStd: number;
  /** How many rows the model is scored on, and a fingerprint of which rows (keys and labels) they are. */
  readonly validationRows: { readonly rows: number; readonly fingerprint: string };
}

/** One-hot columns past this are almost always an id column listed by accident. */
const MAX_CATEGORIES = 1000;

/** A cell that reads as a number; one past a double's range (`1e400`) would become Infinity and wreck training. */
function finiteNumber(table: CsvGrid, row: number, column: string, raw: string): number {
  const x = Number(raw);
  if (!Number.isFinite(x))
    throw new DatasetError(
      { file: table.file, line: table.lines[row], column, value: raw },
      `column ${show(column)} holds ${show(raw)}, which is beyond the range of a number (about ±1.8e308)`,
    );
  return x;
}

function columnIndex(table: CsvGrid, name: string, role: 'target' | 'feature' | 'split_by'): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new MissingColumnError(table.file, role, name, table.header);
  return i;
}

/** Feature columns: as listed, or every named column but the target. */
function featureNames(spec: DatasetSpec, table: CsvGrid): string[] {
  // Id columns (`split_by`) say which row is which; they are not features unless listed.
  const ids = new Set(spec.splitBy ?? []);
  const names = spec.features ? [...spec.features] : table.header.filter((h) => h !== '' && h !== spec.target && !ids.has(h));
  const seen = new Set<string>();
  for (const name of names) {
    if (name === spec.target)
      throw new DatasetError({ file: table.file, column: name }, `target column ${show(name)} cannot also be a feature`);
    if (seen.has(name)) throw new DatasetError({ file: table.file, column: name }, `feature column ${show(name)} is listed twice`);
    seen.add(name);
    columnIndex(table, name, 'feature');
  }
  if (names.length === 0)
    throw new DatasetError({ file: table.file }, `no feature columns (the only column is the target ${show(spec.target)})`);
  return names;
}

interface Side {
  readonly table: CsvGrid;
  readonly rows: readonly number[];
}

/** The text of a cell; numbers are read from CsvGrid.numbers instead, without a string per cell. */
function cell(side: Side, row: number, column: number): string {
  return side.table.text(row, column);
}

const at = (side: Side, name: string): number => side.table.header.indexOf(name);

/** Whether a cell reads as a number (isNumber), from the column's parsed numbers when it has them. */
function numberCell(side: Side, row: number, column: number): boolean {
  const values = side.table.numbers(column);
  return values ? !Number.isNaN(values[row]!) : isNumber(cell(side, row, column));
}

/** Classes from the training rows, canonicalised (`1.0` and `1` are one class when every label is a number). */
function classLabels(train: Side, validation: Side, target: string): { classes: string[]; canon: (side: Side, row: number) => string } {
  const numeric = [train, validation].every((side) => side.rows.every((r) => numberCell(side, r, at(side, target))));
  // 1e400 and 2e400 would both canonicalise to "Infinity".
  if (numeric)
    for (const side of [train, validation]) {
      const c = at(side, target);
      const values = side.table.numbers(c)!;
      for (const r of side.rows) if (!Number.isFinite(values[r]!)) finiteNumber(side.table, r, target, cell(side, r, c));
    }
  const canon = numeric
    ? (side: Side, row: number): string => String(side.table.numbers(at(side, target))![row]!)
    : (side: Side, row: number): string => cell(side, row, at(side, target));
  const classes = [...new Set(train.rows.map((r) => canon(train, r)))];
  classes.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { classes, canon };
}

function checkTargetsPresent(side: Side, target: string): void {
  const c = at(side, target);
  for (const r of side.rows) {
    if (!numberCell(side, r, c) && cell(side, r, c) === '')
      throw new DatasetError(
        { file: side.table.file, line: side.table.lines[r], column: target },
        `row has no value in target column ${show(target)}`,
      );
  }
}

function encodeLabels(side: Side, target: string, classes: readonly string[], canon: (side: Side, row: number) => string): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  const out = new Int32Array(new SharedArrayBuffer(side.rows.length * 4));
  side.rows.forEach((r, i) => {
    const k = index.get(canon(side, r));
    if (k === undefined)
      throw new UnseenLabelError(side.table.file, side.table.lines[r]!, target, cell(side, r, at(side, target)), classes);
    out[i] = k;
  });
  return out;
}

function encodeTargets(side: Side, target: string): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(side.rows.length * 8));
  const c = at(side, target);
  const values = side.table.numbers(c);
  side.rows.forEach((r, i) => {
    const v = values?.[r] ?? NaN;
    if (Number.isFinite(v)) {
      out[i] = v;
      return;
    }
    const raw = cell(side, r, c);
    if (!isNumber(raw)) throw new NonNumericError(side.table.file, side.table.lines[r]!, target, raw, 'regression target');
    out[i] = finiteNumber(side.table, r, target, raw);
  });
  return out;
}

/**
 * A feature column is numeric when every non-missing cell of the training file is a number; otherwise it is
 * categorical. Numeric: mean and std over the training rows' present values. Categorical: the training rows'
 * distinct non-empty values.
 */
function fitEncoding(data: CsvGrid, train: Side, name: string): FeatureEncoding {
  const column = data.header.indexOf(name);
  const values = data.numbers(column);
  if (values) {
    // Every row of the file, validation-split rows included: they are encoded with these statistics.
    for (let r = 0; r < data.rowCount; r++) if (Math.abs(values[r]!) === Infinity) finiteNumber(data, r, name, data.text(r, column));
    let n = 0;
    let sum = 0;
    for (const r of train.rows) {
      const v = values[r]!;
      if (!Number.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (const r of train.rows) {
      const v = values[r]!;
      if (!Number.isNaN(v)) ss += (v - mean) ** 2;
    }
    const std = n > 0 ? Math.sqrt(ss / n) : 0;
    return { kind: 'numeric', name, mean, std: Number.isFinite(std) && std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 0 };
  }
  const categories = [...new Set(train.rows.map((r) => cell(train, r, column)).filter((c) => c !== ''))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  if (categories.length > MAX_CATEGORIES)
    throw new DatasetError(
      { file: data.file, column: name },
      `column ${show(name)} has ${categories.length} distinct non-numeric values (more than ${MAX_CATEGORIES} one-hot inputs); ` +
        'if it is an id or free text, leave it out with `features:`',
    );
  return { kind: 'categorical', name, categories };
}

/**
 * The model inputs of a side, column by column from the parsed numbers (numeric) or a Map of codes (categorical).
 * A numeric column of a separate validation file that holds a non-number or an infinite number is reported by
 * firstFeatureProblem, at the first such cell row by row as the error has always named it.
 */
function encodeFeatures(side: Side, encodings: readonly FeatureEncoding[], width: number, isTrainingFile: boolean): Float32Array {
  const x = new Float32Array(new SharedArrayBuffer(side.rows.length * width * 4));
  const columns = encodings.map((e) => side.table.header.indexOf(e.name));
  if (encodings.some((e, j) => e.kind === 'numeric' && !cleanNumbers(side, columns[j]!)))
    firstFeatureProblem(side, encodings, columns, isTrainingFile);
  let offset = 0;
  encodings.forEach((e, j) => {
    const column = columns[j]!;
    if (e.kind === 'numeric') {
      const values = side.table.numbers(column)!;
      // Missing: 0, the training mean standardised (the array starts at 0).
      side.rows.forEach((r, i) => {
        const v = values[r]!;
        if (!Number.isNaN(v)) x[i * width + offset] = e.std > 0 ? (v - e.mean) / e.std : 0;
      });
      offset += 1;
    } else {
      const lookup = new Map(e.categories.map((c, i) => [c, i]));
      side.rows.forEach((r, i) => {
        const k = lookup.get(cell(side, r, column));
        if (k !== undefined) x[i * width + offset + k] = 1; // unseen or empty category: all zeros
      });
      offset += e.categories.length;
    }
  });
  return x;
}

/** Every cell of the column is a finite number or missing. */
function cleanNumbers(side: Side, column: number): boolean {
  const values = side.table.numbers(column);
  return values !== undefined && side.rows.every((r) => Number.isFinite(values[r]!) || Number.isNaN(values[r]!));
}

/** Throws for the first cell, row by row, that a numeric feature cannot take: a non-number, or a number out of range. */
function firstFeatureProblem(side: Side, encodings: readonly FeatureEncoding[], columns: readonly number[], isTrainingFile: boolean): void {
  for (const r of side.rows)
    encodings.forEach((e, j) => {
      const c = cell(side, r, columns[j]!);
      if (e.kind !== 'numeric' || MISSING.has(c)) return;
      // Only reachable for a separate validation file: the training file decided the column is numeric.
      if (!isNumber(c)) {
        if (isTrainingFile) throw new Error(`internal: non-numeric ${show(c)} in numeric column ${e.name}`);
        throw new NonNumericError(side.table.file, side.table.lines[r]!, e.name, c, 'numeric feature');
      }
      finiteNumber(side.table, r, e.name, c);
    });
}

/** The training and validation rows, and the key of each validation row (its position, or its `split_by` ids). */
interface Sides {
  readonly train: Side;
  readonly validation: Side;
  readonly validationKey: (row: number) => string;
}

/** Every row of the data file trains; every row of the validation file validates. */
function withValidationFile(
  spec: DatasetSpec,
  file: string,
  validationBytes: Uint8Array | string | undefined,
  table: CsvGrid,
  names: readonly string[],
  scan: ScanOptions,
): Sides {
  if (validationBytes === undefined) throw new TypeError('prepareTabularData: validation bytes missing');
  const vtable = scanCsv(file, validationBytes, scan);
  checkGridInfinities(vtable);
  columnIndex(vtable, spec.target, 'target');
  for (const name of names) columnIndex(vtable, name, 'feature');
  const train = { table, rows: allRows(table) };
  const validation = { table: vtable, rows: allRows(vtable) };
  const vids = (spec.splitBy ?? []).map((c) => columnIndex(vtable, c, 'split_by'));
  const validationKey = vids.length === 0 ? String : (row: number): string => vids.map((c) => vtable.text(row, c)).join('\u0000');
  return { train, validation, validationKey };
}

const allRows = (table: CsvGrid): number[] => Array.from({ length: table.rowCount }, (_, i) => i);

/** `validation_split` of the rows validate, chosen by their keys (splitRows); each side must keep some. */
function splitTable(spec: DatasetSpec, table: CsvGrid, keyOf: (row: number) => string): Sides {
  if (!(spec.validationSplit > 0 && spec.validationSplit < 1))
    throw new DatasetError({ file: spec.data }, `validation_split must be in (0, 1), got ${spec.validationSplit}`);
  const ti = table.header.indexOf(spec.target);
  const groupOf = spec.task === 'classification' ? (row: number) => table.text(row, ti) : () => '';
  const split = splitRows(table.rowCount, groupOf, spec.validationSplit, spec.splitSeed ?? 0, keyOf);
  if (split.validation.length === 0 || split.train.length === 0)
    throw new EmptyDataError(
      { file: spec.data },
      `validation_split ${spec.validationSplit} of ${table.rowCount} rows leaves ${split.train.length} training and ${split.validation.length} validation rows; ` +
        'add rows, raise validation_split or give a `validation` file',
    );
  return { train: { table, rows: split.train }, validation: { table, rows: split.validation }, validationKey: keyOf };
}

/**
 * The split and the rows scored on: the first steps of prepareTabularData, with their checks. `scan`: how a
 * validation file is scanned (scanCsv's options), as `table` was.
 */
function splitSides(spec: DatasetSpec, table: CsvGrid, validationBytes: Uint8Array | string | undefined, scan: ScanOptions) {
  columnIndex(table, spec.target, 'target');
  const names = featureNames(spec, table);
  const idColumns = (spec.splitBy ?? []).map((c) => columnIndex(table, c, 'split_by'));
  const keyOf = idColumns.length === 0 ? String : (row: number): string => idColumns.map((c) => table.text(row, c)).join('\u0000');
  const { train, validation, validationKey } =
    spec.validation === undefined
      ? splitTable(spec, table, keyOf)
      : withValidationFile(spec, spec.validation, validationBytes, table, names, scan);
  checkTargetsPresent(train, spec.target);
  checkTargetsPresent(validation, spec.target);
  const vtarget = at(validation, spec.target);
  const validationRows = {
    rows: validation.rows.length,
    fingerprint: validationFingerprint(
      validation.rows.map(validationKey),
      validation.rows.map((r) => cell(validation, r, vtarget)),
    ),
  };
  return { names, keyOf, train, validation, validationRows };
}

/**
 * The rows every trial is scored on (TabularData.validationRows) from the split alone: only the target and
 * `split_by` columns are kept from the scan (scanCsv's `only`), no feature parsed or encoded. What a run whose
 * trials all come from the cache reports.
 */
export function validationRowsOf(
  spec: DatasetSpec,
  data: Uint8Array | string,
  validationBytes?: Uint8Array | string,
): TabularData['validationRows'] {
  const scan = { only: [spec.target, ...(spec.splitBy ?? [])] };
  return splitSides(spec, scanCsv(spec.data, data, scan), validationBytes, scan).validationRows;
}

/**
 * Reads the trainer's CSV(s) into encoded training and validation splits.
 * `data` and `validation` are the files' bytes (already read, so their hashes and contents agree).
 * Parses every time: a preparation made once is handed over explicitly (prepared.ts).
 */
export function prepareTabularData(spec: DatasetSpec, data: Uint8Array | string, validationBytes?: Uint8Array | string): TabularData {
  // The target's and the ids' text is read for every row (classes, row keys): their offsets are kept as the scan passes.
  const texts = { texts: [spec.target, ...(spec.splitBy ?? [])] };
  const table = scanCsv(spec.data, data, texts);
  checkGridInfinities(table);
  const { names, keyOf, train, validation, validationRows } = splitSides(spec, table, validationBytes, texts);
  const encodings = names.map((name) => fitEncoding(table, train, name));
  const inputs = encodings.flatMap((e) => (e.kind === 'numeric' ? [e.name] : e.categories.map((c) => `${e.name}=${c}`)));
  if (inputs.length === 0)
    throw new DatasetError({ file: spec.data }, `the feature columns (${names.join(', ')}) have no values in the training rows`);
  const encode = (side: Side, isTrainingFile: boolean): Float32Array => encodeFeatures(side, encodings, inputs.length, isTrainingFile);
  const words = new Uint32Array(2);
  const trainKeys = new Uint32Array(new SharedArrayBuffer(train.rows.length * 4));
  train.rows.forEach((r, i) => {
    sha256Words('', keyOf(r), words);
    trainKeys[i] = words[0]!;
  });

  if (spec.task === 'classification') {
    const { classes, canon } = classLabels(train, validation, spec.target);
    if (classes.length < 2)
      throw new DatasetError(
        { file: spec.data, column: spec.target },
        `classification needs at least two classes in the training rows; column ${show(spec.target)} has only ${classes.map((c) => show(c)).join(', ')}`,
      );
    return {
      task: 'classification',
      target: spec.target,
      validationRows,
      encodings,
      inputs,
      classes,
      targetMean: 0,
      targetStd: 1,
      train: { n: train.rows.length, x: encode(train, true), labels: encodeLabels(train, spec.target, classes, canon), keys: trainKeys },
      validation: {
        n: validation.rows.length,
        x: encode(validation, spec.validation === undefined),
        labels: encodeLabels(validation, spec.target, classes, canon),
      },
    };
  }
  const trainTargets = encodeTargets(train, spec.target);
  const validationTargets = encodeTargets(validation, spec.target);
  const mean = trainTargets.reduce((s, v) => s + v, 0) / trainTargets.length;
  const std = Math.sqrt(trainTargets.reduce((s, v) => s + (v - mean) ** 2, 0) / trainTargets.length);
  return {
    task: 'regression',
    target: spec.target,
    validationRows,
    encodings,
    inputs,
    classes: [],
    targetMean: mean,
    targetStd: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1,
    train: { n: train.rows.length, x: encode(train, true), targets: trainTargets, keys: trainKeys },
    validation: { n: validation.rows.length, x: encode(validation, spec.validation === undefined), targets: validationTargets },
  };
}
