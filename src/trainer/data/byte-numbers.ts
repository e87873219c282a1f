// Numbers read straight from a CSV's bytes, each cell once, the same doubles Number() gives (csv-grid.ts' scanner calls
// these per cell: no string per cell, no object per cell).
import { MISSING } from './csv.js';

/** A column's numbers (NaN when missing), or undefined when a cell is neither a number nor a missing marker. */
export function parseColumn(buf: Buffer, starts: Int32Array, ends: Int32Array, rowCount: number): Float64Array | undefined {
  const values = new Float64Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const s = starts[r]!;
    const e = ends[r]!;
    const v = parseNumber(buf, s, e);
    if (lastParse.ok) values[r] = v;
    else if (isMissing(buf, s, e)) values[r] = NaN;
    else return undefined;
  }
  return values;
}

/** Whether buf[s, e) is a missing marker (csv.ts MISSING; none is longer than 4 bytes). */
export const isMissing = (buf: Buffer, s: number, e: number): boolean => e - s <= 4 && MISSING.has(buf.toString('latin1', s, e));

/** Whether the last parseNumber read a number (csv.ts' NUMBER grammar): a flag, so no object per cell. */
export const lastParse = { ok: false };
/** 10^0 … 10^22: each one a double exactly. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

/**
 * The cell as Number() reads it, when it matches `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`; sets lastParse.ok. With at
 * most 15 significant digits and a decimal exponent within ±22, the value is one correctly rounded multiplication or
 * division of two exact doubles (Clinger's fast path), which is the double Number() gives; else Number() reads it.
 */
export function parseNumber(buf: Buffer, s: number, e: number): number {
  lastParse.ok = false;
  let i = s;
  const negative = i < e && buf[i] === 0x2d;
  if (i < e && (negative || buf[i] === 0x2b)) i++;
  let mantissa = 0;
  let digits = 0; // significant digits taken into the mantissa
  let scale = 0; // the power of ten the mantissa is multiplied by
  const intStart = i;
  for (; i < e && isDigit(buf[i]); i++) {
    if (mantissa !== 0 || buf[i] !== 0x30) digits++;
    mantissa = mantissa * 10 + buf[i]! - 0x30;
  }
  let any = i > intStart;
  if (i < e && buf[i] === 0x2e) {
    const fracStart = ++i;
    for (; i < e && isDigit(buf[i]); i++) {
      if (mantissa !== 0 || buf[i] !== 0x30) digits++;
      mantissa = mantissa * 10 + buf[i]! - 0x30;
      scale--;
    }
    any ||= i > fracStart;
  }
  if (!any) return NaN;
  if (i < e && (buf[i] === 0x65 || buf[i] === 0x45)) {
    i++;
    const expNegative = i < e && buf[i] === 0x2d;
    if (i < e && (expNegative || buf[i] === 0x2b)) i++;
    let exp = 0;
    const expStart = i;
    for (; i < e && isDigit(buf[i]); i++) exp = Math.min(exp * 10 + buf[i]! - 0x30, 100000);
    if (i === expStart) return NaN;
    scale += expNegative ? -exp : exp;
  }
  if (i !== e) return NaN;
  lastParse.ok = true;
  if (digits > 15 || scale > 22 || scale < -22) return Number(buf.toString('latin1', s, e));
  const v = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
  return negative ? -v : v;
}
