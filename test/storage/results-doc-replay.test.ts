import { describe, expect, it } from 'vitest';
import { parseResultsDoc } from '../../src/storage/results-doc.js';

// The results document's `replay.sequential`: how a sequential replay stopped (docs/cli.md, the JSON's shape).
const base = {
  sweep: 's',
  configHash: 'h',
  metric: { name: 'val_accuracy', goal: 'maximize' },
  best: null,
  trials: [],
  stats: {},
};
const run = { seed: 1, key: 'k', status: 'complete', metrics: { val_accuracy: 0.9 }, cached: false, durationMs: 1 };
const withStop = (sequential: unknown): string =>
  JSON.stringify({ ...base, replay: { params: {}, adjustments: [], runs: [run], sequential } });

describe('parseResultsDoc: replay.sequential', () => {
  it('reads a replay that stopped after 3 of 10 seeds, clearly past the threshold', () => {
    const stop = { of: 10, seeds: 3, look: 1, looks: [3, 5, 10], why: 'past' };
    const doc = parseResultsDoc(withStop(stop));
    expect(typeof doc !== 'string' && doc.replay?.sequential).toEqual(stop);
  });

  it('a replay without it (recorded before sequential replays) reads as before', () => {
    const doc = parseResultsDoc(JSON.stringify({ ...base, replay: { params: {}, adjustments: [], runs: [run] } }));
    expect(typeof doc !== 'string' && doc.replay?.sequential).toBeUndefined();
  });

  it('refuses a malformed one, naming the field and echoing the value', () => {
    expect(parseResultsDoc(withStop({ of: 10, seeds: 3, look: 1, looks: [3, 5, 10], why: 'bored' }))).toBe(
      '"replay.sequential" must be {of, seeds, look, looks, why: past|within|all-seeds|failed}, got {"of":10,"seeds":3,"look":1,"looks":[3,5,10],"why":"bored"}',
    );
    expect(parseResultsDoc(withStop({ of: 3, seeds: 5, look: 1, looks: [3], why: 'past' }))).toMatch(/^"replay.sequential" must be/);
    expect(parseResultsDoc(withStop({ of: 10, seeds: 3, look: 4, looks: [3, 5, 10], why: 'past' }))).toMatch(/"look":4/);
    expect(parseResultsDoc(JSON.stringify({ ...base, replay: { runs: 'none' } }))).toBe(
      '"replay" must be {params, adjustments, runs, sequential?}',
    );
  });
});
