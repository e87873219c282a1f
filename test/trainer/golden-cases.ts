import type { Params } from '../../src/core/json.js';

/**
 * Trials whose per-epoch metrics were recorded (test/trainer/fixtures/golden-v4.json) by the trainer of
 * TABULAR_TRAINER_VERSION 4 (recorded at commit 1d8fc33, the trainer just before the regularisation / schedule / layer-norm hyperparameters were merged): with
 * the new names at their defaults the trainer must reproduce them bit for bit, so cached trials stay valid.
 * Version 5 changed one default only, rmsprop's momentum (0.9 before, 0 now), so the rmsprop case names the 0.9
 * that version 4 trained it with, and every other number is still pinned to version 4's.
 */
export interface GoldenCase {
  readonly name: string;
  readonly data: string;
  readonly target: string;
  readonly task: 'classification' | 'regression';
  readonly seed: number;
  readonly params: Params;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'iris defaults', data: 'iris.csv', target: 'species', task: 'classification', seed: 1, params: { epochs: 3 } },
  {
    name: 'iris 2x8 elu, batch norm, dropout, l1/l2, rmsprop',
    data: 'iris.csv',
    target: 'species',
    task: 'classification',
    seed: 2,
    params: {
      epochs: 3,
      layers: 2,
      units: 8,
      activation: 'elu',
      batch_norm: true,
      dropout: 0.3,
      l1: 0.001,
      l2: 0.01,
      optimizer: 'rmsprop',
      momentum: 0.9,
      batch_size: 16,
    },
  },
  {
    name: 'linear regression 3x5 tanh, momentum',
    data: 'linear.csv',
    target: 'y',
    task: 'regression',
    seed: 3,
    params: { epochs: 3, layers: 3, units: 5, activation: 'tanh', optimizer: 'momentum', learning_rate: 0.02, batch_size: 8 },
  },
  {
    name: 'separable, adagrad, dropout, he_normal',
    data: 'separable.csv',
    target: 'label',
    task: 'classification',
    seed: 4,
    params: { epochs: 2, layers: 2, units: 16, optimizer: 'adagrad', dropout: 0.2, kernel_initializer: 'he_normal' },
  },
];
