import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TFJS_NODE_VERSION,
  incompleteBecause,
  npmInstaller,
  provisionTfjsNode,
  tfjsNodeCacheKey,
  tfjsNodeFolder,
  type PackageInstaller,
  type ProvisionPorts,
  type Runner,
} from '../../src/github/tfjs-node.js';
import { MemoryCache } from './fakes.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'sg-tfjs-node-'));
  roots.push(d);
  return d;
}

const runnerIn = (toolCache: string): Runner => ({ toolCache, platform: 'linux', arch: 'x64', abi: '115' });

/** What a real install leaves: the package at the pinned version with its native addon. */
function writePackage(prefix: string, opts: { version?: string; addon?: boolean } = {}): void {
  const pkg = path.join(prefix, 'node_modules', '@tensorflow', 'tfjs-node');
  mkdirSync(path.join(pkg, 'lib', 'napi-v8'), { recursive: true });
  writeFileSync(
    path.join(pkg, 'package.json'),
    JSON.stringify({ name: '@tensorflow/tfjs-node', version: opts.version ?? TFJS_NODE_VERSION }),
  );
  if (opts.addon !== false) writeFileSync(path.join(pkg, 'lib', 'napi-v8', 'tfjs_binding.node'), 'binary');
}

/** A fake installer: records its calls and installs the package (or fails, or leaves it half done). */
function fakeInstaller(behaviour: 'ok' | 'no-addon' | Error = 'ok'): PackageInstaller & { calls: { prefix: string; spec: string }[] } {
  const calls: { prefix: string; spec: string }[] = [];
  return {
    calls,
    install: async (prefix, spec) => {
      calls.push({ prefix, spec });
      if (behaviour instanceof Error) throw behaviour;
      writePackage(prefix, { addon: behaviour === 'ok' });
    },
  };
}

function ports(over: Partial<ProvisionPorts> & { runner: Runner }): ProvisionPorts & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return {
    cache: undefined,
    installer: fakeInstaller(),
    log: { info: (m) => infos.push(m), warn: (m) => warnings.push(m) },
    ...over,
    infos,
    warnings,
  };
}

