import type * as tfjs from '@tensorflow/tfjs';
import { normalizationClass } from './compile/normalizationLayer';
import { subtractClass } from './compile/subtractLayer';

type Tf = typeof tfjs;

/** A model in TF.js Layers format, as plain data that crosses threads (weightData is transferable). */
export interface SerializedModel {
  modelTopology: unknown;
  weightSpecs: tfjs.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

export const WEIGHTS_FILE = 'weights.bin';

/** model.save through withSaveHandler: tfjs without tfjs-node has no file:// handler. */
export async function serializeModel(tf: Tf, model: tfjs.LayersModel): Promise<SerializedModel> {
  let captured: tfjs.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!captured?.weightData || !captured.weightSpecs) throw new Error('tfjs saved no weights');
  return {
    modelTopology: captured.modelTopology,
    weightSpecs: captured.weightSpecs,
    weightData: tf.io.concatenateArrayBuffers(captured.weightData),
  };
}

/** The model.json text whose manifest points at WEIGHTS_FILE, as tf.loadLayersModel expects. */
export function modelJsonText(model: SerializedModel, generatedBy: string): string {
  return JSON.stringify({
    format: 'layers-model',
    generatedBy,
    convertedBy: null,
    modelTopology: model.modelTopology,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: model.weightSpecs }],
  });
}

/** Netwright's own TF.js layers (Keras's Normalization and Subtract), known before a saved model loads. */
export function registerCustomLayers(tf: Tf): void {
  normalizationClass(tf);
  subtractClass(tf);
}
