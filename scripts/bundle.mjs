// Builds dist/: the Action entry (index.js), the CLI (cli.js), the trainer worker thread (trainer-worker.js), an objective
// module's process (module-runner.js), their shared chunks, the tfjs WASM binaries
// the WASM backend loads at run time, and python/ (the offline `wandb` stand-in that program trials import).
// Deterministic, so CI can check dist/ is what this builds. First it regenerates the schema validators in src/
// (scripts/validators.mjs), so a bundle always checks configs against the schemas beside it.
// `node scripts/bundle.mjs bench/x.ts` builds one harness into build/x.mjs with the same options instead.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MODULE_RUNNER_ENTRY, WORKER_ENTRY, bundleOptions, copyPython, copyWasm } from './esbuild-options.mjs';
import { writeValidators } from './validators.mjs';

writeValidators();

const harness = process.argv[2];
if (harness) {
  mkdirSync('build', { recursive: true });
  // The trainer worker beside it, where a harness's parallel sweep looks for it (src/trainer/workers/worker-pool.ts).
  const entryPoints = { [path.basename(harness, '.ts')]: harness, 'trainer-worker': WORKER_ENTRY, 'module-runner': MODULE_RUNNER_ENTRY };
  await build(bundleOptions({ entryPoints, outdir: 'build', splitting: false, outExtension: { '.js': '.mjs' } }));
  copyWasm('build');
  copyPython('build');
} else {
  rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist', { recursive: true });
  await build(
    bundleOptions({
      entryPoints: {
        index: 'src/github/index.ts',
        cli: 'src/cli/index.ts',
        'trainer-worker': WORKER_ENTRY,
        'module-runner': MODULE_RUNNER_ENTRY,
      },
      outdir: 'dist',
    }),
  );
  copyWasm('dist');
  copyPython('dist');
}
