import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../src/core/backends.js';
import {
  BackendError,
  chooseBackend,
  createTabularObjective,
  describeTimings,
  loadTf,
  pickBySize,
  probeTimingMs,
  type TfHandle,
} from '../../src/trainer/index.js';
import { fixture, repoRoot, spec } from './helpers.js';

// Fake handles: the probe only passes them back to the ports, so their tf namespace is never touched.
const fake = (backend: BackendName): TfHandle => ({ backend, tf: {} as TfHandle['tf'] });

function ports(msPerStep: Partial<Record<BackendName, number | Error>>, missing: BackendName[] = []) {
  const warnings: string[] = [];
  const timed: [BackendName, number][] = [];
  return {
    warnings,
    timed,
    load: async (name: BackendName): Promise<TfHandle> => {
      if (missing.includes(name)) throw new BackendError(name, 'not installed here');
      return fake(name);
    },
    time: async (h: TfHandle, steps: number): Promise<number> => {
      timed.push([h.backend, steps]);
      const v = msPerStep[h.backend]!;
      if (v instanceof Error) throw v;
      return v;
    },
    warn: (m: string) => warnings.push(m),
  };
}

describe('chooseBackend (backend: auto by measurement)', () => {
  it('takes the fastest backend for the model and says why', async () => {
    const small = await chooseBackend(fake('tensorflow'), ports({ tensorflow: 0.74, wasm: 0.21, cpu: 1.9 }));
    expect(small.handle.backend).toBe('wasm');
    expect(small.summary).toBe('wasm (0.21 ms/step vs tensorflow 0.74 ms/step, cpu 1.90 ms/step)');
    const p = ports({ tensorflow: 13, wasm: 350, cpu: 2900 });
    const large = await chooseBackend(fake('tensorflow'), p);
    expect(large.handle.backend).toBe('tensorflow');
    expect(large.summary).toBe('tensorflow (13.0 ms/step vs wasm 350.0 ms/step; cpu not timed: it can win only on steps under 1 ms)');
    // tfjs-node, timed first (it paid for warming up), clearly the fastest: one round; cpu, slow on such a model, never.
    expect(p.timed).toEqual([
      ['tensorflow', 3],
      ['wasm', 3],
    ]);
  });

  it('times only what loads; without tfjs-node it compares wasm and cpu where cpu may win (steps under 1 ms)', async () => {
    const p = ports({ wasm: 0.5, cpu: 0.4 }, ['cpu']);
    const pick = await chooseBackend(fake('wasm'), p);
    expect(pick.summary).toBe('wasm (0.50 ms/step, the only backend available)');
    expect(p.warnings).toEqual(["backend auto: TensorFlow.js backend 'cpu' is not available: not installed here; not timed"]);
    expect((await chooseBackend(fake('wasm'), ports({ wasm: 0.5, cpu: 0.39 }))).handle.backend).toBe('cpu');
    // A near-tie keeps the earlier backend, so noise does not flip the choice between runs.
    expect((await chooseBackend(fake('wasm'), ports({ wasm: 0.5, cpu: 0.42 }))).handle.backend).toBe('wasm');
  });

  it('times cpu only as a last resort: not when another backend steps in 1 ms or more, unless nothing else trains', async () => {
    const p = ports({ wasm: 5, cpu: 3.9 });
    const pick = await chooseBackend(fake('wasm'), p);
    expect(pick.summary).toBe('wasm (5.00 ms/step; cpu not timed: it can win only on steps under 1 ms)');
    // one backend: one round (its 3 steps under 30 ms, so timed over 6)
    expect(p.timed).toEqual([
      ['wasm', 3],
      ['wasm', 6],
    ]);
    const broken = ports({ tensorflow: new Error('no kernel'), wasm: new Error('no kernel'), cpu: 900 });
    expect((await chooseBackend(fake('tensorflow'), broken)).summary).toBe('cpu (900.0 ms/step, the only backend available)');
    // main trained on cpu: timed so that it can be kept
    const kept = await chooseBackend(fake('wasm'), ports({ wasm: 5, cpu: 6 }), { prefer: { backend: 'cpu', why: "main's backend" } });
    expect(kept.handle.backend).toBe('cpu');
  });

  it('times sub-millisecond steps over more steps, and leaves out a backend whose step fails', async () => {
    const p = ports({ tensorflow: new Error('batchNorm with rank-0 mean fails'), wasm: 0.2, cpu: 0.5 });
    const pick = await chooseBackend(fake('tensorflow'), p);
    expect(pick.handle.backend).toBe('wasm');
    // wasm alone left after tensorflow failed: one round; then cpu, since wasm's steps take under 1 ms.
    expect(p.timed).toEqual([
      ['tensorflow', 3],
      ['wasm', 3],
      ['wasm', 150],
      ['cpu', 3],
      ['cpu', 60],
    ]);
    expect(p.warnings[0]).toContain('a training step fails on the tensorflow backend (batchNorm with rank-0 mean fails); not used');
  });

  it('formats ties and lone backends', () => {
    expect(describeTimings([{ backend: 'cpu', msPerStep: 0.123 }], 0)).toBe('cpu (0.12 ms/step, the only backend available)');
  });

  it('times the real trainer on wasm and cpu, restoring the backend its trials run on', async () => {
    const wasm = await loadTf('wasm', { cwd: repoRoot, warn: (m) => expect.fail(m) });
    const cpu = await loadTf('cpu', { cwd: repoRoot, warn: (m) => expect.fail(m) });
    const o = await createTabularObjective(spec({ data: fixture('iris.csv'), target: 'species', task: 'classification' }), wasm);
    let t = 0;
    const ms = await o.msPerStep(cpu, { units: 8 }, 4, () => (t += 10));
    expect(ms).toBe(2.5); // one clock reading before and one after the 4 timed steps
    expect(wasm.tf.getBackend()).toBe('wasm');
  });
});

