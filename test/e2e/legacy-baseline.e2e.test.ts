import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySafe } from '../../src/storage/actions-cache/cache-client.js';
import { v1BaselineKeys, v1KeySafe } from '../../src/storage/actions-cache/previous-baseline.js';
import { pullRequestEvent, pushEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';

/**
 * Issue #20 point 8, "a baseline recorded before this change": main's baseline is recorded by the PREVIOUS
 * version's committed dist/ (d35c62e, cache keys `sweepgate-v1-…`, the baseline file in the checkout) against the
 * loopback cache, then this version's dist/ runs the PRs. Upgrading must not fail every PR until main runs again:
 * a PR compares with that baseline (and says where it came from), a harmful PR still fails, and a file the
 * checkout brings at the old path never counts.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
/** The last commit of the previous version's dist/ (v1 keys, the store beside the config). */
const PREVIOUS = 'd35c62e';
const MAIN_SHA = 'c1'.repeat(20);
const TOKEN = 'ghs_legacy_token';
const RUNTIME_TOKEN = 'runtime-token-legacy';
const INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '10%' };
const V1_ENTRY = v1BaselineKeys.baseline('e2e-linear', MAIN_SHA);
const exec = promisify(execFile);

let root: string;
let newAction: string;
let oldAction: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;

function act(action: string, kind: 'push' | 'pr', sha: string, inputs: Record<string, string> = INPUTS): Promise<ActionRun> {
  runs++;
  const event =
    kind === 'push'
      ? { name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha }) }
      : { name: 'pull_request', payload: pullRequestEvent({ number: 9, baseSha: MAIN_SHA, headSha: sha }) };
  return runAction({
    actionDir: action,
    workspace,
    runnerTemp,
    event,
    inputs,
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: kind === 'push' ? 'refs/heads/main' : 'refs/pull/9/merge',
      GITHUB_RUN_ID: String(9000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    },
  });
}

const useData = (file: 'data.csv' | 'data-noisy.csv'): Promise<void> =>
  cp(path.join(FIXTURE, file), path.join(workspace, 'ml', 'data.csv'));
const setName = async (name: string): Promise<void> => {
  const file = path.join(workspace, 'ml', 'sweep.yml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^name: .*$/m, `name: ${name}`));
};
/** Where the previous version kept a sweep's baseline, in the checkout. */
const oldPath = (sweep: string): string => path.join(workspace, 'ml', '.sweepgate', 'baseline', `${v1KeySafe(sweep)}.json`);
/** A fresh checkout: what the previous version left in the workspace is not there on the next job's runner. */
const freshCheckout = (): Promise<void> => rm(path.join(workspace, 'ml', '.sweepgate'), { recursive: true, force: true });

/** A well-formed results document any PR beats: a main whose val_loss was enormous. */
async function plantForgedBaseline(sweep: string): Promise<string> {
  const file = oldPath(sweep);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    JSON.stringify({
      sweep,
      configHash: 'forged',
      metric: { name: 'val_loss', goal: 'minimize' },
      best: { key: 'k', params: { w: 2, b: 1 }, metrics: { val_loss: 1e9 } },
      trials: [],
      stats: {},
    }),
  );
  return file;
}

const v1Keys = (): string[] => cache.keys().filter((k) => k.startsWith('sweepgate-v1-'));

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-legacy-'));
  newAction = path.join(root, 'action-new');
  oldAction = path.join(root, 'action-old');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, newAction);
  // The previous version's committed action, installed the same way (action.yml and dist/ only).
  const previous = path.join(root, 'previous');
  await mkdir(previous, { recursive: true });
  const { stdout: archive } = await exec('git', [
    '-C',
    ROOT,
    'archive',
    '-o',
    path.join(root, 'previous.tar'),
    PREVIOUS,
    'dist',
    'action.yml',
  ]);
  expect(archive).toBe('');
  await exec('tar', ['-x', '-C', previous, '-f', path.join(root, 'previous.tar')]);
  await installAction(previous, oldAction);
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

