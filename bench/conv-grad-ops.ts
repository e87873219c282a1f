// The conv gradients' candidate formulations timed against each other on issue 18's two layer shapes (batch 32, 3×3,
// same padding: 28×28×1 → 16 and 14×14×16 → 32), interleaved, medians of rounds; on the backend named (wasm default).
// Run: node scripts/bundle.mjs bench/conv-grad-ops.ts && node build/conv-grad-ops.mjs wasm
import type { Tensor, Tensor2D, Tensor4D } from '@tensorflow/tfjs-core';
import { loadTf, type BackendChoice } from '../src/trainer/index.js';
import { col2im, convWindow, flippedKernel, im2colT } from '../src/trainer/nn/im2col.js';

const backend = (process.argv[2] ?? 'wasm') as BackendChoice;
const dirs = process.env.SWEEPGATE_TFJS_NODE_DIR ? [process.env.SWEEPGATE_TFJS_NODE_DIR] : [];
const { tf } = await loadTf(backend, { cwd: process.cwd(), tfjsNodeDirs: dirs, warn: console.error });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
type Pad = [[number, number], [number, number], [number, number], [number, number]];

/**
 * dW by a JS loop over dZ's nonzero entries: each adds its value times its window's pixels. Per output position the
 * window's in-bounds taps are found once; the channel loop then skips zeros.
 */
function sparseFilterGradient(
  x: Float32Array,
  dZ: Float32Array,
  n: number,
  g: ReturnType<typeof convWindow>,
  filters: number,
): Float32Array {
  const { h, w, c, k, top, left, outH, outW } = g;
  const taps = k * k * c;
  const dW = new Float64Array(taps * filters);
  const from = new Int32Array(taps); // the input index of each in-bounds tap, for the current position
  const tap = new Int32Array(taps);
  let at = 0;
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < outH; oy++)
      for (let ox = 0; ox < outW; ox++, at += filters) {
        let m = 0;
        for (let co = 0; co < filters; co++) if (dZ[at + co] !== 0) m = 1;
        if (m === 0) continue;
        let count = 0;
        for (let kh = 0; kh < k; kh++) {
          const iy = oy - top + kh;
          if (iy < 0 || iy >= h) continue;
          for (let kw = 0; kw < k; kw++) {
            const ix = ox - left + kw;
            if (ix < 0 || ix >= w) continue;
            for (let ci = 0; ci < c; ci++, count++) {
              from[count] = ((b * h + iy) * w + ix) * c + ci;
              tap[count] = ((kh * k + kw) * c + ci) * filters;
            }
          }
        }
        for (let co = 0; co < filters; co++) {
          const v = dZ[at + co]!;
          if (v === 0) continue;
          for (let t = 0; t < count; t++) {
            const k = tap[t]! + co;
            dW[k] = dW[k]! + v * x[from[t]!]!;
          }
        }
      }
  return Float32Array.from(dW);
}

for (const [side, inC, filters] of [
  [28, 1, 16],
  [14, 16, 32],
] as const) {
  const n = 32;
  const k = 3;
  const g = convWindow([side, side, inC], k, 1, 'same');
  const x = tf.randomNormal([n, side, side, inC]) as Tensor4D;
  const kernelValues = Float32Array.from({ length: k * k * inC * filters }, () => Math.random() - 0.5);
  const kernel = tf.tensor4d(kernelValues, [k, k, inC, filters]);
  // As after max pooling and relu: one value in each 2×2 window, or none (here 1 in 6 nonzero).
  const dZ = tf.tidy(() =>
    tf.mul(tf.randomNormal([n, side, side, filters]), tf.cast(tf.less(tf.randomUniform([n, side, side, filters]), 1 / 6), 'float32')),
  ) as Tensor4D;
  const xValues = x.dataSync() as Float32Array;
  const dZValues = dZ.dataSync() as Float32Array;
  const positions = n * side * side;
  const xT = tf.transpose(x, [3, 1, 2, 0]) as Tensor4D;
  const dZTValues = tf.transpose(dZ, [1, 2, 0, 3]).dataSync() as Float32Array;
  const pad: Pad = [
    [0, 0],
    [g.top, k - 1 - g.top],
    [g.left, k - 1 - g.left],
    [0, 0],
  ];
  const flipPad: Pad = [
    [0, 0],
    [k - 1 - g.top, g.top],
    [k - 1 - g.left, g.left],
    [0, 0],
  ];
  const ops: Record<string, () => Tensor | Float32Array> = {
    'filter: im2colT + matMul': () =>
      tf.matMul(tf.tensor2d(im2colT(xValues, n, g), [k * k * inC, positions]), tf.tensor2d(dZValues, [positions, filters])),
    'filter: transposes + conv2d': () =>
      tf.transpose(
        tf.conv2d(
          tf.transpose(x, [3, 1, 2, 0]) as Tensor4D,
          tf.transpose(tf.tensor4d(dZValues, dZ.shape), [1, 2, 0, 3]) as Tensor4D,
          1,
          pad,
        ),
        [1, 2, 0, 3],
      ),
    'filter: conv2d of pre-transposed': () => tf.conv2d(xT, tf.tensor4d(dZTValues, [side, side, n, filters]), 1, pad),
    'filter: JS over nonzero dZ': () => sparseFilterGradient(xValues, dZValues, n, g, filters),
    // Images as channels, each convolved with its own dZ (channel multiplier = filters), then summed over the images.
    'filter: depthwise + sum': () =>
      tf.sum(
        tf.reshape(
          tf.depthwiseConv2d(
            tf.reshape(tf.transpose(x, [3, 1, 2, 0]), [inC, side, side, n]) as Tensor4D,
            tf.tensor4d(dZTValues, [side, side, n, filters]),
            1,
            pad,
          ),
          [inC, k, k, n, filters],
        ),
        3,
      ),
    'input: matMul + col2im': () => {
      const wT = tf.transpose(tf.reshape(kernel, [k * k * inC, filters])) as Tensor2D;
      return col2im(tf.matMul(tf.tensor2d(dZValues, [positions, filters]), wT).dataSync(), n, g);
    },
    'input: flipped conv2d': () =>
      tf
        .conv2d(
          tf.tensor4d(dZValues, dZ.shape),
          tf.tensor4d(flippedKernel(kernelValues, k, inC, filters), [k, k, filters, inC]),
          1,
          flipPad,
        )
        .dataSync() as Float32Array,
    'forward: fused conv2d relu': () => tf.fused.conv2d({ x, filter: kernel, strides: 1, pad: 'same', activation: 'relu' }),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(ops).map((name) => [name, []]));
  for (let round = 0; round < 6; round++)
    for (const [name, f] of Object.entries(ops)) {
      const t0 = performance.now();
      for (let i = 0; i < 5; i++)
        tf.tidy(() => {
          const out = f();
          if (!(out instanceof Float32Array)) out.dataSync();
        });
      if (round > 0) times[name]!.push((performance.now() - t0) / 5);
    }
  console.log(`\n${tf.getBackend()}: ${n}×${side}×${side}×${inC} → ${filters}, 3×3 same; ms per call, median of 5 rounds of 5`);
  for (const [name, t] of Object.entries(times)) console.log(`${name.padEnd(32)} ${median(t).toFixed(2)}`);
}
