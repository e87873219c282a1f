// The tabular preparation as it was before the typed-array rewrite (rows of strings from parseCsv), kept verbatim as
// the reference the new one must match encoding for encoding (tabular-equivalence.test.ts).
import { createHash } from 'node:crypto';
import { type CsvTable, MISSING, isNumber, parseCsv } from '../../../src/trainer/data/csv.js';
import { show } from '../../../src/core/errors.js';
import type { TabularTrainerSpec } from '../../../src/core/config/types.js';
import { splitRows, validationFingerprint } from './legacy-split.js';
import { DatasetError, EmptyDataError, MissingColumnError, NonNumericError, UnseenLabelError } from '../../../src/trainer/data/errors.js';

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
function finiteNumber(table: CsvTable, row: number, column: string, raw: string): number {
  const x = Number(raw);
  if (!Number.isFinite(x))
    throw new DatasetError(
      { file: table.file, line: table.lines[row], column, value: raw },
      `column ${show(column)} holds ${show(raw)}, which is beyond the range of a number (about ±1.8e308)`,
    );
  return x;
}

function columnIndex(table: CsvTable, name: string, role: 'target' | 'feature' | 'split_by'): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new MissingColumnError(table.file, role, name, table.header);
  return i;
}

/** Feature columns: as listed, or every named column but the target. */
function featureNames(spec: DatasetSpec, table: CsvTable): string[] {
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
  readonly table: CsvTable;
  readonly rows: readonly number[];
}

/** The cell of `row` in column number `column` (looked up once per column, not per cell: a wide file has ~1000). */
function cell(side: Side, row: number, column: number): string {
  return side.table.rows[row]![column] ?? '';
}

const at = (side: Side, name: string): number => side.table.header.indexOf(name);

/** Classes from the training rows, canonicalised (`1.0` and `1` are one class when every label is a number). */
function classLabels(train: Side, validation: Side, target: string): { classes: string[]; canon: (raw: string) => string } {
  const tc = at(train, target);
  const vc = at(validation, target);
  const all = [...train.rows.map((r) => cell(train, r, tc)), ...validation.rows.map((r) => cell(validation, r, vc))];
  const numeric = all.every(isNumber);
  // 1e400 and 2e400 would both canonicalise to "Infinity".
  if (numeric)
    for (const side of [train, validation]) {
      const c = at(side, target);
      for (const r of side.rows) finiteNumber(side.table, r, target, cell(side, r, c));
    }
  const canon = numeric ? (raw: string): string => String(Number(raw)) : (raw: string): string => raw;
  const classes = [...new Set(train.rows.map((r) => canon(cell(train, r, tc))))];
  classes.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { classes, canon };
}

function checkTargetsPresent(side: Side, target: string): void {
  const c = at(side, target);
  for (const r of side.rows) {
    if (cell(side, r, c) === '')
      throw new DatasetError(
        { file: side.table.file, line: side.table.lines[r], column: target },
        `row has no value in target column ${show(target)}`,
      );
  }
}

function encodeLabels(side: Side, target: string, classes: readonly string[], canon: (raw: string) => string): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  const out = new Int32Array(side.rows.length);
  const c = at(side, target);
  side.rows.forEach((r, i) => {
    const raw = cell(side, r, c);
    const k = index.get(canon(raw));
    if (k === undefined) throw new UnseenLabelError(side.table.file, side.table.lines[r]!, target, raw, classes);
    out[i] = k;
  });
  return out;
}

