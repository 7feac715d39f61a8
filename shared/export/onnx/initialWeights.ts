import { seededRandom } from '../../training/random';
import type { ExportNetwork } from '../network';
import type { Tensor } from '../tensorFile';
import { type KerasWeights, kerasWeightSpecs } from '../weights';

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Keras's fans: a kernel's receptive field times its input / output channels (the last two axes). */
function fans(shape: readonly number[]): [number, number] {
  if (shape.length < 2) return [size(shape), size(shape)];
  const field = size(shape.slice(0, -2));
  return [field * shape.at(-2)!, field * shape.at(-1)!];
}

const ONES = new Set(['gamma', 'moving_variance', 'variance']);

/**
 * The weights Keras would start from, drawn from a fixed seed: Glorot-uniform kernels,
 * zero biases, batch-norm and layer-norm scales 1 and shifts 0, running variance 1, PReLU
 * slopes 0, Normalization's adapt() statistics 0 and 1. An export without a trained run
 * gets these, so the file runs and gives the same numbers on every export.
 */
export function initialWeights(net: ExportNetwork, seed = 1): KerasWeights {
  const next = seededRandom(seed);
  const weights = new Map<string, Tensor>();
  for (const id of net.order) {
    const node = net.nodes.get(id)!;
    for (const spec of kerasWeightSpecs(node)) {
      const values = new Float32Array(size(spec.shape));
      if (spec.suffix.endsWith('kernel')) {
        const [fanIn, fanOut] = fans(spec.shape);
        const limit = Math.sqrt(6 / (fanIn + fanOut));
        for (let i = 0; i < values.length; i++) values[i] = (2 * next() - 1) * limit;
      } else if (ONES.has(spec.suffix)) values.fill(1);
      weights.set(`${node.name}/${spec.suffix}`, { shape: spec.shape, values });
    }
  }
  return weights;
}
