import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { explainConfig } from '../../src/engine/explain.js';
import type { Curve } from '../../src/core/pruners/pruner.js';
import { createPruner, HyperbandPruner } from '../../src/core/pruners/index.js';
import { isProbe, MIN_FINISHED, rungTrusted } from '../../src/core/pruners/rung-check.js';
import { Rng } from '../../src/core/rng.js';

const curve = (values: readonly number[]): Curve => values.map((value, i) => ({ step: i + 1, value }));

/** Trials one after another, each asked about after every report against every earlier curve (as the study does). */
function simulate(pruner: HyperbandPruner, qualities: readonly number[], maxStep: number, shape: (q: number, t: number) => number) {
  const curves: Curve[] = [];
  const stoppedAt: number[] = [];
  for (const q of qualities) {
    const c: { step: number; value: number }[] = [];
    let stop = maxStep;
    for (let t = 1; t <= maxStep; t++) {
      c.push({ step: t, value: shape(q, t) });
      if (pruner.shouldPrune(c, curves)) {
        stop = t;
        break;
      }
    }
    curves.push(c);
    stoppedAt.push(stop);
  }
  return stoppedAt;
}

describe('rungTrusted', () => {
  it('does not trust a rung before MIN_FINISHED trials have run past it', () => {
    const finished = [curve([1, 0.5, 0.2]), curve([2, 1, 0.4])];
    expect(MIN_FINISHED).toBe(3);
    expect(rungTrusted(1, finished, 3)).toBe(false);
    expect(rungTrusted(1, [...finished, curve([3, 2, 0.9])], 3)).toBe(true);
    // Nobody has gone past the rung: nothing to check it against.
    expect(rungTrusted(3, [...finished, curve([3, 2, 0.9])], 3)).toBe(false);
  });

  it('trusts a rung only when its cut would have kept the best finished trial', () => {
    // Ranked right at step 1: the best at step 3 (0.1) was also the best at step 1.
    const right = [curve([1, 0.5, 0.1]), curve([2, 1, 0.4]), curve([3, 2, 0.9]), curve([4, 3, 1.2])];
    expect(rungTrusted(1, right, 3)).toBe(true);
    // The slow learner ends best but was worst at step 1, outside the best ⌊4/3⌋ = 1: the rung is not trusted,
    // though it ranked the other three right.
    const wrong = [curve([5, 0.5, 0.1]), curve([2, 1, 0.4]), curve([3, 2, 0.9]), curve([4, 3, 1.2])];
    expect(rungTrusted(1, wrong, 3)).toBe(false);
    // Step 2 ranked it first: that rung is trusted.
    expect(rungTrusted(2, wrong, 3)).toBe(true);
  });

  it('reads only probes that reached the furthest step', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((i) => isProbe(i, 3))).toEqual([0, 1, 2, 3, 6, 9]);
    expect([0, 1, 2, 3, 4, 5, 6].filter((i) => isProbe(i, 2))).toEqual([0, 1, 2, 3, 5]);
    const probes = [curve([5, 0.5, 0.1]), curve([2, 1, 0.4]), curve([3, 2, 0.9]), curve([4, 3, 1.2])];
    // Trial 4 is no probe: it ran to the end because the rung let it through, so it would always agree with it.
    expect(rungTrusted(1, [...probes, curve([0.5, 0.4, 0.05])], 3)).toBe(false);
    // A probe pruned early (the last step it reached is not the furthest) is no evidence either.
    expect(rungTrusted(1, [curve([0.1]), ...probes.slice(1), curve([1, 0.9, 0.3])], 3)).toBe(true);
  });
});

describe('hyperband with check_rungs', () => {
  const rng = new Rng(5);
  const qualities = Array.from({ length: 60 }, () => rng.next());
  // Crossing curves: the better the final value q, the slower the trial learns; ahead early, behind late.
  const crossing = (q: number, t: number): number => q + (1 - q) * Math.exp((-t * (0.05 + q)) / 2);
  // Curves that never cross: every rung already ranks right.
  const parallel = (q: number, t: number): number => q + 1 / t;
  const settings = { minIter: 1, eta: 3, maxIter: 27 };

  it('does not prune the slow-learning best trial that plain hyperband prunes', () => {
    const best = qualities.indexOf(Math.min(...qualities));
    const plain = simulate(new HyperbandPruner(settings), qualities, 27, crossing);
    const checked = simulate(new HyperbandPruner({ ...settings, checkRungs: true }), qualities, 27, crossing);
    expect(plain[best]).toBeLessThan(27);
    expect(checked[best]).toBe(27);
  });

  it('still prunes when the rungs rank right, all but the probes', () => {
    const stopped = simulate(new HyperbandPruner({ ...settings, checkRungs: true }), qualities, 27, parallel);
    stopped.forEach((s, i) => {
      if (isProbe(i, 3)) expect(s).toBe(27);
    });
    // Plain hyperband would prune ~85%; the probes (about a third) run in full.
    expect(stopped.filter((s) => s < 27).length / stopped.length).toBeGreaterThan(0.5);
    expect(stopped[qualities.indexOf(Math.min(...qualities))]).toBe(27);
  });

  it('is read from early_terminate.check_rungs and off by default', () => {
    const parse = (et: string) =>
      parseSweepConfig(
        `method: bayes\nmetric: {name: loss}\nearly_terminate: ${et}\nparameters: {x: {min: 0.0, max: 1.0}}\nobjective: ./o.mjs\n`,
        '/w/sweep.yml',
      );
    const on = parse('{type: hyperband, max_iter: 27, s: 3, eta: 3, check_rungs: true}').earlyTerminate;
    expect(on).toMatchObject({ type: 'hyperband', rungs: [1, 3, 9], checkRungs: true });
    expect((createPruner(on) as HyperbandPruner).settings.checkRungs).toBe(true);
    expect(parse('{type: hyperband, min_iter: 1, check_rungs: true}').earlyTerminate).toMatchObject({ minIter: 1, checkRungs: true });
    const off = parse('{type: hyperband, min_iter: 1}').earlyTerminate;
    expect(off).not.toHaveProperty('checkRungs');
    expect((createPruner(off) as HyperbandPruner).settings.checkRungs).toBeUndefined();
    expect(() => parse('{type: hyperband, min_iter: 1, check_rungs: "yes"}')).toThrow(/check_rungs/);
  });
});

describe('validate --explain with check_rungs', () => {
  it('says the rungs are checked', async () => {
    const config = parseSweepConfig(
      'method: tpe\nmetric: {name: loss}\nearly_terminate: {type: hyperband, max_iter: 27, s: 3, check_rungs: true}\nparameters: {x: {min: 0.0, max: 1.0}}\nobjective: ./o.mjs\n',
      '/w/sweep.yml',
    );
    expect(await explainConfig(config, {})).toContain(
      'early_terminate: hyperband (eta 3), checks at steps 1, 3, 9; check_rungs: probes run in full, a rung prunes once it ranked them right',
    );
  });
});
