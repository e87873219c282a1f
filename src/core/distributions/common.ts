import type { JsonValue } from '../json.js';
import { canonicalJson } from '../hash.js';

/**
 * A constructor argument that breaks a distribution's rule. `arg` names the argument (`min`, `values`, ...) and
 * `detail` says what must hold and what was given, so config validation can report `parameters.lr.min: <detail>`
 * while the plain message still reads `uniform: min must be < max, got 0.5 >= 0.1`.
 */
export interface DistributionArgIssue {
  readonly distribution: string;
  readonly arg: string;
  readonly detail: string;
}

export class DistributionRangeError extends RangeError implements DistributionArgIssue {
  override readonly name = 'DistributionRangeError';
  constructor(
    readonly distribution: string,
    readonly arg: string,
    readonly detail: string,
  ) {
    super(`${distribution}: ${arg} ${detail}`);
  }
}

export class DistributionTypeError extends TypeError implements DistributionArgIssue {
  override readonly name = 'DistributionTypeError';
  constructor(
    readonly distribution: string,
    readonly arg: string,
    readonly detail: string,
  ) {
    super(`${distribution}: ${arg} ${detail}`);
  }
}

export function isDistributionArgIssue(e: unknown): e is DistributionArgIssue & Error {
  return e instanceof DistributionRangeError || e instanceof DistributionTypeError;
}

/** Largest support `values()` will enumerate; beyond it the support is treated as too big to list. */
export const MAX_SUPPORT = 100_000;

export function fmt(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function requireFinite(dist: string, arg: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new DistributionTypeError(dist, arg, `must be a finite number, got ${fmt(value)}`);
  return value;
}

export function requireInteger(dist: string, arg: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new DistributionTypeError(dist, arg, `must be an integer, got ${fmt(value)}`);
  return value;
}

export function requirePositive(dist: string, arg: string, value: unknown): number {
  const v = requireFinite(dist, arg, value);
  if (v <= 0) throw new DistributionRangeError(dist, arg, `must be > 0, got ${fmt(v)}`);
  return v;
}

export function requireLess(dist: string, min: number, max: number): void {
  if (!(min < max)) throw new DistributionRangeError(dist, 'min', `must be < max, got ${fmt(min)} >= ${fmt(max)}`);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Clamp a unit-interval coordinate; NaN is a caller bug, not a point. */
export function unit(u: number): number {
  if (Number.isNaN(u)) throw new RangeError('fromUnit: u must be a number in [0, 1], got NaN');
  return clamp(u, 0, 1);
}

export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** Decimal places needed to write `q` exactly as given (`0.1` → 1, `2.5e-8` → 9, `5` → 0). */
export function decimalsOf(q: number): number {
  const [mantissa = '', exponent] = String(q).toLowerCase().split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  const exp = exponent === undefined ? 0 : Number(exponent);
  return Math.max(0, frac - exp);
}

/**
 * Multiples of q written with q's own decimals, so 3 × 0.1 is 0.3 and not 0.30000000000000004, and an integer q
 * always gives integers. Values are plain JSON numbers.
 */
export class Quantiser {
  readonly decimals: number;
  constructor(readonly q: number) {
    this.decimals = Math.min(decimalsOf(q), 100);
  }
  /** The k-th multiple of q. */
  at(k: number): number {
    const v = k * this.q;
    const out = this.decimals === 0 ? Math.round(v) : Number(v.toFixed(this.decimals));
    return Object.is(out, -0) ? 0 : out;
  }
  /** Index of the nearest multiple. */
  index(x: number): number {
    return Math.round(x / this.q);
  }
  snap(x: number): number {
    return this.at(this.index(x));
  }
}

const SQRT2PI = Math.sqrt(2 * Math.PI);

/** Standard normal CDF (Hart 1968 / West 2005 double-precision form, absolute error ~1e-15). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  let c: number;
  if (ax > 37) c = 0;
  else {
    const e = Math.exp((-ax * ax) / 2);
    if (ax < 7.07106781186547) {
      let n = 3.52624965998911e-2 * ax + 0.700383064443688;
      n = n * ax + 6.37396220353165;
      n = n * ax + 33.912866078383;
      n = n * ax + 112.079291497871;
      n = n * ax + 221.213596169931;
      n = n * ax + 220.206867912376;
      let d = 8.83883476483184e-2 * ax + 1.75566716318264;
      d = d * ax + 16.064177579207;
      d = d * ax + 86.7807322029461;
      d = d * ax + 296.564248779674;
      d = d * ax + 637.333633378831;
      d = d * ax + 793.826512519948;
      d = d * ax + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = ax + 0.65;
      b = ax + 4 / b;
      b = ax + 3 / b;
      b = ax + 2 / b;
      b = ax + 1 / b;
      c = e / b / SQRT2PI;
    }
  }
  return x > 0 ? 1 - c : c;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(coeffs: readonly number[], x: number): number {
  let s = 0;
  for (const c of coeffs) s = s * x + c;
  return s;
}

/** Inverse standard normal CDF for p in (0,1): Acklam's rational approximation plus one Halley step. */
export function normalInv(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalInv: p must be in (0, 1), got ${p}`);
  const plow = 0.02425;
  let x: number;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p <= 1 - plow) {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Normal-family unit mapping keeps away from the infinite tails. */
export const UNIT_EPS = 1e-6;
