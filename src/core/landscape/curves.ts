import type { ResultTrial } from '../results.js';
import { scored, type LandscapeMetric } from './trials.js';

/** How many of the best finished trials have their curves read. */
export const CURVE_TRIALS = 3;
/** Curves shorter than this many epochs are not read. */
const MIN_EPOCHS = 4;
/** The window of last epochs the noise check reads. */
const NOISE_WINDOW = 5;

export type CurveCheck = 'still-improving' | 'overfitting' | 'noisy';

export interface CurveNote {
  readonly check: CurveCheck;
  /** The trials (1-based sweep numbers) whose curve shows it. */
  readonly trials: readonly number[];
  /** How many curves were read. */
  readonly of: number;
}

/**
 * The Playbook's training-curve checks over the per-epoch history of the monitored metric of the best
 * CURVE_TRIALS finished trials with at least 4 epochs. Each is measured against the curve's own scale,
 * S = |first value − best value| (what training gained):
 * - still improving: the last epoch is the best one and gained at least 1% of S on the epoch before, and at least
 *   3% of S on two epochs before (train longer);
 * - overfitting: the best epoch is at least two epochs before the last and the last is worse than the best by at
 *   least 10% of S (regularise, or stop early);
 * - noisy: over the last 5 epochs the direction of change flips at least twice and the mean step-to-step change is
 *   at least 5% of S (step-to-step variance: a smaller learning rate or a bigger batch).
 * A check is noted when it shows in at least half of the curves read (rounded up).
 */
export function curveNotes(trials: readonly ResultTrial[], metric: LandscapeMetric): CurveNote[] {
  const curves = scored(trials, metric)
    .map((s) => ({ number: s.number, losses: lossCurve(s.trial, metric) }))
    .filter((c) => c.losses.length >= MIN_EPOCHS)
    .slice(0, CURVE_TRIALS);
  if (curves.length === 0) return [];
  const checks: CurveCheck[] = ['still-improving', 'overfitting', 'noisy'];
  return checks
    .map((check) => ({ check, trials: curves.filter((c) => shows(check, c.losses)).map((c) => c.number), of: curves.length }))
    .filter((n) => n.trials.length * 2 >= n.of && n.trials.length > 0);
}

/** The monitored metric per epoch, as a loss (lower is better), in step order; steps without it are skipped. */
function lossCurve(t: ResultTrial, metric: LandscapeMetric): number[] {
  return [...t.history]
    .sort((a, b) => a.step - b.step)
    .map((h) => h.metrics[metric.name])
    .filter((v): v is number => v !== undefined && Number.isFinite(v))
    .map((v) => (metric.goal === 'maximize' ? -v : v));
}

function shows(check: CurveCheck, c: readonly number[]): boolean {
  const best = Math.min(...c);
  const scale = Math.abs(c[0]! - best);
  if (!(scale > 0)) return false;
  const n = c.length;
  const last = c[n - 1]!;
  if (check === 'still-improving') return last === best && c[n - 2]! - last >= 0.01 * scale && c[n - 3]! - last >= 0.03 * scale;
  if (check === 'overfitting') return c.lastIndexOf(best) <= n - 3 && last - best >= 0.1 * scale;
  const w = c.slice(-NOISE_WINDOW);
  const d = w.slice(1).map((x, i) => x - w[i]!);
  const flips = d.slice(1).filter((x, i) => Math.sign(x) * Math.sign(d[i]!) < 0).length;
  const mean = d.reduce((s, x) => s + Math.abs(x), 0) / d.length;
  return flips >= 2 && mean >= 0.05 * scale;
}
