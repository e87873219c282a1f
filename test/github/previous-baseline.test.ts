import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/github/main.js';
import { v1BaselineFile, v1BaselineKeys } from '../../src/storage/actions-cache/previous-baseline.js';
import { pullRequestEvent, pushEvent, REPO } from '../e2e/events.js';
import { fakeEngine, FakeIO, MemoryCache, MemoryComments } from './fakes.js';

// run() with a baseline main recorded before the upgrade: no v2 entry, a `sweepgate-v1-baseline-…` one saved from the
// previous version's path in the checkout. The PR compares with it and the report says where it came from.
const MAIN_SHA = 'a'.repeat(40);
const PR_SHA = 'b'.repeat(40);
const INPUTS = { config: 'ml/sweep.yml', 'github-token': 'ghs_token', 'max-regression': '0.05' };

let tmp: string;
let ws: string;
let events = 0;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-previous-run-'));
  ws = path.join(tmp, 'ws');
  await mkdir(path.join(ws, 'ml'), { recursive: true });
  await writeFile(path.join(ws, 'ml', 'sweep.yml'), 'name: demo\n');
  await writeFile(path.join(ws, 'ml', 'data.txt'), '0.3\n');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function env(event: string, payload: object, extra: Record<string, string>): Promise<Record<string, string>> {
  const file = path.join(tmp, `event-${++events}.json`);
  await writeFile(file, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: REPO.fullName,
    GITHUB_RUN_ID: String(100 + events),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: path.join(tmp, 'runner-temp'),
    GITHUB_SERVER_URL: 'https://github.com',
    ...extra,
  };
}

/**
 * Main's baseline as the previous version left it: a push records it (v2), then the entry is re-keyed to v1 and
 * moved to the old path (whose string is the entry's version); no v2 baseline is left.
 */
async function previousVersionBaseline(cache: MemoryCache, cacheDirInput?: string): Promise<string> {
  const engine = fakeEngine();
  const push = await env('push', pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }), {
    GITHUB_SHA: MAIN_SHA,
    GITHUB_REF: 'refs/heads/main',
  });
  await run({ io: new FakeIO(INPUTS), env: push, cache, comments: () => new MemoryComments(), engine });
  const entry = cache.entries.find((e) => e.key.startsWith('sweepgate-v2-baseline-'))!;
  const file = v1BaselineFile({ workspace: ws, configDir: path.join(ws, 'ml'), cacheDirInput, sweep: 'demo' });
  cache.entries = cache.entries.filter((e) => e !== entry);
  cache.entries.push({
    key: v1BaselineKeys.baseline('demo', MAIN_SHA),
    version: file,
    files: new Map([[file, [...entry.files.values()][0]!]]),
  });
  return file;
}

async function pr(cache: MemoryCache, inputs: Record<string, string> = INPUTS): Promise<{ io: FakeIO; comments: MemoryComments }> {
  const e = await env('pull_request', pullRequestEvent({ number: 2, baseSha: MAIN_SHA, headSha: PR_SHA }), {
    GITHUB_SHA: PR_SHA,
    GITHUB_REF: 'refs/pull/2/merge',
  });
  const io = new FakeIO(inputs);
  const comments = new MemoryComments();
  await run({ io, env: e, cache, comments: () => comments, engine: fakeEngine() });
  return { io, comments };
}

describe('run(): a PR after the upgrade, with main’s baseline saved by the previous version', () => {
  it('compares with it and says so in the log, the Run section of the summary and the comment', async () => {
    const cache = new MemoryCache();
    await previousVersionBaseline(cache);
    const { io, comments } = await pr(cache);
    const entry = v1BaselineKeys.baseline('demo', MAIN_SHA);
    expect(io.failed).toEqual([]);
    expect(io.infos.join('\n')).toContain(`baseline: comparing with cache entry ${entry}, saved by the previous version of sweepgate`);
    const note = `- **Baseline**: from cache entry ${entry}, saved by the previous version of sweepgate (before the upgrade); the next run on 'main' records one in the current format, and PRs use that from then on.`;
    expect(io.summaries[0]!.slice(io.summaries[0]!.indexOf('**Run**'))).toContain(note);
    expect(comments.comments[0]!.body).toContain('No regression');
    expect(comments.comments[0]!.body).toContain(note);
  });

  it('a worse PR still fails the gate against it', async () => {
    const cache = new MemoryCache();
    await previousVersionBaseline(cache);
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.5\n');
    const { io } = await pr(cache);
    expect(io.failed).toEqual([expect.stringMatching(/^sweepgate: gate failed: main's best config raises val_loss by 0\.2 /)]);
  });

  it("finds the entry saved from the 'cache-dir' input's folder while the input is still given", async () => {
    const cache = new MemoryCache();
    await previousVersionBaseline(cache, '.cache/sg');
    expect((await pr(cache, { ...INPUTS, 'cache-dir': '.cache/sg' })).io.failed).toEqual([]);
    expect((await pr(cache)).io.failed).toEqual([expect.stringContaining('sweepgate: no baseline: ')]);
  });
});
