// Property: whatever text arrives, the config loader either returns a config or throws a config error
// (ConfigError, exit 2 with a message) — never a TypeError, a RangeError or a hang.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { decodeConfigText } from '../../src/core/config/text.js';
import { ConfigError } from '../../src/core/errors.js';
import { OBJ, TRAINER, X } from './bad-configs.js';

const FILE = '/work/project/sweep.yml';
const root = path.resolve(__dirname, '../../fixtures/configs');

/** Valid configs to mutate: every shipped fixture config, plus the small ones the error table builds on. */
const VALID: readonly Record<string, unknown>[] = [
  ...[
    'iris-classification.yml',
    'diabetes-regression.yml',
    'linear-staged.yml',
    'program.yml',
    'separable-grid.yml',
    'objective/sweep.yml',
  ].map((f) => path.join(root, f)),
  ...readdirSync(path.join(root, 'wandb')).map((f) => path.join(root, 'wandb', f)),
]
  .map((f) => parseYaml(readFileSync(f, 'utf8'), { merge: true }) as Record<string, unknown>)
  .concat([`${OBJ}${X}`, `${TRAINER}parameters: {epochs: {value: 1}}\n`].map((t) => parseYaml(t) as Record<string, unknown>));

/** Loads or fails as a config error; anything else (or a stack trace in the message) fails the property. */
function loadsOrConfigError(text: string): void {
  try {
    const config = parseSweepConfig(text, FILE);
    expect(config.workload).toBeDefined();
  } catch (e) {
    if (!(e instanceof ConfigError))
      throw new Error(`not a config error for ${JSON.stringify(text.slice(0, 300))}: ${String(e)}`, { cause: e });
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/\n\s+at /);
  }
}

/** Values a mutation may put anywhere: the shapes and edge numbers that have broken loaders before. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    1e308,
    -1e308,
    2 ** 53 + 2,
    0.5,
    '',
    ' ',
    [],
    {},
    null,
    true,
    '__proto__',
    'constructor',
    'x'.repeat(10_000),
    '<!-- sweepgate:x -->',
    '@octocat',
    '../../etc/passwd',
  ),
);

type Doc = Record<string, unknown>;
type Mutation = (doc: Doc) => void;

/** Every (container, key) inside a document, to mutate one of them. */
function slots(node: unknown, out: [Doc | unknown[], string | number][] = []): [Doc | unknown[], string | number][] {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      out.push([node, i]);
      slots(v, out);
    });
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      out.push([node as Doc, k]);
      slots(v, out);
    }
  }
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), hostileValue).map(([i, v]): Mutation => (doc) => {
    const s = slots(doc);
    if (s.length === 0) return;
    const [container, key] = s[i % s.length]!;
    (container as Record<string | number, unknown>)[key] = v;
  }),
  fc.nat().map((i): Mutation => (doc) => {
    const s = slots(doc);
    if (s.length === 0) return;
    const [container, key] = s[i % s.length]!;
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  }),
  fc.tuple(fc.nat(), fc.string({ maxLength: 12 }), hostileValue).map(([i, k, v]): Mutation => (doc) => {
    const objects = [
      doc,
      ...slots(doc)
        .map(([c, key]) => (c as Record<string | number, unknown>)[key])
        .filter((x): x is Doc => !!x && typeof x === 'object' && !Array.isArray(x)),
    ];
    objects[i % objects.length]![k] = v;
  }),
);

describe('config loader under random input', () => {
  it('random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), loadsOrConfigError), { numRuns: 200 });
  });

  it('random YAML-ish token soup (anchors, aliases, merges, tags, flow and block nesting)', () => {
    const token = fc.constantFrom(
      'a',
      'method',
      'parameters',
      'values',
      'min',
      'max',
      ':',
      ': ',
      '-',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&x',
      '*x',
      '<<: *x',
      '!!str',
      '!!int',
      '!!binary',
      '? ',
      '|',
      '>',
      '"',
      "'",
      '#',
      '\n',
      '\n  ',
      '\n    ',
      '.nan',
      '.inf',
      '-.inf',
      '1e999',
      '0x1F',
      '~',
      'null',
      'yes',
      '%YAML 1.1\n',
      '---\n',
      '...\n',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
        loadsOrConfigError,
      ),
      { numRuns: 250 },
    );
  });

  it('random JSON and YAML documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        loadsOrConfigError(JSON.stringify(v));
        loadsOrConfigError(stringifyYaml(v));
      }),
      { numRuns: 120 },
    );
  });

  it('random mutations of valid configs', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: VALID.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (which, mutations, asJson) => {
          const doc = structuredClone(VALID[which]!);
          for (const m of mutations) m(doc);
          loadsOrConfigError(asJson ? (JSON.stringify(doc) ?? 'null') : stringifyYaml(doc));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the valid configs themselves load (the mutations start from something that works)', () => {
    for (const doc of VALID) expect(() => parseSweepConfig(stringifyYaml(doc), FILE)).not.toThrow();
  });
});

describe('config bytes', () => {
  it('any UTF-8 text without NUL decodes to itself; any byte string decodes or is a ConfigError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(!text.includes('\u0000') && !text.startsWith('\uFEFF'));
        expect(decodeConfigText(new TextEncoder().encode(text), FILE)).toBe(text);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          loadsOrConfigError(decodeConfigText(bytes, FILE));
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses overlong encodings, surrogates and truncated sequences by the offset of their lead byte', () => {
    const at = (bytes: number[]): string => {
      try {
        decodeConfigText(Uint8Array.from(bytes), FILE);
        return 'ok';
      } catch (e) {
        return e instanceof ConfigError ? (/at offset (\d+)/.exec(e.message)?.[1] ?? e.message) : 'other';
      }
    };
    expect(at([0x61, 0xc0, 0xaf])).toBe('1'); // overlong "/"
    expect(at([0x61, 0x62, 0xed, 0xa0, 0x80])).toBe('2'); // a UTF-16 surrogate
    expect(at([0xe2, 0x82])).toBe('0'); // truncated "€"
    expect(at([0xf4, 0x90, 0x80, 0x80])).toBe('0'); // past U+10FFFF
    expect(at([0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])).toBe('ok'); // "€😀"
  });
});
