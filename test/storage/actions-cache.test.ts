import { describe, expect, it } from 'vitest';
import { cacheKeys, keySafe, MAX_KEY_NAME_CHARS, sweepName } from '../../src/storage/actions-cache/cache-client.js';

describe('Actions cache keys', () => {
  it("a sweep's restore prefix never matches another sweep's entries", () => {
    const sha = 'a'.repeat(40);
    expect(cacheKeys.trials('quad-wide', sha, '1', '1').startsWith(cacheKeys.trialsPrefix('quad'))).toBe(false);
    expect(cacheKeys.baseline('quad-wide', sha).startsWith(cacheKeys.baselinePrefix('quad'))).toBe(false);
    expect(cacheKeys.trials('quad', sha, '1', '1').startsWith(cacheKeys.trialsPrefix('quad'))).toBe(true);
  });
  it('keeps names apart that differ only in characters a key cannot hold', () => {
    expect(keySafe('a b')).not.toBe(keySafe('a_b'));
    expect(keySafe('a,b')).toMatch(/^a_b\.[0-9a-f]{16}$/);
    expect(keySafe('x'.repeat(600)).length).toBeLessThan(120);
  });
});

describe('sweepName: what of a sweep name reaches a cache key', () => {
  it.each([
    ['iris\u200b', 'zero-width space'],
    ['ir\u00adis', 'soft hyphen'],
    ['iris\u2060', 'word joiner'],
    ['iris\ufe0f', 'variation selector'],
    ['\u202eiris', 'right-to-left override'],
    ['iris\u0007', 'control character'],
    ['Iris', 'case'],
    ['ＩＲＩＳ', 'full-width letters (NFKC)'],
    [' iris\u3000', 'surrounding and ideographic spaces'],
  ])('%j maps to the key of "iris" (%s)', (name) => {
    expect(sweepName(name)).toBe('iris');
    expect(keySafe(name)).toBe(keySafe('iris'));
    expect(cacheKeys.baselinePrefix(name)).toBe(cacheKeys.baselinePrefix('iris'));
  });

  it('collapses whitespace and folds case fully, but keeps visibly different names apart', () => {
    expect(sweepName('my \t\n  sweep')).toBe('my sweep');
    expect(sweepName('STRASSE')).toBe(sweepName('straße'));
    expect(keySafe('iris-v2')).not.toBe(keySafe('iris'));
    expect(keySafe('iris v2')).not.toBe(keySafe('iris_v2'));
  });

  it(`caps the name at ${MAX_KEY_NAME_CHARS} code points before it goes into the key`, () => {
    const long = 'é'.repeat(40_000);
    expect([...sweepName(long)]).toHaveLength(MAX_KEY_NAME_CHARS);
    expect(keySafe(long)).toBe(keySafe('é'.repeat(MAX_KEY_NAME_CHARS) + 'x'));
    expect(cacheKeys.trials(long, 'a'.repeat(40), '123456789', '1').length).toBeLessThan(512);
  });
});
