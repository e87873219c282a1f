import type { JsonValue } from '../../src/core/json.js';

/** The recorded learning curves both sides of `npm run bench:fidelity` replay (written by record.ts). */
export interface CurveTable {
  /** How the curves were made: trainer, data, backend. */
  readonly source: string;
  /** The recorded metric (minimised). */
  readonly metric: string;
  /** Epochs per curve (every curve is complete). */
  readonly epochs: number;
  /** The grid: each parameter's values, in the order both samplers are offered them. */
  readonly grid: Readonly<Record<string, readonly (string | number)[]>>;
  /** The sweep seeds of the recordings; the first is the one the samplers see. */
  readonly seeds: readonly number[];
  /**
   * One row per grid configuration: its params and, per seed of `seeds` (same order), the metric after epochs
   * 1..epochs of one training run.
   */
  readonly rows: readonly { readonly params: Readonly<Record<string, JsonValue>>; readonly curves: readonly (readonly number[])[] }[];
}

/** Key of a configuration: its values in grid order. */
export function configKey(table: Pick<CurveTable, 'grid'>, params: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.keys(table.grid).map((k) => params[k]));
}
