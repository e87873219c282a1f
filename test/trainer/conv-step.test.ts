import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataId, KernelConfig, Tensor, Tensor1D, Tensor4D, TensorInfo } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACTIVATIONS } from '../../src/core/config/trainer-params.js';
import type { Params } from '../../src/core/json.js';
import { Rng } from '../../src/core/rng.js';
import { type TfHandle, ensureBackend, loadTf } from '../../src/trainer/tf/backend.js';
import { type ConvNet, buildConvNet, convForward } from '../../src/trainer/nn/conv.js';
import { type ConvKernels, convStep } from '../../src/trainer/nn/conv-step.js';
import { parseImageHyperparameters } from '../../src/trainer/nn/hyperparameters.js';
import { type LayerPass, dropoutMasks } from '../../src/trainer/nn/mlp.js';
import { createOptimizer } from '../../src/trainer/nn/optimizers.js';

// The fused conv step (written-out backward pass) against tfjs' autodiff of the same net written with tfjs' own ops
// (conv.ts convForward, what the trainer differentiated before), on random shapes: strides, both paddings, window
// sizes, channels, depth, pooling, activations, odd and even sides, with the head's dropout and batch norm. Each
// case runs with both gradient kernels on the cpu backend, and with the wasm backend's (the reference is cpu's
// autodiff: wasm cannot differentiate conv2d, having no Conv2DBackpropFilter kernel). Where a tfjs-node build is
// present (as test/trainer/tensorflow.test.ts), native TensorFlow's kernels too.
//
// tfjs-backend-cpu's AvgPoolGrad (as wasm's) divides every window's gradient by 4, also on an odd side's last row or
// column, where the forward `same` average divided by the 2 or 1 pixels it covered: the reference's autodiff runs with
// that kernel replaced by `avgPoolGrad2x2` below, and native TensorFlow's own kernel agrees with it.

/** AvgPoolGrad for 2×2 windows, stride 2, `same` padding: each input pixel gets its window's dy over the window's pixels. */
function avgPoolGrad2x2(dy: ArrayLike<number>, [n, h, w, c]: readonly number[]): Float32Array {
  const [ph, pw] = [Math.ceil(h! / 2), Math.ceil(w! / 2)];
  const covered = (side: number, p: number): number => (2 * p + 1 < side ? 2 : 1);
  const dx = new Float32Array(n! * h! * w! * c!);
  for (let i = 0; i < dx.length; i++) {
    const ci = i % c!;
    const x = Math.floor(i / c!) % w!;
    const y = Math.floor(i / (c! * w!)) % h!;
    const b = Math.floor(i / (c! * w! * h!));
    const [py, px] = [Math.floor(y / 2), Math.floor(x / 2)];
    dx[i] = dy[((b * ph + py) * pw + px) * c! + ci]! / (covered(h!, py) * covered(w!, px));
  }
  return dx;
}

const DIR = process.env.SWEEPGATE_TFJS_NODE_DIR ?? path.join(os.homedir(), '.cache', 'sweepgate-tfjs-node');
const hasNative = existsSync(path.join(DIR, 'node_modules', '@tensorflow', 'tfjs-node', 'lib', 'napi-v8', 'tfjs_binding.node'));

let cpu: TfHandle;
let wasm: TfHandle;
let native: TfHandle | undefined;
beforeAll(async () => {
  wasm = await loadTf('wasm', { cwd: process.cwd(), warn: () => {} });
  if (hasNative) native = await loadTf('tensorflow', { cwd: process.cwd(), tfjsNodeDirs: [DIR], warn: () => {} });
  cpu = await loadTf('cpu', { cwd: process.cwd(), warn: () => {} });
  const tf = cpu.tf;
  cpuAvgPoolGrad = tf.getKernel('AvgPoolGrad', 'cpu');
  tf.unregisterKernel('AvgPoolGrad', 'cpu');
  tf.registerKernel({
    kernelName: 'AvgPoolGrad',
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
      expect(attrs).toMatchObject({ filterSize: 2, strides: 2, pad: 'same' });
      const cpuBackend = backend as unknown as {
        readSync(id: DataId): Float32Array;
        makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
      };
      return cpuBackend.makeTensorInfo(input.shape, 'float32', avgPoolGrad2x2(cpuBackend.readSync(dy.dataId), input.shape));
    },
  });
});
let cpuAvgPoolGrad: KernelConfig | undefined;
afterAll(() => {
  cpu.tf.unregisterKernel('AvgPoolGrad', 'cpu');
  if (cpuAvgPoolGrad) cpu.tf.registerKernel(cpuAvgPoolGrad);
});

interface Case {
  readonly params: Params;
  readonly shape: [number, number, number];
  readonly rows: number;
  readonly seed: number;
  /** Zero every pixel this far from the edge or nearer: a flat background, as digits have, so pooling windows tie. */
  readonly border?: number;
}

