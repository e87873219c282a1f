import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';
import { listen } from './servers/http.js';
import { pullRequestEvent, pushEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';
import { keySafe } from '../../src/storage/actions-cache/cache-client.js';

/**
 * The committed dist/ run exactly as a runner runs it (DESIGN.md §5), against loopback servers for the
 * GitHub REST API and the v1 Actions cache service. Scenarios share one repository history:
 * main records a baseline → an unchanged PR trains nothing and comments → a worse PR fails and updates
 * the comment → a read-only token still gates → no cache service still gives the same verdict.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const MAIN_SHA = '1'.repeat(40);
const PR_CLEAN_SHA = '2'.repeat(40);
const PR_WORSE_SHA = '3'.repeat(40);
const TOKEN = 'ghs_e2e_installation_token';
const RUNTIME_TOKEN = 'runtime-token-e2e';
const MARKER = '<!-- sweepgate:e2e-linear -->';
const ALICE = { login: 'alice', id: 2, type: 'User' as const };

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;

const INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '10%' };

async function act(
  event: { name: string; payload: object },
  env: { sha: string; ref: string; cacheUrl?: string },
  inputs: Record<string, string> = INPUTS,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  runs++;
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event,
    inputs,
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: env.sha,
      GITHUB_REF: env.ref,
      GITHUB_RUN_ID: String(9000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: env.cacheUrl ?? cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      ...extraEnv,
    },
  });
}

const pushMain = (): Promise<ActionRun> =>
  act({ name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }) }, { sha: MAIN_SHA, ref: 'refs/heads/main' });

const pullRequest = (sha: string, cacheUrl?: string, inputs: Record<string, string> = INPUTS): Promise<ActionRun> =>
  act(
    { name: 'pull_request', payload: pullRequestEvent({ number: 2, baseSha: MAIN_SHA, headSha: sha }) },
    { sha, ref: 'refs/pull/2/merge', ...(cacheUrl ? { cacheUrl } : {}) },
    inputs,
  );

async function useData(file: 'data.csv' | 'data-noisy.csv'): Promise<void> {
  await cp(path.join(FIXTURE, file), path.join(workspace, 'ml', 'data.csv'));
}

const comments = (): ReturnType<FakeGitHub['comments']> => gh.comments(REPO.owner, REPO.repo, 2);
const ours = (): ReturnType<FakeGitHub['comments']> => comments().filter((c) => c.user.login === ACTIONS_BOT.login);

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-e2e-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  await cp(FIXTURE, path.join(workspace, 'ml'), { recursive: true, filter: (src) => !src.includes('.sweepgate') });
  await cp(path.join(ROOT, 'test/e2e/fixture-hostile'), path.join(workspace, 'ml-hostile'), { recursive: true });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } }, maxPerPage: 2 });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
  // Conversation before sweepgate's first comment: a human quoting the marker must never be taken over,
  // and the bot's own comment sits past the first page.
  gh.addComment(REPO.owner, REPO.repo, 2, ALICE, 'LGTM once the sweep passes');
  gh.addComment(REPO.owner, REPO.repo, 2, ALICE, `copying the bot: ${MARKER} hmm`);
  gh.addComment(REPO.owner, REPO.repo, 2, ALICE, 'one more');
});

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the action, run as the runner runs it', () => {
  let cleanPr: ActionRun;

  it('push to main records the baseline and the trials in the Actions cache', async () => {
    const r = await pushMain();
    expect(r.code, explain(r)).toBe(0);
    expect(cache.keys()).toEqual([
      `sweepgate-v2-trials-${keySafe('e2e-linear')}-${MAIN_SHA}-9001-1`,
      `sweepgate-v2-baseline-${keySafe('e2e-linear')}-${MAIN_SHA}`,
    ]);
    // Chunks went up with Content-Range and were committed with the right size (the fake checks both).
    expect(cache.seen.some((s) => s.method === 'PATCH' && /^bytes 0-\d+\/\*$/.test(String(s.headers['content-range'])))).toBe(true);
    expect(r.summary).toContain(MARKER);
    expect(r.summary).toContain('baseline on main');
    // No node_modules anywhere, so tfjs-node cannot resolve: `auto` must land on the WASM binaries shipped in dist/.
    expect(r.summary).toContain('**Backend**: wasm');
    expect(JSON.parse(r.outputs['best-params']!)).toEqual({ w: 2, b: 1 });
    expect(JSON.parse(r.outputs['best-metrics']!).val_loss).toBeLessThan(0.01);
    expect(r.outputs.regressed).toBe('false');
    expect(r.outputs.report).toMatch(/e2e_linear\.[0-9a-f]{16}-report\.md$/);
    expect(ours()).toEqual([]); // a push never comments
  });

  it('an unchanged PR restores main’s trials (trains nothing), comments once and passes', async () => {
    await rm(path.join(workspace, 'ml', '.sweepgate'), { recursive: true, force: true }); // a fresh runner
    const before = cache.keys();
    cleanPr = await pullRequest(PR_CLEAN_SHA);
    const r = cleanPr;
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain('6 trials (0 trained, 6 cached)');
    expect(r.warnings).toEqual([]);
    expect(cache.keys()).toEqual(before); // nothing trained → nothing saved; a PR never saves a baseline
    const mine = ours();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.startsWith(MARKER)).toBe(true);
    expect(mine[0]!.body).toContain('No regression');
    expect(mine[0]!.body).toContain(
      '**Gate: main’s best config, replayed on this PR** (3 of 10 seeds, paired seed by seed, all from the cache)',
    );
    expect(mine[0]!.body).toContain('exactly as on main');
    expect(comments()[1]!.body).toBe(`copying the bot: ${MARKER} hmm`); // the human's comment is untouched
    expect(r.summary).toBe(mine[0]!.body);
    expect(r.outputs.regressed).toBe('false');
    // The comments were listed through Link pagination (2 per page on this server).
    expect(gh.seen.filter((s) => s.method === 'GET' && s.path.includes('/issues/2/comments')).length).toBeGreaterThanOrEqual(2);
  });

  it('a reseeded PR searches anew but replays main’s champion from the cache, and passes', async () => {
    const r = await act(
      { name: 'pull_request', payload: pullRequestEvent({ number: 2, baseSha: MAIN_SHA, headSha: PR_CLEAN_SHA }) },
      { sha: PR_CLEAN_SHA, ref: 'refs/pull/2/merge' },
      { ...INPUTS, seed: '99' },
    );
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs.regressed).toBe('false');
    expect(r.summary).toContain("✅ **No regression**: main's best config scores val_loss");
    // Main's own runs, from the cache: identical, so clearly within the gate at the first look (issue 21).
    expect(r.summary).toContain('main’s best params on 3 of main’s 10 seeds (0 trained, 3 from the cache)');
  });

  it('a PR whose data makes the model worse fails the gate and updates the same comment', async () => {
    await useData('data-noisy.csv');
    const r = await pullRequest(PR_WORSE_SHA);
    expect(r.code, explain(r)).toBe(1);
    const failure = r.errors.find((e) => e.includes('gate failed'));
    expect(failure, explain(r)).toMatch(
      /main's best config raises val_loss by [\d.]+ on this PR \(3 seeds, 95% CI [\d.]+ to [\d.]+, p [<=] [\d.]+\); decided after 3 of 10 seeds: clearly past the 10% threshold/,
    );
    expect(r.stdout).toContain('6 trials (6 trained, 0 cached)');
    const mine = ours();
    expect(mine).toHaveLength(1); // updated, not duplicated
    expect(mine[0]!.body).toContain("❌ **Regression**: main's best config raises val_loss by");
    expect(mine[0]!.body).toMatch(
      /\| val_loss ↓ \| +[\d.]+ \| +[\d.]+ \| +\+[\d.]+ \(\+[\d.]+ to \+[\d.]+\) \| ❌ regressed \(≤ 10% worse, p [<=] [\d.]+\) +\|/,
    );
    expect(comments()).toHaveLength(4);
    expect(r.outputs.regressed).toBe('true');
    expect(r.summary).toContain('Regression');
    // The PR's new trials are kept for its next push; main's baseline is untouched.
    expect(cache.keys().filter((k) => k.startsWith(`sweepgate-v2-trials-${keySafe('e2e-linear')}-${PR_WORSE_SHA}-`))).toHaveLength(1);
    expect(cache.keys().filter((k) => k.includes('baseline'))).toEqual([`sweepgate-v2-baseline-${keySafe('e2e-linear')}-${MAIN_SHA}`]);
  });

  it('a 403 on comments (read-only token) is a warning: the summary is written and the gate still fails', async () => {
    gh.forbidWrites = true;
    try {
      const bodyBefore = ours()[0]!.body;
      const r = await pullRequest(PR_WORSE_SHA);
      expect(r.code, explain(r)).toBe(1);
      expect(r.warnings.some((w) => w.includes('could not post the PR comment (HTTP 403'))).toBe(true);
      expect(r.errors.some((e) => e.includes('gate failed'))).toBe(true);
      expect(r.summary).toContain('Regression');
      expect(r.summary).toContain(MARKER);
      expect(ours()[0]!.body).toBe(bodyBefore);
      expect(r.outputs.regressed).toBe('true');
    } finally {
      gh.forbidWrites = false;
    }
  });

  it('with the cache service down: warnings, everything trained again, and a PR that cannot compare fails saying why', async () => {
    await useData('data.csv');
    await rm(path.join(workspace, 'ml', '.sweepgate'), { recursive: true, force: true });
    const closed = await listen(() => undefined);
    const deadUrl = `${closed.url}/`;
    await closed.close(); // connection refused from here on
    // @actions/cache retries each call once after 5 s: two restores (in parallel) and one save ≈ 20 s.
    const r = await pullRequest(PR_CLEAN_SHA, deadUrl);
    expect(r.code, explain(r)).toBe(1);
    expect(
      r.warnings.some((w) => /Failed to restore|could not restore/.test(w)),
      explain(r),
    ).toBe(true);
    expect(
      r.warnings.some((w) => /Failed to save|not saved|could not save/.test(w)),
      explain(r),
    ).toBe(true);
    expect(r.stdout).toContain('6 trials (6 trained, 0 cached)');
    expect(r.outputs['best-params']).toBe(cleanPr.outputs['best-params']);
    expect(r.outputs['best-metrics']).toBe(cleanPr.outputs['best-metrics']);
    expect(r.outputs.regressed).toBe('false');
    expect(r.errors).toEqual([
      // @actions/cache turns a refused connection into a miss (with its 'Failed to restore' warning above).
      expect.stringMatching(
        /^sweepgate: no baseline: Sweep 'e2e-linear' has no baseline to compare with: no baseline in the Actions cache/,
      ),
    ]);
  }, 60_000);

  it('a 502 from the API, then success: retried, the comment is updated, nothing is warned', async () => {
    gh.fail({ status: 502, method: 'PATCH', message: 'Bad Gateway' });
    const patches = gh.seen.filter((s) => s.method === 'PATCH').length;
    const r = await pullRequest(PR_CLEAN_SHA);
    expect(r.code, explain(r)).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(gh.seen.filter((s) => s.method === 'PATCH').length - patches).toBe(2);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain('No regression');
  });

  it('a trial that hangs (with a background process) is stopped by trial_timeout; hostile values cannot break or spoof the comment', async () => {
    const t0 = Date.now();
    // A sweep of its own with no baseline: 'missing-baseline: pass' lets it through to the comment.
    const r = await pullRequest(PR_CLEAN_SHA.replace(/2/g, '4'), undefined, {
      ...INPUTS,
      config: 'ml-hostile/sweep.yml',
      'missing-baseline': 'pass',
    });
    expect(r.code, explain(r)).toBe(0);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.summary).toContain('TrialTimeoutError: ran past trial_timeout (1 s) and was stopped, with every process it started');
    const hostile = comments().filter((c) => c.body.startsWith('<!-- sweepgate:e2e-hostile -->'));
    expect(hostile).toHaveLength(1);
    const body = hostile[0]!.body;
    expect(body.match(/<!--/g)).toHaveLength(1); // its own marker only: the value's fake one is escaped
    expect(body).not.toMatch(/<img|@octocat/);
    expect(body).toContain('@\u2060octocat');
    expect(body.match(/<\/details>/g)).toHaveLength(2); // the top trials, and the timeout's cause folded with its error
    expect(body.match(/<details>/g)).toHaveLength(2);
    // the other sweep's sticky comment was neither taken over nor touched
    expect(ours().filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
    expect(JSON.parse(r.outputs['best-params']!)).toEqual({ mode: 'relu|<img src=x>@octocat </details> <!-- sweepgate:e2e-linear -->' });
  }, 60_000);

  /** A runner's npm, stood in for by a script: tfjs-node's real install downloads libtensorflow. */
  async function npmOnPath(name: string, script: string): Promise<string> {
    const bin = path.join(root, name);
    await mkdir(bin, { recursive: true });
    writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(bin, 'npm'), 0o755);
    return `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`;
  }
  // A seed of its own each time, so trials are trained (a cached trial of a module objective names no backend).
  const tensorflowPr = (seed: number, extraEnv: Record<string, string>): Promise<ActionRun> =>
    act(
      { name: 'pull_request', payload: pullRequestEvent({ number: 2, baseSha: MAIN_SHA, headSha: PR_CLEAN_SHA }) },
      { sha: PR_CLEAN_SHA, ref: 'refs/pull/2/merge' },
      { ...INPUTS, backend: 'tensorflow', seed: String(seed) },
      extraEnv,
    );

  it.skipIf(process.platform === 'win32')(
    "'backend: tensorflow' where npm cannot install tfjs-node: one warning naming the cause, and the run goes on on WASM",
    async () => {
      const PATH = await npmOnPath('npm-fails', 'echo "npm ERR! code ECONNRESET" >&2; echo "npm ERR! network aborted" >&2; exit 1');
      const r = await tensorflowPr(501, { PATH, RUNNER_TOOL_CACHE: path.join(root, 'toolcache-fails') });
      expect(r.code, explain(r)).toBe(0);
      expect(r.warnings).toEqual([
        'native TensorFlow: could not install @tensorflow/tfjs-node 4.22.0 (npm install @tensorflow/tfjs-node@4.22.0 exited with code 1: npm ERR! code ECONNRESET / npm ERR! network aborted); going on without it (WASM)',
      ]);
      expect(r.stdout).toMatch(/6 trials \(6 trained, 0 cached\), backend wasm/);
      expect(r.summary).toContain('could not install @\u2060tensorflow/tfjs-node 4.22.0'); // a mention neutralised: it names a GitHub team
      expect(r.outputs.regressed).toBe('false');
      expect(cache.keys().some((k) => k.startsWith('sweepgate-tfjs-node-'))).toBe(false);
    },
    60_000,
  );

  // The real thing where this machine has a tfjs-node build (.ci/run makes one): the stand-in npm "installs" it by
  // linking the build in, the Actions cache keeps it, and a fresh runner restores it instead of installing.
  const BUILD = process.env.SWEEPGATE_TFJS_NODE_DIR ?? path.join(os.homedir(), '.cache', 'sweepgate-tfjs-node');
  const built = existsSync(path.join(BUILD, 'node_modules', '@tensorflow', 'tfjs-node', 'lib', 'napi-v8', 'tfjs_binding.node'));
  it.skipIf(!built || process.platform === 'win32')(
    `'backend: tensorflow' provisions tfjs-node into the tool cache, saves it, and a fresh runner restores it${built ? '' : ` (skipped: no tfjs-node build in ${BUILD})`}`,
    async () => {
      const toolCache = path.join(root, 'toolcache');
      const installs = path.join(root, 'npm-installs.log');
      const linking = await npmOnPath('npm-links', `echo "$@" >> "${installs}"; ln -s "${BUILD}/node_modules" "$3/node_modules"`);
      const first = await tensorflowPr(502, { PATH: linking, RUNNER_TOOL_CACHE: toolCache });
      expect(first.code, explain(first)).toBe(0);
      expect(first.warnings, explain(first)).toEqual([]);
      expect(first.stdout).toMatch(/6 trials \(6 trained, 0 cached\), backend tensorflow/);
      expect(first.stdout).toMatch(
        /native TensorFlow: installing @tensorflow\/tfjs-node 4\.22\.0 into .*toolcache.*'backend: tensorflow' was asked for/,
      );
      const key = cache.keys().find((k) => k.startsWith('sweepgate-tfjs-node-4.22.0-'));
      expect(key).toBe(`sweepgate-tfjs-node-4.22.0-${process.platform}-${process.arch}-abi${process.versions.modules}`);

      // A fresh hosted runner: empty tool cache (same path), and an npm that would fail if it were called.
      await rm(toolCache, { recursive: true, force: true });
      const failing = await npmOnPath('npm-unused', 'echo "npm must not run" >&2; exit 1');
      const second = await tensorflowPr(503, { PATH: failing, RUNNER_TOOL_CACHE: toolCache });
      expect(second.code, explain(second)).toBe(0);
      expect(second.warnings, explain(second)).toEqual([]);
      expect(second.stdout).toContain(`native TensorFlow: @tensorflow/tfjs-node 4.22.0 restored from cache entry ${key}`);
      expect(second.stdout).toMatch(/6 trials \(6 trained, 0 cached\), backend tensorflow/);
      expect((await readFile(installs, 'utf8')).trim().split('\n')).toHaveLength(1);
    },
    120_000,
  );
});
