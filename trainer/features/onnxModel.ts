import type * as tfjs from '@tensorflow/tfjs';
import { importOnnxWithWeights, type LayerWeights } from '../../shared/import/onnx';
import { CompileError, compileGraph } from '../compile/compile';
import { FeatureProblem } from './problem';

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
      throw new FeatureProblem(`${name} holds ${ours}, but the file gives ${theirs} (please report this).`);
    }
    const tensors = weights.map((w) => tf.tensor(w.values, w.shape, 'float32'));
    layer.setWeights(tensors);
    for (const t of tensors) t.dispose();
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
  if (!read.ok) throw new FeatureProblem(`${name}: ${read.error}`);
  let model: tfjs.LayersModel;
  try {
    model = compileGraph(tf, read.imported.graph).model;
  } catch (err) {
    if (err instanceof CompileError) throw new FeatureProblem(`${name} cannot run in TensorFlow.js: ${err.message}`);
    throw err;
  }
  try {
    setLayerWeights(tf, model, read.layers);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return model;
}
