import type { Threshold } from '../config/types.js';
import { ConfigError, show } from '../errors.js';

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const ABSOLUTE_RE = new RegExp(`^${NUMBER}$`);
const RELATIVE_RE = new RegExp(`^(${NUMBER})\\s*%$`);

/**
 * A gate threshold as written by a user: a non-negative number is absolute (`0.01`, `"0.01"`), a number
 * followed by `%` is relative to main's value (`"2%"` → fraction 0.02). `path` names where it came from
 * (`gate.val_loss.max_regression`, or the `max-regression` input) so the error can say so.
 */
export function parseThreshold(text: string | number, path: string): Threshold {
  const bad = (): ConfigError =>
    new ConfigError(
      path,
      `must be a non-negative number (absolute, like 0.01) or a percentage (relative, like "2%"), got ${typeof text === 'number' ? String(text) : show(text)}`,
    );
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0) throw bad();
    return { kind: 'absolute', value: text };
  }
  if (typeof text !== 'string') throw bad();
  const s = text.trim();
  if (ABSOLUTE_RE.test(s)) return { kind: 'absolute', value: Number(s) };
  const rel = RELATIVE_RE.exec(s);
  if (rel?.[1] !== undefined) return { kind: 'relative', fraction: Number(rel[1]) / 100 };
  throw bad();
}

/** `0.01` or `2%`: how the report and the gate's failure message print a threshold. */
export function formatThreshold(t: Threshold): string {
  return t.kind === 'absolute' ? String(t.value) : `${+(t.fraction * 100).toPrecision(10)}%`;
}
