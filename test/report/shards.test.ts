import { describe, expect, it } from 'vitest';
import type { ResultsDoc } from '../../src/core/results.js';
import { shardsLine } from '../../src/report/shards.js';

const doc = (shards?: ResultsDoc['shards']): ResultsDoc => ({ ...(shards ? { shards } : {}) }) as unknown as ResultsDoc;

describe('the Run section’s shards line', () => {
  it('is absent for a one-runner sweep and counts the merged shards', () => {
    expect(shardsLine(doc())).toEqual([]);
    expect(shardsLine(doc({ count: 3, merged: [1, 2, 3], problems: [] }))).toEqual(['**Shards**: 3 of 3 merged']);
  });

  it('names each shard not merged with why, escaped, and counts past ten', () => {
    const [line] = shardsLine(
      doc({
        count: 3,
        merged: [1],
        problems: [
          { index: 2, why: 'missing: no cache entry' },
          { index: 3, why: 'failed: it failed: boom @admin <!-- sweepgate:x -->' },
        ],
      }),
    );
    expect(line).toContain('**Shards**: 1 of 3 merged · ❌ not merged: shard 2/3 (missing: no cache entry); shard 3/3 (failed');
    expect(line).not.toContain('@admin');
    expect(line).not.toContain('<!--');
    const many = shardsLine(
      doc({ count: 20, merged: [], problems: Array.from({ length: 20 }, (_, i) => ({ index: i + 1, why: 'missing' })) }),
    );
    expect(many[0]).toContain('shard 10/20 (missing), and 10 more');
    expect(many[0]).not.toContain('shard 11/20');
  });
});
