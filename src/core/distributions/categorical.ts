import type { DimensionKind, Distribution } from './distribution.js';
import type { JsonValue } from '../json.js';
import type { Rng } from '../rng.js';
import { canonicalJson } from '../hash.js';
import { DistributionRangeError, DistributionTypeError, fmt, unit } from './common.js';

/**
 * W&B `values:` (uniform over the choices) and `values:` + `probabilities:` (categorical_w_probabilities).
 * Choices must be distinct: a duplicate would make grid search run one configuration twice.
 */
export class CategoricalDistribution implements Distribution {
  readonly kind: DimensionKind = 'categorical';
  readonly name: 'categorical' | 'categorical_w_probabilities';
  readonly choices: readonly JsonValue[];
  readonly probabilities?: readonly number[];
  private readonly index = new Map<string, number>();

  constructor(values: unknown, probabilities?: unknown) {
    const name = probabilities === undefined ? 'categorical' : 'categorical_w_probabilities';
    this.name = name;
    if (!Array.isArray(values) || values.length === 0)
      throw new DistributionTypeError(name, 'values', `must be a non-empty list, got ${fmt(values)}`);
    values.forEach((v: JsonValue, i) => {
      const key = jsonKey(name, v);
      const first = this.index.get(key);
      if (first !== undefined)
        throw new DistributionRangeError(name, 'values', `must be distinct, got ${fmt(v)} at positions ${first} and ${i}`);
      this.index.set(key, i);
    });
    this.choices = values.slice();
    if (probabilities !== undefined) this.probabilities = checkProbabilities(probabilities, values.length);
  }

  sample(rng: Rng): JsonValue {
    const i = this.probabilities ? rng.weighted(this.probabilities) : rng.int(this.choices.length);
    return this.choices[i]!;
  }

  values(): readonly JsonValue[] {
    return this.choices;
  }

  indexOf(value: JsonValue): number {
    try {
      return this.index.get(canonicalJson(value)) ?? -1;
    } catch {
      return -1;
    }
  }

  toUnit(value: JsonValue): number {
    const i = this.indexOf(value);
    if (i < 0) throw new RangeError(`${this.name}: ${fmt(value)} is not one of ${fmt(this.choices)}`);
    return this.choices.length === 1 ? 0 : i / (this.choices.length - 1);
  }

  fromUnit(u: number): JsonValue {
    return this.choices[Math.round(unit(u) * (this.choices.length - 1))]!;
  }

  contains(value: JsonValue): boolean {
    return this.indexOf(value) >= 0;
  }
}

function checkProbabilities(p: unknown, n: number): readonly number[] {
  const name = 'categorical_w_probabilities';
  if (!Array.isArray(p) || p.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0))
    throw new DistributionTypeError(name, 'probabilities', `must be a list of numbers >= 0, got ${fmt(p)}`);
  if (p.length !== n) throw new DistributionRangeError(name, 'probabilities', `must have one entry per value (${n}), got ${p.length}`);
  const sum = (p as number[]).reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new DistributionRangeError(name, 'probabilities', `must sum to 1, got ${sum}`);
  return (p as number[]).slice();
}

function jsonKey(name: string, value: JsonValue): string {
  try {
    return canonicalJson(value);
  } catch {
    throw new DistributionTypeError(
      name,
      'values',
      `must be JSON values (finite numbers, strings, booleans, null, lists, mappings), got ${fmt(value)}`,
    );
  }
}
