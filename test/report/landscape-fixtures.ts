import type { Parameter, Space } from '../../src/core/distributions/distribution.js';
import { makeDistribution, type DistributionArgs } from '../../src/core/distributions/index.js';
import type { DistributionName } from '../../src/core/distributions/distribution.js';
import type { Params } from '../../src/core/json.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import type { StepMetrics } from '../../src/core/trial.js';
import { Rng } from '../../src/core/rng.js';

export const param = (name: string, dist: DistributionName, args: DistributionArgs): Parameter => ({
  name,
  dist: makeDistribution(dist, args),
});

/** What one synthetic trial gives: its final loss, or undefined for a failed trial; optionally its curve and time. */
export interface Outcome {
  readonly loss?: number;
  readonly history?: readonly number[];
  readonly durationMs?: number;
}

/** A results document of `n` trials drawn from `space`'s priors (seeded), scored by `objective` as val_loss (minimised). */
export function sweepDoc(space: Space, n: number, objective: (p: Params, rng: Rng) => Outcome, seed = 7, name = 'landscape'): ResultsDoc {
  const rng = new Rng(seed);
  const trials: ResultTrial[] = [];
  for (let i = 0; i < n; i++) {
    const params: Record<string, Params[string]> = {};
    for (const p of space) params[p.name] = p.dist.sample(rng);
    const o = objective(params, rng);
    trials.push(trialOf(i, params, o));
  }
  return docOf(name, trials);
}

export function trialOf(i: number, params: Params, o: Outcome): ResultTrial {
  const history: StepMetrics[] = (o.history ?? []).map((v, e) => ({ step: e + 1, metrics: { val_loss: v } }));
  return {
    key: String(i + 1).padStart(64, '0'),
    params,
    status: o.loss === undefined ? 'failed' : 'complete',
    metrics: o.loss === undefined ? {} : { val_loss: o.loss },
    cached: false,
    durationMs: o.durationMs ?? 1000 + 10 * i,
    seed: 100 + i,
    history,
    stage: 0,
    repeat: 0,
    ...(o.loss === undefined ? { error: 'TrialError: loss became NaN at epoch 2: training diverged', reason: 'error' as const } : {}),
  };
}

export function docOf(name: string, trials: ResultTrial[]): ResultsDoc {
  const done = trials.filter((t) => t.status === 'complete').sort((a, b) => a.metrics.val_loss! - b.metrics.val_loss!);
  const best = done[0];
  return {
    sweep: name,
    configHash: 'c',
    method: 'random',
    metric: { name: 'val_loss', goal: 'minimize' },
    backend: 'wasm',
    best: best ? { key: best.key, params: best.params, metrics: best.metrics, samples: { val_loss: [best.metrics.val_loss!] } } : null,
    trials,
    stats: {
      trials: trials.length,
      trained: trials.length,
      cached: 0,
      pruned: 0,
      failed: trials.filter((t) => t.status === 'failed').length,
      wallMs: 60_000,
      stopReason: 'trials',
      budget: { trials: trials.length },
    },
    gate: [],
    seed: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
  };
}

/** A curve that falls from `start` to `end` over `epochs`, shaped by `shape(e)` in [0, 1] (1 at the first epoch, 0 at the last). */
export function curve(start: number, end: number, epochs: number, shape: (t: number) => number = (t) => t): number[] {
  return Array.from({ length: epochs }, (_, e) => end + (start - end) * shape(1 - e / (epochs - 1)));
}

/** The space of the landscape-rich scenario: what a practitioner searches over for a small network. */
export const RICH_SPACE: Space = [
  param('learning_rate', 'log_uniform_values', { min: 1e-4, max: 0.3 }),
  param('dropout', 'uniform', { min: 0.1, max: 0.5 }),
  param('units', 'int_uniform', { min: 16, max: 256 }),
  param('batch_size', 'categorical', { values: [16, 32, 64, 128] }),
  param('optimizer', 'categorical', { values: ['adam', 'sgd'] }),
];

/**
 * The landscape-rich scenario: the learning rate matters most (best near 0.003, diverging above 0.15), dropout next
 * (the lower the better, so the best crowd the low end of [0.1, 0.5]), units and the optimizer barely; the best
 * curves still fall at their last epoch; small batches are slower per epoch.
 */
export function richDoc(): ResultsDoc {
  return sweepDoc(
    RICH_SPACE,
    40,
    (p, rng) => {
      const lr = p.learning_rate as number;
      if (lr > 0.15) return {};
      const loss =
        0.08 +
        0.05 * (Math.log10(lr) + 2.5) ** 2 +
        0.25 * ((p.dropout as number) - 0.1) +
        (p.optimizer === 'sgd' ? 0.005 : 0) +
        0.004 * rng.normal();
      const epochs = 10;
      const bs = p.batch_size as number;
      return {
        loss: Number(loss.toFixed(4)),
        history: curve(loss * 3, loss, epochs).map((v) => Number(v.toFixed(4))),
        durationMs: Math.round(epochs * (200 + 48_000 / bs + 2 * (p.units as number)) * (1 + 0.05 * rng.normal())),
      };
    },
    11,
    'landscape-rich',
  );
}
