import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/markdown.js';
import { landscapeSection } from '../../src/report/landscape.js';
import { concludeSweep } from '../../src/engine/conclusion.js';
import { docOf, param, richDoc, RICH_SPACE, trialOf } from './landscape-fixtures.js';
import { mermaidErrors } from './mermaid.js';

const full = (space = RICH_SPACE) => buildReport({ results: richDoc(), space, maxChars: Number.POSITIVE_INFINITY });

describe('the landscape section', () => {
  it('reads a landscape-rich sweep (golden), and every chart parses in Mermaid 10, 11 and 12', async () => {
    const md = full();
    await expect(md).toMatchFileSnapshot('__golden__/landscape-rich.md');
    expect(await mermaidErrors(md)).toEqual([]);
    expect(md).toContain('**Landscape**');
    // The notes this scenario is built to raise, and only those.
    expect(md).toContain('The best <code>dropout</code> values sit at the low end of [0.1, 0.5]: widen min to 0');
    expect(md).toContain('still improving at the last epoch: train longer');
    expect(md).not.toMatch(/overfitting|noisy last epochs|unstable|<code>learning\\_rate<\/code> values sit/);
    expect(md).toContain('x-axis "learning_rate (log scale, bucket middles)"');
    expect(md).toContain('x-axis "dropout (linear scale, bucket middles)"');
    expect(md).toMatch(/\| batch_size \| Trials \| Time per epoch \(median\) \| Best val_loss \|/);
    expect(md).not.toMatch(/\d[eE][+-]?\d(?![^"\n]*")/); // no e-notation outside quoted labels
  });

  it('is left out without the space, or with fewer than 5 finished trials', () => {
    expect(buildReport({ results: richDoc(), maxChars: Number.POSITIVE_INFINITY })).not.toContain('Landscape');
    const space = [param('x', 'uniform', { min: 0, max: 1 })];
    const few = docOf(
      'few',
      [0.1, 0.2, 0.3, 0.4].map((x, i) => trialOf(i, { x }, { loss: x })),
    );
    expect(landscapeSection(few, space, 'open')).toBe('');
    const five = docOf(
      'five',
      [0.1, 0.2, 0.3, 0.4, 0.5].map((x, i) => trialOf(i, { x }, { loss: x })),
    );
    expect(landscapeSection(five, space, 'open')).toContain('**Landscape** (what the 5 finished trials');
    expect(landscapeSection(five, space, 'open')).toContain('Importance needs at least 8 finished trials');
  });

  it('keeps a hostile parameter name inert: no HTML comment, mention, link or broken chart', async () => {
    const evil = '<!-- sweepgate:x --> @octocat https://e.vil "quoted" |pipe|';
    const space = [param(evil, 'uniform', { min: 0, max: 1 }), param('y', 'uniform', { min: 0, max: 1 })];
    const doc = docOf(
      'evil',
      Array.from({ length: 12 }, (_, i) => trialOf(i, { [evil]: i / 11, y: ((i * 7) % 12) / 11 }, { loss: i / 11 })),
    );
    const md = landscapeSection(doc, space, 'open');
    expect(md).toContain('values sit at the low end');
    expect(md).not.toContain('<!--');
    expect(md).not.toMatch(/@octocat|https:\/\//);
    expect(await mermaidErrors(md)).toEqual([]);
  });

  it('says so when no range or curve calls for a change', () => {
    const space = [param('x', 'uniform', { min: 0, max: 1 })];
    const inside = docOf(
      'inside',
      Array.from({ length: 12 }, (_, i) => trialOf(i, { x: i / 11 }, { loss: Math.abs(i / 11 - 0.5) })),
    );
    expect(landscapeSection(inside, space, 'open')).toContain('No range or training-curve note');
  });

  it('folds under a size cap (notes kept, charts left out), then goes before the top trials and the convergence chart', () => {
    const open = full();
    const folded = buildReport({ results: richDoc(), space: RICH_SPACE, maxChars: open.length - 1 });
    expect(folded).toContain('<details><summary>Importance and cost</summary>');
    expect(folded).toContain('widen min to 0');
    expect(folded).not.toContain('Best val_loss by learning_rate');
    expect(folded).toContain('**Cost beside quality**: On the Pareto front');
    expect(folded).toContain('Top 10 of 40 trials');
    const none = buildReport({ results: richDoc(), space: RICH_SPACE, maxChars: folded.length - 1 });
    expect(none).not.toContain('Landscape');
    expect(none).toContain('Top 10 of 40 trials');
    expect(none).toContain('val_loss by trial');
  });

  it('is in the job summary (the full report) even when the comment has no room for it', () => {
    const c = concludeSweep({
      results: richDoc(),
      gate: [],
      space: RICH_SPACE,
      layout: { maxChars: 1_048_576, commentMaxChars: full().length - 1 },
    });
    expect(c.report.full).toBe(full());
    expect(c.report.comment.length).toBeLessThan(full().length);
    expect(c.report.comment).toContain('<details><summary>Importance and cost</summary>');
    expect(c.report.comment).not.toContain('Best val_loss by learning_rate');
  });
});
