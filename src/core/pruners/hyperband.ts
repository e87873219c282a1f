import type { Curve, Pruner } from './pruner.js';
import { isProbe, rungTrusted } from './rung-check.js';

export interface HyperbandSettings {
  /** First rung (W&B `min_iter`). */
  readonly minIter: number;
  /** Reduction factor (W&B `eta`, default 3). */
  readonly eta: number;
  /** Last step a trial runs to (W&B `max_iter`); no rung at or beyond it. */
  readonly maxIter?: number;
  /** Explicit rungs (W&B's bands from max_iter and s); they replace minIter · eta^k. */
  readonly rungs?: readonly number[];
  /** `check_rungs`: some trials run in full (isProbe), and a rung prunes only once it would have kept the best of them (rungTrusted). */
  readonly checkRungs?: boolean;
}

/**
 * W&B `early_terminate: hyperband`, run asynchronously (ASHA): rungs at minIter·eta^k, or exactly the given
 * `rungs` (W&B's max_iter + s form, see hyperbandBands). When a trial's curve
 * first reaches a rung, it continues only if its value there is within the best ⌊n/eta⌋ (at least the best
 * one) of the n values recorded at that rung by every trial so far, itself included. Nobody waits for a
 * bracket to fill, so early trials are promoted generously and later ones face a growing field.
 */
export class HyperbandPruner implements Pruner {
  readonly name = 'hyperband';
  readonly rungs: readonly number[];

  constructor(readonly settings: HyperbandSettings) {
    const { minIter, eta, maxIter } = settings;
    if (!(minIter > 0) || !Number.isFinite(minIter)) throw new RangeError(`hyperband: min_iter must be > 0, got ${minIter}`);
    if (!(eta > 1) || !Number.isFinite(eta)) throw new RangeError(`hyperband: eta must be > 1, got ${eta}`);
    if (maxIter !== undefined && !(maxIter > minIter))
      throw new RangeError(`hyperband: max_iter must be > min_iter (${minIter}), got ${maxIter}`);
    if (settings.rungs !== undefined) {
      this.rungs = checkRungs(settings.rungs);
      return;
    }
    // Without max_iter the rungs go on; 64 of them reach past any realistic step count.
    const rungs: number[] = [];
    for (let k = 0, r = minIter; k < 64 && (maxIter === undefined || r < maxIter * (1 - 1e-9)); k++, r *= eta) rungs.push(r);
    this.rungs = rungs;
  }

  shouldPrune(curve: Curve, others: readonly Curve[]): boolean {
    const last = curve[curve.length - 1];
    if (!last) return false;
    // check_rungs: a probe runs in full, whatever the rungs say.
    if (this.settings.checkRungs && isProbe(others.length, this.settings.eta)) return false;
    const before = curve.length > 1 ? curve[curve.length - 2]!.step : -Infinity;
    // Only the report that first crosses a rung decides, so replaying the same curves gives the same answer.
    for (const rung of this.rungs) {
      if (!(before < rung && last.step >= rung)) continue;
      const field = [last.value];
      for (const o of others) {
        const v = valueAtRung(o, rung);
        if (v !== undefined) field.push(v);
      }
      field.sort((a, b) => a - b);
      const keep = Math.max(1, Math.floor(field.length / this.settings.eta));
      if (last.value > field[keep - 1]! && (!this.settings.checkRungs || rungTrusted(rung, others, this.settings.eta))) return true;
    }
    return false;
  }
}

/** A curve's value at its first report at or past the rung, if it got there. */
export function valueAtRung(curve: Curve, rung: number): number | undefined {
  for (const p of curve) if (p.step >= rung) return Number.isFinite(p.value) ? p.value : undefined;
  return undefined;
}

function checkRungs(rungs: readonly number[]): readonly number[] {
  if (rungs.length === 0) throw new RangeError('hyperband: rungs must not be empty');
  rungs.forEach((r, i) => {
    if (!(r > 0) || !Number.isFinite(r)) throw new RangeError(`hyperband: rungs must be finite and > 0, got ${r} at position ${i}`);
    if (i > 0 && !(r > rungs[i - 1]!)) throw new RangeError(`hyperband: rungs must be ascending, got ${rungs[i - 1]} then ${r}`);
  });
  return rungs.slice();
}

/**
 * W&B's bands for max_iter and s (sweeps' hyperband_stopping.py): divide max_iter by eta s times, flooring each
 * quotient and stopping below 1, so ⌊max_iter / eta^i⌋ for i = s..1; ascending, repeats dropped. The same
 * repeated division as W&B, so float rounding lands the same way. Empty when max_iter / eta < 1.
 */
export function hyperbandBands(maxIter: number, eta: number, s: number): number[] {
  const bands: number[] = [];
  let band = maxIter;
  for (let i = 0; i < s; i++) {
    band /= eta;
    if (band < 1) break;
    bands.push(Math.floor(band));
  }
  return [...new Set(bands)].sort((a, b) => a - b);
}

/** min_iter from W&B's max_iter and s when only those are given: max_iter / eta^s. */
export function minIterFrom(maxIter: number, eta: number, s: number): number {
  return maxIter / eta ** s;
}
