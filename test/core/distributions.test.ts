import { describe, expect, it } from 'vitest';
import type { Distribution, DistributionName } from '../../src/core/distributions/distribution.js';
import {
  DISTRIBUTION_NAMES,
  DistributionRangeError,
  DistributionTypeError,
  makeDistribution,
  MAX_SUPPORT,
  normalCdf,
  normalInv,
  type DistributionArgs,
} from '../../src/core/distributions/index.js';
import { Rng } from '../../src/core/rng.js';

/** One representative configuration per distribution name: the contract suite runs over all of them. */
const CASES: Record<DistributionName, DistributionArgs> = {
  constant: { value: { nested: [1, 'a'] } },
  categorical: { values: ['adam', 'sgd', 3, true, null] },
  categorical_w_probabilities: { values: [16, 32, 64], probabilities: [0.2, 0.5, 0.3] },
  int_uniform: { min: -3, max: 7 },
  uniform: { min: 0.1, max: 0.5 },
  q_uniform: { min: 0, max: 1, q: 0.1 },
  log_uniform: { min: -9.21, max: -2.3 },
  log_uniform_values: { min: 1e-4, max: 0.1 },
  q_log_uniform: { min: Math.log(32), max: Math.log(256), q: 1 },
  q_log_uniform_values: { min: 16, max: 512, q: 8 },
  inv_log_uniform: { min: 1, max: 4 },
  inv_log_uniform_values: { min: 0.01, max: 0.5 },
  normal: { mu: 2, sigma: 0.5 },
  q_normal: { mu: 10, sigma: 3, q: 0.5 },
  log_normal: { mu: -2, sigma: 1 },
  q_log_normal: { mu: 3, sigma: 0.5, q: 2 },
  beta: { a: 2, b: 5 },
  q_beta: { a: 0.5, b: 0.5, q: 0.05 },
};

const DISCRETE_WITH_SUPPORT: readonly DistributionName[] = [
  'constant',
  'categorical',
  'categorical_w_probabilities',
  'int_uniform',
  'q_uniform',
  'q_log_uniform',
  'q_log_uniform_values',
  'q_beta',
];

function draws(d: Distribution, seed: number, n: number): unknown[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => d.sample(rng));
}

describe('contract: every distribution', () => {
  it('covers every DistributionName', () => {
    expect([...DISTRIBUTION_NAMES].sort()).toEqual(Object.keys(CASES).sort());
  });

  describe.each(Object.entries(CASES) as [DistributionName, DistributionArgs][])('%s', (name, args) => {
    const d = makeDistribution(name, args);

    it('has its own name', () => {
      expect(d.name).toBe(name);
    });

    it('samples stay in the support and are plain JSON', () => {
      for (const v of draws(d, 7, 500)) {
        expect(d.contains(v as never)).toBe(true);
        expect(JSON.parse(JSON.stringify(v))).toEqual(v);
        const support = d.values();
        if (support) expect(support.some((s) => JSON.stringify(s) === JSON.stringify(v))).toBe(true);
      }
    });

    it('is reproducible from the seed, and another seed gives another sequence', () => {
      expect(draws(d, 42, 50)).toEqual(draws(d, 42, 50));
      if (name !== 'constant') expect(draws(d, 43, 50)).not.toEqual(draws(d, 42, 50));
    });

    it('maps samples into [0, 1] and fromUnit lands in the support', () => {
      for (const v of draws(d, 3, 200)) {
        const u = d.toUnit(v as never);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
      }
      for (let i = 0; i <= 100; i++) expect(d.contains(d.fromUnit(i / 100))).toBe(true);
      expect(d.contains(d.fromUnit(-0.5))).toBe(true);
      expect(d.contains(d.fromUnit(1.5))).toBe(true);
    });

    it('says what its finite support is', () => {
      if (DISCRETE_WITH_SUPPORT.includes(name)) expect(d.values()?.length).toBeGreaterThan(0);
      else expect(d.values()).toBeUndefined();
    });
  });
});

describe('round trip fromUnit(toUnit(v)) for discrete values', () => {
  it.each(DISCRETE_WITH_SUPPORT)('%s', (name) => {
    const d = makeDistribution(name, CASES[name]);
    for (const v of d.values()!) expect(d.fromUnit(d.toUnit(v))).toEqual(v);
  });

  it('q_normal round-trips values within ±4 sigma', () => {
    const d = makeDistribution('q_normal', { mu: 0, sigma: 1, q: 0.25 });
    for (let k = -16; k <= 16; k++) expect(d.fromUnit(d.toUnit(k * 0.25))).toBe(k * 0.25);
  });
});

