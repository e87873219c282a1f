import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { mermaidBlocks, mermaidErrors } from '../report/mermaid.js';

// The staged sweep of issue 19 on the real Iris data (fixtures/sweeps/iris-staged): optimizer grid, learning-rate
// decades, the best decade refined, the architecture, dropout with its own pruner.
const sweep = path.resolve(__dirname, '../../fixtures/sweeps/iris-staged/sweep.yml');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** Timings are the only part of the report that changes from run to run (the landscape's cost section is ordered by them). */
function masked(md: string): string {
  return md
    .replace(/\*\*Cost beside quality\*\*[\s\S]*?<\/sub>/, '**Cost beside quality** ‹ordered by time›')
    .replace(/ *\b\d+(?:\.\d+)? (?:ms|s|min)\b/g, ' ‹time›');
}

describe('a staged sweep from the CLI', () => {
  it('runs every stage on real data, reports the path (golden), and a rerun trains nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-staged-'));
    const json = path.join(dir, 'results.json');
    const run = () => cli('run', sweep, '--cache-dir', path.join(dir, 'cache'), '--json', json, '--backend', 'cpu', '--quiet');
    const first = await run();
    expect(first.code).toBe(0);
    await expect(masked(first.out)).toMatchFileSnapshot('__golden__/iris-staged.md');
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(doc.stages!.map((s) => [s.method, s.trials])).toEqual([
      ['grid', 2],
      ['grid', 3],
      ['bayes', 6],
      ['bayes', 6],
      ['random', 4],
    ]);
    expect(doc.stages![1]!.searched).toEqual({ learning_rate: '0.001, 0.01, 0.1' });
    // The champion is the final best: the path's last best value is the best trial's.
    expect(doc.stages!.at(-1)!.best).toBe(doc.best!.metrics.val_loss);
    expect(doc.trials.some((t) => t.stage === 4 && t.status === 'pruned')).toBe(true);
    // The convergence chart, then the landscape's importance, learning-rate axis and cost charts.
    expect(mermaidBlocks(first.out)).toHaveLength(4);
    expect(await mermaidErrors(first.out)).toEqual([]);

    const second = await run();
    expect(second.code).toBe(0);
    const again = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(again.stats).toMatchObject({ trials: 21, trained: 0, cached: 21 });
    expect(again.stages).toEqual(doc.stages);
    expect(again.best).toEqual(doc.best);
  });

  it('validate --explain shows the plan stages: auto chose, with its budget split', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-staged-'));
    const text = (await readFile(sweep, 'utf8'))
      .replace(/^stages:[\s\S]*$/m, 'stages: auto\n')
      .replace('../../data/iris.csv', path.resolve(__dirname, '../../fixtures/data/iris.csv'))
      .replace('method: random\n', 'method: random\nrun_cap: 16\n');
    await writeFile(path.join(dir, 'sweep.yml'), text);
    const r = await cli('validate', '--explain', path.join(dir, 'sweep.yml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain("stages (auto: planned from the parameters' names; see docs/config.md):");
    expect(r.out).toContain('  1. grid over optimizer (adam, sgd): 2 trials (optimizer first');
    expect(r.out).toContain('  2. grid over learning_rate (0.001, 0.01, 0.1): 3 trials (the order of magnitude of the learning rate)');
    // 16 - 2 - 3 = 11 over weights 1, 2, 1: 2, 5, 2, and the 2 spare to the last bayes stages, from the end.
    expect(r.out).toContain('  3. bayes over learning_rate (refined around the best so far): 2 trials');
    expect(r.out).toContain('  4. bayes over units (8, 16, 32), layers (1, 2): 6 trials');
    expect(r.out).toContain('  5. bayes over dropout ([0, 0.4]): 3 trials');
  });
});
