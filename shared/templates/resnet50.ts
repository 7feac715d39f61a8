import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';

export interface ResNet50Options {
  classes?: number;
  /** Square input side; 224 in Keras. */
  size?: number;
}

/** Keras's ResNet batch norms use epsilon 1.001e-5 (to match the original Caffe weights). */
const BN = { center: true, scale: true, epsilon: 1.001e-5, momentum: 0.99 };

/** Keras's Conv2D defaults to 'valid' padding (ours to 'same'), so padding is passed explicitly. */
function conv(
  b: GraphBuilder,
  x: NodeRef,
  name: string,
  filters: number,
  kernel: number,
  stride = 1,
  padding: 'same' | 'valid' = 'valid',
): NodeRef {
  return b.add(
    'Conv2D',
    {
      filters,
      kernelSize: [kernel, kernel],
      strides: [stride, stride],
      padding,
      useBias: true,
      activation: 'linear',
    },
    [x],
    name,
  );
}

/**
 * Keras's residual_block_v1 (bottleneck): 1×1 (stride here, as Keras v1 does) →
 * 3×3 → 1×1 ×4, each followed by BN; the shortcut is either the input or, in a
 * stage's first block, a strided 1×1 projection + BN. Convolutions keep their
 * biases in ResNet50, even before BN, exactly as Keras builds it.
 */
function bottleneck(
  b: GraphBuilder,
  x: NodeRef,
  filters: number,
  stride: number,
  projection: boolean,
  name: string,
): NodeRef {
  return b.group(name, 'resnet-bottleneck', () => {
    let shortcut = x;
    if (projection) {
      shortcut = conv(b, x, `${name}_0_conv`, 4 * filters, 1, stride);
      shortcut = b.add('BatchNorm', BN, [shortcut], `${name}_0_bn`);
    }
    let y = conv(b, x, `${name}_1_conv`, filters, 1, stride);
    y = b.add('BatchNorm', BN, [y], `${name}_1_bn`);
    y = b.add('Activation', { activation: 'relu' }, [y], `${name}_1_relu`);
    y = conv(b, y, `${name}_2_conv`, filters, 3, 1, 'same');
    y = b.add('BatchNorm', BN, [y], `${name}_2_bn`);
    y = b.add('Activation', { activation: 'relu' }, [y], `${name}_2_relu`);
    y = conv(b, y, `${name}_3_conv`, 4 * filters, 1);
    y = b.add('BatchNorm', BN, [y], `${name}_3_bn`);
    const sum = b.add('Add', {}, [shortcut, y], `${name}_add`);
    return b.add('Activation', { activation: 'relu' }, [sum], `${name}_out`);
  });
}

/** Stages conv2 … conv5: bottleneck width, blocks, stride of the first block. */
const STAGES: readonly (readonly [name: string, filters: number, blocks: number, stride: number])[] = [
  ['conv2', 64, 3, 1],
  ['conv3', 128, 4, 2],
  ['conv4', 256, 6, 2],
  ['conv5', 512, 3, 2],
];

/**
 * ResNet50 as keras.applications.ResNet50(include_top=True): 25,636,712 parameters
 * (53,120 non-trainable) at 224×224×3 with 1000 classes.
 */
export function buildResNet50({ classes = 1000, size = 224 }: ResNet50Options = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([size, size, 3]);

  // Stem: explicit padding + 'valid' 7×7/2 and 3×3/2, as Keras does: 224 → 112 → 56.
  x = b.add(
    'ZeroPadding2D',
    {
      padding: [
        [3, 3],
        [3, 3],
      ],
    },
    [x],
    'conv1_pad',
  );
  x = conv(b, x, 'conv1_conv', 64, 7, 2);
  x = b.add('BatchNorm', BN, [x], 'conv1_bn');
  x = b.add('Activation', { activation: 'relu' }, [x], 'conv1_relu');
  x = b.add(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    [x],
    'pool1_pad',
  );
  x = b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'valid' }, [x], 'pool1_pool');

  for (const [stage, filters, blocks, stride] of STAGES) {
    x = bottleneck(b, x, filters, stride, true, `${stage}_block1`);
    for (let i = 2; i <= blocks; i++) x = bottleneck(b, x, filters, 1, false, `${stage}_block${i}`);
  }

  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'avg_pool');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}
