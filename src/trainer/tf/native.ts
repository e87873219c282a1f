// When native TensorFlow (tfjs-node) is worth fetching for a sweep that does not have it: the policy behind the
// Action's provisioning for `backend: auto` (src/github/tfjs-node.ts does the fetching; `auto` still measures).

/**
 * Model size (weights) from which native TensorFlow can beat WASM on the tabular MLP. bench:crossover on the 2-core
 * machine (bench/RESULTS.md, issue 8): WASM is 1.7–6.7× faster up to about 55k weights (each native op's fixed cost
 * dominates), the two break even between about 85k and 270k, and native is 1.6–2.3× faster from 300k up. Runners with
 * more cores favour native further (its kernels use every core; WASM one), so this is the low end.
 */
export const NATIVE_MIN_WEIGHTS = 100_000;

/**
 * Estimated one-thread training (estimatedTrialMs × trials) below which fetching tfjs-node cannot pay for itself:
 * its first install downloads libtensorflow, and even a cache hit restores a few hundred MB.
 */
export const NATIVE_PAYS_OFF_MS = 60_000;

export interface NativeNeed {
  /** The sweep's model at the middle of its space. */
  readonly weights: number;
  /** Its training in one thread, estimated (undefined: unknown). */
  readonly sweepMs: number | undefined;
}

/** Why tfjs-node is worth fetching for this sweep, or undefined when it is not (WASM will do as well). */
export function nativeWanted(need: NativeNeed): string | undefined {
  if (need.weights < NATIVE_MIN_WEIGHTS) return undefined;
  if (need.sweepMs === undefined || need.sweepMs < NATIVE_PAYS_OFF_MS) return undefined;
  const k = (n: number): string => `${Math.round(n / 1000)}k`;
  return `the model has ${k(need.weights)} weights (native TensorFlow can beat WASM from ${k(NATIVE_MIN_WEIGHTS)}) and about ${Math.round(need.sweepMs / 1000)} s of training`;
}
