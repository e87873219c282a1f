import { unit } from '../distributions/common.js';
import type { Distribution, Space } from '../distributions/distribution.js';
import { canonicalJson, sha256Hex } from '../hash.js';
import type { JsonValue, Params } from '../json.js';
import type { Observation } from './sampler.js';

/**
 * How model-based samplers see one parameter, in an internal coordinate:
 * - `fixed`: a single possible value (constant); never modelled;
 * - `numeric`: u in [0,1] from `toUnit` (log priors are already linear there). When the support is finite,
 *   `points` holds the sorted unit positions of `values()` and proposals snap to the nearest one;
 *   otherwise (`continuous`, or quantised with a huge support) `fromUnit` does the rounding;
 * - `categorical`: the choice index, modelled one-hot (never as an ordered axis). A `values:` list of three or more
 *   numbers is not one: it is `numeric` over its ranks (`orderedNumbers`).
 */
export type Dim =
  | { readonly type: 'fixed'; readonly name: string; readonly dist: Distribution; readonly value: JsonValue }
  | {
      readonly type: 'numeric';
      readonly name: string;
      readonly dist: Distribution;
      readonly points?: Float64Array;
      readonly pointValues?: readonly JsonValue[];
    }
  | {
      readonly type: 'categorical';
      readonly name: string;
      readonly dist: Distribution;
      readonly choices: readonly JsonValue[];
      readonly keys: ReadonlyMap<string, number>;
      /** Prior weights over `choices` (uniform unless the distribution has probabilities). */
      readonly prior: readonly number[];
    };

export type NumericDim = Extract<Dim, { type: 'numeric' }>;
export type CategoricalDim = Extract<Dim, { type: 'categorical' }>;

export function encodeSpace(space: Space): Dim[] {
  return space.map(({ name, dist: given }): Dim => {
    const values = given.values();
    if (values !== undefined && values.length === 1) return { type: 'fixed', name, dist: given, value: values[0]! };
    // A list of numbers is modelled as the ordered (discrete) axis of its ranks, below.
    const ordered = given.kind === 'categorical' && values ? orderedNumbers(given, values) : undefined;
    const dist = ordered ? ordinalView(given, ordered) : given;
    if (dist.kind === 'categorical') {
      if (values === undefined) throw new TypeError(`parameter ${name}: a categorical distribution must list its values`);
      const keys = new Map(values.map((v, i) => [canonicalJson(v), i] as const));
      const prior = dist.probabilities ?? values.map(() => 1 / values.length);
      return { type: 'categorical', name, dist, choices: values, keys, prior };
    }
    if (dist.kind === 'discrete' && values !== undefined) {
      const order = values.map((v, i) => ({ u: dist.toUnit(v), i })).sort((a, b) => a.u - b.u);
      return {
        type: 'numeric',
        name,
        dist,
        points: Float64Array.from(order, (o) => o.u),
        pointValues: order.map((o) => values[o.i]!),
      };
    }
    return { type: 'numeric', name, dist };
  });
}

/**
 * A `values:` list of three or more numbers (and no `probabilities:`) is an ordered axis to the models, sorted, its
 * values at equal steps (their rank): `learning_rate: {values: [0.0001, 0.001, 0.01]}` or `units: {values: [32, 64,
 * 128]}` says a value between two good ones is worth trying, which one-hot coding cannot learn. Ax does the same
 * (a numeric ChoiceParameter is ordered unless told otherwise, and its values map to their integer rank). With two
 * values order carries nothing, so they stay one-hot, as do strings, booleans, mixed lists and weighted choices.
 */
function orderedNumbers(dist: Distribution, values: readonly JsonValue[]): number[] | undefined {
  if (dist.probabilities || values.length < 3) return undefined;
  if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) return undefined;
  return [...values].sort((a, b) => a - b);
}

/** A categorical distribution seen as an ordered one: value ↔ rank / (n − 1) over `sorted`; the rest as `dist`. */
function ordinalView(dist: Distribution, sorted: readonly number[]): Distribution {
  const rank = new Map(sorted.map((v, i) => [v, i] as const));
  const last = sorted.length - 1;
  return {
    name: dist.name,
    kind: 'discrete',
    sample: (rng) => dist.sample(rng),
    values: () => dist.values(),
    contains: (v) => dist.contains(v),
    toUnit(v) {
      const i = typeof v === 'number' ? rank.get(v) : undefined;
      if (i === undefined) throw new RangeError(`${dist.name}: ${JSON.stringify(v)} is not one of ${JSON.stringify(sorted)}`);
      return i / last;
    },
    fromUnit: (u) => sorted[Math.round(unit(u) * last)]!,
  };
}

/** The dimensions a model works on (fixed ones dropped). */
export function modelDims(dims: readonly Dim[]): (NumericDim | CategoricalDim)[] {
  return dims.filter((d): d is NumericDim | CategoricalDim => d.type !== 'fixed');
}

