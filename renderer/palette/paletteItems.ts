import { getLayerSpec } from '../../shared/layers';
import { getTemplate } from '../../shared/templates';

export type PaletteGroup =
  | 'Input'
  | 'Convolution'
  | 'Compression & reduction'
  | 'Pooling'
  | 'Merge'
  | 'Normalization & activation'
  | 'Head'
  | 'Modules';

export type PaletteItem = {
  id: string;
  label: string;
  description: string;
  group: PaletteGroup;
} & ({ kind: string; params: Record<string, unknown> } | { template: string });

const layer = (
  id: string,
  group: PaletteGroup,
  kind: string,
  params: Record<string, unknown> = {},
  label?: string,
  description?: string,
): PaletteItem => {
  const spec = getLayerSpec(kind);
  return {
    id,
    group,
    kind,
    params,
    label: label ?? spec?.label ?? kind,
    description: description ?? spec?.description ?? kind,
  };
};

const moduleItem = (templateId: string, label: string, group: PaletteGroup = 'Modules'): PaletteItem => ({
  id: `${group}:${templateId}`,
  group,
  template: templateId,
  label,
  description: `${getTemplate(templateId)?.description ?? label} Select the node that feeds it before adding, and it is connected.`,
});

/** What the palette offers, grouped by purpose; several entries are one kind with telling defaults. */
export const paletteItems: readonly PaletteItem[] = [
  layer('input', 'Input', 'Input', { shape: [32, 32, 3] }),
  layer('conv', 'Convolution', 'Conv2D', { filters: 64, kernelSize: [3, 3], activation: 'relu' }, 'Conv k×k'),
  layer(
    'conv-1xn',
    'Convolution',
    'Conv2D',
    { filters: 64, kernelSize: [1, 7], activation: 'relu' },
    'Conv 1×n',
    'A one-row convolution: paired with an n×1 it sees an n×n window for 2/n of the cost.',
  ),
  layer(
    'conv-nx1',
    'Convolution',
    'Conv2D',
    { filters: 64, kernelSize: [7, 1], activation: 'relu' },
    'Conv n×1',
    'A one-column convolution: the second half of an asymmetric n×n factorization.',
  ),
  layer('depthwise', 'Convolution', 'DepthwiseConv2D', { kernelSize: [3, 3] }),
  layer('separable', 'Convolution', 'SeparableConv2D', { filters: 64, kernelSize: [3, 3] }),
  layer('zero-padding', 'Convolution', 'ZeroPadding2D'),
  layer('compress', 'Compression & reduction', 'Compress1x1'),
  layer('strided', 'Compression & reduction', 'StridedReduction'),
  moduleItem('inception-reduction-a', 'Grid reduction (conv + pool)', 'Compression & reduction'),
  layer('maxpool', 'Pooling', 'MaxPool2D'),
  layer('avgpool', 'Pooling', 'AvgPool2D'),
  layer('concat', 'Merge', 'Concatenate'),
  layer('add', 'Merge', 'Add'),
  layer('batchnorm', 'Normalization & activation', 'BatchNorm'),
  layer('activation', 'Normalization & activation', 'Activation'),
  layer('gap', 'Head', 'GlobalAvgPool2D', {}, 'Global average pool'),
  layer('gmp', 'Head', 'GlobalMaxPool2D', {}, 'Global max pool'),
  layer('flatten', 'Head', 'Flatten'),
  layer('dense', 'Head', 'Dense', { units: 10 }),
  layer('dropout', 'Head', 'Dropout'),
  layer(
    'softmax',
    'Head',
    'Activation',
    { activation: 'softmax' },
    'Softmax',
    'Turns scores into class probabilities that sum to one.',
  ),
  layer('reshape', 'Head', 'Reshape', { targetShape: [-1] }),
  moduleItem('inception-a', 'Inception A'),
  moduleItem('inception-b', 'Inception B (1×n + n×1)'),
  moduleItem('inception-c', 'Inception C (filter bank)'),
  moduleItem('inception-reduction-a', 'Reduction A'),
  moduleItem('inception-reduction-b', 'Reduction B'),
];

export const paletteGroups: readonly PaletteGroup[] = [
  'Input',
  'Convolution',
  'Compression & reduction',
  'Pooling',
  'Merge',
  'Normalization & activation',
  'Head',
  'Modules',
];

export function findPaletteItem(id: string): PaletteItem | undefined {
  return paletteItems.find((item) => item.id === id);
}
