import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An entry the bundle ships beside sweepgate (the trainer's worker thread, an objective module's runner): the first of
 * `names` in this module's folder (the bundle) or its parent (a chunk), if there is one. Running from source there is
 * none, and the caller decides what to do without it.
 */
export function findBundledEntry(names: readonly string[]): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.dirname(here)]) {
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    const name = names.find((f) => files.includes(f));
    if (name) return path.join(dir, name);
  }
  return undefined;
}
