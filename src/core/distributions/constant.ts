import type { DimensionKind, Distribution } from './distribution.js';
import type { JsonValue } from '../json.js';
import { DistributionTypeError, fmt, jsonEqual } from './common.js';

/** W&B `value:` — one fixed value of any JSON type. Treated as a one-choice categorical by samplers. */
export class ConstantDistribution implements Distribution {
  readonly name = 'constant' as const;
  readonly kind: DimensionKind = 'categorical';

  constructor(readonly value: JsonValue) {
    if (value === undefined) throw new DistributionTypeError('constant', 'value', `must be given, got ${fmt(value)}`);
  }

  sample(): JsonValue {
    return this.value;
  }

  values(): readonly JsonValue[] {
    return [this.value];
  }

  toUnit(): number {
    return 0;
  }

  fromUnit(): JsonValue {
    return this.value;
  }

  contains(value: JsonValue): boolean {
    return jsonEqual(value, this.value);
  }
}
