import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const fixture = path.resolve(__dirname, '../../fixtures/sweeps/quadratic');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('sweepgate run --baseline: main’s rules and --accept-regression', () => {
  it('judges by the baseline’s rule, and a given reason accepts the failure it would have been', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-accept-'));
    await cp(fixture, dir, { recursive: true });
    const config = path.join(dir, 'sweep.yml');
    const base = path.join(dir, 'base.json');
    const yaml = await readFile(config, 'utf8');
    await writeFile(config, `${yaml}gate:\n  loss: 0.01\n`);
    expect((await cli('run', config, '--json', base, '--quiet', '--backend', 'cpu')).code).toBe(0);
    // The PR makes the objective worse and, in the same change, raises its own threshold past the harm.
    const objective = path.join(dir, 'objective.mjs');
    await writeFile(
      objective,
      (await readFile(objective, 'utf8')).replace("(params.kind === 'bowl' ? 0 : 0.5)", "(params.kind === 'bowl' ? 0 : 0.5) + 0.5"),
    );
    await writeFile(config, `${yaml}gate:\n  loss: 5\n`);
    const failed = await cli('run', config, '--baseline', base, '--quiet', '--backend', 'cpu');
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(
      // Main's rule decides the sequential replay too: clearly past main's 0.01 after the first look (issue 21).
      'decided after 3 of 10 seeds: clearly past the 0.01 threshold. This PR raises the loss threshold from 0.01 to 5: main’s rule applies until it is merged.',
    );

    const accepted = await cli(
      'run',
      config,
      '--baseline',
      base,
      '--quiet',
      '--backend',
      'cpu',
      '--accept-regression',
      'the new loss is @by design',
    );
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('❌ **Regression**');
    expect(accepted.out).toContain('✅ **Accepted on purpose**: accepted: the new loss is @\u2060by design, so the check passes.');
    expect(accepted.err).toMatch(/sweepgate: gate failed: .*\(accepted: the new loss is @by design, so it passes\)\n$/);
  });

  it('--accept-regression needs a reason and a baseline', async () => {
    const empty = await cli('run', path.join(fixture, 'sweep.yml'), '--accept-regression', ' ');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--accept-regression needs a reason (why the regression is accepted), got ""');
    const alone = await cli('run', path.join(fixture, 'sweep.yml'), '--accept-regression', 'why not');
    expect(alone.code).toBe(2);
    expect(alone.err).toContain(
      '--accept-regression goes with --baseline (there is no gate without one), got --accept-regression "why not"',
    );
  });
});

describe('sweepgate run --baseline: the replay on main’s validation rows', () => {
  const iris = path.resolve(__dirname, '../../fixtures/data/iris.csv');
  const yaml = (splitBy: string): string => `name: iris-ids
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
  validation_split: 0.3${splitBy}
  defaults:
    epochs: 10
parameters:
  units:
    values: [8]
champion:
  seeds: 2
parallel: 1
gate:
  val_accuracy: 0.02
`;

  it('a PR whose data no longer has main’s split_by column is not comparable, and fails saying why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-splitby-'));
    const [header, ...rows] = (await readFile(iris, 'utf8')).trim().split('\n');
    await writeFile(path.join(dir, 'data.csv'), `plant,${header}\n${rows.map((r, i) => `p${i},${r}`).join('\n')}\n`);
    await writeFile(path.join(dir, 'sweep.yml'), yaml('\n  split_by: [plant]'));
    const base = path.join(dir, 'base.json');
    expect((await cli('run', path.join(dir, 'sweep.yml'), '--json', base, '--quiet', '--backend', 'cpu')).code).toBe(0);
    // The PR drops the id column from its data and split_by from its config.
    await writeFile(path.join(dir, 'data.csv'), `${header}\n${rows.join('\n')}\n`);
    await writeFile(path.join(dir, 'sweep.yml'), yaml(''));
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', base, '--quiet', '--backend', 'cpu');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /sweepgate: gate failed: not comparable with main: main's validation settings cannot be applied to this PR's data \(.*plant.*\)/,
    );
    expect(r.out).toContain('❌ not comparable');
  });
});

describe('sweepgate run --baseline: a PR that stops searching a parameter main’s champion used', () => {
  it('the built-in trainer replays main’s value, so the gate still judges main’s best config (no best-against-best fallback)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-kept-'));
    await cp(path.resolve(__dirname, '../../fixtures/data/separable.csv'), path.join(dir, 'separable.csv'));
    const config = path.join(dir, 'sweep.yml');
    const trainer = `method: grid\nseed: 1\nchampion: {seeds: 3}\ntrainer:\n  data: separable.csv\n  target: label\n  task: classification\n  features: [x1, x2, size, color]\n  defaults: {epochs: 3, batch_size: 32}\ngate:\n  val_accuracy: 0.05\n`;
    await writeFile(config, `${trainer}parameters:\n  learning_rate: {values: [0.05]}\n  layers: {values: [0, 1]}\n`);
    const base = path.join(dir, 'base.json');
    expect((await cli('run', config, '--json', base, '--quiet', '--backend', 'cpu')).code).toBe(0);
    const champion = (JSON.parse(await readFile(base, 'utf8')) as { champion: { params: { layers: number } } }).champion.params;
    // The PR drops `layers` from the space and narrows learning_rate away from main's value.
    await writeFile(config, `${trainer}parameters:\n  learning_rate: {values: [0.01, 0.02]}\n`);
    const pr = await cli('run', config, '--baseline', base, '--backend', 'cpu');
    expect(pr.out).toContain(
      `<code>layers</code> is no longer searched over main’s value by this PR: replayed with main’s ${champion.layers}, as main trained it.`,
    );
    expect(pr.out).toContain(
      '<code>learning_rate</code> is no longer searched over main’s value by this PR: replayed with main’s 0.05, as main trained it.',
    );
    expect(pr.out).not.toContain('could not be replayed');
    // Main's own champion runs (same params, seeds, code and data): served from the cache.
    expect(pr.out).toContain('**Gate: main’s best config, replayed on this PR** (3 seeds, paired seed by seed, all from the cache)');
    expect(pr.code).toBe(0);
  });
});
