import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';

const fixture = path.resolve(__dirname, '../../fixtures/sweeps/quadratic');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const read = async (file: string): Promise<ResultsDoc> => JSON.parse(await readFile(file, 'utf8')) as ResultsDoc;
const trials = (d: ResultsDoc): unknown[] => d.trials.map((t) => [t.key, t.params, t.seed, t.metrics]);

let dir: string;
let config: string;
const shardFile = (i: number): string => path.join(dir, `shard-${i}.json`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-shards-'));
  await cp(fixture, dir, { recursive: true });
  config = path.join(dir, 'sweep.yml');
  for (const i of [1, 2, 3]) {
    const r = await cli('run', config, '--shard', `${i}/3`, '--json', shardFile(i), '--quiet', '--cache-dir', path.join(dir, `store-${i}`));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`(shard ${i}/3)`);
  }
}, 120_000);

describe('sweepgate run --shard and merge', () => {
  it('three random shards merge into the one-runner sweep, trial for trial, with the champion recorded', async () => {
    const one = path.join(dir, 'one.json');
    expect((await cli('run', config, '--json', one, '--quiet', '--cache-dir', path.join(dir, 'store-one'))).code).toBe(0);
    const shards = await Promise.all([1, 2, 3].map((i) => read(shardFile(i))));
    expect(shards.map((s) => s.trials.length)).toEqual([4, 4, 4]);
    expect(shards.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(shards.every((s) => s.champion === undefined)).toBe(true);
    const merged = path.join(dir, 'merged.json');
    const r = await cli(
      'merge',
      config,
      shardFile(3),
      shardFile(1),
      shardFile(2),
      '--json',
      merged,
      '--quiet',
      '--cache-dir',
      path.join(dir, 'store-m'),
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('**Shards**: 3 of 3 merged');
    const [m, o] = [await read(merged), await read(one)];
    expect(trials(m)).toEqual(trials(o));
    expect(m.best).toEqual(o.best);
    expect(m.champion?.runs.map((x) => [x.seed, x.metrics])).toEqual(o.champion?.runs.map((x) => [x.seed, x.metrics]));
  });

  it('a missing shard fails the merge, named, unless --allow-missing-shards', async () => {
    const missing = await cli('merge', config, shardFile(1), shardFile(3), '--quiet', '--cache-dir', path.join(dir, 'store-m'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('1 of 3 shards missing (shard 2/3); pass --allow-missing-shards');
    expect(missing.out).toContain('shard 2/3 (missing: no file given)');
    const allowed = await cli(
      'merge',
      config,
      shardFile(1),
      shardFile(3),
      '--allow-missing-shards',
      '--quiet',
      '--cache-dir',
      path.join(dir, 'store-m'),
    );
    expect(allowed.code, allowed.err).toBe(0);
  });

  it.each([
    [['run', 'x.yml', '--shard', '4/3'], "--shard must have i from 1 to n (1-based) but got '4/3'"],
    [['merge', 'x.yml'], 'merge needs the shard documents'],
    [['run', 'x.yml', '--allow-missing-shards'], '--allow-missing-shards goes with merge'],
  ])('%j is a usage error', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('refuses a file that is not a shard document, and two files of one shard', async () => {
    const one = path.join(dir, 'one.json');
    const notShard = await cli('merge', config, one);
    expect(notShard.code).toBe(2);
    expect(notShard.err).toContain(`merge: ${one} is not a shard's results`);
    const twice = await cli('merge', config, shardFile(1), shardFile(1));
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('are both shard 1/3');
  });
});
