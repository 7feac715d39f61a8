import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';
import { convBn, gridReductionA, inceptionModuleC } from './inceptionModules';

/**
 * Inception v3's unfactorized ancestor: the same network with 5×5 and 7×7
 * convolutions where Inception v3 has their factorized forms, for showing what the
 * factorizations save (docs/factorizations.md). Every layer's output shape and
 * receptive field equal Inception v3's:
 * - module A (mixed0–2): the double-3×3 branch is one 5×5 (1×1 64 → 5×5 96);
 * - module B (mixed4–7): 1×7 → 7×1 is one 7×7, and the four-conv branch two 7×7s;
 * - grid reduction B (mixed8): its 1×7 → 7×1 is one 7×7.
 * The stem, grid reduction A (whose 3×3 → 3×3/2 has no 5×5 of the same output size)
 * and the module-C filter banks are Inception v3's own.
 */

const A_UNFACTORIZED = 'inception-a-unfactorized';
const B_UNFACTORIZED = 'inception-b-unfactorized';
const REDUCTION_B_UNFACTORIZED = 'inception-reduction-b-unfactorized';

function avgPool3x3Same(b: GraphBuilder, x: NodeRef): NodeRef {
  return b.add(
    'AvgPool2D',
    { poolSize: [3, 3], strides: [1, 1], padding: 'same' },
    [x],
    b.uniqueName('average_pooling2d'),
  );
}

function maxPool3x3Stride2(b: GraphBuilder, x: NodeRef): NodeRef {
  return b.add(
    'MaxPool2D',
    { poolSize: [3, 3], strides: [2, 2], padding: 'valid' },
    [x],
    b.uniqueName('max_pooling2d'),
  );
}

const concat = (b: GraphBuilder, inputs: NodeRef[], name: string) => b.add('Concatenate', { axis: -1 }, inputs, name);

/** Module A with a 5×5 where Inception v3 stacks two 3×3s. */
function moduleA(b: GraphBuilder, x: NodeRef, name: string, poolProjection: number): NodeRef {
  return b.group(name, A_UNFACTORIZED, () => {
    const b1 = convBn(b, x, 64, [1, 1]);
    const b5 = convBn(b, convBn(b, x, 48, [1, 1]), 64, [5, 5]);
    const b5dbl = convBn(b, convBn(b, x, 64, [1, 1]), 96, [5, 5]);
    const pool = convBn(b, avgPool3x3Same(b, x), poolProjection, [1, 1]);
    return concat(b, [b1, b5, b5dbl, pool], name);
  });
}

/** Module B with 7×7s where Inception v3 has 1×7 / 7×1 pairs. */
function moduleB(b: GraphBuilder, x: NodeRef, name: string, c7: number): NodeRef {
  return b.group(name, B_UNFACTORIZED, () => {
    const b1 = convBn(b, x, 192, [1, 1]);
    const b7 = convBn(b, convBn(b, x, c7, [1, 1]), 192, [7, 7]);
    let b7dbl = convBn(b, x, c7, [1, 1]);
    b7dbl = convBn(b, b7dbl, c7, [7, 7]);
    b7dbl = convBn(b, b7dbl, 192, [7, 7]);
    const pool = convBn(b, avgPool3x3Same(b, x), 192, [1, 1]);
    return concat(b, [b1, b7, b7dbl, pool], name);
  });
}

/** Grid reduction B with a 7×7 where Inception v3 has 1×7 → 7×1. */
function reductionB(b: GraphBuilder, x: NodeRef, name: string): NodeRef {
  return b.group(name, REDUCTION_B_UNFACTORIZED, () => {
    const b3 = convBn(b, convBn(b, x, 192, [1, 1]), 320, [3, 3], { strides: [2, 2], padding: 'valid' });
    let b7 = convBn(b, x, 192, [1, 1]);
    b7 = convBn(b, b7, 192, [7, 7]);
    b7 = convBn(b, b7, 192, [3, 3], { strides: [2, 2], padding: 'valid' });
    return concat(b, [b3, b7, maxPool3x3Stride2(b, x)], name);
  });
}

export function buildInceptionV3Unfactorized({ classes = 1000, size = 299 } = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([size, size, 3]);

  // Stem exactly as Inception v3's (inceptionV3.ts).
  x = convBn(b, x, 32, [3, 3], { strides: [2, 2], padding: 'valid' });
  x = convBn(b, x, 32, [3, 3], { padding: 'valid' });
  x = convBn(b, x, 64, [3, 3]);
  x = maxPool3x3Stride2(b, x);
  x = convBn(b, x, 80, [1, 1], { padding: 'valid' });
  x = convBn(b, x, 192, [3, 3], { padding: 'valid' });
  x = maxPool3x3Stride2(b, x);

  x = moduleA(b, x, 'mixed0', 32);
  x = moduleA(b, x, 'mixed1', 64);
  x = moduleA(b, x, 'mixed2', 64);

  x = gridReductionA(b, x, { name: 'mixed3' });
  x = moduleB(b, x, 'mixed4', 128);
  x = moduleB(b, x, 'mixed5', 160);
  x = moduleB(b, x, 'mixed6', 160);
  x = moduleB(b, x, 'mixed7', 192);

  x = reductionB(b, x, 'mixed8');
  x = inceptionModuleC(b, x, { name: 'mixed9', index: 0 });
  x = inceptionModuleC(b, x, { name: 'mixed10', index: 1 });

  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'avg_pool');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}
