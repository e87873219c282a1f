import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/github/main.js';
import { issueCommentEvent, pullRequestEvent, pushEvent, REPO, workflowDispatchEvent } from '../e2e/events.js';
import { fakeEngine, FakeIO, MemoryCache, MemoryComments, StatusError } from './fakes.js';
import { keySafe } from '../../src/storage/actions-cache/cache-client.js';
import { ConfigError } from '../../src/core/errors.js';
import { BackendError, NonNumericError } from '../../src/trainer/index.js';
import { concludeSweep, type Conclusion, type ConclusionInput } from '../../src/engine/index.js';
import type { RunOptions } from '../../src/engine/run.js';
import { MAX_SUMMARY_CHARS } from '../../src/github/main.js';
import { COMMENT_MAX_CHARS } from '../../src/report/markdown.js';

const MAIN_SHA = 'a'.repeat(40);
const PR_SHA = 'b'.repeat(40);
const MARK = '<!-- sweepgate:demo -->';

let ws: string;
let tmp: string;
let events = 0;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sg-run-'));
  ws = path.join(tmp, 'ws');
  await mkdir(path.join(ws, 'ml'), { recursive: true });
  await writeFile(path.join(ws, 'ml', 'sweep.yml'), 'name: demo\n');
  await writeFile(path.join(ws, 'ml', 'data.txt'), '0.3\n');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function env(event: string, payload: object, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const file = path.join(tmp, `event-${++events}.json`);
  await writeFile(file, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: REPO.fullName,
    GITHUB_RUN_ID: '100',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: path.join(tmp, 'runner-temp'),
    GITHUB_SERVER_URL: 'https://github.com',
    ...extra,
  };
}

const pushMain = (): Promise<Record<string, string>> =>
  env('push', pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }), { GITHUB_SHA: MAIN_SHA, GITHUB_REF: 'refs/heads/main' });
const pr = (runId = '200'): Promise<Record<string, string>> =>
  env('pull_request', pullRequestEvent({ number: 2, baseSha: MAIN_SHA, headSha: PR_SHA }), {
    GITHUB_SHA: PR_SHA,
    GITHUB_REF: 'refs/pull/2/merge',
    GITHUB_RUN_ID: runId,
  });

const INPUTS = { config: 'ml/sweep.yml', 'github-token': 'ghs_token', 'max-regression': '0.05' };

interface World {
  cache: MemoryCache;
  comments: MemoryComments;
  engine: ReturnType<typeof fakeEngine>;
}
function world(engineOpts: Parameters<typeof fakeEngine>[0] = {}): World {
  return { cache: new MemoryCache(), comments: new MemoryComments(), engine: fakeEngine(engineOpts) };
}

async function act(w: World, e: Record<string, string>, inputs: Record<string, string> = INPUTS): Promise<FakeIO> {
  const io = new FakeIO(inputs);
  await run({ io, env: e, cache: w.cache, comments: () => w.comments, engine: w.engine });
  return io;
}

