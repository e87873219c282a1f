// The esbuild options every bundle of ours uses (dist/, the bench harnesses, and the trainer's bundle test),
// kept in one place so a test bundles exactly what ships.
import { transform } from 'esbuild';
import { copyFileSync, cpSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The built-in trainer's worker thread; bundled as trainer-worker.js beside the entries that start it. */
export const WORKER_ENTRY = 'src/trainer/workers/worker-thread.ts';
/** An objective module's own process; bundled as module-runner.js beside the entries that start it. */
export const MODULE_RUNNER_ENTRY = 'src/trainer/module/module-runner.ts';

/** @param {{entryPoints: Record<string, string>, outdir: string, splitting?: boolean, outExtension?: Record<string, string>}} o */
export function bundleOptions(o) {
  return {
    entryPoints: o.entryPoints,
    outdir: o.outdir,
    outExtension: o.outExtension ?? {},
    bundle: true,
    splitting: o.splitting ?? true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // tfjs-node is native and optional: resolved at run time from the user's workspace, never bundled.
    external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
    // CommonJS dependencies (tfjs, emscripten glue) call require/__dirname; give the ESM bundle both.
    banner: {
      js: [
        "import { createRequire as __sgCreateRequire } from 'node:module';",
        "import { fileURLToPath as __sgFileURLToPath } from 'node:url';",
        'const require = __sgCreateRequire(import.meta.url);',
        // `var`, not `const`: a bundled ESM module (@azure/storage-common's crc64.js, via @actions/cache) declares
        // its own top-level `var __filename, __dirname` and sets them to the same values; `const` would clash.
        'var __filename = __sgFileURLToPath(import.meta.url);',
        "var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    define: { __SWEEPGATE_VERSION__: JSON.stringify(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
    legalComments: 'linked',
    // tfjs' backends register themselves on import; their package.json sideEffects lists omit the CJS
    // files Node resolves, so honouring it would drop the registration.
    ignoreAnnotations: true,
    // Libraries compare class names at run time (@actions/cache: `err.name === ReserveCacheError.name`), and esbuild
    // renames clashing classes (`ReserveCacheError2`), so those checks would silently never match: the libraries'
    // files keep their names (keepLibraryNames). Not globally: keepNames wraps every closure a function creates in a
    // defineProperty call, and tfjs creates closures per op (its kernels, the WASM glue's ccall), which cost a
    // reference sweep 12–15% of its wall time (bench/RESULTS.md). Our own classes set `name` themselves.
    keepNames: false,
    plugins: [keepLibraryNames],
    logLevel: 'warning',
  };
}

/** Dependencies whose hot paths must stay free of keepNames' wrappers (and that never compare class names). */
const HOT = /[\\/]node_modules[\\/]@tensorflow[\\/]/;

/**
 * keepNames for the dependencies' JavaScript (but tfjs'): each file is transformed on its own with keepNames, which
 * pins every function's and class's name as a string before the bundler renames anything.
 */
const keepLibraryNames = {
  name: 'keep-library-names',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, async (args) => {
      if (HOT.test(args.path)) return undefined;
      const code = await readFile(args.path, 'utf8');
      const out = await transform(code, { loader: 'js', keepNames: true, target: 'node20', sourcefile: args.path, logLevel: 'silent' });
      return { contents: out.code, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/** Copies the tfjs WASM binaries beside the bundle's entries, where the WASM backend looks for them. */
export function copyWasm(outdir) {
  const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) copyFileSync(path.join(wasmDir, f), path.join(outdir, f));
}

/** Copies sweepgate's offline `wandb` stand-in (python/wandb) to <outdir>/python, where program trials find it. */
export function copyPython(outdir) {
  cpSync(path.join(root, 'python'), path.join(outdir, 'python'), { recursive: true, filter: (f) => !/__pycache__|\.pyc$/.test(f) });
}
