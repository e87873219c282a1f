import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schema/sweep.schema.json' with { type: 'json' };
import { show } from '../errors.js';
import { type Issues, type Path, isRecord } from './issues.js';
import { validate as generated } from './sweep-validator.generated.js';

/** The shipped JSON Schema (schema/sweep.schema.json), also usable from editors via yaml-language-server. */
export const SWEEP_SCHEMA: Readonly<Record<string, unknown>> = schema;

/** The schema's validator, generated at build time (scripts/validators.mjs): nothing is compiled when a run starts. */
const validator = generated as unknown as ValidateFunction;

function validate(doc: unknown): readonly ErrorObject[] {
  return validator(doc) ? [] : (validator.errors ?? []);
}

/** Checks the document's structure and reports every problem in our `path: message, got value` form. */
export function checkSchema(doc: unknown, issues: Issues): void {
  for (const e of validate(doc)) {
    const translated = translate(e, doc);
    if (translated) issues.schema(translated.path, translated.message);
  }
}

/** JSON Pointer → path segments; a segment is an index only where the document holds an array. */
function pointerToPath(pointer: string, doc: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

/** Edit distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function suggest(key: string, known: readonly string[]): string {
  const best = known.map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? `; did you mean ${best.k}?` : '';
}

function translate(e: ErrorObject, doc: unknown): { path: Path; message: string } | undefined {
  const path = pointerToPath(e.instancePath, doc);
  const got = `, got ${show(e.data)}`;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const declared = isRecord(e.parentSchema) && isRecord(e.parentSchema.properties) ? e.parentSchema.properties : {};
      // W&B keys we merely tolerate would only lengthen the list of what to write.
      const props = Object.keys(declared).filter(
        (k) => !/accepted and ignored/.test(String((declared[k] as { description?: unknown }).description)),
      );
      const hint = suggest(key, props) || (props.length ? `; expected one of ${props.join(', ')}` : '');
      return { path: [...path, key], message: `unknown key${hint}` };
    }
    case 'required':
      return { path: [...path, String(p.missingProperty)], message: 'is required' };
    case 'enum':
      return { path, message: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}${got}` };
    case 'type':
      return { path, message: `must be ${typeWords(p.type)}${got}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `must be ${String(p.comparison)} ${String(p.limit)}${got}` };
    case 'minItems':
      return { path, message: `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}${got}` };
    case 'minProperties':
      return { path, message: `must have at least ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}${got}` };
    case 'maxItems':
      return { path, message: `must have at most ${String(p.limit)} item${p.limit === 1 ? '' : 's'}${got}` };
    case 'if':
      // "must match the else schema" only echoes the required-key errors the branch itself reports
      return undefined;
    case 'minLength':
      return { path, message: `must not be empty${got}` };
    case 'uniqueItems':
      return { path, message: `must not repeat items (positions ${String(p.j)} and ${String(p.i)} are equal)${got}` };
    case 'pattern':
      return { path, message: `must look like "2%" (a relative threshold) or be a number${got}` };
    default:
      return { path, message: `${e.message ?? 'is invalid'}${got}` };
  }
}
