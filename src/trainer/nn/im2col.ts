// Unfolding an NHWC image batch into patch rows (im2col) and folding patch gradients back onto the pixels (col2im),
// as plain loops over Float32Arrays: the conv step's gradients on backends without fast conv backprop kernels
// (tfjs-backend-wasm has no Conv2DBackpropFilter, and its Conv2DBackpropInput is a naive loop). On issue 18's 28×28 net
// a layer's unfolding costs a few ms in JS, where the same as tfjs ops (k² strided slices and a concat) cost 100+.

/** Where a conv layer's windows fall: NHWC input sides, window, stride, TensorFlow's padding, output sides. */
export interface ConvWindow {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly k: number;
  readonly s: number;
  /** Padding before the first row / column (TensorFlow's `same`: the smaller half of the total). */
  readonly top: number;
  readonly left: number;
  readonly outH: number;
  readonly outW: number;
}

/** The window geometry of a conv layer; `same` pads max((out − 1)·s + k − in, 0) in all, the smaller half first. */
export function convWindow(inShape: readonly [number, number, number], k: number, s: number, padding: 'same' | 'valid'): ConvWindow {
  const [h, w, c] = inShape;
  const outH = padding === 'same' ? Math.ceil(h / s) : Math.floor((h - k) / s) + 1;
  const outW = padding === 'same' ? Math.ceil(w / s) : Math.floor((w - k) / s) + 1;
  const top = padding === 'same' ? Math.floor(Math.max((outH - 1) * s + k - h, 0) / 2) : 0;
  const left = padding === 'same' ? Math.floor(Math.max((outW - 1) * s + k - w, 0) / 2) : 0;
  return { h, w, c, k, s, top, left, outH, outW };
}

/**
 * The patch matrix transposed: one row per filter tap (kernel row, column, channel: the filter's own layout), one
 * column per output position (n × outH × outW), zeros where the window hangs over the padding. The filter gradient
 * is then one matMul, colsᵀ · dZ, whose right operand (dZ, positions × filters) is the small one: XNNPACK packs that
 * operand on every call, and packing the patch matrix instead made the product 2× slower (bench/RESULTS.md).
 */
export function im2colT(x: ArrayLike<number>, n: number, g: ConvWindow): Float32Array {
  const { h, w, c, k, s, top, left, outH, outW } = g;
  const positions = n * outH * outW;
  const colsT = new Float32Array(k * k * c * positions);
  for (let kh = 0; kh < k; kh++) {
    for (let kw = 0; kw < k; kw++) {
      for (let ci = 0; ci < c; ci++) {
        let at = ((kh * k + kw) * c + ci) * positions;
        for (let b = 0; b < n; b++) {
          for (let oy = 0; oy < outH; oy++) {
            const iy = oy * s - top + kh;
            if (iy < 0 || iy >= h) {
              at += outW;
              continue;
            }
            const rowBase = (b * h + iy) * w;
            for (let ox = 0; ox < outW; ox++, at++) {
              const ix = ox * s - left + kw;
              if (ix >= 0 && ix < w) colsT[at] = x[(rowBase + ix) * c + ci]!;
            }
          }
        }
      }
    }
  }
  return colsT;
}

/** The adjoint of unfolding: each patch row's gradient (positions × taps, row-major) added back onto the input pixels it was taken from. */
export function col2im(dCols: ArrayLike<number>, n: number, g: ConvWindow): Float32Array {
  const { h, w, c, k, s, top, left, outH, outW } = g;
  const width = k * k * c;
  const dx = new Float32Array(n * h * w * c);
  let row = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, row++) {
        for (let kh = 0; kh < k; kh++) {
          const iy = oy * s - top + kh;
          if (iy < 0 || iy >= h) continue;
          for (let kw = 0; kw < k; kw++) {
            const ix = ox * s - left + kw;
            if (ix < 0 || ix >= w) continue;
            const to = ((b * h + iy) * w + ix) * c;
            const from = row * width + (kh * k + kw) * c;
            for (let ci = 0; ci < c; ci++) dx[to + ci] = dx[to + ci]! + dCols[from + ci]!;
          }
        }
      }
    }
  }
  return dx;
}

