import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf/backend.js';

/**
 * TensorFlow's own gradient ops that tfjs-node has but does not register as tfjs kernels, run through its backend's
 * `executeSingleOutput` (the call every tfjs-node kernel makes). On native TensorFlow tfjs' relu derivative,
 * `mul(dy, step(a))`, is seven ops (tfjs-node's Step is isNaN, greater, a ones array built in JS and uploaded, fill,
 * where, select) and cost more than the conv gradients themselves; ReluGrad is one. BiasAddGrad is the bias
 * gradient in one op (tfjs' sum over three axes reshapes around it). The results are the same numbers: ReluGrad is
 * dy where a > 0 and 0 elsewhere, as mul(dy, step(a)) for finite dy; BiasAddGrad sums each channel in float32.
 * Measurements: bench/RESULTS.md (issue 18, after the second pass).
 */
export interface RawGradients {
  /** dy where `features` > 0, else 0 (`features` may be the relu's input or its output). */
  reluGrad(dy: Tensor, features: Tensor): Tensor;
  /** The sum over every axis but the last (NHWC channels): a conv layer's bias gradient. */
  biasAddGrad(dz: Tensor): Tensor1D;
}

interface OpAttr {
  readonly name: string;
  readonly type: number;
  readonly value: number | string;
}

/** tfjs-node's NodeJSKernelBackend, as far as this file uses it. */
interface NodeKernelBackend {
  executeSingleOutput(name: string, attrs: readonly OpAttr[], inputs: readonly Tensor[]): Tensor;
  readonly binding: { readonly TF_ATTR_TYPE: number; readonly TF_ATTR_STRING: number; readonly TF_FLOAT: number };
}

function isNodeKernelBackend(backend: unknown): backend is NodeKernelBackend {
  const b = backend as Partial<NodeKernelBackend> | undefined;
  return typeof b?.executeSingleOutput === 'function' && typeof b.binding?.TF_FLOAT === 'number';
}

/** TensorFlow's ReluGrad and BiasAddGrad on the tfjs-node backend; undefined on any other (or a stand-in named tensorflow). */
export function rawGradients(tf: Tf): RawGradients | undefined {
  if (tf.getBackend() !== 'tensorflow') return undefined;
  const backend: unknown = tf.engine().backend;
  if (!isNodeKernelBackend(backend)) return undefined;
  const { binding } = backend;
  const float: OpAttr = { name: 'T', type: binding.TF_ATTR_TYPE, value: binding.TF_FLOAT };
  const nhwc: OpAttr = { name: 'data_format', type: binding.TF_ATTR_STRING, value: 'NHWC' };
  return {
    reluGrad: (dy, features) => backend.executeSingleOutput('ReluGrad', [float], [dy, features]),
    biasAddGrad: (dz) => backend.executeSingleOutput('BiasAddGrad', [float, nhwc], [dz]) as Tensor1D,
  };
}
