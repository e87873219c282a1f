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
import { splitRows } from '../../src/trainer/data/split.js';

/**
 * Issue 20, points 1 and 2, on the committed dist/ against the loopback GitHub API and Actions cache: the baseline's
 * rules decide (a PR that loosens its own gate, turns the replay off, moves the validation split or changes the
 * trainer's defaults is still judged by main's), a maintainer's label accepts a regression on purpose, and a
 * baseline recorded before settings were recorded still compares when nothing changed. The built-in trainer on Iris
 * (150 rows, a second a run), main's baseline recorded once; scenarios run in order on one workspace.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IRIS = path.join(ROOT, 'fixtures/data/iris.csv');
const MAIN_SHA = 'a'.repeat(40);
const TOKEN = 'ghs_e2e_gate_token';
const RUNTIME_TOKEN = 'runtime-token-gate';
const ALICE = { login: 'alice', id: 2, type: 'User' as const };
const LABEL = 'sweepgate: accept regression';
const PR = 7;

/** Main's sweep: the rules every PR below is judged by. */
const MAIN_YAML = `name: e2e-iris
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
    epochs: 40
    batch_size: 16
parameters:
  learning_rate:
    values: [0.02]
  units:
    values: [8, 16]
champion:
  seeds: 5
parallel: 1
gate:
  val_accuracy: 0.02
  val_loss: "10%"
`;

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;

const INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, backend: 'cpu', 'accept-label': LABEL };

async function act(event: { name: string; payload: object }, sha: string, ref: string, attempt = '1'): Promise<ActionRun> {
  runs++;
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event,
    inputs: INPUTS,
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_RUN_ID: String(7000 + runs),
      GITHUB_RUN_ATTEMPT: attempt,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    },
    timeoutMs: 180_000,
  });
}

/** A PR run; every PR below has its own head commit, and a re-run keeps the commit and the (stale) event payload. */
const pullRequest = (sha: string, attempt = '1'): Promise<ActionRun> =>
  act(
    { name: 'pull_request', payload: pullRequestEvent({ number: PR, baseSha: MAIN_SHA, headSha: sha }) },
    sha,
    `refs/pull/${PR}/merge`,
    attempt,
  );

/** The PR's files: its sweep config and its data. */
async function files(yaml: string, data: string): Promise<void> {
  await writeFile(path.join(workspace, 'ml', 'sweep.yml'), yaml);
  await writeFile(path.join(workspace, 'ml', 'data.csv'), data);
}

