import { canonicalJson } from './hash.js';
import type { JsonValue } from './json.js';

/**
 * W&B's agent writes each argument value with Python's `str()` (`--lr=1e-06`, `--flag=True`, `--dims=[800, 600]`),
 * so a script parsing its arguments sees exactly those words. These functions reproduce that formatting from
 * JSON values. JSON cannot tell `140.0` from `140`, so where a number was a Python float although its value is
 * integral, the caller says so through `isFloat` (see PyNumbers).
 */

/** A position inside a value: list indices and dict keys from the value's root. */
export type ValuePath = readonly (string | number)[];

/** True where the number at `path` is a Python float (non-integral numbers always are). */
export type FloatAt = (path: ValuePath) => boolean;

const NEVER: FloatAt = () => false;

/** Python's `repr(float)`: the shortest digits that round-trip, in exponent form when the exponent is < -4 or >= 16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-trip digits, which is what Python's repr uses.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac || '0'}`;
}

/** Python's `repr(str)`: single quotes unless the text holds a single quote and no double one. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

function pyNumber(x: number, float: boolean): string {
  // Python ints print every digit; JS would switch to exponent form above 1e21.
  if (!float && Number.isInteger(x)) return BigInt(x).toString();
  return pyFloatRepr(x);
}

/** Python's `repr()` of the value a JSON value becomes in Python (dict keys in the order given). */
export function pyRepr(value: JsonValue, isFloat: FloatAt = NEVER, path: ValuePath = []): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value, isFloat(path));
  if (typeof value === 'string') return pyStrRepr(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => pyRepr(v, isFloat, [...path, i])).join(', ')}]`;
  const obj = value as Readonly<Record<string, JsonValue>>;
  return `{${Object.keys(obj)
    .map((k) => `${pyStrRepr(k)}: ${pyRepr(obj[k]!, isFloat, [...path, k])}`)
    .join(', ')}}`;
}

/** Python's `str()`: like repr, except that a string is itself. */
export function pyStr(value: JsonValue, isFloat: FloatAt = NEVER): string {
  return typeof value === 'string' ? value : pyRepr(value, isFloat);
}

/**
 * How one parameter's numbers are typed in Python, so integral floats print as `140.0`:
 * - `float`: every number it gives is a float (uniform, normal, q_* with a float q such as the default 1.0);
 * - `int`: numbers are ints unless fractional (int_uniform, q_* with an integer q);
 * - `choices`: `value`/`values` as written in the YAML: for each choice, the paths inside it written as floats.
 */
export type PyNumbers =
  | { readonly kind: 'float' }
  | { readonly kind: 'int' }
  | { readonly kind: 'choices'; readonly choices: readonly { readonly value: JsonValue; readonly floats: readonly ValuePath[] }[] };

/** Where, inside this parameter value, numbers are Python floats. */
export function floatsOf(numbers: PyNumbers | undefined, value: JsonValue): FloatAt {
  if (!numbers || numbers.kind === 'int') return NEVER;
  if (numbers.kind === 'float') return (path) => path.length === 0;
  const key = canonicalJson(value);
  const choice = numbers.choices.find((c) => canonicalJson(c.value) === key);
  if (!choice || choice.floats.length === 0) return NEVER;
  const set = new Set(choice.floats.map((p) => JSON.stringify(p)));
  return (path) => set.has(JSON.stringify(path));
}

/** For values nested under a key: the float paths of `inner` seen from the enclosing dict. */
export function underKey(key: string, inner: FloatAt): FloatAt {
  return (path) => path[0] === key && inner(path.slice(1));
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Python's json.dumps of a string (ensure_ascii: everything outside printable ASCII as \uXXXX, lowercase hex). */
function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i); // UTF-16 units: astral characters come out as surrogate pairs, as in Python
    out += JSON_ESCAPES[ch] ?? (code >= 0x20 && code <= 0x7e ? ch : `\\u${code.toString(16).padStart(4, '0')}`);
  }
  return `${out}"`;
}

/** Python's `json.dumps(value)` with its default separators (`, ` and `: `) and float repr (`1e-06`, `140.0`). */
export function pyJson(value: JsonValue, isFloat: FloatAt = NEVER, path: ValuePath = []): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return pyNumber(value, isFloat(path));
  }
  if (typeof value === 'string') return pyJsonString(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => pyJson(v, isFloat, [...path, i])).join(', ')}]`;
  const obj = value as Readonly<Record<string, JsonValue>>;
  return `{${Object.keys(obj)
    .map((k) => `${pyJsonString(k)}: ${pyJson(obj[k]!, isFloat, [...path, k])}`)
    .join(', ')}}`;
}
