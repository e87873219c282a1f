import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tfc from '@tensorflow/tfjs-core';
// tfjs-layers' Node bundle also registers every op gradient; tfjs-core's own bundle has none.
import * as tfl from '@tensorflow/tfjs-layers';
// Not a bare import: tfjs-backend-cpu's package.json `sideEffects` list omits its Node bundle, so a bundler that
// honours it drops a bare `import '@tensorflow/tfjs-backend-cpu'` and with it the cpu backend. Our own bundle
// ignores those annotations (scripts/esbuild-options.mjs); using MathBackendCPU in bundledTf() keeps the backend
// registered under any bundler.
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { installChainedOps } from './chained-ops.js';
import { BACKEND_CHOICES, type BackendChoice, type BackendName } from '../../core/backends.js';
import { errorText } from '../../core/errors.js';

/** The tfjs namespace: core ops plus layers (`tf.layers`, `tf.sequential`, ...), as `@tensorflow/tfjs` exports it. */
export type Tf = typeof tfc & typeof tfl;
/** A backend trials run on: every choice but `auto`. */

export interface TfHandle {
  readonly tf: Tf;
  readonly backend: BackendName;
}

export interface LoadTfOptions {
  /** The user's workspace: tfjs-node is looked up from here first. */
  readonly cwd: string;
  /**
   * Folders holding a `node_modules` with tfjs-node, looked in after `cwd` and before sweepgate's own install:
   * where the Action provisioned it (the runner's tool cache), or a local build.
   */
  readonly tfjsNodeDirs?: readonly string[];
  /** Non-fatal trouble (a fallback taken), one line each. */
  warn(msg: string): void;
}

/** A backend that was asked for cannot be used; the message says which and why. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly backend: string;
  constructor(backend: string, reason: string) {
    super(`TensorFlow.js backend '${backend}' is not available: ${reason}`);
    this.backend = backend;
  }
}

const TFJS_NODE = '@tensorflow/tfjs-node';
const WASM_FILE = /^tfjs-backend-wasm.*\.wasm$/;

let bundled: Tf | undefined;
/** Our own tfjs (core + layers + cpu/wasm backends), with the chained-op methods installed. */
function bundledTf(): Tf {
  if (!bundled) {
    // Loading the module registered it; this only guards against a bundler having skipped that side effect.
    if (tfc.findBackendFactory('cpu') === null) tfc.registerBackend('cpu', () => new MathBackendCPU(), 1);
    bundled = { ...tfc, ...tfl } as Tf;
    installChainedOps(bundled);
  }
  return bundled;
}

const reason = (err: unknown): string => errorText(err).split('\n')[0]!;

/**
 * Loads TensorFlow.js and makes one backend current. `auto` tries, in order: @tensorflow/tfjs-node (native
 * TensorFlow) resolved from `opts.cwd` then from sweepgate's own install, the WASM backend, the pure-JS CPU
 * backend. tfjs-node being absent is normal and silent; a tfjs-node that is installed but fails to load, or a
 * WASM backend that fails, is reported through `opts.warn` before falling back. A forced choice that cannot be
 * used throws a BackendError. Nothing is printed to stdout (tfjs' "install tfjs-node" banner is suppressed).
 *
 * The tfjs engine is process-global: the backend chosen last is the one every tfjs user in the process runs on.
 */
export async function loadTf(choice: BackendChoice, opts: LoadTfOptions): Promise<TfHandle> {
  if (!BACKEND_CHOICES.includes(choice))
    throw new BackendError(String(choice), `unknown backend; choose one of ${BACKEND_CHOICES.join(', ')}`);
  if (choice === 'auto' || choice === 'tensorflow') {
    const node = await tryTfjsNode(opts.cwd, opts.tfjsNodeDirs ?? []);
    if ('handle' in node) return node.handle;
    if (choice === 'tensorflow') throw new BackendError('tensorflow', node.reason);
    if (node.found) opts.warn(`${TFJS_NODE} was found but cannot be used (${node.reason}); trying the WASM backend`);
  }
  if (choice === 'auto' || choice === 'wasm') {
    const failure = await tryWasm();
    if (failure === undefined) return { tf: bundledTf(), backend: 'wasm' };
    if (choice === 'wasm') throw new BackendError('wasm', failure);
    opts.warn(`the WASM backend cannot be used (${failure}); using the slower pure-JS cpu backend`);
  }
  const failure = await activate(bundledTf(), 'cpu');
  if (failure !== undefined) throw new BackendError('cpu', failure);
  silenceCpuBanner(bundledTf());
  return { tf: bundledTf(), backend: 'cpu' };
}

