// The README and docs/ hold together: every relative link (markdown or <a href>, outside code) names a file or
// folder of the repository, and every anchor (`#x` on the same page, or `page.md#x`) names a heading of that page
// under GitHub's slug rules (github-slugger). External links (http, https, mailto, ...) are not fetched.
// The markdown is parsed as GitHub does (micromark with GFM), so links inside code blocks and code spans are not links.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const README_MAX_LINES = 250;

function toHtml(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The anchors GitHub gives a page's headings: their rendered text, slugged, duplicates numbered (-1, -2, ...). */
function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const m of toHtml(markdown).matchAll(/<h([1-6])>([\s\S]*?)<\/h\1>/g)) {
    anchors.add(slugger.slug(decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, ''))));
  }
  return anchors;
}

/** Every link target on a page, as written (decoded): hrefs of links and srcs of images, in markdown or raw HTML. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const m of toHtml(markdown).matchAll(/<(?:a|img)\b[^>]*?\s(?:href|src)=(?:"([^"]*)"|'([^']*)')/gi)) {
    targets.push(decodeEntities(m[1] ?? m[2] ?? ''));
  }
  return targets;
}

const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (anchors === undefined) {
    anchors = headingAnchors(readFileSync(file, 'utf8'));
    anchorCache.set(file, anchors);
  }
  return anchors;
}

/** What is wrong with the relative links of `file` (a path under `root`): one line per broken link or anchor. */
function brokenLinks(root: string, file: string): string[] {
  const problems: string[] = [];
  const markdown = readFileSync(path.join(root, file), 'utf8');
  for (const target of linkTargets(markdown)) {
    if (target === '' || isExternal(target)) continue;
    const hash = target.indexOf('#');
    const rawPath = hash < 0 ? target : target.slice(0, hash);
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const resolved =
      rawPath === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(rawPath));
    const relative = path.relative(root, resolved);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      problems.push(`${file}: ${target}: points outside the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${file}: ${target}: ${relative} does not exist`);
      continue;
    }
    if (anchor === undefined || !resolved.endsWith('.md')) continue;
    if (!anchorsOf(resolved).has(anchor)) {
      problems.push(`${file}: ${target}: no heading of ${relative} has the anchor #${anchor}`);
    }
  }
  return problems;
}

const DOCS = readdirSync(path.join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `docs/${f}`);

describe('README.md and docs/', () => {
  it.each(['README.md', ...DOCS])('%s: every relative link and anchor resolves', (file) => {
    expect(brokenLinks(ROOT, file)).toEqual([]);
  });

  it(`README.md fits on a screen or so: at most ${README_MAX_LINES} lines`, () => {
    const lines = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it('README.md links to every docs page', () => {
    const linked = new Set(linkTargets(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((t) => t.split('#')[0]));
    expect(DOCS.filter((page) => !linked.has(page))).toEqual([]);
  });
});

describe('the link checker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sweepgate-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  it('slugs headings as GitHub does', () => {
    const anchors = headingAnchors(
      [
        '# `program:` / `command:` (W&B)',
        '## Never `pull_request_target`',
        '## Pre-training, fine-tuning and saved models',
        '### Gate: main’s *best* config',
        '## Setup',
        '## Setup',
        '```md',
        '# not a heading',
        '```',
      ].join('\n'),
    );
    expect([...anchors]).toEqual([
      'program--command-wb',
      'never-pull_request_target',
      'pre-training-fine-tuning-and-saved-models',
      'gate-mains-best-config',
      'setup',
      'setup-1',
    ]);
  });

  it('finds markdown links and <a href>, not links in code, and skips external ones', () => {
    const md = [
      'See [a](a.md#x), ![img](pic.png) and <a href="b.md">b</a>; [web](https://example.com), <mailto:x@example.com>.',
      '',
      '`[not](c.md)`',
      '',
      '```',
      '[not](d.md)',
      '```',
    ].join('\n');
    expect(linkTargets(md).filter((t) => !isExternal(t))).toEqual(['a.md#x', 'pic.png', 'b.md']);
  });

  it('reports a missing file, a missing anchor, a missing same-page anchor and a link out of the repository', () => {
    write('docs/page.md', '# Page\n\n## Real heading\n');
    write(
      'README.md',
      [
        '# Top',
        '[ok](docs/page.md#real-heading) [ok](#top) [ok](docs/page.md) [ok](docs)',
        '[gone](docs/missing.md) [anchor](docs/page.md#fake-heading) [here](#nowhere) [out](../elsewhere.md)',
      ].join('\n'),
    );
    expect(brokenLinks(dir, 'README.md')).toEqual([
      'README.md: docs/missing.md: docs/missing.md does not exist',
      'README.md: docs/page.md#fake-heading: no heading of docs/page.md has the anchor #fake-heading',
      'README.md: #nowhere: no heading of README.md has the anchor #nowhere',
      'README.md: ../elsewhere.md: points outside the repository',
    ]);
  });

  it('resolves links from a docs page relative to that page', () => {
    write('bench/RESULTS.md', '# Results\n\n## Search\n');
    write('docs/bench.md', '[r](../bench/RESULTS.md#search) [bad](bench/RESULTS.md)\n');
    expect(brokenLinks(dir, 'docs/bench.md')).toEqual(['docs/bench.md: bench/RESULTS.md: docs/bench/RESULTS.md does not exist']);
  });
});
