import type * as tfjs from '@tensorflow/tfjs';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { compileGraph } from '../../../trainer/compile/compile';

/** Two convolutions (the second without activation, so every channel can rise), batch norm, a pool, a dense head. */
export function featureNet(): Graph {
  const b = new GraphBuilder();
  let x = b.input([12, 12, 3]);
  x = b.add('Conv2D', { filters: 6, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'conv_a');
  x = b.add('BatchNorm', {}, [x], 'bn_a');
  x = b.add('Conv2D', { filters: 5, kernelSize: [3, 3], padding: 'same' }, [x], 'conv_b');
  x = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [x], 'pool');
  x = b.add('Flatten', {}, [x], 'flat');
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

/** The network compiled with seeded weights (tfjs draws initialiser seeds from Math.random). */
export function compiledFeatureNet(tf: typeof tfjs): tfjs.LayersModel {
  const original = Math.random;
  let s = 12345;
  Math.random = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  try {
    return compileGraph(tf, featureNet()).model;
  } finally {
    Math.random = original;
  }
}

/** A fixed input in [0, 1], [12, 12, 3]. */
export function fixedInput(): Float32Array {
  return Float32Array.from({ length: 12 * 12 * 3 }, (_, i) => ((i * 37) % 101) / 100);
}
