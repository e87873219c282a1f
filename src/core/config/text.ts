import { ConfigError } from '../errors.js';

/** Far past any real sweep config (W&B's largest examples are a few kB); a bigger file is a mistake. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The text of a config file, or a ConfigError saying why it is not one: too large, binary (a NUL byte), or
 * not UTF-8 (YAML and JSON are UTF-8 here; a Latin-1 file would otherwise load with U+FFFD in its values).
 * A UTF-8 BOM is dropped, as YAML allows.
 */
export function decodeConfigText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_CONFIG_BYTES)
    throw new ConfigError('', `config ${file} is ${size(bytes.length)}; a sweep config is at most ${size(MAX_CONFIG_BYTES)}`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ConfigError('', `config ${file} is UTF-16 text; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ConfigError('', `config ${file} is a binary file, not YAML or JSON text (a NUL byte at offset ${nul})`);
  const bad = invalidUtf8At(bytes);
  if (bad >= 0)
    throw new ConfigError(
      '',
      `config ${file} is not valid UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8`,
    );
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${+(n / 1024).toFixed(1)} kB`;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (no overlongs, surrogates or > U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) [n, lo, hi] = [3, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf];
    else if (c >= 0xf0 && c <= 0xf4) [n, lo, hi] = [4, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k < n; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i; // the sequence's lead byte is what to look at
    }
    i += n;
  }
  return -1;
}
