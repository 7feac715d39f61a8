import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import type { KerasWeights, Tensor } from '../../../shared/export';
import { registerCustomLayers } from '../../../trainer/serialize';
import { ExportProblem } from './problem';

type Tf = typeof tfjs;

/**
 * A model's weights by name (`layer/kernel`), in Keras layouts. Saving through a handler
 * is TF.js's documented way to read every weight with its original name, the name the
 * exporter matches against node names.
 */
export async function modelWeights(tf: Tf, model: tfjs.LayersModel): Promise<KerasWeights> {
  let artifacts: tfjs.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts?.weightSpecs || !artifacts.weightData) return new Map();
  return decode(tf, artifacts.weightSpecs, artifacts.weightData);
}

function decode(tf: Tf, specs: tfjs.io.WeightsManifestEntry[], data: tfjs.io.WeightData): KerasWeights {
  const tensors = tf.io.decodeWeights(data, specs);
  const weights = new Map<string, Tensor>();
  for (const spec of specs) {
    const t = tensors[spec.name]!;
    weights.set(spec.name, { shape: t.shape, values: Float32Array.from(t.dataSync()) });
    t.dispose();
  }
  return weights;
}

/**
 * Loads a TF.js Layers model saved as `model.json` plus its weight files (what
 * `model.save()` writes, and Netwright's training export). `dir` may also name the
 * model.json itself.
 */
export async function loadSavedModel(tf: Tf, dir: string): Promise<tfjs.LayersModel> {
  const file = dir.endsWith('.json') ? dir : path.join(dir, 'model.json');
  let json: tfjs.io.ModelJSON;
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as tfjs.io.ModelJSON;
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ExportProblem(
      code === 'ENOENT'
        ? `${file} does not exist: --weights needs a folder with a TF.js model.json and its weight files.`
        : `${file} is not a readable TF.js model.json (${code ?? (err as Error).message}).`,
    );
  }
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new ExportProblem(`${file} is not a TF.js Layers model: it lacks modelTopology or weightsManifest.`);
  }
  const folder = path.dirname(file);
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const parts: ArrayBuffer[] = [];
    for (const group of manifest) {
      for (const p of group.paths) {
        try {
          const bytes = await readFile(path.join(folder, p));
          parts.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        } catch {
          throw new ExportProblem(`${path.join(folder, p)}, listed in ${file}, cannot be read.`);
        }
      }
    }
    return [specs, parts];
  });
  registerCustomLayers(tf);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (err) {
    throw new ExportProblem(`${file} could not be loaded by TensorFlow.js: ${(err as Error).message}`);
  }
}
