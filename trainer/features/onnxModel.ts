import type * as tfjs from '@tensorflow/tfjs';
import type { Graph } from '../../shared/graph/types';
import { english } from '../../shared/i18n/diagnosticText';
import { importOnnxWithWeights, type LayerWeights } from '../../shared/import/onnx';
import { CompileError, compileGraph } from '../compile/compile';
import { featureCheck } from './problem';

type Tf = typeof tfjs;

/** conv/kernel, or conv/kernel_1 where tfjs renamed a variable because another model holds that name. */
const baseName = (variable: string) => (variable.split('/').at(-1) ?? '').replace(/_\d+$/, '');

/** Sets each layer's imported weights, checking they are the ones its TF.js layer holds, in its order. */
export function setLayerWeights(tf: Tf, model: tfjs.LayersModel, layers: readonly LayerWeights[]): void {
  for (const { layer: name, weights } of layers) {
    const layer = model.getLayer(name);
    const held = layer.weights;
    const fits =
      held.length === weights.length &&
      held.every((v, i) => baseName(v.name) === weights[i]!.name && v.shape.join() === weights[i]!.shape.join());
    if (!fits) {
      const ours = held.map((v) => `${v.name} [${v.shape.join(', ')}]`).join(', ');
      const theirs = weights.map((w) => `${w.name} [${w.shape.join(', ')}]`).join(', ');
      throw featureCheck('weightsMismatch', { layer: name, ours, theirs });
    }
    const tensors = weights.map((w) => tf.tensor(w.values, w.shape, 'float32'));
    layer.setWeights(tensors);
    for (const t of tensors) t.dispose();
  }
}

/** A compile error's text where it says the message, else the message as it is. */
const reasonOf = (err: CompileError) => (err.text && english(err.text) === err.message ? err.text : err.message);

/** The imported graph compiled as for training; what TF.js cannot build is the user's to know. */
export function compiledForFeatures(tf: Tf, graph: Graph, name: string): tfjs.LayersModel {
  try {
    return compileGraph(tf, graph).model;
  } catch (err) {
    if (err instanceof CompileError) throw featureCheck('cannotRun', { name, reason: reasonOf(err) });
    throw err;
  }
}

/**
 * An ONNX model (as PyTorch exports it) as a TF.js LayersModel with the file's weights: the
 * graph Netwright imports, compiled as for training, each layer given its weights. A file the
 * views cannot use gets a FeatureProblem saying what is wrong.
 */
export function onnxLayersModel(tf: Tf, bytes: Uint8Array, name: string): tfjs.LayersModel {
  const read = importOnnxWithWeights(bytes, {
    strict: true,
    inputShapeHint: 'export it with a fixed input size (no dynamic height or width)',
  });
  if (!read.ok) throw featureCheck('onnxUnreadable', { name, reason: read.text ?? read.error });
  const model = compiledForFeatures(tf, read.imported.graph, name);
  try {
    setLayerWeights(tf, model, read.layers);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return model;
}