/**
 * dLoss/d(input) of a 2×2, stride-2, `same` max pooling of the NHWC `a` (n × h × w × c): each window's gradient to its
 * first largest value in row-major order (tfjs' and TensorFlow's choice). For the wasm backend, whose MaxPoolGrad
 * kernel gives wrong gradients on some shapes (odd sides, and some even ones; conv-step.test.ts found them).
 */
export function maxPool2x2Backward(
  a: ArrayLike<number>,
  dOut: ArrayLike<number>,
  n: number,
  h: number,
  w: number,
  c: number,
): Float32Array {
  const dA = new Float32Array(n * h * w * c);
  const ph = Math.ceil(h / 2);
  const pw = Math.ceil(w / 2);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let py = 0; py < ph; py++) {
      const rows = Math.min(2, h - 2 * py);
      for (let px = 0; px < pw; px++) {
        const cols = Math.min(2, w - 2 * px);
        const base = ((b * h + 2 * py) * w + 2 * px) * c;
        for (let ci = 0; ci < c; ci++, o++) {
          let best = base + ci;
          for (let dy = 0; dy < rows; dy++)
            for (let dx = 0; dx < cols; dx++) {
              const i = base + (dy * w + dx) * c + ci;
              if (a[i]! > a[best]!) best = i;
            }
          dA[best] = dA[best]! + dOut[o]!;
        }
      }
    }
  }
  return dA;
}

/**
 * dLoss/d(input) of a 2×2, stride-2, `same` average pooling of an NHWC batch (n × h × w × c): each window's gradient
 * divided among the pixels it averaged, which on an odd side's last row or column is 2 or 1, not 4 (TensorFlow's
 * `same` average excludes the padding, in tfjs too). tfjs-backend-cpu's and tfjs-backend-wasm's AvgPoolGrad divide by
 * 4 there, the gradient of an average that counts the padding; native TensorFlow's is right. conv-step.test.ts checks
 * this against native TensorFlow where present.
 */
export function avgPool2x2Backward(dOut: ArrayLike<number>, n: number, h: number, w: number, c: number): Float32Array {
  const dA = new Float32Array(n * h * w * c);
  const ph = Math.ceil(h / 2);
  const pw = Math.ceil(w / 2);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let py = 0; py < ph; py++) {
      const rows = Math.min(2, h - 2 * py);
      for (let px = 0; px < pw; px++) {
        const cols = Math.min(2, w - 2 * px);
        const base = ((b * h + 2 * py) * w + 2 * px) * c;
        const count = rows * cols;
        for (let ci = 0; ci < c; ci++, o++) {
          const share = dOut[o]! / count;
          for (let dy = 0; dy < rows; dy++) for (let dx = 0; dx < cols; dx++) dA[base + (dy * w + dx) * c + ci] = share;
        }
      }
    }
  }
  return dA;
}

/** dZ in the layouts the conv gradients take: NHWC (images first), HWNC (positions first, images as channels). */
export interface DzLayouts {
  readonly nhwc: Float32Array | undefined;
  readonly hwnc: Float32Array | undefined;
}

/**
 * relu's derivative, 2×2 stride-2 `same` max pooling's gradient and the bias sum in one pass over the relu outputs `a`
 * (n × h × w × c): each window's gradient goes to its first largest value (row-major), kept where that is positive.
 * Writes dZ (dLoss/d(the conv's output before relu), zero but at the windows' maxima) into whichever of `out`'s
 * arrays are given (zero-filled, n·h·w·c each), and returns its channel sums (float64, then float32). Full windows
 * take an unrolled path: this loop is on every WASM step, over the largest activations.
 */
