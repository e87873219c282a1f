/**
 * The synthetic learning curves of `npm run bench:fidelity`, defined here and, identically, in
 * bench/optuna_fidelity.py (`synthetic_loss`; test/bench/fidelity.test.ts checks both give the same values).
 *
 * Three parameters: a learning rate lr (log-uniform 1e-4..1, read as u = (log10 lr + 4) / 4 in [0, 1]), dropout
 * (uniform 0..0.9) and width (uniform 0..1). Each configuration's loss falls exponentially from 1 towards a floor:
 *
 *   loss(t) = floor + (1 − floor) · exp(−k · t),  t = 1..EPOCHS
 *   floor   = 0.1 + 0.5 u² + 0.3 (dropout − 0.3)² + 0.2 (width − 0.7)²
 *   k       = 0.01 · 100^u · (1 − 0.5 dropout) · (1 − 0.4 width)
 *
 * A low rate, some dropout and a wide model reach the lowest floors but learn slowly, so the configurations that
 * are best after EPOCHS epochs (u ≈ 0.6, lr ≈ 0.01) are well behind fast, high-rate ones after 1, 3 and 9 epochs:
 * trusting early epochs is punished.
 */
export const EPOCHS = 27;

export interface SyntheticParams {
  readonly lr: number;
  readonly dropout: number;
  readonly width: number;
}

export function syntheticLoss(p: SyntheticParams, epoch: number): number {
  const u = (Math.log10(p.lr) + 4) / 4;
  const floor = 0.1 + 0.5 * u * u + 0.3 * (p.dropout - 0.3) ** 2 + 0.2 * (p.width - 0.7) ** 2;
  const k = 0.01 * 100 ** u * (1 - 0.5 * p.dropout) * (1 - 0.4 * p.width);
  return floor + (1 - floor) * Math.exp(-k * epoch);
}

/** The search space, as a sweep config would write it. */
export const SYNTHETIC_SPACE = {
  lr: { distribution: 'log_uniform_values', min: 1e-4, max: 1 },
  dropout: { distribution: 'uniform', min: 0, max: 0.9 },
  width: { distribution: 'uniform', min: 0, max: 1 },
} as const;

/**
 * The lowest loss after EPOCHS epochs: a 61³ grid over (u, dropout, width), then coordinate-wise golden-section
 * refinement from the best grid point until no coordinate moves by more than 1e-12 (the function is smooth and
 * unimodal along each axis near its optimum).
 */
export function syntheticOptimum(): { params: SyntheticParams; loss: number } {
  const lrOf = (u: number): number => 10 ** (4 * u - 4);
  const f = (x: readonly number[]): number => syntheticLoss({ lr: lrOf(x[0]!), dropout: x[1]!, width: x[2]! }, EPOCHS);
  const highs = [1, 0.9, 1];
  let best = [0, 0, 0];
  let bestLoss = Infinity;
  const n = 60;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++)
      for (let l = 0; l <= n; l++) {
        const x = [i / n, (0.9 * j) / n, l / n];
        const v = f(x);
        if (v < bestLoss) [best, bestLoss] = [x, v];
      }
  for (let sweep = 0; sweep < 50; sweep++) {
    let moved = 0;
    for (let d = 0; d < 3; d++) {
      const step = highs[d]! / n;
      const lo = Math.max(0, best[d]! - step);
      const hi = Math.min(highs[d]!, best[d]! + step);
      const x = goldenMin((v) => f(best.map((b, i) => (i === d ? v : b))), lo, hi);
      moved = Math.max(moved, Math.abs(x - best[d]!));
      best = best.map((b, i) => (i === d ? x : b));
    }
    if (moved < 1e-12) break;
  }
  return { params: { lr: lrOf(best[0]!), dropout: best[1]!, width: best[2]! }, loss: f(best) };
}

function goldenMin(f: (x: number) => number, lo: number, hi: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [lo, hi];
  for (let i = 0; i < 100 && b - a > 1e-14; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return 0.5 * (a + b);
}
