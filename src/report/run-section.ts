import type { ResultTrial, ResultsDoc } from '../core/results.js';
import { searchTrials } from '../core/results.js';
import { cap, cell, inline, TEXT_MAX_CHARS } from './format.js';
import { shardsLine } from './shards.js';
import { budgetLine, costLine } from './cost.js';
import { replayOnlyTrialsLine } from './replay-only.js';

/** The report's Run section: what was trained and what came from the cache, the champion's seeds, the cost, the search and the baseline. */

export function runSection(r: ResultsDoc, baselineNote: string | undefined): string {
  const search = searchTrials(r.trials);
  const repeats = r.trials.filter((t) => t.repeat > 0);
  const count = (ts: readonly ResultTrial[], status: ResultTrial['status']): number => ts.filter((t) => t.status === status).length;
  const trained = r.trials.filter((t) => !t.cached).length;
  const lines = [
    r.replayOnly
      ? replayOnlyTrialsLine(r)
      : `**Trials**: ${search.length} searched: ${count(search, 'complete')} finished, ${count(search, 'pruned')} stopped early (pruned), ${count(search, 'failed')} failed · ${trained} trained, ${r.trials.length - trained} from the cache`,
    ...(repeats.length > 0
      ? [
          `**Repeats**: ${repeats.length} reruns of the finalists on more seeds (${count(repeats, 'complete')} finished), outside the trial budget`,
        ]
      : []),
    ...seedRunsLine(r),
    ...shardsLine(r),
    ...(r.cost ? [costLine(r.cost)] : []),
    ...budgetLine(r, search.length),
    `**Search**: ${cell(r.method)}, seed ${r.seed}${r.backend === 'none' ? '' : ` · **Backend**: ${cell(r.backendChoice ?? r.backend)}`}`,
    ...(baselineNote !== undefined ? [`**Baseline**: ${inline(baselineNote)}`] : []),
  ];
  return `**Run**\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
}

function seedRunsLine(r: ResultsDoc): string[] {
  const counts = (runs: readonly { cached: boolean; status: string }[]): string => {
    const cached = runs.filter((x) => x.cached).length;
    const failed = runs.filter((x) => x.status === 'failed').length;
    return `${runs.length - cached} trained, ${cached} from the cache${failed ? `, ${failed} failed` : ''}`;
  };
  if (r.replay)
    return [
      `**Champion replay**: main’s best params on ${r.replay.sequential && r.replay.sequential.of > r.replay.runs.length ? `${r.replay.runs.length} of main’s ${r.replay.sequential.of}` : `main’s ${r.replay.runs.length}`} seeds (${counts(r.replay.runs)}), outside the trial budget`,
    ];
  if (r.replaySkipped) return [`**Champion replay**: none, ${inline(cap(r.replaySkipped, TEXT_MAX_CHARS))}`];
  if (r.champion)
    return [
      `**Champion**: the best params on ${r.champion.runs.length} held-out seeds (${counts(r.champion.runs)}), recorded for the gate of later PRs`,
    ];
  return [];
}
