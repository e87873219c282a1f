/** A value that survives JSON round-trips unchanged; hyperparameter values are always JSON. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/** One trial's hyperparameters, flat: nested W&B `parameters` blocks become dotted names (`optimizer.lr`). */
export type Params = Readonly<Record<string, JsonValue>>;

/** Metric name → value. Non-finite values are never stored: a NaN loss fails the trial instead. */
export type Metrics = Readonly<Record<string, number>>;
