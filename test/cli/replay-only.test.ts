import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';

const fixture = path.resolve(__dirname, '../../fixtures/sweeps/quadratic');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('the CLI’s --no-search (a replay-only run) and the cost in the results JSON', () => {
  it('with --baseline, replays main’s champion and searches nothing; the cost says what was spent and saved', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-replay-only-'));
    await cp(fixture, dir, { recursive: true });
    const config = path.join(dir, 'sweep.yml');
    await writeFile(config, `${await readFile(config, 'utf8')}champion: {seeds: 4}\n`);
    const main = path.join(dir, 'main.json');
    expect((await cli('run', config, '--json', main, '--quiet')).code).toBe(0);
    const baseline = JSON.parse(await readFile(main, 'utf8')) as ResultsDoc;
    // 12 search trials and 4 champion seeds, 5 steps each (the objective reports 5); a module counts no epochs.
    expect(baseline.cost).toEqual({ trainings: { spent: 16, cache: 0, sequentialStop: 0, replayOnly: 0 } });

    // The objective now scores worse everywhere: a harmful PR the replay alone must catch.
    const objective = path.join(dir, 'objective.mjs');
    await writeFile(objective, (await readFile(objective, 'utf8')).replace('return { loss: target,', 'return { loss: target + 1,'));
    const pr = path.join(dir, 'pr.json');
    const r = await cli('run', config, '--baseline', main, '--no-search', '--max-regression', '0.1', '--json', pr);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/❌ \*\*Regression\*\*: main's best config raises loss by 1 on this PR/);
    expect(r.err).not.toMatch(/\[\d+\/12\]/); // no search trial ran
    expect(r.out).toContain('**Best hyperparameters: main’s** (the search ran on main only; the replay trained these)');
    // The sequential replay decides at its first look, 3 of main's 4 seeds (core/gate/sequential.ts).
    expect(r.out).toContain('decided after 3 of 4 seeds: clearly past the 0.1 threshold');
    expect(r.out).toContain('- **Cost**: 3 trainings · saved 1 by the sequential stop, 12 by replay-only');
    const doc = JSON.parse(await readFile(pr, 'utf8')) as ResultsDoc;
    expect(doc).toMatchObject({ trials: [], best: null, replayOnly: {} });
    expect(doc.replay?.runs).toHaveLength(3);
    expect(doc.cost).toEqual({ trainings: { spent: 3, cache: 0, sequentialStop: 1, replayOnly: 12 } });
  });

  it('without --baseline it is a usage error: that run records a baseline, which needs the search', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-replay-only-'));
    await cp(fixture, dir, { recursive: true });
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--no-search');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--no-search goes with --baseline');
  });
});
