import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckRun } from '../../src/github/check-runs.js';
import { run } from '../../src/github/main.js';
import type { ReportClients } from '../../src/github/report-mode.js';
import type { OpenPullRequest } from '../../src/github/workflow-run.js';
import { pullRequestEvent, pushEvent, REPO, workflowRunEvent } from '../e2e/events.js';
import { fakeEngine, FakeIO, MemoryCache, MemoryComments, StatusError } from './fakes.js';

/**
 * `mode: report` with `results-file` on workflow_run (issue 17, point 4), through run() with in-memory ports: main
 * records a baseline, a fork PR's pull_request run writes its results document (mode: sweep, results-file), and the
 * workflow_run job reports from it on the PR the API finds from the run's head commit.
 */
const MAIN_SHA = 'a'.repeat(40);
const FORK_SHA = 'f'.repeat(40);
const FORK = 'contributor/Hello-World';
const MARK = '<!-- sweepgate:demo -->';
const INPUTS = { config: 'ml/sweep.yml', 'github-token': 'ghs_token', 'max-regression': '0.05' };
const REPORT = { ...INPUTS, mode: 'report', 'results-file': 'artifact/results.json' };

let ws: string;
let tmp: string;
let events = 0;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-report-'));
  ws = path.join(tmp, 'ws');
  await mkdir(path.join(ws, 'ml'), { recursive: true });
  await writeFile(path.join(ws, 'ml', 'sweep.yml'), 'name: demo\n');
  await data('0.3');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const data = (value: string): Promise<void> => writeFile(path.join(ws, 'ml', 'data.txt'), `${value}\n`);

async function env(event: string, payload: object, extra: Record<string, string>): Promise<Record<string, string>> {
  const file = path.join(tmp, `event-${++events}.json`);
  await writeFile(file, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: REPO.fullName,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: path.join(tmp, 'runner-temp'),
    GITHUB_SERVER_URL: 'https://github.com',
    ...extra,
  };
}

/** Issue comments that remember which PR they are on; checks and open PRs in memory. */
class World {
  cache = new MemoryCache();
  comments = new MemoryComments();
  commentedOn: number[] = [];
  checks: CheckRun[] = [];
  open: OpenPullRequest[] = [];
  pullsFail: Error | undefined;
  checksFail: Error | undefined;
  engine = fakeEngine();

  clients(): ReportClients {
    return {
      pulls: () => ({ open: () => this.openPulls() }),
      checks: () => ({
        create: async (c) => {
          if (this.checksFail) throw this.checksFail;
          this.checks.push(c);
          return { id: this.checks.length, url: `https://github.com/checks/${this.checks.length}` };
        },
      }),
    };
  }

  private async *openPulls(): AsyncIterable<readonly OpenPullRequest[]> {
    if (this.pullsFail) throw this.pullsFail;
    yield this.open;
  }

  async act(e: Record<string, string>, inputs: Record<string, string>): Promise<FakeIO> {
    const io = new FakeIO(inputs);
    const comments = this.comments;
    const commentedOn = this.commentedOn;
    const tracking = Object.assign(Object.create(comments) as MemoryComments, {
      create: async (issue: number, body: string) => {
        commentedOn.push(issue);
        return comments.create(issue, body);
      },
    });
    await run({
      io,
      env: e,
      cache: this.cache,
      comments: () => tracking,
      engine: this.engine,
      reportClients: this.clients(),
    });
    return io;
  }
}

const pushMain = (): Promise<Record<string, string>> =>
  env('push', pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }), {
    GITHUB_SHA: MAIN_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '100',
  });
const forkPr = (): Promise<Record<string, string>> =>
  env('pull_request', pullRequestEvent({ number: 7, baseSha: MAIN_SHA, headSha: FORK_SHA }), {
    GITHUB_SHA: 'e'.repeat(40), // the merge commit, which is not what workflow_run names
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: '200',
  });
const workflowRun = (over: Partial<Parameters<typeof workflowRunEvent>[0]> = {}): Promise<Record<string, string>> =>
  env('workflow_run', workflowRunEvent({ runId: 200, headSha: FORK_SHA, headRepo: FORK, conclusion: 'failure', ...over }), {
    GITHUB_SHA: MAIN_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '300',
  });

const THE_PR: OpenPullRequest = { number: 7, headSha: FORK_SHA, headRepo: FORK, baseRef: 'main', baseSha: MAIN_SHA };
const artifact = (): string => path.join(ws, 'artifact', 'results.json');

