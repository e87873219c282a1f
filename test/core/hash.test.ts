import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/hash.js';
import { Rng, deriveSeed } from '../../src/core/rng.js';
import { trialKey, trialSeed } from '../../src/core/trial.js';

describe('trial key', () => {
  it('does not depend on key order', () => {
    expect(trialKey({ a: 1, b: 'x', c: { d: 2, e: 3 } }, 7, 'fp')).toBe(trialKey({ c: { e: 3, d: 2 }, b: 'x', a: 1 }, 7, 'fp'));
  });
  it('treats 1.0 and 1 (and -0 and 0) as the same value', () => {
    expect(trialKey(JSON.parse('{"lr": 1.0, "m": -0}'), 1, 'fp')).toBe(trialKey({ lr: 1, m: 0 }, 1, 'fp'));
    expect(canonicalJson({ x: 2.5e-3 })).toBe('{"x":0.0025}');
  });
  it('changes with params, seed and fingerprint', () => {
    const k = trialKey({ lr: 0.1 }, 1, 'fp');
    expect(trialKey({ lr: 0.2 }, 1, 'fp')).not.toBe(k);
    expect(trialKey({ lr: 0.1 }, 2, 'fp')).not.toBe(k);
    expect(trialKey({ lr: 0.1 }, 1, 'fp2')).not.toBe(k);
  });
  it('is pinned: the same inputs give this key on any machine (a change here invalidates every cache)', () => {
    expect(trialKey({ units: 32, lr: 0.1 }, 42, 'abc')).toBe('fc7ea08289a803a9bb31a8b2ad404ae02d92ce93d813401dc0bcae7bb8666c0b');
  });
  it('rejects non-finite numbers instead of hashing them as null', () => {
    expect(() => canonicalJson({ lr: Number.NaN })).toThrow(/non-finite/);
  });
  it('derives the trial seed from params, not position', () => {
    expect(trialSeed(1, { a: 1, b: 2 })).toBe(trialSeed(1, { b: 2, a: 1 }));
    expect(trialSeed(1, { a: 1 })).not.toBe(trialSeed(2, { a: 1 }));
    expect(trialSeed(1, { a: 1 }, 1)).not.toBe(trialSeed(1, { a: 1 }, 0));
  });
});

describe('Rng', () => {
  it('replays the same stream from the same seed and differs across seeds', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    const c = new Rng(6);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });
  it('is roughly uniform and normal', () => {
    const r = new Rng(1);
    const u = Array.from({ length: 20000 }, () => r.next());
    expect(u.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(u.reduce((s, x) => s + x, 0) / u.length - 0.5)).toBeLessThan(0.01);
    const n = Array.from({ length: 20000 }, () => r.normal());
    const m = n.reduce((s, x) => s + x, 0) / n.length;
    const v = n.reduce((s, x) => s + (x - m) ** 2, 0) / n.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
  });
  it('derives seeds from parts', () => {
    expect(deriveSeed('a', 1)).toBe(deriveSeed('a', 1));
    expect(deriveSeed('a', 1)).not.toBe(deriveSeed('a', 2));
  });
});