describe('chooseBackend rounds', () => {
  it('keeps the best of two rounds per backend, so the first one timed is not penalised for warming up', async () => {
    const times: Record<string, number[]> = { tensorflow: [90, 12], wasm: [15, 15] };
    const pick = await chooseBackend(fake('tensorflow'), {
      load: async (name) => (name === 'cpu' ? Promise.reject(new BackendError('cpu', 'absent')) : fake(name)),
      time: async (h) => times[h.backend]!.shift()!,
      warn: () => {},
    });
    expect(pick.summary).toBe('tensorflow (12.0 ms/step vs wasm 15.0 ms/step; cpu not timed: it can win only on steps under 1 ms)');
  });

  it('stops after one round only when the backend timed first is at least 2× faster than every other', async () => {
    const near = ports({ tensorflow: 20, wasm: 35 });
    await chooseBackend(fake('tensorflow'), near);
    expect(near.timed.map(([b]) => b)).toEqual(['tensorflow', 'wasm', 'tensorflow', 'wasm']);
    const clear = ports({ tensorflow: 20, wasm: 40 });
    await chooseBackend(fake('tensorflow'), clear);
    expect(clear.timed.map(([b]) => b)).toEqual(['tensorflow', 'wasm']);
    // A later backend 2× faster may owe it to the first one's warm-up: a second round.
    const later = ports({ tensorflow: 40, wasm: 20 });
    await chooseBackend(fake('tensorflow'), later);
    expect(later.timed.map(([b]) => b)).toEqual(['tensorflow', 'wasm', 'tensorflow', 'wasm']);
  });
});

describe('probeTimingMs (how long each timing of the probe runs)', () => {
  it('is 0.5% of the estimated sweep, between 8 and 30 ms; 30 ms when the sweep is not estimated', () => {
    expect(probeTimingMs(undefined)).toBe(30);
    expect(probeTimingMs(Number.NaN)).toBe(30);
    expect(probeTimingMs(100)).toBe(8);
    expect(probeTimingMs(2000)).toBe(10);
    expect(probeTimingMs(60_000)).toBe(30);
  });

  it('chooseBackend times sub-millisecond steps over enough steps to fill it', async () => {
    const p = ports({ wasm: 0.2, cpu: 0.1 });
    await chooseBackend(fake('wasm'), p, { minTimedMs: 10 });
    // Per timing: 3 steps first, then ceil(10 / ms) steps; wasm once (nothing to compare it with), then cpu once.
    expect(p.timed).toEqual([
      ['wasm', 3],
      ['wasm', 50],
      ['cpu', 3],
      ['cpu', 100],
    ]);
  });
});

describe('switchBackend (the objective moves to what the probe picked, keeping its data)', () => {
  it('trains on the new backend exactly as an objective made there does', async () => {
    const { recordingCtx } = await import('./helpers.js');
    const s = spec({ data: fixture('iris.csv'), target: 'species', task: 'classification', defaults: { epochs: 4, units: 8 } });
    const wasm = await loadTf('wasm', { cwd: repoRoot, warn: () => {} });
    const cpu = await loadTf('cpu', { cwd: repoRoot, warn: () => {} });
    const moved = await createTabularObjective(s, wasm);
    moved.switchBackend(cpu);
    expect(moved.backend).toBe('cpu');
    const onCpu = await createTabularObjective(s, cpu);
    const a = await moved.run({}, recordingCtx(2));
    const b = await onCpu.run({}, recordingCtx(2));
    expect(a.metrics).toEqual(b.metrics);
    // and not as on wasm, whose float rounding differs in the last digits
    const onWasm = await (await createTabularObjective(s, wasm)).run({}, recordingCtx(2));
    expect(cpu.tf.getBackend()).toBe('wasm');
    expect(onWasm.metrics.val_loss).not.toBe(a.metrics.val_loss);
  });
});

