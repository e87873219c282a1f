import type { Tf } from './backend.js';

/**
 * tfjs-core's Node bundle ships without the chained-op methods (`x.square().mean()`); the `@tensorflow/tfjs`
 * union package and tfjs-node add them. Objective modules get `ctx.tf` and must see the same API on every
 * backend, so the methods are installed here (only those missing) as calls to the namespace's ops, exactly as
 * tfjs-core/dist/public/chained_ops does.
 */
const SAME_NAME = [
  'abs',
  'acos',
  'acosh',
  'add',
  'all',
  'any',
  'argMax',
  'argMin',
  'asin',
  'asinh',
  'atan',
  'atan2',
  'atanh',
  'batchToSpaceND',
  'batchNorm',
  'broadcastTo',
  'cast',
  'ceil',
  'clipByValue',
  'conv1d',
  'conv2d',
  'cos',
  'cosh',
  'cumprod',
  'cumsum',
  'depthToSpace',
  'div',
  'divNoNan',
  'dot',
  'elu',
  'equal',
  'erf',
  'euclideanNorm',
  'exp',
  'expandDims',
  'expm1',
  'fft',
  'floor',
  'floorDiv',
  'gather',
  'greater',
  'greaterEqual',
  'ifft',
  'irfft',
  'isFinite',
  'isInf',
  'isNaN',
  'leakyRelu',
  'less',
  'lessEqual',
  'log',
  'log1p',
  'logSigmoid',
  'logSoftmax',
  'logSumExp',
  'logicalAnd',
  'logicalNot',
  'logicalOr',
  'logicalXor',
  'matMul',
  'max',
  'maximum',
  'mean',
  'min',
  'minimum',
  'mirrorPad',
  'mod',
  'mul',
  'neg',
  'norm',
  'notEqual',
  'oneHot',
  'onesLike',
  'pad',
  'pool',
  'pow',
  'prelu',
  'prod',
  'reciprocal',
  'relu',
  'relu6',
  'reshape',
  'reverse',
  'rfft',
  'round',
  'rsqrt',
  'selu',
  'sigmoid',
  'sign',
  'sin',
  'sinh',
  'slice',
  'softmax',
  'softplus',
  'spaceToBatchND',
  'split',
  'sqrt',
  'square',
  'squaredDifference',
  'squeeze',
  'step',
  'stridedSlice',
  'sub',
  'sum',
  'tan',
  'tanh',
  'tile',
  'topk',
  'transpose',
  'unique',
  'unstack',
  'zerosLike',
] as const;

type AnyFn = (...args: unknown[]) => unknown;
interface TensorLike {
  readonly shape: number[];
  readonly size: number;
}

export function installChainedOps(tf: Tf): void {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  const ops = tf as unknown as Record<string, AnyFn>;
  const define = (name: string, fn: (this: TensorLike, ...args: unknown[]) => unknown): void => {
    if (typeof proto[name] !== 'function') Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  };
  for (const name of SAME_NAME) {
    const op = ops[name];
    if (typeof op === 'function')
      define(name, function (...args) {
        return op(this, ...args);
      });
  }
  const reshape = ops['reshape']!;
  const cast = ops['cast']!;
  const isTensor = (x: unknown): boolean => x instanceof tf.Tensor;
  define('as1D', function () {
    return reshape(this, [this.size]);
  });
  define('flatten', function () {
    return reshape(this, [this.size]);
  });
  define('as2D', function (...d) {
    return reshape(this, d);
  });
  define('as3D', function (...d) {
    return reshape(this, d);
  });
  define('as4D', function (...d) {
    return reshape(this, d);
  });
  define('as5D', function (...d) {
    return reshape(this, d);
  });
  define('asScalar', function () {
    if (this.size !== 1) throw new Error('The array must have only 1 element.');
    return reshape(this, []);
  });
  define('asType', function (dtype) {
    return cast(this, dtype);
  });
  define('toBool', function () {
    return cast(this, 'bool');
  });
  define('toFloat', function () {
    return cast(this, 'float32');
  });
  define('toInt', function () {
    return cast(this, 'int32');
  });
  define('reshapeAs', function (x) {
    return reshape(this, (x as TensorLike).shape);
  });
  define('concat', function (x, axis) {
    return ops['concat']!([this, ...(isTensor(x) ? [x] : (x as unknown[]))], axis);
  });
  define('stack', function (x, axis) {
    return ops['stack']!([this, ...(isTensor(x) ? [x] : (x as unknown[]))], axis);
  });
  define('where', function (condition, x) {
    return ops['where']!(condition, this, x);
  });
}
