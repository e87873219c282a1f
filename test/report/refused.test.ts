import { describe, expect, it } from 'vitest';
import { refusedReport } from '../../src/report/refused.js';

describe('refusedReport', () => {
  it('says the artifact was refused, quoting the reason verbatim', async () => {
    const md = refusedReport({
      marker: '<!-- sweepgate:iris -->',
      sweep: 'iris',
      reason:
        'the document names pull request #8, but the run that uploaded it tested the head commit ' + 'c'.repeat(40) + ' of pull request #7',
      runUrl: 'https://github.com/o/r/actions/runs/5',
    });
    await expect(md).toMatchFileSnapshot('__golden__/refused.md');
  });

  it('keeps a hostile reason inert: only the marker line is a marker, the mention and HTML stay in the code block', () => {
    const md = refusedReport({
      marker: '<!-- sweepgate:iris -->',
      sweep: '@team <b>x</b>',
      reason: '```\n@admin <!-- sweepgate:other --> <img src=x>\n```',
      runUrl: 'https://github.com/o/r/actions/runs/5',
    });
    expect(md.split('\n').filter((l) => l.includes('<!-- sweepgate:'))).toEqual(['<!-- sweepgate:iris -->']);
    expect(md).toContain('### sweepgate: @\u2060team &lt;b&gt;x&lt;/b&gt;');
    // The fence is longer than any backtick run inside, so the reason cannot close it.
    expect(md).toContain('````\n```\n@admin');
  });
});