describe('run(): push to the default branch', () => {
  it('records the baseline and the trials, writes the summary and outputs, never comments', async () => {
    const w = world();
    const io = await act(w, await pushMain());
    expect(io.failed).toEqual([]);
    expect(w.cache.keys()).toEqual([
      `sweepgate-v2-trials-${keySafe('demo')}-${MAIN_SHA}-100-1`,
      `sweepgate-v2-baseline-${keySafe('demo')}-${MAIN_SHA}`,
    ]);
    const baselineFile = [...w.cache.entries[1]!.files.keys()][0]!;
    const baseline = JSON.parse(w.cache.entries[1]!.files.get(baselineFile)!.toString('utf8'));
    expect(baseline).toMatchObject({ sweep: 'demo', sha: MAIN_SHA, best: { metrics: { val_loss: 0.3 } } });
    expect(w.comments.comments).toEqual([]);
    expect(io.summaries).toHaveLength(1);
    expect(io.summaries[0]).toContain(MARK);
    expect(io.summaries[0]).toContain('baseline on main');
    expect(io.outputs).toMatchObject({ 'best-params': '{"i":0}', 'best-metrics': '{"val_loss":0.3,"accuracy":0.7}', regressed: 'false' });
    expect(await readFile(io.outputs.report!, 'utf8')).toBe(io.summaries[0]);
    // The max-regression input became a gate rule for the sweep's metric.
    expect(w.engine.calls[0]!.overrides?.maxRegression).toEqual({ kind: 'absolute', value: 0.05 });
    // The trial store: in memory, its cache folders under RUNNER_TEMP, never in the checkout.
    expect(w.engine.calls[0]!.ports.store).toBeDefined();
    expect(w.engine.calls[0]!.mode?.cacheDir).toBe(path.join(tmp, 'runner-temp', 'sweepgate', 'store'));
    expect(w.engine.calls[0]!.mode?.sha).toBe(MAIN_SHA);
  });

  it('the parallel and seed inputs reach the engine; empty leaves the engine its default', async () => {
    const w = world();
    await act(w, await pushMain(), { config: 'ml/sweep.yml', parallel: '3', seed: '5' });
    expect(w.engine.calls[0]!.overrides).toMatchObject({ parallel: 3, seed: 5 });
    await act(w, await pushMain(), { config: 'ml/sweep.yml' });
    expect(w.engine.calls[1]!.overrides?.parallel).toBeUndefined();
  });

  it('a push to another branch sweeps and reports but records no baseline', async () => {
    const w = world();
    const io = await act(
      w,
      await env('push', pushEvent({ ref: 'refs/heads/feature', sha: MAIN_SHA }), {
        GITHUB_SHA: MAIN_SHA,
        GITHUB_REF: 'refs/heads/feature',
      }),
    );
    expect(io.failed).toEqual([]);
    expect(w.cache.keys().filter((k) => k.includes('baseline'))).toEqual([]);
    expect(io.infos.join('\n')).toContain("not to the baseline branch 'main'");
    expect(io.summaries).toHaveLength(1);
  });

  it('baseline-branch input picks the branch that records baselines', async () => {
    const w = world();
    await act(
      w,
      await env('push', pushEvent({ ref: 'refs/heads/develop', sha: MAIN_SHA }), {
        GITHUB_SHA: MAIN_SHA,
        GITHUB_REF: 'refs/heads/develop',
      }),
      {
        ...INPUTS,
        'baseline-branch': 'develop',
      },
    );
    expect(w.cache.keys()).toContain(`sweepgate-v2-baseline-${keySafe('demo')}-${MAIN_SHA}`);
  });

  it('workflow_dispatch sweeps and reports', async () => {
    const w = world();
    const io = await act(
      w,
      await env('workflow_dispatch', workflowDispatchEvent({ ref: 'refs/heads/main' }), {
        GITHUB_SHA: MAIN_SHA,
        GITHUB_REF: 'refs/heads/main',
      }),
    );
    expect(io.failed).toEqual([]);
    expect(w.cache.keys().filter((k) => k.includes('baseline'))).toEqual([]);
    expect(io.summaries[0]).toContain('Sweep done');
  });
});

