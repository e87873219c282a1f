/** A value that survives JSON round-trips unchanged; hyperparameter values are always JSON. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/** One trial's hyperparameters, flat: nested W&B `parameters` blocks become dotted names (`optimizer.lr`). */
export type Params = Readonly<Record<string, JsonValue>>;

/** Metric name → value. Non-finite values are never stored: a NaN loss fails the trial instead. */
export type Metrics = Readonly<Record<string, number>>;

/** A plain JSON object (not null, not an array): what parsed documents are checked against. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
