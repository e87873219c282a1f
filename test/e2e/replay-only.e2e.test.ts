import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';
import { pullRequestEvent, pushEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';

/**
 * Issue 21, points 3 and 7, on the committed dist/ against the loopback GitHub API and Actions cache: a replay-only
 * PR (`pr: {search: false}` in the config, or the `search: false` input) trains main's champion and nothing else,
 * the gate decides on it as always, the comment says the search ran on main only and shows main's best params, and
 * the cost line says what replay-only and the cache saved. The built-in trainer on Iris; main's baseline recorded
 * once; scenarios run in order on one workspace.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IRIS = path.join(ROOT, 'fixtures/data/iris.csv');
const MAIN_SHA = 'a'.repeat(40);
const TOKEN = 'ghs_e2e_replay_only_token';
const RUNTIME_TOKEN = 'runtime-token-replay-only';
const PR = 9;

const MAIN_YAML = `name: e2e-replay-only
method: grid
seed: 7
metric:
  name: val_accuracy
  goal: maximize
trainer:
  type: tabular
  data: data.csv
  target: species
  task: classification
  validation_split: 0.3
  defaults:
    epochs: 30
    batch_size: 16
parameters:
  learning_rate:
    values: [0.02]
  units:
    values: [8, 16, 32]
champion:
  seeds: 4
parallel: 1
gate:
  val_accuracy: 0.02
`;
/** Grid trials main searched, and champion seeds: what a replay-only PR does and does not train. */
const GRID = 3;
const SEEDS = 4;
/** The sequential replay's first look (core/gate/sequential.ts): these PRs are decided there, one seed short of all. */
const LOOK = 3;
const EPOCHS = 30;

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;
let iris: string;
let mislabeled: string;

async function act(
  event: { name: string; payload: object },
  sha: string,
  ref: string,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  runs++;
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event,
    inputs: { config: 'ml/sweep.yml', 'github-token': TOKEN, backend: 'cpu', ...inputs },
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_RUN_ID: String(9000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    },
    timeoutMs: 180_000,
  });
}

const pullRequest = (sha: string, inputs: Record<string, string> = {}): Promise<ActionRun> =>
  act(
    { name: 'pull_request', payload: pullRequestEvent({ number: PR, baseSha: MAIN_SHA, headSha: sha }) },
    sha,
    `refs/pull/${PR}/merge`,
    inputs,
  );