describe('run(): pull_request', () => {
  it('an unchanged PR restores main’s trials and baseline, trains nothing, comments once and passes', async () => {
    const w = world();
    await act(w, await pushMain());
    const io = await act(w, await pr());
    expect(io.failed).toEqual([]);
    expect(io.warnings).toEqual([]);
    expect(io.infos.join('\n')).toContain('3 trials (0 trained, 3 cached)');
    // The exact base commit's baseline is asked for first, then any.
    expect(w.cache.restores).toContainEqual([
      `sweepgate-v2-baseline-${keySafe('demo')}-${MAIN_SHA}`,
      `sweepgate-v2-baseline-${keySafe('demo')}-`,
    ]);
    // Nothing trained, so nothing new to save; and a PR never writes the baseline.
    expect(w.cache.keys()).toEqual([
      `sweepgate-v2-trials-${keySafe('demo')}-${MAIN_SHA}-100-1`,
      `sweepgate-v2-baseline-${keySafe('demo')}-${MAIN_SHA}`,
    ]);
    expect(w.comments.comments).toHaveLength(1);
    expect(w.comments.comments[0]!.body.startsWith(MARK)).toBe(true);
    expect(w.comments.comments[0]!.body).toContain('No regression');
    expect(io.summaries[0]).toBe(w.comments.comments[0]!.body);
    expect(io.outputs.regressed).toBe('false');
  });

  it('worse data fails the gate naming metric, main’s value, the PR’s value and the threshold; the comment is updated, not duplicated', async () => {
    const w = world();
    await act(w, await pushMain());
    await act(w, await pr('200'));
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.5\n');
    const io = await act(w, await pr('201'));
    expect(io.failed).toHaveLength(1);
    expect(io.failed[0]).toBe(
      "sweepgate: gate failed: main's best config raises val_loss by 0.2 on this PR (3 seeds, the same on every seed), past the 0.05 gate",
    );
    expect(w.comments.comments).toHaveLength(1);
    expect(w.comments.comments[0]!.body).toContain('Regression');
    expect(io.outputs.regressed).toBe('true');
    // What it trained is kept for the PR's next run; still no baseline from a PR.
    expect(w.cache.keys()).toContain(`sweepgate-v2-trials-${keySafe('demo')}-${PR_SHA}-201-1`);
    expect(w.cache.keys().filter((k) => k.includes('baseline'))).toEqual([`sweepgate-v2-baseline-${keySafe('demo')}-${MAIN_SHA}`]);
  });

  it('fail-on-regression: false reports the regression without failing', async () => {
    const w = world();
    await act(w, await pushMain());
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.9\n');
    const io = await act(w, await pr(), { ...INPUTS, 'fail-on-regression': 'false' });
    expect(io.failed).toEqual([]);
    expect(io.outputs.regressed).toBe('true');
    expect(io.warnings.join('\n')).toContain("'fail-on-regression' is false");
  });

  it('maximize goals gate on a drop', async () => {
    const w = world({
      goal: 'maximize',
      gate: [{ metric: 'accuracy', goal: 'maximize', threshold: { kind: 'relative', fraction: 0.1 }, alpha: 0.05 }],
    });
    await act(w, await pushMain());
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.5\n'); // accuracy 0.7 → 0.5
    const io = await act(w, await pr(), { config: 'ml/sweep.yml', 'github-token': 't' });
    expect(io.failed[0]).toMatch(
      /^sweepgate: gate failed: main's best config loses 20 points of accuracy on this PR \(3 seeds, the same on every seed\), past the 10% gate \(this PR drops the val_loss rule: main’s rule applies until it is merged\)$/,
    );
  });

  it('a 403 on the comment is a warning: the summary is still written and the gate still decides', async () => {
    const w = world();
    await act(w, await pushMain());
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.9\n');
    w.comments.forbidWrites = true;
    const io = await act(w, await pr());
    expect(io.warnings.join('\n')).toContain('could not post the PR comment (HTTP 403');
    expect(io.summaries).toHaveLength(1);
    expect(io.summaries[0]).toContain('Regression');
    expect(io.failed).toHaveLength(1);
  });

  it("comment: on-regression posts nothing for a passing PR but updates an earlier comment; 'never' never touches it", async () => {
    const w = world();
    await act(w, await pushMain());
    await act(w, await pr(), { ...INPUTS, comment: 'on-regression' });
    expect(w.comments.comments).toEqual([]);
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.9\n');
    await act(w, await pr('201'), { ...INPUTS, comment: 'on-regression' });
    expect(w.comments.comments).toHaveLength(1);
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.3\n');
    await act(w, await pr('202'), { ...INPUTS, comment: 'on-regression' });
    expect(w.comments.comments).toHaveLength(1);
    expect(w.comments.comments[0]!.body).toContain('No regression');
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.9\n');
    await act(w, await pr('203'), { ...INPUTS, comment: 'never' });
    expect(w.comments.comments[0]!.body).toContain('No regression');
  });

  it('with no baseline it fails and says how the baseline gets created', async () => {
    const w = world();
    const io = await act(w, await pr());
    expect(io.failed).toHaveLength(1);
    expect(io.failed[0]).toMatch(/^sweepgate: no baseline: Sweep 'demo' has no baseline to compare with: no baseline in the Actions cache/);
    expect(w.comments.comments[0]!.body).toContain('❌ **No baseline**');
    expect(w.comments.comments[0]!.body).toContain("push or merge to 'main'");
  });

  it("with no baseline and 'missing-baseline: pass' it passes and says how the baseline gets created", async () => {
    const w = world();
    const io = await act(w, await pr(), { ...INPUTS, 'missing-baseline': 'pass' });
    expect(io.failed).toEqual([]);
    expect(w.comments.comments[0]!.body).toContain('No baseline yet');
    expect(w.comments.comments[0]!.body).toContain("push or merge to 'main'");
    expect(w.comments.comments[0]!.body).toContain("'missing-baseline' is 'pass'");
  });

  it('keeps the comment under GitHub’s 65,536-character cap however large the report', async () => {
    const w = world({ paramPad: 40_000 });
    await act(w, await pushMain());
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.31\n');
    const io = await act(w, await pr());
    expect(io.failed).toEqual([]);
    const body = w.comments.comments[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    expect(body.startsWith(MARK)).toBe(true);
    // the job summary (1 MiB cap) keeps what the comment had to drop
    expect(io.summaries.at(-1)!.length).toBeGreaterThan(65_536);
    expect(io.summaries.at(-1)!).toContain('<details><summary>Top');
  });

  it("presents the engine's conclusion as it is: comment, summary, report file, regressed, warnings and the failure", async () => {
    const w = world();
    await act(w, await pushMain());
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.5\n');
    const asked: ConclusionInput[] = [];
    const engine = {
      ...w.engine,
      conclude: async (input: ConclusionInput): Promise<Conclusion> => {
        asked.push(input);
        const real = concludeSweep(input);
        expect(real.failures).not.toEqual([]);
        return {
          ...real,
          notes: ['a note from the engine'],
          decision: { kind: 'gate-failed', message: 'the engine failed the gate' },
          report: { full: 'FULL', comment: 'COMMENT' },
        };
      },
    };
    const io = new FakeIO(INPUTS);
    await run({ io, env: await pr(), cache: w.cache, comments: () => w.comments, engine });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.compareWith?.baseline).toMatchObject({ sweep: 'demo', sha: MAIN_SHA });
    expect(asked[0]!.gate).toEqual([{ metric: 'val_loss', goal: 'minimize', threshold: { kind: 'absolute', value: 0.05 }, alpha: 0.05 }]);
    expect(asked[0]!.layout).toMatchObject({ marker: MARK, maxChars: MAX_SUMMARY_CHARS, commentMaxChars: COMMENT_MAX_CHARS });
    expect(w.comments.comments.map((c) => c.body)).toEqual(['COMMENT']);
    expect(io.summaries).toEqual(['FULL']);
    expect(await readFile(io.outputs.report!, 'utf8')).toBe('FULL');
    expect(io.outputs.regressed).toBe('true');
    expect(io.warnings).toContain('a note from the engine');
    expect(io.failed).toEqual(['the engine failed the gate']);
  });

  it('warns when the PR changed the gate relative to the baseline', async () => {
    const w = world();
    await act(w, await pushMain());
    const io = await act(w, await pr(), { ...INPUTS, 'max-regression': '1%' });
    expect(io.warnings).toContain("the gate rules differ from the baseline's");
  });
});

