/** One trial's objective by step (to minimise, like `Observation.value`). Steps are ascending. */
export type Curve = readonly { readonly step: number; readonly value: number }[];

/**
 * Early termination. Stateless over its inputs so that the decision can be replayed from records:
 * given the running trial's curve so far and the curves of all other trials (finished, pruned or running),
 * say whether the running trial should stop now. Called after every report.
 */
export interface Pruner {
  readonly name: string;
  shouldPrune(curve: Curve, others: readonly Curve[]): boolean;
}
