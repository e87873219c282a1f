import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrialStore } from '../../src/core/trial-store.js';
import { trialKey, type TrialRecord } from '../../src/core/trial.js';
import { LocalTrialStore } from '../../src/storage/local-trial-store.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

function record(n: number, status: TrialRecord['status'] = 'complete'): TrialRecord {
  const params = { lr: n / 10, layers: n };
  return {
    key: trialKey(params, n, 'fp'),
    params,
    seed: n,
    status,
    metrics: { val_loss: 1 / (n + 1) },
    history: [{ step: 1, metrics: { val_loss: 1 } }],
    durationMs: 5,
    backend: 'cpu',
  };
}

const implementations: [string, () => Promise<TrialStore>][] = [
  ['memory', async () => new MemoryTrialStore()],
  ['local directory', async () => new LocalTrialStore(await mkdtemp(path.join(tmpdir(), 'sg-store-')))],
];

describe.each(implementations)('TrialStore contract: %s', (_name, make) => {
  it('returns undefined for an unknown key', async () => {
    const store = await make();
    expect(await store.get(record(1).key)).toBeUndefined();
  });
  it('round-trips a record exactly', async () => {
    const store = await make();
    const r = record(2, 'pruned');
    await store.put(r);
    expect(await store.get(r.key)).toEqual(r);
  });
  it('lists every stored record once, last write wins', async () => {
    const store = await make();
    await store.put(record(1));
    await store.put(record(2));
    await store.put({ ...record(2), durationMs: 99 });
    const all = await store.all();
    expect(all.map((r) => r.seed).sort()).toEqual([1, 2]);
    expect(all.find((r) => r.seed === 2)?.durationMs).toBe(99);
  });
});

describe('LocalTrialStore', () => {
  it('treats a corrupt file as a miss with a warning, and put repairs it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-store-'));
    const warnings: string[] = [];
    const store = new LocalTrialStore(dir, (m) => warnings.push(m));
    const r = record(3);
    await store.put(r);
    await writeFile(path.join(dir, 'trials', `${r.key}.json`), '{"key": "trunc');
    expect(await store.get(r.key)).toBeUndefined();
    expect(warnings.join()).toMatch(/corrupt cache entry .* not JSON/);
    await store.put(r);
    expect(await store.get(r.key)).toEqual(r);
  });
  it('rejects a record stored under another key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-store-'));
    const warnings: string[] = [];
    const store = new LocalTrialStore(dir, (m) => warnings.push(m));
    const a = record(4);
    const b = record(5);
    await store.put(a);
    await writeFile(path.join(dir, 'trials', `${b.key}.json`), JSON.stringify(a));
    expect(await store.get(b.key)).toBeUndefined();
    expect(warnings.join()).toMatch(/does not match/);
  });
  it('leaves no temp files behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-store-'));
    const store = new LocalTrialStore(dir);
    await Promise.all([1, 2, 3, 4].map((n) => store.put(record(n))));
    expect((await readdir(path.join(dir, 'trials'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('treats a record with a malformed history as a miss, never a crash', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-store-'));
    const warnings: string[] = [];
    const store = new LocalTrialStore(dir, (m) => warnings.push(m));
    const r = record(6);
    for (const history of [[null], [{ step: 1 }], [{ step: 1, metrics: { loss: 'x' } }]]) {
      await store.put(r);
      await writeFile(path.join(dir, 'trials', `${r.key}.json`), JSON.stringify({ ...r, history }));
      expect(await store.get(r.key)).toBeUndefined();
    }
    expect(warnings.join('\n')).toMatch(/history\[0\] is not \{step, metrics\}/);
  });

  it('refuses keys that are not sha256 hex (no path traversal)', async () => {
    const store = new LocalTrialStore(await mkdtemp(path.join(tmpdir(), 'sg-store-')));
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/64 hex digits/);
  });
});
