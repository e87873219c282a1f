import type { Rng } from '../rng.js';
import type { CategoricalDim, NumericDim } from './space.js';
import { snap } from './space.js';

/**
 * A seeded space-filling initial design in model coordinates: the most spread out (largest minimum
 * pairwise distance) of several Latin hypercubes. Every numeric dim then has one point per stratum, and a
 * categorical dim sees its choices in near-equal proportions, which a handful of random draws does not give.
 */
export function latinHypercube(dims: readonly (NumericDim | CategoricalDim)[], size: number, rng: Rng, tries = 32): Float64Array[] {
  let best: Float64Array[] = [];
  let bestSpread = -Infinity;
  for (let t = 0; t < tries; t++) {
    const points = Array.from({ length: size }, () => new Float64Array(dims.length));
    dims.forEach((dim, d) => {
      const strata = rng.shuffle(Array.from({ length: size }, (_, i) => i));
      for (let i = 0; i < size; i++) {
        const u = (strata[i]! + rng.next()) / size;
        points[i]![d] = dim.type === 'categorical' ? Math.min(dim.choices.length - 1, Math.floor(u * dim.choices.length)) : snap(dim, u);
      }
    });
    const spread = minDistance(dims, points);
    if (spread > bestSpread) {
      best = points;
      bestSpread = spread;
    }
  }
  return best;
}

function minDistance(dims: readonly (NumericDim | CategoricalDim)[], points: readonly Float64Array[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      let s = 0;
      for (let d = 0; d < dims.length; d++) {
        const a = points[i]![d]!;
        const b = points[j]![d]!;
        s += dims[d]!.type === 'categorical' ? (a === b ? 0 : 1) : (a - b) * (a - b);
      }
      min = Math.min(min, s);
    }
  }
  return min;
}
