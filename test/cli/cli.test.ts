import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { concludeSweep } from '../../src/engine/index.js';
import { parseSweepConfig } from '../../src/core/config/parse.js';

const fixture = path.resolve(__dirname, '../../fixtures/sweeps/quadratic');

async function workdir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-'));
  await cp(fixture, dir, { recursive: true });
  return dir;
}

/**
 * The fixture, run once as a user first runs it (no --quiet, --json into a folder that does not exist yet): its
 * output is what the first test checks, and its folder (its trial store and results JSON) is where the tests that
 * start from "a sweep that already ran on main" start, copied, instead of each training the same 12 trials and 10
 * champion seeds again.
 */
let template = '';
let firstRun: { code: number; out: string; err: string };
const FIRST_JSON = path.join('out', 'results.json');

/** A copy of the fixture after its first run: its .sweepgate trial store and out/results.json included. */
async function ranWorkdir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-'));
  await cp(template, dir, { recursive: true });
  return dir;
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('sweepgate CLI: a sweep, its cache and its gate', () => {
  beforeAll(async () => {
    template = await workdir();
    firstRun = await cli('run', path.join(template, 'sweep.yml'), '--json', path.join(template, FIRST_JSON), '--backend', 'cpu');
  }, 120_000);

  it('runs a sweep: report on stdout, progress on stderr, results JSON, exit 0', async () => {
    const json = path.join(template, FIRST_JSON);
    const r = firstRun;
    expect(r.err).toContain('[12/12]');
    expect(r.code).toBe(0);
    expect(r.out).toContain('### sweepgate: quadratic');
    expect(r.err).toMatch(/\[1\/12\] loss=[\d.]+ \(.+\) · best [\d.]+ · .* elapsed, ~.* left/);
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(doc.stats).toMatchObject({ trials: 12, trained: 12, cached: 0 });
    expect(doc.best?.params).toHaveProperty('x');
    expect(doc.trials[0]).toMatchObject({ status: 'complete', cached: false });
    expect(doc.backend).toBe('none'); // the quadratic module never touches ctx.tf
  });

  it('trains nothing on a second identical run', async () => {
    const dir = await ranWorkdir();
    const json = path.join(dir, 'r.json');
    const first = JSON.parse(await readFile(path.join(dir, FIRST_JSON), 'utf8')) as ResultsDoc;
    await cli('run', path.join(dir, 'sweep.yml'), '--json', json, '--quiet', '--backend', 'cpu');
    const second = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(second.stats).toMatchObject({ trained: 0, cached: 12 });
    expect(second.best).toEqual(first.best);
  });

  it('retrains when the objective module changes by one byte', async () => {
    const dir = await ranWorkdir();
    const json = path.join(dir, 'r.json');
    const file = path.join(dir, 'objective.mjs');
    await writeFile(file, `${await readFile(file, 'utf8')} `);
    await cli('run', path.join(dir, 'sweep.yml'), '--json', json, '--quiet', '--backend', 'cpu');
    expect((JSON.parse(await readFile(json, 'utf8')) as ResultsDoc).stats.trained).toBe(12);
  });

  it('exits 1 when --baseline shows a regression past the gate, 0 when not', async () => {
    const dir = await ranWorkdir();
    const json = path.join(dir, FIRST_JSON);
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    // Without --baseline the run records its champion on held-out seeds, so its JSON can serve as one.
    expect(doc.champion?.runs).toHaveLength(10);
    expect(new Set(doc.champion!.runs.map((r) => r.seed)).size).toBe(10);
    expect(doc.champion!.params).toEqual(doc.best!.params);
    await writeFile(path.join(dir, 'sweep.yml'), `${await readFile(path.join(dir, 'sweep.yml'), 'utf8')}gate:\n  loss: 0.01\n`);
    const same = await cli(
      'run',
      path.join(dir, 'sweep.yml'),
      '--baseline',
      json,
      '--json',
      path.join(dir, 'same.json'),
      '--quiet',
      '--backend',
      'cpu',
    );
    expect(same.code).toBe(0);
    expect(same.out).toContain("✅ **No regression**: main's best config scores loss");
    const replay = (JSON.parse(await readFile(path.join(dir, 'same.json'), 'utf8')) as ResultsDoc).replay!;
    // The same seeds in main's order, stopped at the first look: identical on every seed is clearly within the gate.
    expect(replay.runs.map((r) => r.seed)).toEqual(doc.champion!.runs.slice(0, 3).map((r) => r.seed));
    expect(replay.sequential).toEqual({ of: 10, seeds: 3, look: 1, looks: [3, 5, 10], why: 'within' });
    expect(replay.runs.every((r) => r.cached)).toBe(true); // nothing a trial depends on changed
    // The PR makes the objective worse by 0.5 everywhere: main's champion, replayed, is 0.5 worse on every seed.
    const file = path.join(dir, 'objective.mjs');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace("(params.kind === 'bowl' ? 0 : 0.5)", "(params.kind === 'bowl' ? 0 : 0.5) + 0.5"),
    );
    const worse = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--quiet', '--backend', 'cpu');
    expect(worse.code).toBe(1);
    expect(worse.out).toContain(
      "❌ **Regression**: main's best config raises loss by 0.5 on this PR (3 seeds, the same on every seed); decided after 3 of 10 seeds: clearly past the 0.01 threshold.",
    );
    expect(worse.err).toContain("sweepgate: gate failed: main's best config raises loss by 0.5 on this PR");
  });

  it("presents the engine's conclusion as it is: its report on stdout, its decision's message on stderr", async () => {
    const dir = await ranWorkdir(); // the gate is not part of a trial's key: main's run below comes from the store
    const base = path.join(dir, 'base.json');
    await writeFile(path.join(dir, 'sweep.yml'), `${await readFile(path.join(dir, 'sweep.yml'), 'utf8')}gate:\n  loss: 0.01\n`);
    await cli('run', path.join(dir, 'sweep.yml'), '--json', base, '--quiet', '--backend', 'cpu');
    const file = path.join(dir, 'objective.mjs');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace("(params.kind === 'bowl' ? 0 : 0.5)", "(params.kind === 'bowl' ? 0 : 0.5) + 0.5"),
    );
    const json = path.join(dir, 'pr.json');
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', base, '--json', json, '--quiet', '--backend', 'cpu');
    const results = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    const baseline = JSON.parse(await readFile(base, 'utf8')) as ResultsDoc;
    const layout = {
      baselineHowTo: 'Pass a results JSON from another run with --baseline to compare.',
      maxChars: Number.POSITIVE_INFINITY,
    };
    // The CLI passes the config's space, for the report's landscape.
    const configFile = path.join(dir, 'sweep.yml');
    const { space } = parseSweepConfig(await readFile(configFile, 'utf8'), configFile);
    const conclusion = concludeSweep({ results, gate: results.gate, space, compareWith: { baseline }, layout });
    expect(conclusion.decision.kind).toBe('gate-failed');
    expect(r.out).toBe(conclusion.report.full);
    expect(r.err).toBe(`${conclusion.decision.kind === 'passed' ? '' : conclusion.decision.message}\n`);
    expect(r.code).toBe(1);
    // Without --baseline: nothing compared, and the same report as the engine's.
    const alone = await cli('run', path.join(dir, 'sweep.yml'), '--json', json, '--quiet', '--backend', 'cpu');
    const own = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(alone.out).toBe(concludeSweep({ results: own, gate: own.gate, space, layout }).report.full);
    expect(alone.out).toContain('**Landscape**');
    expect(alone.code).toBe(0);
  });

  it('names each reason the champion cannot be replayed: a module without a parameter main used is not comparable; a baseline without a champion falls back to best against best', async () => {
    const dir = await ranWorkdir();
    const json = path.join(dir, FIRST_JSON);
    const sweep = await readFile(path.join(dir, 'sweep.yml'), 'utf8');
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    // Each PR searches only 3 trials (main ran 12): the reasons below are about main's champion and the PR's
    // space, never about how much the PR searched.
    const pr = async (yaml: string, baseline = json): Promise<string> => {
      expect(yaml).toContain('run_cap: 12\n');
      await writeFile(path.join(dir, 'sweep.yml'), `${yaml.replace('run_cap: 12\n', 'run_cap: 3\n')}gate:\n  loss: 0.01\n`);
      const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', baseline, '--quiet', '--backend', 'cpu');
      return r.out;
    };
    const fallback = 'so the gate compared this PR’s best with main’s best.';
    // A module's parameters are its arguments: without one, main's champion cannot be run as main ran it.
    const removed = await pr(sweep.replace(/ {2}kind:\n {4}values: \[flat, bowl\]\n/, ''));
    expect(removed).toContain('not comparable');
    expect(removed).toContain(
      "main's best params use kind, which this PR removed from the search space, so main's best config cannot be passed to this PR's objective as main ran it",
    );
    expect(removed).not.toContain(fallback);
    const outside = await pr(sweep.replace('min: -3.0\n    max: 3.0', 'min: 5.0\n    max: 6.0'));
    expect(outside).toContain('not comparable');
    expect(outside).toMatch(/main's x = [-\d.e]+ is outside this PR's search space for it, so main's best config cannot be passed/);
    const old = path.join(dir, 'old.json');
    await writeFile(old, JSON.stringify({ ...doc, champion: undefined }));
    expect(await pr(sweep, old)).toContain(
      'could not be replayed (the baseline has no champion runs: it was recorded before sweepgate replayed champions',
    );
    // A fixed value and an added parameter are replayed, and the report says how.
    const adjusted = await pr(
      sweep.replace(
        '  kind:\n    values: [flat, bowl]\n',
        `  kind:\n    value: ${doc.best!.params.kind === 'flat' ? 'bowl' : 'flat'}\n  extra:\n    min: 0.0\n    max: 1.0\n`,
      ),
    );
    expect(adjusted).toContain('**Gate: main’s best config, replayed on this PR**');
    expect(adjusted).toMatch(/<code>kind<\/code> is fixed by this PR: replayed with (flat|bowl) \(main’s best had (flat|bowl)\)\./);
    expect(adjusted).toContain(
      '<code>extra</code> is new in this PR’s space: left out of the replay, so the program uses its own default, as on main.',
    );
  });

  it('fails the gate when a gated metric main has is missing from this run (as the Action does)', async () => {
    const dir = await ranWorkdir();
    const json = path.join(dir, FIRST_JSON);
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    const champion = { ...doc.champion!, runs: doc.champion!.runs.map((r) => ({ ...r, metrics: { ...r.metrics, extra: 1 } })) };
    const withExtra = {
      ...doc,
      champion,
      best: { ...doc.best!, metrics: { ...doc.best!.metrics, extra: 1 }, samples: { ...doc.best!.samples, extra: [1] } },
    };
    await writeFile(json, JSON.stringify(withExtra));
    const sweep = await readFile(path.join(dir, 'sweep.yml'), 'utf8');
    await writeFile(path.join(dir, 'sweep.yml'), `${sweep}gate:\n  extra: 0.1\n`);
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--quiet', '--backend', 'cpu');
    expect(r.code).toBe(1);
    expect(r.out).toContain("❌ **Regression**: main's best config, replayed on this PR, reports no extra (main's: 1).");
    // Gating on the search result instead says it of the best trial.
    await writeFile(path.join(dir, 'sweep.yml'), `${sweep}gate:\n  extra: {threshold: 0.1, on: best}\n`);
    const best = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--quiet', '--backend', 'cpu');
    expect(best.code).toBe(1);
    expect(best.out).toContain('❌ **Regression**: extra is 1 on main but this run produced no value (0.1 gate)');
  });

  it('prints the report even when --json cannot be written, and exits 1', async () => {
    const dir = await ranWorkdir();
    await writeFile(path.join(dir, 'file'), 'x');
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--json', path.join(dir, 'file', 'r.json'), '--quiet', '--backend', 'cpu');
    expect(r.code).toBe(1);
    expect(r.out).toContain('### sweepgate: quadratic');
    expect(r.err).toContain('cannot write');
  });

  it('--max-regression gates the sweep metric like the Action input', async () => {
    const dir = await ranWorkdir();
    const json = path.join(dir, FIRST_JSON);
    const file = path.join(dir, 'objective.mjs');
    await writeFile(file, (await readFile(file, 'utf8')).replace('return { loss: target,', 'return { loss: target * 1.5 + 0.1,'));
    const ungated = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--quiet');
    expect(ungated.code).toBe(0);
    const gated = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--max-regression', '5%', '--quiet');
    expect(gated.code).toBe(1);
    expect(gated.out).toContain('clearly past the 5% threshold');
    expect((await cli('run', path.join(dir, 'sweep.yml'), '--max-regression', 'lots')).err).toContain(
      '--max-regression: must be a non-negative number',
    );
    await writeFile(path.join(dir, 'sweep.yml'), `${await readFile(path.join(dir, 'sweep.yml'), 'utf8')}gate:\n  loss: 10\n`);
    const ruled = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--max-regression', '5%', '--quiet');
    expect(ruled.code).toBe(0);
    expect(ruled.err).toContain("max-regression is ignored for loss: the sweep config's gate already has a rule for it");
  });
});
