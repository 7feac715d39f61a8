import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';
import { convBn, inceptionModuleA } from './inceptionModules';

export interface SmallInceptionOptions {
  /** Number of classes K; the output is [K]. */
  classes?: number;
}

/**
 * Grid reduction in the Inception-v3 manner, sized for small images: a 3×3/2
 * convolution and a 3×3/2 max pool side by side, concatenated, so the grid halves
 * while the channel count grows (no representational bottleneck). 'same' padding
 * keeps 32 → 16 exact where Keras's 'valid' would give 15.
 */
function smallGridReduction(b: GraphBuilder, x: NodeRef, filters: number, name: string): NodeRef {
  return b.group(name, 'small-grid-reduction', () => {
    const conv = convBn(b, x, filters, [3, 3], { strides: [2, 2], padding: 'same', scale: true });
    const pool = b.add(
      'MaxPool2D',
      { poolSize: [3, 3], strides: [2, 2], padding: 'same' },
      [x],
      b.uniqueName('max_pooling2d'),
    );
    return b.add('Concatenate', { axis: -1 }, [conv, pool], name);
  });
}

/**
 * A small Inception-style network for 32×32×3 images (CIFAR-10 sized) that trains
 * in minutes on a CPU: ~119 k parameters, ~42 M multiply-adds per image.
 * 32×32×3 → stem 32×32×32 → module A 32×32×72 → reduction 16×16×120
 * → module A 16×16×144 → global average pool 144 → Dense K softmax.
 * The modules are Inception-v3 module A with narrow 1×1 bottlenecks in front of
 * every 3×3 and 5×5, which is where an Inception module's savings come from.
 * Unlike Keras's InceptionV3, batch norms keep gamma (scale): this net is meant to
 * be trained here, and tfjs-layers cannot train a batch norm without it
 * (tensorflow/tfjs#2868).
 */
export function buildSmallInception({ classes = 10 }: SmallInceptionOptions = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([32, 32, 3]);

  // No downsampling in the stem: at 32×32 every pixel matters.
  x = convBn(b, x, 32, [3, 3], { scale: true });

  x = inceptionModuleA(b, x, {
    name: 'inception_1',
    scale: true,
    branch1x1: 16,
    branch5x5Reduce: 12,
    branch5x5: 16,
    branch3x3dblReduce: 16,
    branch3x3dbl: 24,
    poolProjection: 16,
  });
  x = smallGridReduction(b, x, 48, 'reduction');
  x = inceptionModuleA(b, x, {
    name: 'inception_2',
    scale: true,
    branch1x1: 32,
    branch5x5Reduce: 24,
    branch5x5: 32,
    branch3x3dblReduce: 32,
    branch3x3dbl: 48,
    poolProjection: 32,
  });

  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'avg_pool');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}
