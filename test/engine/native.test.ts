import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/engine/run.js';
import { probeOptions } from '../../src/engine/objective-builder.js';
import type { ResultsDoc } from '../../src/core/results.js';
import {
  BackendError,
  NATIVE_MIN_CONV_MACS,
  NATIVE_MIN_WEIGHTS,
  NATIVE_PAYS_OFF_MS,
  estimatedConvTrialMs,
  nativeWanted,
  nativeWantedForImages,
} from '../../src/trainer/index.js';

const IRIS = path.resolve('fixtures/data/iris.csv');
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A folder with a sweep.yml over `data`; returns the config's path. */
function sweep(yaml: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-native-'));
  roots.push(dir);
  const file = path.join(dir, 'sweep.yml');
  writeFileSync(file, yaml);
  return file;
}

const irisSweep = (): string =>
  sweep(`name: iris-native
method: random
run_cap: 2
parallel: 1
metric: { name: val_loss, goal: minimize }
trainer: { type: tabular, data: ${JSON.stringify(IRIS)}, target: species, task: classification, defaults: { epochs: 3 } }
parameters:
  learning_rate: { values: [0.01, 0.05] }
`);

/** 300 rows × 400 random features: a 400→256→256→2 MLP has about 170k weights. */
function wideCsv(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-native-data-'));
  roots.push(dir);
  let x = 7;
  const rand = (): string => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648).toFixed(3);
  const header = `${Array.from({ length: 400 }, (_, i) => `f${i}`).join(',')},y\n`;
  const rows = Array.from({ length: 300 }, (_, r) => `${Array.from({ length: 400 }, rand).join(',')},${r % 2}`).join('\n');
  const file = path.join(dir, 'wide.csv');
  writeFileSync(file, `${header}${rows}\n`);
  return file;
}

function recorder(): { info: string[]; warn: string[]; log: { info(m: string): void; warn(m: string): void } } {
  const info: string[] = [];
  const warn: string[] = [];
  return { info, warn, log: { info: (m) => info.push(m), warn: (m) => warn.push(m) } };
}

describe('when native TensorFlow is worth fetching (trainer/tf/native.ts)', () => {
  it('only for a model past NATIVE_MIN_WEIGHTS and a sweep past NATIVE_PAYS_OFF_MS of training', () => {
    expect(nativeWanted({ weights: NATIVE_MIN_WEIGHTS - 1, sweepMs: 10 * NATIVE_PAYS_OFF_MS })).toBeUndefined();
    expect(nativeWanted({ weights: 10 * NATIVE_MIN_WEIGHTS, sweepMs: NATIVE_PAYS_OFF_MS - 1 })).toBeUndefined();
    expect(nativeWanted({ weights: 10 * NATIVE_MIN_WEIGHTS, sweepMs: undefined })).toBeUndefined();
    expect(nativeWanted({ weights: 670_000, sweepMs: 95_000 })).toBe(
      'the model has 670k weights (native TensorFlow can beat WASM from 100k) and about 95 s of training',
    );
  });
});

describe('when native TensorFlow is worth fetching for a conv net (trainer/tf/native.ts)', () => {
  it('only past NATIVE_MIN_CONV_MACS multiply-adds per step and NATIVE_PAYS_OFF_MS of training', () => {
    expect(nativeWantedForImages({ macsPerStep: NATIVE_MIN_CONV_MACS - 1, sweepMs: 10 * NATIVE_PAYS_OFF_MS })).toBeUndefined();
    expect(nativeWantedForImages({ macsPerStep: 10 * NATIVE_MIN_CONV_MACS, sweepMs: NATIVE_PAYS_OFF_MS - 1 })).toBeUndefined();
    expect(nativeWantedForImages({ macsPerStep: 10 * NATIVE_MIN_CONV_MACS, sweepMs: undefined })).toBeUndefined();
    expect(nativeWantedForImages({ macsPerStep: 107e6, sweepMs: 95_000 })).toBe(
      'the conv net does 107M multiply-adds per training step (native TensorFlow beats WASM from 8.0M) and about 95 s of training',
    );
  });

  it("estimates a trial from its size alone: issue 18's 28×28 net (1.1M multiply-adds per image, 75 steps of 32) at about 8 s on WASM", () => {
    expect(estimatedConvTrialMs({ steps: 75, batch: 32, macsPerImage: 1.12e6 })).toBeCloseTo(75 * (5 + (3 * 1.12e6 * 32) / 1e6), 6);
    expect(estimatedConvTrialMs({ steps: 10, batch: 32, macsPerImage: 2e6 })).toBeGreaterThan(
      estimatedConvTrialMs({ steps: 10, batch: 32, macsPerImage: 1e6 }),
    );
  });
});

