import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleOptions, copyPython, copyWasm } from '../../scripts/esbuild-options.mjs';
import { cleanupTempDirs, fixture, repoRoot, tempDir } from './helpers.js';

// The trainer bundled the way scripts/bundle.mjs bundles the Action and the CLI (ESM, code splitting into
// chunks/, a banner defining require/__dirname, the .wasm files copied beside the entries), then run from a
// folder without node_modules, as on a runner.
afterAll(cleanupTempDirs);
const root = tempDir('bundle');
const src = path.join(root, 'src');
const out = path.join(root, 'dist');

const entry = (name: string): string => `
import { createTabularObjective, loadTf } from ${JSON.stringify(path.join(repoRoot, 'src/trainer/index.ts'))};
const [choice, data] = process.argv.slice(2);
const h = await loadTf(choice, { cwd: process.cwd(), warn: (m) => console.error('warning: ' + m) });
const o = await createTabularObjective(
  { type: 'tabular', data, target: 'species', task: 'classification', validationSplit: 0.2, defaults: {} }, h);
const before = h.tf.memory().numTensors;
const r = await o.run({ epochs: 3 }, { seed: 1, signal: new AbortController().signal, report: () => false });
console.log(JSON.stringify({ entry: ${JSON.stringify(name)}, backend: h.backend, leaked: h.tf.memory().numTensors - before, metrics: r.metrics }));
`;

// The image trainer bundled: PNG decoding (pngjs) and the conv layers' gradients on wasm, from a folder of PNGs.
const imageEntry = `
import { createImageObjective, loadTf } from ${JSON.stringify(path.join(repoRoot, 'src/trainer/index.ts'))};
const [choice, data] = process.argv.slice(2);
const h = await loadTf(choice, { cwd: process.cwd(), warn: (m) => console.error('warning: ' + m) });
const o = await createImageObjective({ type: 'image', data, task: 'classification', inputShape: [8, 8, 1], validationSplit: 0.2, defaults: {} }, h);
const r = await o.run({ epochs: 2, conv_layers: 1, filters: 4 }, { seed: 1, signal: new AbortController().signal, report: () => false });
console.log(JSON.stringify({ backend: h.backend, metrics: r.metrics }));
`;

beforeAll(async () => {
  mkdirSync(src);
  writeFileSync(path.join(src, 'index.ts'), entry('index'));
  writeFileSync(path.join(src, 'cli.ts'), entry('cli'));
  writeFileSync(
    path.join(src, 'wandb.ts'),
    `import { wandbStandInDir } from ${JSON.stringify(path.join(repoRoot, 'src/trainer/program/environment.ts'))};\nconsole.log(wandbStandInDir());\n`,
  );
  writeFileSync(path.join(src, 'image.ts'), imageEntry);
  const entryPoints = {
    index: path.join(src, 'index.ts'),
    cli: path.join(src, 'cli.ts'),
    wandb: path.join(src, 'wandb.ts'),
    image: path.join(src, 'image.ts'),
  };
  await build({ ...bundleOptions({ entryPoints, outdir: out }), logLevel: 'error' });
  copyWasm(out);
  copyPython(out);
}, 60_000);

/** Runs a bundled entry from an empty folder; stderr must be empty (no banner, no fallback warning). */
function run(entryName: string, choice: string, data = fixture('iris.csv')): string {
  const cwd = tempDir('runner');
  const r = spawnSync(process.execPath, [path.join(out, `${entryName}.js`), choice, data], { cwd, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('bundled with esbuild', () => {
  test('program trials find the wandb stand-in copied beside the bundle (dist/python), not in the repository', () => {
    const r = spawnSync(process.execPath, [path.join(out, 'wandb.js')], { cwd: tempDir('runner'), encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(path.join(out, 'python'));
    expect(existsSync(path.join(out, 'python', 'wandb', '__init__.py'))).toBe(true);
  });

  test('the trainer code sits in a chunk, and there is no node_modules to fall back on', () => {
    expect(readdirSync(path.join(out, 'chunks')).length).toBeGreaterThan(0);
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
  });

  test('auto picks wasm, finds the .wasm files beside the bundle, trains, and keeps stdout clean', () => {
    for (const name of ['index', 'cli']) {
      const stdout = run(name, 'auto');
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const res = JSON.parse(lines[0]!) as { entry: string; backend: string; leaked: number; metrics: Record<string, number> };
      expect(res).toMatchObject({ entry: name, backend: 'wasm', leaked: 0 });
      expect(res.metrics.val_accuracy).toBeGreaterThan(0.5);
    }
  });

  test('the image trainer decodes PNGs and trains conv layers on wasm, bundled', () => {
    const res = JSON.parse(run('image', 'wasm', fixture('digits-png'))) as { backend: string; metrics: Record<string, number> };
    expect(res.backend).toBe('wasm');
    expect(res.metrics.val_accuracy).toBeGreaterThan(0.3);
  });

  test('forced cpu works bundled and prints no banner', () => {
    expect(JSON.parse(run('cli', 'cpu'))).toMatchObject({ backend: 'cpu', leaked: 0 });
  });
});
