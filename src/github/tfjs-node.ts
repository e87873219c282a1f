// Native TensorFlow for the Action: @tensorflow/tfjs-node provisioned on the runner when the engine asks for it
// (`backend: tensorflow`, or `auto` with a model big enough for native to win: trainer/tf/native.ts). A pinned version
// is installed with npm into the runner's tool cache (where its install script can download libtensorflow) and
// kept in the Actions cache, keyed by version, OS, architecture and Node ABI, so later runs restore it instead.
// Every failure is one warning naming the cause; the sweep then goes on without it (WASM).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDuration } from '../core/duration.js';
import { duration } from '../report/format.js';
import type { CacheClient } from '../storage/actions-cache/cache-client.js';
import { CACHE_TIMEOUT_MS, withTimeout } from '../storage/actions-cache/trials-and-baseline.js';
import { errorText } from '../core/errors.js';

/** The tfjs-node sweepgate is built and tested against (package.json's optionalDependencies pins the same). */
export const TFJS_NODE_VERSION = '4.22.0';
const PACKAGE = '@tensorflow/tfjs-node';
/** Written last, inside the folder (so it travels in the cache entry): an install without it is incomplete. */
const COMPLETE = '.sweepgate-complete';
/** The first install downloads libtensorflow (about 100 MB compressed on Linux x64); past this it is given up. */
export const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** Installs one npm package spec into `prefix`/node_modules; rejects with the cause in its message. */
export interface PackageInstaller {
  install(prefix: string, spec: string, timeoutMs: number): Promise<void>;
}

export interface Runner {
  /** RUNNER_TOOL_CACHE; the job's temp folder when unset (then nothing outlives the job but the Actions cache). */
  readonly toolCache: string;
  readonly platform: string;
  readonly arch: string;
  /** process.versions.modules: the Node ABI the addon was built for. */
  readonly abi: string;
}

export interface ProvisionPorts {
  readonly runner: Runner;
  /** The Actions cache; undefined when there is none (or `cache: false`): every run installs. */
  readonly cache: CacheClient | undefined;
  readonly installer: PackageInstaller;
  readonly log: { info(message: string): void; warn(message: string): void };
  readonly cacheTimeoutMs?: number;
  readonly installTimeoutMs?: number;
  readonly now?: () => number;
}

/** Where a provisioned tfjs-node lives: one folder per version, OS, architecture and Node ABI. */
export function tfjsNodeFolder(r: Runner): string {
  return path.join(r.toolCache, 'sweepgate-tfjs-node', TFJS_NODE_VERSION, `${r.platform}-${r.arch}-abi${r.abi}`);
}

/** The Actions cache key of that folder. */
export function tfjsNodeCacheKey(r: Runner): string {
  return `sweepgate-tfjs-node-${TFJS_NODE_VERSION}-${r.platform}-${r.arch}-abi${r.abi}`;
}

/** Why `dir` does not hold a complete install of the pinned version, or undefined when it does. */
export function incompleteBecause(dir: string): string | undefined {
  const pkgDir = path.join(dir, 'node_modules', ...PACKAGE.split('/'));
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version?: unknown }).version;
  } catch {
    return `${PACKAGE} is not in ${dir}`;
  }
  if (version !== TFJS_NODE_VERSION) return `${dir} holds ${PACKAGE} ${String(version)}, not ${TFJS_NODE_VERSION}`;
  // The native addon (lib/napi-v8/tfjs_binding.node): an install whose download failed leaves the package without it.
  const lib = path.join(pkgDir, 'lib');
  const addon =
    existsSync(lib) && readdirSync(lib).some((d) => d.startsWith('napi-v') && existsSync(path.join(lib, d, 'tfjs_binding.node')));
  if (!addon) return `${PACKAGE} in ${dir} has no native addon (lib/napi-v*/tfjs_binding.node): its install did not finish`;
  if (!existsSync(path.join(dir, COMPLETE))) return `${dir} has no ${COMPLETE} marker`;
  return undefined;
}

/**
 * Makes the pinned tfjs-node available and resolves to the folder whose node_modules holds it: from the tool cache
 * (a self-hosted runner keeps it), else from the Actions cache, else by installing it (then saved to the Actions
 * cache for later runs). Resolves to undefined after one warning when it cannot.
 */