function explain(r: ActionRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const ourComment = (): string => gh.comments(REPO.owner, REPO.repo, PR).find((c) => c.user.login === ACTIONS_BOT.login)?.body ?? '';

let iris: string;
/** A quarter of the rows (every 4th) with the wrong species: a harmful data change. */
let mislabeled: string;
/**
 * The split-seed attack: the rows main validates on (split_seed 0) that split_seed 3 trains on get noise for
 * features. Scored with split_seed 3 the PR validates on clean rows only and looks fine; on main's rows it is not.
 */
let noisyWhereMainValidates: string;

function csvRows(text: string): { header: string; rows: string[][] } {
  const [header, ...lines] = text.trim().split('\n');
  return { header: header!, rows: lines.map((l) => l.split(',')) };
}

function csv(header: string, rows: readonly (readonly string[])[]): string {
  return `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/** The validation rows of `rows` as the trainer splits them (a fraction of 0.3, grouped by species). */
function validationRows(rows: readonly (readonly string[])[], seed: number): Set<number> {
  const table = { file: 'data.csv', header: [], rows, lines: [] };
  return new Set(splitRows(table, (r) => rows[r]![4]!, 0.3, seed).validation);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-e2e-gate-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(ROOT, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  await mkdir(path.join(workspace, 'ml'), { recursive: true });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } }, maxPerPage: 2 });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });

  iris = await readFile(IRIS, 'utf8');
  const { header, rows } = csvRows(iris);
  const species = ['setosa', 'versicolor', 'virginica'];
  mislabeled = csv(
    header,
    rows.map((r, i) => (i % 4 === 0 ? [...r.slice(0, 4), species[(species.indexOf(r[4]!) + 1) % 3]!] : r)),
  );
  const mainRows = validationRows(rows, 0);
  const prRows = validationRows(rows, 3);
  noisyWhereMainValidates = csv(
    header,
    rows.map((r, i) =>
      mainRows.has(i) && !prRows.has(i) ? [...[0, 1, 2, 3].map((f) => (Math.abs(Math.sin(i * 7.3 + f)) * 7).toFixed(1)), r[4]!] : r,
    ),
  );
});

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the baseline’s rules decide, and a label accepts a regression on purpose', () => {
  it('main records its baseline with its rules and the settings a replay needs', async () => {
    await files(MAIN_YAML, iris);
    const r = await act({ name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }) }, MAIN_SHA, 'refs/heads/main');
    expect(r.code, explain(r)).toBe(0);
    const baseline = await storedBaseline();
    expect(baseline.gate.map((g: { metric: string }) => g.metric)).toEqual(['val_accuracy', 'val_loss']);
    expect(baseline.champion.runs).toHaveLength(5);
    expect(baseline.champion.settings).toEqual({ validationSplit: 0.3, splitSeed: 0, defaults: { epochs: 40, batch_size: 16 } });
  });

  it('(a) a PR that mislabels rows, raises its threshold to 0.9 and drops the val_loss rule fails by main’s rules', async () => {
    await files(MAIN_YAML.replace('val_accuracy: 0.02\n  val_loss: "10%"', 'val_accuracy: 0.9'), mislabeled);
    const r = await pullRequest('b'.repeat(40));
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toMatch(
      /gate failed: main's best config loses \d+ points of val_accuracy on this PR .*past the 2-point (gate|threshold)/,
    );
    expect(r.errors.join('\n')).toContain(
      'this PR raises the val_accuracy threshold from 0.02 to 0.9 and drops the val_loss rule: main’s rules apply until it is merged',
    );
    expect(ourComment()).toContain(
      'This PR raises the val_accuracy threshold from 0.02 to 0.9 and drops the val_loss rule: main’s rules apply until it is merged.',
    );
    expect(r.outputs.regressed).toBe('true');
  });

  it('(b) champion seeds 0, a larger alpha and `on: best`: main’s champion is still replayed and main’s rule applies', async () => {
    const yaml = MAIN_YAML.replace('seeds: 5', 'seeds: 0').replace(
      'val_accuracy: 0.02',
      'val_accuracy:\n    threshold: 0.02\n    alpha: 0.5\n    on: best',
    );
    await files(yaml, mislabeled);
    const r = await pullRequest('c'.repeat(40));
    expect(r.code, explain(r)).toBe(1);
    // Main's rule (on the champion) still decides, so the sequential replay may stop at its first look (issue 21).
    expect(r.stdout).toMatch(/main's champion, replayed: seed [35]\/5/);
    expect(r.errors.join('\n')).toMatch(/gate failed: main's best config loses \d+ points of val_accuracy on this PR/);
    expect(ourComment()).toContain(
      'This PR raises the val_accuracy alpha from 0.05 to 0.5 and judges val_accuracy on best instead of champion: main’s rule applies until it is merged.',
    );
  });

  it('(c) a changed split_seed is replayed with main’s, and the harm it hid fails the gate', async () => {
    await files(MAIN_YAML.replace('validation_split: 0.3', 'validation_split: 0.3\n  split_seed: 3'), noisyWhereMainValidates);
    const r = await pullRequest('d'.repeat(40));
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toContain("main's champion is replayed with main's settings, not this PR's: split_seed 0 → 3");
    expect(ourComment()).toContain('Replayed with main’s validation split and trainer defaults, not this PR’s: split_seed 0 → 3.');
    expect(r.errors.join('\n')).toMatch(
      /gate failed: main's best config loses \d+ points of val_accuracy on this PR .*past the 2-point (gate|threshold)/,
    );
    // Scored on its own split, the PR's search looks as good as main's: only the replay on main's rows shows the harm.
    const best = JSON.parse(r.outputs['best-metrics']!) as { val_accuracy: number };
    expect(best.val_accuracy).toBeGreaterThan(0.85);
  });

  it('(d) changed trainer.defaults: the replay trains with main’s, exactly main’s champion runs', async () => {
    await files(MAIN_YAML.replace('epochs: 40', 'epochs: 2'), iris);
    const r = await pullRequest('e'.repeat(40));
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(
      'main\'s champion is replayed with main\'s settings, not this PR\'s: trainer.defaults {"batch_size":16,"epochs":40} → {"batch_size":16,"epochs":2}',
    );
    // The same trainer, data, params and seeds as main's champion: every replay run is main's own, from the cache.
    expect(ourComment()).toContain('all from the cache');
    expect(ourComment()).toMatch(/main's best config scores val_accuracy [\d.]+, exactly as on main/);
  });

  it('a failed gate with the accept label passes, says who accepted it, and a label added before a re-run is seen', async () => {
    await files(MAIN_YAML, mislabeled);
    const sha = 'f'.repeat(40);
    const failed = await pullRequest(sha);
    expect(failed.code, explain(failed)).toBe(1);
    expect(failed.stdout).toContain(`the PR does not carry the '${LABEL}' label`);

    // A maintainer adds the label and re-runs the job: the payload still has no label; the API does.
    gh.addLabel(REPO.owner, REPO.repo, PR, ACTIONS_BOT, LABEL);
    gh.removeLabel(REPO.owner, REPO.repo, PR, ACTIONS_BOT, LABEL);
    gh.addLabel(REPO.owner, REPO.repo, PR, ALICE, 'ml');
    gh.addLabel(REPO.owner, REPO.repo, PR, ALICE, LABEL);
    const rerun = await pullRequest(sha, '2');
    expect(rerun.code, explain(rerun)).toBe(0);
    expect(rerun.outputs.regressed).toBe('true');
    expect(rerun.warnings.join('\n')).toMatch(
      /sweepgate: gate failed: main's best config loses .* \(accepted by @alice with the label "sweepgate: accept regression", so it passes\)/,
    );
    const body = ourComment();
    expect(body).toContain('❌ **Regression**: main');
    expect(body).toContain(
      '✅ **Accepted on purpose**: accepted by @\u2060alice with the label "sweepgate: accept regression", so the check passes.',
    );
    expect(body).not.toContain('@alice');
  });

  it('API trouble while reading labels is a warning and the gate stays failed', async () => {
    gh.fail({ status: 404, method: 'GET', message: 'Not Found' });
    // The first GET is the label list (the comment's own GETs come after the decision is made).
    const r = await pullRequest('f'.repeat(40), '3');
    expect(r.code, explain(r)).toBe(1);
    expect(r.warnings.join('\n')).toMatch(
      /could not read the PR's labels to look for 'sweepgate: accept regression' \(HTTP 404: .*\); the gate stays failed/,
    );
  });

  it('a baseline recorded before settings were recorded still compares when the PR changed no config', async () => {
    gh.removeLabel(REPO.owner, REPO.repo, PR, ALICE, LABEL);
    await rewriteBaseline((doc) => {
      delete doc.champion.settings;
    });
    expect((await storedBaseline()).champion.settings).toBeUndefined();
    await files(MAIN_YAML, iris);
    const same = await pullRequest('1'.repeat(40));
    expect(same.code, explain(same)).toBe(0);
    expect(ourComment()).toMatch(/✅ \*\*No regression\*\*: main's best config scores val_accuracy [\d.]+, exactly as on main/);
  });

  it('an old baseline and a PR that changes the config cannot be replayed like for like: not comparable, and it fails', async () => {
    await files(MAIN_YAML.replace('validation_split: 0.3', 'validation_split: 0.3\n  split_seed: 3'), iris);
    const r = await pullRequest('2'.repeat(40));
    expect(r.code, explain(r)).toBe(1);
    expect(r.errors.join('\n')).toContain(
      'gate failed: not comparable with main: the baseline was recorded by an older sweepgate that did not record its validation split and trainer.defaults',
    );
    expect(ourComment()).toContain('❌ not comparable');
  });
});

/** The baseline main stored in the Actions cache: its archive (tar, zstd or gzip), unpacked. */
async function unpackBaseline(): Promise<{ dir: string; file: string; names: string[]; zstd: boolean }> {
  const entry = cache.entries.find((e) => e.committed && e.key.includes('-baseline-'))!;
  const dir = await mkdtemp(path.join(root, 'baseline-'));
  const archive = path.join(dir, 'archive');
  await writeFile(archive, entry.archive!);
  const zstd = entry.archive!.readUInt32LE(0) === 0xfd2fb528;
  const unpack = zstd ? ['--use-compress-program', 'zstd -d --long=30'] : ['-z'];
  const names = execFileSync('tar', [...unpack, '-tf', archive, '-P'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  // Members are named relative to the workspace, and the store lives outside it (`../_temp/…`): -P keeps the `..`,
  // which lands inside `dir` from a folder two levels down.
  const out = path.join(dir, 'x', 'workspace');
  await mkdir(out, { recursive: true });
  execFileSync('tar', [...unpack, '-P', '-xf', archive, '-C', out]);
  const file = names.find((n) => n.endsWith('.json'))!;
  return { dir, file: path.resolve(out, file), names, zstd };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored JSON, read loosely
async function storedBaseline(): Promise<any> {
  const { file } = await unpackBaseline();
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Edits the stored baseline in place, as a baseline written by an older sweepgate would read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored JSON, edited loosely
async function rewriteBaseline(edit: (doc: any) => void): Promise<void> {
  const { dir, file, names, zstd } = await unpackBaseline();
  const doc = JSON.parse(await readFile(file, 'utf8'));
  edit(doc);
  await writeFile(file, JSON.stringify(doc));
  const packed = path.join(dir, 'packed');
  execFileSync('tar', [
    ...(zstd ? ['--use-compress-program', 'zstd'] : ['-z']),
    '-P',
    '-cf',
    packed,
    '-C',
    path.join(dir, 'x', 'workspace'),
    ...names,
  ]);
  const entry = cache.entries.find((e) => e.committed && e.key.includes('-baseline-'))!;
  entry.archive = await readFile(packed);
}
