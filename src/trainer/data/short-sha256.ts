// SHA-256 of a short ASCII string, in JS: the split hashes every row's key (splitUnit) and the trainer orders rows
// by a hash of it, 200,000 digests for a 100,000-row file; node:crypto's createHash costs a few microseconds of
// setup per digest, which made hashing the largest part of preparing such a file. The digest is SHA-256's
// (FIPS 180-4), checked against node:crypto in short-sha256.test.ts; anything past one block goes to node:crypto.
import { createHash } from 'node:crypto';

// Int32Array, not Uint32Array: a word past 2^31 read from a Uint32Array is not a small integer to V8, and the rounds
// would run on doubles; as int32 every step stays in integer registers (the bits are the same).
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);
const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/**
 * The first two 32-bit words (big-endian) of sha256(prefix + text), into `out`. The text is read as UTF-8, as
 * createHash().update(string) reads it.
 */
export function sha256Words(prefix: string, text: string, out: Uint32Array): void {
  const length = prefix.length + text.length;
  // One block holds 55 bytes of message; ASCII only, so a character is a byte.
  if (length <= 55 && prefixBlock(prefix)) {
    W.set(PREFIX);
    let plain = true;
    for (let i = 0, j = prefix.length; i < text.length; i++, j++) {
      const code = text.charCodeAt(i);
      plain &&= code <= 0x7f;
      W[j >> 2]! |= code << (24 - 8 * (j & 3));
    }
    if (plain) {
      W[length >> 2]! |= 0x80 << (24 - 8 * (length & 3));
      W[15] = length * 8;
      compress(out);
      return;
    }
  }
  const digest = createHash('sha256').update(prefix).update(text).digest();
  out[0] = digest.readUInt32BE(0);
  out[1] = digest.readUInt32BE(4);
}

/**
 * The block's first words as the prefix fills them (the rest 0), in PREFIX; kept for the next call with the same
 * prefix, which is every call of a split or an epoch order. False when the prefix cannot start a one-block message.
 */
function prefixBlock(prefix: string): boolean {
  if (prefix === lastPrefix) return lastFits;
  lastPrefix = prefix;
  lastFits = prefix.length <= 55 && ascii(prefix);
  PREFIX.fill(0);
  if (lastFits) for (let i = 0; i < prefix.length; i++) PREFIX[i >> 2]! |= prefix.charCodeAt(i) << (24 - 8 * (i & 3));
  return lastFits;
}
const PREFIX = new Int32Array(16);
let lastPrefix = '';
let lastFits = true;

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** One block (in W) from the initial hash value; the first two words of the result into `out`. */
function compress(out: Uint32Array): void {
  for (let t = 16; t < 64; t++) {
    const a = W[t - 15]!;
    const b = W[t - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H0[0]!;
  let b = H0[1]!;
  let c = H0[2]!;
  let d = H0[3]!;
  let e = H0[4]!;
  let f = H0[5]!;
  let g = H0[6]!;
  let h = H0[7]!;
  for (let t = 0; t < 64; t++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = (H0[0]! + a) >>> 0;
  out[1] = (H0[1]! + b) >>> 0;
}
