import { describe, expect, it } from 'vitest';
import type { ResultStage } from '../../src/core/results.js';
import { convergenceChart, type ChartPoint } from '../../src/report/chart.js';
import { stagesSection } from '../../src/report/stages.js';
import { mermaidErrors } from './mermaid.js';

const stage = (over: Partial<ResultStage>): ResultStage => ({
  method: 'grid',
  parameters: ['lr'],
  searched: { lr: '0.001, 0.01, 0.1' },
  fixed: {},
  trials: 3,
  bestParams: { lr: 0.01 },
  ...over,
});

describe('stagesSection', () => {
  it('has one row per stage: method, trials of budget, searched → kept, fixed, best after and gain', () => {
    const md = stagesSection(
      [
        stage({ best: 0.8 }),
        stage({
          method: 'bayes',
          searched: { units: '8, 16' },
          bestParams: { units: 16 },
          fixed: { lr: 0.01 },
          budget: 4,
          trials: 4,
          best: 0.9,
          gain: 0.1,
        }),
        stage({
          method: 'random',
          searched: { dropout: '[0, 0.5]' },
          bestParams: { dropout: 0.25 },
          fixed: { lr: 0.01, units: 16 },
          best: 0.9,
          gain: 0,
        }),
      ],
      'val_accuracy',
    );
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows[0]).toMatch(/\| Stage \| Method \| Trials \| Searched → kept +\| Fixed +\| Best val_accuracy after \| +Gain \|/);
    expect(rows[2]).toMatch(/\| +1 \| grid +\| +3 \| lr: 0\.001, 0\.01, 0\.1 → \*\*0\.01\*\* +\| nothing yet +\| +0\.8000 \| +– \|/);
    expect(rows[3]).toMatch(/\| +2 \| bayes +\| 4 of 4 \| units: 8, 16 → \*\*16\*\* +\| lr=0\.01 +\| +0\.9000 \| \+0\.1000 \|/);
    expect(rows[4]).toMatch(/dropout: \\\[0, 0\.5\\\] → \*\*0\.25\*\* \(as before\) +\| lr=0\.01, units=16 +\| +0\.9000 \| +0 \|/);
    expect(md).not.toContain('stages: auto');
  });

  it('says why when stages: auto planned them, and escapes what the config wrote', () => {
    const md = stagesSection(
      [stage({ why: 'optimizer first', searched: { '<b>x|y</b>': 'a|b' }, bestParams: { '<b>x|y</b>': '@team' } })],
      'loss',
    );
    expect(md).toContain('Planned by <code>stages: auto</code>: 1. optimizer first.');
    expect(md).toContain('&lt;b&gt;x\\|y&lt;/b&gt;: a\\|b');
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/(^|[^`])@team/);
  });
});

describe('convergenceChart with stages', () => {
  const points: ChartPoint[] = [0, 0, 1, 1, 1, 2, 2].map((s, i) => ({ trial: i + 1, status: 'complete', value: 1 / (i + 1), stage: s }));

  it('marks where each stage starts: a label on the x axis and a full-height pale bar', async () => {
    const md = convergenceChart(points, { metric: 'loss', goal: 'minimize' });
    expect(md).toContain('x-axis "trial (Sn: stage n starts)" [1, 2, "S2 3", 4, 5, "S3 6", 7]');
    const bar = /\n {2}bar \[([^\]]*)\]/.exec(md)![1]!.split(', ');
    const y = /y-axis "loss" (\S+) --> (\S+)/.exec(md)!;
    expect(bar.map((v) => (v === y[2] ? 'top' : v === y[1] ? 'floor' : v))).toEqual([
      'floor',
      'floor',
      'top',
      'floor',
      'floor',
      'top',
      'floor',
    ]);
    expect(md).toContain('Pale columns: the first finished trial of stages 2, 3.');
    expect(md).toContain('"plotColorPalette": "#eaeef2, #afb8c1, #0969da, #cf222e"');
    expect(await mermaidErrors(md)).toEqual([]);
  });

  it('draws no marks for a sweep without stages, or with one', () => {
    for (const pts of [points.map(({ stage: _, ...p }) => p), points.map((p) => ({ ...p, stage: 0 }))]) {
      const md = convergenceChart(pts, { metric: 'loss', goal: 'minimize' });
      expect(md).not.toContain('bar [');
      expect(md).not.toContain('Pale columns');
      expect(md).toContain('x-axis "trial" [1, 2, 3, 4, 5, 6, 7]');
    }
  });
});
