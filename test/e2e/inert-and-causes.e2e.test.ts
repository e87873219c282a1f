import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';
import { pullRequestEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';

/**
 * Issue #20, points 6 and 7, on the committed dist/ against the loopback GitHub and cache: a PR's names cannot
 * spoof another sweep's sticky comment, link anything or push the verdict out of the comment; and a program that
 * fails on import says why, with the count, in the step's failure and the comment.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'ghs_e2e_inert_token';
const RUNTIME_TOKEN = 'runtime-token-inert';
const MAIN_SHA = 'a'.repeat(40);
const PR = 7;
const OTHER_MARKER = '<!-- sweepgate:e2e-other -->';
const HUGE_NAME = `e2e-huge-${'n'.repeat(40_000)}`;

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;

/** One sweep folder of the workspace: its config and files. */
async function sweep(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(path.join(workspace, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(workspace, dir, name);
    await writeFile(file, text);
    if (name.endsWith('.sh') || name.endsWith('.py')) await chmod(file, 0o755);
  }
}

function pullRequest(config: string, sha: string): Promise<ActionRun> {
  runs++;
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event: { name: 'pull_request', payload: pullRequestEvent({ number: PR, baseSha: MAIN_SHA, headSha: sha }) },
    inputs: { config, 'github-token': TOKEN },
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: `refs/pull/${PR}/merge`,
      GITHUB_RUN_ID: String(7000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    },
  });
}

const comments = (): ReturnType<FakeGitHub['comments']> => gh.comments(REPO.owner, REPO.repo, PR);
const headedBy = (marker: string) => comments().filter((c) => c.body.startsWith(`${marker}\n`));

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`;
}

const REPORT_LOSS = '#!/bin/sh\necho \'{"loss": 0.5}\'\n';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-e2e-inert-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  // A parameter named as another sweep's marker, and values that would link, mention or reference an issue.
  await sweep('marker', {
    'sweep.yml': [
      'name: e2e-marker',
      'method: grid',
      'metric: {name: loss, goal: minimize}',
      'program: train.sh',
      'parameters:',
      `  "${OTHER_MARKER}":`,
      '    values: ["https://evil.example/x", "www.evil.example", "fixes #1 @octocat"]',
      '',
    ].join('\n'),
    'train.sh': REPORT_LOSS,
  });
  await sweep('huge', {
    'sweep.yml': `name: ${HUGE_NAME}\nmethod: grid\nmetric: {name: loss, goal: minimize}\nprogram: train.sh\nparameters:\n  x: {values: [1, 2]}\n`,
    'train.sh': REPORT_LOSS,
  });
  // The most common first failure: the program's Python cannot import what it needs.
  await sweep('py', {
    'sweep.yml': [
      'name: e2e-py',
      'method: grid',
      'metric: {name: loss, goal: minimize}',
      'program: train.py',
      'command: [/usr/bin/python3, "${program}", "${args}"]',
      'parameters:',
      '  lr: {values: [0.1, 0.01, 0.001]}',
      '',
    ].join('\n'),
    'train.py': 'import sys\nprint("loading", file=sys.stderr)\nimport sweepgate_e2e_torch\nprint(\'{"loss": 0.5}\')\n',
  });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } } });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
  // Another sweep's sticky comment, already on the PR: no report of this PR may be taken for it.
  gh.addComment(REPO.owner, REPO.repo, PR, ACTIONS_BOT, `${OTHER_MARKER}\nthe other sweep's report`);
}, 60_000);

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the comment is inert and a failure says why (committed dist/)', () => {
  it("a parameter named as another sweep's marker is escaped everywhere, and that sweep's comment is left alone", async () => {
    const r = await pullRequest('marker/sweep.yml', 'b'.repeat(40));
    const mine = headedBy('<!-- sweepgate:e2e-marker -->');
    expect(mine, explain(r)).toHaveLength(1);
    const body = mine[0]!.body;
    expect(body.match(/<!--/g)).toHaveLength(1); // its own marker, nowhere another, not even in a code block
    expect(body).toContain('&lt;!-- sweepgate:e2e-other --&gt;');
    // No bare URL, www. host, mention or issue reference is left whole to be linked.
    expect(body).toContain('https:\u2060//evil.example/x');
    expect(body).not.toMatch(/https:\/\/evil|(?<![a-z0-9])www\.evil|@octocat|#1\b/);
    expect(headedBy(OTHER_MARKER).map((c) => c.body)).toEqual([`${OTHER_MARKER}\nthe other sweep's report`]);
  }, 60_000);

  it('a 40,000-character sweep name leaves the verdict whole, right after the title, in a comment under the cap', async () => {
    const r = await pullRequest('huge/sweep.yml', 'c'.repeat(40));
    const huge = comments().filter((c) => c.body.startsWith('<!-- sweepgate:e2e-huge-'));
    expect(huge, explain(r)).toHaveLength(1);
    const body = huge[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    const [marker, title, verdict] = body.split('\n\n');
    expect(marker!.length).toBeLessThan(120);
    expect(title).toMatch(/^### sweepgate: e2e-huge-n+…$/);
    expect(title!.length).toBeLessThan(200);
    expect(verdict).toMatch(/^(✅|❌) \*\*[^*]+\*\*/);
    expect(verdict).toContain('best loss = **0.5** over 2 trials');
    expect(Math.max(...[...body.matchAll(/n+/g)].map((m) => m[0].length))).toBeLessThanOrEqual(200);
  }, 60_000);

  it('a Python program that cannot import fails the step with the count and the cause, and the comment shows its traceback', async () => {
    const r = await pullRequest('py/sweep.yml', 'd'.repeat(40));
    const verdict = "3 of 3 trials failed: ModuleNotFoundError: No module named 'sweepgate_e2e_torch'";
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors).toContain(`sweepgate: ${verdict}`);
    const mine = headedBy('<!-- sweepgate:e2e-py -->');
    expect(mine).toHaveLength(1);
    const body = mine[0]!.body;
    expect(body).toContain(`❌ **No trial finished**: ${verdict}\n`);
    // One fold for the one cause, with one trial's command line and the last lines of its stderr.
    expect(body.match(/<details><summary>3 trials/g)).toHaveLength(1);
    expect(body).toMatch(
      /<summary>3 trials \(first: trial 1\): ModuleNotFoundError: No module named 'sweepgate_e2e_torch'<\/summary>\n\nTrial 1: <code>\/usr\/bin\/python3 train\.py --lr=0\.1 exited with status 1<\/code>, the last lines of its stderr:\n\n```\nloading\nTraceback \(most recent call last\):\n/,
    );
    expect(body).toContain("    import sweepgate_e2e_torch\nModuleNotFoundError: No module named 'sweepgate_e2e_torch'\n```\n\n</details>");
  }, 60_000);
});
