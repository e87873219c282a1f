import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';

/**
 * Hash of the files the config's `fingerprint` globs match (paths relative to the config folder, and
 * bytes): any change to them changes every trial key. A glob that matches nothing is a config error,
 * since a typo there would silently make the cache blind to the files it was meant to cover.
 */
export async function fingerprintGlobs(patterns: readonly string[], configDir: string): Promise<string> {
  if (patterns.length === 0) return '';
  const parts: string[] = [];
  for (const [i, pattern] of patterns.entries()) {
    const files = await glob(pattern, { cwd: configDir, onlyFiles: true, dot: false, absolute: true, ignore: ['**/node_modules/**', '**/.sweepgate/**'] });
    if (files.length === 0) throw new ConfigError(`fingerprint[${i}]`, `matches no file under ${configDir}, got ${JSON.stringify(pattern)}`);
    for (const file of files.sort()) {
      parts.push(`${path.relative(configDir, file).split(path.sep).join('/')}\u0000${sha256Hex(await readFile(file))}`);
    }
  }
  return sha256Hex([...new Set(parts)].sort().join('\n'));
}
