import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DatasetSpec, prepareTabularData, validationRowsOf } from '../../src/trainer/data/tabular-data.js';
import { prepareTabularData as legacyPrepare } from './reference/legacy-tabular-data.js';
import { fixture } from './helpers.js';

/** The preparation, or the error it throws (its class and message). */
function outcome(prepare: () => unknown): unknown {
  try {
    return prepare();
  } catch (err) {
    return { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

/** The typed-array preparation and the one it replaced (rows of strings) give the same data, or the same error. */
function expectSame(spec: DatasetSpec, data: string | Uint8Array, validation?: string | Uint8Array): boolean {
  const got = outcome(() => prepareTabularData(spec, data, validation));
  expect(got).toEqual(outcome(() => legacyPrepare(spec, data, validation)));
  const ok = !(typeof got === 'object' && got !== null && 'error' in got);
  // What a run whose trials all come from the cache reports (only the target column scanned): the same rows.
  if (ok) expect(validationRowsOf(spec, data, validation)).toEqual((got as { validationRows: unknown }).validationRows);
  return ok;
}

describe('the typed-array preparation encodes as the row-of-strings one did', () => {
  it.each([
    ['iris.csv', 'species', 'classification'],
    ['breast_cancer.csv', 'diagnosis', 'classification'],
    ['diabetes.csv', 'progression', 'regression'],
    ['linear.csv', 'y', 'regression'],
    ['separable.csv', 'label', 'classification'],
  ] as const)('on the fixture %s', (file, target, task) => {
    const bytes = readFileSync(fixture(file));
    for (const validationSplit of [0.2, 0.35]) expect(expectSame({ data: fixture(file), target, task, validationSplit }, bytes)).toBe(true);
  });

  // Numeric, categorical and mixed columns with missing markers, blanks, odd numbers and stray spaces; targets of
  // numbers, words or both; a separate validation file now and then.
  const numberCell = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toPrecision(7)),
    fc.integer({ min: -50, max: 50 }).map(String),
    fc.constantFrom('1.', '.5', '-0', '1e3', '2E-2', '1e400', '0.1'),
  );
  const missing = fc.constantFrom('', 'NA', 'NaN', '?', 'None', ' ');
  const word = fc.constantFrom('red', 'green', 'blue', 'x y', '1a');
  const column = fc.constantFrom('numeric', 'numeric', 'categorical', 'mixed', 'sparse');
  const cellOf = (kind: string): fc.Arbitrary<string> =>
    kind === 'numeric'
      ? fc.oneof({ weight: 9, arbitrary: numberCell }, { weight: 1, arbitrary: missing })
      : kind === 'categorical'
        ? fc.oneof({ weight: 9, arbitrary: word }, { weight: 1, arbitrary: missing })
        : kind === 'sparse'
          ? missing
          : fc.oneof(numberCell, word, missing);
  const label = fc.constantFrom(['0', '1', '2', '1.0'], ['yes', 'no'], ['a', 'b', '1'], ['3.5', '-1', '2e1', '7']);
  const table = fc
    .tuple(fc.array(column, { minLength: 1, maxLength: 4 }), label, fc.integer({ min: 4, max: 40 }), fc.boolean())
    .chain(([kinds, labels, rows, quoted]) =>
      fc.tuple(
        fc.constant(kinds),
        fc.array(fc.tuple(fc.tuple(...kinds.map(cellOf)), fc.constantFrom(...labels)), { minLength: rows, maxLength: rows }),
        fc.constant(quoted),
      ),
    )
    .map(([kinds, rows, quoted]) => {
      const q = (c: string): string => (quoted && c.includes(' ') ? `"${c}"` : c);
      const lines = [[...kinds.map((_, i) => `f${i}`), 'y'].join(','), ...rows.map(([cells, y]) => [...cells, y].map(q).join(','))];
      return `${lines.join('\n')}\n`;
    });

  it('on random tables, for classification and regression, split or with a validation file', () => {
    let prepared = 0;
    fc.assert(
      fc.property(table, table, fc.constantFrom('classification', 'regression'), fc.boolean(), (data, other, task, separate) => {
        const spec: DatasetSpec = { data: 'd.csv', target: 'y', task, validationSplit: 0.3, ...(separate ? { validation: 'v.csv' } : {}) };
        if (expectSame(spec, data, separate ? other : undefined)) prepared++;
      }),
      { numRuns: 300 },
    );
    // Most draws prepare (the rest must fail alike: a label unseen in training, a non-numeric regression target …).
    expect(prepared).toBeGreaterThan(60);
  });
});