describe('run(): cache trouble is a warning, never a failure', () => {
  it('no cache service: warns, sweeps, and the PR fails for want of a baseline', async () => {
    const w = world();
    w.cache.isAvailable = false;
    const io = await act(w, await pr());
    expect(io.failed).toEqual([expect.stringContaining('has no baseline to compare with: no GitHub Actions cache service here')]);
    expect(io.warnings.join('\n')).toContain('ACTIONS_CACHE_URL and ACTIONS_RESULTS_URL are unset');
    expect(w.cache.restores).toEqual([]);
    expect(w.comments.comments[0]!.body).toContain('no GitHub Actions cache service here (ACTIONS_CACHE_URL');
  });

  it('a failing restore and a failing save are warnings; the PR, with no baseline, fails saying why', async () => {
    const w = world();
    await act(w, await pushMain());
    await writeFile(path.join(ws, 'ml', 'data.txt'), '0.9\n');
    w.cache.restoreError = new Error('socket hang up');
    w.cache.saveError = new Error('ECONNREFUSED');
    const io = await act(w, await pr());
    expect(io.warnings.filter((m) => m.includes('socket hang up'))).toHaveLength(1);
    expect(io.warnings.join('\n')).toContain('trials: could not save to the Actions cache (ECONNREFUSED)');
    expect(io.failed).toEqual([expect.stringContaining('the baseline could not be restored from the Actions cache (socket hang up)')]);
  });

  it('save returning -1 is one line of info (@actions/cache has already logged why), not a warning', async () => {
    const w = world();
    w.cache.saveResult = -1;
    const io = await act(w, await pushMain());
    expect(io.failed).toEqual([]);
    expect(io.warnings.filter((m) => m.includes('not saved'))).toEqual([]);
    expect(io.infos.join('\n')).toMatch(
      new RegExp(`baseline: not saved to the Actions cache \\(key sweepgate-v2-baseline-${keySafe('demo').replace('.', '\\.')}-a+: `),
    );
  });

  it('cache: false neither restores nor saves', async () => {
    const w = world();
    const io = await act(w, await pushMain(), { ...INPUTS, cache: 'false' });
    expect(io.failed).toEqual([]);
    expect(w.cache.restores).toEqual([]);
    expect(w.cache.keys()).toEqual([]);
  });

  it('a corrupt cached baseline is unusable: the PR fails saying so', async () => {
    const w = world();
    await act(w, await pushMain());
    w.cache.entries[1]!.files.set([...w.cache.entries[1]!.files.keys()][0]!, Buffer.from('{not json'));
    const io = await act(w, await pr());
    expect(io.failed).toEqual([
      expect.stringMatching(/the cached baseline \(entry sweepgate-v2-baseline-.*\) is unusable: not a results document/),
    ]);
  });
});

