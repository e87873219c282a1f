import type { Rng } from '../rng.js';
import { backSolve, cholesky, choleskyInverse, forwardSolve, lbfgs } from './linalg.js';

/**
 * Gaussian-process regression with a Matérn 5/2 kernel, one length scale per parameter (ARD), a signal
 * variance and a noise variance, on inputs already in model coordinates: numeric dims in [0,1], categorical
 * dims as a choice index whose distance is 0 when equal and 1 otherwise (a one-hot encoding sharing one
 * length scale per parameter). Hyperparameters are MAP estimates: log marginal likelihood plus weak
 * log-normal priors, maximised with L-BFGS on log-parameters from a few seeded starts.
 */

/** Log-parameters: per-dim log length scales, then log signal variance, then log (noise - floor). */
export interface Hyper {
  readonly logLengths: Float64Array;
  readonly logSignal: number;
  readonly logNoise: number;
}

export interface GpData {
  /** Row-major n × dims inputs. */
  readonly x: Float64Array;
  readonly n: number;
  readonly dims: number;
  /** 1 where a dim is categorical. */
  readonly categorical: Uint8Array;
  /** Targets, already standardised. */
  readonly y: Float64Array;
}

export interface FitOptions {
  /** Subsample size for the hyperparameter fit; the posterior always uses every point. */
  readonly maxPoints: number;
  /** L-BFGS runs from the best of `screen` prior draws (plus the prior centre). */
  readonly restarts: number;
  readonly screen: number;
  readonly maxIter: number;
}

const SQRT5 = Math.sqrt(5);
/** Noise variance floor on standardised targets: deterministic objectives still get a well-posed solve. */
export const NOISE_FLOOR = 1e-6;

/** Priors on the log-parameters (mean, sd). Length scales widen with dimension, as in BoTorch's defaults. */
export function hyperPrior(dims: number): {
  lengthMean: number;
  lengthSd: number;
  signalMean: number;
  signalSd: number;
  noiseMean: number;
  noiseSd: number;
} {
  return {
    lengthMean: Math.log(0.5) + 0.5 * Math.log(Math.max(1, dims)),
    lengthSd: 1.2,
    signalMean: 0,
    signalSd: 1.5,
    noiseMean: Math.log(1e-4),
    noiseSd: 3,
  };
}

