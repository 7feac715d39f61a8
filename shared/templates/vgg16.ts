import { GraphBuilder } from '../graph/builder';
import type { Graph } from '../graph/types';

export interface Vgg16Options {
  classes?: number;
  /** Square input side; 224 in Keras and in the reference figures. */
  size?: number;
  /** 16 or 19 weight layers: VGG19 has four convolutions in each of the last three blocks. */
  depth?: 16 | 19;
}

/** Filters per block, as in Keras Applications' vgg16.py and vgg19.py. */
const FILTERS = [64, 128, 256, 512, 512] as const;
/** Convolutions per block. */
const CONVS = { 16: [2, 2, 3, 3, 3], 19: [2, 2, 4, 4, 4] } as const;

/**
 * VGG16 as keras.applications.VGG16(include_top=True): 3×3 'same' convolutions with
 * bias and ReLU, a 2×2 max pool closing each block, then Flatten and three dense
 * layers. 138,357,544 parameters and 15,470,264,320 multiply-adds at 224×224×3;
 * fc1 alone holds 102.8 M of those parameters (7·7·512·4096). With depth 19, VGG19:
 * 143,667,240 parameters and 19,632,062,464 multiply-adds.
 */
export function buildVgg16({ classes = 1000, size = 224, depth = 16 }: Vgg16Options = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([size, size, 3]);
  FILTERS.forEach((filters, i) => {
    const convs = CONVS[depth][i]!;
    const block = `block${i + 1}`;
    x = b.group(block, 'vgg-block', () => {
      let y = x;
      for (let c = 1; c <= convs; c++) {
        y = b.add(
          'Conv2D',
          { filters, kernelSize: [3, 3], strides: [1, 1], padding: 'same', useBias: true, activation: 'relu' },
          [y],
          `${block}_conv${c}`,
        );
      }
      return b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }, [y], `${block}_pool`);
    });
  });
  x = b.add('Flatten', {}, [x], 'flatten');
  x = b.add('Dense', { units: 4096, useBias: true, activation: 'relu' }, [x], 'fc1');
  x = b.add('Dense', { units: 4096, useBias: true, activation: 'relu' }, [x], 'fc2');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}
