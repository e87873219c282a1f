// What a W&B program writes back: metrics lines on stdout (the metrics protocol) and the wandb stand-in's events
// on its own file descriptor (python/wandb/__init__.py `_send`).
import type { Metrics } from '../../core/json.js';

/** One event from the wandb stand-in: a logged row, summary values, or the end of the run. */
export type WandbEvent =
  | { kind: 'log'; metrics: Metrics }
  | { kind: 'summary'; metrics: Metrics }
  | { kind: 'finish' }
  | { kind: 'ignored'; names: readonly string[] }
  | { kind: 'nonfinite'; text: string }
  | { kind: 'other' };

/** Reads one line the wandb stand-in wrote (python/wandb/__init__.py `_send`). */
export function parseWandbEvent(line: string): WandbEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'other' };
  }
  if (typeof value !== 'object' || value === null) return { kind: 'other' };
  const v = value as Record<string, unknown>;
  if (v.finish !== undefined) return { kind: 'finish' };
  if (Array.isArray(v.ignored)) return { kind: 'ignored', names: v.ignored.filter((n): n is string => typeof n === 'string') };
  const data = (v.log ?? v.summary) as Record<string, unknown> | undefined;
  if (typeof data !== 'object' || data === null) return { kind: 'other' };
  const metrics: Record<string, number> = {};
  for (const [k, x] of Object.entries(data)) {
    if (typeof x === 'number') metrics[k] = x;
    else if (typeof x === 'string') return { kind: 'nonfinite', text: `${k}=${x}` };
  }
  return { kind: v.log !== undefined ? 'log' : 'summary', metrics };
}

export type Line = { kind: 'report'; step?: number; metrics: Metrics } | { kind: 'other' } | { kind: 'nonfinite' };

/** Reads one stdout line by the metrics protocol. */
export function parseMetricsLine(line: string): Line {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return { kind: 'other' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Python's json.dumps writes NaN and Infinity, which JSON cannot hold: a diverged metric, not chatter.
    try {
      JSON.parse(text.replace(/(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/g, '0'));
      return { kind: 'nonfinite' };
    } catch {
      return { kind: 'other' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'other' };
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.every((e): e is [string, number] => typeof e[1] === 'number')) return { kind: 'other' };
  const obj = value as Record<string, number>;
  const stepKey = 'step' in obj ? 'step' : 'epoch' in obj ? 'epoch' : undefined;
  const metrics: Record<string, number> = {};
  for (const [k, v] of entries) if (k !== stepKey) metrics[k] = v;
  if (Object.keys(metrics).length === 0) return { kind: 'other' };
  return { kind: 'report', step: stepKey ? obj[stepKey] : undefined, metrics };
}

/** A metrics line is short; past this, an unbroken run of output is chatter and is dropped, not buffered for ever. */
const MAX_LINE_CHARS = 1024 * 1024;

/**
 * Splits a stream's text chunks into lines for `onLine`. An unbroken run past MAX_LINE_CHARS is replaced by
 * `overflow` as it grows; `flush` hands on the unterminated rest (once the stream has ended).
 */
export function lineSplitter(onLine: (line: string) => void, overflow: string): { push(chunk: string): void; flush(): void } {
  let rest = '';
  return {
    push(chunk: string): void {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      if (rest.length > MAX_LINE_CHARS) rest = overflow;
      lines.forEach(onLine);
    },
    flush(): void {
      const last = rest;
      rest = '';
      if (last !== '') onLine(last);
    },
  };
}