/** main's baseline, then the fork PR's sweep writing its results document (then the default branch is checked out again). */
async function forkRun(w: World, prData = '0.3'): Promise<Record<string, unknown>> {
  await w.act(await pushMain(), INPUTS);
  await data(prData);
  const sweep = await w.act(await forkPr(), { ...INPUTS, 'github-token': '', 'results-file': 'artifact/results.json' });
  expect(sweep.outputs.report).not.toBe('');
  await data('0.3');
  w.open = [{ ...THE_PR, number: 3, headSha: 'b'.repeat(40) }, THE_PR];
  return JSON.parse(await readFile(artifact(), 'utf8')) as Record<string, unknown>;
}

async function tamper(edit: (doc: Record<string, unknown>) => void): Promise<void> {
  const doc = JSON.parse(await readFile(artifact(), 'utf8')) as Record<string, unknown>;
  edit(doc);
  await writeFile(artifact(), JSON.stringify(doc));
}

describe('mode: sweep with results-file', () => {
  it('writes the results document with the PR it is for (number and head commit, not the merge commit)', async () => {
    const w = new World();
    const doc = await forkRun(w);
    expect(doc).toMatchObject({ sweep: 'demo', pullRequest: { number: 7, headSha: FORK_SHA }, best: { metrics: { val_loss: 0.3 } } });
    expect(doc.replay).toBeDefined();
  });
});