/** A random conv net that fits its input: one or two layers, a window no larger than the side for `valid`. */
function randomCase(rng: Rng, seed: number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const side = pick([5, 6, 7, 8, 9]);
  const padding = pick(['same', 'valid'] as const);
  const kernel = pick([1, 2, 3, 5].filter((k) => padding === 'same' || k <= Math.floor(side / 2)));
  const params: Params = {
    conv_layers: padding === 'valid' ? 1 : pick([1, 2]),
    filters: pick([2, 3, 4]),
    filter_schedule: pick(['constant', 'grow']),
    kernel_size: kernel,
    strides: pick([1, 1, 2]),
    padding,
    pooling: pick(['max', 'avg', 'none']),
    activation: pick(ACTIVATIONS),
    layers: pick([0, 1]),
    units: 6,
    batch_norm: rng.next() < 0.3,
    dropout: rng.next() < 0.3 ? 0.25 : 0,
  };
  return { params, shape: [side, side + pick([0, 1]), pick([1, 2, 3])], rows: pick([3, 5]), seed };
}

function setUp(c: Case): {
  net: ConvNet;
  activation: ReturnType<typeof parseImageHyperparameters>['dense']['activation'];
  batch: Parameters<typeof convStep>[3];
} {
  const hp = parseImageHyperparameters(c.params);
  const net = buildConvNet(hp.dense, hp.conv, c.shape, 4, c.seed);
  const rng = new Rng(c.seed + 1);
  const [h, w, ch] = c.shape;
  const inside = (i: number): boolean => {
    const [y, x] = [Math.floor(i / (w * ch)) % h, Math.floor(i / ch) % w];
    return Math.min(y, x, h - 1 - y, w - 1 - x) >= (c.border ?? 0);
  };
  const x = Float32Array.from({ length: c.rows * h * w * ch }, (_, i) => (inside(i) ? rng.normal() : 0));
  const labels = Int32Array.from({ length: c.rows }, (_, i) => i % 4);
  const masks = dropoutMasks(hp.dense.dropout, c.rows, hp.dense.widths, c.seed + 2);
  return { net, activation: hp.dense.activation, batch: { x, rows: c.rows, labels, classes: 4, masks } };
}

/** tfjs autodiff of the mean softmax cross-entropy of convForward, on the cpu backend. */
async function autodiff(c: Case): Promise<{ grads: Float32Array; loss: number }> {
  await ensureBackend(cpu);
  const { tf } = cpu;
  const { net, activation, batch } = setUp(c);
  let loss = Number.NaN;
  const grads = tf.tidy(() => {
    const x = tf.tensor4d(batch.x, [batch.rows, ...net.inputShape]);
    const oneHot = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), batch.classes);
    const f = (p: Tensor): Tensor => {
      const layers: LayerPass[] = [];
      const out = convForward(tf, net, activation, p as Tensor1D, x as Tensor4D, { masks: batch.masks, layers });
      const ce = tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(out)), 1)));
      loss = ce.dataSync()[0]!;
      return ce;
    };
    return tf.grad(f)(tf.tensor1d(net.head.params)).dataSync() as Float32Array;
  });
  return { grads: Float32Array.from(grads), loss };
}

async function fused(c: Case, on: TfHandle, kernels: ConvKernels): Promise<{ grads: Float32Array; loss: number }> {
  await ensureBackend(on);
  const { net, activation, batch } = setUp(c);
  const grads = new Float32Array(net.head.params.length);
  const before = on.tf.memory().numTensors;
  const { loss } = convStep(on.tf, net, activation, batch, grads, { kernels });
  expect(on.tf.memory().numTensors).toBe(before);
  return { grads, loss };
}

function expectClose(got: Float32Array, want: Float32Array, what: string): void {
  const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(got[i]! - want[i]!);
    if (d > worst) [worst, at] = [d, i];
  }
  expect(worst, `${what}: worst difference at parameter ${at} (${got[at]} vs ${want[at]})`).toBeLessThanOrEqual(1e-4 * scale + 1e-6);
}

describe('the fused conv step against tfjs autodiff', () => {
  const rng = new Rng(18);
  const cases = Array.from({ length: 24 }, (_, i) => randomCase(rng, 100 + i));
  // relu then max pooling (what native TensorFlow pools before the activation) on a flat background, where every
  // background window ties: each window's gradient must still go to its first largest value.
  const relu = { conv_layers: 2, filters: 3, kernel_size: 3, pooling: 'max', activation: 'relu', layers: 1, units: 6 };
  cases.push({ params: relu, shape: [10, 10, 1], rows: 4, seed: 31, border: 3 });
  cases.push({ params: { ...relu, filter_schedule: 'grow' }, shape: [9, 11, 2], rows: 3, seed: 32, border: 2 });
  for (const c of cases) {
    test(`${JSON.stringify(c.params)} on ${c.shape.join('×')} × ${c.rows}${c.border ? `, border ${c.border}` : ''}`, async () => {
      const want = await autodiff(c);
      const runs: [TfHandle, ConvKernels][] = [
        [cpu, 'native'],
        [cpu, 'im2col'],
        [cpu, 'conv'],
        [wasm, 'im2col'],
        [wasm, 'conv'],
      ];
      if (native) runs.push([native, 'native']);
      for (const [on, kernels] of runs) {
        const got = await fused(c, on, kernels);
        const what = `${on.backend} ${kernels}`;
        expect(Math.abs(got.loss - want.loss), `${what} loss`).toBeLessThan(1e-5 * Math.max(1, want.loss));
        expectClose(got.grads, want.grads, what);
      }
    });
  }
});