describe('kinds', () => {
  it.each([
    ['constant', 'categorical'],
    ['categorical', 'categorical'],
    ['categorical_w_probabilities', 'categorical'],
    ['int_uniform', 'discrete'],
    ['q_uniform', 'discrete'],
    ['q_log_uniform_values', 'discrete'],
    ['q_normal', 'discrete'],
    ['uniform', 'continuous'],
    ['log_uniform', 'continuous'],
    ['normal', 'continuous'],
    ['beta', 'continuous'],
  ] as const)('%s is %s', (name, kind) => {
    expect(makeDistribution(name, CASES[name]).kind).toBe(kind);
  });
});

describe('log family', () => {
  it('log_uniform takes exponents: values lie in [e^min, e^max]', () => {
    const d = makeDistribution('log_uniform', { min: -5, max: 0 });
    const xs = draws(d, 1, 2000) as number[];
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(Math.exp(-5));
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
    expect(d.contains(0.5)).toBe(true);
    expect(d.contains(-3)).toBe(false);
    expect(d.fromUnit(0)).toBeCloseTo(Math.exp(-5), 12);
    expect(d.fromUnit(1)).toBeCloseTo(1, 12);
  });

  it('log_uniform_values takes values and is uniform in log space', () => {
    const d = makeDistribution('log_uniform_values', { min: 1e-4, max: 1 });
    const xs = draws(d, 2, 4000) as number[];
    const belowMid = xs.filter((x) => x < 1e-2).length / xs.length;
    expect(belowMid).toBeGreaterThan(0.45);
    expect(belowMid).toBeLessThan(0.55);
    expect(d.toUnit(1e-2)).toBeCloseTo(0.5, 12);
    expect(d.fromUnit(0)).toBe(1e-4);
    expect(d.fromUnit(1)).toBe(1);
  });

  it('inv_log_uniform is exp(-U(min, max)): values in [e^-max, e^-min]', () => {
    const d = makeDistribution('inv_log_uniform', { min: 1, max: 4 });
    const xs = draws(d, 3, 1000) as number[];
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(Math.exp(-4));
    expect(Math.max(...xs)).toBeLessThanOrEqual(Math.exp(-1));
  });

  it('inv_log_uniform_values stays within [min, max]', () => {
    const d = makeDistribution('inv_log_uniform_values', { min: 0.01, max: 0.5 });
    const xs = draws(d, 4, 1000) as number[];
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.01);
    expect(Math.max(...xs)).toBeLessThanOrEqual(0.5);
  });

  it('q_log_uniform gives integers for an integer q (batch sizes 32..256)', () => {
    const d = makeDistribution('q_log_uniform', { min: Math.log(32), max: Math.log(256), q: 1 });
    for (const x of draws(d, 5, 300) as number[]) {
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(32);
      expect(x).toBeLessThanOrEqual(256);
    }
    expect(d.values()).toHaveLength(225);
  });
});

