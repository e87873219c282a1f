import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKeys } from '../../src/storage/actions-cache/cache-client.js';
import { v1BaselineFile, v1BaselineKeys, v1KeySafe } from '../../src/storage/actions-cache/previous-baseline.js';
import { ActionCaches, cachePath, type CacheLayout } from '../../src/storage/actions-cache/trials-and-baseline.js';
import { StorePathError } from '../../src/storage/actions-cache/trusted-trials.js';
import { MemoryCache } from '../github/fakes.js';

const BASE = 'a'.repeat(40);

describe("the previous version's baseline key and path (as d35c62e computed them)", () => {
  // Values printed by the previous version's own src/storage/actions-cache.ts (git show d35c62e:…), not recomputed here.
  it.each([
    ['iris', 'iris.47612b31'],
    ['a b', 'a_b.c8687a08'],
    ['quad-wide', 'quad_wide.99eff6f6'],
    ['Iris', 'Iris.65003c7a'],
    ['ｉｒｉｓ', '_.080f7e20'],
    ['données-été 🌸', 'donn_es_t_.b65781fc'],
    ['e2e-linear', 'e2e_linear.db16fbd8'],
  ])('%j: %s', (name, segment) => {
    expect(v1KeySafe(name)).toBe(segment);
    expect(v1BaselineKeys.baseline(name, BASE)).toBe(`sweepgate-v1-baseline-${segment}-${BASE}`);
    expect(v1BaselineKeys.prefix(name)).toBe(`sweepgate-v1-baseline-${segment}-`);
  });

  it('the raw name, not the normalised one, picks the entry (the previous version did not normalise)', () => {
    expect(v1KeySafe('Iris')).not.toBe(v1KeySafe('iris'));
    expect(v1BaselineKeys.prefix('quad-wide').startsWith(v1BaselineKeys.prefix('quad'))).toBe(false);
  });

  it('the file is <cache-dir or .sweepgate beside the config>/baseline/<segment>.json, asked for by its workspace-relative path', () => {
    const workspace = process.cwd();
    const configDir = path.join(workspace, 'ml');
    const file = v1BaselineFile({ workspace, configDir, cacheDirInput: undefined, sweep: 'iris' });
    expect(file).toBe(path.join(workspace, 'ml', '.sweepgate', 'baseline', 'iris.47612b31.json'));
    expect(cachePath(workspace, file)).toBe('ml/.sweepgate/baseline/iris.47612b31.json');
    const moved = v1BaselineFile({ workspace, configDir, cacheDirInput: 'caches/sg', sweep: 'a b' });
    expect(cachePath(workspace, moved)).toBe('caches/sg/baseline/a_b.c8687a08.json');
  });
});

/** A workspace with the config folder `ml`, and a cache that may hold a v2 and a v1 baseline entry. */
async function world(): Promise<{ caches: ActionCaches; cache: MemoryCache; file: string; ws: string; infos: string[] }> {
  const root = await mkdtemp(path.join(tmpdir(), 'sg-previous-'));
  const ws = path.join(root, 'ws');
  await mkdir(path.join(ws, 'ml'), { recursive: true });
  const file = v1BaselineFile({ workspace: ws, configDir: path.join(ws, 'ml'), cacheDirInput: undefined, sweep: 'demo' });
  const layout: CacheLayout = {
    sweep: 'demo',
    workspace: ws,
    trialsDir: path.join(root, 'temp', 'trials'),
    baselineFile: path.join(root, 'temp', 'baseline', 'results.json'),
    previousBaselineFile: file,
  };
  const cache = new MemoryCache();
  const infos: string[] = [];
  const caches = new ActionCaches(cache, layout, { info: (m) => infos.push(m), warn: (m) => infos.push(`warning: ${m}`) });
  return { caches, cache, file, ws, infos };
}

const doc = (value: number): string =>
  JSON.stringify({
    sweep: 'demo',
    configHash: 'h',
    metric: { name: 'val_loss', goal: 'minimize' },
    best: { key: 'k', params: { w: 1 }, metrics: { val_loss: value } },
    trials: [],
    stats: {},
  });

/** An entry as the previous version saved it: the old key, the file at the old path (the version: that path). */
function v1Entry(cache: MemoryCache, file: string, text: string, sha = BASE): void {
  cache.entries.push({ key: v1BaselineKeys.baseline('demo', sha), version: file, files: new Map([[file, Buffer.from(text)]]) });
}

