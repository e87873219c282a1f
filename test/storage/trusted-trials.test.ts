import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialKey, type TrialRecord } from '../../src/core/trial.js';
import {
  emptyFolder,
  MAX_RECORD_BYTES,
  readRecordFolder,
  RunTrialStore,
  stageRecords,
  StorePathError,
} from '../../src/storage/actions-cache/trusted-trials.js';

function record(n: number, extra: Partial<TrialRecord> = {}): TrialRecord {
  const params = { lr: n / 10 };
  return {
    key: trialKey(params, n, 'fp'),
    params,
    seed: n,
    status: 'complete',
    metrics: { val_loss: 1 / (n + 1) },
    history: [{ step: 1, metrics: { val_loss: 1 } }],
    durationMs: 5,
    backend: 'cpu',
    ...extra,
  };
}

const scratch = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'sg-trusted-'));

describe('readRecordFolder: only valid records of their own key count', () => {
  it('keeps valid records and drops everything else, saying why', async () => {
    const dir = await scratch();
    const good = record(1);
    const other = record(2);
    await writeFile(path.join(dir, `${good.key}.json`), JSON.stringify(good));
    await writeFile(path.join(dir, 'junk.bin'), Buffer.alloc(1000));
    await writeFile(path.join(dir, `${good.key.toUpperCase()}.json`), JSON.stringify(good)); // not lower-case hex
    await writeFile(path.join(dir, `${other.key}.json`), JSON.stringify(good)); // another key's record
    const big = record(3);
    await writeFile(path.join(dir, `${big.key}.json`), JSON.stringify({ ...big, pad: 'x'.repeat(MAX_RECORD_BYTES) }));
    const linked = record(4);
    await writeFile(path.join(dir, 'target'), JSON.stringify(linked));
    await symlink(path.join(dir, 'target'), path.join(dir, `${linked.key}.json`));
    const folder = record(5);
    await mkdir(path.join(dir, `${folder.key}.json`));
    const bad = record(6);
    await writeFile(path.join(dir, `${bad.key}.json`), JSON.stringify({ ...bad, metrics: { val_loss: 'low' } }));

    const { records, dropped } = await readRecordFolder(dir);
    expect([...records.keys()]).toEqual([good.key]);
    expect(records.get(good.key)).toEqual(good);
    const why = (name: string): string | undefined => dropped.find((d) => d.startsWith(JSON.stringify(name)));
    expect(why('junk.bin')).toContain('not a record file');
    expect(why('target')).toContain('not a record file');
    expect(why(`${good.key.toUpperCase()}.json`)).toContain('not a record file');
    expect(why(`${other.key}.json`)).toContain('does not match');
    expect(why(`${big.key}.json`)).toContain(`past the ${MAX_RECORD_BYTES}-byte cap`);
    expect(why(`${linked.key}.json`)).toContain('not a regular file');
    expect(why(`${folder.key}.json`)).toContain('not a regular file');
    expect(why(`${bad.key}.json`)).toContain('metrics missing or not numbers');
    expect(dropped).toHaveLength(8);
  });
});

describe('stageRecords: exactly the given records, nothing else', () => {
  it('empties the folder, writes each record from memory and skips what it must not save', async () => {
    const dir = path.join(await scratch(), 'trials');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'flood.bin'), Buffer.alloc(1024 * 1024)); // a program's junk
    const planted = record(9);
    await writeFile(path.join(dir, `${planted.key}.json`), JSON.stringify(planted)); // record-shaped, not this run's
    const kept = [record(1), record(2)];
    const huge = record(3, { history: Array.from({ length: 40_000 }, (_, i) => ({ step: i, metrics: { val_loss: i } })) });
    const nan = record(4, { metrics: { val_loss: Number.NaN } });

    const { staged, skipped } = await stageRecords(dir, [...kept, huge, nan]);
    expect(staged).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(kept.map((r) => `${r.key}.json`).sort());
    expect(JSON.parse(await readFile(path.join(dir, `${kept[0]!.key}.json`), 'utf8'))).toEqual(kept[0]);
    expect(skipped).toEqual([
      expect.stringMatching(new RegExp(`^${huge.key}: \\d+ bytes, past the ${MAX_RECORD_BYTES}-byte cap$`)),
      `${nan.key}: metrics missing or not numbers`,
    ]);
  });

  it('a file where the folder goes is a StorePathError naming the path and the cause', async () => {
    const parent = await scratch();
    await writeFile(path.join(parent, 'blocker'), 'not a folder');
    const dir = path.join(parent, 'blocker', 'trials');
    await expect(stageRecords(dir, [record(1)])).rejects.toBeInstanceOf(StorePathError);
    await expect(stageRecords(dir, [record(1)])).rejects.toThrow(
      new RegExp(`^cannot prepare ${dir.replace(/[/\\]/g, '.')} to stage the trials for the cache: .*ENOTDIR`),
    );
  });
});

describe('emptyFolder', () => {
  it('clears whatever was there', async () => {
    const dir = path.join(await scratch(), 'baseline');
    await mkdir(path.join(dir, 'deep'), { recursive: true });
    await writeFile(path.join(dir, 'deep', 'stale.json'), '{}');
    await emptyFolder(dir, 'for the test');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('RunTrialStore', () => {
  it('answers only for adopted and put records, and says whether this run stored any', async () => {
    const store = new RunTrialStore();
    const a = record(1);
    const b = record(2);
    store.adopt(new Map([[a.key, a]]));
    expect(store.changed).toBe(false);
    expect(await store.get(a.key)).toEqual(a);
    expect(await store.get(b.key)).toBeUndefined();
    const mutable = { ...b, metrics: { ...b.metrics } };
    await store.put(mutable);
    mutable.metrics.val_loss = 99; // the caller's object changing later does not change the stored record
    expect(store.changed).toBe(true);
    expect(await store.get(b.key)).toEqual(b);
    // A later restore never replaces what this run trained.
    store.adopt(new Map([[b.key, { ...b, durationMs: 1 }]]));
    expect((await store.get(b.key))?.durationMs).toBe(5);
    expect((await store.all()).map((r) => r.key)).toEqual([a.key, b.key]);
  });
});