describe('run(): errors and other events', () => {
  it('a bad input fails the step naming the input, and still writes the summary and outputs', async () => {
    const w = world();
    const io = await act(w, await pr(), { ...INPUTS, comment: 'sometimes' });
    expect(io.failed).toEqual(["'comment' input must be always, on-regression or never but got 'sometimes'"]);
    expect(io.summaries[0]).toContain("'comment' input must be");
    expect(io.outputs).toEqual({ 'best-params': '{}', 'best-metrics': '{}', regressed: 'false', report: '', 'model-path': '' });
    expect(w.engine.calls).toEqual([]);
  });

  it.each([
    [
      'an invalid config',
      new ConfigError('method', 'must be one of manual, grid, random, quasirandom, bayes, tpe, got "x"'),
      'invalid sweep config:\nmethod: must be one of manual, grid, random, quasirandom, bayes, tpe, got "x"',
    ],
    // As in the CLI (exit 2 there): the data the config names is wrong, so every trial would fail the same way.
    [
      'invalid data',
      new NonNumericError('/data/d.csv', 3, 'y', 'x', 'regression target'),
      'invalid data: /data/d.csv:3: regression target column "y" must hold numbers, got "x"',
    ],
    [
      'a run failure',
      new BackendError('tensorflow', 'not installed'),
      "BackendError: TensorFlow.js backend 'tensorflow' is not available: not installed",
    ],
  ])('%s fails the step with the message of its class, in the summary too', async (_, err, message) => {
    const w = world();
    const io = new FakeIO(INPUTS);
    const engine = {
      ...w.engine,
      runSweep: async () => {
        throw err;
      },
    };
    await run({ io, env: await pushMain(), cache: w.cache, comments: () => w.comments, engine });
    expect(io.failed).toEqual([message]);
    expect(io.summaries[0]).toContain(message.split('\n').at(-1));
    expect(io.outputs.regressed).toBe('false');
  });

  it('a missing config fails the step', async () => {
    const io = await act(world(), await pr(), { ...INPUTS, config: 'nope.yml' });
    expect(io.failed[0]).toContain('nope.yml');
  });

  it('no trial completed fails the step, and no baseline is recorded', async () => {
    const w = world({ failAll: true });
    const io = await act(w, await pushMain());
    expect(io.failed[0]).toBe('sweepgate: 3 of 3 trials failed: failed without an error message');
    expect(w.cache.keys().filter((k) => k.includes('baseline'))).toEqual([]);
    expect(io.summaries).toHaveLength(1);
  });

  it('a sweep without metric (W&B grid/random) passes: no best, nothing gated, no baseline recorded', async () => {
    const w = world({ metricless: true });
    const io = await act(w, await pushMain(), { config: 'ml/sweep.yml', 'github-token': 'ghs_token' });
    expect(io.failed).toEqual([]);
    expect(io.summaries[0]).toContain('🔎 Sweep done: 3 trials ran (0 failed). The config has no `metric:`');
    expect(w.cache.keys().filter((k) => k.includes('baseline'))).toEqual([]);
  });

  it('other events get a clear message and no sweep', async () => {
    const w = world();
    const io = await act(w, await env('issue_comment', issueCommentEvent(), { GITHUB_SHA: MAIN_SHA }));
    expect(io.failed).toEqual([]);
    expect(io.warnings[0]).toContain("sweepgate has nothing to do on 'issue_comment' events");
    expect(w.engine.calls).toEqual([]);
    expect(io.summaries).toHaveLength(1);
    expect(io.outputs.regressed).toBe('false');
  });

  it('pull_request_target is refused: it must never run PR code', async () => {
    const w = world();
    const io = await act(
      w,
      await env('pull_request_target', pullRequestEvent({ number: 2, baseSha: MAIN_SHA, headSha: PR_SHA }), { GITHUB_SHA: MAIN_SHA }),
    );
    expect(io.failed[0]).toContain("does not run on 'pull_request_target'");
    expect(w.engine.calls).toEqual([]);
  });

  it('an unwritable summary is a warning', async () => {
    const w = world();
    const io = new FakeIO(INPUTS);
    io.summaryFails = true;
    await run({ io, env: await pushMain(), cache: w.cache, comments: () => w.comments, engine: w.engine });
    expect(io.failed).toEqual([]);
    expect(io.warnings.join('\n')).toContain('could not write the job summary');
  });

  it('comment errors other than 403 are warnings too', async () => {
    const w = world();
    const io = new FakeIO(INPUTS);
    await run({
      io,
      env: await pr(),
      cache: w.cache,
      comments: () => ({
        viewer: async () => undefined,
        pages: async function* () {
          throw new StatusError(502, 'Bad Gateway');
        },
        create: async () => {
          throw new Error('unreachable');
        },
        update: async () => {
          throw new Error('unreachable');
        },
      }),
      engine: w.engine,
    });
    expect(io.failed).toEqual([expect.stringContaining('no baseline')]); // the gate's verdict, not the comment's trouble
    expect(io.warnings.join('\n')).toContain('could not post the PR comment (HTTP 502: Bad Gateway)');
  });
});