function encodeTargets(side: Side, target: string): Float64Array {
  const out = new Float64Array(side.rows.length);
  const c = at(side, target);
  side.rows.forEach((r, i) => {
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
function fitEncoding(data: CsvTable, train: Side, name: string): FeatureEncoding {
  const column = data.header.indexOf(name);
  const numeric = data.rows.every((row) => {
    const c = row[column] ?? '';
    return MISSING.has(c) || isNumber(c);
  });
  if (numeric) {
    // Every row of the file, validation-split rows included: they are encoded with these statistics.
    data.rows.forEach((row, r) => {
      const c = row[column] ?? '';
      if (!MISSING.has(c)) finiteNumber(data, r, name, c);
    });
    let n = 0;
    let sum = 0;
    for (const r of train.rows) {
      const c = cell(train, r, column);
      if (!MISSING.has(c)) {
        n++;
        sum += Number(c);
      }
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (const r of train.rows) {
      const c = cell(train, r, column);
      if (!MISSING.has(c)) ss += (Number(c) - mean) ** 2;
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

function encodeFeatures(side: Side, encodings: readonly FeatureEncoding[], width: number, isTrainingFile: boolean): Float32Array {
  const x = new Float32Array(side.rows.length * width);
  const columns = encodings.map((e) => side.table.header.indexOf(e.name));
  const lookups = encodings.map((e) => (e.kind === 'categorical' ? new Map(e.categories.map((c, i) => [c, i])) : undefined));
  side.rows.forEach((r, i) => {
    const row = side.table.rows[r]!;
    let offset = i * width;
    encodings.forEach((e, j) => {
      const c = row[columns[j]!] ?? '';
      if (e.kind === 'numeric') {
        if (MISSING.has(c)) {
          x[offset] = 0; // the training mean, standardised
        } else if (!isNumber(c)) {
          // Only reachable for a separate validation file: the training file decided the column is numeric.
          if (isTrainingFile) throw new Error(`internal: non-numeric ${show(c)} in numeric column ${e.name}`);
          throw new NonNumericError(side.table.file, side.table.lines[r]!, e.name, c, 'numeric feature');
        } else {
          const v = finiteNumber(side.table, r, e.name, c);
          x[offset] = e.std > 0 ? (v - e.mean) / e.std : 0;
        }
        offset += 1;
      } else {
        const k = lookups[j]!.get(c);
        if (k !== undefined) x[offset + k] = 1; // unseen or empty category: all zeros
        offset += e.categories.length;
      }
    });
  });
  return x;
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
  table: CsvTable,
  names: readonly string[],
): Sides {
  if (validationBytes === undefined) throw new TypeError('prepareTabularData: validation bytes missing');
  const vtable = parseCsv(file, validationBytes);
  columnIndex(vtable, spec.target, 'target');
  for (const name of names) columnIndex(vtable, name, 'feature');
  const train = { table, rows: table.rows.map((_, i) => i) };
  const validation = { table: vtable, rows: vtable.rows.map((_, i) => i) };
  const vids = (spec.splitBy ?? []).map((c) => columnIndex(vtable, c, 'split_by'));
  const validationKey = vids.length === 0 ? String : (row: number): string => vids.map((c) => vtable.rows[row]![c] ?? '').join('\u0000');
  return { train, validation, validationKey };
}

/** `validation_split` of the rows validate, chosen by their keys (splitRows); each side must keep some. */
function splitTable(spec: DatasetSpec, table: CsvTable, keyOf: (row: number) => string): Sides {
  if (!(spec.validationSplit > 0 && spec.validationSplit < 1))
    throw new DatasetError({ file: spec.data }, `validation_split must be in (0, 1), got ${spec.validationSplit}`);
  const ti = table.header.indexOf(spec.target);
  const groupOf = spec.task === 'classification' ? (row: number) => table.rows[row]![ti] ?? '' : () => '';
  const split = splitRows(table, groupOf, spec.validationSplit, spec.splitSeed ?? 0, keyOf);
  if (split.validation.length === 0 || split.train.length === 0)
    throw new EmptyDataError(
      { file: spec.data },
      `validation_split ${spec.validationSplit} of ${table.rows.length} rows leaves ${split.train.length} training and ${split.validation.length} validation rows; ` +
        'add rows, raise validation_split or give a `validation` file',
    );
  return { train: { table, rows: split.train }, validation: { table, rows: split.validation }, validationKey: keyOf };
}

/**
 * Reads the trainer's CSV(s) into encoded training and validation splits.
 * `data` and `validation` are the files' bytes (already read, so their hashes and contents agree).
 * Parses every time: a preparation made once is handed over explicitly (prepared.ts).
 */
export function prepareTabularData(spec: DatasetSpec, data: Uint8Array | string, validationBytes?: Uint8Array | string): TabularData {
  const table = parseCsv(spec.data, data);
  columnIndex(table, spec.target, 'target');
  const names = featureNames(spec, table);
  const idColumns = (spec.splitBy ?? []).map((c) => columnIndex(table, c, 'split_by'));
  const keyOf = idColumns.length === 0 ? String : (row: number): string => idColumns.map((c) => table.rows[row]![c] ?? '').join('\u0000');
  const { train, validation, validationKey } =
    spec.validation === undefined
      ? splitTable(spec, table, keyOf)
      : withValidationFile(spec, spec.validation, validationBytes, table, names);
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

  const encodings = names.map((name) => fitEncoding(table, train, name));
  const inputs = encodings.flatMap((e) => (e.kind === 'numeric' ? [e.name] : e.categories.map((c) => `${e.name}=${c}`)));
  if (inputs.length === 0)
    throw new DatasetError({ file: spec.data }, `the feature columns (${names.join(', ')}) have no values in the training rows`);
  const encode = (side: Side, isTrainingFile: boolean): Float32Array => encodeFeatures(side, encodings, inputs.length, isTrainingFile);
  const trainKeys = Uint32Array.from(train.rows, (r) => createHash('sha256').update(keyOf(r)).digest().readUInt32BE(0));

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