describe('ActionCaches: a baseline saved by the previous version', () => {
  it('after a v2 miss, the v1 entry at the base commit is the baseline, said to be the previous version’s; the file is gone after', async () => {
    const w = await world();
    v1Entry(w.cache, w.file, doc(0.25));
    const found = await w.caches.restoreBaseline(BASE);
    expect(found).toMatchObject({ kind: 'found', entry: v1BaselineKeys.baseline('demo', BASE), previousVersion: true });
    expect(found.kind === 'found' && found.doc.best?.metrics).toEqual({ val_loss: 0.25 });
    expect(w.cache.restores).toEqual([
      [cacheKeys.baseline('demo', BASE), cacheKeys.baselinePrefix('demo')],
      [v1BaselineKeys.baseline('demo', BASE), v1BaselineKeys.prefix('demo')],
    ]);
    expect(w.infos.join('\n')).toContain('saved by the previous version of sweepgate');
    expect(existsSync(w.file)).toBe(false);
  });

  it('a v2 baseline wins: no v1 entry is even asked for', async () => {
    const w = await world();
    v1Entry(w.cache, w.file, doc(0.25));
    await w.caches.saveBaseline(JSON.parse(doc(0.5)), 'c'.repeat(40));
    const found = await w.caches.restoreBaseline(BASE);
    expect(found).toMatchObject({ kind: 'found', entry: cacheKeys.baseline('demo', 'c'.repeat(40)) });
    expect(found).not.toHaveProperty('previousVersion');
    expect(w.cache.restores).toHaveLength(1);
    expect(w.cache.keys().filter((k) => k.startsWith('sweepgate-v1-'))).toEqual([v1BaselineKeys.baseline('demo', BASE)]); // never saved
  });

  it('a file the checkout brought at the old path never counts: deleted, and with no v1 entry the baseline is missing', async () => {
    const w = await world();
    await mkdir(path.dirname(w.file), { recursive: true });
    await writeFile(w.file, doc(99)); // a forged baseline any PR would beat
    expect(await w.caches.restoreBaseline(BASE)).toEqual({
      kind: 'missing',
      why: `no baseline in the Actions cache (looked for ${cacheKeys.baselinePrefix('demo')}* or, saved by the previous version, ${v1BaselineKeys.prefix('demo')}*)`,
    });
    expect(existsSync(w.file)).toBe(false);
  });

  it('with a v1 entry, what the checkout put at the old path is replaced by the entry’s file before it is read', async () => {
    const w = await world();
    v1Entry(w.cache, w.file, doc(0.25), 'd'.repeat(40)); // another commit's: found by the prefix
    await mkdir(w.file, { recursive: true }); // a folder where the file goes
    await writeFile(path.join(w.file, 'x'), doc(99));
    const found = await w.caches.restoreBaseline(BASE);
    expect(found.kind === 'found' && found.doc.best?.metrics).toEqual({ val_loss: 0.25 });
  });

  it.each([
    ['a symbolic link', async (ws: string, target: string) => symlink(target, path.join(ws, 'ml', '.sweepgate'))],
    ['not a folder', async (ws: string) => writeFile(path.join(ws, 'ml', '.sweepgate'), 'a file')],
  ])('a folder on the way that is %s is an error naming the path, and nothing is restored', async (why, plant) => {
    const w = await world();
    v1Entry(w.cache, w.file, doc(0.25));
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'sg-elsewhere-'));
    await plant(w.ws, elsewhere);
    const restore = w.caches.restoreBaseline(BASE);
    await expect(restore).rejects.toBeInstanceOf(StorePathError);
    await expect(restore).rejects.toThrow(
      `cannot restore the previous version's baseline to ${w.file}: ${path.join(w.ws, 'ml', '.sweepgate')} is ${why}; remove it from the checkout`,
    );
    expect(w.cache.restores).toHaveLength(1); // the v2 lookup only
  });

  it('an unusable v1 entry is an unusable baseline, saying which entry', async () => {
    const w = await world();
    v1Entry(w.cache, w.file, '{"sweep": "demo"}');
    expect(await w.caches.restoreBaseline(BASE)).toEqual({
      kind: 'missing',
      why: expect.stringMatching(
        /^the previous version's cached baseline \(entry sweepgate-v1-baseline-demo\.[0-9a-f]{8}-a+\) is unusable: not a results document \("configHash" missing\)$/,
      ),
    });
    expect(existsSync(w.file)).toBe(false);
  });

  it('without a previous path in the layout nothing but v2 is asked for', async () => {
    const w = await world();
    const layout: CacheLayout = {
      sweep: 'demo',
      workspace: w.ws,
      trialsDir: path.join(w.ws, '..', 't'),
      baselineFile: path.join(w.ws, '..', 'b', 'r.json'),
    };
    const caches = new ActionCaches(w.cache, layout, { info: () => {}, warn: () => {} });
    expect(await caches.restoreBaseline(BASE)).toMatchObject({
      kind: 'missing',
      why: `no baseline in the Actions cache (looked for ${cacheKeys.baselinePrefix('demo')}*)`,
    });
    expect(w.cache.restores).toHaveLength(2); // the v2 baseline and the any-sweep hint
  });
});
