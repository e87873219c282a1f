// Every string a PR controls (param names and values, metric and sweep names, error text, program output)
// thrown at the whole report: it must not break a table, close <details> or a code block, inject HTML,
// mention anyone, or carry a second sweep's hidden marker.
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/core/gate/index.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { cell, codeBlock, inline } from '../../src/report/format.js';
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
];

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
    const text = renderedText(md);
    expect(text).toContain('@\u2060octocat');
    expect(text.match(USER_MENTION)).toBeNull();
    expect(text.match(TEAM_MENTION)).toBeNull();
  });

  it('has exactly one hidden marker, its own, and no HTML but its own tags', () => {
    expect(md.match(/<!--/g)).toHaveLength(1);
    expect(md.startsWith('<!-- sweepgate:mine -->\n')).toBe(true);
    const tags = [...md.matchAll(/<\/?[a-z][^>]*>/gi)].map((m) => m[0]);
    expect(new Set(tags)).toEqual(new Set(['<details>', '<summary>', '</summary>', '</details>', '<sub>', '</sub>']));
    expect(md.match(/<details>/g)).toHaveLength(1);
    expect(md.match(/<\/details>/g)).toHaveLength(1);
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
    const outsideEscapes = md.replace(/```mermaid\n[^`]*```/, '').replace(/\\./g, '');
    expect(outsideEscapes).not.toMatch(/\]\(/);
    expect(outsideEscapes).not.toContain('`');
    expect(md).not.toContain('\u202e');
    expect(md).not.toContain('\u0000');
    expect(md).not.toMatch(/^# heading/m);
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
});
