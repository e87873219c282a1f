// Every string a PR controls (param names and values, metric and sweep names, error text, program output)
// thrown at the whole report: it must not break a table, close <details> or a code block, inject HTML,
// mention anyone, or carry a second sweep's hidden marker.
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/core/gate/index.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { breakAutolinks, cap, cell, codeBlock, codeSpan, htmlText, inline } from '../../src/report/format.js';
import { buildReport } from '../../src/report/markdown.js';

const EVIL = [
  'relu|<img src=x>@octocat',
  '@org/team',
  'x @admins',
  'a`b``c```',
  '</details><details open><summary>pwned',
  '<!-- sweepgate:other -->',
  '&lt;!-- sweepgate:other --&gt;',
  '[click](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '**bold** _it_ ~~s~~',
  '| col | col |\n|---|---|',
  '```\n</details>\n```',
  'line1\r\nline2\rline3\n# heading',
  '\u202egnp.exe',
  'tab\there\u0000nul',
  '\\|backslash-pipe',
  'see https://evil.example/x and HTTP://EVIL.EXAMPLE or www.evil.example, WWW.Evil.example, _www.evil.example',
  'mail me: a@evil.example or mailto:a@evil.example; fixes #12 and octo/repo#3',
];

/** The body without its fenced code blocks (checked apart: GitHub reads no markup, mention or link inside one). */
function outsideFences(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
}

// GitHub's mention filters (html-pipeline MentionFilter / TeamMentionFilter), matched on the rendered text.
// (Ruby's atomic group `(?>…)` written as JS's lookahead-and-backreference equivalent.)
const USER_MENTION = /(?:^|\W)@(?=([a-z0-9][a-z0-9-]*))\1(?!\/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)/im;
const TEAM_MENTION = /(?:^|\W)@([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9\-_]*)/im;

