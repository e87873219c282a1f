import type { Hyperparameters } from './hyperparameters.js';

export type ScheduleParams = Pick<
  Hyperparameters,
  'epochs' | 'learningRate' | 'lrSchedule' | 'lrDecayRate' | 'lrDecayEpochs' | 'lrMinFraction' | 'warmupEpochs'
>;

/**
 * The learning rate of every step of `epoch` (1-based). Set per epoch rather than per step, so that a trial's
 * schedule does not depend on how many rows the validation split leaves (steps per epoch), and so that a
 * learning curve can be read against it.
 *
 * - Warm-up: epochs 1..W (W = `warmup_epochs`) ramp linearly, epoch e at learning_rate·e/(W + 1), so the first
 *   epoch after warm-up is the first at the full rate.
 * - Then, with t the epochs since warm-up (0 at the first) and T = epochs − W of them:
 *   `constant` learning_rate; `step` learning_rate·rate^⌊t/N⌋ (N = `lr_decay_epochs`, rate = `lr_decay_rate`);
 *   `exponential` learning_rate·rate^(t/N) (Keras' ExponentialDecay per epoch); `cosine`
 *   lr_min + (learning_rate − lr_min)·(1 + cos(π·t/T))/2 with lr_min = learning_rate·`lr_min_fraction`
 *   (PyTorch's CosineAnnealingLR with T_max = T: the last epoch is one step short of lr_min).
 *
 * `constant` without warm-up returns learning_rate itself (not a product), so the trainer's numbers are
 * unchanged from before schedules existed.
 */
export function learningRateAt(hp: ScheduleParams, epoch: number): number {
  const base = hp.learningRate;
  const warmup = hp.warmupEpochs;
  if (epoch <= warmup) return (base * epoch) / (warmup + 1);
  const t = epoch - warmup - 1;
  switch (hp.lrSchedule) {
    case 'constant':
      return base;
    case 'step':
      return base * hp.lrDecayRate ** Math.floor(t / hp.lrDecayEpochs);
    case 'exponential':
      return base * hp.lrDecayRate ** (t / hp.lrDecayEpochs);
    case 'cosine': {
      const span = Math.max(1, hp.epochs - warmup);
      const min = base * hp.lrMinFraction;
      return min + ((base - min) * (1 + Math.cos((Math.PI * Math.min(t, span)) / span))) / 2;
    }
  }
}