describe('run(): nothing from the checkout is trusted, and a missing baseline is not a pass (issue #20)', () => {
  const storeDir = (): string => path.join(tmp, 'runner-temp', 'sweepgate', 'store');

  it('a .sweepgate folder in the checkout is ignored with a warning; the trials still come from the cache', async () => {
    const w = world();
    await act(w, await pushMain());
    await mkdir(path.join(ws, 'ml', '.sweepgate', 'trials'), { recursive: true });
    const io = await act(w, await pr());
    expect(io.warnings).toEqual([
      expect.stringMatching(/\.sweepgate is in the checkout: the Action ignores it .*add \.sweepgate\/ to \.gitignore$/),
    ]);
    expect(io.infos.join('\n')).toContain('3 trials (0 trained, 3 cached)');
  });

  it("the 'cache-dir' input is ignored with a warning naming its value", async () => {
    const w = world();
    const io = await act(w, await pushMain(), { ...INPUTS, 'cache-dir': '.cache/sg' });
    expect(io.failed).toEqual([]);
    expect(io.warnings).toContain(
      "the 'cache-dir' input is ignored (got '.cache/sg'): the Action's trial store now starts empty outside the workspace, so records in the checkout never count; remove the input",
    );
    expect(w.engine.calls[0]!.mode?.cacheDir).toBe(storeDir());
  });

  it('what a program leaves in the store folder is never saved: only the records this run restored or trained', async () => {
    const w = world();
    const engine = {
      ...w.engine,
      runSweep: async (o: RunOptions) => {
        const out = await w.engine.runSweep(o);
        const trials = path.join(o.mode!.cacheDir!, 'trials', keySafe('demo'));
        await mkdir(trials, { recursive: true });
        await writeFile(path.join(trials, 'flood.bin'), Buffer.alloc(2 * 1024 * 1024));
        await writeFile(path.join(trials, `${'f'.repeat(64)}.json`), JSON.stringify({ key: 'f'.repeat(64) }));
        return out;
      },
    };
    const io = new FakeIO(INPUTS);
    await run({ io, env: await pushMain(), cache: w.cache, comments: () => w.comments, engine });
    expect(io.failed).toEqual([]);
    const saved = [...w.cache.entries[0]!.files.keys()].map((f) => path.basename(f));
    expect(saved).toHaveLength(6); // 3 search trials and 3 champion seeds
    expect(saved.every((n) => /^[0-9a-f]{64}\.json$/.test(n) && n !== `${'f'.repeat(64)}.json`)).toBe(true);
  });

  it('a file left where the baseline folder goes is cleared; one where the store goes fails the run with the path and the cause', async () => {
    const w = world();
    await act(w, await pushMain());
    await rm(storeDir(), { recursive: true, force: true });
    await mkdir(storeDir(), { recursive: true });
    await writeFile(path.join(storeDir(), 'baseline'), 'left by an earlier step');
    const cleared = await act(w, await pr());
    expect(cleared.failed).toEqual([]);
    expect(w.comments.comments[0]!.body).toContain('No regression');

    await rm(storeDir(), { recursive: true, force: true });
    await writeFile(storeDir(), 'a file where the store folder goes');
    const io = await act(w, await pr('201'));
    expect(io.failed).toEqual([
      expect.stringMatching(/^StorePathError: cannot prepare .*store\/(trials|baseline)\S* for the (trials|baseline) restore: ENOTDIR/),
    ]);
  });

  it('a renamed sweep fails naming both names; a name changed only invisibly keeps its baseline', async () => {
    const w = world();
    await act(w, await pushMain());
    const renamed = { ...w, engine: fakeEngine({ name: 'demo-v2' }) };
    const io = await act(renamed, await pr());
    expect(io.failed).toHaveLength(1);
    expect(io.failed[0]).toContain(
      "Sweep 'demo-v2' has no baseline to compare with: no baseline in the Actions cache (looked for sweepgate-v2-baseline-demo_v2.",
    );
    expect(io.failed[0]).toContain("if this PR renamed 'demo' to 'demo-v2', the new name has no baseline until it has run on 'main'");

    const invisible = { ...w, engine: fakeEngine({ name: 'De\u200bmo' }) };
    const same = await act(invisible, await pr('201'));
    expect(same.failed).toEqual([]);
    expect(same.infos.join('\n')).toContain('3 trials (0 trained, 3 cached)');
  });

  it('fail-on-regression: false turns a missing baseline into a warning, like a regression', async () => {
    const w = world();
    const io = await act(w, await pr(), { ...INPUTS, 'fail-on-regression': 'false' });
    expect(io.failed).toEqual([]);
    expect(io.warnings.join('\n')).toMatch(/sweepgate: no baseline: .*\('fail-on-regression' is false, so the step passes\)/);
  });

  it('cache: false needs no baseline: the PR passes and says caching is off', async () => {
    const w = world();
    const io = await act(w, await pr(), { ...INPUTS, cache: 'false' });
    expect(io.failed).toEqual([]);
    expect(w.comments.comments[0]!.body).toContain("Caching is off ('cache: false')");
  });
});
