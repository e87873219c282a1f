import { createHash } from 'node:crypto';
import { sha256Words } from './short-sha256.js';

/**
 * Which rows are validation rows (of `table`'s rows, or of that many rows). Each row gets a key: its 0-based position among the data rows, or, with
 * `split_by`, the text of its id columns. The key is hashed with the split seed (`trainer.split_seed`, fixed,
 * independent of the sweep seed) into u in [0, 1), and the row is a validation row when u < fraction: an
 * independent draw per row, so a row's side depends on nothing but its key and the split seed. That is what
 * keeps the validation rows put when a PR adds, drops or transforms feature columns, edits labels, appends
 * rows or changes the sweep seed; with `split_by` also when it deletes or reorders rows (rows that share an id
 * share a side). Deleting or reordering rows without `split_by` moves positions and so reshuffles the rows
 * after the edit. The only exceptions are for tiny classes (classification): a class left with no training row
 * gets its highest-u row back, and a class of two or more rows with no validation row gives its lowest-u row to
 * validation, so every class can be learnt and scored.
 */
export function splitRows(
  table: number | { readonly rows: { readonly length: number } },
  groupOf: (row: number) => string,
  fraction: number,
  seed = 0,
  keyOf: (row: number) => string = String,
): { train: number[]; validation: number[] } {
  const rowCount = typeof table === 'number' ? table : table.rows.length;
  // Per row its u, side and class (typed arrays: no object per row on a 100,000-row file).
  const units = new Float64Array(rowCount);
  const inValidation = new Uint8Array(rowCount);
  const groupOfRow = new Int32Array(rowCount);
  const ids = new Map<string, number>();
  for (let row = 0; row < rowCount; row++) {
    const u = splitUnit(seed, keyOf(row));
    units[row] = u;
    if (u < fraction) inValidation[row] = 1;
    const key = groupOf(row);
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    groupOfRow[row] = g;
  }
  // Per class: its size, its validation rows, and its first row of highest u and of lowest u.
  const size = new Int32Array(ids.size);
  const held = new Int32Array(ids.size);
  const highest = new Int32Array(ids.size).fill(-1);
  const lowest = new Int32Array(ids.size).fill(-1);
  for (let row = 0; row < rowCount; row++) {
    const g = groupOfRow[row]!;
    size[g]!++;
    held[g]! += inValidation[row]!;
    if (highest[g]! < 0 || units[row]! > units[highest[g]!]!) highest[g] = row;
    if (lowest[g]! < 0 || units[row]! < units[lowest[g]!]!) lowest[g] = row;
  }
  for (let g = 0; g < ids.size; g++) {
    if (held[g] === size[g]) inValidation[highest[g]!] = 0;
    else if (held[g] === 0 && size[g]! >= 2) inValidation[lowest[g]!] = 1;
  }
  const train: number[] = [];
  const validation: number[] = [];
  for (let row = 0; row < rowCount; row++) (inValidation[row] ? validation : train).push(row);
  return { train, validation };
}

/** The row key's place in [0, 1): the first 52 bits of sha256(split seed, key). */
function splitUnit(seed: number, key: string): number {
  if (seed !== prefix.seed) prefix = { seed, text: `sweepgate/split\u0000${seed}\u0000` };
  sha256Words(prefix.text, key, words);
  return (words[0]! * 2 ** 20 + (words[1]! >>> 12)) / 2 ** 52;
}
const words = new Uint32Array(2);
let prefix = { seed: 0, text: 'sweepgate/split\u00000\u0000' };

/**
 * A fingerprint of the rows a model is scored on: for each validation row, its key and its target, so two
 * runs with the same fingerprint were scored on the same rows with the same labels (whatever their features).
 */
export function validationFingerprint(keys: readonly string[], targets: readonly string[]): string {
  // One update of the whole text: the same bytes, so the same digest, as an update per row.
  const text = keys.map((k, i) => `${k}\u0000${targets[i]}\u0001`).join('');
  return createHash('sha256').update('sweepgate/validation-rows\u0000').update(text).digest('hex');
}
