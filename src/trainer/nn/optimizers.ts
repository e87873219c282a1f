import type { Hyperparameters, OptimizerName } from './hyperparameters.js';

/**
 * The trainer's optimizers, on the flat parameter vector in JS. Each follows the update rule of the tfjs 4.22
 * optimizer of the same name with the arguments the trainer always used (`tf.train.adam(lr)`, ...), but runs
 * as one loop over a few thousand numbers instead of about a dozen tfjs ops per weight tensor per step: op
 * dispatch, not arithmetic, is what costs at tabular sizes. State is kept in float64.
 */
export interface ParameterOptimizer {
  /**
   * One update of `params` in place from `grads` (same layout) with learning rate `lr` (the schedule's rate for
   * this step; `learning_rate` itself without a schedule).
   */
  step(params: Float32Array, grads: Float32Array, lr: number): void;
}

/** tfjs' epsilon for float32 backends (`backend.epsilon()`), which its optimizers use by default. */
export const EPSILON = 1e-7;
const BETA1 = 0.9;
const BETA2 = 0.999;
const RMSPROP_DECAY = 0.9;
const ADAGRAD_INITIAL_ACCUMULATOR = 0.1;
const ADADELTA_RHO = 0.95;

export function createOptimizer(hp: Pick<Hyperparameters, 'optimizer' | 'momentum'>, size: number): ParameterOptimizer {
  return OPTIMIZERS[hp.optimizer](size, hp.momentum);
}

const OPTIMIZERS: Readonly<Record<OptimizerName, (size: number, momentum: number) => ParameterOptimizer>> = {
  sgd,
  momentum: heavyBall,
  adam,
  adamax,
  rmsprop,
  adagrad,
  adadelta,
};

function sgd(size: number): ParameterOptimizer {
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) p[i] = p[i]! - lr * g[i]!;
    },
  };
}

/** `momentum`: heavy ball, not Nesterov: accumulation ← momentum·accumulation + g; p ← p − lr·accumulation */
function heavyBall(size: number, mu: number): ParameterOptimizer {
  const acc = new Float64Array(size);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        acc[i] = mu * acc[i]! + g[i]!;
        p[i] = p[i]! - lr * acc[i]!;
      }
    },
  };
}

function adam(size: number): ParameterOptimizer {
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let beta1Power = 1;
  let beta2Power = 1;
  return {
    step(p, g, lr) {
      beta1Power *= BETA1;
      beta2Power *= BETA2;
      // p ← p − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ); the corrections hoisted out of the loop
      const rate = lr / (1 - beta1Power);
      const rootCorrection = 1 / Math.sqrt(1 - beta2Power);
      for (let i = 0; i < size; i++) {
        const gi = g[i]!;
        const mi = (m[i] = BETA1 * m[i]! + (1 - BETA1) * gi);
        const vi = (v[i] = BETA2 * v[i]! + (1 - BETA2) * gi * gi);
        p[i] = p[i]! - (rate * mi) / (Math.sqrt(vi) * rootCorrection + EPSILON);
      }
    },
  };
}

function adamax(size: number): ParameterOptimizer {
  const m = new Float64Array(size);
  const u = new Float64Array(size);
  let beta1Power = 1;
  return {
    step(p, g, lr) {
      beta1Power *= BETA1;
      const rate = lr / (1 - beta1Power);
      for (let i = 0; i < size; i++) {
        const gi = g[i]!;
        m[i] = BETA1 * m[i]! + (1 - BETA1) * gi;
        u[i] = Math.max(BETA2 * u[i]!, Math.abs(gi));
        p[i] = p[i]! - (rate * m[i]!) / (u[i]! + EPSILON);
      }
    },
  };
}

/** Not centred: ms ← decay·ms + (1 − decay)·g²; mom ← momentum·mom + lr·g/√(ms + ε); p ← p − mom */
function rmsprop(size: number, mu: number): ParameterOptimizer {
  const ms = new Float64Array(size);
  const mom = new Float64Array(size);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        const gi = g[i]!;
        ms[i] = RMSPROP_DECAY * ms[i]! + (1 - RMSPROP_DECAY) * gi * gi;
        mom[i] = mu * mom[i]! + (lr * gi) / Math.sqrt(ms[i]! + EPSILON);
        p[i] = p[i]! - mom[i]!;
      }
    },
  };
}

function adagrad(size: number): ParameterOptimizer {
  const acc = new Float64Array(size).fill(ADAGRAD_INITIAL_ACCUMULATOR);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        const gi = g[i]!;
        acc[i] = acc[i]! + gi * gi;
        p[i] = p[i]! - (lr * gi) / Math.sqrt(acc[i]! + EPSILON);
      }
    },
  };
}

function adadelta(size: number): ParameterOptimizer {
  const accGrad = new Float64Array(size);
  const accUpdate = new Float64Array(size);
  return {
    step(p, g, lr) {
      for (let i = 0; i < size; i++) {
        const gi = g[i]!;
        // As tfjs 4.22 does: the update divides by the squared-gradient accumulator from *before* this step.
        const update = (Math.sqrt(accUpdate[i]! + EPSILON) / Math.sqrt(accGrad[i]! + EPSILON)) * gi;
        accGrad[i] = ADADELTA_RHO * accGrad[i]! + (1 - ADADELTA_RHO) * gi * gi;
        accUpdate[i] = ADADELTA_RHO * accUpdate[i]! + (1 - ADADELTA_RHO) * update * update;
        p[i] = p[i]! - lr * update;
      }
    },
  };
}