export function maxPoolReluBackward(
  a: Float32Array,
  dOut: Float32Array,
  n: number,
  h: number,
  w: number,
  c: number,
  out: DzLayouts,
): Float32Array {
  const { nhwc, hwnc } = out;
  const sums = new Float64Array(c);
  const ph = Math.ceil(h / 2);
  const pw = Math.ceil(w / 2);
  // A step right and a step down in each layout.
  const [right, down] = [c, w * c];
  const [rightT, downT] = [n * c, w * n * c];
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let py = 0; py < ph; py++) {
      const rows = Math.min(2, h - 2 * py);
      for (let px = 0; px < pw; px++) {
        const cols = Math.min(2, w - 2 * px);
        const base = ((b * h + 2 * py) * w + 2 * px) * c;
        const baseT = ((2 * py * w + 2 * px) * n + b) * c;
        for (let ci = 0; ci < c; ci++, o++) {
          let best = base + ci;
          let bestT = baseT + ci;
          let max = a[best]!;
          if (rows === 2 && cols === 2) {
            const i0 = best;
            const v1 = a[i0 + right]!;
            if (v1 > max) {
              best = i0 + right;
              bestT = baseT + ci + rightT;
              max = v1;
            }
            const v2 = a[i0 + down]!;
            if (v2 > max) {
              best = i0 + down;
              bestT = baseT + ci + downT;
              max = v2;
            }
            const v3 = a[i0 + down + right]!;
            if (v3 > max) {
              best = i0 + down + right;
              bestT = baseT + ci + downT + rightT;
              max = v3;
            }
          } else {
            for (let dy = 0; dy < rows; dy++)
              for (let dx = 0; dx < cols; dx++) {
                const i = base + dy * down + dx * right + ci;
                if (a[i]! > max) {
                  best = i;
                  bestT = baseT + ci + dy * downT + dx * rightT;
                  max = a[i]!;
                }
              }
          }
          if (max > 0) {
            const g = dOut[o]!;
            if (nhwc) nhwc[best] = g;
            if (hwnc) hwnc[bestT] = g;
            sums[ci] = sums[ci]! + g;
          }
        }
      }
    }
  }
  return Float32Array.from(sums);
}

/** An NHWC array (n × h × w × c) as HWNC (h × w × n × c): positions first, the images as channels. */
export function hwncFromNhwc(values: ArrayLike<number>, n: number, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(n * h * w * c);
  let from = 0;
  for (let b = 0; b < n; b++)
    for (let p = 0; p < h * w; p++, from += c) {
      const to = (p * n + b) * c;
      for (let ci = 0; ci < c; ci++) out[to + ci] = values[from + ci]!;
    }
  return out;
}

/** Sums over every axis but the last of an NHWC array with `c` channels: a conv layer's bias gradient. */
export function channelSums(values: ArrayLike<number>, c: number): Float32Array {
  const sums = new Float64Array(c);
  for (let i = 0; i < values.length; i += c) for (let ci = 0; ci < c; ci++) sums[ci] = sums[ci]! + values[i + ci]!;
  return Float32Array.from(sums);
}

/**
 * The kernel (k × k × in × out, tf.conv2d's layout) turned for the input gradient as a forward convolution: rotated
 * half a turn in space and with its channel axes swapped (k × k × out × in).
 */
export function flippedKernel(kernel: ArrayLike<number>, k: number, inC: number, outC: number): Float32Array {
  const flipped = new Float32Array(k * k * inC * outC);
  for (let kh = 0; kh < k; kh++)
    for (let kw = 0; kw < k; kw++)
      for (let ci = 0; ci < inC; ci++)
        for (let co = 0; co < outC; co++)
          flipped[(((k - 1 - kh) * k + (k - 1 - kw)) * outC + co) * inC + ci] = kernel[((kh * k + kw) * inC + ci) * outC + co]!;
  return flipped;
}
