import { describe, expect, it } from 'vitest';
import { findPullRequest, triggeringRunOf, type OpenPullRequest, type PullRequestClient } from '../../src/github/workflow-run.js';
import { workflowRunEvent } from '../e2e/events.js';

const HEAD = 'c'.repeat(40);
const pr = (number: number, headSha: string, headRepo?: string): OpenPullRequest => ({
  number,
  headSha,
  ...(headRepo ? { headRepo } : {}),
  baseRef: 'main',
  baseSha: 'a'.repeat(40),
});

/** The open PRs in pages of `size`, counting the pages read. */
function pulls(list: readonly OpenPullRequest[], size = 2): PullRequestClient & { pagesRead: number } {
  const client = {
    pagesRead: 0,
    async *open(): AsyncIterable<readonly OpenPullRequest[]> {
      for (let i = 0; i < list.length; i += size) {
        client.pagesRead++;
        yield list.slice(i, i + size);
      }
    },
  };
  return client;
}

const run = triggeringRunOf(workflowRunEvent({ runId: 9, headSha: HEAD, headRepo: 'fork-owner/Hello-World', headBranch: 'patch-1' }))!;

describe('findPullRequest', () => {
  it('finds the open PR whose head is the run’s head commit in the run’s head repository, on any page', async () => {
    const client = pulls([
      pr(1, 'd'.repeat(40), 'x/y'),
      pr(2, 'e'.repeat(40)),
      pr(3, 'f'.repeat(40)),
      pr(7, HEAD, 'Fork-Owner/hello-world'),
    ]);
    expect(await findPullRequest(client, run)).toEqual({ kind: 'found', pr: pr(7, HEAD, 'Fork-Owner/hello-world') });
    expect(client.pagesRead).toBe(2);
  });

  it('does not take a PR with the same commit from another repository', async () => {
    const r = await findPullRequest(pulls([pr(4, HEAD, 'someone-else/Hello-World')]), run);
    expect(r).toEqual({ kind: 'none', why: expect.stringContaining(`no open pull request has the head commit ${HEAD.slice(0, 12)}`) });
  });

  it('matches on the commit alone when the fork is gone (no head repository)', async () => {
    expect(await findPullRequest(pulls([pr(5, HEAD)]), run)).toMatchObject({ kind: 'found', pr: { number: 5 } });
  });

  it('does not guess between two PRs with that head', async () => {
    const r = await findPullRequest(pulls([pr(5, HEAD, 'fork-owner/Hello-World'), pr(6, HEAD, 'fork-owner/Hello-World')]), run);
    expect(r).toEqual({ kind: 'none', why: expect.stringContaining('2 open pull requests have the head commit') });
    expect(r.kind === 'none' && r.why).toContain('#5, #6');
  });

  it('says so when no open PR has it (closed, or pushed to since)', async () => {
    expect(await findPullRequest(pulls([]), run)).toMatchObject({ kind: 'none', why: expect.stringContaining('pushed to since') });
  });

  it('stops after 30 pages', async () => {
    const many = Array.from({ length: 100 }, (_, i) => pr(i + 1, 'd'.repeat(40)));
    const client = pulls([...many, pr(999, HEAD)], 3);
    expect(await findPullRequest(client, run)).toMatchObject({ kind: 'none' });
    expect(client.pagesRead).toBe(30);
  });
});

describe('triggeringRunOf', () => {
  it('reads the run from the payload, and nothing without a head commit', () => {
    expect(run).toEqual({
      id: 9,
      headSha: HEAD,
      headRepo: 'fork-owner/Hello-World',
      headBranch: 'patch-1',
      event: 'pull_request',
      conclusion: 'success',
    });
    expect(triggeringRunOf({ workflow_run: { id: 3 } })).toBeUndefined();
    expect(triggeringRunOf({})).toBeUndefined();
  });
});
