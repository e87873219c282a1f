import { isRecord } from '../core/json.js';
import type { ResultsDoc } from '../core/results.js';
import { errorText } from '../core/errors.js';

/**
 * Reads a results document (a `--json` output or the Action's stored baseline) and checks the fields the
 * comparison relies on; returns the reason as a string when it is not one.
 */
export function parseResultsDoc(text: string): ResultsDoc | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `not JSON (${errorText(err)})`;
  }
  if (!isRecord(doc)) return 'not a JSON object';
  if (typeof doc.sweep !== 'string') return '"sweep" missing';
  if (typeof doc.configHash !== 'string') return '"configHash" missing';
  const metric = doc.metric;
  if (!isRecord(metric) || typeof metric.name !== 'string' || (metric.goal !== 'minimize' && metric.goal !== 'maximize'))
    return '"metric" must be {name, goal: minimize|maximize}';
  if (doc.best !== null) {
    const best = doc.best;
    if (!isRecord(best) || !isRecord(best.params) || !isRecord(best.metrics)) return '"best" must be null or {key, params, metrics}';
    if (!Object.values(best.metrics).every((v) => typeof v === 'number')) return '"best.metrics" must hold numbers';
    if (best.samples !== undefined && !isRecord(best.samples)) return '"best.samples" must be an object';
  }
  if (!Array.isArray(doc.trials)) return '"trials" must be an array';
  if (!isRecord(doc.stats)) return '"stats" missing';
  const replay = doc.replay;
  if (replay !== undefined && (!isRecord(replay) || !Array.isArray(replay.runs)))
    return '"replay" must be {params, adjustments, runs, sequential?}';
  if (isRecord(replay) && replay.sequential !== undefined && !isReplayStop(replay.sequential))
    return `"replay.sequential" must be {of, seeds, look, looks, why: past|within|all-seeds|failed}, got ${JSON.stringify(replay.sequential)}`;
  // A champion this version cannot read is dropped: the gate then falls back to best against best and says so.
  const champion = isChampion(doc.champion) ? { champion: doc.champion } : {};
  delete doc.champion;
  // Likewise a cost this version cannot read: nothing decides on it, and the report then leaves its line out.
  if (doc.cost !== undefined && !isCost(doc.cost)) delete doc.cost;
  const best = doc.best as Record<string, unknown> | null;
  // Documents from before `samples` existed: one sample per metric.
  const samples = best ? (best.samples ?? Object.fromEntries(Object.entries(best.metrics as object).map(([k, v]) => [k, [v]]))) : undefined;
  return {
    gate: [],
    method: 'unknown',
    backend: 'unknown',
    seed: 0,
    createdAt: '',
    ...doc,
    ...champion,
    ...(best ? { best: { ...best, samples } } : {}),
  } as unknown as ResultsDoc;
}

function isChampion(value: unknown): boolean {
  return (
    isRecord(value) &&
    isRecord(value.params) &&
    (value.settings === undefined || isReplaySettings(value.settings)) &&
    Array.isArray(value.runs) &&
    value.runs.every(
      (r) =>
        isRecord(r) &&
        Number.isSafeInteger(r.seed) &&
        (r.status === 'complete' || r.status === 'pruned' || r.status === 'failed') &&
        isRecord(r.metrics) &&
        Object.values(r.metrics).every((v) => typeof v === 'number'),
    )
  );
}

/** How a sequential replay stopped (core/gate/sequential.ts ReplayStop): seeds run of `of`, at look `look` of `looks`. */
function isReplayStop(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { of, seeds, look, looks, why } = value;
  const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  return (
    count(of) &&
    count(seeds) &&
    seeds <= of &&
    count(look) &&
    Array.isArray(looks) &&
    looks.every(count) &&
    look >= 1 &&
    look <= looks.length &&
    (why === 'past' || why === 'within' || why === 'all-seeds' || why === 'failed')
  );
}

/** Main's validation settings as the champion recorded them (core/gate/replay-settings.ts). */
function isReplaySettings(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.validationSplit === 'number' &&
    Number.isSafeInteger(value.splitSeed) &&
    (value.splitBy === undefined || (Array.isArray(value.splitBy) && value.splitBy.every((c) => typeof c === 'string'))) &&
    isRecord(value.defaults)
  );
}

/** A run's cost (core/cost.ts): trainings, and epochs when present, as non-negative counts per spender and saver. */
function isCost(value: unknown): boolean {
  const counts = (c: unknown): boolean =>
    isRecord(c) && ['spent', 'cache', 'sequentialStop', 'replayOnly'].every((k) => Number.isSafeInteger(c[k]) && (c[k] as number) >= 0);
  return isRecord(value) && counts(value.trainings) && (value.epochs === undefined || counts(value.epochs));
}
