import type { CostCounts, RunCost } from '../core/cost.js';
import type { ResultsDoc, StopReason } from '../core/results.js';
import { duration } from './format.js';

/**
 * The Run section's cost line: what this run trained, and what the cache, the champion replay's sequential stop
 * and a replay-only PR saved, in trainings and (the built-in trainer) epochs. What never ran is an estimate (≈).
 * `**Cost**: 4 trainings (80 epochs) · saved 24 by the cache (480 epochs), 5 by the sequential stop (≈ 100 epochs)`
 */
export function costLine(cost: RunCost): string {
  const { trainings: t, epochs: e } = cost;
  const estimated = new Set<string>(e?.estimated ?? []);
  const epochs = (key: keyof CostCounts): string => (e ? ` (${estimated.has(key) ? '≈ ' : ''}${count(e[key], 'epoch')})` : '');
  const saved = SAVERS.filter(([key]) => t[key] > 0).map(([key, by]) => `${t[key]} by ${by}${epochs(key)}`);
  return `**Cost**: ${count(t.spent, 'training')}${epochs('spent')} · ${saved.length > 0 ? `saved ${saved.join(', ')}` : 'nothing saved'}`;
}

const SAVERS: readonly (readonly [Exclude<keyof CostCounts, 'spent'>, string])[] = [
  ['cache', 'the cache'],
  ['sequentialStop', 'the sequential stop'],
  ['replayOnly', 'replay-only'],
];

function count(n: number, unit: string): string {
  return `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;
}

const STOP_TEXT: Record<StopReason, string> = {
  trials: 'the trial budget was used up',
  minutes: 'the time budget cut the sweep short',
  target: 'the metric target was reached',
  exhausted: 'the search space was exhausted',
};

/** The Run section's budget line: trials and time against the budgets, and why the search stopped; none when it did not run. */
export function budgetLine(r: ResultsDoc, searched: number): string[] {
  if (r.replayOnly) return [];
  const s = r.stats;
  const trials = s.budget.trials !== undefined ? `${searched} of ${s.budget.trials} trials` : `${searched} trials`;
  const time = s.budget.minutes !== undefined ? `${duration(s.wallMs)} of ${duration(s.budget.minutes * 60_000)}` : duration(s.wallMs);
  return [`**Budget**: ${trials}, ${time}; stopped because ${STOP_TEXT[s.stopReason]}`];
}
