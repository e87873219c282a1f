import { describe, expect, test } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import {
  type DzLayouts,
  avgPool2x2Backward,
  channelSums,
  flippedKernel,
  hwncFromNhwc,
  maxPool2x2Backward,
  maxPoolReluBackward,
} from '../../src/trainer/nn/im2col.js';

// The WASM conv step's JS loops (conv-step.ts `conv` kernels), each against the plainer computation it replaces. The
// property test (conv-step.test.ts) checks them in the whole step against tfjs autodiff.

const index = (shape: readonly number[], at: readonly number[]): number => at.reduce((i, v, d) => i * shape[d]! + v, 0);

describe('maxPoolReluBackward', () => {
  // Odd and even sides; values from a few levels, many of them ≤ 0, so windows tie and relu cuts.
  test.each([
    [2, 4, 4, 3],
    [3, 5, 6, 2],
    [1, 7, 5, 4],
  ])('on %i × %i × %i × %i: the max-pooling gradient where relu passed, its channel sums, in both layouts', (n, h, w, c) => {
    const rng = new Rng(n * 100 + h * 10 + w);
    const a = Float32Array.from({ length: n * h * w * c }, () => Math.max(0, Math.floor(rng.next() * 5) - 2));
    const dOut = Float32Array.from({ length: n * Math.ceil(h / 2) * Math.ceil(w / 2) * c }, () => rng.normal());
    const dA = maxPool2x2Backward(a, dOut, n, h, w, c);
    const want = dA.map((g, i) => (a[i]! > 0 ? g : 0));
    const out: DzLayouts = { nhwc: new Float32Array(a.length), hwnc: new Float32Array(a.length) };
    const dB = maxPoolReluBackward(a, dOut, n, h, w, c, out);
    expect(Array.from(out.nhwc!)).toEqual(Array.from(want));
    expect(Array.from(out.hwnc!)).toEqual(Array.from(hwncFromNhwc(want, n, h, w, c)));
    const sums = channelSums(want, c);
    for (let ci = 0; ci < c; ci++) expect(dB[ci]).toBeCloseTo(sums[ci]!, 5);
  });
});

test('hwncFromNhwc puts the images after the positions', () => {
  const [n, h, w, c] = [2, 2, 3, 2];
  const x = Float32Array.from({ length: n * h * w * c }, (_, i) => i);
  const t = hwncFromNhwc(x, n, h, w, c);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < w; xx++)
        for (let ci = 0; ci < c; ci++) expect(t[index([h, w, n, c], [y, xx, b, ci])]).toBe(x[index([n, h, w, c], [b, y, xx, ci])]);
});

test('flippedKernel turns the window half a turn and swaps the channel axes', () => {
  const [k, inC, outC] = [3, 2, 4];
  const kernel = Float32Array.from({ length: k * k * inC * outC }, (_, i) => i);
  const f = flippedKernel(kernel, k, inC, outC);
  for (let kh = 0; kh < k; kh++)
    for (let kw = 0; kw < k; kw++)
      for (let ci = 0; ci < inC; ci++)
        for (let co = 0; co < outC; co++)
          expect(f[index([k, k, outC, inC], [k - 1 - kh, k - 1 - kw, co, ci])]).toBe(kernel[index([k, k, inC, outC], [kh, kw, ci, co])]);
});

test('avgPool2x2Backward divides each window by the pixels it covered (2 or 1 on an odd side)', () => {
  // 3 × 3, one channel: windows of 4, 2, 2 and 1 pixels.
  const dA = avgPool2x2Backward(Float32Array.from([4, 4, 4, 4]), 1, 3, 3, 1);
  expect(Array.from(dA)).toEqual([1, 1, 2, 1, 1, 2, 2, 2, 4]);
});
