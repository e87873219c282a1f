import type { Space } from '../../src/core/distributions/distribution.js';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Params } from '../../src/core/json.js';

/**
 * Benchmark objectives (to minimise) with known optima, defined identically in bench/optuna_search.py.
 * `optimum` is the global minimum value, so simple regret = best found - optimum.
 */
export interface BenchFunction {
  readonly name: string;
  readonly label: string;
  readonly budget: number;
  readonly continuous: boolean;
  readonly optimum: number;
  readonly space: Space;
  evaluate(p: Params): number;
}

const num = (p: Params, k: string): number => p[k] as number;

function uniformSpace(names: readonly string[], lo: number, hi: number): Space {
  return names.map((name) => ({ name, dist: makeDistribution('uniform', { min: lo, max: hi }) }));
}

export const branin: BenchFunction = {
  name: 'branin',
  label: 'Branin (2-D)',
  budget: 30,
  continuous: true,
  optimum: 0.397887357729738,
  space: [
    { name: 'x1', dist: makeDistribution('uniform', { min: -5, max: 10 }) },
    { name: 'x2', dist: makeDistribution('uniform', { min: 0, max: 15 }) },
  ],
  evaluate(p) {
    const x1 = num(p, 'x1');
    const x2 = num(p, 'x2');
    const b = 5.1 / (4 * Math.PI ** 2);
    const c = 5 / Math.PI;
    const t = 1 / (8 * Math.PI);
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
};

const H_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((r) => r.map((v) => v * 1e-4));

export const hartmann6: BenchFunction = {
  name: 'hartmann6',
  label: 'Hartmann-6',
  budget: 50,
  continuous: true,
  optimum: -3.32236801141551,
  space: uniformSpace(['x1', 'x2', 'x3', 'x4', 'x5', 'x6'], 0, 1),
  evaluate(p) {
    let s = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) inner += H_A[i]![j]! * (num(p, `x${j + 1}`) - H_P[i]![j]!) ** 2;
      s += H_ALPHA[i]! * Math.exp(-inner);
    }
    return -s;
  },
};

export const levy4: BenchFunction = {
  name: 'levy4',
  label: 'Levy (4-D)',
  budget: 50,
  continuous: true,
  optimum: 0,
  space: uniformSpace(['x1', 'x2', 'x3', 'x4'], -10, 10),
  evaluate(p) {
    const w = [1, 2, 3, 4].map((i) => 1 + (num(p, `x${i}`) - 1) / 4);
    const d = w.length;
    let s = Math.sin(Math.PI * w[0]!) ** 2;
    for (let i = 0; i < d - 1; i++) s += (w[i]! - 1) ** 2 * (1 + 10 * Math.sin(Math.PI * w[i]! + 1) ** 2);
    s += (w[d - 1]! - 1) ** 2 * (1 + Math.sin(2 * Math.PI * w[d - 1]!) ** 2);
    return s;
  },
};

const OPT_BASE: Record<string, number> = { sgd: 0.08, momentum: 0.04, adam: 0, rmsprop: 0.02 };
const OPT_LR: Record<string, number> = { sgd: -1, momentum: -1.5, adam: -3, rmsprop: -3.3 };

/**
 * A synthetic validation loss shaped like MLP tuning: the best learning rate depends on the optimiser, the
 * best width on the depth, the best dropout on the depth, saturating activations hurt more when deeper.
 * Minimum 0.2 at adam, lr 1e-3, 3 layers of 64 units, dropout 0.15, elu, weight decay 1e-4.
 */
export const mlp: BenchFunction = {
  name: 'mlp',
  label: 'MLP-shaped mixed (7 params)',
  budget: 40,
  continuous: false,
  optimum: 0.2,
  space: [
    { name: 'optimizer', dist: makeDistribution('categorical', { values: ['sgd', 'momentum', 'adam', 'rmsprop'] }) },
    { name: 'learning_rate', dist: makeDistribution('log_uniform_values', { min: 1e-5, max: 1 }) },
    { name: 'layers', dist: makeDistribution('int_uniform', { min: 1, max: 4 }) },
    { name: 'units', dist: makeDistribution('q_log_uniform_values', { min: 16, max: 512, q: 1 }) },
    { name: 'dropout', dist: makeDistribution('uniform', { min: 0, max: 0.6 }) },
    { name: 'activation', dist: makeDistribution('categorical', { values: ['relu', 'tanh', 'elu', 'sigmoid'] }) },
    { name: 'weight_decay', dist: makeDistribution('log_uniform_values', { min: 1e-6, max: 0.1 }) },
  ],
  evaluate(p) {
    const opt = p.optimizer as string;
    const layers = num(p, 'layers');
    const act = p.activation as string;
    const lrTerm = 0.15 * (Math.log10(num(p, 'learning_rate')) - OPT_LR[opt]!) ** 2;
    const sizeTerm = 0.08 * (Math.log2(num(p, 'units')) - (9 - layers)) ** 2 + 0.03 * (layers - 3) ** 2;
    const dropTerm = 0.8 * (num(p, 'dropout') - 0.05 * layers) ** 2;
    const actTerm = act === 'elu' ? 0 : act === 'relu' ? 0.01 : act === 'tanh' ? 0.025 * layers : 0.05 * layers;
    const wdTerm = 0.05 * (Math.log10(num(p, 'weight_decay')) + 4) ** 2;
    return 0.2 + OPT_BASE[opt]! + lrTerm + sizeTerm + dropTerm + actTerm + wdTerm;
  },
};

export const FUNCTIONS: readonly BenchFunction[] = [branin, hartmann6, levy4, mlp];
