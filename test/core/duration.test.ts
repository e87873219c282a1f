import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/core/duration.js';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { OBJ, X } from './bad-configs.js';

describe('parseDuration', () => {
  it.each([
    [90, 90_000],
    [0.5, 500],
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['5 min', 300_000],
    ['1h30m', 5_400_000],
    ['1h 30m 15s', 5_415_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
  ] as const)('%j is %d ms', (text, ms) => {
    expect(parseDuration(text, 'trial_timeout')).toBe(ms);
  });

  it.each([
    [0, 'must be > 0, got 0'],
    [-5, 'must be > 0, got -5'],
    ['', 'must be a number of seconds or a duration'],
    ['5 parsecs', 'must be a number of seconds or a duration such as "90s", "5m" or "1h30m", got "5 parsecs"'],
    ['1h30', 'must be a number of seconds or a duration'],
    ['1e3s', 'must be a number of seconds or a duration'],
    [Number.NaN, 'must be a number of seconds or a duration'],
    [Number.POSITIVE_INFINITY, 'must be a number of seconds or a duration'],
    ['9999h', 'must be at most 7 days, got "9999h"'],
    [true, 'must be a number of seconds'],
  ] as const)('%j is refused naming the field', (text, message) => {
    expect(() => parseDuration(text, '--trial-timeout')).toThrow(ConfigError);
    expect(() => parseDuration(text, '--trial-timeout')).toThrow(`--trial-timeout: ${message}`);
  });

  it('formats for messages', () => {
    expect(formatDuration(500)).toBe('500 ms');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(5_415_000)).toBe('1 h 30 min 15 s');
  });
});

describe('trial_timeout in a config', () => {
  it('is parsed into trialTimeoutMs; absent means no timeout', () => {
    expect(parseSweepConfig(`${OBJ}${X}trial_timeout: 2m\n`, '/w/s.yml').trialTimeoutMs).toBe(120_000);
    expect(parseSweepConfig(`${OBJ}${X}trial_timeout: 30\n`, '/w/s.yml').trialTimeoutMs).toBe(30_000);
    expect(parseSweepConfig(`${OBJ}${X}`, '/w/s.yml').trialTimeoutMs).toBeUndefined();
  });
});
