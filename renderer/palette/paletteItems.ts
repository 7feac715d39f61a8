import { getLayerSpec, type LayerKind } from '../../shared/layers';
import { getTemplate, templateText } from '../../shared/templates';

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
} & ({ kind: LayerKind; params: Record<string, unknown> } | { template: string });

/** One palette entry of a kind; label and description default to the spec's. */
export interface Offer {
  id: string;
  group: PaletteGroup;
  params?: Record<string, unknown>;
  label?: string;
  description?: string;
}

/**
 * What the palette offers of each kind: keyed by kind, so a kind added to the catalog and
 * not offered here fails the type check. Extra entries (one kind with telling defaults)
 * follow their kind's first.
 */
export const paletteOffers: Record<LayerKind, readonly [Offer, ...Offer[]]> = {
  Input: [{ id: 'input', group: 'Input', params: { shape: [32, 32, 3] } }],
  Rescaling: [{ id: 'rescaling', group: 'Input' }],
  Normalization: [{ id: 'normalization', group: 'Input' }],
  Conv2D: [
    {
      id: 'conv',
      group: 'Convolution',
      params: { filters: 64, kernelSize: [3, 3], activation: 'relu' },
      label: 'Conv k×k',
    },
    {
      id: 'conv-1xn',
      group: 'Convolution',
      params: { filters: 64, kernelSize: [1, 7], activation: 'relu' },
      label: 'Conv 1×n',
      description: 'A one-row convolution: paired with an n×1 it sees an n×n window for 2/n of the cost.',
    },
    {
      id: 'conv-nx1',
      group: 'Convolution',
      params: { filters: 64, kernelSize: [7, 1], activation: 'relu' },
      label: 'Conv n×1',
      description: 'A one-column convolution: the second half of an asymmetric n×n factorization.',
    },
  ],
  DepthwiseConv2D: [{ id: 'depthwise', group: 'Convolution', params: { kernelSize: [3, 3] } }],
  SeparableConv2D: [{ id: 'separable', group: 'Convolution', params: { filters: 64, kernelSize: [3, 3] } }],
  Conv2DTranspose: [
    {
      id: 'deconv',
      group: 'Convolution',
      params: { filters: 32, kernelSize: [3, 3], strides: [2, 2], activation: 'relu' },
    },
  ],
  ZeroPadding2D: [{ id: 'zero-padding', group: 'Convolution' }],
  Cropping2D: [
    {
      id: 'cropping',
      group: 'Convolution',
      params: {
        cropping: [
          [0, 1],
          [0, 1],
        ],
      },
    },
  ],
  UpSampling2D: [{ id: 'upsampling', group: 'Convolution' }],
  Compress1x1: [{ id: 'compress', group: 'Compression & reduction' }],
  StridedReduction: [{ id: 'strided', group: 'Compression & reduction' }],
  MaxPool2D: [{ id: 'maxpool', group: 'Pooling' }],
  AvgPool2D: [{ id: 'avgpool', group: 'Pooling' }],
  Concatenate: [{ id: 'concat', group: 'Merge' }],
  Add: [{ id: 'add', group: 'Merge' }],
  Multiply: [{ id: 'multiply', group: 'Merge' }],
  Subtract: [{ id: 'subtract', group: 'Merge' }],
  Average: [{ id: 'average', group: 'Merge' }],
  Maximum: [{ id: 'maximum', group: 'Merge' }],
  Minimum: [{ id: 'minimum', group: 'Merge' }],
  BatchNorm: [{ id: 'batchnorm', group: 'Normalization & activation' }],
  LayerNormalization: [{ id: 'layernorm', group: 'Normalization & activation' }],
  ReLU: [{ id: 'relu', group: 'Normalization & activation', params: { maxValue: 6 }, label: 'ReLU (capped)' }],
  LeakyReLU: [{ id: 'leaky-relu', group: 'Normalization & activation' }],
  PReLU: [{ id: 'prelu', group: 'Normalization & activation', params: { sharedAxes: [1, 2] } }],
  ELU: [{ id: 'elu', group: 'Normalization & activation' }],
  GlobalAvgPool2D: [
    { id: 'gap', group: 'Head', label: 'Global average pool' },
    {
      id: 'gap-keepdims',
      group: 'Pooling',
      params: { keepDims: true },
      label: 'Global average pool (1×1)',
      description: 'Averages each channel to a 1×1×C map, the squeeze of squeeze-and-excitation.',
    },
  ],
  GlobalMaxPool2D: [{ id: 'gmp', group: 'Head', label: 'Global max pool' }],
  Flatten: [{ id: 'flatten', group: 'Head' }],
  Dense: [{ id: 'dense', group: 'Head', params: { units: 10 } }],
  Activation: [
    { id: 'activation', group: 'Normalization & activation' },
    {
      id: 'softmax',
      group: 'Head',
      params: { activation: 'softmax' },
      label: 'Softmax',
      description: 'Turns scores into class probabilities that sum to one.',
    },
  ],
  Dropout: [{ id: 'dropout', group: 'Head' }],
  Reshape: [{ id: 'reshape', group: 'Head', params: { targetShape: [-1] } }],
  Permute: [{ id: 'permute', group: 'Head', params: { dims: [2, 1, 3] } }],
};

const layerItem = (kind: LayerKind, offer: Offer): PaletteItem => {
  const spec = getLayerSpec(kind);
  return {
    id: offer.id,
    group: offer.group,
    kind,
    params: offer.params ?? {},
    label: offer.label ?? spec?.label ?? kind,
    description: offer.description ?? spec?.description ?? kind,
  };
};

// English until the palette follows the language (its items are made once, at load).
const templateDescription = (id: string) => {
  const template = getTemplate(id);
  return template && templateText(template, 'en').description;
};

const moduleItem = (templateId: string, label: string, group: PaletteGroup = 'Modules'): PaletteItem => ({
  id: `${group}:${templateId}`,
  group,
  template: templateId,
  label,
  description: `${templateDescription(templateId) ?? label} Select the node that feeds it before adding, and it is connected.`,
});

const modules: readonly PaletteItem[] = [
  moduleItem('inception-reduction-a', 'Grid reduction (conv + pool)', 'Compression & reduction'),
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

/** What the palette offers, grouped by purpose: each group's layers in paletteOffers order, then its modules. */
export const paletteItems: readonly PaletteItem[] = (() => {
  // The table's own order is the palette's (Softmax, an Activation, sits after Dense in Head).
  const kinds = Object.keys(paletteOffers) as LayerKind[];
  const layers = kinds.flatMap((kind) => paletteOffers[kind].map((offer) => layerItem(kind, offer)));
  const all = [...layers, ...modules];
  return paletteGroups.flatMap((group) => all.filter((item) => item.group === group));
})();

export function findPaletteItem(id: string): PaletteItem | undefined {
  return paletteItems.find((item) => item.id === id);
}