describe("keeping main's backend on a PR (ProbeOptions.prefer)", () => {
  const why = "main's backend";
  it('keeps the preferred backend when it is within 1.5x of the fastest, and says so', async () => {
    const pick = await chooseBackend(fake('wasm'), ports({ wasm: 0.085, cpu: 0.06 }), { prefer: { backend: 'wasm', why } });
    expect(pick.handle.backend).toBe('wasm');
    const kept = await chooseBackend(fake('wasm'), ports({ wasm: 0.05, cpu: 0.07 }), { prefer: { backend: 'cpu', why } });
    expect(kept.handle.backend).toBe('cpu');
    expect(kept.summary).toBe("cpu (0.070 ms/step vs wasm 0.050 ms/step; main's backend, kept: within 1.5× of the fastest)");
  });

  it('takes the fastest when the preferred one is more than 1.5x slower, or was not timed', async () => {
    const slow = await chooseBackend(fake('tensorflow'), ports({ tensorflow: 0.9, wasm: 0.2, cpu: 0.5 }), {
      prefer: { backend: 'tensorflow', why },
    });
    expect(slow.handle.backend).toBe('wasm');
    expect(slow.summary).toBe('wasm (0.20 ms/step vs tensorflow 0.90 ms/step, cpu 0.50 ms/step)');
    const absent = await chooseBackend(fake('wasm'), ports({ wasm: 0.2, cpu: 0.1 }), { prefer: { backend: 'tensorflow', why } });
    expect(absent.handle.backend).toBe('cpu');
  });
});

describe('chooseBackend and hopeless backends', () => {
  it('does not time again a backend more than 10× slower than the fastest after the first round', async () => {
    const p = ports({ tensorflow: 20, wasm: 1.5, cpu: 30 });
    const pick = await chooseBackend(fake('tensorflow'), p);
    expect(pick.summary).toBe('wasm (1.50 ms/step vs tensorflow 20.0 ms/step; cpu not timed: it can win only on steps under 1 ms)');
    expect(p.timed).toEqual([
      ['tensorflow', 3],
      ['wasm', 3],
      ['wasm', 20],
      ['wasm', 3],
      ['wasm', 20],
    ]);
  });
});

describe('backend auto without timing', () => {
  it('takes a lone backend untimed when its step is estimated at 1 ms or more (cpu cannot win), and cpu alone', async () => {
    const p = ports({ wasm: 80, cpu: 900 });
    const pick = await chooseBackend(fake('wasm'), p, { estimatedMsPerStep: 112 });
    expect(pick.handle.backend).toBe('wasm');
    expect(pick.summary).toBe(
      "wasm (not timed: the only backend available but cpu, which can win only on steps under 1 ms; this model's are estimated at 112.0 ms)",
    );
    expect(p.timed).toEqual([]);
    // a small model: timed, so that cpu can be compared
    const small = ports({ wasm: 0.5, cpu: 0.3 });
    expect((await chooseBackend(fake('wasm'), small, { estimatedMsPerStep: 0.2 })).handle.backend).toBe('cpu');
    // two backends to compare: timed whatever the estimate
    const two = ports({ tensorflow: 30, wasm: 80 });
    await chooseBackend(fake('tensorflow'), two, { estimatedMsPerStep: 112 });
    expect(two.timed.map(([b]) => b)).toEqual(['tensorflow', 'wasm']);
    const cpu = ports({ cpu: 1 });
    expect((await chooseBackend(fake('cpu'), cpu)).summary).toBe('cpu (not timed: the only backend available)');
    expect(cpu.timed).toEqual([]);
  });

  it('pickBySize: a sweep that trains once takes what the size says, loading wasm when native TensorFlow is not faster', async () => {
    const p = ports({});
    expect((await pickBySize(fake('tensorflow'), p, true, '107M multiply-adds per step')).summary).toBe(
      'tensorflow (not timed: one training; 107M multiply-adds per step)',
    );
    const small = await pickBySize(fake('tensorflow'), p, false, '2.7M multiply-adds per step');
    expect(small.handle.backend).toBe('wasm');
    expect(small.summary).toBe('wasm (not timed: one training; 2.7M multiply-adds per step)');
    expect((await pickBySize(fake('wasm'), p, true, 'big')).handle.backend).toBe('wasm'); // tfjs-node not there
    const noWasm = ports({}, ['wasm']);
    expect((await pickBySize(fake('tensorflow'), noWasm, false, 'small')).handle.backend).toBe('tensorflow');
    expect(noWasm.warnings).toEqual([
      "backend auto: TensorFlow.js backend 'wasm' is not available: not installed here; staying on tensorflow",
    ]);
    expect(p.timed).toEqual([]);
  });
});