describe('mode: report on workflow_run', () => {
  it('finds the PR from the head commit, comments on it and creates a passing check on its head, sweeping nothing', async () => {
    const w = new World();
    await forkRun(w);
    const sweeps = w.engine.calls.length;
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.failed).toEqual([]);
    expect(io.warnings).toEqual([]);
    expect(w.engine.calls.length).toBe(sweeps);
    expect(w.commentedOn).toEqual([7]);
    expect(w.comments.comments).toHaveLength(1);
    const body = w.comments.comments[0]!.body;
    expect(body.startsWith(MARK)).toBe(true);
    expect(body).toContain('No regression');
    expect(body).toContain("from the pull request's run 200");
    expect(body).toContain('(https://github.com/Codertocat/Hello-World/actions/runs/200)');
    expect(w.checks).toEqual([
      {
        name: 'sweepgate / demo',
        headSha: FORK_SHA,
        conclusion: 'success',
        title: 'No regression',
        summary: body,
        detailsUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/300',
      },
    ]);
    expect(io.summaries).toEqual([body]);
    expect(io.outputs).toMatchObject({ regressed: 'false', 'best-metrics': '{"val_loss":0.3,"accuracy":0.7}' });
    expect(await readFile(io.outputs.report!, 'utf8')).toBe(body);
    expect(io.infos.join('\n')).toContain(`pull request #7 has the head commit ${FORK_SHA}`);
  });

  it('a regression fails the step and the check, and updates the one comment', async () => {
    const w = new World();
    await forkRun(w);
    await w.act(await workflowRun(), REPORT);
    await data('0.5');
    await w.act(await forkPr(), { ...INPUTS, 'github-token': '', 'results-file': 'artifact/results.json' });
    await data('0.3');
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.failed).toEqual([
      "sweepgate: gate failed: main's best config raises val_loss by 0.2 on this PR (3 seeds, the same on every seed), past the 0.05 gate",
    ]);
    expect(w.comments.comments).toHaveLength(1);
    expect(w.comments.comments[0]!.body).toContain('Regression');
    expect(w.checks.map((c) => c.conclusion)).toEqual(['success', 'failure']);
    expect(w.checks[1]!.title).toContain('gate failed');
    expect(io.outputs.regressed).toBe('true');
  });

  it('judges by the default branch’s gate, not the one the artifact carries', async () => {
    const w = new World();
    await forkRun(w, '0.5');
    await tamper((doc) => {
      doc.gate = [{ metric: 'val_loss', goal: 'minimize', threshold: { kind: 'absolute', value: 1000 }, alpha: 0.05 }];
    });
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.failed[0]).toContain('past the 0.05 gate');
    expect(w.checks[0]!.conclusion).toBe('failure');
  });

  it('refuses an artifact that names another PR than the one whose head the run tested: failed step, check and comment say so', async () => {
    const w = new World();
    await forkRun(w);
    await tamper((doc) => {
      doc.pullRequest = { number: 3, headSha: FORK_SHA };
    });
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.failed).toEqual([
      `sweepgate: the results artifact was refused: the document names pull request #3, but the run that uploaded it tested the head commit ${FORK_SHA} of pull request #7`,
    ]);
    expect(w.commentedOn).toEqual([7]);
    expect(w.comments.comments[0]!.body.startsWith(`${MARK}\n`)).toBe(true);
    expect(w.comments.comments[0]!.body).toContain('❌ **Refused**: the results this pull request’s run uploaded cannot be used');
    expect(w.checks).toMatchObject([{ conclusion: 'failure', headSha: FORK_SHA, title: 'The results artifact was refused' }]);
    expect(io.outputs.regressed).toBe('false');
  });

  it('refuses a document that breaks the results schema, quoting it only inside a code block', async () => {
    const w = new World();
    await forkRun(w);
    await tamper((doc) => {
      (doc.stats as Record<string, unknown>).stopReason = '@admin <!-- sweepgate:other --> <img src=x>';
    });
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.failed[0]).toContain('/stats/stopReason: must be equal to one of the allowed values');
    const body = w.comments.comments[0]!.body;
    expect(body).not.toContain('<!-- sweepgate:other');
    expect(body.split('```')[1]).toContain('@admin');
    expect(body.split('```')[0]).not.toContain('@admin');
    expect(body.split('```').at(-1)).not.toContain('@admin');
  });

  it("renders every string of the artifact inert: no mention, no other sweep's marker, no HTML, no workflow command", async () => {
    const w = new World();
    await forkRun(w);
    const evil =
      '@admin <!-- sweepgate:other --> <img src=x onerror=alert(1)>\n::set-output name=regressed::false\n#1 https://evil.example';
    await tamper((doc) => {
      doc.method = evil;
      doc.backend = evil;
      doc.backendChoice = evil;
      doc.createdAt = evil;
      const trials = doc.trials as Record<string, unknown>[];
      trials[0]!.params = { [evil]: evil, i: 0 };
      trials[1] = { ...trials[1]!, status: 'failed', metrics: {}, error: evil, cause: evil, reason: 'error' };
      const best = doc.best as Record<string, unknown>;
      best.params = { [evil]: evil, i: 0 };
    });
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.failed).toEqual([]);
    const body = w.comments.comments[0]!.body;
    expect(body).toContain('onerror=alert(1)'); // the text is shown...
    for (const shown of [body, w.checks[0]!.summary, io.summaries[0]!]) {
      // ...but inert: every @ is followed by a word joiner, no tag or marker survives, no line is a workflow command
      expect(shown).not.toMatch(/@(?!\u2060)/);
      expect(shown).not.toContain('<img');
      expect(shown).not.toContain('<!-- sweepgate:other');
      expect(shown.split('\n').filter((l) => l.startsWith('<!-- sweepgate:'))).toEqual([MARK]);
      expect(shown).not.toMatch(/^::set-output/m);
      expect(shown).not.toContain('https://evil.example');
    }
  });

  it('no open PR with that head: a warning and the summary, no comment and no check', async () => {
    const w = new World();
    await forkRun(w);
    w.open = [{ ...THE_PR, headSha: 'b'.repeat(40) }];
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.warnings.join('\n')).toContain(`no open pull request has the head commit ${FORK_SHA.slice(0, 12)} (${FORK}:patch-1)`);
    expect(w.comments.comments).toEqual([]);
    expect(w.checks).toEqual([]);
    expect(io.summaries[0]).toContain('No regression');
    expect(io.summaries[0]).toContain('no open pull request has the head commit');
    expect(io.failed).toEqual([]);
  });

  it('an API failure finding the PR, or creating the check, is a warning; the verdict still stands', async () => {
    const w = new World();
    await forkRun(w);
    w.pullsFail = new StatusError(502, 'Bad Gateway ghs_token');
    const io = await w.act(await workflowRun(), REPORT);
    expect(io.warnings.join('\n')).toContain('could not list the open pull requests (HTTP 502: Bad Gateway ***)');
    expect(w.comments.comments).toEqual([]);
    w.pullsFail = undefined;
    w.checksFail = new StatusError(403, 'Resource not accessible by integration');
    const io2 = await w.act(await workflowRun(), REPORT);
    expect(io2.warnings.join('\n')).toContain('give the workflow_run job `checks: write`');
    expect(w.comments.comments).toHaveLength(1);
    expect(io2.failed).toEqual([]);
  });

  it('never sweeps on workflow_run, and needs results-file', async () => {
    const w = new World();
    await forkRun(w);
    const calls = w.engine.calls.length;
    const sweep = await w.act(await workflowRun(), INPUTS);
    expect(sweep.failed[0]).toContain("on workflow_run sweepgate only reports a pull_request run's uploaded results");
    const noFile = await w.act(await workflowRun(), { ...INPUTS, mode: 'report' });
    expect(noFile.failed[0]).toContain("'mode: report' on workflow_run needs 'results-file'");
    expect(w.engine.calls.length).toBe(calls);
    expect(w.comments.comments).toEqual([]);
  });

  it('a requested run, or one a push triggered, has nothing to report', async () => {
    const w = new World();
    await forkRun(w);
    const io = await w.act(await workflowRun({ event: 'push' }), REPORT);
    expect(io.failed).toEqual([]);
    expect(io.warnings[0]).toContain("the triggering run was a 'push' run");
    expect(w.comments.comments).toEqual([]);
  });
});
