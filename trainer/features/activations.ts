import type * as tfjs from '@tensorflow/tfjs';
import { inputShapeOf, layerNamed } from './model';
import { featureCheck } from './problem';

type Tf = typeof tfjs;

/** One layer's output for one input: [height, width, channels] row-major, channel last. */
export interface ActivationMaps {
  layer: string;
  height: number;
  width: number;
  channels: number;
  values: Float32Array;
}

/** The layer's output as a model of its own: the original's input up to that layer, sharing its weights. */
export function truncatedModel(tf: Tf, model: tfjs.LayersModel, layer: tfjs.layers.Layer): tfjs.LayersModel {
  const output = layer.output;
  if (Array.isArray(output)) throw featureCheck('severalOutputs', { layer: layer.name });
  return tf.model({ inputs: model.inputs, outputs: output });
}

/** Refuses a layer whose output has no height and width, saying what to choose instead. */
export function spatialLayer(model: tfjs.LayersModel, name: string): tfjs.layers.Layer {
  const layer = layerNamed(model, name);
  const shape = (layer.output as tfjs.SymbolicTensor).shape.slice(1);
  if (shape.length !== 3) {
    throw featureCheck('noMaps', { layer: name, shape: `[${shape.join(', ')}]` });
  }
  return layer;
}

/** `input` holds one sample in the model's input shape (pixel values already scaled as in training). */
export function checkInput(model: tfjs.LayersModel, input: Float32Array): number[] {
  const shape = inputShapeOf(model);
  const size = shape.reduce((a, b) => a * b, 1);
  if (input.length !== size) {
    throw featureCheck('inputSize', { values: input.length, shape: `[${shape.join(', ')}]`, size });
  }
  return shape;
}

/** The activation maps of layer `name` for one input, computed in inference mode (batch norm uses its moving statistics). */
export function layerActivations(tf: Tf, model: tfjs.LayersModel, name: string, input: Float32Array): ActivationMaps {
  const layer = spatialLayer(model, name);
  const shape = checkInput(model, input);
  const sub = truncatedModel(tf, model, layer);
  const out = tf.tidy(() => sub.predict(tf.tensor(input, [1, ...shape])) as tfjs.Tensor);
  try {
    const [, height, width, channels] = out.shape as [number, number, number, number];
    return { layer: name, height, width, channels, values: out.dataSync() as Float32Array };
  } finally {
    out.dispose();
  }
}