describe('frozen layers (fine-tuning)', () => {
  const c: Case = {
    params: { conv_layers: 2, filters: 3, kernel_size: 3, layers: 1, units: 6, optimizer: 'adam', learning_rate: 0.05 },
    shape: [8, 8, 1],
    rows: 6,
    seed: 7,
  };
  const blocks = (net: ConvNet, i: number): [number, number] => [
    net.layers[i]!.kernel.offset,
    net.layers[i]!.bias.offset + net.layers[i]!.bias.size,
  ];

  test.each([
    [1, 'the first conv layer'],
    [2, 'both conv layers'],
    [3, 'both conv layers and the hidden dense layer'],
  ])('frozenLayers %i keeps %s bit-identical over adam steps, and trains the rest', async (frozen) => {
    await ensureBackend(cpu);
    const { net, activation, batch } = setUp(c);
    const start = Float32Array.from(net.head.params);
    const grads = new Float32Array(start.length);
    const optimizer = createOptimizer(parseImageHyperparameters(c.params).dense, start.length);
    for (let step = 0; step < 4; step++) {
      convStep(cpu.tf, net, activation, batch, grads, { frozenLayers: frozen });
      optimizer.step(net.head.params, grads, 0.05);
    }
    const frozenRanges = net.layers.slice(0, frozen).map((_, i) => blocks(net, i));
    if (frozen === 3) {
      const h = net.head.hidden[0]!;
      frozenRanges.push([h.kernel.offset, h.kernel.offset + h.kernel.size], [h.bias!.offset, h.bias!.offset + h.bias!.size]);
    }
    const isFrozen = (i: number): boolean => frozenRanges.some(([from, to]) => i >= from && i < to);
    let changed = 0;
    for (let i = 0; i < start.length; i++) {
      if (isFrozen(i)) expect(net.head.params[i], `parameter ${i}`).toBe(start[i]);
      else if (net.head.params[i] !== start[i]) changed++;
    }
    // Every trained block moves: the output layer always, and each conv layer above the frozen ones.
    const out = [net.head.outKernel.offset, net.head.outKernel.offset + net.head.outKernel.size] as const;
    expect(net.head.params.subarray(...out)).not.toEqual(start.subarray(...out));
    for (let i = frozen; i < net.layers.length; i++) {
      const [from, to] = blocks(net, i);
      expect(net.head.params.subarray(from, to)).not.toEqual(start.subarray(from, to));
    }
    expect(changed).toBeGreaterThan(0);
  });

  test('the frozen layers are not differentiated: the step with every conv layer frozen runs no conv gradient kernel', async () => {
    await ensureBackend(cpu);
    const { net, activation, batch } = setUp(c);
    const grads = new Float32Array(net.head.params.length);
    const kernels: string[] = [];
    const engine = cpu.tf.engine();
    const run = engine.runKernel.bind(engine);
    engine.runKernel = ((name: string, ...rest: unknown[]) => {
      kernels.push(name);
      return (run as (...a: unknown[]) => unknown)(name, ...rest);
    }) as typeof engine.runKernel;
    try {
      convStep(cpu.tf, net, activation, batch, grads, { frozenLayers: 2, kernels: 'native' });
      expect(kernels).not.toContain('Conv2DBackpropFilter');
      expect(kernels).not.toContain('Conv2DBackpropInput');
      kernels.length = 0;
      convStep(cpu.tf, net, activation, batch, grads, { frozenLayers: 1, kernels: 'native' });
      expect(kernels.filter((k) => k === 'Conv2DBackpropFilter')).toHaveLength(1);
      expect(kernels).not.toContain('Conv2DBackpropInput');
    } finally {
      engine.runKernel = run;
    }
  });

  test('a frozenLayers beyond the layers below the output, or not a whole number, fails the trial naming it', async () => {
    await ensureBackend(cpu);
    const { net, activation, batch } = setUp(c);
    const grads = new Float32Array(net.head.params.length);
    expect(() => convStep(cpu.tf, net, activation, batch, grads, { frozenLayers: 4 })).toThrow(
      /freeze_layers must be a whole number from 0 to 3.*got 4/,
    );
    expect(() => convStep(cpu.tf, net, activation, batch, grads, { frozenLayers: 1.5 })).toThrow(/got 1.5/);
  });
});