/** Largest i with sorted[i] <= v (0 when v is below them all; at most length - 2), by bisection. */
export function floorIndex(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Index of the point nearest u in a sorted array. */
export function nearestPoint(points: Float64Array, u: number): number {
  const lo = floorIndex(points, u);
  const hi = Math.min(lo + 1, points.length - 1);
  return Math.abs(u - points[lo]!) <= Math.abs(points[hi]! - u) ? lo : hi;
}

/** The representable internal coordinate closest to x for one dimension. */
export function snap(dim: NumericDim | CategoricalDim, x: number): number {
  if (dim.type === 'categorical') return x;
  const u = x < 0 ? 0 : x > 1 ? 1 : x;
  if (dim.points) return dim.points[nearestPoint(dim.points, u)]!;
  if (dim.dist.kind === 'continuous') return u;
  return dim.dist.toUnit(dim.dist.fromUnit(u));
}

/** Internal coordinate of a value, or undefined when the value is not in this dimension's support. */
export function toInternal(dim: NumericDim | CategoricalDim, value: JsonValue | undefined): number | undefined {
  if (value === undefined || !dim.dist.contains(value)) return undefined;
  if (dim.type === 'categorical') {
    const i = dim.keys.get(canonicalJson(value));
    return i;
  }
  const u = dim.dist.toUnit(value);
  return Number.isFinite(u) ? u : undefined;
}

export function fromInternal(dim: NumericDim | CategoricalDim, x: number): JsonValue {
  if (dim.type === 'categorical') return dim.choices[x]!;
  const u = x < 0 ? 0 : x > 1 ? 1 : x;
  if (dim.points) return dim.pointValues![nearestPoint(dim.points, u)]!;
  const v = dim.dist.fromUnit(u);
  if (dim.dist.contains(v)) return v;
  // Float error at an open end: step inside rather than propose an invalid value.
  return dim.dist.fromUnit(Math.min(1 - 1e-9, Math.max(1e-9, u)));
}

/** Params for a point in model coordinates (one entry per model dim), fixed dims filled in. */
export function paramsOf(dims: readonly Dim[], x: ArrayLike<number>): Params {
  const out: Record<string, JsonValue> = {};
  let j = 0;
  for (const d of dims) out[d.name] = d.type === 'fixed' ? d.value : fromInternal(d, x[j++]!);
  return out;
}

/** Model coordinates of params, or undefined when any value is outside the space (e.g. an old config's trial). */
export function internalOf(dims: readonly Dim[], params: Params): number[] | undefined {
  const out: number[] = [];
  for (const d of dims) {
    if (d.type === 'fixed') continue;
    const x = toInternal(d, params[d.name]);
    if (x === undefined) return undefined;
    out.push(x);
  }
  return out;
}

/** Canonical identity of a configuration restricted to the space's names: cached trials match by this. */
export function paramsKey(space: Space, params: Params): string {
  const picked: Record<string, JsonValue> = {};
  for (const { name } of space) if (params[name] !== undefined) picked[name] = params[name]!;
  return canonicalJson(picked);
}

/** Keys of every configuration already tried or in flight. */
export function usedKeys(space: Space, history: readonly Observation[], pending: readonly Params[]): Set<string> {
  const used = new Set<string>();
  for (const o of history) used.add(paramsKey(space, o.params));
  for (const p of pending) used.add(paramsKey(space, p));
  return used;
}

/**
 * A digest of which configurations were tried and are in flight, order-free: samplers seed their per-ask
 * generator from it so that the same history gives the same proposal whatever order it arrived in, with no
 * state between asks. Values are left out on purpose: a trial re-run on another backend with a slightly
 * different metric must not reshuffle every later random draw.
 */
export function historyDigest(space: Space, history: readonly Observation[], pending: readonly Params[]): string {
  const h = history.map((o) => paramsKey(space, o.params)).sort();
  const p = pending.map((q) => paramsKey(space, q)).sort();
  return sha256Hex(`${h.join('\n')}\u0000${p.join('\n')}`);
}

/**
 * historyDigest for a sampler that ignores results (random): tried and in-flight configurations count alike, so
 * a parallel sweep, whose second ask sees the first trial still running, draws what a sequential one draws after
 * it finished. Equal to historyDigest when nothing is in flight, so sequential sweeps draw as they always have.
 */
export function askedDigest(space: Space, history: readonly Observation[], pending: readonly Params[]): string {
  const all = [...history.map((o) => paramsKey(space, o.params)), ...pending.map((q) => paramsKey(space, q))].sort();
  return sha256Hex(`${all.join('\n')}\u0000`);
}

/** The value a model learns from, or undefined for failed trials and pruned ones that never reported. */
export function observedValue(o: Observation): number | undefined {
  if (o.status === 'failed') return undefined;
  const v = o.value ?? (o.status === 'pruned' ? o.curve[o.curve.length - 1]?.value : undefined);
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}
