import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CPU_MAY_WIN_MS, chooseBackend, createTabularObjective, loadTf } from '../../src/trainer/index.js';
import { cleanupTempDirs, fixture, recordingCtx, spec, tempDir } from './helpers.js';

// The trainer on real native TensorFlow (@tensorflow/tfjs-node 4.22), built outside the repository by
// ../shared/tools/tfjs-node-local.sh (.ci/run does it once into this folder; SWEEPGATE_TFJS_NODE_DIR overrides).
// Without that build the suite is skipped, and says so.
const DIR = process.env.SWEEPGATE_TFJS_NODE_DIR ?? path.join(os.homedir(), '.cache', 'sweepgate-tfjs-node');
// The compiled addon, not just the package: a build that failed half-way leaves the package without it.
const present = existsSync(path.join(DIR, 'node_modules', '@tensorflow', 'tfjs-node', 'lib', 'napi-v8', 'tfjs_binding.node'));
const why = `no tfjs-node build in ${DIR} (build one with ../shared/tools/tfjs-node-local.sh ${DIR}, as .ci/run does, or set SWEEPGATE_TFJS_NODE_DIR)`;
if (!present) console.log(`test/trainer/tensorflow.test.ts skipped: ${why}`);

afterAll(cleanupTempDirs);

/** A user's workspace whose node_modules holds tfjs-node: the loader finds it from the config's folder. */
function workspace(): string {
  const dir = tempDir('tf-workspace');
  symlinkSync(path.join(DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const iris = spec({
  data: fixture('iris.csv'),
  target: 'species',
  task: 'classification',
  defaults: { epochs: 15, batch_size: 16, units: 16, learning_rate: 0.05 },
});

describe.skipIf(!present)(`the trainer on the tensorflow backend${present ? '' : ` (skipped: ${why})`}`, () => {
  it('loads tfjs-node from the workspace: auto and forced', async () => {
    const cwd = workspace();
    const warnings: string[] = [];
    const forced = await loadTf('tensorflow', { cwd, warn: (m) => warnings.push(m) });
    expect(forced.backend).toBe('tensorflow');
    expect(forced.tf.getBackend()).toBe('tensorflow');
    expect((await loadTf('auto', { cwd, warn: (m) => warnings.push(m) })).backend).toBe('tensorflow');
    expect(warnings).toEqual([]);
  });

  it('is deterministic, frees its tensors and learns Iris; its metrics agree with wasm up to float rounding', async () => {
    const h = await loadTf('tensorflow', { cwd: workspace(), warn: (m) => expect.fail(m) });
    const o = await createTabularObjective(iris, h);
    const before = h.tf.memory().numTensors;
    const a = recordingCtx(3);
    const first = await o.run({}, a);
    expect(h.tf.memory().numTensors).toBe(before);
    const second = await o.run({}, recordingCtx(3));
    expect(second.metrics).toEqual(first.metrics);
    expect(a.reports).toHaveLength(15);
    expect(Object.keys(first.metrics).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(first.metrics.val_accuracy).toBeGreaterThan(0.8);
    const wasm = await loadTf('wasm', { cwd: workspace(), warn: (m) => expect.fail(m) });
    const w = await (await createTabularObjective(iris, wasm)).run({}, recordingCtx(3));
    expect(Math.abs(w.metrics.val_loss! - first.metrics.val_loss!)).toBeLessThan(0.02);
    expect(Math.abs(w.metrics.val_accuracy! - first.metrics.val_accuracy!)).toBeLessThanOrEqual(1 / 30 + 1e-9);
  }, 60_000);

  it('backend auto times tensorflow and wasm on the model, cpu too when a step takes under 1 ms, and reports them', async () => {
    const cwd = workspace();
    const first = await loadTf('auto', { cwd, warn: (m) => expect.fail(m) });
    const o = await createTabularObjective(iris, first);
    const pick = await chooseBackend(first, {
      load: (n) => loadTf(n, { cwd, warn: () => {} }),
      time: (h, steps) => o.msPerStep(h, { units: 16 }, steps),
      warn: (m) => expect.fail(m),
    });
    // Iris steps in 0.1–1 ms on a quiet machine, where cpu can win and is timed; under load they can take longer.
    const fastest = Math.min(...pick.timings.filter((t) => t.backend !== 'cpu').map((t) => t.msPerStep));
    if (fastest < CPU_MAY_WIN_MS) {
      expect(pick.timings.map((t) => t.backend)).toEqual(['tensorflow', 'wasm', 'cpu']);
      expect(pick.summary).toMatch(/^(tensorflow|wasm|cpu) \([\d.]+ ms\/step vs \w+ [\d.]+ ms\/step, \w+ [\d.]+ ms\/step\)$/);
    } else {
      expect(pick.timings.map((t) => t.backend)).toEqual(['tensorflow', 'wasm']);
      expect(pick.summary).toMatch(
        /^(tensorflow|wasm) \([\d.]+ ms\/step vs \w+ [\d.]+ ms\/step; cpu not timed: it can win only on steps under 1 ms\)$/,
      );
    }
  }, 60_000);

  it('provisioned (the Action hands the engine a folder, as from its tool cache): auto loads it from there and times it beside wasm', async () => {
    const { runSweep } = await import('../../src/engine/run.js');
    const dir = tempDir('tf-provisioned');
    const wide = path.join(dir, 'wide.csv');
    // 200 rows × 300 features, a 300→256→256→2 MLP (about 143k weights) and minutes of training: past the crossover.
    let x = 3;
    const rand = (): string => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648).toFixed(3);
    const head = `${Array.from({ length: 300 }, (_, i) => `f${i}`).join(',')},y`;
    writeFileSync(
      wide,
      [head, ...Array.from({ length: 200 }, (_, r) => `${Array.from({ length: 300 }, rand).join(',')},${r % 2}`)].join('\n') + '\n',
    );
    const config = path.join(dir, 'sweep.yml');
    writeFileSync(
      config,
      `name: provisioned\nmethod: random\nrun_cap: 20\nparallel: 1\nmetric: { name: val_loss, goal: minimize }\n` +
        `trainer: { type: tabular, data: wide.csv, target: y, task: classification, defaults: { epochs: 600, layers: 2, units: 256 } }\n` +
        `parameters:\n  learning_rate: { values: [0.01, 0.05] }\n`,
    );
    const stop = new AbortController();
    const asked: string[] = [];
    const out = await runSweep({
      configPath: config,
      mode: { cacheDir: path.join(dir, 'cache') },
      ports: {
        signal: stop.signal,
        provisionTfjsNode: async (why) => {
          asked.push(why);
          stop.abort(); // the choice is what is tested, not 20 long trials
          return DIR;
        },
        log: { info: () => {}, warn: (m) => expect.fail(m) },
      },
    });
    expect(asked).toHaveLength(1);
    // Steps of milliseconds here: the pure-JS cpu backend, which can win only under 1 ms, is not timed (a machine
    // where the fastest step takes less times it too).
    expect(out.results.backendChoice).toMatch(
      /^(tensorflow|wasm|cpu) \([\d.]+ ms\/step vs \w+ [\d.]+ ms\/step(; cpu not timed: it can win only on steps under 1 ms|, \w+ [\d.]+ ms\/step)\)$/,
    );
    expect(out.results.backendChoice).toContain('tensorflow');
  }, 120_000);
});
