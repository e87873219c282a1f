import { describe, expect, it } from 'vitest';
import { cacheKeys, keySafe } from '../../src/storage/actions-cache/cache-client.js';
import { parseShardDoc, shardKeys } from '../../src/storage/actions-cache/shard-results.js';

const shard = { index: 2, count: 3 };
const expectFor = { sweep: 'Iris', runId: '77', shard };
const results = {
  sweep: 'iris',
  configHash: 'h',
  method: 'grid',
  metric: { name: 'loss', goal: 'minimize' },
  best: null,
  trials: [{ key: 'k1', params: { a: 1 }, status: 'complete', metrics: { loss: 0.5 }, cached: false, repeat: 0, stage: 0 }],
  stats: { trials: 1 },
};
const envelope = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: 1, sweep: 'iris', shard, runId: '77', attempt: '1', status: 'complete', results, ...over });

describe('shard keys', () => {
  it('are per run and shard, the attempt last (a re-run finds the first attempt by prefix)', () => {
    expect(shardKeys.doc('iris', '77', shard, '2')).toBe(`sweepgate-v2-shard-${keySafe('iris')}-77-2of3-2`);
    expect(shardKeys.doc('iris', '77', shard, '1').startsWith(shardKeys.docPrefix('iris', '77', shard))).toBe(true);
    expect(shardKeys.doc('iris', '77', { index: 1, count: 3 }, '1').startsWith(shardKeys.docPrefix('iris', '77', shard))).toBe(false);
  });
  it("keep a shard's trials out of the trials prefix every run restores from", () => {
    const key = shardKeys.trials('iris', 'a'.repeat(40), '77', shard, '1');
    expect(key.startsWith(cacheKeys.trialsPrefix('iris'))).toBe(false);
    expect(key.startsWith(shardKeys.trialsPrefix('iris', 'a'.repeat(40), '77', shard))).toBe(true);
  });
});

describe('parseShardDoc', () => {
  it('reads a complete shard and a failed one', () => {
    const ok = parseShardDoc(envelope(), expectFor);
    expect(typeof ok).toBe('object');
    expect(ok).toMatchObject({ status: 'complete', results: { sweep: 'iris', trials: [{ key: 'k1' }] } });
    expect(parseShardDoc(envelope({ status: 'failed', error: 'boom', results: undefined }), expectFor)).toEqual({
      status: 'failed',
      error: 'boom',
    });
  });

  it.each([
    ['not json', 'not JSON'],
    [envelope({ format: 2 }), 'format 2, expected 1'],
    [envelope({ sweep: 'other' }), 'it is for sweep "other"'],
    [envelope({ runId: '76' }), 'it is for run "76", not 77'],
    [envelope({ shard: { index: 1, count: 3 } }), 'it is for shard 1/3, not 2/3'],
    [envelope({ status: 'done' }), 'status "done"'],
    [envelope({ results: { ...results, stats: undefined } }), 'its results: "stats" missing'],
    [envelope({ results: { ...results, sweep: 'other' } }), 'its results are for sweep "other"'],
    [envelope({ results: { ...results, trials: [{ key: 3 }] } }), 'its trials[0] is not a trial'],
    [envelope({ results: { ...results, replay: { params: {}, runs: [{ seed: 'x' }] } } }), 'its replay is not'],
  ])('refuses %s: %s', (text, why) => {
    const r = parseShardDoc(text, expectFor);
    expect(typeof r).toBe('string');
    expect(r).toContain(why);
  });
});
