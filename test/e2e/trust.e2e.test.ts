import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySafe } from '../../src/storage/actions-cache/cache-client.js';
import { pullRequestEvent, pushEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';

/**
 * Issue #20, points 3 and 4, on the committed dist/ against the loopback GitHub and cache: nothing the checkout
 * holds counts as a result (forged or stale `.sweepgate/` records), nothing but checked trial records is saved
 * (a cache flood), and a PR without a usable baseline fails unless `missing-baseline: pass` (a renamed sweep, a
 * path that cannot be written), while a name changed only invisibly keeps its baseline.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const MAIN_SHA = 'a1'.repeat(20);
const TOKEN = 'ghs_trust_token';
const RUNTIME_TOKEN = 'runtime-token-trust';
const INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '10%' };
const exec = promisify(execFile);

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;

function act(kind: 'push' | 'pr', sha: string, inputs: Record<string, string> = INPUTS): Promise<ActionRun> {
  runs++;
  const event =
    kind === 'push'
      ? { name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha }) }
      : { name: 'pull_request', payload: pullRequestEvent({ number: 7, baseSha: MAIN_SHA, headSha: sha }) };
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event,
    inputs,
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: kind === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
      GITHUB_RUN_ID: String(7000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    },
  });
}

/** The committed CLI, as a developer runs it in the checkout (its local store: ml/.sweepgate). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      [path.join(actionDir, 'dist', 'cli.js'), 'run', 'ml/sweep.yml', '--quiet', ...args],
      {
        cwd: workspace,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const useData = (file: 'data.csv' | 'data-noisy.csv'): Promise<void> =>
  cp(path.join(FIXTURE, file), path.join(workspace, 'ml', 'data.csv'));
const localStore = (): string => path.join(workspace, 'ml', '.sweepgate');
const setName = async (name: string): Promise<void> => {
  const file = path.join(workspace, 'ml', 'sweep.yml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^name: .*$/m, `name: ${name}`));
};

/** The file names inside a cache entry's archive (zstd or gzip tar, as @actions/cache wrote it). */
async function archiveNames(archive: Buffer): Promise<string[]> {
  const file = path.join(root, `archive-${runs}`);
  await writeFile(file, archive);
  const zstd = archive.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
  const { stdout } = await exec('tar', [zstd ? '--use-compress-program=zstd -d' : '-z', '-tf', file]);
  return stdout.split('\n').filter((n) => n !== '' && !n.endsWith('/'));
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-trust-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  await cp(FIXTURE, path.join(workspace, 'ml'), { recursive: true, filter: (src) => !src.includes('.sweepgate') });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } } });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
});

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a required check the PR cannot game: trusted results and a baseline that must exist', () => {
  it('push to main records the baseline from an empty store outside the workspace', async () => {
    const r = await act('push', MAIN_SHA);
    expect(r.code, explain(r)).toBe(0);
    expect(cache.keys()).toEqual([
      `sweepgate-v2-trials-${keySafe('e2e-linear')}-${MAIN_SHA}-7001-1`,
      `sweepgate-v2-baseline-${keySafe('e2e-linear')}-${MAIN_SHA}`,
    ]);
    await expect(readdir(localStore())).rejects.toThrow(/ENOENT/); // nothing written into the checkout
    const trials = await archiveNames(cache.entries[0]!.archive!);
    expect(trials).toHaveLength(16); // 6 search trials and 10 champion seeds, nothing else
    expect(trials.every((n) => /\/sweepgate\/store\/trials\/e2e_linear\.[0-9a-f]{16}\/[0-9a-f]{64}\.json$/.test(n))).toBe(true);
  });

  it('committed forged records (which a store reading the folder would trust) do not count: a harmful data change fails', async () => {
    // The attack: main's results from the CLI, then the PR's own trials on the noisy data, edited to look better.
    expect((await cli('--json', path.join(root, 'main.json'))).code).toBe(0);
    await useData('data-noisy.csv');
    await rm(localStore(), { recursive: true, force: true });
    const honest = await cli('--baseline', path.join(root, 'main.json'), '--max-regression', '10%');
    expect(honest.code, honest.stderr).toBe(1); // the noisy data really is worse
    const dir = path.join(localStore(), 'trials');
    for (const name of await readdir(dir)) {
      const record = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { metrics: Record<string, number> };
      for (const m of Object.keys(record.metrics)) record.metrics[m]! /= 1000;
      await writeFile(path.join(dir, name), JSON.stringify(record));
    }
    // The forgery is well made: the CLI (whose local store is the developer's own) takes it, trains nothing and passes.
    const forged = await cli('--baseline', path.join(root, 'main.json'), '--max-regression', '10%');
    expect(forged.code, forged.stderr).toBe(0);
    expect(forged.stdout).toContain('0 trained, 6 from the cache');
    // The replay stops once the forged evidence decides (issue 21): only the seeds it needed, all from the cache.
    expect(forged.stdout).toMatch(/seeds \(0 trained, (3|5|10) from the cache\)/);

    const r = await act('pr', '2'.repeat(40));
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toContain('6 trials (6 trained, 0 cached)');
    expect(r.errors).toEqual([expect.stringMatching(/^sweepgate: gate failed: main's best config raises val_loss by /)]);
    expect(r.warnings).toContainEqual(expect.stringMatching(/ml\/\.sweepgate is in the checkout: the Action ignores it/));
    expect(r.summary).toContain('6 trained, 0 from the cache');
    expect(r.summary).toMatch(/main’s best params on (\d+ of )?main’s 10 seeds \((3|5|10) trained, 0 from the cache\)/);
  }, 120_000);

  it('stale records of a forgotten .sweepgate/ do not count either', async () => {
    await useData('data.csv');
    await rm(localStore(), { recursive: true, force: true });
    expect((await cli('--seed', '77')).code).toBe(0); // a local run the user forgot to ignore
    expect((await readdir(path.join(localStore(), 'trials'))).length).toBeGreaterThan(6);
    const r = await act('pr', '3'.repeat(40), { ...INPUTS, seed: '77' });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain('6 trials (6 trained, 0 cached)');
    await rm(localStore(), { recursive: true, force: true });
  }, 60_000);

  it('a renamed sweep has no baseline: the PR fails naming both names; an invisible or case-only change keeps it', async () => {
    await setName('e2e-linear-v2');
    const renamed = await act('pr', '4'.repeat(40));
    expect(renamed.code, explain(renamed)).toBe(1);
    expect(renamed.errors).toHaveLength(1);
    expect(renamed.errors[0]).toMatch(
      /^sweepgate: no baseline: Sweep 'e2e-linear-v2' has no baseline to compare with: no baseline in the Actions cache/,
    );
    expect(renamed.errors[0]).toContain(
      "if this PR renamed 'e2e-linear' to 'e2e-linear-v2', the new name has no baseline until it has run on 'main'",
    );
    expect(renamed.errors[0]).toContain("set the 'missing-baseline' input to 'pass'");
    expect(renamed.summary).toContain('❌ **No baseline**, so nothing was compared and the check fails');

    for (const name of ['e2e-linear\u200b', 'E2E-Linear']) {
      await setName(name);
      const same = await act('pr', '5'.repeat(40));
      expect(same.code, explain(same)).toBe(0);
      expect(same.stdout).toContain(`restored from cache entry sweepgate-v2-baseline-${keySafe('e2e-linear')}-${MAIN_SHA}`);
      expect(same.summary).toContain('No regression');
    }
    await setName('e2e-linear');
  }, 60_000);

  it('a file where the store folder goes fails the run with the path and the cause', async () => {
    const store = path.join(runnerTemp, 'sweepgate', 'store');
    await rm(store, { recursive: true, force: true });
    await writeFile(store, 'left by an earlier step');
    try {
      const r = await act('pr', '6'.repeat(40));
      expect(r.code, explain(r)).toBe(1);
      expect(r.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^StorePathError: cannot prepare ${store.replace(/[/.]/g, '\\$&')}/(trials|baseline)\\S* for the (trials|baseline) restore: ENOTDIR`,
          ),
        ),
      ]);
      expect(r.summary).toContain('The run failed');
    } finally {
      await rm(store, { force: true });
    }
  });

  it("a cache flood is not saved; 'missing-baseline: pass' lets the first PR of a new sweep through", async () => {
    // A new sweep whose objective writes 40 MB of junk and a record-shaped file into every store folder it finds.
    await mkdir(path.join(workspace, 'ml-flood'), { recursive: true });
    await cp(path.join(FIXTURE, 'data.csv'), path.join(workspace, 'ml-flood', 'data.csv'));
    await writeFile(
      path.join(workspace, 'ml-flood', 'sweep.yml'),
      'name: e2e-flood\nmethod: grid\nseed: 7\nmetric: {name: val_loss, goal: minimize}\nobjective: ./flood.mjs\nparameters:\n  w: {values: [1, 2, 3]}\n',
    );
    await writeFile(
      path.join(workspace, 'ml-flood', 'flood.mjs'),
      `import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
export default async function objective(params) {
  const base = path.join(process.env.RUNNER_TEMP, 'sweepgate', 'store');
  const dirs = [path.join(base, 'baseline'), ...readdirSync(path.join(base, 'trials')).map((d) => path.join(base, 'trials', d))];
  for (const dir of dirs) {
    if (!existsSync(path.join(dir, 'junk.bin'))) writeFileSync(path.join(dir, 'junk.bin'), randomBytes(40 * 1024 * 1024));
    const key = 'e'.repeat(64);
    writeFileSync(path.join(dir, key + '.json'), JSON.stringify({ key, params: {}, seed: 1, status: 'complete', metrics: { val_loss: 0 }, history: [], durationMs: 1, backend: 'cpu' }));
  }
  return { val_loss: Math.abs(params.w - 2) };
}
`,
    );
    const r = await act('pr', '7'.repeat(40), { ...INPUTS, config: 'ml-flood/sweep.yml', 'missing-baseline': 'pass' });
    expect(r.code, explain(r)).toBe(0);
    expect(r.summary).toContain('No baseline yet');
    expect(r.summary).toContain("'missing-baseline' is 'pass', so this PR passes without one.");
    const entry = cache.entries.find((e) => e.key.startsWith(`sweepgate-v2-trials-${keySafe('e2e-flood')}-`));
    expect(entry?.archive, explain(r)).toBeDefined();
    expect(entry!.archive!.length).toBeLessThan(100_000);
    const names = await archiveNames(entry!.archive!);
    expect(names).toHaveLength(3);
    expect(names.every((n) => /\/[0-9a-f]{64}\.json$/.test(n) && !n.endsWith(`${'e'.repeat(64)}.json`))).toBe(true);
  }, 60_000);
});
