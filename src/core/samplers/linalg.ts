/**
 * The little dense linear algebra the GP needs, on row-major Float64Arrays: a Cholesky factorisation that
 * adds jitter when the kernel matrix is numerically singular, triangular solves, and L-BFGS for the
 * marginal-likelihood fit. Sizes stay in the low hundreds, so plain loops are the fastest option in JS.
 */

/**
 * In-place lower Cholesky of the n×n symmetric matrix `a` (only the lower triangle is read; the upper is
 * zeroed). Returns the jitter that had to be added to the diagonal, or throws after escalating it to 1e-2·mean diag.
 */
export function cholesky(a: Float64Array, n: number): number {
  const original = a.slice();
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += a[i * n + i]!;
  meanDiag = Math.max(meanDiag / Math.max(n, 1), 1e-300);
  let jitter = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) {
      a.set(original);
      jitter = meanDiag * 10 ** (attempt - 11);
      for (let i = 0; i < n; i++) a[i * n + i]! += jitter;
    }
    if (choleskyOnce(a, n)) return jitter;
  }
  throw new RangeError(`cholesky: matrix is not positive definite even with jitter ${jitter}`);
}

function choleskyOnce(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j]!;
    for (let k = 0; k < j; k++) d -= a[rj + k]! * a[rj + k]!;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = s * inv;
    }
    for (let k = j + 1; k < n; k++) a[rj + k] = 0;
  }
  return true;
}

/** Solve L x = b in place (L lower triangular). */
export function forwardSolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * b[k]!;
    b[i] = s / l[ri + i]!;
  }
  return b;
}

/** Solve Lᵀ x = b in place. */
export function backSolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  return b;
}

/** (L Lᵀ)⁻¹ as a full symmetric matrix, from the Cholesky factor. */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  // Linv (lower) by forward substitution on the identity, then K⁻¹ = Linvᵀ Linv.
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[ri + k]! * li[k * n + j]!;
      li[ri + j] = s / l[ri + i]!;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i]! * li[k * n + j]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

export interface MinimizeResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly iterations: number;
}

/** f(x) writing ∇f(x) into g; may return a non-finite value to reject x. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

/**
 * Limited-memory BFGS with a backtracking Armijo line search. Enough for the smooth, low-dimensional
 * (d + 2 parameters) marginal-likelihood surfaces it is used on; it stops on a small gradient, a stalled
 * objective or the iteration cap.
 */
export function lbfgs(fg: Objective, x0: Float64Array, maxIter = 50, memory = 7): MinimizeResult {
  const n = x0.length;
  let x = x0.slice();
  let g = new Float64Array(n);
  let f = fg(x, g);
  if (!Number.isFinite(f)) return { x, f, iterations: 0 };
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const rhos: number[] = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(memory);
  let it = 0;
  for (; it < maxIter; it++) {
    if (norm(g) < 1e-6) break;
    // Two-loop recursion for d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    for (let k = ss.length - 1; k >= 0; k--) {
      alpha[k] = rhos[k]! * dot(ss[k]!, d);
      axpy(-alpha[k]!, ys[k]!, d);
    }
    if (ss.length > 0) {
      const last = ss.length - 1;
      scale(d, dot(ss[last]!, ys[last]!) / dot(ys[last]!, ys[last]!));
    } else {
      scale(d, 1 / Math.max(1, norm(g)));
    }
    for (let k = 0; k < ss.length; k++) {
      const beta = rhos[k]! * dot(ys[k]!, d);
      axpy(alpha[k]! - beta, ss[k]!, d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (curvature went bad): restart from steepest descent.
      ss.length = ys.length = rhos.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]! / Math.max(1, norm(g));
      slope = dot(g, d);
    }
    let t = 1;
    const xn = new Float64Array(n);
    const gn = new Float64Array(n);
    let fn = Infinity;
    for (let ls = 0; ls < 25; ls++) {
      for (let i = 0; i < n; i++) xn[i] = x[i]! + t * d[i]!;
      fn = fg(xn, gn);
      if (Number.isFinite(fn) && fn <= f + 1e-4 * t * slope) break;
      t *= 0.5;
      fn = Infinity;
    }
    if (!Number.isFinite(fn)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i]! - x[i]!;
      y[i] = gn[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      if (ss.length === memory) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
    }
    const improvement = f - fn;
    x = xn;
    g = gn;
    f = fn;
    if (improvement < 1e-9 * Math.max(1, Math.abs(f))) break;
  }
  return { x, f, iterations: it };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += alpha * x[i]!;
}

function scale(a: Float64Array, s: number): void {
  for (let i = 0; i < a.length; i++) a[i]! *= s;
}
