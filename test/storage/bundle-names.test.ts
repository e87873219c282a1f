import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/esbuild-options.mjs';

// @actions/cache sorts its own errors by class name (`typedError.name === ReserveCacheError.name`); a bundle
// that renames classes turns "key already exists" (info) into two warnings. Bundled exactly as dist/ is.
const root = mkdtempSync(path.join(tmpdir(), 'sg-names-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundled library errors keep their class names', () => {
  it('every @actions/cache error class is named as its instances are', async () => {
    const entry = path.join(root, 'entry.ts');
    writeFileSync(
      entry,
      `import * as cache from '@actions/cache';
const names = {};
for (const C of [cache.ValidationError, cache.ReserveCacheError, cache.FinalizeCacheError, cache.CacheReadDeniedError, cache.CacheWriteDeniedError])
  names[C.name] = new C('x').name;
console.log(JSON.stringify(names));
`,
    );
    const out = path.join(root, 'dist');
    await build({
      ...bundleOptions({ entryPoints: { entry }, outdir: out }),
      nodePaths: [path.resolve(__dirname, '../../node_modules')],
      logLevel: 'error',
    });
    const r = spawnSync(process.execPath, [path.join(out, 'entry.js')], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const names = JSON.parse(r.stdout) as Record<string, string>;
    expect(names).toEqual({
      ValidationError: 'ValidationError',
      ReserveCacheError: 'ReserveCacheError',
      FinalizeCacheError: 'FinalizeCacheError',
      CacheReadDeniedError: 'CacheReadDeniedError',
      CacheWriteDeniedError: 'CacheWriteDeniedError',
    });
  }, 60_000);
});
