import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';
import { pullRequestEvent, pushEvent, REPO, workflowRunEvent } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';

/**
 * Fork PRs, safely (issue 17, point 4), with the committed dist/ as a runner runs it against the loopback GitHub API
 * and Actions cache: main records a baseline; the fork PR's `pull_request` run (read-only token) sweeps and writes
 * its results document for upload; the `workflow_run` job, in a checkout of the default branch, reports from the
 * "downloaded" document: finds PR #7 from the run's head commit, posts the sticky comment and a check run on the
 * PR's head. Then the artifact is tampered with, as the fork's own workflow could: each is refused or rendered inert.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const MAIN_SHA = '1'.repeat(40);
const FORK_SHA = '4'.repeat(40);
const OTHER_SHA = '5'.repeat(40);
const FORK = 'contributor/Hello-World';
const TOKEN = 'ghs_e2e_installation_token';
const RUNTIME_TOKEN = 'runtime-token-e2e';
const MARKER = '<!-- sweepgate:e2e-linear -->';
const PR = 7;
const RESULTS = 'sweepgate-results/results.json';

let root: string;
let actionDir: string;
/** The fork PR's checkout (its pull_request run) and the default branch's (the workflow_run job). */
let prWorkspace: string;
let mainWorkspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;
/** The document the PR's run wrote, as actions/upload-artifact would carry it. */
let uploaded: string;

const INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '10%' };
const REPORT = { ...INPUTS, mode: 'report', 'results-file': `artifact/${RESULTS}` };

async function act(
  workspace: string,
  event: { name: string; payload: object },
  env: { sha: string; ref: string },
  inputs: Record<string, string>,
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
      GITHUB_RUN_ID: String(9100 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    },
  });
}

/** The workflow_run job: the artifact downloaded into the default branch's checkout, then sweepgate `mode: report`. */
async function report(artifact: string, headSha = FORK_SHA): Promise<ActionRun> {
  await rm(path.join(mainWorkspace, 'artifact'), { recursive: true, force: true });
  await mkdir(path.dirname(path.join(mainWorkspace, 'artifact', RESULTS)), { recursive: true });
  await writeFile(path.join(mainWorkspace, 'artifact', RESULTS), artifact);
  return act(
    mainWorkspace,
    {
      name: 'workflow_run',
      payload: workflowRunEvent({ runId: 9102, headSha, headRepo: FORK, headBranch: 'patch-1', conclusion: 'success' }),
    },
    { sha: MAIN_SHA, ref: 'refs/heads/main' },
    REPORT,
  );
}

function tampered(edit: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(uploaded) as Record<string, unknown>;
  edit(doc);
  return JSON.stringify(doc);
}

const ours = (): ReturnType<FakeGitHub['comments']> =>
  gh.comments(REPO.owner, REPO.repo, PR).filter((c) => c.user.login === ACTIONS_BOT.login);