async function files(yaml: string, data: string): Promise<void> {
  await writeFile(path.join(workspace, 'ml', 'sweep.yml'), yaml);
  await writeFile(path.join(workspace, 'ml', 'data.csv'), data);
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const ourComment = (): string => gh.comments(REPO.owner, REPO.repo, PR).find((c) => c.user.login === ACTIONS_BOT.login)?.body ?? '';
const costLine = (md: string): string => md.split('\n').find((l) => l.startsWith('- **Cost**')) ?? '';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-e2e-replay-only-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  await mkdir(path.join(workspace, 'ml'), { recursive: true });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } } });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
  iris = await readFile(IRIS, 'utf8');
  const [header, ...lines] = iris.trim().split('\n');
  const species = ['setosa', 'versicolor', 'virginica'];
  // Every 3rd row gets the next species: a harmful data change the champion replay must catch.
  mislabeled = `${header}\n${lines
    .map((l, i) => {
      const r = l.split(',');
      return i % 3 === 0 ? [...r.slice(0, 4), species[(species.indexOf(r[4]!) + 1) % 3]].join(',') : l;
    })
    .join('\n')}\n`;
});

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('replay-only PRs: only main’s champion is trained, the gate is unchanged, and the comment says so', () => {
  it('main searches even with `search: false` (a baseline needs its search), and records what it cost', async () => {
    await files(MAIN_YAML, iris);
    const r = await act({ name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }) }, MAIN_SHA, 'refs/heads/main', {
      search: 'false',
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(
      'pr.search is false, but this run does not replay a baseline (the baseline branch always searches): searching',
    );
    const baseline = await storedBaseline();
    expect(baseline.trials).toHaveLength(GRID);
    expect(baseline.champion.runs).toHaveLength(SEEDS);
    expect(baseline.cost.trainings).toEqual({ spent: GRID + SEEDS, cache: 0, sequentialStop: 0, replayOnly: 0 });
    // Every training ran its epochs (no pruner, no early stopping): the epochs spent are exactly trainings × epochs.
    expect(baseline.cost.epochs).toEqual({ spent: (GRID + SEEDS) * EPOCHS, cache: 0, sequentialStop: 0, replayOnly: 0, estimated: [] });
  });

  it('`pr: {search: false}` on a harmful PR: the replay alone catches it, and nothing is searched', async () => {
    await files(`${MAIN_YAML}pr:\n  search: false\n`, mislabeled);
    const r = await pullRequest('b'.repeat(40));
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toContain("replay-only: the search ran on main only; this run replays main's champion");
    expect(r.stdout).not.toMatch(/\[\d+\/\d+\]/); // no search trial's progress line
    expect(r.errors.join('\n')).toMatch(
      /gate failed: main's best config loses \d+ points of val_accuracy on this PR .*decided after 3 of 4 seeds: clearly past the 2-point threshold/,
    );
    const comment = ourComment();
    expect(comment).toMatch(/❌ \*\*Regression\*\*: main's best config loses \d+ points of val_accuracy on this PR/);
    expect(comment).toContain('**Best hyperparameters: main’s** (the search ran on main only; the replay trained these)');
    expect(comment).toContain('- **Trials**: none: a replay-only PR (`pr.search: false`), the search ran on main only');
    expect(comment).toContain(
      `**Champion replay**: main’s best params on ${LOOK} of main’s ${SEEDS} seeds (${LOOK} trained, 0 from the cache)`,
    );
    expect(comment).not.toContain('**Budget**');
    // Replay-only saved main's whole grid (with its epochs, estimated from main's trials); the replay trained its seeds.
    expect(costLine(comment)).toBe(
      `- **Cost**: ${LOOK} trainings (${LOOK * EPOCHS} epochs) · saved ${SEEDS - LOOK} by the sequential stop (≈ ${(SEEDS - LOOK) * EPOCHS} epochs), ${GRID} by replay-only (≈ ${GRID * EPOCHS} epochs)`,
    );
    // No "config differs" warning: `pr:` says how a PR runs, not what a trial computes.
    expect(comment).not.toContain('sweep config differs');
    expect(r.outputs['best-params']).toBe('{}');
    expect(r.outputs.regressed).toBe('true');
  });

  it('the `search: false` input on an unchanged PR: the replay comes from the cache, so the PR trains nothing at all', async () => {
    await files(MAIN_YAML, iris);
    const r = await pullRequest('c'.repeat(40), { search: 'false' });
    expect(r.code, explain(r)).toBe(0);
    const comment = ourComment();
    expect(comment).toMatch(
      /✅ \*\*No regression\*\*: main's best config scores val_accuracy [\d.]+, exactly as on main.*the search ran on main only/,
    );
    expect(comment).toContain(`${LOOK} of main’s ${SEEDS} seeds (0 trained, ${LOOK} from the cache)`);
    expect(costLine(comment)).toBe(
      `- **Cost**: 0 trainings (0 epochs) · saved ${LOOK} by the cache (${LOOK * EPOCHS} epochs), ${SEEDS - LOOK} by the sequential stop (≈ ${(SEEDS - LOOK) * EPOCHS} epochs), ${GRID} by replay-only (≈ ${GRID * EPOCHS} epochs)`,
    );
  });

  it('a rule `on: best` cannot be evaluated without a search: it fails, and the comment says why', async () => {
    await files(MAIN_YAML.replace('val_accuracy: 0.02', 'val_accuracy: 0.02\n  val_loss:\n    threshold: "50%"\n    on: best'), iris);
    const r = await pullRequest('d'.repeat(40), { search: 'false' });
    expect(r.code, explain(r)).toBe(1);
    const comment = ourComment();
    expect(comment).toContain(
      'Rules on this PR’s best cannot be evaluated on a replay-only PR, which runs no search, so they fail: val_loss (on: best).',
    );
    expect(comment).toMatch(/❌ \*\*Regression\*\*: val_loss is [\d.]+ on main but this run produced no value/);
  });

  it('`search: true` overrides the config: the PR searches again (with its cost)', async () => {
    await files(`${MAIN_YAML}pr:\n  search: false\n`, iris);
    const r = await pullRequest('e'.repeat(40), { search: 'true' });
    expect(r.code, explain(r)).toBe(0);
    const comment = ourComment();
    expect(comment).toContain(`- **Trials**: ${GRID} searched`);
    // An unchanged PR: main's search and champion both come from the cache, and the replay is decided at its first look.
    expect(costLine(comment)).toBe(
      `- **Cost**: 0 trainings (0 epochs) · saved ${GRID + LOOK} by the cache (${(GRID + LOOK) * EPOCHS} epochs), ${SEEDS - LOOK} by the sequential stop (≈ ${(SEEDS - LOOK) * EPOCHS} epochs)`,
    );
  });
});

/** The baseline main stored in the Actions cache, unpacked and read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored JSON, read loosely
async function storedBaseline(): Promise<any> {
  const entry = cache.entries.find((e) => e.committed && e.key.includes('-baseline-'))!;
  const dir = await mkdtemp(path.join(root, 'baseline-'));
  const archive = path.join(dir, 'archive');
  await writeFile(archive, entry.archive!);
  const zstd = entry.archive!.readUInt32LE(0) === 0xfd2fb528;
  const unpack = zstd ? ['--use-compress-program', 'zstd -d --long=30'] : ['-z'];
  const names = execFileSync('tar', [...unpack, '-tf', archive, '-P'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const out = path.join(dir, 'x', 'workspace');
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
