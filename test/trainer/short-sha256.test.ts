import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Words } from '../../src/trainer/data/short-sha256.js';

const words = (prefix: string, text: string): number[] => {
  const d = createHash('sha256').update(prefix).update(text).digest();
  return [d.readUInt32BE(0), d.readUInt32BE(4)];
};

describe('sha256Words', () => {
  it("gives node:crypto's digest for short ASCII keys, long keys and non-ASCII ones", () => {
    const out = new Uint32Array(2);
    fc.assert(
      fc.property(
        fc.constantFrom('', 'sweepgate/split\u00000\u0000', 'p', 'é', 'q'.repeat(60)),
        fc.oneof(fc.string({ maxLength: 70 }), fc.nat().map(String)),
        (prefix, text) => {
          sha256Words(prefix, text, out);
          expect(Array.from(out)).toEqual(words(prefix, text));
        },
      ),
      { numRuns: 2000 },
    );
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'é', '12345']) {
      sha256Words('', text, out);
      expect(Array.from(out)).toEqual(words('', text));
    }
  });
});
