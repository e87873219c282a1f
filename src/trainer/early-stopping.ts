import type { MetricSpec } from '../core/config/types.js';
import { TrialError, show } from '../core/errors.js';
import type { Metrics } from '../core/json.js';

/**
 * `early_stopping_patience`: stop once `patience` epochs in a row have not improved on the best value so far of
 * the watched metric (the sweep's metric). Any strict improvement counts (Keras' min_delta 0). The trial's
 * metrics are then those of the epoch it stopped at, like every other trial (the last-epoch rule), not the best
 * epoch's: restoring the best epoch would select on the validation data.
 */
export class EarlyStopping {
  private best = Number.NaN;
  private stale = 0;

  constructor(
    private readonly patience: number,
    private readonly watched: Pick<MetricSpec, 'name' | 'goal'>,
  ) {}

  /** Feeds one epoch's metrics; true when training should stop after this epoch. */
  shouldStop(metrics: Metrics): boolean {
    const value = metrics[this.watched.name];
    if (value === undefined)
      throw new TrialError(
        `early_stopping_patience watches metric ${show(this.watched.name)}, which the trainer does not report (it reports ${Object.keys(metrics).join(', ')})`,
      );
    const better = Number.isNaN(this.best) || (this.watched.goal === 'minimize' ? value < this.best : value > this.best);
    if (better) {
      this.best = value;
      this.stale = 0;
      return false;
    }
    this.stale++;
    return this.stale >= this.patience;
  }
}
