import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { Rng } from '../../src/core/rng.js';

/**
 * Report scenarios from real-sweep shapes that broke charts and tables before: huge losses (prices), tiny ones,
 * negative values, one diverged trial, every trial failed, a single trial and a 100-trial sweep with 9 parameters.
 * Each is a whole results document, so buildReport renders exactly what a user would see.
 */
function trial(i: number, value: number | undefined, over: Partial<ResultTrial> = {}): ResultTrial {
  return {
    key: String(i).padStart(64, '0'),
    params: { learning_rate: Number((0.001 * (i + 1)).toPrecision(3)), units: 16 * ((i % 4) + 1) },
    status: value === undefined ? 'failed' : 'complete',
    metrics: value === undefined ? {} : { val_loss: value },
    cached: false,
    durationMs: 800 + 13 * i,
    seed: 1000 + i,
    history: [],
    stage: 0,
    repeat: 0,
    ...(value === undefined
      ? { error: 'TrialError: loss became NaN at epoch 4, batch 2: training diverged (try a smaller learning_rate)' }
      : {}),
    ...over,
  };
}

function doc(name: string, trials: ResultTrial[], over: Partial<ResultsDoc> = {}): ResultsDoc {
  const done = trials.filter((t) => t.status === 'complete' && t.metrics.val_loss !== undefined);
  const best = done.sort((a, b) => a.metrics.val_loss! - b.metrics.val_loss!)[0];
  const count = (s: string): number => trials.filter((t) => t.status === s).length;
  return {
    sweep: name,
    configHash: 'c',
    method: 'bayes',
    metric: { name: 'val_loss', goal: 'minimize' },
    backend: 'wasm',
    best: best ? { key: best.key, params: best.params, metrics: best.metrics, samples: { val_loss: [best.metrics.val_loss!] } } : null,
    trials,
    stats: {
      trials: trials.length,
      trained: trials.length,
      cached: 0,
      pruned: count('pruned'),
      failed: count('failed'),
      wallMs: 12_345,
      stopReason: 'trials',
      budget: { trials: trials.length },
    },
    gate: [],
    seed: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}

const wobble = (seed: number, n: number, base: number, spread: number): number[] => {
  const g = new Rng(seed);
  return Array.from({ length: n }, (_, i) => base * (1 + spread * g.normal()) * (1 + 2 / (i + 2)));
};

export const SCENARIOS: Readonly<Record<string, ResultsDoc>> = {
  huge: doc(
    'prices',
    wobble(1, 20, 2.1e6, 0.1).map((v, i) => trial(i, i === 6 ? 2.646e8 : v)),
  ),
  tiny: doc(
    'tiny',
    wobble(2, 15, 3.2e-5, 0.1).map((v, i) => trial(i, v)),
  ),
  negative: doc(
    'log-likelihood',
    wobble(3, 12, -604.6, 0.05).map((v, i) => trial(i, v)),
  ),
  diverged: doc(
    'digits',
    wobble(4, 60, 0.12, 0.15).map((v, i) =>
      trial(
        i,
        i === 17 ? 12_100 : v,
        i % 5 === 3 ? { status: 'pruned', history: [{ step: 3, metrics: { val_loss: v * 1.5 } }], metrics: { val_loss: v * 1.5 } } : {},
      ),
    ),
  ),
  'all-failed': doc(
    'all-failed',
    Array.from({ length: 12 }, (_, i) =>
      trial(i, undefined, i % 3 === 0 ? { error: 'Error: Cannot find module "torch" imported from train.py' } : {}),
    ),
  ),
  'one-trial': doc('one-trial', [trial(0, 0.4213)]),
  'hundred-trials': doc(
    'wide',
    wobble(5, 100, 0.3, 0.2).map((v, i) =>
      trial(i, v, {
        params: {
          learning_rate: 0.0001 * (i + 1),
          units: 32,
          layers: (i % 3) + 1,
          dropout: 0.1,
          l2: 0.0001,
          batch_size: 64,
          optimizer: 'adam',
          activation: 'relu',
          kernel_initializer: 'he_normal',
        },
      }),
    ),
  ),
};
