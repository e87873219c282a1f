// A trial store and an Actions cache that misbehave: spoilt entries are misses with one warning, two
// processes writing one store at once leave only whole records, and a cache that throws, hangs or answers
// 5xx is a warning while the run goes on.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { trialKey, type TrialRecord } from '../../src/core/trial.js';
import { ActionCaches } from '../../src/storage/actions-cache/trials-and-baseline.js';
import { StorePathError } from '../../src/storage/actions-cache/trusted-trials.js';
import type { CacheClient } from '../../src/storage/actions-cache/cache-client.js';
import { LocalTrialStore } from '../../src/storage/local-trial-store.js';
import { parseTrialRecord } from '../../src/storage/trial-record.js';

function record(n: number): TrialRecord {
  const params = { lr: n / 10 };
  return {
    key: trialKey(params, n, 'fp'),
    params,
    seed: n,
    status: 'complete',
    metrics: { val_loss: 1 / (n + 1) },
    history: [],
    durationMs: 5,
    backend: 'cpu',
  };
}

describe('spoilt store entries', () => {
  it('truncated, garbage, binary, empty and wrong-schema files are misses, with one warning for all of them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-spoilt-'));
    const warnings: string[] = [];
    const store = new LocalTrialStore(dir, (m) => warnings.push(m));
    const records = [1, 2, 3, 4, 5, 6, 7].map(record);
    for (const r of records) await store.put(r);
    const whole = JSON.stringify(records[0]);
    const spoil = [
      whole.slice(0, whole.length / 2), // truncated by a killed write
      'garbage \u0000\u0001 not json',
      Buffer.from([0xff, 0xfe, 0x00, 0x9c]).toString('latin1'),
      '',
      JSON.stringify({ ...records[4], status: 'finished' }), // another schema
      JSON.stringify({ ...records[5], metrics: { val_loss: 'low' } }),
    ];
    for (const [i, text] of spoil.entries()) await writeFile(path.join(store.dir, `${records[i]!.key}.json`), text);
    for (const r of records.slice(0, spoil.length)) expect(await store.get(r.key)).toBeUndefined();
    expect(await store.get(records[6]!.key)).toEqual(records[6]);
    expect((await store.all()).map((r) => r.key)).toEqual([records[6]!.key]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ignoring corrupt cache entry .*not JSON.*further corrupt entries .* are ignored without a warning/);
  });
});

describe('two processes writing one local store at once', () => {
  it('leaves only whole records (the last write of each key wins) and no temp files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-race-'));
    const writer = path.join(dir, 'writer.mjs');
    const src = path.join(dir, 'writer.ts');
    await writeFile(
      src,
      `import { LocalTrialStore } from ${JSON.stringify(path.resolve(__dirname, '../../src/storage/local-trial-store.ts'))};
import { trialKey } from ${JSON.stringify(path.resolve(__dirname, '../../src/core/trial.ts'))};
const [storeDir, who] = process.argv.slice(2);
const store = new LocalTrialStore(storeDir);
const pad = 'x'.repeat(20000); // big records: a torn write would show
const writes = [];
for (let round = 0; round < 5; round++)
  for (let n = 0; n < 40; n++) {
    const params = { lr: n };
    writes.push(store.put({ key: trialKey(params, n, 'fp'), params: { ...params, who, round, pad }, seed: n, status: 'complete', metrics: { loss: n }, history: [], durationMs: 1, backend: who }));
  }
await Promise.all(writes);
`,
    );
    await build({ entryPoints: [src], outfile: writer, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
    const storeDir = path.join(dir, 'store');
    const runWriter = (who: string): Promise<number | null> =>
      new Promise((resolve) => spawn(process.execPath, [writer, storeDir, who], { stdio: 'inherit' }).on('exit', resolve));
    expect(await Promise.all([runWriter('a'), runWriter('b')])).toEqual([0, 0]);
    const names = await readdir(path.join(storeDir, 'trials'));
    expect(names.filter((n) => !/^[0-9a-f]{64}\.json$/.test(n))).toEqual([]);
    expect(names).toHaveLength(40);
    const writers = new Set<string>();
    for (const name of names) {
      const r = parseTrialRecord(await readFile(path.join(storeDir, 'trials', name), 'utf8'), name.slice(0, 64));
      expect(typeof r, `${name}: ${String(r)}`).toBe('object');
      if (typeof r === 'object') writers.add(r.backend);
    }
    expect([...writers].every((w) => w === 'a' || w === 'b')).toBe(true);
  }, 30_000);
});

