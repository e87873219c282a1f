// npm run render -- report.md out.png [--width 846] [--mermaid-version 10|11|12] [--scale 1] [--open-details] [--html out.html]
//
// Renders a markdown report roughly as GitHub shows it in a PR comment: GFM by micromark (a CommonMark/GFM
// implementation that follows the spec cmark-gfm implements, with GitHub's tag filter), github-markdown-css in a
// column of --width pixels, every ```mermaid block drawn by mermaid.js, then a full-page screenshot by Debian's
// headless Chromium through puppeteer-core. The page is served from a loopback server and every other request is
// refused, so nothing leaves the machine. A mermaid block that fails to render is drawn as an error box in the
// screenshot, its error is printed on stderr and the exit status is 1. Exit 2: bad arguments.
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import process from 'node:process';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const MERMAID_PACKAGES = { 10: 'mermaid10', 11: 'mermaid', 12: 'mermaid12' };
const USAGE =
  'usage: npm run render -- report.md out.png [--width 846] [--mermaid-version 10|11|12] [--scale 1] [--open-details] [--html out.html]';

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { width: 846, mermaid: '11', scale: 1, openDetails: false, html: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--width') opts.width = Number(value());
    else if (arg === '--scale') opts.scale = Number(value());
    else if (arg === '--mermaid-version') opts.mermaid = value();
    else if (arg === '--open-details') opts.openDetails = true;
    else if (arg === '--html') opts.html = value();
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`);
    else opts.files.push(arg);
  }
  if (opts.files.length !== 2) throw new UsageError(`expected report.md and out.png, got ${opts.files.length} file argument(s)`);
  if (!Number.isInteger(opts.width) || opts.width < 200 || opts.width > 4000)
    throw new UsageError(`--width must be an integer from 200 to 4000, got '${opts.width}'`);
  if (!(opts.scale > 0 && opts.scale <= 4)) throw new UsageError(`--scale must be in (0, 4], got '${opts.scale}'`);
  if (!(opts.mermaid in MERMAID_PACKAGES))
    throw new UsageError(`--mermaid-version must be one of ${Object.keys(MERMAID_PACKAGES).join(', ')}, got '${opts.mermaid}'`);
  return opts;
}

/** 1-based lines of the opening fences of ```mermaid blocks, to name failing blocks. */
function mermaidFenceLines(markdown) {
  const lines = markdown.split(/\r?\n/);
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const close = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}\\s*$`);
    if (open[2].toLowerCase() === 'mermaid') found.push(i + 1);
    while (++i < lines.length && !close.test(lines[i]));
  }
  return found;
}

function page(bodyHtml, opts) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sweepgate report</title>
<link rel="stylesheet" href="/github-markdown.css">
<style>
  html, body { margin: 0; background: #ffffff; }
  .comment { box-sizing: border-box; width: ${opts.width}px; padding: 8px; }
  .markdown-body { box-sizing: border-box; padding: 16px; border: 1px solid #d1d9e0; border-radius: 6px;
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
  .mermaid-chart { margin-bottom: 16px; text-align: center; }
  .mermaid-chart svg { max-width: 100%; height: auto; }
  .mermaid-error { margin-bottom: 16px; padding: 12px 16px; border: 1px solid #ff818266; border-radius: 6px;
    background: #ffebe9; color: #82071e; font: 12px ui-monospace, monospace; white-space: pre-wrap; }
</style></head>
<body><div class="comment"><div class="markdown-body">
${bodyHtml}
</div></div>
<script src="/mermaid.js"></script>
<script>
window.__render = (async () => {
  const errors = [];
  if (${opts.openDetails}) for (const d of document.querySelectorAll('details')) d.open = true;
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  if (blocks.length > 0 && !window.mermaid) return { errors: ['the mermaid bundle did not load'], version: '' };
  if (window.mermaid) window.mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
  for (const [i, code] of blocks.entries()) {
    const id = 'mermaid-' + i;
    const box = document.createElement('div');
    try {
      const { svg } = await window.mermaid.render(id, code.textContent);
      box.className = 'mermaid-chart';
      box.innerHTML = svg;
    } catch (err) {
      const message = String(err && err.message !== undefined ? err.message : err);
      errors.push({ index: i, message });
      box.className = 'mermaid-error';
      box.textContent = 'Unable to render mermaid block ' + (i + 1) + ':\\n' + message;
    }
    // mermaid leaves its scratch element (and, on failure, its own error drawing) in the body.
    for (const stray of [document.getElementById(id), document.getElementById('d' + id)]) if (stray && !box.contains(stray)) stray.remove();
    code.parentElement.replaceWith(box);
  }
  await document.fonts.ready;
  return { errors, count: blocks.length };
})();
</script>
</body></html>
`;
}

function serve(routes) {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function render(opts) {
  const [input, output] = opts.files;
  const markdown = await readFile(input, 'utf8');
  const bodyHtml = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const html = page(bodyHtml, opts);
  if (opts.html !== undefined) await writeFile(opts.html, html);

  const mermaidPkg = MERMAID_PACKAGES[opts.mermaid];
  const mermaidVersion = JSON.parse(await readFile(require.resolve(`${mermaidPkg}/package.json`), 'utf8')).version;
  const server = await serve({
    '/': { type: 'text/html; charset=utf-8', body: html },
    '/github-markdown.css': { type: 'text/css', body: await readFile(require.resolve('github-markdown-css/github-markdown-light.css')) },
    '/mermaid.js': { type: 'text/javascript', body: await readFile(require.resolve(`${mermaidPkg}/dist/mermaid.min.js`)) },
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars', '--font-render-hinting=none'],
  });
  try {
    const tab = await browser.newPage();
    const pageErrors = [];
    tab.on('pageerror', (err) => pageErrors.push(String(err?.message ?? err)));
    await tab.setRequestInterception(true);
    tab.on('request', (req) =>
      req.url().startsWith(origin + '/') || req.url().startsWith('data:') ? req.continue() : req.abort('blockedbyclient'),
    );
    await tab.setViewport({ width: opts.width, height: 1, deviceScaleFactor: opts.scale });
    await tab.goto(origin + '/', { waitUntil: 'load', timeout: 60_000 });
    const result = await tab.evaluate(() => window.__render);
    await tab.screenshot({ path: output, fullPage: true });
    const size = await tab.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);

    const lines = mermaidFenceLines(markdown);
    const where = (i) => (lines.length === result.count && lines[i] !== undefined ? `, line ${lines[i]}` : '');
    for (const message of pageErrors) process.stderr.write(`render: page error: ${message}\n`);
    for (const err of result.errors) {
      if (typeof err === 'string') process.stderr.write(`render: ${err}\n`);
      else
        process.stderr.write(
          `render: mermaid ${mermaidVersion} could not render block ${err.index + 1} of ${result.count} (${input}${where(err.index)}):\n${err.message}\n`,
        );
    }
    process.stdout.write(
      `render: wrote ${output} (${size[0]}×${size[1]} css px, scale ${opts.scale}, ${result.count} mermaid block(s), mermaid ${mermaidVersion})\n`,
    );
    return result.errors.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    server.close();
  }
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `render: ${err.message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  return render(opts);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`render: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
