import type * as tfjs from '@tensorflow/tfjs';
import { type DiagnosticText, english } from '../../../shared/i18n/diagnosticText';
import { errorMessage } from '../../../shared/issues';
import type { SerializedModel } from '../../../trainer/serialize';
import { featureText } from './texts';

/** A model file the user chose cannot be used; the message names the file and what to choose. */
export class ModelFileProblem extends Error {
  override name = 'ModelFileProblem';
  constructor(readonly text: DiagnosticText) {
    super(english(text));
  }
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
    throw new ModelFileProblem(featureText('notJson', { name, reason: errorMessage(err) }));
  }
  if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new ModelFileProblem(featureText('notLayersModel', { name }));
  }
  if (json.format === 'graph-model') {
    throw new ModelFileProblem(featureText('graphModel', { name }));
  }
  const files = new Map(weights.map((w) => [baseName(w.name), w.base64]));
  const parts: Uint8Array[] = [];
  const specs: tfjs.io.WeightsManifestEntry[] = [];
  for (const group of json.weightsManifest) {
    for (const file of group.paths) {
      const base64 = files.get(baseName(file));
      if (base64 === undefined) {
        throw new ModelFileProblem(featureText('weightFileMissing', { name, file: baseName(file) }));
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
