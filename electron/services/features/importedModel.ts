import type * as tfjs from '@tensorflow/tfjs';
import { errorMessage } from '../../../shared/issues';
import type { SerializedModel } from '../../../trainer/serialize';

/** A model file the user chose cannot be used; the message names the file and what to choose. */
export class ModelFileProblem extends Error {
  override name = 'ModelFileProblem';
}

interface ManifestGroup {
  paths: string[];
  weights: tfjs.io.WeightsManifestEntry[];
}

const baseName = (file: string) => file.split(/[\\/]/).at(-1) ?? file;

/**
 * A TF.js Layers model as the user chose it (model.json's text and the weight files, by name)
 * as one SerializedModel: the manifest's groups in order, each group's files concatenated in
 * the order it lists them, as tf.io's loaders do.
 */
export function modelFromFiles(
  name: string,
  modelJson: string,
  weights: readonly { name: string; base64: string }[],
): SerializedModel {
  let json: { format?: string; modelTopology?: unknown; weightsManifest?: ManifestGroup[] };
  try {
    json = JSON.parse(modelJson);
  } catch (err) {
    throw new ModelFileProblem(`${name} is not JSON (${errorMessage(err)}): choose a TF.js model.json.`);
  }
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new ModelFileProblem(
      `${name} is not a TF.js Layers model.json (it needs modelTopology and weightsManifest): save the model with model.save() or tensorflowjs_converter.`,
    );
  }
  if (json.format === 'graph-model') {
    throw new ModelFileProblem(
      `${name} is a TF.js graph model, which has no layers to look into: convert the Keras model as a layers model.`,
    );
  }
  const files = new Map(weights.map((w) => [baseName(w.name), w.base64]));
  const parts: Uint8Array[] = [];
  const specs: tfjs.io.WeightsManifestEntry[] = [];
  for (const group of json.weightsManifest) {
    for (const file of group.paths) {
      const base64 = files.get(baseName(file));
      if (base64 === undefined) {
        throw new ModelFileProblem(
          `${name} names the weight file ${baseName(file)}, which was not chosen: choose model.json together with all its weight files.`,
        );
      }
      parts.push(new Uint8Array(Buffer.from(base64, 'base64')));
    }
    specs.push(...group.weights);
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    weightData.set(p, offset);
    offset += p.byteLength;
  }
  return { modelTopology: json.modelTopology, weightSpecs: specs, weightData: weightData.buffer };
}
