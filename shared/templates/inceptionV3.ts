import { GraphBuilder } from '../graph/builder';
import type { Graph } from '../graph/types';
import {
  convBn,
  gridReductionA,
  gridReductionB,
  inceptionModuleA,
  inceptionModuleB,
  inceptionModuleC,
} from './inceptionModules';

export interface InceptionV3Options {
  classes?: number;
  /** Square input side; Keras's default and the reference figures use 299. */
  size?: number;
}

/**
 * InceptionV3 exactly as keras.applications.InceptionV3(include_top=True):
 * 23,851,784 parameters (34,432 non-trainable) and 5,713,216,096 multiply-adds
 * at 299×299×3 with 1000 classes. The stem is left ungrouped (Keras has no block
 * for it); mixed0 … mixed10 are one module each.
 */
export function buildInceptionV3({ classes = 1000, size = 299 }: InceptionV3Options = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([size, size, 3]);

  // Stem: 299 → 149 → 147 → 147 → 73 → 73 → 71 → 35.
  x = convBn(b, x, 32, [3, 3], { strides: [2, 2], padding: 'valid' });
  x = convBn(b, x, 32, [3, 3], { padding: 'valid' });
  x = convBn(b, x, 64, [3, 3]);
  x = b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'valid' }, [x], b.uniqueName('max_pooling2d'));
  x = convBn(b, x, 80, [1, 1], { padding: 'valid' });
  x = convBn(b, x, 192, [3, 3], { padding: 'valid' });
  x = b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'valid' }, [x], b.uniqueName('max_pooling2d'));

  // 35×35: 256, 288, 288 channels.
  x = inceptionModuleA(b, x, { name: 'mixed0', poolProjection: 32 });
  x = inceptionModuleA(b, x, { name: 'mixed1', poolProjection: 64 });
  x = inceptionModuleA(b, x, { name: 'mixed2', poolProjection: 64 });

  // 17×17×768.
  x = gridReductionA(b, x, { name: 'mixed3' });
  x = inceptionModuleB(b, x, { name: 'mixed4', channels7x7: 128 });
  x = inceptionModuleB(b, x, { name: 'mixed5', channels7x7: 160 });
  x = inceptionModuleB(b, x, { name: 'mixed6', channels7x7: 160 });
  x = inceptionModuleB(b, x, { name: 'mixed7', channels7x7: 192 });

  // 8×8: 1280, then 2048.
  x = gridReductionB(b, x, { name: 'mixed8' });
  x = inceptionModuleC(b, x, { name: 'mixed9', index: 0 });
  x = inceptionModuleC(b, x, { name: 'mixed10', index: 1 });

  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'avg_pool');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}
