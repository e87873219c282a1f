import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';

/**
 * The files the config's `fingerprint` globs match (absolute, sorted, deduplicated). A glob that matches
 * nothing is a config error, since a typo there would silently make the cache blind to the files it was
 * meant to cover.
 */
export async function fingerprintFiles(patterns: readonly string[], configDir: string): Promise<string[]> {
  const files = new Set<string>();
  for (const [i, pattern] of patterns.entries()) {
    const matched = await glob(pattern, {
      cwd: configDir,
      onlyFiles: true,
      dot: false,
      absolute: true,
      ignore: ['**/node_modules/**', '**/.sweepgate/**'],
    });
    if (matched.length === 0)
      throw new ConfigError(`fingerprint[${i}]`, `matches no file under ${configDir}, got ${JSON.stringify(pattern)}`);
    for (const f of matched) files.add(f);
  }
  return [...files].sort();
}

/** Hash of those files' paths (relative to the config folder) and bytes: any change to them changes every trial key. */
export async function fingerprintGlobs(patterns: readonly string[], configDir: string): Promise<string> {
  if (patterns.length === 0) return '';
  const parts: string[] = [];
  for (const file of await fingerprintFiles(patterns, configDir)) {
    parts.push(`${path.relative(configDir, file).split(path.sep).join('/')}\u0000${sha256Hex(await readFile(file))}`);
  }
  return sha256Hex(parts.join('\n'));
}
