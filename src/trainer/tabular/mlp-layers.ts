import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf/backend.js';
import type { ActivationName, Hyperparameters } from '../nn/hyperparameters.js';
import { BN_EPSILON, BN_MOMENTUM, LEAKY_RELU_ALPHA, LN_EPSILON, type Mlp } from '../nn/mlp.js';

/**
 * The MLP's layers as tfjs-layers builds them (Dense, BatchNormalization, LayerNormalization, the activation,
 * Dropout, the output Dense and its softmax), for the tabular trainer's saved model and the image trainer's dense
 * head; the Keras names of the trainer's activations, both ways.
 */

/** What the regression output is re-expressed by: the target's mean and standard deviation. */
export interface TargetScale {
  readonly mean: number;
  readonly std: number;
}

/** Keras names of the trainer's activations; leaky_relu is a layer of its own. */
const KERAS_ACTIVATION: Record<Exclude<ActivationName, 'leaky_relu'>, string> = {
  relu: 'relu',
  elu: 'elu',
  selu: 'selu',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  softplus: 'softplus',
  linear: 'linear',
};

const TO_ACTIVATION = new Map<string, ActivationName>(
  Object.entries(KERAS_ACTIVATION).map(([ours, keras]) => [keras, ours as ActivationName]),
);

/** The trainer's activation a Keras activation name stands for, if any. */
export function trainerActivation(keras: string): ActivationName | undefined {
  return TO_ACTIVATION.get(keras);
}

/** Adds `layer` to the model, with the weights it is given once every layer is built. */
export type AddLayer = <L extends { setWeights(w: Tensor[]): void }>(layer: L, ...tensors: Tensor[]) => void;

/** A Sequential model built layer by layer; `done` sets every layer's weights (known once all are built). */
export function layerAdder(tf: Tf): { readonly add: AddLayer; done(): ReturnType<Tf['sequential']> } {
  const lm = tf.sequential();
  // Weights per layer: the container's own list puts every layer's trainable weights before the moving statistics.
  const weights: Tensor[] = [];
  const assign: { layer: { setWeights(w: Tensor[]): void }; tensors: Tensor[] }[] = [];
  const add: AddLayer = (layer, ...tensors) => {
    lm.add(layer as unknown as Parameters<typeof lm.add>[0]);
    if (tensors.length > 0) assign.push({ layer, tensors });
    weights.push(...tensors);
  };
  const done = (): ReturnType<Tf['sequential']> => {
    for (const { layer, tensors } of assign) layer.setWeights(tensors);
    tf.dispose(weights);
    return lm;
  };
  return { add, done };
}

/** Keras activation layer (or a Dense's `activation`) of one of the trainer's activations but leaky_relu. */
export function kerasActivation(activation: Exclude<ActivationName, 'leaky_relu'>): 'relu' {
  return KERAS_ACTIVATION[activation] as 'relu';
}

/**
 * The MLP's layers (the image trainer's dense head too), after any added before them; `inputShape` for the first
 * layer when the MLP is the model's first layer.
 */
export function addMlpLayers(
  tf: Tf,
  add: AddLayer,
  model: Mlp,
  hp: Pick<Hyperparameters, 'activation' | 'dropout'>,
  inputShape: number[] | undefined,
  task: 'classification' | 'regression',
  target: TargetScale,
): void {
  const values = (offset: number, size: number, shape: number[]): Tensor => tf.tensor(model.params.slice(offset, offset + size), shape);
  model.hidden.forEach((h, i) => {
    const [fanIn, units] = h.kernel.shape as [number, number];
    const norm = h.bn ?? h.ln;
    const inline = !norm && hp.activation !== 'leaky_relu';
    const dense = tf.layers.dense({
      units,
      useBias: !norm,
      activation: inline ? kerasActivation(hp.activation as Exclude<ActivationName, 'leaky_relu'>) : 'linear',
      name: `hidden_${i}`,
      ...(i === 0 && inputShape ? { inputShape } : {}),
    });
    add(dense, values(h.kernel.offset, h.kernel.size, [fanIn, units]), ...(h.bias ? [values(h.bias.offset, h.bias.size, [units])] : []));
    if (h.bn) {
      const moving = model.moving[i]!;
      add(
        tf.layers.batchNormalization({ momentum: BN_MOMENTUM, epsilon: BN_EPSILON, name: `hidden_${i}_batch_norm` }),
        values(h.bn.gamma.offset, units, [units]),
        values(h.bn.beta.offset, units, [units]),
        tf.tensor(moving.mean),
        tf.tensor(moving.variance),
      );
    }
    if (h.ln)
      add(
        tf.layers.layerNormalization({ epsilon: LN_EPSILON, name: `hidden_${i}_layer_norm` }),
        values(h.ln.gamma.offset, units, [units]),
        values(h.ln.beta.offset, units, [units]),
      );
    if (hp.activation === 'leaky_relu') add(tf.layers.leakyReLU({ alpha: LEAKY_RELU_ALPHA, name: `hidden_${i}_activation` }));
    else if (!inline) add(tf.layers.activation({ activation: kerasActivation(hp.activation), name: `hidden_${i}_activation` }));
    if (hp.dropout > 0) add(tf.layers.dropout({ rate: hp.dropout, name: `hidden_${i}_dropout` }));
  });
  const [fanIn, outputs] = model.outKernel.shape as [number, number];
  const output = tf.layers.dense({ units: outputs, name: 'output', ...(model.hidden.length === 0 && inputShape ? { inputShape } : {}) });
  const kernel = model.params.slice(model.outKernel.offset, model.outKernel.offset + model.outKernel.size);
  const bias = model.params.slice(model.outBias.offset, model.outBias.offset + model.outBias.size);
  if (task === 'regression') {
    // ŷ = (h·W + b)·std + mean in the target's units
    for (let j = 0; j < kernel.length; j++) kernel[j] = kernel[j]! * target.std;
    bias[0] = bias[0]! * target.std + target.mean;
  }
  add(output, tf.tensor(kernel, [fanIn, outputs]), tf.tensor(bias, [outputs]));
  if (task === 'classification') add(tf.layers.activation({ activation: 'softmax', name: 'probabilities' }));
}
