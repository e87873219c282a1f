// Parses a report's ```mermaid blocks with mermaid's own parser, in Node: each mermaid version's browser bundle runs
// in a jsdom window, so the check needs no browser and no network. Parsing is what GitHub's renderer fails on when a
// chart shows an error box (e-notation in an axis, a bad keyword); layout-time failures need `npm run render`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';

/** Major version → the npm package (an alias in devDependencies) that holds it. */
const PACKAGES: Readonly<Record<string, string>> = { '10': 'mermaid10', '11': 'mermaid', '12': 'mermaid12' };

export const MERMAID_VERSIONS: readonly string[] = Object.keys(PACKAGES);

export interface MermaidBlock {
  readonly text: string;
  /** 1-based line of the opening fence in the markdown. */
  readonly line: number;
}

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<unknown>;
}

/** Every fenced code block whose info string is `mermaid` (CommonMark fences: ``` or ~~~, up to 3 spaces indent). */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: MermaidBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j] ?? ''); j++) {
      body.push((lines[j] ?? '').replace(new RegExp(`^ {0,${indent.length}}`), ''));
    }
    if (info.toLowerCase() === 'mermaid') blocks.push({ text: body.join('\n') + '\n', line: i + 1 });
    i = j;
  }
  return blocks;
}

interface Loaded {
  readonly mermaid: Mermaid;
  /** The exact version installed, e.g. 10.9.8. */
  readonly version: string;
}

const loaded = new Map<string, Promise<Loaded>>();

function loadMermaid(version: string): Promise<Loaded> {
  const pkg = PACKAGES[version];
  if (pkg === undefined) {
    return Promise.reject(new RangeError(`mermaid version must be one of ${MERMAID_VERSIONS.join(', ')}, got '${version}'`));
  }
  let entry = loaded.get(version);
  if (entry === undefined) {
    entry = (async () => {
      const require = createRequire(import.meta.url);
      const bundle = require.resolve(`${pkg}/dist/mermaid.min.js`);
      const { version: exact } = JSON.parse(await readFile(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
      const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true });
      // Browser globals jsdom leaves out and mermaid's bundle expects.
      Object.assign(dom.window, { structuredClone, TextEncoder, TextDecoder });
      // A script, not eval: the bundle is strict code whose top-level `var` must land on the window.
      new vm.Script(await readFile(bundle, 'utf8'), { filename: bundle }).runInContext(dom.getInternalVMContext());
      const instance = dom.window['mermaid'] as Mermaid | undefined;
      if (instance === undefined) throw new Error(`${bundle} did not define window.mermaid`);
      instance.initialize({ startOnLoad: false });
      return { mermaid: instance, version: exact };
    })();
    loaded.set(version, entry);
  }
  return entry;
}

/**
 * The parse errors of every ```mermaid block in `markdown`, under each of `versions` (default: 10, 11 and 12),
 * each message naming the version and the block's line; an empty array means every block parses everywhere.
 */
export async function mermaidErrors(markdown: string, versions: readonly string[] = MERMAID_VERSIONS): Promise<string[]> {
  const errors: string[] = [];
  const blocks = mermaidBlocks(markdown);
  if (blocks.length === 0) return errors;
  for (const version of versions) {
    const { mermaid, version: exact } = await loadMermaid(version);
    for (const block of blocks) {
      try {
        await mermaid.parse(block.text);
      } catch (err) {
        // The error comes from the jsdom realm, so `instanceof Error` would be false.
        const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
        errors.push(`mermaid ${exact}, block at line ${block.line}: ${message}`);
      }
    }
  }
  return errors;
}
