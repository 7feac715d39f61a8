import { GraphBuilder } from '../graph/builder';
import type { Graph } from '../graph/types';
import { alexNetClassifier } from './alexnet';

/**
 * ZFNet (Zeiler & Fergus 2013, the paper's Figure 3): AlexNet with a 7×7/2 first
 * convolution (not 11×11/4), a 5×5/2 second one, and 384, 384, 256 filters in layers
 * 3–5, on one GPU. torchvision has no ZFNet. The figure's sizes fix the padding:
 * 224 → 110 (7×7/2 with 1 pixel of padding) → 55 (3×3/2 pool, rounding up) → 26 (5×5/2,
 * none) → 13 (pool, rounding up) → 13 → 13 → 13 → 6 (pool) → 6·6·256 = 9216 features.
 * Keras's 'same' pools round up like PyTorch's ceil_mode. Left out, since they have no
 * weights: the contrast normalisation after the first two pools. 62,357,608 parameters,
 * 1,168,032,896 multiply-adds at 224×224×3.
 */
export function buildZfNet({ classes = 1000 }: { classes?: number } = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([224, 224, 3]);
  const conv = (filters: number, k: number, stride: number, padding: 'same' | 'valid', name: string) =>
    b.add('Conv2D', { filters, kernelSize: [k, k], strides: [stride, stride], padding, activation: 'relu' }, [x], name);
  const pool = (padding: 'same' | 'valid', name: string) =>
    b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding }, [x], name);
  x = b.add(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    [x],
    'pad1',
  );
  x = conv(96, 7, 2, 'valid', 'conv1');
  x = pool('same', 'pool1');
  x = conv(256, 5, 2, 'valid', 'conv2');
  x = pool('same', 'pool2');
  x = conv(384, 3, 1, 'same', 'conv3');
  x = conv(384, 3, 1, 'same', 'conv4');
  x = conv(256, 3, 1, 'same', 'conv5');
  x = pool('valid', 'pool5');
  alexNetClassifier(b, x, classes);
  return b.build();
}
