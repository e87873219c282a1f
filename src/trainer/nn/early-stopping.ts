import type { MetricSpec } from '../../core/config/types.js';
import { TrialError, show } from '../../core/errors.js';
import type { Metrics } from '../../core/json.js';
import type { TrialContext } from '../../core/objective.js';

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

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The epoch loop both built-in trainers share: before each epoch, a cancelled trial stops (transiently); each
 * epoch's metrics must be finite (else training diverged); they go to the pruner through `ctx.report`, then to early
 * stopping (after the report, so the stopping epoch is in the history and its metrics are the trial's). Yields to the
 * event loop between epochs so timers (the minutes budget, trial_timeout) can fire. Returns the last epoch's metrics.
 */
export async function runEpochs(
  epochs: number,
  ctx: TrialContext,
  early: { readonly patience: number; readonly watched: Pick<MetricSpec, 'name' | 'goal'> | undefined },
  epoch: (n: number) => Metrics,
): Promise<Metrics> {
  const stopper =
    early.patience > 0 ? new EarlyStopping(early.patience, early.watched ?? { name: 'val_loss', goal: 'minimize' }) : undefined;
  let last: Metrics = {};
  for (let n = 1; n <= epochs; n++) {
    if (ctx.signal.aborted)
      throw new TrialError(`cancelled before epoch ${n}: ${String(ctx.signal.reason ?? 'aborted')}`, { transient: true });
    const metrics = epoch(n);
    const bad = Object.entries(metrics).find(([, v]) => !Number.isFinite(v));
    if (bad) throw new TrialError(`${bad[0]} became ${bad[1]} at epoch ${n}: training diverged (try a smaller learning_rate)`);
    last = metrics;
    if (ctx.report(n, metrics)) break;
    if (stopper?.shouldStop(metrics)) break;
    await yieldToEventLoop();
  }
  return last;
}
