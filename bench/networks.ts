import { GraphBuilder } from '../shared/graph/builder';
import type { Graph } from '../shared/graph/types';
import { getTemplate } from '../shared/templates';

/**
 * The networks the training benchmarks compare: the small Inception template, and the probe
 * network of the GPU/all-cores issue (three 3×3 convolutions with batch norm, then a dense head,
 * at 32×32×3). ResNet-50 at 224×224 only on a real GPU (bench/gpu.sh).
 */
export type BenchNetwork = 'small-inception' | 'three-conv-bn' | 'resnet50';

export function threeConvBn(): Graph {
  const b = new GraphBuilder();
  let x = b.input([32, 32, 3]);
  for (const filters of [32, 64, 128]) {
    x = b.add('Conv2D', { filters, kernelSize: [3, 3], padding: 'same', useBias: false }, [x]);
    x = b.add('BatchNorm', {}, [x]);
    x = b.add('Activation', { activation: 'relu' }, [x]);
    x = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [x]);
  }
  x = b.add('Flatten', {}, [x]);
  b.add('Dense', { units: 10, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

export function benchNetwork(name: BenchNetwork): Graph {
  if (name === 'three-conv-bn') return threeConvBn();
  return getTemplate(name)!.build();
}

export const benchNetworkLabels: Record<BenchNetwork, string> = {
  'small-inception': 'small Inception, 32×32×3',
  'three-conv-bn': 'three conv + BN, 32×32×3',
  resnet50: 'ResNet-50, 224×224×3',
};
