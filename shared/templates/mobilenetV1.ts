import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';

export interface MobileNetV1Options {
  classes?: number;
  /** Square input side; 224 in Keras and in the reference figures. */
  size?: number;
  /** Keras's dropout before the classifier. */
  dropout?: number;
}

/** Pointwise filters and stride of depthwise-separable blocks 1 … 13 (alpha = 1). */
const BLOCKS: readonly (readonly [filters: number, stride: 1 | 2])[] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

const BN = { center: true, scale: true, epsilon: 0.001, momentum: 0.99 };

/** Keras's ((0, 1), (0, 1)): one row below and one column right. Fresh arrays per node, so no two nodes share params. */
const padBottomRight = () => [
  [0, 1],
  [0, 1],
];

/**
 * Keras's _depthwise_conv_block: 3×3 depthwise → BN → ReLU6 → 1×1 pointwise → BN →
 * ReLU6, no biases (BN's beta replaces them). A stride-2 block pads bottom/right by
 * one and uses a 'valid' depthwise, as Keras does to match TensorFlow's original
 * checkpoints; output size is the same as 'same' padding would give.
 */
function depthwiseSeparableBlock(b: GraphBuilder, x: NodeRef, filters: number, stride: 1 | 2, id: number): NodeRef {
  return b.group(`dw_block_${id}`, 'mobilenet-dw-block', () => {
    let y = x;
    if (stride === 2) {
      y = b.add('ZeroPadding2D', { padding: padBottomRight() }, [y], `conv_pad_${id}`);
    }
    y = b.add(
      'DepthwiseConv2D',
      {
        kernelSize: [3, 3],
        strides: [stride, stride],
        padding: stride === 1 ? 'same' : 'valid',
        depthMultiplier: 1,
        useBias: false,
        activation: 'linear',
      },
      [y],
      `conv_dw_${id}`,
    );
    y = b.add('BatchNorm', BN, [y], `conv_dw_${id}_bn`);
    y = b.add('Activation', { activation: 'relu6' }, [y], `conv_dw_${id}_relu`);
    y = b.add(
      'Conv2D',
      { filters, kernelSize: [1, 1], strides: [1, 1], padding: 'same', useBias: false, activation: 'linear' },
      [y],
      `conv_pw_${id}`,
    );
    y = b.add('BatchNorm', BN, [y], `conv_pw_${id}_bn`);
    return b.add('Activation', { activation: 'relu6' }, [y], `conv_pw_${id}_relu`);
  });
}

/**
 * MobileNet v1 (alpha 1, depth multiplier 1) as tf.keras.applications.MobileNet
 * (include_top=True): 4,253,864 parameters (21,888 non-trainable: BN moving mean and
 * variance) and 568,740,352 multiply-adds at 224×224×3. The classifier is a 1×1
 * convolution on the pooled 1×1×1024 map, hence the Reshape on either side of it.
 */
export function buildMobileNetV1({ classes = 1000, size = 224, dropout = 1e-3 }: MobileNetV1Options = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([size, size, 3]);

  // tf.keras pads this first stride-2 convolution with 'same' (224 → 112).
  x = b.add(
    'Conv2D',
    { filters: 32, kernelSize: [3, 3], strides: [2, 2], padding: 'same', useBias: false, activation: 'linear' },
    [x],
    'conv1',
  );
  x = b.add('BatchNorm', BN, [x], 'conv1_bn');
  x = b.add('Activation', { activation: 'relu6' }, [x], 'conv1_relu');

  BLOCKS.forEach(([filters, stride], i) => {
    x = depthwiseSeparableBlock(b, x, filters, stride, i + 1);
  });

  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'global_average_pooling2d');
  x = b.add('Reshape', { targetShape: [1, 1, 1024] }, [x], 'reshape_1');
  x = b.add('Dropout', { rate: dropout }, [x], 'dropout');
  x = b.add(
    'Conv2D',
    { filters: classes, kernelSize: [1, 1], strides: [1, 1], padding: 'same', useBias: true, activation: 'linear' },
    [x],
    'conv_preds',
  );
  x = b.add('Reshape', { targetShape: [classes] }, [x], 'reshape_2');
  b.add('Activation', { activation: 'softmax' }, [x], 'predictions');
  return b.build();
}