export async function provisionTfjsNode(ports: ProvisionPorts, why: string): Promise<string | undefined> {
  const { runner, log } = ports;
  const now = ports.now ?? (() => performance.now());
  const dir = tfjsNodeFolder(runner);
  const what = `${PACKAGE} ${TFJS_NODE_VERSION}`;
  if (incompleteBecause(dir) === undefined) {
    log.info(`native TensorFlow: ${what} found in the tool cache (${dir})`);
    return dir;
  }
  const key = tfjsNodeCacheKey(runner);
  const cacheTimeout = ports.cacheTimeoutMs ?? CACHE_TIMEOUT_MS;
  if (ports.cache) {
    const t0 = now();
    try {
      const hit = await withTimeout(ports.cache.restore([dir], key, []), cacheTimeout, 'the restore');
      const missing = hit === undefined ? undefined : incompleteBecause(dir);
      if (hit !== undefined && missing === undefined) {
        log.info(`native TensorFlow: ${what} restored from cache entry ${hit} in ${duration(now() - t0)}`);
        return dir;
      }
      log.info(
        hit === undefined
          ? `native TensorFlow: no cache entry ${key} yet`
          : `native TensorFlow: cache entry ${hit} is unusable (${missing}); installing`,
      );
    } catch (err) {
      log.info(`native TensorFlow: could not restore cache entry ${key} (${errorText(err)}); installing`);
    }
  }
  const t0 = now();
  log.info(`native TensorFlow: installing ${what} into ${dir} (${why}); the first install downloads libtensorflow`);
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    // A package.json of its own, so npm installs here and never into a project above the tool cache.
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'sweepgate-tfjs-node', private: true })}\n`);
    await ports.installer.install(dir, `${PACKAGE}@${TFJS_NODE_VERSION}`, ports.installTimeoutMs ?? INSTALL_TIMEOUT_MS);
    await writeFile(path.join(dir, COMPLETE), `${what}\n`);
    const missing = incompleteBecause(dir);
    if (missing !== undefined) throw new Error(missing);
  } catch (err) {
    log.warn(`native TensorFlow: could not install ${what} (${errorText(err)}); going on without it (WASM)`);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return undefined;
  }
  log.info(`native TensorFlow: ${what} installed in ${duration(now() - t0)}`);
  if (ports.cache) {
    try {
      const id = await withTimeout(ports.cache.save([dir], key), cacheTimeout, 'the save');
      log.info(
        id === -1
          ? `native TensorFlow: not saved to the Actions cache (key ${key}: the entry already exists, or see the line above)`
          : `native TensorFlow: saved as cache entry ${key}`,
      );
    } catch (err) {
      // Saving is for later runs only: this one has what it needs.
      log.info(`native TensorFlow: could not save cache entry ${key} (${errorText(err)}); the next run installs again`);
    }
  }
  return dir;
}

/** Keeps the last `max` characters of a stream, for an error message. */
function tail(max: number): { push(chunk: Buffer): void; lastLine(): string } {
  let text = '';
  return {
    push: (chunk) => {
      text = (text + chunk.toString('utf8')).slice(-max);
    },
    lastLine: () =>
      text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .slice(-3)
        .join(' / '),
  };
}

/** `npm install` of one spec into a prefix, with the runner's npm (on PATH): what the Action uses. */
export function npmInstaller(env: NodeJS.ProcessEnv = process.env): PackageInstaller {
  return {
    install: (prefix, spec, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const args = [
          'install',
          '--prefix',
          prefix,
          '--no-save',
          '--no-package-lock',
          '--no-audit',
          '--no-fund',
          '--omit=dev',
          '--loglevel=error',
          spec,
        ];
        const win = process.platform === 'win32';
        // npm is npm.cmd on Windows, which only a shell can start.
        const child = spawn(win ? 'npm.cmd' : 'npm', args, {
          cwd: prefix,
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
          shell: win,
          detached: !win,
        });
        const stderr = tail(4000);
        child.stderr.on('data', (c: Buffer) => stderr.push(c));
        const timer = setTimeout(() => {
          try {
            if (child.pid !== undefined && !win) process.kill(-child.pid, 'SIGKILL');
            else child.kill('SIGKILL');
          } catch {
            // already gone
          }
          reject(new Error(`npm install ${spec} took longer than ${formatDuration(timeoutMs)}`));
        }, timeoutMs);
        child.on('error', (err: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(new Error(err.code === 'ENOENT' ? 'npm is not on PATH' : `npm could not be started: ${err.message}`));
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          if (code === 0) resolve();
          else
            reject(
              new Error(
                `npm install ${spec} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}${stderr.lastLine() ? `: ${stderr.lastLine()}` : ''}`,
              ),
            );
        });
      }),
  };
}
