import type { JsonValue } from '../core/json.js';

/** How long a PR-controlled name (sweep, parameter, metric) or value may grow in the report before it is cut with `…`. */
export const NAME_MAX_CHARS = 100;
export const VALUE_MAX_CHARS = 200;
/** How long a PR-controlled sentence (an error, a cause, a note naming things) may grow. */
export const TEXT_MAX_CHARS = 500;

/**
 * Makes any value safe inside a GFM table cell: the pipe, backtick, angle brackets, ampersand and line
 * breaks are the characters that can end a cell, open a code span or inject HTML. Capped at `max` characters.
 */
export function cell(value: JsonValue | undefined, max = VALUE_MAX_CHARS): string {
  const text =
    typeof value === 'string' ? value : value === undefined ? '' : typeof value === 'number' ? num(value) : JSON.stringify(value);
  return inline(cap(text, max));
}

/** `text` cut to `max` characters (code points, so no half of a pair is left), the last one an ellipsis. */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Escapes text for a single line of markdown outside a code span, staying readable in a terminal:
 * backslash escapes where GFM honours them (also inside table cells), entities only for HTML. Everything a
 * PR controls goes through here (or `cell`, `codeSpan`, `htmlText` or `codeBlock`), so it cannot end a table
 * cell, open a link or code span, inject HTML or an HTML comment (a fake `<!-- sweepgate:other -->` marker),
 * mention anyone or become a link.
 */
export function inline(text: string): string {
  return neutraliseMentions(
    breakAutolinks(stripControls(text))
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*|[\]~])/g, '\\$1')
      .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'))
      .replace(/\r\n|\r|\n/g, ' '),
  );
}

/**
 * Text shown as code inline: an HTML `<code>` element, not a backtick span, because GFM decodes no entity inside
 * backticks, so HTML there (`<!-- sweepgate:other -->`) could only stay raw in the body or read as `&lt;`. Inside
 * `<code>` the escaped text renders exactly as written, in monospace. Capped at `max` characters.
 */
export function codeSpan(text: string, max = TEXT_MAX_CHARS): string {
  return `<code>${inline(cap(text, max))}</code>`;
}

/**
 * Text inside an HTML block (a `<summary>`), where markdown is not read but entities are: HTML-escaped, with
 * mentions and links broken as `inline` does. Capped at `max` characters.
 */
export function htmlText(text: string, max = TEXT_MAX_CHARS): string {
  const escaped = breakAutolinks(stripControls(cap(text, max)))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n|\r|\n/g, ' ');
  return neutraliseMentions(escaped);
}

/** U+2060 WORD JOINER: invisible, and not one of the characters a GitHub login may start with. */
const WORD_JOINER = '\u2060';

/**
 * GitHub turns `@name` and `@org/team` into mentions (and notifications) wherever `@` follows a non-word
 * character, which after escaping includes `&gt;`'s `>`. It matches on the rendered text, so an entity such
 * as `&#64;` would still mention; a word joiner after every `@` breaks the pattern (the login must start
 * with a letter or digit right after the `@`) and reads the same.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@/g, `@${WORD_JOINER}`);
}

/**
 * GitHub links bare URLs (`https://…`, any `scheme://`), `www.` hosts and e-mail addresses in comments, and
 * `#123` to that issue, which also adds a "mentioned" entry to its timeline. A word joiner (invisible) between
 * the scheme's `:` and `//`, between `www` and its dot, and after a `#` before digits breaks each pattern (the
 * autolinker needs them adjacent); e-mail addresses are already broken at their `@` by `neutraliseMentions`.
 */
export function breakAutolinks(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, `$1:${WORD_JOINER}`)
    .replace(/(?<![a-z0-9])(www)\./gi, `$1${WORD_JOINER}.`)
    .replace(/#(?=\d)/g, `#${WORD_JOINER}`);
}

/**
 * C0 controls (but tab) and the Unicode bidirectional overrides: invisible, and the latter can make a value
 * read as something else (`gpt` shown for `tpg`).
 */
function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * A fenced code block holding `text` verbatim (PR-controlled program output, error messages). The fence is
 * one backtick longer than the longest run of backticks inside, so the text cannot close it and go on as
 * markdown or HTML (`</details>`); GitHub does not look for mentions inside code. `lang` is kept to a word.
 */
export function codeBlock(text: string, lang = ''): string {
  // GFM decodes nothing inside a fence, so an HTML comment opener is broken by a word joiner: the body then never
  // holds another sweep's `<!-- sweepgate:… -->` marker, and the block reads the same.
  const body = stripControls(text).replace(/\r\n?/g, '\n').replace(/\n+$/, '').replace(/<!--/g, `<${WORD_JOINER}!--`);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang.replace(/[^\w-]/g, '')}\n${body}\n${fence}`;
}

/** Four significant digits, no exponent noise for everyday magnitudes, integers as integers. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  // Large values read best grouped (2,646,000); only tiny ones keep e-notation, which has no shorter plain form.
  if (a >= 1e6) return new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(x);
  if (a !== 0 && a < 1e-4) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

/**
 * One number format for a table column: fixed decimals chosen so that every value in the column shows at least
 * four significant digits (at most 6 decimals), with thousands grouped; a column of tiny values (all below 0.001)
 * is written in e-notation throughout. Never a mix of the two in one column.
 */
export function columnFormat(values: readonly (number | undefined)[]): (x: number) => string {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v) && v !== 0);
  if (finite.length > 0 && finite.every((v) => Math.abs(v) < 1e-3))
    return (x) => (x === 0 ? '0' : x.toExponential(3).replace('e-', 'e−').replace('-', '−'));
  const decimals = Math.min(
    6,
    Math.max(0, ...finite.filter((v) => Math.abs(v) >= 1e-3).map((v) => 3 - Math.floor(Math.log10(Math.abs(v))))),
  );
  const fmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
  return (x) => (Number.isFinite(x) ? fmt.format(x).replace('-', '−') : String(x));
}

/** A signed change in a column's format: `+0.0310`, `−0.0420`, `0` for no change. */
export function signedWith(format: (x: number) => string, x: number): string {
  if (x === 0) return format(0);
  return x > 0 ? `+${format(x)}` : format(x);
}

/** A relative change as people say it: `+4.2%` for small ones, `×3.49` once the value has more than doubled or halved. */
export function relative(fraction: number, baseline: number): string {
  const ratio = 1 + fraction;
  if (baseline > 0 && (ratio >= 2 || ratio <= 0.5) && ratio > 0) return `×${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}`;
  const p = fraction * 100;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)}%`;
}

/** The arrow after a metric's name: ↑ when higher is better, ↓ when lower is. */
export const goalArrow = (goal: string): string => (goal === 'maximize' ? ' ↑' : ' ↓');
