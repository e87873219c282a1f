// Builds dist/: the Action entry (index.js), the CLI (cli.js), their shared chunks, and the tfjs WASM
// binaries the WASM backend loads at run time. Deterministic, so CI can check dist/ is what this builds.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// `node scripts/bundle.mjs bench/x.ts` builds one harness into build/x.mjs with the same options instead.
const harness = process.argv[2];
const out = harness ? 'build' : 'dist';
if (!harness) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: harness ? { [path.basename(harness, '.ts')]: harness } : { index: 'src/github/index.ts', cli: 'src/cli/index.ts' },
  outdir: out,
  outExtension: harness ? { '.js': '.mjs' } : {},
  bundle: true,
  splitting: !harness,
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
  define: { __SWEEPGATE_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  legalComments: 'linked',
  // tfjs' backends register themselves on import; their package.json sideEffects lists omit the CJS
  // files Node resolves, so honouring it would drop the registration.
  ignoreAnnotations: true,
  logLevel: 'warning',
});

if (harness) process.exit(0);
const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) {
  copyFileSync(path.join(wasmDir, f), path.join(out, f));
}
