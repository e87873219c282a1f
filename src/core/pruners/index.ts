import type { EarlyTerminate } from '../config/types.js';
import type { Pruner } from './pruner.js';
import { HyperbandPruner, hyperbandBands } from './hyperband.js';
import { MedianPruner } from './median.js';

export { HyperbandPruner, hyperbandBands, minIterFrom, valueAtRung, type HyperbandSettings } from './hyperband.js';
export { MedianPruner, valueAtStep, type MedianSettings } from './median.js';

/** The pruner for a sweep's `early_terminate`, or undefined when trials always run to the end. */
export function createPruner(et: EarlyTerminate | undefined): Pruner | undefined {
  if (et === undefined) return undefined;
  switch (et.type) {
    case 'hyperband': {
      // max_iter + s means W&B's bands exactly, whether the config computed them or not.
      const rungs = et.rungs ?? (et.maxIter !== undefined && et.s !== undefined ? hyperbandBands(et.maxIter, et.eta, et.s) : undefined);
      const minIter = rungs?.[0] ?? et.minIter;
      return new HyperbandPruner({
        minIter,
        eta: et.eta,
        ...(et.maxIter !== undefined ? { maxIter: et.maxIter } : {}),
        ...(rungs ? { rungs } : {}),
        ...(et.checkRungs ? { checkRungs: true } : {}),
      });
    }
    case 'median':
      return new MedianPruner({ warmupSteps: et.warmupSteps, minTrials: et.minTrials });
    default:
      throw new TypeError(`unknown early_terminate type ${JSON.stringify((et as { type: unknown }).type)} (known: hyperband, median)`);
  }
}
