import { ConfigError, show } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|m|h)/gy;
/** Longer than any CI job may run (GitHub stops a job after 6 h; self-hosted after 5 days). */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/**
 * A duration as a user writes it: a number of seconds (`90`, `"90"`) or units (`"90s"`, `"5m"`, `"1h30m"`,
 * `"1.5h"`, `"500ms"`). Must be > 0 and at most 7 days; `path` names where it came from in the error.
 */
export function parseDuration(value: unknown, path: string): number {
  const bad = (why: string): ConfigError => new ConfigError(path, `${why}, got ${typeof value === 'number' ? String(value) : show(value)}`);
  const form = 'must be a number of seconds or a duration such as "90s", "5m" or "1h30m"';
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(form);
    ms = value * 1000;
  } else if (typeof value === 'string') {
    const s = value.trim();
    if (/^(\d+(?:\.\d+)?|\.\d+)$/.test(s)) ms = Number(s) * 1000;
    else {
      ms = 0;
      PART.lastIndex = 0;
      let end = 0;
      for (let m = PART.exec(s); m; m = PART.exec(s)) {
        ms += Number(m[1]) * UNIT_MS[m[2]!]!;
        end = PART.lastIndex;
        while (s[end] === ' ') end++;
        PART.lastIndex = end;
      }
      if (s === '' || end !== s.length) throw bad(form);
    }
  } else throw bad(form);
  if (!(ms > 0)) throw bad('must be > 0');
  if (ms > MAX_DURATION_MS) throw bad('must be at most 7 days');
  return ms;
}

/** `90 s`, `5 min`, `1 h 30 min`: for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toPrecision(6)} s`;
  const h = Math.floor(ms / 3_600_000);
  const min = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return [h ? `${h} h` : '', min ? `${min} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ');
}