describe('an Actions cache in trouble', () => {
  const layout = (dir: string) => ({
    sweep: 'demo',
    workspace: dir,
    trialsDir: path.join(dir, 'trials'),
    baselineFile: path.join(dir, 'baseline', 'demo.json'),
  });
  const serviceError = Object.assign(new Error('Cache service responded with 503'), { statusCode: 503 });
  const clients: [string, CacheClient][] = [
    [
      'throws',
      {
        available: () => true,
        restore: () => Promise.reject(new TypeError('fetch failed')),
        save: () => Promise.reject(new TypeError('fetch failed')),
      },
    ],
    ['hangs', { available: () => true, restore: () => new Promise(() => {}), save: () => new Promise(() => {}) }],
    ['answers 503', { available: () => true, restore: () => Promise.reject(serviceError), save: () => Promise.reject(serviceError) }],
  ];

  it.each(clients)(
    '%s: every call is a warning and a miss (the baseline: missing, saying why), within the timeout',
    async (_what, client) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'sg-cache-'));
      const warnings: string[] = [];
      const caches = new ActionCaches(client, layout(dir), { info: () => {}, warn: (m) => warnings.push(m) }, 100);
      const t0 = Date.now();
      expect(await caches.restoreTrials('sha', '1', '1')).toEqual(new Map());
      expect(await caches.restoreBaseline('base')).toEqual({
        kind: 'missing',
        why: expect.stringMatching(/^the baseline could not be restored from the Actions cache \(.+\)$/),
      });
      await caches.saveTrials([record(1)], 'sha', '1', '1');
      await caches.saveBaseline({ sweep: 'demo' } as never, 'sha');
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toMatch(/^trials: could not restore from the Actions cache \(.+\); going on without$/);
      expect(warnings[1]).toMatch(/^trials: could not save to the Actions cache/);
      if (_what === 'hangs') expect(warnings[0]).toContain('the restore took longer than 100 ms');
    },
  );

  it('a cached baseline that is not a results document is missing, saying why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cache-'));
    const warnings: string[] = [];
    const client: CacheClient = {
      available: () => true,
      restore: async (paths, key) => {
        await writeFile(path.join(dir, paths[0]!.replace(/^.*baseline/, 'baseline')), '{"trunc');
        return key;
      },
      save: async () => 1,
    };
    const caches = new ActionCaches(client, layout(dir), { info: () => {}, warn: (m) => warnings.push(m) });
    expect(await caches.restoreBaseline('base')).toEqual({
      kind: 'missing',
      why: expect.stringMatching(
        /^the cached baseline \(entry sweepgate-v2-baseline-demo\.[0-9a-f]{16}-base\) is unusable: not a results document \(/,
      ),
    });
    expect(warnings).toEqual([]);
  });

  it('a baseline folder that cannot be made is a StorePathError with the path and the cause, not "comparing with nothing"', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cache-'));
    await writeFile(path.join(dir, 'blocked'), 'a file where a folder goes');
    const restores: string[] = [];
    const client: CacheClient = {
      available: () => true,
      restore: async (_paths, key) => {
        restores.push(key);
        return undefined;
      },
      save: async () => 1,
    };
    const blocked = { ...layout(dir), baselineFile: path.join(dir, 'blocked', 'baseline', 'results.json') };
    const caches = new ActionCaches(client, blocked, { info: () => {}, warn: () => {} });
    const where = path.join(dir, 'blocked', 'baseline').replace(/[/\\.]/g, '\\$&');
    // The cause as Node words it (the syscall that met the file may differ by version).
    await expect(caches.restoreBaseline('base')).rejects.toThrow(
      new RegExp(`^cannot prepare ${where} for the baseline restore: ENOTDIR: not a directory, `),
    );
    await expect(caches.restoreBaseline('base')).rejects.toBeInstanceOf(StorePathError);
    expect(restores).toEqual([]); // nothing restored into a path it could not clear
  });
});
