/**
 * `BENCH_DIAGNOSE=1 npm run bench:fidelity` prints, per seed, which configuration each setting chose, with its final
 * value in the run the sampler saw, its expected (mean) final value and that value's rank in the grid: to see whether
 * a regret is the sampler's choice or the seed noise of single runs.
 */
import { fmt } from '../search/report.js';
import type { Problem } from './harness.js';
import type { Row } from './report.js';

export function diagnose(problem: Problem, rows: readonly Row[], grid?: readonly Record<string, unknown>[]): string {
  const ranked = grid?.map((p) => problem.final(p as never, 'expected')).sort((a, b) => a - b);
  const rank = (v: number): string => (ranked ? `#${ranked.indexOf(v) + 1}` : '');
  const lines = [`${problem.name}: setting / seed: chosen configuration — single-run final, expected final (rank)`];
  const seeds = Math.max(...rows.map((r) => r.runs.length));
  for (let seed = 0; seed < seeds; seed++) {
    for (const row of rows) {
      const p = row.runs[seed]?.params;
      if (!p) {
        lines.push(`${row.label} / ${seed}: nothing chosen`);
        continue;
      }
      const e = problem.final(p, 'expected');
      const what = Object.values(p)
        .map((v) => (typeof v === 'number' ? fmt(v) : String(v)))
        .join(' ');
      lines.push(`${row.label} / ${seed}: ${what} — ${fmt(problem.final(p, 'single'))}, ${fmt(e)} ${rank(e)}`);
    }
  }
  return lines.join('\n');
}
