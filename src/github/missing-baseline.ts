// A PR with the cache on and no usable baseline: what the verdict and the failure say (issue #20: a missing
// baseline must not pass in silence, and a PR must not be able to make it missing unseen).
import type { BaselineLookup } from '../storage/actions-cache/trials-and-baseline.js';

export type MissingBaselinePolicy = 'fail' | 'pass';

/** A sweep name as a message quotes it: PR-controlled free text, so cut to a readable length. */
function quoted(name: string): string {
  const chars = [...name];
  return `'${chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : name}'`;
}

/**
 * Why this PR has no baseline, what a rename means, how to record one, and what the policy makes of it: the
 * report's verdict and (when it fails) the step's failure, in one text.
 */
export function missingBaselineText(
  lookup: Extract<BaselineLookup, { kind: 'missing' }>,
  ctx: { readonly sweep: string; readonly branch: string; readonly policy: MissingBaselinePolicy },
): string {
  const { sweep, branch } = ctx;
  const renamed =
    lookup.otherSweep !== undefined
      ? `The newest baseline in this repository's cache belongs to sweep ${quoted(lookup.otherSweep)}: if this PR renamed ${quoted(lookup.otherSweep)} to ${quoted(sweep)}, the new name has no baseline until it has run on '${branch}'.`
      : `A renamed sweep has no baseline under its new name until it has run on '${branch}'.`;
  const how = `The baseline is recorded by this workflow on a push to '${branch}': push or merge to '${branch}' (or re-run its latest run there) and re-run this check.`;
  const policy =
    ctx.policy === 'pass'
      ? "'missing-baseline' is 'pass', so this PR passes without one."
      : "For the first PR of a new sweep, set the 'missing-baseline' input to 'pass'.";
  return `Sweep ${quoted(sweep)} has no baseline to compare with: ${lookup.why}. ${renamed} ${how} ${policy}`;
}

/** The report's word on a baseline saved by the previous version (a `sweepgate-v1-…` entry): where it came from and until when. */
export function previousVersionNote(entry: string, branch: string): string {
  return `from cache entry ${entry}, saved by the previous version of sweepgate (before the upgrade); the next run on '${branch}' records one in the current format, and PRs use that from then on.`;
}