/** The text GitHub's mention filter sees: entities decoded, backslash escapes gone. */
function renderedText(md: string): string {
  return md
    .replace(/\\([\\`*|[\]~_])/g, '$1')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function trial(i: number, over: Partial<ResultTrial> = {}): ResultTrial {
  const evil = EVIL[i % EVIL.length]!;
  return {
    key: `${i}`.padStart(64, 'a'),
    params: { [evil]: evil, [`p${i}`]: EVIL[(i + 3) % EVIL.length]! },
    status: 'complete',
    metrics: { [evil]: i, loss: 1 / (i + 1) },
    cached: false,
    durationMs: 10,
    seed: i,
    history: [],
    stage: 0,
    repeat: 0,
    ...over,
  };
}

function hostileDoc(): ResultsDoc {
  const trials = EVIL.map((_, i) =>
    trial(i, i % 4 === 3 ? { status: 'failed', metrics: {}, error: `TrialError: ${EVIL.join('\n')}` } : {}),
  );
  return {
    sweep: 'name @octocat <b>x</b>',
    configHash: 'c',
    method: 'random',
    metric: { name: 'loss', goal: 'minimize' },
    backend: '<b>cpu</b>@x',
    best: { key: trials[0]!.key, params: trials[0]!.params, metrics: trials[0]!.metrics, samples: {} },
    trials,
    stats: { trials: trials.length, trained: trials.length, cached: 0, pruned: 0, failed: 4, wallMs: 5, stopReason: 'trials', budget: {} },
    gate: [],
    seed: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
  };
}

const comparison: Comparison = {
  hasBaseline: true,
  champion: {
    state: 'replayed',
    params: {},
    seeds: 2,
    cached: 0,
    failed: 0,
    adjustments: EVIL.map((e) => ({ name: e, main: e, replay: e, why: 'fixed' as const })),
  },
  regressed: true,
  configChanged: false,
  gateChanged: false,
  baselineParams: Object.fromEntries(EVIL.map((e, i) => [e, `${EVIL[(i + 1) % EVIL.length]}`])),
  currentParams: {},
  metrics: EVIL.map((e) => ({
    metric: e,
    goal: 'minimize',
    baseline: 1,
    current: 2,
    delta: 1,
    relDelta: 1,
    improved: false,
    threshold: { kind: 'absolute', value: 0.1 },
    alpha: 0.05,
    bestStatus: 'regressed',
    decidedBy: 'best',
    status: 'regressed',
  })),
};

describe('a report full of hostile values', () => {
  const md = buildReport({
    results: hostileDoc(),
    comparison,
    marker: '<!-- sweepgate:mine -->',
    title: 'sweepgate: @octocat <!-- sweepgate:other -->',
    warnings: EVIL,
    maxChars: Number.POSITIVE_INFINITY,
  });

  it('mentions nobody', () => {
    const text = renderedText(outsideFences(md));
    expect(text).toContain('@\u2060octocat');
    expect(text.match(USER_MENTION)).toBeNull();
    expect(text.match(TEAM_MENTION)).toBeNull();
  });

  it('has exactly one hidden marker, its own, and no HTML but its own tags', () => {
    expect(md.match(/<!--/g)).toHaveLength(1);
    expect(md.startsWith('<!-- sweepgate:mine -->\n')).toBe(true);
    const html = outsideFences(md);
    const tags = [...html.matchAll(/<\/?[a-z][^>]*>/gi)].map((m) => m[0]);
    expect(new Set(tags)).toEqual(new Set(['<details>', '<summary>', '</summary>', '</details>', '<sub>', '</sub>', '<code>', '</code>']));
    // Top trials, and one fold per failure cause with its output: each opened once and closed once.
    expect(html.match(/<details>/g)!.length).toBe(html.match(/<\/details>/g)!.length);
    expect(html.match(/<code>/g)!.length).toBe(html.match(/<\/code>/g)!.length);
    expect(md).toContain('<code>&lt;!-- sweepgate:other --&gt;</code> is fixed by this PR');
  });

  it('keeps every table row at its column count', () => {
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) {
      const rows = t.split('\n');
      const pipes = (row: string): number => row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
      for (const row of rows) expect(pipes(row), row).toBe(pipes(rows[0]!));
    }
  });

  it('opens no link, image, code span or emphasis, and adds no line', () => {
    // The chart's own mermaid fence aside (its labels are reduced to [A-Za-z0-9_ .-]).
    // The report's own `on: best` aside.
    const outsideEscapes = outsideFences(md).replace('`on: best`', '').replace(/\\./g, '');
    expect(outsideEscapes).not.toMatch(/\]\(/);
    expect(outsideEscapes).not.toContain('`');
    expect(md).not.toContain('\u202e');
    expect(md).not.toContain('\u0000');
    expect(outsideFences(md)).not.toMatch(/^# heading/m);
  });

  it('links nothing: no bare URL, www. host, e-mail address or issue reference is left whole', () => {
    const text = renderedText(outsideFences(md));
    expect(text).toContain('https:\u2060//evil.example/x');
    expect(text).not.toMatch(/[a-z]:\/\//i);
    expect(text).not.toMatch(/(?<![a-z0-9])www\./i);
    expect(text).not.toMatch(/[\w.+-]@[a-z0-9]/i);
    expect(text).not.toMatch(/(?:^|[^\w\u2060])#\d/);
    expect(text).not.toMatch(/\w#\d/);
  });

  it('caps every name and value: nothing a PR wrote runs on for thousands of characters', () => {
    const huge = 'n'.repeat(40_000);
    const doc = hostileDoc();
    const r = buildReport({
      results: {
        ...doc,
        sweep: huge,
        best: { ...doc.best!, params: { [huge]: huge }, metrics: { [huge]: 1, loss: 1 } },
        trials: doc.trials.map((t) => ({ ...t, params: { [huge]: huge }, error: `Error: ${huge}` })),
      },
      comparison: { ...comparison, metrics: comparison.metrics.map((m) => ({ ...m, metric: huge })) },
      warnings: [huge],
      maxChars: Number.POSITIVE_INFINITY,
    });
    const longest = Math.max(...[...r.matchAll(/n+/g)].map((m) => m[0].length));
    expect(longest).toBeLessThanOrEqual(4000); // an error's text, folded in a code block, is the longest allowed
    const outside = outsideFences(r);
    expect(Math.max(...[...outside.matchAll(/n+/g)].map((m) => m[0].length))).toBeLessThanOrEqual(500);
    expect(outside).toContain(`${'n'.repeat(99)}…`);
  });

  it('keeps the verdict whole right after the title, however long the sweep name, cutting details first', () => {
    const doc = hostileDoc();
    const trials = Array.from({ length: 200 }, (_, i) => ({
      ...doc.trials[i % doc.trials.length]!,
      key: String(i).padStart(64, '0'),
      status: 'failed' as const,
      params: Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`p${k}`, `${i}${'v'.repeat(150)}`])),
      error: `TrialError: prog --i=${i} exited with status 1; last lines of stderr:\n${'stderr line\n'.repeat(19)}Err${i % 7}: boom`,
    }));
    const big: ResultsDoc = { ...doc, sweep: 's'.repeat(40_000), trials, best: { ...doc.best!, params: trials[0]!.params } };
    const md = buildReport({ results: big, comparison, marker: '<!-- sweepgate:mine -->', maxChars: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    const [marker, title, verdict] = md.split('\n\n');
    expect(marker).toBe('<!-- sweepgate:mine -->');
    expect(title).toMatch(/^### sweepgate: s{80,}…$/);
    expect(verdict).toMatch(/^❌ \*\*Regression\*\*: .*past the 0\.1 gate\.$/);
    expect(md).toMatch(/report truncated to fit GitHub’s size limit/);
    // every fold and fence that was opened is closed: the cut fell between sections, not inside one
    expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
    const full = buildReport({ results: big, comparison, maxChars: Number.POSITIVE_INFINITY });
    expect(full).toContain('<details><summary>Top 10 of 200 trials</summary>');
    expect(full).toMatch(/<details><summary>\d+ trials \(first: trial \d+\): Err\d: boom<\/summary>/);
  });
});

describe('format helpers', () => {
  it('inline neutralises every @ and keeps text readable', () => {
    expect(inline('a@b @c')).toBe('a@\u2060b @\u2060c');
    expect(inline('<img src=x>@octocat')).toBe('&lt;img src=x&gt;@\u2060octocat');
    expect(cell('relu|<img src=x>@octocat')).toBe('relu\\|&lt;img src=x&gt;@\u2060octocat');
  });

  it('codeBlock cannot be closed by its content', () => {
    const block = codeBlock('a\n```\n</details>\n````x', 'text');
    expect(block.startsWith('`````text\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
    const inner = block.split('\n').slice(1, -1);
    for (const line of inner) expect(line.startsWith('`````')).toBe(false);
    expect(codeBlock('plain')).toBe('```\nplain\n```');
    expect(codeBlock('x', 'js\n<b>')).toBe('```jsb\nx\n```');
  });

  it('codeBlock breaks an HTML comment opener, so no other marker is ever in the body', () => {
    expect(codeBlock('<!-- sweepgate:other -->')).toBe('```\n<\u2060!-- sweepgate:other -->\n```');
  });

  it('codeSpan is an HTML <code> element, whose entities GitHub decodes (backticks would show `&lt;`)', () => {
    expect(codeSpan('<!-- sweepgate:other -->')).toBe('<code>&lt;!-- sweepgate:other --&gt;</code>');
    expect(codeSpan('a'.repeat(600))).toBe(`<code>${'a'.repeat(499)}…</code>`);
  });

  it('htmlText escapes for an HTML block, where backslash escapes would show', () => {
    expect(htmlText('__init__ <b>"x"</b> & @me https://e.x')).toBe(
      '__init__ &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; @\u2060me https:\u2060//e.x',
    );
  });

  it('breakAutolinks leaves no scheme://, www. or #digit whole, and reads the same', () => {
    const text = breakAutolinks('https://a.b ftp://c.d HTTP://E.F www.g.h (WWW.i.j) _www.k #12 x/y#3 a://b');
    expect(text).not.toMatch(/:\/\/|(?<![a-z0-9])www\.|#\d/i);
    expect(text.replace(/\u2060/g, '')).toBe('https://a.b ftp://c.d HTTP://E.F www.g.h (WWW.i.j) _www.k #12 x/y#3 a://b');
    expect(breakAutolinks('awww.x')).toBe('awww.x');
  });

  it('cap cuts by characters, never half a surrogate pair, and marks the cut', () => {
    expect(cap('abc', 3)).toBe('abc');
    expect(cap('abcd', 3)).toBe('ab…');
    expect(cap('😀😀😀😀', 3)).toBe('😀😀…');
    expect(cell('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
  });
});
