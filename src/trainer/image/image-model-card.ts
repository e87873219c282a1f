import type { ImageTrainerSpec } from '../../core/config/types.js';
import type { JsonValue, Metrics, Params } from '../../core/json.js';
import type { Tf } from '../tf/backend.js';
import { saveWithCard } from '../tabular/model-file.js';
import { toImageLayersModel } from './image-model-file.js';
import type { ImageData } from '../data/image-files.js';
import type { ConvNet } from '../nn/conv.js';
import type { ConvHyperparameters, Hyperparameters } from '../nn/hyperparameters.js';

/** The trained conv net as a LayersModel (model.json, weights.bin) with its card beside it; returns model.json's path. */
export function saveImageModel(
  tf: Tf,
  trial: { readonly net: ConvNet; readonly dense: Hyperparameters },
  card: Readonly<Record<string, JsonValue>>,
  dir: string,
): Promise<string> {
  return saveWithCard(tf, toImageLayersModel(tf, trial.net, trial.dense), card, dir);
}

/** The JSON card saved beside the model: what produced it and how to feed it (standardised pixels, in the input shape). */
export function imageModelCard(
  trial: { readonly data: ImageData; readonly dense: Hyperparameters; readonly conv: ConvHyperparameters },
  trainerVersion: number,
  params: Params,
  seed: number,
  metrics: Metrics,
  fingerprint: string,
  spec: Pick<ImageTrainerSpec, 'target'>,
  extra: Readonly<Record<string, JsonValue>>,
): Record<string, JsonValue> {
  const { data, dense, conv } = trial;
  return {
    format: 'sweepgate-model-card-1',
    trainer: 'image',
    trainerVersion,
    task: 'classification',
    ...(spec.target !== undefined ? { target: spec.target } : {}),
    ...extra,
    params,
    seed,
    metrics,
    fingerprint,
    architecture: {
      conv: {
        filters: [...conv.filters],
        kernelSize: conv.kernelSize,
        strides: conv.strides,
        padding: conv.padding,
        pooling: conv.pooling,
      },
      widths: [...dense.widths],
      activation: dense.activation,
      norm: dense.batchNorm ? 'batch' : dense.layerNorm ? 'layer' : 'none',
    },
    // The model takes images of this shape (height, width, channels), each value standardised: (v − mean) / std,
    // v as read (CSV values as written, image files 0..255).
    inputShape: [...data.shape],
    pixels: { mean: data.pixels.mean, std: data.pixels.std },
    outputs: { probabilities: [...data.classes] },
  };
}
