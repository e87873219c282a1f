// Vitest's global setup: objective modules run in a process of their own (dist/module-runner.js), which a test run
// from source does not have. It is bundled here once, exactly as scripts/bundle.mjs bundles it, with the WASM
// binaries beside it, and found through $SWEEPGATE_MODULE_RUNNER (findModuleRunner).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { MODULE_RUNNER_ENTRY, bundleOptions, copyWasm } from '../../scripts/esbuild-options.mjs';

export default async function setup(): Promise<() => void> {
  const out = mkdtempSync(path.join(tmpdir(), 'sweepgate-module-runner-'));
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  await build({
    ...bundleOptions({ entryPoints: { 'module-runner': path.join(root, MODULE_RUNNER_ENTRY) }, outdir: out, splitting: false }),
    logLevel: 'error',
  });
  copyWasm(out);
  process.env.SWEEPGATE_MODULE_RUNNER = path.join(out, 'module-runner.js');
  return () => rmSync(out, { recursive: true, force: true });
}
