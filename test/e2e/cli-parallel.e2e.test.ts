import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAction } from './runner.js';

// The committed CLI bundle, copied without node_modules as on a runner, running the built-in trainer in
// worker threads (dist/trainer-worker.js, which loads its own tfjs and finds the .wasm files beside it). The
// backend is forced: auto's timing may pick cpu on one run and wasm on the next, whose floats round differently.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-parallel-'));
  await installAction(ROOT, path.join(root, 'action'));
  await mkdir(path.join(root, 'ml'));
  await copyFile(path.join(ROOT, 'fixtures/data/iris.csv'), path.join(root, 'ml/iris.csv'));
  await writeFile(
    path.join(root, 'ml/sweep.yml'),
    'name: iris-parallel\nmethod: random\nseed: 3\nrun_cap: 6\nmetric: {name: val_loss, goal: minimize}\nparallel: 2\n' +
      'trainer: {type: tabular, data: iris.csv, target: species, task: classification, defaults: {epochs: 4, batch_size: 16}}\n' +
      'parameters: {learning_rate: {min: 0.01, max: 0.1}, units: {values: [4, 8, 16]}}\n',
  );
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function sweep(...args: string[]): Promise<{
  stderr: string;
  doc: { backend: string; trials: { key: string; status: string; metrics: object }[]; best: { key: string } };
}> {
  const json = path.join(root, `r${args.join('')}.json`);
  const cacheDir = path.join(root, `c${args.join('')}`);
  const { stderr } = await run(
    process.execPath,
    [path.join(root, 'action/dist/cli.js'), 'run', 'sweep.yml', '--json', json, '--cache-dir', cacheDir, '--backend', 'wasm', ...args],
    {
      cwd: path.join(root, 'ml'),
      env: { PATH: process.env.PATH ?? '' },
    },
  );
  return { stderr, doc: JSON.parse(await readFile(json, 'utf8')) };
}

describe('the bundled CLI with parallel workers', () => {
  it('trains in 2 worker threads from a folder without node_modules, with the results of one thread', async () => {
    const two = await sweep();
    const one = await sweep('--parallel', '1');
    expect(two.stderr).toContain('2 at once');
    expect(two.stderr).not.toMatch(/warning/i);
    expect(two.doc.backend).toBe('wasm');
    const view = (d: typeof one.doc) => d.trials.map((t) => [t.key, t.status, t.metrics]);
    expect(two.doc.trials).toHaveLength(6);
    expect(two.doc.trials.every((t) => t.status === 'complete')).toBe(true);
    expect(view(two.doc)).toEqual(view(one.doc));
    expect(two.doc.best.key).toBe(one.doc.best.key);
  }, 120_000);
});
