import { describe, expect, it } from 'vitest';
import { floatsOf, pyFloatRepr, pyRepr, pyStr } from '../../src/core/pystr.js';

describe('pyFloatRepr matches Python repr(float)', () => {
  // Expected strings printed by CPython 3.11's repr().
  const cases: [number, string][] = [
    [1e-6, '1e-06'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [0.00012345, '0.00012345'],
    [1, '1.0'],
    [140, '140.0'],
    [0.1, '0.1'],
    [1 / 3, '0.3333333333333333'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [123456789012345678, '1.2345678901234568e+17'],
    [1.5e-7, '1.5e-07'],
    [-2.5e-10, '-2.5e-10'],
    [1e22, '1e+22'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-0, '-0.0'],
    [0.30000000000000004, '0.30000000000000004'],
    [12345.678, '12345.678'],
    [100, '100.0'],
    [2 ** 53, '9007199254740992.0'],
    [Infinity, 'inf'],
    [NaN, 'nan'],
  ];
  it.each(cases)('%s -> %s', (x, want) => expect(pyFloatRepr(x)).toBe(want));
});

describe('pyStr / pyRepr match Python str() / repr()', () => {
  it('formats scalars, lists and dicts as Python does', () => {
    expect(pyStr(true)).toBe('True');
    expect(pyStr(false)).toBe('False');
    expect(pyStr(null)).toBe('None');
    expect(pyStr(32)).toBe('32');
    expect(pyStr(1e21)).toBe('1000000000000000000000');
    expect(pyStr(0.000001)).toBe('1e-06');
    expect(pyStr('adam')).toBe('adam');
    expect(pyStr([800, 600])).toBe('[800, 600]');
    expect(pyStr(['mlm'])).toBe("['mlm']");
    expect(pyStr({ lr: 0.001, nadam: { beta: 0.9 } })).toBe("{'lr': 0.001, 'nadam': {'beta': 0.9}}");
    expect(pyStr([true, null, 1], (p) => p[0] === 2)).toBe('[True, None, 1.0]');
  });
  it('quotes strings inside containers as repr does', () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('a"b\'c')).toBe("'a\"b\\'c'");
    expect(pyRepr('tab\there\n')).toBe("'tab\\there\\n'");
    expect(pyStr("it's")).toBe("it's");
  });
  it('prints integral floats with .0 only where the number was a float', () => {
    expect(pyStr(140, floatsOf({ kind: 'float' }, 140))).toBe('140.0');
    expect(pyStr(140, floatsOf({ kind: 'int' }, 140))).toBe('140');
    const choices = {
      kind: 'choices' as const,
      choices: [
        { value: [800, 600], floats: [[1]] },
        { value: 2, floats: [[]] },
      ],
    };
    expect(pyStr([800, 600], floatsOf(choices, [800, 600]))).toBe('[800, 600.0]');
    expect(pyStr(2, floatsOf(choices, 2))).toBe('2.0');
    expect(pyStr(3, floatsOf(choices, 3))).toBe('3');
  });
});

describe('pyFloatRepr against CPython itself', () => {
  it('agrees with python3 repr() on 3000 doubles across magnitudes', async () => {
    const { spawnSync } = await import('node:child_process');
    const { Rng } = await import('../../src/core/rng.js');
    const rng = new Rng(42);
    const xs: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const exp = Math.floor(rng.uniform(-30, 30));
      const x = rng.uniform(-1, 1) * 10 ** exp;
      const v = i % 7 === 0 ? Math.round(x) : i % 11 === 0 ? Number(x.toPrecision(3)) : x;
      xs.push(v === 0 ? 0 : v); // JSON has no -0 (its repr, -0.0, is checked above)
    }
    // JSON's shortest round-trip text parses to the same double in Python.
    const r = spawnSync('python3', ['-c', 'import sys, json\nfor x in json.load(sys.stdin): print(repr(float(x)))'], {
      input: JSON.stringify(xs),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const want = r.stdout.trim().split('\n');
    const mismatches = xs.map((x, i) => [x, pyFloatRepr(x), want[i]] as const).filter(([, got, w]) => got !== w);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
