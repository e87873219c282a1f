import { cp, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';

// The CLI running what a trial runs other than the quadratic module: the built-in trainer, programs (time limits,
// budgets) and modules in parallel.

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('sweepgate CLI: trainers, programs, parallel trials', () => {
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
});