/**
 * Makes `handle.backend` current again when something else in the process switched the global engine
 * (for example a second loadTf call); a no-op otherwise.
 */
export async function ensureBackend(handle: TfHandle): Promise<void> {
  if (handle.tf.getBackend() === handle.backend) return;
  const failure = await activate(handle.tf, handle.backend);
  if (failure !== undefined) throw new BackendError(handle.backend, failure);
  if (handle.backend === 'cpu') silenceCpuBanner(handle.tf);
}

type NodeAttempt = { handle: TfHandle } | { found: boolean; reason: string };

async function tryTfjsNode(cwd: string, dirs: readonly string[]): Promise<NodeAttempt> {
  // A file inside each folder, so resolution starts at its node_modules; then sweepgate's own location.
  const inside = (dir: string): string => path.join(path.resolve(dir), '__sweepgate__.js');
  const bases = [inside(cwd), ...dirs.map(inside), fileURLToPath(import.meta.url)];
  for (const base of bases) {
    const req = createRequire(base);
    let resolved: string;
    try {
      resolved = req.resolve(TFJS_NODE);
    } catch {
      continue;
    }
    let mod: unknown;
    // Loading tfjs-node prints TensorFlow's C++ start-up log and, from its own tfjs copies, "already registered"
    // notices: noise on a run's stderr (and once per worker thread). TF_CPP_MIN_LOG_LEVEL=2 keeps C++ warnings
    // and errors out too; a user who sets it keeps their value.
    process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
    const { warn, log } = console;
    console.warn = console.log = (): void => {};
    try {
      mod = req(resolved);
    } catch (err) {
      return { found: true, reason: `loading ${resolved} failed: ${reason(err)}` };
    } finally {
      console.warn = warn;
      console.log = log;
    }
    // tfjs-node registers the 'tensorflow' backend on its own tfjs-core copy: use the namespace it exports.
    const tf = mod as Tf;
    if (typeof tf?.setBackend !== 'function') return { found: true, reason: `${resolved} does not export the tfjs API` };
    const failure = await activate(tf, 'tensorflow');
    if (failure !== undefined) return { found: true, reason: failure };
    return { handle: { tf, backend: 'tensorflow' } };
  }
  const looked = [cwd, ...dirs].map((d) => path.resolve(d)).join(', ');
  return { found: false, reason: `${TFJS_NODE} is not installed (looked from ${looked} and from sweepgate's own install)` };
}

let wasmDir: string | undefined;

/** The folder holding tfjs-backend-wasm*.wasm: beside the running module (the bundle), its parent, or the package. */
export function findWasmDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [here, path.dirname(here)];
  try {
    candidates.push(path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')));
  } catch {
    // not installed: only the bundle's copies can serve
  }
  return candidates.find((dir) => {
    try {
      return readdirSync(dir).some((f) => WASM_FILE.test(f));
    } catch {
      return false;
    }
  });
}

async function tryWasm(): Promise<string | undefined> {
  if (wasmDir === undefined) {
    const dir = findWasmDir();
    if (dir === undefined) return 'tfjs-backend-wasm*.wasm files not found beside sweepgate nor in @tensorflow/tfjs-backend-wasm';
    try {
      setWasmPaths(dir + path.sep);
    } catch (err) {
      return reason(err);
    }
    wasmDir = dir;
  }
  return activate(bundledTf(), 'wasm');
}

/**
 * setBackend + ready. tfjs reports an initialisation failure by console.warn and a `false` result; the
 * warnings are captured so the failure can be explained in one line instead of printed.
 */
async function activate(tf: Tf, name: BackendName): Promise<string | undefined> {
  const captured: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    captured.push(args.map(String).join(' ').split('\n')[0]!);
  };
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return captured.filter((m) => m.trim() !== '').join('; ') || `initialising the '${name}' backend failed`;
    await tf.ready();
    if (tf.getBackend() !== name) return `tfjs selected '${tf.getBackend()}' instead`;
    return undefined;
  } catch (err) {
    return reason(err);
  } finally {
    console.warn = warn;
  }
}

/** The cpu backend prints a "Hi there, install tfjs-node" banner on its first tensor; the fallback is deliberate. */
function silenceCpuBanner(tf: Tf): void {
  const backend = tf.backend() as unknown as { firstUse?: boolean };
  if (typeof backend.firstUse === 'boolean') backend.firstUse = false;
}
