/**
 * `BENCH_DIAGNOSE=1 npm run bench:fidelity` prints, per seed, which configuration each setting chose, with its final
 * value in the run the sampler saw, its expected (mean) final value and that value's rank in the grid: to see whether
 * a regret is the sampler's choice or the seed noise of single runs.
 */
import { fmt } from '../search/report.js';
import type { Params } from '../../src/core/json.js';
import type { Section } from './report.js';

/** `grid`: every configuration, to rank the expected finals (omit it for a continuous space). */
export function diagnose(section: Section, grid?: readonly Params[]): string {
  const ranked = grid?.map((p) => section.problemAt(0).final(p, 'expected')).sort((a, b) => a - b);
  const rank = (v: number): string => (ranked ? `#${ranked.indexOf(v) + 1}` : '');
  const lines = [`${section.name}: setting / seed: chosen configuration — single-run final, expected final (rank)`];
  const seeds = Math.max(...section.rows.map((r) => r.runs.length));
  for (let seed = 0; seed < seeds; seed++) {
    const problem = section.problemAt(seed);
    for (const row of section.rows) {
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
