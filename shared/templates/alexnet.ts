import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';

/**
 * AlexNet as torchvision defines it (models/alexnet.py), the one-tower version of the 2012
 * paper (which split the convolutions over two GPUs, 60.9 M parameters): 61,100,840
 * parameters and 714,188,480 multiply-adds at 224×224×3. PyTorch's padding=2 becomes an
 * explicit zero padding; torchvision's adaptive 6×6 average pool is the identity at 224×224
 * (the grid is 6×6 already), so it is left out; its dropouts are kept.
 */
export function buildAlexNet({ classes = 1000 }: { classes?: number } = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([224, 224, 3]);
  const conv = (filters: number, k: number, stride: number, name: string) =>
    b.add(
      'Conv2D',
      { filters, kernelSize: [k, k], strides: [stride, stride], padding: 'valid', activation: 'relu' },
      [x],
      name,
    );
  const pad = (p: number, name: string) =>
    b.add(
      'ZeroPadding2D',
      {
        padding: [
          [p, p],
          [p, p],
        ],
      },
      [x],
      name,
    );
  const pool = (name: string) => b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'valid' }, [x], name);
  x = pad(2, 'pad1');
  x = conv(64, 11, 4, 'conv1');
  x = pool('pool1');
  x = pad(2, 'pad2');
  x = conv(192, 5, 1, 'conv2');
  x = pool('pool2');
  x = b.add('Conv2D', { filters: 384, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'conv3');
  x = b.add('Conv2D', { filters: 256, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'conv4');
  x = b.add('Conv2D', { filters: 256, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'conv5');
  x = pool('pool5');
  alexNetClassifier(b, x, classes);
  return b.build();
}

/** The classifier AlexNet and ZFNet share: flatten, two 4096-unit layers behind dropout 0.5, softmax. */
export function alexNetClassifier(b: GraphBuilder, features: NodeRef, classes: number): NodeRef {
  let x = b.add('Flatten', {}, [features], 'flatten');
  x = b.add('Dropout', { rate: 0.5 }, [x], 'drop6');
  x = b.add('Dense', { units: 4096, activation: 'relu' }, [x], 'fc6');
  x = b.add('Dropout', { rate: 0.5 }, [x], 'drop7');
  x = b.add('Dense', { units: 4096, activation: 'relu' }, [x], 'fc7');
  return b.add('Dense', { units: classes, activation: 'softmax' }, [x], 'predictions');
}