describe('the engine provisioning tfjs-node through its port', () => {
  it("a forced 'tensorflow' that is not installed asks the port; when it cannot, the sweep goes on on WASM", async () => {
    const r = recorder();
    const asked: string[] = [];
    const out = await runSweep({
      configPath: irisSweep(),
      overrides: { backend: 'tensorflow' },
      mode: { cacheDir: path.join(roots[0]!, 'cache-forced') },
      ports: {
        provisionTfjsNode: async (why) => {
          asked.push(why);
          r.log.warn('native TensorFlow: could not install (stand-in); going on without it (WASM)');
          return undefined;
        },
        log: r.log,
      },
    });
    expect(asked).toEqual(["'backend: tensorflow' was asked for"]);
    expect(out.results.backend).toBe('wasm');
    expect(out.results.stats.trials - out.results.stats.failed).toBe(2);
    expect(r.warn).toEqual(['native TensorFlow: could not install (stand-in); going on without it (WASM)']);
  });

  it("without a port, a forced 'tensorflow' that is not installed is still a BackendError", async () => {
    await expect(
      runSweep({
        configPath: irisSweep(),
        overrides: { backend: 'tensorflow' },
        mode: { cacheDir: path.join(roots[0]!, 'cache-none') },
        ports: { log: recorder().log },
      }),
    ).rejects.toThrow(BackendError);
  });

  it('a port that hands back a folder without a usable tfjs-node: one warning, and the sweep goes on', async () => {
    const r = recorder();
    const empty = mkdtempSync(path.join(os.tmpdir(), 'sg-native-empty-'));
    roots.push(empty);
    const out = await runSweep({
      configPath: irisSweep(),
      overrides: { backend: 'tensorflow' },
      mode: { cacheDir: path.join(empty, 'cache') },
      ports: { provisionTfjsNode: async () => empty, log: r.log },
    });
    expect(out.results.backend).toBe('wasm');
    expect(r.warn).toHaveLength(1);
    expect(r.warn[0]).toMatch(
      new RegExp(`backend 'tensorflow' is not available: .*is not installed .*${empty}.*going on without native TensorFlow`),
    );
  });

  it("'auto' on a small model (Iris) never asks: WASM or cpu is faster there, and fetching would cost more", async () => {
    const asked: string[] = [];
    const out = await runSweep({
      configPath: irisSweep(),
      mode: { cacheDir: path.join(roots[0]!, 'cache-auto') },
      ports: { provisionTfjsNode: async (w) => (asked.push(w), undefined), log: recorder().log },
    });
    expect(asked).toEqual([]);
    expect(out.results.backendChoice).toMatch(/^(wasm|cpu) \(/);
  });

  it("'auto' on a model past the crossover with minutes of training asks, saying why; the probe then measures what loads", async () => {
    const asked: string[] = [];
    const stop = new AbortController();
    const config = sweep(`name: wide-native
method: random
run_cap: 20
parallel: 1
metric: { name: val_loss, goal: minimize }
trainer: { type: tabular, data: ${JSON.stringify(wideCsv())}, target: y, task: classification, defaults: { epochs: 400, layers: 2, units: 256, batch_size: 32 } }
parameters:
  learning_rate: { values: [0.01, 0.05] }
`);
    const r = recorder();
    const out = await runSweep({
      configPath: config,
      mode: { cacheDir: path.join(path.dirname(config), 'cache') },
      ports: {
        signal: stop.signal,
        provisionTfjsNode: async (why) => {
          asked.push(why);
          stop.abort(); // the test needs the decision, not the 20 long trials
          return undefined;
        },
        log: r.log,
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^the model has 1\d\dk weights \(native TensorFlow can beat WASM from 100k\) and about \d+ s of training$/);
    expect(out.results.backendChoice).toMatch(/^(wasm|cpu) \(/);
    // The probe runs when the first trial must train (a run served by the cache never probes): that trial was cancelled.
    expect(out.results.stats.trained).toBe(1);
    expect(out.results.trials[0]!.status).toBe('failed');
  });
});

describe("'auto' on the image trainer", () => {
  const digitsAuto = (runCap: number): string =>
    sweep(`name: digits-auto
method: random
run_cap: ${runCap}
parallel: 1
metric: { name: val_accuracy, goal: maximize }
trainer: { type: image, data: ${JSON.stringify(path.resolve('fixtures/data/digits-png'))}, input_shape: [8, 8, 1], defaults: { epochs: 1, batch_size: 32, conv_layers: 1, filters: 8 } }
parameters:
  learning_rate: { values: [0.01, 0.02] }
`);

  it('does not ask to fetch tfjs-node for a small conv net, and times nothing when wasm has no rival but cpu', async () => {
    const asked: string[] = [];
    const config = digitsAuto(2);
    const r = recorder();
    const out = await runSweep({
      configPath: config,
      mode: { cacheDir: path.join(path.dirname(config), 'cache') },
      ports: { provisionTfjsNode: async (w) => (asked.push(w), undefined), log: r.log },
    });
    expect(asked).toEqual([]);
    // No tfjs-node here; a conv step is estimated at 5 ms and more on wasm, where the pure-JS cpu cannot win.
    expect(out.results.backendChoice).toMatch(
      /^wasm \(not timed: the only backend available but cpu, which can win only on steps under 1 ms; this model's are estimated at [\d.]+ ms\)$/,
    );
    expect(out.results.backend).toBe('wasm');
    expect(r.info).toContain(`backend auto: ${out.results.backendChoice}`);
    expect(out.results.stats.trained).toBe(2);
  });

  it("a sweep that trains once is not timed: the conv net's size decides, and the report says so", async () => {
    const config = digitsAuto(1);
    const out = await runSweep({
      configPath: config,
      mode: { cacheDir: path.join(path.dirname(config), 'cache') },
      ports: { provisionTfjsNode: async () => undefined, log: recorder().log },
    });
    expect(out.results.backendChoice).toMatch(
      /^wasm \(not timed: one training; [\d.]+M multiply-adds per step, below native TensorFlow's break-even \(8\.0M\)\)$/,
    );
    expect(out.results.stats.trained).toBe(1);
  });

  it('asks for tfjs-node, saying why, for a conv net past the crossover with minutes of training', async () => {
    const asked: string[] = [];
    const stop = new AbortController();
    const config = sweep(`name: digits28-native
method: random
run_cap: 20
parallel: 1
metric: { name: val_accuracy, goal: maximize }
trainer: { type: image, data: ${JSON.stringify(path.resolve('fixtures/data/digits-png'))}, input_shape: [28, 28, 1], defaults: { epochs: 100, batch_size: 32, conv_layers: 2, filters: 16, filter_schedule: grow } }
parameters:
  learning_rate: { values: [0.01, 0.003] }
`);
    const out = await runSweep({
      configPath: config,
      mode: { cacheDir: path.join(path.dirname(config), 'cache') },
      ports: {
        signal: stop.signal,
        provisionTfjsNode: async (why) => {
          asked.push(why);
          stop.abort(); // the decision is what is tested, not the long trials
          return undefined;
        },
        log: recorder().log,
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(
      /^the conv net does \d+M multiply-adds per training step \(native TensorFlow beats WASM from 8\.0M\) and about \d+ s of training$/,
    );
    expect(out.results.stats.trained).toBe(0);
  }, 120_000);
});

describe("how 'auto' times backends (probeOptions): in proportion to the sweep, keeping main's backend on a PR", () => {
  it("prefers main's backend on a replay only, and only a real backend name", () => {
    const doc = (backend: string): ResultsDoc => ({ backend }) as unknown as ResultsDoc;
    expect(probeOptions({ champion: { mode: 'replay', baseline: doc('cpu') } }, 2000)).toEqual({
      minTimedMs: 10,
      prefer: { backend: 'cpu', why: "main's backend" },
    });
    expect(probeOptions({ champion: { mode: 'replay', baseline: doc('none') } }, 2000)).toEqual({ minTimedMs: 10 });
    expect(probeOptions({ champion: { mode: 'replay', baseline: undefined } }, undefined)).toEqual({ minTimedMs: 30 });
    expect(probeOptions({ champion: { mode: 'record' } }, 2000)).toEqual({ minTimedMs: 10 });
    expect(probeOptions({}, 60_000)).toEqual({ minTimedMs: 30 });
  });
});
