// Programs run in their own process groups, so the terminal's Ctrl-C (or a runner's SIGTERM on a cancelled
// job) reaches only sweepgate: the bundled CLI must take every running trial process with it when it exits.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/esbuild-options.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'sg-signals-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('the CLI on SIGINT / SIGTERM', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s: exits %d and no trial process outlives it',
    async (signal, code) => {
      const out = path.join(root, 'dist');
      if (!existsSync(path.join(out, 'cli.js')))
        await build({
          ...bundleOptions({ entryPoints: { cli: path.resolve(__dirname, '../../src/cli/index.ts') }, outdir: out, splitting: false }),
          logLevel: 'error',
        });
      const dir = mkdtempSync(path.join(root, 'sweep-'));
      const pids = path.join(dir, 'pids');
      writeFileSync(
        path.join(dir, 'train.sh'),
        `sleep 120 &\necho $! >> ${JSON.stringify(pids)}\necho $$ >> ${JSON.stringify(pids)}\nsleep 120\n`,
      );
      writeFileSync(path.join(dir, 'sweep.yml'), 'method: grid\nprogram: train.sh\nmetric: {name: loss}\nparameters: {x: {values: [1]}}\n');
      const cli = spawn(process.execPath, [path.join(out, 'cli.js'), 'run', path.join(dir, 'sweep.yml'), '--quiet'], {
        cwd: dir,
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => cli.on('exit', (c) => resolve(c)));
      const started = await until(() => existsSync(pids) && readFileSync(pids, 'utf8').trim().split('\n').length === 2, 10_000);
      expect(started).toBe(true);
      const trialPids = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
      expect(trialPids.every(alive)).toBe(true);
      cli.kill(signal);
      expect(await exited).toBe(code);
      expect(await until(() => trialPids.every((p) => !alive(p)), 3000)).toBe(true);
    },
    60_000,
  );
});
