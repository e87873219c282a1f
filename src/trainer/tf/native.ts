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

/**
 * Multiply-adds per training step (3 × convMacsPerImage × batch: forward, filter and input gradients) from which native
 * TensorFlow beats WASM on the image trainer's conv nets. bench:conv's crossover (bench/RESULTS.md, issue 18; the 2-core
 * machine, shared and loaded): WASM wins below about 6M (1.8× at 2.7M, 1.15× at 5.9M), native from about 9M (3.3× at
 * 8.8M, 4–9× from 10M up). Runners with more cores favour native further (its kernels use every core; WASM one).
 */
export const NATIVE_MIN_CONV_MACS = 8e6;

/**
 * WASM's fixed cost per conv step (ms) and its rate (multiply-adds per ms) on the image trainer's conv nets, from the
 * same crossover: 12 ms per step at 2.7M multiply-adds, 32–105 ms from 32M to 71M (about 1M per ms) on the loaded
 * machine. An overestimate on a quiet one, which errs towards fetching native TensorFlow for conv nets that gain from it.
 */
const CONV_STEP_MS = 5;
const WASM_CONV_MACS_PER_MS = 1e6;

/**
 * A conv trial's one-thread training time on WASM, estimated from its size alone (deterministic, as estimatedTrialMs):
 * a fixed cost per step (the ops' and JS unfolding's overhead) plus the step's multiply-adds at WASM's measured rate
 * on this net family (bench/RESULTS.md, issue 18).
 */
export function estimatedConvTrialMs(size: { readonly steps: number; readonly batch: number; readonly macsPerImage: number }): number {
  return size.steps * (CONV_STEP_MS + (3 * size.macsPerImage * size.batch) / WASM_CONV_MACS_PER_MS);
}

/** Why tfjs-node is worth fetching for this image sweep, or undefined when WASM will do as well. */
export function nativeWantedForImages(need: { readonly macsPerStep: number; readonly sweepMs: number | undefined }): string | undefined {
  if (need.macsPerStep < NATIVE_MIN_CONV_MACS) return undefined;
  if (need.sweepMs === undefined || need.sweepMs < NATIVE_PAYS_OFF_MS) return undefined;
  const m = (n: number): string => `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  return `the conv net does ${m(need.macsPerStep)} multiply-adds per training step (native TensorFlow beats WASM from ${m(NATIVE_MIN_CONV_MACS)}) and about ${Math.round(need.sweepMs / 1000)} s of training`;
}
