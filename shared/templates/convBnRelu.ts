import type { GraphBuilder, NodeRef } from '../graph/builder';

export interface ConvBnReluOptions {
  strides?: [number, number];
  padding?: 'same' | 'valid';
}

/**
 * PyTorch's conv → batch norm → ReLU block (torchvision's BasicConv2d): a convolution
 * without bias (beta makes it redundant), a batch norm with gamma and beta, then ReLU.
 * Momentum 0.9 in Keras's sense is PyTorch's default momentum of 0.1; epsilon is
 * torchvision GoogLeNet's 0.001. Nodes: `name`, `name_bn`, `name_relu`.
 */
export function convBnRelu(
  b: GraphBuilder,
  x: NodeRef,
  name: string,
  filters: number,
  k: number,
  { strides = [1, 1], padding = 'same' }: ConvBnReluOptions = {},
): NodeRef {
  const conv = b.add(
    'Conv2D',
    { filters, kernelSize: [k, k], strides: [...strides], padding, useBias: false, activation: 'linear' },
    [x],
    name,
  );
  const bn = b.add('BatchNorm', { center: true, scale: true, epsilon: 0.001, momentum: 0.9 }, [conv], `${name}_bn`);
  return b.add('Activation', { activation: 'relu' }, [bn], `${name}_relu`);
}