/** Matérn 5/2 correlation at squared scaled distance r2. */
export function matern52(r2: number): number {
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/** Per-dim squared distances between every pair i < j, packed pair-major: [p * dims + d]. */
function pairDistances(data: GpData): Float64Array {
  const { x, n, dims, categorical } = data;
  const out = new Float64Array((dims * n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      for (let d = 0; d < dims; d++) {
        const a = x[i * dims + d]!;
        const b = x[j * dims + d]!;
        out[p * dims + d] = categorical[d] ? (a === b ? 0 : 1) : (a - b) * (a - b);
      }
    }
  }
  return out;
}

/**
 * Negative log posterior of the hyperparameters θ = [log ℓ_1..D, log σ_f², log σ_n²'] and its gradient.
 * With W = ααᵀ - K⁻¹, ∂(-log p(y|θ))/∂θ = -½ tr(W ∂K/∂θ).
 */
export function hyperObjective(data: GpData): (theta: Float64Array, grad: Float64Array | undefined) => number {
  return makeObjective(data, pairDistances(data));
}

function makeObjective(data: GpData, d2: Float64Array) {
  const { n, dims, y } = data;
  const pairs = (n * (n - 1)) / 2;
  const prior = hyperPrior(dims);
  const kf = new Float64Array(pairs);
  const gk = new Float64Array(pairs);
  const w = new Float64Array(dims);
  const k = new Float64Array(n * n);
  return (theta: Float64Array, grad: Float64Array | undefined): number => {
    for (let d = 0; d < dims; d++) w[d] = Math.exp(-2 * theta[d]!);
    const sf2 = Math.exp(theta[dims]!);
    const en = Math.exp(theta[dims + 1]!);
    const sn2 = NOISE_FLOOR + en;
    if (!Number.isFinite(sf2) || !Number.isFinite(sn2) || w.some((v) => !Number.isFinite(v) || v === 0)) return Infinity;
    let p = 0;
    for (let i = 0; i < n; i++) {
      k[i * n + i] = sf2 + sn2;
      for (let j = i + 1; j < n; j++, p++) {
        let r2 = 0;
        const o = p * dims;
        for (let d = 0; d < dims; d++) r2 += w[d]! * d2[o + d]!;
        const r = Math.sqrt(r2);
        const e = Math.exp(-SQRT5 * r);
        const kv = sf2 * (1 + SQRT5 * r + (5 / 3) * r2) * e;
        kf[p] = kv;
        gk[p] = sf2 * (5 / 3) * (1 + SQRT5 * r) * e;
        k[j * n + i] = kv;
      }
    }
    try {
      cholesky(k, n);
    } catch {
      return Infinity;
    }
    const alpha = backSolve(k, n, forwardSolve(k, n, y.slice()));
    let nll = 0.5 * n * Math.log(2 * Math.PI);
    for (let i = 0; i < n; i++) nll += 0.5 * y[i]! * alpha[i]! + Math.log(k[i * n + i]!);
    let penalty = 0;
    for (let d = 0; d < dims; d++) penalty += 0.5 * ((theta[d]! - prior.lengthMean) / prior.lengthSd) ** 2;
    penalty += 0.5 * ((theta[dims]! - prior.signalMean) / prior.signalSd) ** 2;
    penalty += 0.5 * ((theta[dims + 1]! - prior.noiseMean) / prior.noiseSd) ** 2;
    if (!grad) return nll + penalty;

    const kinv = choleskyInverse(k, n);
    grad.fill(0);
    let diagW = 0;
    for (let i = 0; i < n; i++) diagW += alpha[i]! * alpha[i]! - kinv[i * n + i]!;
    let offSignal = 0;
    p = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, p++) {
        const wij = alpha[i]! * alpha[j]! - kinv[i * n + j]!;
        offSignal += wij * kf[p]!;
        const m = wij * gk[p]!;
        if (m !== 0) {
          const o = p * dims;
          for (let d = 0; d < dims; d++) grad[d]! -= m * d2[o + d]!;
        }
      }
    }
    for (let d = 0; d < dims; d++) grad[d] = grad[d]! * w[d]! + (theta[d]! - prior.lengthMean) / prior.lengthSd ** 2;
    grad[dims] = -0.5 * (diagW * sf2 + 2 * offSignal) + (theta[dims]! - prior.signalMean) / prior.signalSd ** 2;
    grad[dims + 1] = -0.5 * diagW * en + (theta[dims + 1]! - prior.noiseMean) / prior.noiseSd ** 2;
    return nll + penalty;
  };
}

/** Rows `idx` of data. */
export function subset(data: GpData, idx: readonly number[]): GpData {
  const x = new Float64Array(idx.length * data.dims);
  const y = new Float64Array(idx.length);
  idx.forEach((r, i) => {
    x.set(data.x.subarray(r * data.dims, (r + 1) * data.dims), i * data.dims);
    y[i] = data.y[r]!;
  });
  return { ...data, x, y, n: idx.length };
}

/**
 * MAP hyperparameters. Above `maxPoints` observations the fit uses the best quarter plus a seeded random
 * draw of the rest: length scales and noise are well estimated from ~100 points, and the O(n³) fit is
 * what dominates proposal time.
 */
