import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/markdown.js';
import { SCENARIOS } from './scenarios.js';

describe('reports of real-sweep shapes (golden)', () => {
  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const md = buildReport({ results: SCENARIOS[name]!, maxChars: Number.POSITIVE_INFINITY });
    await expect(md).toMatchFileSnapshot(`__golden__/scenarios/${name}.md`);
    const mermaid = md.split('```mermaid')[1]?.split('```')[0] ?? '';
    expect(mermaid).not.toMatch(/\d[eE][+-]?\d/); // Mermaid's parser rejects e-notation
    for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) expect(table.split('\n')[0]).not.toMatch(/^\|\s*\|\s*\|$/); // no empty header rows
  });
});
