import type * as tfjs from '@tensorflow/tfjs';
import { registerCustomLayers, type SerializedModel } from '../serialize';
import { featureCheck } from './problem';

type Tf = typeof tfjs;

/** A run's stored model (TF.js Layers format) back as a LayersModel, in whichever thread calls it. */
export function loadSerializedModel(tf: Tf, model: SerializedModel): Promise<tfjs.LayersModel> {
  registerCustomLayers(tf);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: model.modelTopology as tfjs.io.ModelArtifacts['modelTopology'],
      weightSpecs: model.weightSpecs,
      weightData: model.weightData,
    }),
  );
}

export interface LayerInfo {
  name: string;
  /** The tfjs class, e.g. Conv2D, MaxPooling2D, Concatenate. */
  kind: string;
  /** Without the batch axis. */
  outputShape: number[];
  /** [H, W, C]: it has activation maps to show. */
  spatial: boolean;
}

const layerOutputShape = (layer: tfjs.layers.Layer): number[] => {
  const shape = layer.outputShape as (number | null)[] | (number | null)[][];
  const single = Array.isArray(shape[0]) ? (shape[0] as (number | null)[]) : (shape as (number | null)[]);
  return single.slice(1).map((d) => d ?? 0);
};

/** Every layer after the input, in the model's (topological) order. */
export function describeLayers(model: tfjs.LayersModel): LayerInfo[] {
  return model.layers
    .filter((l) => l.getClassName() !== 'InputLayer')
    .map((l) => {
      const outputShape = layerOutputShape(l);
      return { name: l.name, kind: l.getClassName(), outputShape, spatial: outputShape.length === 3 };
    });
}

/** The model's one input as [H, W, C] or [N]. */
export function inputShapeOf(model: tfjs.LayersModel): number[] {
  if (model.inputs.length !== 1) {
    throw featureCheck('inputCount', { inputs: model.inputs.length });
  }
  return model.inputs[0]!.shape.slice(1).map((d) => d ?? 0);
}

export function layerNamed(model: tfjs.LayersModel, name: string): tfjs.layers.Layer {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) throw featureCheck('noLayer', { name });
  return layer;
}
