import path from 'node:path';
import { build } from 'esbuild';
import { WORKER_ENTRY, bundleOptions, copyWasm } from '../../scripts/esbuild-options.mjs';
import { repoRoot } from './helpers.js';

/**
 * The real trainer worker, bundled exactly as scripts/bundle.mjs bundles dist/trainer-worker.js (vitest cannot start
 * a TypeScript worker), into `out` with the .wasm files beside it. Returns the script's path.
 */
export async function bundleWorker(out: string): Promise<string> {
  await build({
    ...bundleOptions({ entryPoints: { 'trainer-worker': path.join(repoRoot, WORKER_ENTRY) }, outdir: out }),
    logLevel: 'error',
  });
  copyWasm(out);
  return path.join(out, 'trainer-worker.js');
}
