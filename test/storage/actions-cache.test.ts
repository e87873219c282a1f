import { describe, expect, it } from 'vitest';
import { cacheKeys, keySafe } from '../../src/storage/actions-cache/cache-client.js';

describe('Actions cache keys', () => {
  it("a sweep's restore prefix never matches another sweep's entries", () => {
    const sha = 'a'.repeat(40);
    expect(cacheKeys.trials('quad-wide', sha, '1', '1').startsWith(cacheKeys.trialsPrefix('quad'))).toBe(false);
    expect(cacheKeys.baseline('quad-wide', sha).startsWith(cacheKeys.baselinePrefix('quad'))).toBe(false);
    expect(cacheKeys.trials('quad', sha, '1', '1').startsWith(cacheKeys.trialsPrefix('quad'))).toBe(true);
  });
  it('keeps names apart that differ only in characters a key cannot hold', () => {
    expect(keySafe('a b')).not.toBe(keySafe('a_b'));
    expect(keySafe('a,b')).toMatch(/^a_b\.[0-9a-f]{8}$/);
    expect(keySafe('x'.repeat(600)).length).toBeLessThan(120);
  });
});