describe('upgrading: a baseline the previous version recorded on main', () => {
  it('the previous version records main’s baseline under its v1 key, from the checkout’s .sweepgate/', async () => {
    const r = await act(oldAction, 'push', MAIN_SHA);
    expect(r.code, explain(r)).toBe(0);
    expect(v1Keys()).toEqual([`sweepgate-v1-trials-${v1KeySafe('e2e-linear')}-${MAIN_SHA}-9001-1`, V1_ENTRY]);
    expect(existsSync(oldPath('e2e-linear'))).toBe(true);
    await freshCheckout();
  }, 60_000);

  it('an unchanged PR on this version compares with it, says so in the log and the Run section, and saves no v1 entry', async () => {
    const r = await act(newAction, 'pr', '2'.repeat(40));
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(`baseline: no cache entry yet (looked for sweepgate-v2-baseline-${keySafe('e2e-linear')}-*)`);
    expect(r.stdout).toContain(`baseline saved by the previous version: restored from cache entry ${V1_ENTRY}`);
    expect(r.stdout).toContain(
      `baseline: comparing with cache entry ${V1_ENTRY}, saved by the previous version of sweepgate; the next run on the baseline branch records one in the current format`,
    );
    // Its v1 trials entry (which could hold records a checkout brought) is never restored: everything is trained.
    expect(r.stdout).toContain('6 trials (6 trained, 0 cached)');
    expect(r.summary).toMatch(/^✅ \*\*No (significant )?regression\*\*/m);
    const run = r.summary.slice(r.summary.indexOf('**Run**'));
    expect(run).toContain(
      `- **Baseline**: from cache entry ${V1_ENTRY}, saved by the previous version of sweepgate (before the upgrade); the next run on 'main' records one in the current format`,
    );
    expect(r.outputs.regressed).toBe('false');
    expect(gh.comments(REPO.owner, REPO.repo, 9)[0]?.body ?? '').toContain('saved by the previous version of sweepgate');
    expect(v1Keys()).toHaveLength(2); // never saved, only read
    expect(existsSync(oldPath('e2e-linear'))).toBe(false); // read, then removed from the checkout
  }, 60_000);

  it('a harmful PR still fails the gate, and a forged baseline it commits at the old path is replaced by the entry before reading', async () => {
    await useData('data-noisy.csv');
    await plantForgedBaseline('e2e-linear');
    try {
      const r = await act(newAction, 'pr', '3'.repeat(40));
      expect(r.code, explain(r)).toBe(1);
      expect(r.errors).toEqual([expect.stringMatching(/^sweepgate: gate failed: main's best config raises val_loss by /)]);
      expect(r.stdout).toContain(`restored from cache entry ${V1_ENTRY}`);
      expect(r.outputs.regressed).toBe('true');
      expect(existsSync(oldPath('e2e-linear'))).toBe(false);
    } finally {
      await useData('data.csv');
    }
  }, 60_000);

  it('with no v1 entry, a file the checkout brings at the old path does not count: the PR fails for want of a baseline', async () => {
    await setName('e2e-renamed');
    const forged = await plantForgedBaseline('e2e-renamed');
    try {
      const r = await act(newAction, 'pr', '4'.repeat(40));
      expect(r.code, explain(r)).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toContain(
        `sweepgate: no baseline: Sweep 'e2e-renamed' has no baseline to compare with: no baseline in the Actions cache (looked for sweepgate-v2-baseline-${keySafe('e2e-renamed')}-* or, saved by the previous version, sweepgate-v1-baseline-${v1KeySafe('e2e-renamed')}-*).`,
      );
      expect(r.summary).toContain('❌ **No baseline**, so nothing was compared and the check fails');
      expect(existsSync(forged)).toBe(false); // deleted before the restore, never read
    } finally {
      await setName('e2e-linear');
    }
  }, 60_000);

  it('a checkout whose .sweepgate is a symbolic link fails the run naming the path, restoring nothing through it', async () => {
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(path.join(elsewhere, 'baseline'), { recursive: true });
    await freshCheckout();
    await symlink(elsewhere, path.join(workspace, 'ml', '.sweepgate'));
    try {
      const r = await act(newAction, 'pr', '5'.repeat(40));
      expect(r.code, explain(r)).toBe(1);
      expect(r.errors).toEqual([
        `StorePathError: cannot restore the previous version's baseline to ${oldPath('e2e-linear')}: ${path.join(workspace, 'ml', '.sweepgate')} is a symbolic link; remove it from the checkout`,
      ]);
      expect(existsSync(path.join(elsewhere, 'baseline', `${v1KeySafe('e2e-linear')}.json`))).toBe(false);
    } finally {
      await freshCheckout();
    }
  }, 60_000);

  it('once main runs this version, PRs use its v2 baseline and the previous one is no longer mentioned', async () => {
    const main = await act(newAction, 'push', 'c2'.repeat(20));
    expect(main.code, explain(main)).toBe(0);
    expect(cache.keys()).toContain(`sweepgate-v2-baseline-${keySafe('e2e-linear')}-${'c2'.repeat(20)}`);
    const r = await act(newAction, 'pr', '6'.repeat(40));
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(`baseline: restored from cache entry sweepgate-v2-baseline-${keySafe('e2e-linear')}-${'c2'.repeat(20)}`);
    expect(r.stdout).not.toContain('previous version');
    expect(r.summary).not.toContain('**Baseline**');
    expect(v1Keys()).toHaveLength(2);
  }, 60_000);
});
