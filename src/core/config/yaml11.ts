import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document } from 'yaml';
import type { ValuePath } from '../pystr.js';
import type { Path } from './issues.js';

/**
 * W&B reads sweep.yaml with PyYAML, which speaks YAML 1.1; the `yaml` package speaks 1.2. Where the two read a
 * plain scalar differently sweepgate follows PyYAML, except for numbers such as `1e-5`: PyYAML reads those as
 * strings (its floats need a dot and a signed exponent), which W&B then rejects or passes on as text, while
 * every other reader takes them as the number meant. sweepgate keeps the number and says so.
 */

/** A note about the document for the config's warnings. */
export interface YamlNote {
  readonly path: Path;
  readonly message: string;
}

// PyYAML's implicit resolvers (resolver.py), anchored.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_OCTAL = /^[-+]?0[0-7_]+$/;

/** Whether a number was written as a float (`1.0`, `1e-3`, `.inf`): W&B types the value by how it is written. */
export function writtenAsFloat(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' && /[.eE]|inf|nan/i.test(node.source);
}

function isPlain(node: Scalar): boolean {
  return node.type === Scalar.PLAIN && typeof node.source === 'string';
}

/**
 * Reads plain scalars as PyYAML does where sweepgate follows it (yes/no/on/off are booleans), in place, and
 * returns notes on repeated keys (the last wins, as in PyYAML) and on scalars that PyYAML reads otherwise.
 */
export function readYaml11(doc: Document): YamlNote[] {
  const notes: YamlNote[] = [];
  const walk = (node: unknown, path: Path): void => {
    if (isAlias(node)) return; // walked where its anchor is
    if (isScalar(node)) return scalar(node, path, notes);
    if (isSeq(node)) return node.items.forEach((item, i) => walk(item, [...path, i]));
    if (!isMap(node)) return;
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value === 'symbol') continue; // a merge key
      const key = String(pair.key.value);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, n] of seen)
      if (n > 1) notes.push({ path: [...path, key], message: `is given ${n} times; the last one is used, as PyYAML (W&B) does` });
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      walk(pair.value, typeof key === 'symbol' ? path : [...path, String(key)]);
    }
  };
  walk(doc.contents, []);
  return notes;
}

function scalar(node: Scalar, path: Path, notes: YamlNote[]): void {
  if (!isPlain(node)) return;
  const src = node.source as string;
  if (typeof node.value === 'string' && PY_BOOL.test(src)) {
    node.value = /^(?:yes|on|true)$/i.test(src);
    return;
  }
  if (typeof node.value === 'number') {
    if (PY_FLOAT.test(src) || (PY_INT.test(src) && !PY_OCTAL.test(src))) return;
    const pyReads = PY_INT.test(src) ? `the octal number ${parseInt(src.replace(/_/g, ''), 8)}` : `the string "${src}"`;
    notes.push({
      path,
      message: `${src} is read as the number ${node.value}; PyYAML (W&B) reads ${pyReads}. Write it as ${suggestFloat(src, node.value)} to mean the same number in both`,
    });
    return;
  }
  if (typeof node.value === 'string' && (PY_INT.test(src) || PY_FLOAT.test(src)))
    notes.push({ path, message: `${src} is read as a string; PyYAML (W&B) reads it as a number. Quote it to keep a string in both` });
}

/** A spelling of `value` that PyYAML reads as the same float (`1.0e-05`), for the note. */
function suggestFloat(src: string, value: number): string {
  if (Number.isInteger(value) && !/[eE]/.test(src)) return String(value);
  const [m, e] = value.toExponential().split('e') as [string, string];
  return `${m.includes('.') ? m : `${m}.0`}e${e.startsWith('-') ? e : `+${e.replace('+', '')}`}`;
}

/** The paths inside a YAML value at which numbers are written as floats (for Python typing, see PyNumbers). */
export function floatPathsIn(doc: Document, node: unknown, path: ValuePath = [], depth = 0): ValuePath[] {
  if (depth > 64) return [];
  const here = isAlias(node) ? node.resolve(doc) : node;
  if (isScalar(here)) return writtenAsFloat(here) ? [path] : [];
  if (isSeq(here)) return here.items.flatMap((item, i) => floatPathsIn(doc, item, [...path, i], depth + 1));
  if (isMap(here))
    return here.items.flatMap((pair) =>
      isPair(pair) && isScalar(pair.key) && typeof pair.key.value !== 'symbol'
        ? floatPathsIn(doc, pair.value, [...path, String(pair.key.value)], depth + 1)
        : [],
    );
  return [];
}
