/** Markdown for the "Search" section of bench/RESULTS.md, and splicing it into the file. */

export interface MethodResult {
  readonly regrets: readonly number[];
}

export function median(values: readonly number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 0.01 && a < 1000 ? v.toPrecision(3) : v.toExponential(2);
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replace the `## Search` section (up to the next `## ` heading) or append it. */
export function spliceSection(doc: string, section: string): string {
  const start = doc.search(/^## Search\s*$/m);
  if (start < 0) return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${section.trimEnd()}\n`;
  const rest = doc.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next < 0 ? doc.length : start + 1 + next;
  return `${doc.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : `\n${doc.slice(end)}`}`;
}
