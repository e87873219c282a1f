import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHAMPION_SEEDS } from '../../src/core/gate/champion-plan.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { keySafe } from '../../src/storage/actions-cache/cache-client.js';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';
import { pullRequestEvent, pushEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';

/**
 * A sweep split across three matrix jobs and merged by a report job, each a process of the committed dist/ against
 * the loopback GitHub API and Actions cache, as a `strategy.matrix` workflow runs them (docs/shards.md). The grid
 * fixture (six trials) over three shards: main records the merged baseline, an unchanged PR trains nothing, and a
 * missing or failed shard fails the gate unless `allow-missing-shards: true`.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const MAIN_SHA = 'a'.repeat(40);
const PR_SHA = 'b'.repeat(40);
const TOKEN = 'ghs_e2e_shards_token';
const RUNTIME_TOKEN = 'runtime-token-shards';
const SWEEP = 'e2e-linear';
const PR = 7;

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;

const BASE_INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '10%' };

type Where = 'main' | 'pr';

async function act(where: Where, runId: number, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  // Each job on a fresh runner: nothing an earlier job left in the scratch folder is there. (RUNNER_TEMP is the same
  // path on every runner, which the cache's entry version, a hash of the paths, relies on.)
  await rm(path.join(runnerTemp, 'sweepgate'), { recursive: true, force: true });
  const sha = where === 'main' ? MAIN_SHA : PR_SHA;
  const event =
    where === 'main'
      ? { name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha }) }
      : { name: 'pull_request', payload: pullRequestEvent({ number: PR, baseSha: MAIN_SHA, headSha: sha }) };
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event,
    inputs: { ...BASE_INPUTS, ...inputs },
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: where === 'main' ? 'refs/heads/main' : `refs/pull/${PR}/merge`,
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      ...env,
    },
    timeoutMs: 180_000,
  });
}

const shard = (where: Where, runId: number, i: number, env: Record<string, string> = {}): Promise<ActionRun> =>
  act(where, runId, { shard: `${i}/3` }, env);
const report = (where: Where, runId: number, extra: Record<string, string> = {}): Promise<ActionRun> =>
  act(where, runId, { mode: 'report', shards: '3', ...extra });

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** What the shard logged of its own trials: `shard i/3: N trials (T trained, C cached)`. */
function shardCounts(r: ActionRun): { trials: number; trained: number; cached: number } {
  const m = /shard \d\/3: (\d+) trials \((\d+) trained, (\d+) cached\)/.exec(r.stdout);
  if (!m) throw new Error(`no shard count line\n${explain(r)}`);
  return { trials: Number(m[1]), trained: Number(m[2]), cached: Number(m[3]) };
}

/** A cache entry's archive (tar, zstd or gzip), unpacked; its one JSON file parsed. */
async function storedJson(key: string): Promise<ResultsDoc & Record<string, unknown>> {
  const entry = cache.entries.find((e) => e.committed && e.key === key);
  if (!entry) throw new Error(`no cache entry ${key}; have ${cache.keys().join(', ')}`);
  const dir = await mkdtemp(path.join(root, 'entry-'));
  const archive = path.join(dir, 'archive');
  await writeFile(archive, entry.archive!);
  const unpack = entry.archive!.readUInt32LE(0) === 0xfd2fb528 ? ['--use-compress-program', 'zstd -d --long=30'] : ['-z'];
  const names = execFileSync('tar', [...unpack, '-tf', archive, '-P'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  // Members are relative to the workspace and the store is outside it (`../_temp/…`): -P keeps the `..`.
  const out = path.join(dir, 'x', 'y', 'workspace');
  await mkdir(out, { recursive: true });
  execFileSync('tar', [...unpack, '-P', '-xf', archive, '-C', out]);
  return JSON.parse(
    await readFile(
      path.resolve(
        out,
        names.find((n) => n.endsWith('.json'))!,
      ),
      'utf8',
    ),
  );
}

const trialsOf = (doc: ResultsDoc): unknown[] =>
  doc.trials.map((t) => ({ key: t.key, params: t.params, seed: t.seed, metrics: t.metrics }));
const ours = (): ReturnType<FakeGitHub['comments']> =>
  gh.comments(REPO.owner, REPO.repo, PR).filter((c) => c.user.login === ACTIONS_BOT.login);

let reference: ResultsDoc;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-shards-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  await cp(FIXTURE, path.join(workspace, 'ml'), { recursive: true, filter: (src) => !src.includes('.sweepgate') });
  // A shard can be broken on purpose: its objective module then fails to load, and the sweep with it.
  const objective = path.join(workspace, 'ml', 'objective.mjs');
  await writeFile(
    objective,
    `if (process.env.SWEEPGATE_E2E_BREAK === '1') throw new Error('shard broken on purpose');\n${await readFile(objective, 'utf8')}`,
  );
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } } });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
  // The one-runner sweep, by the committed CLI, in a store of its own.
  const json = path.join(root, 'reference.json');
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist', 'cli.js'), 'run', 'ml/sweep.yml', '--json', json, '--cache-dir', path.join(root, 'cli-store'), '--quiet'],
    { cwd: workspace, encoding: 'utf8', timeout: 180_000 },
  );
  if (cli.status !== 0) throw new Error(`reference run failed: ${cli.stderr}`);
  reference = JSON.parse(await readFile(json, 'utf8'));
}, 240_000);

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a grid sweep in three shards and a report job', () => {
  it('main: the shards split the grid, and the merged baseline is the one-runner sweep trial for trial', async () => {
    const shards = [await shard('main', 100, 1), await shard('main', 100, 2), await shard('main', 100, 3)];
    for (const r of shards) expect(r.code, explain(r)).toBe(0);
    expect(shards.map((r) => shardCounts(r))).toEqual([1, 2, 3].map(() => ({ trials: 2, trained: 2, cached: 0 })));
    expect(shards[1]!.summary).toContain('(shard 2/3)');
    expect(cache.keys()).toEqual(expect.arrayContaining([1, 2, 3].map((i) => `sweepgate-v2-shard-${keySafe(SWEEP)}-100-${i}of3-1`)));
    // No shard records a baseline.
    expect(cache.keys().some((k) => k.includes('-baseline-'))).toBe(false);

    const r = await report('main', 100);
    expect(r.code, explain(r)).toBe(0);
    expect(r.summary).toContain('**Shards**: 3 of 3 merged');
    expect(r.summary).toContain('baseline on main');
    const baseline = await storedJson(`sweepgate-v2-baseline-${keySafe(SWEEP)}-${MAIN_SHA}`);
    expect(trialsOf(baseline)).toEqual(trialsOf(reference));
    expect(baseline.best).toEqual(reference.best);
    expect(baseline.stats).toMatchObject({ trials: 6, trained: 6, cached: 0, stopReason: 'exhausted' });
    // The champion is known only after the merge: the report job recorded it, on the one-runner sweep's seeds.
    expect(baseline.champion?.runs.map((x) => x.seed)).toEqual(reference.champion?.runs.map((x) => x.seed));
    expect(baseline.champion?.runs).toHaveLength(DEFAULT_CHAMPION_SEEDS);
    // The merged run's cost is every shard's trials and the report job's champion, not one shard's.
    expect(baseline.cost?.trainings).toEqual({ spent: 6 + DEFAULT_CHAMPION_SEEDS, cache: 0, sequentialStop: 0, replayOnly: 0 });
    expect(JSON.parse(r.outputs['best-params']!)).toEqual(reference.best?.params);
    expect(ours()).toEqual([]);
  }, 600_000);

  it('an unchanged PR: every shard restores the others’ trials and trains nothing; one comment; it passes', async () => {
    const shards = [await shard('pr', 200, 1), await shard('pr', 200, 2), await shard('pr', 200, 3)];
    for (const r of shards) expect(r.code, explain(r)).toBe(0);
    expect(shards.map((r) => shardCounts(r))).toEqual([1, 2, 3].map(() => ({ trials: 2, trained: 0, cached: 2 })));
    // Main's champion seeds replayed between the shards (i takes seeds i, i + 3, …), all from the cache.
    const replayed = shards.map((r) => r.stdout.match(/main's champion, replayed: seed \d+\/(\d+).*\(cached\)/g)?.length ?? 0);
    expect(replayed.reduce((a, b) => a + b, 0)).toBe(DEFAULT_CHAMPION_SEEDS);
    expect(shards.every((r) => !/main's champion, replayed: .*(?<!\(cached\))$/m.test(r.stdout))).toBe(true);
    const r = await report('pr', 200);
    expect(r.code, explain(r)).toBe(0);
    expect(r.summary).toContain('**Shards**: 3 of 3 merged');
    expect(r.summary).toContain('6 searched');
    expect(r.summary).toContain('0 trained, 6 from the cache');
    expect(r.summary).toContain(`**Cost**: 0 trainings · saved ${6 + DEFAULT_CHAMPION_SEEDS} by the cache`);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain('**Shards**: 3 of 3 merged');
    expect(r.outputs.regressed).toBe('false');
  }, 600_000);

  it('a missing shard is named and fails the gate; with allow-missing-shards the others decide', async () => {
    for (const i of [1, 3]) expect((await shard('pr', 300, i)).code).toBe(0);
    const r = await report('pr', 300);
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toContain('1 of 3 shards missing or failed: shard 2/3 (missing: no cache entry');
    expect(r.summary).toContain('**Shards**: 2 of 3 merged · ❌ not merged: shard 2/3 (missing: no cache entry');
    expect(r.summary).toContain('4 searched');
    // The lost shard's share of the replay ran in the report job, so the champion comparison is whole.
    expect(r.stdout).toContain("report job: replaying main's champion on");
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain('shard 2/3 (missing');
    const allowed = await report('pr', 300, { 'allow-missing-shards': 'true' });
    expect(allowed.code, explain(allowed)).toBe(0);
    expect(allowed.summary).toContain('shard 2/3 (missing');
    expect(allowed.warnings.join('\n')).toContain("'allow-missing-shards' is true");
  }, 600_000);

  it('a failed shard says so in its document: named, and the gate fails unless allowed', async () => {
    const broken = [await shard('pr', 400, 1), await shard('pr', 400, 2, { SWEEPGATE_E2E_BREAK: '1' }), await shard('pr', 400, 3)];
    expect(broken.map((r) => r.code)).toEqual([0, 1, 0]);
    const r = await report('pr', 400);
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toMatch(/shard 2\/3 \(failed: it failed: .*shard broken on purpose/);
    expect(r.summary).toContain('2 of 3 merged');
    const allowed = await report('pr', 400, { 'allow-missing-shards': 'true' });
    expect(allowed.code, explain(allowed)).toBe(0);
  }, 600_000);
});

describe('a staged sweep with shards', () => {
  const STAGED = 'e2e-staged';
  const staged = { config: 'ml/staged.yml' };
  beforeAll(async () => {
    await writeFile(
      path.join(workspace, 'ml', 'staged.yml'),
      [
        `name: ${STAGED}`,
        'method: grid',
        'seed: 7',
        'metric: {name: val_loss, goal: minimize}',
        'objective: ./objective.mjs',
        'fingerprint: [data.csv]',
        'parameters:',
        '  w: {values: [1.5, 2.0, 2.5]}',
        '  b: {values: [0.5, 1.0]}',
        'stages:',
        '  - parameters: [w]',
        '  - parameters: [b]',
        '',
      ].join('\n'),
    );
  });

  it('runs whole in the report job: the shards do nothing, the report job runs the stages and records the baseline', async () => {
    const shards = [1, 2, 3].map((i) => act('main', 500, { ...staged, shard: `${i}/3` }));
    for (const r of await Promise.all(shards)) {
      expect(r.code, explain(r)).toBe(0);
      expect(r.stdout).toContain('nothing to do here: stages cannot be split across shards');
      expect(r.summary).toContain('the report job runs it whole');
    }
    expect(cache.keys().some((k) => k.includes(`shard-${keySafe(STAGED)}`))).toBe(false);
    const r = await act('main', 500, { ...staged, mode: 'report', shards: '3' });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain('so the sweep runs whole in this job');
    expect(r.summary).not.toContain('**Shards**');
    const baseline = await storedJson(`sweepgate-v2-baseline-${keySafe(STAGED)}-${MAIN_SHA}`);
    expect(baseline.stages).toHaveLength(2);
    expect(baseline.stats.trained).toBeGreaterThan(0);
    expect(baseline.champion?.runs).toHaveLength(DEFAULT_CHAMPION_SEEDS);
  }, 600_000);
});
