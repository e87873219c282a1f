import { describe, expect, it } from 'vitest';
import { missingBaselineText } from '../../src/github/missing-baseline.js';

describe('missingBaselineText', () => {
  const ctx = { sweep: 'iris-v2', branch: 'main', policy: 'fail' as const };

  it('says why, what a rename means, how to record one, and how to let a new sweep pass', () => {
    expect(missingBaselineText({ kind: 'missing', why: 'no baseline in the Actions cache (looked for k-*)' }, ctx)).toBe(
      "Sweep 'iris-v2' has no baseline to compare with: no baseline in the Actions cache (looked for k-*). " +
        "A renamed sweep has no baseline under its new name until it has run on 'main'. " +
        "The baseline is recorded by this workflow on a push to 'main': push or merge to 'main' (or re-run its latest run there) and re-run this check. " +
        "For the first PR of a new sweep, set the 'missing-baseline' input to 'pass'.",
    );
  });

  it('names both names when the newest baseline is another sweep’s', () => {
    const text = missingBaselineText({ kind: 'missing', why: 'none', otherSweep: 'iris' }, ctx);
    expect(text).toContain(
      "The newest baseline in this repository's cache belongs to sweep 'iris': if this PR renamed 'iris' to 'iris-v2', the new name has no baseline until it has run on 'main'.",
    );
  });

  it("with 'missing-baseline: pass' says the PR passes, and cuts a huge name", () => {
    const text = missingBaselineText({ kind: 'missing', why: 'none' }, { ...ctx, sweep: 'x'.repeat(40_000), policy: 'pass' });
    expect(text).toMatch(/^Sweep 'x{80}…' has no baseline/);
    expect(text.length).toBeLessThan(700);
    expect(text.endsWith("'missing-baseline' is 'pass', so this PR passes without one.")).toBe(true);
  });
});