describe('quantisation', () => {
  it('writes multiples of q with the decimals of q (no 0.30000000000000004)', () => {
    const d = makeDistribution('q_uniform', { min: 0, max: 1, q: 0.1 });
    expect(d.values()).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    for (const x of draws(d, 9, 500) as number[]) expect(String(x).length).toBeLessThanOrEqual(3);
    expect(d.fromUnit(0.3)).toBe(0.3);
  });

  it('keeps to the multiples of q inside [min, max]', () => {
    const d = makeDistribution('q_uniform', { min: 0.05, max: 0.95, q: 0.1 });
    expect(d.values()).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(d.contains(0)).toBe(false);
    expect(d.contains(0.35)).toBe(false);
    expect(d.contains(0.3)).toBe(true);
  });

  it('handles tiny q written in exponent form', () => {
    const d = makeDistribution('q_uniform', { min: 0, max: 1e-6, q: 2.5e-7 });
    expect(d.values()).toEqual([0, 2.5e-7, 5e-7, 7.5e-7, 1e-6]);
  });

  it('q_normal is unbounded: no finite support', () => {
    expect(makeDistribution('q_normal', { q: 1 }).values()).toBeUndefined();
  });

  it('q defaults to 1 as in W&B', () => {
    const d = makeDistribution('q_uniform', { min: 0, max: 4 });
    expect(d.values()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('int_uniform', () => {
  it('enumerates every integer min..max and samples each', () => {
    const d = makeDistribution('int_uniform', { min: 1, max: 4 });
    expect(d.values()).toEqual([1, 2, 3, 4]);
    expect(new Set(draws(d, 11, 200))).toEqual(new Set([1, 2, 3, 4]));
    expect(d.contains(2.5)).toBe(false);
    expect(d.contains(5)).toBe(false);
  });

  it('fromUnit rounds and clamps', () => {
    const d = makeDistribution('int_uniform', { min: 0, max: 10 });
    expect(d.fromUnit(0.26)).toBe(3);
    expect(d.fromUnit(2)).toBe(10);
    expect(d.toUnit(5)).toBe(0.5);
  });

  it('a support larger than MAX_SUPPORT is not enumerated', () => {
    expect(makeDistribution('int_uniform', { min: 0, max: MAX_SUPPORT * 10 }).values()).toBeUndefined();
  });
});

describe('categorical', () => {
  it('maps choices to index / (n - 1)', () => {
    const d = makeDistribution('categorical', { values: ['a', 'b', 'c'] });
    expect(['a', 'b', 'c'].map((v) => d.toUnit(v))).toEqual([0, 0.5, 1]);
    expect(d.fromUnit(0.74)).toBe('b');
    expect(d.fromUnit(0.76)).toBe('c');
  });

  it('compares structured values by content', () => {
    const d = makeDistribution('categorical', { values: [[1, 2], { a: 1, b: 2 }] });
    expect(d.contains({ b: 2, a: 1 })).toBe(true);
    expect(d.contains([2, 1])).toBe(false);
  });

  it('follows the given probabilities', () => {
    const d = makeDistribution('categorical_w_probabilities', { values: ['x', 'y'], probabilities: [0.9, 0.1] });
    expect(d.probabilities).toEqual([0.9, 0.1]);
    const xs = draws(d, 13, 2000);
    const share = xs.filter((x) => x === 'x').length / xs.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });
});

describe('normal family', () => {
  it('the normal CDF and its inverse agree to near machine precision', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    for (const p of [1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6]) expect(normalCdf(normalInv(p))).toBeCloseTo(p, 13);
  });

  it('normal toUnit is the CDF, clamped away from 0 and 1', () => {
    const d = makeDistribution('normal', { mu: 2, sigma: 0.5 });
    expect(d.toUnit(2)).toBe(0.5);
    expect(d.toUnit(-100)).toBe(1e-6);
    expect(d.toUnit(100)).toBe(1 - 1e-6);
    expect(Number.isFinite(d.fromUnit(0) as number)).toBe(true);
    expect(d.fromUnit(0.5)).toBeCloseTo(2, 12);
  });

  it('samples have the requested mean and spread', () => {
    const xs = draws(makeDistribution('normal', { mu: 2, sigma: 0.5 }), 17, 5000) as number[];
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(0.5, 1);
  });

  it('log_normal is exp(N(mu, sigma)) and positive', () => {
    const d = makeDistribution('log_normal', { mu: 0, sigma: 1 });
    expect(d.fromUnit(0.5)).toBeCloseTo(1, 12);
    expect(d.contains(-1)).toBe(false);
    for (const x of draws(d, 19, 500) as number[]) expect(x).toBeGreaterThan(0);
  });

  it('mu and sigma default to 0 and 1', () => {
    expect(makeDistribution('normal', {}).fromUnit(normalCdf(1))).toBeCloseTo(1, 10);
  });
});

describe('beta', () => {
  it('has mean a / (a + b) and stays in [0, 1]', () => {
    const xs = draws(makeDistribution('beta', { a: 2, b: 6 }), 23, 5000) as number[];
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.25, 1);
    for (const x of xs) expect(x >= 0 && x <= 1).toBe(true);
  });
});

describe('constructors say what must hold and what they got', () => {
  it.each([
    ['uniform', { min: 0.5, max: 0.1 }, DistributionRangeError, 'uniform: min must be < max, got 0.5 >= 0.1'],
    ['uniform', { min: 'a', max: 1 }, DistributionTypeError, 'uniform: min must be a finite number, got "a"'],
    ['int_uniform', { min: 1.5, max: 4 }, DistributionTypeError, 'int_uniform: min must be an integer, got 1.5'],
    ['int_uniform', { min: 3, max: 3 }, DistributionRangeError, 'int_uniform: min must be < max, got 3 >= 3'],
    ['log_uniform_values', { min: 0, max: 1 }, DistributionRangeError, 'log_uniform_values: min must be > 0, got 0'],
    ['q_uniform', { min: 0, max: 1, q: 0 }, DistributionRangeError, 'q_uniform: q must be > 0, got 0'],
    ['q_uniform', { min: 0.1, max: 0.2, q: 1 }, DistributionRangeError, 'q_uniform: q must have a multiple within [0.1, 0.2], got 1'],
    ['normal', { sigma: -1 }, DistributionRangeError, 'normal: sigma must be > 0, got -1'],
    ['beta', { a: 0 }, DistributionRangeError, 'beta: a must be > 0, got 0'],
    ['categorical', { values: [] }, DistributionTypeError, 'categorical: values must be a non-empty list, got []'],
    ['categorical', { values: [1, 2, 1] }, DistributionRangeError, 'categorical: values must be distinct, got 1 at positions 0 and 2'],
    [
      'categorical_w_probabilities',
      { values: [1, 2], probabilities: [0.5, 0.4] },
      DistributionRangeError,
      'categorical_w_probabilities: probabilities must sum to 1, got 0.9',
    ],
    [
      'categorical_w_probabilities',
      { values: [1, 2], probabilities: [1] },
      DistributionRangeError,
      'categorical_w_probabilities: probabilities must have one entry per value (2), got 1',
    ],
    ['log_uniform', { min: 1e-5, max: 1000 }, DistributionRangeError, 'log_uniform: max must be an exponent within [-700, 700]'],
    [
      'log_normal',
      { mu: 1000 },
      DistributionRangeError,
      'log_normal: mu is in log space (the values are exp(N(mu, sigma))), so exp(mu ± 5·sigma) must be finite and > 0, got mu = 1000, sigma = 1 (exp(mu + 5·sigma) = Infinity); for values around 1000 use mu = ln(1000) = 6.908',
    ],
    ['q_log_normal', { mu: 1000, q: 1 }, DistributionRangeError, 'log_normal: mu is in log space'],
    [
      'log_normal',
      { mu: -800 },
      DistributionRangeError,
      'log_normal: mu is in log space (the values are exp(N(mu, sigma))), so exp(mu ± 5·sigma) must be finite and > 0, got mu = -800, sigma = 1 (exp(mu - 5·sigma) = 0)',
    ],
    ['log_normal', { mu: 0, sigma: 200 }, DistributionRangeError, 'log_normal: sigma is in log space like mu'],
    ['normal', { mu: 0, sigma: 1e308 }, DistributionRangeError, 'normal: sigma must keep mu ± 5·sigma finite, got mu = 0, sigma = 1e+308'],
    ['q_normal', { mu: 1.7e308, sigma: 1e307, q: 1 }, DistributionRangeError, 'normal: sigma must keep mu ± 5·sigma finite'],
    [
      'uniform',
      { min: -1e308, max: 1e308 },
      DistributionRangeError,
      'uniform: max must be within about 1.8e308 of min (max - min must be finite), got -1e+308 .. 1e+308',
    ],
    [
      'q_uniform',
      { min: 0, max: 1e10, q: 1e-300 },
      DistributionRangeError,
      'q_uniform: q is too small for values as large as 10000000000 (value / q overflows), got 1e-300',
    ],
    ['q_log_normal', { mu: 700, sigma: 1, q: 1e-10 }, DistributionRangeError, 'q_log_normal: q is too small'],
    ['q_log_uniform_values', { min: 1e-300, max: 1e308, q: 1e-300 }, DistributionRangeError, 'q_log_uniform_values: q is too small'],
  ] as const)('%s %j', (name, args, cls, message) => {
    const make = (): Distribution => makeDistribution(name, args as DistributionArgs);
    expect(make).toThrow(cls);
    expect(make).toThrow(message);
  });

  it('an accepted distribution never yields a non-finite value, even at the edge of what is accepted', () => {
    const edges: [DistributionName, DistributionArgs][] = [
      ['log_normal', { mu: 700, sigma: 1 }],
      ['q_log_normal', { mu: 700, sigma: 1, q: 1 }],
      ['normal', { mu: 0, sigma: 3e307 }],
      ['q_normal', { mu: 0, sigma: 3e307, q: 1e10 }],
      ['uniform', { min: -8e307, max: 8e307 }],
      ['log_uniform_values', { min: 1e-300, max: 1e308 }],
      ['q_log_uniform_values', { min: 1, max: 1e308, q: 1 }],
      ['log_uniform', { min: -700, max: 700 }],
    ];
    for (const [name, args] of edges) {
      const d = makeDistribution(name, args);
      const values = [...[0, 1e-9, 0.5, 1 - 1e-9, 1].map((u) => d.fromUnit(u)), ...draws(d, 5, 20000)] as number[];
      for (const v of values) expect(Number.isFinite(v), `${name} ${JSON.stringify(args)} gave ${v}`).toBe(true);
    }
    // Box–Muller reaches about ±8.6 sigma, past the ±5 sigma the constructors check: such a draw stays finite.
    const farTail = { normal: () => 8.5 } as unknown as Rng;
    for (const [name, args] of [
      ['log_normal', { mu: 699, sigma: 2 }],
      ['q_log_normal', { mu: 699, sigma: 2, q: 1 }],
      ['normal', { mu: 0, sigma: 3e307 }],
    ] as const)
      expect(Number.isFinite(makeDistribution(name, args).sample(farTail)), name).toBe(true);
  });

  it('errors are RangeError / TypeError and carry the argument name', () => {
    try {
      makeDistribution('uniform', { min: 2, max: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect(e).toMatchObject({ arg: 'min', detail: 'must be < max, got 2 >= 1' });
    }
  });
});