const checks = (): ReturnType<FakeGitHub['checkRuns']> => gh.checkRuns(REPO.owner, REPO.repo);
const explain = (r: ActionRun): string => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
/** Lines the runner would read as workflow commands, other than the toolkit's own warnings, errors, masks and debug lines. */
const commandLines = (r: ActionRun): string[] =>
  r.stdout.split('\n').filter((l) => l.startsWith('::') && !/^::(warning|error|add-mask|debug)(\s[^:]*)?::/.test(l));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-e2e-wr-'));
  actionDir = path.join(root, 'action');
  prWorkspace = path.join(root, 'work', 'pr', 'Hello-World');
  mainWorkspace = path.join(root, 'work', 'main', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  for (const ws of [prWorkspace, mainWorkspace])
    await cp(FIXTURE, path.join(ws, 'ml'), { recursive: true, filter: (src) => !src.includes('.sweepgate') });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } }, maxPerPage: 2 });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
  // Other open PRs on the first pages: the lookup must page to find #7 by its head commit, and take nothing else.
  gh.addPullRequest(REPO.owner, REPO.repo, {
    number: PR,
    headSha: FORK_SHA,
    headRepo: FORK,
    headRef: 'patch-1',
    baseRef: 'main',
    baseSha: MAIN_SHA,
  });
  gh.addPullRequest(REPO.owner, REPO.repo, {
    number: 8,
    headSha: OTHER_SHA,
    headRepo: REPO.fullName,
    headRef: 'x',
    baseRef: 'main',
    baseSha: MAIN_SHA,
  });
  gh.addPullRequest(REPO.owner, REPO.repo, {
    number: 9,
    headSha: FORK_SHA,
    headRepo: 'someone/Hello-World',
    headRef: 'copy',
    baseRef: 'main',
    baseSha: MAIN_SHA,
  });
});

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a fork PR through pull_request + workflow_run, as the runner runs it', () => {
  it('main records the baseline', async () => {
    const r = await act(
      mainWorkspace,
      { name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }) },
      { sha: MAIN_SHA, ref: 'refs/heads/main' },
      INPUTS,
    );
    expect(r.code, explain(r)).toBe(0);
    expect(cache.keys().some((k) => k.includes('baseline'))).toBe(true);
  });

  it('the fork PR’s pull_request run (read-only token) sweeps and writes its results document for upload', async () => {
    gh.forbidWrites = true;
    try {
      const r = await act(
        prWorkspace,
        { name: 'pull_request', payload: pullRequestEvent({ number: PR, baseSha: MAIN_SHA, headSha: FORK_SHA }) },
        { sha: '6'.repeat(40), ref: `refs/pull/${PR}/merge` },
        { ...INPUTS, 'results-file': RESULTS },
      );
      expect(r.code, explain(r)).toBe(0);
      expect(r.warnings.join('\n')).toContain('could not post the PR comment (HTTP 403');
    } finally {
      gh.forbidWrites = false;
    }
    uploaded = await readFile(path.join(prWorkspace, RESULTS), 'utf8');
    expect(JSON.parse(uploaded)).toMatchObject({ sweep: 'e2e-linear', pullRequest: { number: PR, headSha: FORK_SHA } });
    expect(ours()).toEqual([]);
  });

  it('the workflow_run job finds PR #7 from the head commit, comments on it and creates a passing check on its head', async () => {
    const r = await report(uploaded);
    expect(r.code, explain(r)).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(r.stdout).not.toContain('trials ('); // no sweep ran here
    const mine = ours();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(mine[0]!.body).toContain('No regression');
    expect(mine[0]!.body).toContain('(https://github.com/Codertocat/Hello-World/actions/runs/9102)');
    expect(gh.comments(REPO.owner, REPO.repo, 9)).toEqual([]);
    expect(checks()).toHaveLength(1);
    expect(checks()[0]!.body).toMatchObject({
      name: 'sweepgate / e2e-linear',
      head_sha: FORK_SHA,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'No regression', summary: mine[0]!.body },
    });
    expect(r.summary).toBe(mine[0]!.body);
    expect(r.outputs.regressed).toBe('false');
    // The open PRs were listed through Link pagination (2 per page on this server).
    expect(gh.seen.filter((s) => s.method === 'GET' && s.path.includes('/pulls?')).length).toBeGreaterThanOrEqual(2);
  });

  it('a document that breaks the results schema is refused: failed step and check, the comment says why', async () => {
    const r = await report(tampered((d) => ((d.trials as Record<string, unknown>[])[0]!.status = 'excellent')));
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toContain('/trials/0/status: must be equal to one of the allowed values');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain('❌ **Refused**: the results this pull request’s run uploaded cannot be used');
    expect(checks().at(-1)!.body).toMatchObject({ conclusion: 'failure', head_sha: FORK_SHA });
  });

  it('a document naming another PR than the one whose head the run tested is refused and says so', async () => {
    const r = await report(tampered((d) => (d.pullRequest = { number: 8, headSha: FORK_SHA })));
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toContain(
      `the document names pull request #8, but the run that uploaded it tested the head commit ${FORK_SHA} of pull request #${PR}`,
    );
    expect(gh.comments(REPO.owner, REPO.repo, 8)).toEqual([]);
    expect(ours()[0]!.body).toContain('names pull request #8');
    expect(checks().at(-1)!.body).toMatchObject({
      conclusion: 'failure',
      head_sha: FORK_SHA,
      output: { title: 'The results artifact was refused' },
    });
  });

  it(`a document past the size cap is refused unread`, async () => {
    const r = await report(tampered((d) => (d.padding = 'x'.repeat(10 * 1024 * 1024))));
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toMatch(/bytes, past the 10485760-byte cap/);
    expect(checks().at(-1)!.body).toMatchObject({ conclusion: 'failure' });
  });

  it('an injected mention, marker, HTML and workflow command are shown inert in the comment, the check and the log', async () => {
    const evil = '@admin <!-- sweepgate:other --> <img src=x>\n::set-output name=regressed::false\n::add-mask::x';
    const r = await report(
      tampered((d) => {
        d.method = evil;
        d.backend = evil;
        const trials = d.trials as Record<string, unknown>[];
        trials[0]!.params = { ...(trials[0]!.params as object), [evil]: evil };
        trials[1] = { ...trials[1]!, status: 'failed', metrics: {}, error: evil, cause: evil, reason: 'error' };
      }),
    );
    expect(r.code, explain(r)).toBe(0);
    const body = ours()[0]!.body;
    expect(body).toContain('No regression');
    expect(body).toContain('sweepgate:other'); // shown...
    for (const shown of [body, String((checks().at(-1)!.body.output as Record<string, unknown>).summary), r.summary]) {
      expect(shown).not.toMatch(/@(?!\u2060)/); // ...but mentions nobody
      expect(shown).not.toContain('<img');
      expect(shown).not.toContain('<!-- sweepgate:other');
      expect(shown.split('\n').filter((l) => l.startsWith('<!-- sweepgate:'))).toEqual([MARKER]);
    }
    expect(commandLines(r)).toEqual([]);
    expect(r.stdout).not.toMatch(/^::add-mask::x$/m);
    expect(r.outputs.regressed).toBe('false');
  });

  it('a head commit no open PR has: a warning and the summary, no comment and no check', async () => {
    const before = { comments: ours().map((c) => c.body), checks: checks().length };
    const r = await report(uploaded, '9'.repeat(40));
    expect(r.code, explain(r)).toBe(0);
    expect(r.warnings.join('\n')).toContain(`no open pull request has the head commit ${'9'.repeat(12)} (${FORK}:patch-1)`);
    expect(r.summary).toContain('No regression');
    expect(ours().map((c) => c.body)).toEqual(before.comments);
    expect(checks()).toHaveLength(before.checks);
  });
});
