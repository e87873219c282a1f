import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFor, readRunContext, runUrl, RunContextError } from '../../src/github/context.js';
import { pullRequestEvent, pushEvent, workflowRunEvent } from '../e2e/events.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sg-ctx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function eventFile(payload: unknown, name = 'event.json'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return file;
}

describe('readRunContext', () => {
  it('reads a real pull_request payload: number, base commit, default branch', async () => {
    const file = await eventFile(pullRequestEvent({ number: 17, baseSha: 'base1', headSha: 'head1', defaultBranch: 'trunk' }));
    const ctx = readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '5',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_WORKSPACE: dir,
    });
    expect(ctx).toMatchObject({
      eventName: 'pull_request',
      owner: 'o',
      repo: 'r',
      defaultBranch: 'trunk',
      workspace: dir,
      pullRequest: { number: 17, baseSha: 'base1', headSha: 'head1', baseRef: 'trunk' },
    });
    expect(runUrl(ctx)).toBe('https://github.com/o/r/actions/runs/5/attempts/2');
    expect(planFor(ctx, undefined)).toEqual({ kind: 'pull-request', number: 17, baseSha: 'base1' });
  });

  it('falls back to the payload for the repository name', async () => {
    const file = await eventFile(pushEvent({ ref: 'refs/heads/main', sha: 'x' }));
    expect(readRunContext({ GITHUB_EVENT_PATH: file })).toMatchObject({ owner: 'Codertocat', repo: 'Hello-World' });
  });

  it('says what is wrong with the runner environment', async () => {
    expect(() => readRunContext({})).toThrow(RunContextError);
    expect(() => readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: path.join(dir, 'nope.json') })).toThrow(/cannot be read/);
    expect(() => readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: '' })).not.toThrow();
    const bad = await eventFile('{oops', 'bad.json');
    expect(() => readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: bad })).toThrow(/not JSON/);
    const ctx = readRunContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'pull_request' });
    expect(() => planFor(ctx, undefined)).toThrow(/pull_request\.number/);
  });
});

describe('planFor', () => {
  const ctx = (eventName: string, ref: string, defaultBranch?: string) =>
    ({
      eventName,
      ref,
      owner: 'o',
      repo: 'r',
      sha: 's',
      runId: '1',
      runAttempt: '1',
      serverUrl: 'https://github.com',
      workspace: '/w',
      runnerTemp: '/t',
      defaultBranch,
    }) as const;

  it('a push to the default branch (or baseline-branch) records the baseline; other pushes only sweep', () => {
    expect(planFor(ctx('push', 'refs/heads/main', 'main'), undefined)).toEqual({ kind: 'baseline', branch: 'main' });
    expect(planFor(ctx('push', 'refs/heads/dev', 'main'), 'dev')).toEqual({ kind: 'baseline', branch: 'dev' });
    expect(planFor(ctx('push', 'refs/heads/main', 'main'), 'dev').kind).toBe('sweep-only');
    expect(planFor(ctx('push', 'refs/tags/v1', 'main'), undefined).kind).toBe('sweep-only');
    expect(planFor(ctx('push', 'refs/heads/main'), undefined)).toMatchObject({
      kind: 'sweep-only',
      why: expect.stringContaining("'baseline-branch'"),
    });
  });

  it('refuses pull_request_target and explains other events', () => {
    expect(planFor(ctx('pull_request_target', 'refs/heads/main', 'main'), undefined)).toMatchObject({ kind: 'refused' });
    expect(planFor(ctx('schedule', 'refs/heads/main', 'main'), undefined)).toMatchObject({
      kind: 'unsupported',
      why: expect.stringContaining("'schedule'"),
    });
    expect(planFor(ctx('workflow_dispatch', 'refs/heads/main', 'main'), undefined).kind).toBe('sweep-only');
  });
});

describe('workflow_run', () => {
  const ctxOf = async (payload: object): Promise<ReturnType<typeof readRunContext>> =>
    readRunContext({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: await eventFile(payload, 'wr.json'), GITHUB_REPOSITORY: 'o/r' });

  it('plans a report on a completed pull_request run: its head commit, head repository and branch, conclusion', async () => {
    const ctx = await ctxOf(
      workflowRunEvent({ runId: 77, headSha: 'c'.repeat(40), headRepo: 'fork/r', headBranch: 'fix', conclusion: 'failure' }),
    );
    expect(planFor(ctx, undefined)).toEqual({
      kind: 'workflow-run',
      run: {
        id: 77,
        headSha: 'c'.repeat(40),
        headRepo: 'fork/r',
        headBranch: 'fix',
        event: 'pull_request',
        conclusion: 'failure',
        action: 'completed',
      },
    });
  });

  it('has nothing to report on a requested run or on a run of another event', async () => {
    const requested = planFor(await ctxOf(workflowRunEvent({ runId: 1, headSha: 'c', headRepo: 'f/r', action: 'requested' })), undefined);
    expect(requested).toMatchObject({ kind: 'unsupported', why: expect.stringContaining("workflow_run 'requested'") });
    const push = planFor(await ctxOf(workflowRunEvent({ runId: 1, headSha: 'c', headRepo: 'f/r', event: 'push' })), undefined);
    expect(push).toMatchObject({ kind: 'unsupported', why: expect.stringContaining("'push' run, not a pull_request one") });
  });

  it('says so when the payload has no head commit', async () => {
    const ctx = await ctxOf({ action: 'completed', workflow_run: { id: 1 } });
    expect(() => planFor(ctx, undefined)).toThrow(/workflow_run\.head_sha/);
  });

  it('still refuses pull_request_target', async () => {
    const ctx = readRunContext({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REPOSITORY: 'o/r' });
    expect(planFor(ctx, undefined)).toMatchObject({ kind: 'refused' });
  });
});
