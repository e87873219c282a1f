import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { concludeSweep } from '../../src/engine/index.js';
import { parseSweepConfig } from '../../src/core/config/parse.js';
import { BAD, CORPUS, MALFORMED_DIR } from '../core/bad-configs.js';

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

describe('sweepgate CLI', () => {
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

  it('built-in trainer: a rerun trains nothing; one changed byte of the data trains every trial again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-'));
    await cp(path.resolve(__dirname, '../../fixtures/data/separable.csv'), path.join(dir, 'data.csv'));
    await writeFile(
      path.join(dir, 'sweep.yml'),
      'method: random\nseed: 3\nrun_cap: 4\nmetric: {name: val_accuracy, goal: maximize}\n' +
        'trainer: {type: tabular, data: data.csv, target: label, task: classification, defaults: {epochs: 3}}\n' +
        'parameters: {learning_rate: {distribution: log_uniform_values, min: 0.01, max: 0.1}, units: {values: [4, 8]}}\n',
    );
    const json = path.join(dir, 'r.json');
    const run = async (): Promise<ResultsDoc> => {
      const r = await cli('run', path.join(dir, 'sweep.yml'), '--json', json, '--quiet', '--backend', 'cpu');
      expect(r.code).toBe(0);
      return JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    };
    const first = await run();
    expect(first.stats).toMatchObject({ trials: 4, trained: 4, cached: 0 });
    const second = await run();
    expect(second.stats).toMatchObject({ trained: 0, cached: 4 });
    expect(second.best).toEqual(first.best);
    const data = await readFile(path.join(dir, 'data.csv'), 'utf8');
    expect(data).toContain('0.966,');
    await writeFile(path.join(dir, 'data.csv'), data.replace('0.966,', '0.967,'));
    const third = await run();
    expect(third.stats).toMatchObject({ trained: 4, cached: 0 });
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
    const pr = async (yaml: string, baseline = json): Promise<string> => {
      await writeFile(path.join(dir, 'sweep.yml'), `${yaml}gate:\n  loss: 0.01\n`);
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

  it('built-in trainer: a reseeded PR keeps every validation row and replays main’s champion from the cache', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-'));
    await cp(path.resolve(__dirname, '../../fixtures/data/separable.csv'), path.join(dir, 'data.csv'));
    const yaml = (seed: number): string =>
      `method: random\nseed: ${seed}\nrun_cap: 3\nchampion: {seeds: 3}\nmetric: {name: val_accuracy, goal: maximize}\n` +
      'trainer: {type: tabular, data: data.csv, target: label, task: classification, defaults: {epochs: 3}}\n' +
      'parameters: {learning_rate: {distribution: log_uniform_values, min: 0.01, max: 0.1}, units: {values: [4, 8]}}\n' +
      'gate: {val_accuracy: 0.01}\n';
    await writeFile(path.join(dir, 'sweep.yml'), yaml(3));
    const json = path.join(dir, 'main.json');
    expect((await cli('run', path.join(dir, 'sweep.yml'), '--json', json, '--quiet', '--backend', 'cpu')).code).toBe(0);
    const main = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    await writeFile(path.join(dir, 'sweep.yml'), yaml(4));
    const prJson = path.join(dir, 'pr.json');
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', json, '--json', prJson, '--quiet', '--backend', 'cpu');
    expect(r.code).toBe(0);
    const pr = JSON.parse(await readFile(prJson, 'utf8')) as ResultsDoc;
    expect(pr.validation).toEqual(main.validation);
    expect(pr.validation!.rows).toBeGreaterThan(20);
    expect(pr.stats.trained).toBe(3); // the search is new
    expect(pr.replay!.runs.map((x) => x.cached)).toEqual([true, true, true]); // the replay is not
    expect(r.out).toContain('Both sides were scored on the same');
    expect(r.out).toContain('exactly as on main');
  });

  it('exits 2 with the path and the bad value for an invalid config, never a stack trace', async () => {
    const dir = await workdir();
    await writeFile(
      path.join(dir, 'bad.yml'),
      'method: bayesian\nmetric: {name: loss}\nobjective: ./objective.mjs\nparameters: {x: {min: 1, max: 0}}\n',
    );
    const r = await cli('run', path.join(dir, 'bad.yml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('method');
    expect(r.err).toContain('bayesian');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each(BAD)('exits 2 naming the path for a bad config: %s', async (_what, text, where, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-bad-'));
    await writeFile(path.join(dir, 'sweep.yml'), text);
    const r = await cli('run', path.join(dir, 'sweep.yml'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(where ? `${where}: ` : 'invalid config');
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  describe('the malformed-config corpus (fixtures/configs/malformed)', () => {
    it('has at least 50 files, each listed with its expected message, none a copy of a table case', () => {
      const files = readdirSync(MALFORMED_DIR)
        .filter((f) => f !== 'expected.json')
        .sort();
      expect(files.length).toBeGreaterThanOrEqual(50);
      expect(CORPUS.map(([f]) => f).sort()).toEqual(files);
      const table = new Set(BAD.map(([, text]) => text));
      for (const f of files) expect(table.has(readFileSync(path.join(MALFORMED_DIR, f), 'latin1'))).toBe(false);
    });

    it.each(CORPUS)('%s: exit 2, one message naming %j, no stack trace', async (file, where, message) => {
      const configPath = path.join(MALFORMED_DIR, file);
      const r = await cli('run', configPath, '--cache-dir', path.join(tmpdir(), 'sg-never-used'));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const lines = r.err.trimEnd().split('\n');
      expect(lines[0]).toBe('sweepgate: invalid config');
      expect(lines).toHaveLength(2);
      expect(lines[1]!.trim()).toContain(`${where ? `${where}: ` : ''}${message.replace('<file>', configPath)}`);
      expect(r.err).not.toMatch(/\n\s+at /);
    });

    it('a 10 MB file is refused by its size, before it is read', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'sg-big-'));
      const big = path.join(dir, 'sweep.yml');
      await writeFile(big, `${'# padding\n'.repeat(1_048_576)}method: random\n`);
      const r = await cli('validate', big);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`config ${big} is 10.0 MB; a sweep config is at most 1 MB`);
    });
  });

  it('exits 2 when the data does not fit the trainer spec (missing target column)', async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, 'data.csv'), 'a,b\n1,x\n2,y\n3,x\n4,y\n');
    await writeFile(
      path.join(dir, 'bad-data.yml'),
      'method: random\nrun_cap: 1\ntrainer: {type: tabular, data: data.csv, target: label, task: classification}\nparameters: {epochs: {value: 1}}\n',
    );
    const r = await cli('run', path.join(dir, 'bad-data.yml'), '--backend', 'cpu');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid data: .*data\.csv.*label/);
  });

  it('--trial-timeout stops a hanging program with what it started; every trial failing is exit 1 and the report says why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-timeout-'));
    await writeFile(path.join(dir, 'train.sh'), 'sleep 120 &\nsleep 120\n');
    await writeFile(
      path.join(dir, 'sweep.yml'),
      'method: grid\nprogram: train.sh\nmetric: {name: loss}\nparameters: {x: {values: [1, 2]}}\n',
    );
    const json = path.join(dir, 'r.json');
    const t0 = Date.now();
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--trial-timeout', '0.3s', '--json', json);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(1);
    expect(r.out).toContain('❌ **No trial finished**: 2 of 2 trials failed: timed out: ran past trial_timeout (300 ms)\n');
    expect(r.err.trimEnd().split('\n').at(-1)).toBe('sweepgate: 2 of 2 trials failed: timed out: ran past trial_timeout (300 ms)');
    expect(r.out).toContain('TrialTimeoutError: ran past trial_timeout (300 ms)');
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(doc.trials.map((t) => [t.status, t.reason])).toEqual([
      ['failed', 'timeout'],
      ['failed', 'timeout'],
    ]);
    expect((await cli('run', path.join(dir, 'sweep.yml'), '--trial-timeout', 'soon')).err).toContain(
      '--trial-timeout: must be a number of seconds or a duration',
    );
  });

  it('when the time budget cuts a sweep, the trials so far are reported and gated', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cut-'));
    await writeFile(
      path.join(dir, 'train.sh'),
      'for a in "$@"; do case $a in --x=*) x=${a#--x=};; esac; done\necho "{\\"loss\\": $x}"\nsleep 0.15\n',
    );
    await writeFile(
      path.join(dir, 'sweep.yml'),
      'method: grid\nprogram: train.sh\nmetric: {name: loss}\nbudget: {minutes: 0.015}\nparameters: {x: {values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]}}\n',
    );
    const json = path.join(dir, 'r.json');
    const first = await cli('run', path.join(dir, 'sweep.yml'), '--json', json, '--quiet');
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(first.code).toBe(0);
    expect(doc.stats.stopReason).toBe('minutes');
    expect(doc.stats.trials).toBeGreaterThan(0);
    expect(doc.stats.trials).toBeLessThan(20);
    expect(doc.best).not.toBeNull();
    expect(first.out).toContain('stopped because the time budget cut the sweep short');
    // main was far better: the cut sweep is still gated, and fails.
    const baseline = path.join(dir, 'main.json');
    await writeFile(
      baseline,
      JSON.stringify({ ...doc, champion: { ...doc.champion!, runs: doc.champion!.runs.map((r) => ({ ...r, metrics: { loss: -100 } })) } }),
    );
    const second = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', baseline, '--max-regression', '0', '--quiet');
    expect(second.code).toBe(1);
    expect(second.out).toContain('❌ **Regression**');
  }, 20_000);

  it('data as editors leave it (mixed CRLF/LF, a quoted line break, a BOM) trains; a 200 MB file is exit 2 before any trial', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-data-'));
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7},"note ${i}${i === 5 ? '\r\nsecond line' : ''}",${i % 2 ? 'p' : 'q'}`);
    await writeFile(path.join(dir, 'data.csv'), `\uFEFFa,note,label\r\n${rows.map((r, i) => r + (i === 10 ? '\n' : '\r\n')).join('')}`);
    const sweep = (data: string): string =>
      `method: random\nrun_cap: 1\ntrainer: {type: tabular, data: ${data}, target: label, task: classification, features: [a], defaults: {epochs: 1}}\nparameters: {units: {values: [4]}}\n`;
    await writeFile(path.join(dir, 'ok.yml'), sweep('data.csv'));
    const ok = await cli('run', path.join(dir, 'ok.yml'), '--backend', 'cpu', '--quiet');
    expect(ok.code, ok.err).toBe(0);
    await writeFile(path.join(dir, 'big.csv'), 'a,note,label\n');
    await truncate(path.join(dir, 'big.csv'), 200 * 1024 * 1024);
    await writeFile(path.join(dir, 'big.yml'), sweep('big.csv'));
    const big = await cli('run', path.join(dir, 'big.yml'), '--backend', 'cpu');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/invalid data: .*big\.csv: is 200 MB, more than the built-in trainer reads \(100 MB\)/);
    expect(big.err).not.toContain('[1/');
  });

  it('exits 2 on bad arguments', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('fly', 'x.yml')).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
    expect((await cli('run', 'x.yml', '--seed', 'abc')).err).toContain('--seed must be an integer but got "abc"');
    expect((await cli('run', 'x.yml', '--backend', 'gpu')).code).toBe(2);
    expect((await cli('run', 'x.yml', '--parallel', '0')).err).toContain('--parallel must be between 1 and 64 but got 0');
    expect((await cli('run', 'x.yml', '--frobnicate')).code).toBe(2);
    expect((await cli('run', path.join(tmpdir(), 'does-not-exist.yml'))).code).toBe(2);
  });

  it('exits 2 naming the key when the objective module, program or data file is missing (validate too)', async () => {
    const dir = await workdir();
    const cases: [string, string][] = [
      [
        'method: random\nmetric: {name: loss}\nobjective: ./missing.mjs\nparameters: {x: {values: [1]}}\n',
        'objective: file not found, got "missing.mjs"',
      ],
      [
        'method: random\nmetric: {name: loss}\nprogram: train.py\nparameters: {x: {values: [1]}}\n',
        'program: file not found, got "train.py"',
      ],
      [
        'method: random\ntrainer: {type: tabular, data: none.csv, target: y, task: regression}\nparameters: {epochs: {value: 1}}\n',
        'trainer.data: file not found, got "none.csv"',
      ],
    ];
    for (const [text, message] of cases) {
      await writeFile(path.join(dir, 'm.yml'), text);
      for (const command of ['run', 'validate']) {
        const r = await cli(command, path.join(dir, 'm.yml'));
        expect(r.code).toBe(2);
        expect(r.err).toContain(message);
      }
    }
  });

  it('exits 2 when the baseline file is not a results document', async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, 'b.json'), '{"hello": 1}');
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', path.join(dir, 'b.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a sweepgate results JSON');
  });

  it('runs trials in parallel with --parallel (and one at a time without)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-'));
    // Each trial (a process of its own) reports when it started and ended its second of sleep; the most that
    // overlapped is how many ran at once.
    await writeFile(
      path.join(dir, 'objective.mjs'),
      `export default async function (params) {
        const start = Date.now();
        await new Promise((r) => setTimeout(r, 1000));
        return { loss: params.v, start, end: Date.now() };
      }\n`,
    );
    await writeFile(
      path.join(dir, 'sweep.yml'),
      // No champion replay: its 10 seeds of a second each would add 20 s and prove nothing about the search.
      'method: grid\nmetric: {name: loss}\nobjective: ./objective.mjs\nchampion: {seeds: 0}\nparameters: {v: {values: [1, 2, 3, 4, 5, 6]}}\n',
    );
    const peak = async (...extra: string[]): Promise<number> => {
      const json = path.join(dir, `r${extra.length}.json`);
      const r = await cli(
        'run',
        path.join(dir, 'sweep.yml'),
        '--cache-dir',
        path.join(dir, `c${extra.length}`),
        '--json',
        json,
        '--quiet',
        ...extra,
      );
      expect(r.code).toBe(0);
      const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
      expect(new Set(doc.trials.map((t) => t.params.v)).size).toBe(6);
      const spans = doc.trials.map((t) => [t.metrics.start!, t.metrics.end!] as const);
      return Math.max(...spans.map(([at]) => spans.filter(([s, e]) => s <= at && at < e).length));
    };
    expect(await peak()).toBe(1);
    expect(await peak('--parallel', '3')).toBe(3);
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

  it('prints its version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^sweepgate \S+\n$/);
  });

  it('validate rejects a fingerprint glob that matches nothing', async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, 'sweep.yml'), `${await readFile(path.join(dir, 'sweep.yml'), 'utf8')}fingerprint: [data/*.csv]\n`);
    const r = await cli('validate', path.join(dir, 'sweep.yml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('fingerprint[0]: matches no file');
  });

  it('validate checks a config without running it', async () => {
    const r = await cli('validate', path.join(fixture, 'sweep.yml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid');
  });
});
