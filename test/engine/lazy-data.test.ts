// A run whose trials all come from the cache reads the data only to hash it (and to find the validation rows); the
// data is prepared when the first trial must train. Trial keys are what they were before the data was read lazily.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/engine/run.js';
import type { TrialRecord } from '../../src/core/trial.js';
import type { TrialStore } from '../../src/core/trial-store.js';
import { LocalTrialStore } from '../../src/storage/local-trial-store.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A folder with iris.csv (as given) and a two-trial grid sweep over it; returns the config's path. */
function irisSweep(csv: string, parallel = 'parallel: 1\n'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-lazy-'));
  roots.push(dir);
  writeFileSync(path.join(dir, 'iris.csv'), csv);
  writeFileSync(
    path.join(dir, 'sweep.yml'),
    `name: lazy
method: grid
${parallel}metric: { name: val_accuracy, goal: maximize }
trainer: { type: tabular, data: iris.csv, target: species, task: classification, defaults: { epochs: 2 } }
parameters:
  learning_rate: { values: [0.01, 0.05] }
`,
  );
  return path.join(dir, 'sweep.yml');
}

const IRIS = readFileSync(path.resolve('fixtures/data/iris.csv'), 'utf8');
const quiet = { info: (): void => {}, warn: (): void => {} };
const run = (configPath: string, store?: TrialStore) =>
  runSweep({
    configPath,
    mode: { cacheDir: path.join(path.dirname(configPath), 'cache') },
    overrides: { backend: 'cpu' },
    ports: { log: quiet, ...(store ? { store } : {}) },
  });

/**
 * A trial store that has every trial (a stand-in for a warm cache): the n-th lookup is served the n-th record, in the
 * order the grid asks for them, under the key asked for. Nothing is stored.
 */
function servingEveryKey(inOrder: readonly TrialRecord[]): TrialStore & { gets: number } {
  const store = {
    gets: 0,
    async get(key: string): Promise<TrialRecord | undefined> {
      const record = inOrder[store.gets++ % inOrder.length];
      return record && { ...record, key };
    },
    async put(): Promise<void> {},
    async all(): Promise<readonly TrialRecord[]> {
      return [];
    },
  };
  return store;
}

describe('data read lazily', () => {
  it('keeps the trial keys, metrics and validation rows the trainer gave before (recorded from main)', async () => {
    const out = await run(irisSweep(IRIS));
    expect(out.results.trials.map((t) => [t.key, t.params, t.seed, t.metrics])).toEqual([
      [
        'b0d05f20e24f32a38f55d9ac504ea1561630b0bc72dfbefe7820b76413c9170b',
        { learning_rate: 0.01 },
        2521485646,
        { loss: 0.8415798154477666, accuracy: 0.743801652892562, val_loss: 0.6139276615623952, val_accuracy: 0.8275862068965517 },
      ],
      [
        '479fb9de7406890dadb5d2a58fa3b04cbfdc86772220a7546ac744f02beea25b',
        { learning_rate: 0.05 },
        3306232345,
        { loss: 0.30958011315212497, accuracy: 0.8512396694214877, val_loss: 0.29559949288273646, val_accuracy: 0.7931034482758621 },
      ],
    ]);
    expect(out.results.validation).toEqual({ rows: 29, fingerprint: 'd484ea2bb6b2e478d110343c079ce92e845f883409dd26e797df20f0a3e72b3d' });
  });

  it.each([
    ['parallel: 1', 'parallel: 1\n'],
    ['the default parallel (estimated from the split alone)', ''],
  ])('never prepares data whose trials all come from the cache (%s): a file that cannot be encoded still reports', async (_, parallel) => {
    const good = irisSweep(IRIS, parallel);
    await run(good);
    const stored = await new LocalTrialStore(path.join(path.dirname(good), 'cache'), quiet.warn).all();
    const records = [...stored].sort((a, b) => Number(a.params.learning_rate) - Number(b.params.learning_rate));
    // A number past a double's range in a feature column: the preparation refuses it (the feature's encoding).
    const lines = IRIS.split('\n');
    lines[5] = lines[5]!.replace(/^[^,]+/, '1e400');
    const bad = irisSweep(lines.join('\n'), parallel);

    // Nothing cached: the first trial prepares the data, and the run stops on it as it always has.
    await expect(run(bad)).rejects.toThrow(/holds "1e400", which is beyond the range of a number/);

    // Every trial cached: reported from the cache, with the validation rows found from the split alone.
    const store = servingEveryKey(records);
    const out = await run(bad, store);
    expect(store.gets).toBe(2);
    expect(out.results.stats).toMatchObject({ trials: 2, cached: 2, trained: 0 });
    expect(out.results.validation).toEqual({ rows: 29, fingerprint: 'd484ea2bb6b2e478d110343c079ce92e845f883409dd26e797df20f0a3e72b3d' });
  });
});