describe('provisioning tfjs-node on a runner', () => {
  it('pins the version package.json declares, and keys the cache by version, OS, architecture and Node ABI', () => {
    const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    expect(pkg.optionalDependencies['@tensorflow/tfjs-node']).toBe(TFJS_NODE_VERSION);
    const r = runnerIn('/opt/hostedtoolcache');
    expect(tfjsNodeCacheKey(r)).toBe(`sweepgate-tfjs-node-${TFJS_NODE_VERSION}-linux-x64-abi115`);
    expect(tfjsNodeFolder(r)).toBe(path.join('/opt/hostedtoolcache', 'sweepgate-tfjs-node', TFJS_NODE_VERSION, 'linux-x64-abi115'));
    const keys = new Set([r, { ...r, platform: 'darwin' }, { ...r, arch: 'arm64' }, { ...r, abi: '127' }].map(tfjsNodeCacheKey));
    expect(keys.size).toBe(4);
  });

  it('first run: installs into the tool cache and saves it to the Actions cache; a later runner restores it without installing', async () => {
    const cache = new MemoryCache();
    const installer = fakeInstaller();
    const first = ports({ runner: runnerIn(temp()), cache, installer });
    const dir = await provisionTfjsNode(first, 'backend: tensorflow was asked for');
    expect(dir).toBe(tfjsNodeFolder(first.runner));
    expect(installer.calls).toEqual([{ prefix: dir, spec: `@tensorflow/tfjs-node@${TFJS_NODE_VERSION}` }]);
    expect(incompleteBecause(dir!)).toBeUndefined();
    // npm is pointed at a package.json of the folder's own, never at a project above it.
    expect(existsSync(path.join(dir!, 'package.json'))).toBe(true);
    expect(cache.keys()).toEqual([tfjsNodeCacheKey(first.runner)]);
    expect(first.warnings).toEqual([]);
    expect(first.infos.join('\n')).toMatch(
      /no cache entry .* yet[\s\S]*installing @tensorflow\/tfjs-node 4\.22\.0 .*backend: tensorflow was asked for[\s\S]*installed in[\s\S]*saved as cache entry/,
    );

    // A fresh runner (empty tool cache at the same path, as hosted runners are): restored, not installed.
    rmSync(dir!, { recursive: true, force: true });
    const again = fakeInstaller();
    const second = ports({ runner: first.runner, cache, installer: again });
    expect(await provisionTfjsNode(second, 'x')).toBe(dir);
    expect(again.calls).toEqual([]);
    expect(second.infos.join('\n')).toMatch(/restored from cache entry sweepgate-tfjs-node-4\.22\.0-linux-x64-abi115 in/);

    // A self-hosted runner keeps its tool cache: nothing restored, nothing installed.
    const third = ports({ runner: first.runner, cache, installer: again });
    const restores = cache.restores.length;
    expect(await provisionTfjsNode(third, 'x')).toBe(dir);
    expect(cache.restores.length).toBe(restores);
    expect(third.infos).toEqual([`native TensorFlow: @tensorflow/tfjs-node ${TFJS_NODE_VERSION} found in the tool cache (${dir})`]);
  });

  it('a failing install is one warning naming the cause; the folder is removed and nothing is saved', async () => {
    const cache = new MemoryCache();
    const p = ports({
      runner: runnerIn(temp()),
      cache,
      installer: fakeInstaller(new Error('npm install @tensorflow/tfjs-node@4.22.0 exited with code 1: npm ERR! 404')),
    });
    expect(await provisionTfjsNode(p, 'x')).toBeUndefined();
    expect(p.warnings).toEqual([
      'native TensorFlow: could not install @tensorflow/tfjs-node 4.22.0 (npm install @tensorflow/tfjs-node@4.22.0 exited with code 1: npm ERR! 404); going on without it (WASM)',
    ]);
    expect(existsSync(tfjsNodeFolder(p.runner))).toBe(false);
    expect(cache.keys()).toEqual([]);
  });

  it('an install that leaves no native addon (its download failed) is a failure too, not a broken cache entry', async () => {
    const cache = new MemoryCache();
    const p = ports({ runner: runnerIn(temp()), cache, installer: fakeInstaller('no-addon') });
    expect(await provisionTfjsNode(p, 'x')).toBeUndefined();
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/has no native addon \(lib\/napi-v\*\/tfjs_binding\.node\)/);
    expect(cache.keys()).toEqual([]);
  });

  it('cache trouble is never fatal: a failing restore installs, a failing save still provisions this run', async () => {
    const cache = new MemoryCache();
    cache.restoreError = new Error('cache service 503');
    cache.saveError = new Error('cache service 503');
    const installer = fakeInstaller();
    const p = ports({ runner: runnerIn(temp()), cache, installer });
    expect(await provisionTfjsNode(p, 'x')).toBe(tfjsNodeFolder(p.runner));
    expect(installer.calls).toHaveLength(1);
    expect(p.warnings).toEqual([]);
    expect(p.infos.join('\n')).toMatch(
      /could not restore cache entry .*cache service 503.*installing[\s\S]*could not save cache entry .*next run installs again/,
    );
  });

  it('a restored entry that is not a complete install (another version) is replaced by an install', async () => {
    const cache = new MemoryCache();
    const runner = runnerIn(temp());
    const dir = tfjsNodeFolder(runner);
    writePackage(dir, { version: '4.21.0' });
    await cache.save([dir], tfjsNodeCacheKey(runner));
    rmSync(dir, { recursive: true });
    const installer = fakeInstaller();
    const p = ports({ runner, cache, installer });
    expect(await provisionTfjsNode(p, 'x')).toBe(dir);
    expect(installer.calls).toHaveLength(1);
    expect(p.infos.join('\n')).toMatch(/is unusable \(.* holds @tensorflow\/tfjs-node 4\.21\.0, not 4\.22\.0\); installing/);
  });

  it('without an Actions cache, it installs and says nothing of a cache', async () => {
    const p = ports({ runner: runnerIn(temp()) });
    expect(await provisionTfjsNode(p, 'x')).toBe(tfjsNodeFolder(p.runner));
    expect(p.infos.join('\n')).not.toMatch(/cache entry/);
  });
});

describe.skipIf(process.platform === 'win32')('npmInstaller (the runner’s npm, here a stand-in on PATH)', () => {
  /** A folder with an `npm` script, and PATH pointing at it only (plus the shell's own tools). */
  function fakeNpm(script: string): NodeJS.ProcessEnv {
    const bin = temp();
    writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(bin, 'npm'), 0o755);
    return { PATH: `${bin}:/usr/bin:/bin` };
  }

  it('passes the prefix and the spec, and resolves when npm exits 0', async () => {
    const prefix = temp();
    const env = fakeNpm('echo "$@" > "$3/args.txt"');
    await npmInstaller(env).install(prefix, '@tensorflow/tfjs-node@4.22.0', 10_000);
    const args = readFileSync(path.join(prefix, 'args.txt'), 'utf8').trim();
    expect(args).toBe(
      `install --prefix ${prefix} --no-save --no-package-lock --no-audit --no-fund --omit=dev --loglevel=error @tensorflow/tfjs-node@4.22.0`,
    );
  });

  it('a failing npm rejects with its exit code and the end of its stderr', async () => {
    const env = fakeNpm('echo "npm ERR! code E404" >&2; echo "npm ERR! 404 Not Found - GET @tensorflow/tfjs-node" >&2; exit 1');
    await expect(npmInstaller(env).install(temp(), 'a@1', 10_000)).rejects.toThrow(
      'npm install a@1 exited with code 1: npm ERR! code E404 / npm ERR! 404 Not Found - GET @tensorflow/tfjs-node',
    );
  });

  it('no npm on PATH, and an npm that hangs past the timeout, are named as such', async () => {
    await expect(npmInstaller({ PATH: temp() }).install(temp(), 'a@1', 10_000)).rejects.toThrow('npm is not on PATH');
    const env = fakeNpm('sleep 30');
    const t0 = Date.now();
    await expect(npmInstaller(env).install(temp(), 'a@1', 300)).rejects.toThrow('npm install a@1 took longer than');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
