import type { JsonValue } from '../core/json.js';

/**
 * Makes any value safe inside a GFM table cell: the pipe, backtick, angle brackets, ampersand and line
 * breaks are the characters that can end a cell, open a code span or inject HTML.
 */
export function cell(value: JsonValue | undefined): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : typeof value === 'number' ? num(value) : JSON.stringify(value);
  return inline(text);
}

/**
 * Escapes text for a single line of markdown outside a code span, staying readable in a terminal:
 * backslash escapes where GFM honours them (also inside table cells), entities only for HTML.
 */
export function inline(text: string): string {
  return text
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*|[\]~])/g, '\\$1')
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'))
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Four significant digits, no exponent noise for everyday magnitudes, integers as integers. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

export function signed(x: number): string {
  return x > 0 ? `+${num(x)}` : num(x);
}

export function percent(fraction: number): string {
  const p = fraction * 100;
  const s = Math.abs(p) >= 10 ? p.toFixed(1) : Math.abs(p) >= 1 ? p.toFixed(2) : p.toPrecision(2);
  return `${p > 0 ? '+' : ''}${s}%`;
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}
