// The real Octokit client (with its retry and throttling plugins) against a loopback GitHub that misbehaves:
// 5xx and rate limits are ridden out; 401/403/404 are one warning while the summary and the gate carry on.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { octokitCommentClient, upsertComment } from '../../src/github/comments.js';
import { run } from '../../src/github/main.js';
import { githubClient, redact } from '../../src/github/octokit.js';
import { pullRequestEvent, pushEvent, REPO } from '../e2e/events.js';
import { ACTIONS_BOT, fakeGitHub, SECONDARY_RATE_LIMIT, type FakeGitHub } from '../e2e/servers/github.js';
import { fakeEngine, FakeIO, MemoryCache } from './fakes.js';

const TOKEN = 'ghs_faultytoken123';
const MARK = '<!-- sweepgate:demo -->';
let gh: FakeGitHub;
let tmp: string;
let ws: string;
const infos: string[] = [];

beforeEach(async () => {
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } } });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-api-'));
  ws = path.join(tmp, 'ws');
  await mkdir(path.join(ws, 'ml'), { recursive: true });
  await writeFile(path.join(ws, 'ml', 'sweep.yml'), 'name: demo\n');
  await writeFile(path.join(ws, 'ml', 'data.txt'), '0.3\n');
  infos.length = 0;
});
afterEach(async () => {
  await gh.close();
  await rm(tmp, { recursive: true, force: true });
});

const client = () =>
  octokitCommentClient(
    githubClient(TOKEN, { baseUrl: gh.url, delayUnitMs: 1, writeSpacingMs: { write: 0, notify: 0 }, info: (m) => infos.push(m) }),
    {
      owner: REPO.owner,
      repo: REPO.repo,
    },
  );
const posts = (): number => gh.seen.filter((r) => r.method === 'POST').length;

describe('the Octokit client', () => {
  it('retries a 502 and a 503, then posts once', async () => {
    gh.fail({ status: 502, method: 'POST' }, { status: 503, method: 'POST' });
    const r = await upsertComment(client(), 7, MARK, `${MARK}\nhello`, { create: true });
    expect(r.action).toBe('created');
    expect(posts()).toBe(3);
    expect(gh.comments(REPO.owner, REPO.repo, 7)).toHaveLength(1);
  });

  it('waits out a secondary rate limit (403 + Retry-After) and a 429', async () => {
    gh.fail({ ...SECONDARY_RATE_LIMIT, method: 'POST' }, { status: 429, method: 'POST', headers: { 'retry-after': '1' } });
    const r = await upsertComment(client(), 7, MARK, `${MARK}\nhello`, { create: true });
    expect(r.action).toBe('created');
    expect(posts()).toBe(3);
    expect(infos.join('\n')).toMatch(/secondary rate limit .*retrying in 1 s/);
  });

  it('does not retry 401, 403 (not a rate limit) or 404, and gives up on a 5xx after 3 retries', async () => {
    for (const status of [401, 403, 404]) {
      const before = posts();
      gh.fail({ status, method: 'POST' });
      await expect(client().create(7, 'x')).rejects.toMatchObject({ status });
      expect(posts() - before).toBe(1);
    }
    const before = posts();
    gh.fail(...Array.from({ length: 4 }, () => ({ status: 500, method: 'POST' })));
    await expect(client().create(7, 'x')).rejects.toMatchObject({ status: 500 });
    expect(posts() - before).toBe(4);
  });
});

async function prEnv(): Promise<Record<string, string>> {
  const file = path.join(tmp, 'event.json');
  await writeFile(file, JSON.stringify(pullRequestEvent({ number: 2, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) })));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: REPO.fullName,
    GITHUB_RUN_ID: '200',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: path.join(tmp, 'runner-temp'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_REF: 'refs/pull/2/merge',
  };
}

async function pushEnv(): Promise<Record<string, string>> {
  const file = path.join(tmp, 'push.json');
  await writeFile(file, JSON.stringify(pushEvent({ ref: 'refs/heads/main', sha: 'a'.repeat(40) })));
  return {
    ...(await prEnv()),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: file,
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '100',
  };
}

describe('run() with the real client', () => {
  const inputs = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '0.05' };
  const act = async (cache: MemoryCache, e: Record<string, string>): Promise<FakeIO> => {
    const io = new FakeIO(inputs);
    await run({ io, env: e, cache, engine: fakeEngine(), comments: () => client() });
    return io;
  };

  it.each([401, 403, 404])(
    'HTTP %d on every comment call: one warning, the summary is written, the gate still fails the regression',
    async (status) => {
      const cache = new MemoryCache();
      await act(cache, await pushEnv());
      await writeFile(path.join(ws, 'ml', 'data.txt'), '0.9\n');
      gh.fail(...Array.from({ length: 10 }, () => ({ status })));
      const io = await act(cache, await prEnv());
      const apiWarnings = io.warnings.filter((w) => w.includes('PR comment'));
      expect(apiWarnings).toHaveLength(1);
      expect(apiWarnings[0]).toContain(`HTTP ${status}`);
      expect(io.summaries).toHaveLength(1);
      expect(io.summaries[0]).toContain('Regression');
      expect(io.failed).toHaveLength(1);
      expect(io.outputs.regressed).toBe('true');
    },
  );

  it('a 502 on the comment is retried: the comment is posted and nothing is warned', async () => {
    gh.fail({ status: 502, method: 'POST' });
    const io = await act(new MemoryCache(), await prEnv());
    expect(io.warnings.filter((w) => w.includes('PR comment'))).toEqual([]);
    expect(gh.comments(REPO.owner, REPO.repo, 2)).toHaveLength(1);
  });

  it('the token is registered as a secret first and never appears in a warning or failure', async () => {
    const io = new FakeIO(inputs);
    const leaky = {
      viewer: () => Promise.resolve(undefined),
      pages: async function* () {
        yield [];
      },
      create: () => Promise.reject(new Error(`request failed with Authorization: token ${TOKEN}`)),
      update: () => Promise.reject(new Error('unused')),
    };
    await run({ io, env: await prEnv(), cache: new MemoryCache(), engine: fakeEngine(), comments: () => leaky });
    expect(io.secrets).toEqual([TOKEN]);
    expect([...io.warnings, ...io.failed, ...io.infos, ...io.summaries].join('\n')).not.toContain(TOKEN);
    expect(io.warnings.join('\n')).toContain('Authorization: token ***');
    expect(redact('a ghs_x b', 'ghs_x')).toBe('a *** b');
  });
});
