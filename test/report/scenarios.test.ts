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

describe('every golden report renders in Mermaid 10, 11 and 12 (their own parsers)', () => {
  it('the scenario reports and the regression goldens parse', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const { mermaidErrors } = await import('./mermaid.js');
    const dir = path.join(__dirname, '__golden__');
    const files = [
      ...(await readdir(dir)).filter((f) => f.endsWith('.md')),
      ...(await readdir(path.join(dir, 'scenarios'))).map((f) => `scenarios/${f}`),
    ];
    expect(files.length).toBeGreaterThanOrEqual(10);
    const errors: string[] = [];
    for (const f of files) for (const e of await mermaidErrors(await readFile(path.join(dir, f), 'utf8'))) errors.push(`${f}: ${e}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