export function fitHyper(data: GpData, rng: Rng, opts: FitOptions): Hyper {
  let fitData = data;
  if (data.n > opts.maxPoints) {
    const order = Array.from({ length: data.n }, (_, i) => i).sort((a, b) => data.y[a]! - data.y[b]! || a - b);
    const nBest = Math.floor(opts.maxPoints / 4);
    const rest = rng.shuffle(order.slice(nBest)).slice(0, opts.maxPoints - nBest);
    fitData = subset(
      data,
      [...order.slice(0, nBest), ...rest].sort((a, b) => a - b),
    );
  }
  const dims = data.dims;
  const prior = hyperPrior(dims);
  const objective = makeObjective(fitData, pairDistances(fitData));
  const centre = new Float64Array(dims + 2);
  centre.fill(prior.lengthMean, 0, dims);
  centre[dims] = prior.signalMean;
  centre[dims + 1] = prior.noiseMean;
  const starts: { theta: Float64Array; f: number }[] = [{ theta: centre, f: objective(centre, undefined) }];
  for (let s = 0; s < opts.screen; s++) {
    const t = new Float64Array(dims + 2);
    for (let d = 0; d < dims; d++) t[d] = prior.lengthMean + prior.lengthSd * rng.normal();
    t[dims] = prior.signalMean + 0.5 * prior.signalSd * rng.normal();
    t[dims + 1] = prior.noiseMean + 0.5 * prior.noiseSd * rng.normal();
    starts.push({ theta: t, f: objective(t, undefined) });
  }
  const [first, ...others] = starts;
  others.sort((a, b) => a.f - b.f);
  let best = { x: first!.theta, f: first!.f };
  for (const s of [first!, ...others.slice(0, Math.max(0, opts.restarts - 1))]) {
    if (!Number.isFinite(s.f)) continue;
    const r = lbfgs((t, g) => objective(t, g), s.theta, opts.maxIter);
    if (r.f < best.f || !Number.isFinite(best.f)) best = { x: r.x, f: r.f };
  }
  const theta = best.x;
  return {
    logLengths: theta.slice(0, dims),
    logSignal: clampLog(theta[dims]!),
    logNoise: clampLog(theta[dims + 1]!),
  };
}

function clampLog(v: number): number {
  return Number.isFinite(v) ? Math.min(20, Math.max(-30, v)) : 0;
}

/** The posterior of a GP with fixed hyperparameters over some data. */
export class GpPosterior {
  private readonly chol: Float64Array;
  private readonly alpha: Float64Array;
  private readonly w: Float64Array;
  readonly signal: number;
  private readonly kbuf: Float64Array;

  constructor(
    readonly data: GpData,
    readonly hyper: Hyper,
  ) {
    const { n, dims } = data;
    this.w = Float64Array.from(hyper.logLengths, (l) => Math.exp(-2 * l));
    this.signal = Math.exp(hyper.logSignal);
    const noise = NOISE_FLOOR + Math.exp(hyper.logNoise);
    const k = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      k[i * n + i] = this.signal + noise;
      for (let j = 0; j < i; j++) k[i * n + j] = this.kernel(data.x, i * dims, data.x, j * dims);
    }
    cholesky(k, n);
    this.chol = k;
    this.alpha = backSolve(k, n, forwardSolve(k, n, data.y.slice()));
    this.kbuf = new Float64Array(n);
  }

  private kernel(a: Float64Array, ao: number, b: Float64Array, bo: number): number {
    const { dims, categorical } = this.data;
    let r2 = 0;
    for (let d = 0; d < dims; d++) {
      const u = a[ao + d]!;
      const v = b[bo + d]!;
      r2 += this.w[d]! * (categorical[d] ? (u === v ? 0 : 1) : (u - v) * (u - v));
    }
    return this.signal * matern52(r2);
  }

  /** Posterior mean and variance of the latent function at x (length dims). */
  predict(x: Float64Array): { mean: number; variance: number } {
    const { n, dims } = this.data;
    const kv = this.kbuf;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      kv[i] = this.kernel(x, 0, this.data.x, i * dims);
      mean += kv[i]! * this.alpha[i]!;
    }
    // ‖L⁻¹k‖² by forward substitution, accumulated as we go.
    const l = this.chol;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      let s = kv[i]!;
      for (let j = 0; j < i; j++) s -= l[ri + j]! * kv[j]!;
      s /= l[ri + i]!;
      kv[i] = s;
      q += s * s;
    }
    return { mean, variance: Math.max(this.signal - q, 1e-12 * this.signal) };
  }

  /** The same hyperparameters over extra (fantasised) points. */
  extend(x: Float64Array, y: Float64Array): GpPosterior {
    const n = this.data.n + y.length;
    const xs = new Float64Array(n * this.data.dims);
    xs.set(this.data.x);
    xs.set(x, this.data.x.length);
    const ys = new Float64Array(n);
    ys.set(this.data.y);
    ys.set(y, this.data.n);
    return new GpPosterior({ ...this.data, x: xs, y: ys, n }, this.hyper);
  }
}
