import { type Catalogue, catalogues, type Language, layerText, translator } from '../../shared/i18n';
import type { LayerKind } from '../../shared/layers';
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

type OfferTexts = Catalogue['layers']['offers'];

/** One palette entry of a kind; its own texts (layers.offers) or else the kind's (layers.label, layers.description). */
export interface Offer {
  id: string;
  group: PaletteGroup;
  params?: Record<string, unknown>;
  text?: keyof OfferTexts;
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
      text: 'conv',
    },
    {
      id: 'conv-1xn',
      group: 'Convolution',
      params: { filters: 64, kernelSize: [1, 7], activation: 'relu' },
      text: 'convRow',
    },
    {
      id: 'conv-nx1',
      group: 'Convolution',
      params: { filters: 64, kernelSize: [7, 1], activation: 'relu' },
      text: 'convColumn',
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
  ReLU: [{ id: 'relu', group: 'Normalization & activation', params: { maxValue: 6 }, text: 'reluCapped' }],
  LeakyReLU: [{ id: 'leaky-relu', group: 'Normalization & activation' }],
  PReLU: [{ id: 'prelu', group: 'Normalization & activation', params: { sharedAxes: [1, 2] } }],
  ELU: [{ id: 'elu', group: 'Normalization & activation' }],
  GlobalAvgPool2D: [
    { id: 'gap', group: 'Head', text: 'gap' },
    {
      id: 'gap-keepdims',
      group: 'Pooling',
      params: { keepDims: true },
      text: 'gapKeepDims',
    },
  ],
  GlobalMaxPool2D: [{ id: 'gmp', group: 'Head', text: 'gmp' }],
  Flatten: [{ id: 'flatten', group: 'Head' }],
  Dense: [{ id: 'dense', group: 'Head', params: { units: 10 } }],
  Activation: [
    { id: 'activation', group: 'Normalization & activation' },
    {
      id: 'softmax',
      group: 'Head',
      params: { activation: 'softmax' },
      text: 'softmax',
    },
  ],
  Dropout: [{ id: 'dropout', group: 'Head' }],
  Reshape: [{ id: 'reshape', group: 'Head', params: { targetShape: [-1] } }],
  Permute: [{ id: 'permute', group: 'Head', params: { dims: [2, 1, 3] } }],
};

const layerItem = (kind: LayerKind, offer: Offer, language: Language): PaletteItem => {
  const own: { label: string; description?: string } | undefined = offer.text
    ? catalogues[language].layers.offers[offer.text]
    : undefined;
  const kindText = layerText(kind, language);
  return {
    id: offer.id,
    group: offer.group,
    kind,
    params: offer.params ?? {},
    label: own?.label ?? kindText.label,
    description: own?.description ?? kindText.description,
  };
};

type ModuleKey = Exclude<keyof Catalogue['layers']['modules'], 'connect'>;

const modules: readonly { template: string; text: ModuleKey; group: PaletteGroup }[] = [
  { template: 'inception-reduction-a', text: 'gridReduction', group: 'Compression & reduction' },
  { template: 'inception-a', text: 'inceptionA', group: 'Modules' },
  { template: 'inception-b', text: 'inceptionB', group: 'Modules' },
  { template: 'inception-c', text: 'inceptionC', group: 'Modules' },
  { template: 'inception-reduction-a', text: 'reductionA', group: 'Modules' },
  { template: 'inception-reduction-b', text: 'reductionB', group: 'Modules' },
];

const moduleDescription = (id: string, language: Language) => {
  const template = getTemplate(id);
  return template && templateText(template, language).description;
};

const moduleItem = (m: (typeof modules)[number], language: Language): PaletteItem => {
  const { t } = translator('layers', language);
  const label = t(`modules.${m.text}`);
  return {
    id: `${m.group}:${m.template}`,
    group: m.group,
    template: m.template,
    label,
    description: t('modules.connect', { description: moduleDescription(m.template, language) ?? label }),
  };
};

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

const made = new Map<Language, readonly PaletteItem[]>();

/**
 * What the palette offers, grouped by purpose: each group's layers in paletteOffers order, then
 * its modules; labels and tooltips in `language`. The same ids, kinds and params in every language.
 */
export function paletteItemsIn(language: Language): readonly PaletteItem[] {
  let items = made.get(language);
  if (!items) {
    // The table's own order is the palette's (Softmax, an Activation, sits after Dense in Head).
    const kinds = Object.keys(paletteOffers) as LayerKind[];
    const layers = kinds.flatMap((kind) => paletteOffers[kind].map((offer) => layerItem(kind, offer, language)));
    const all = [...layers, ...modules.map((m) => moduleItem(m, language))];
    items = paletteGroups.flatMap((group) => all.filter((item) => item.group === group));
    made.set(language, items);
  }
  return items;
}

/** The palette in English. */
export const paletteItems: readonly PaletteItem[] = paletteItemsIn('en');

/** What a search looks in: the item's shown texts, its English ones and its kind. */
const searchText = (shown: PaletteItem, english: PaletteItem) =>
  `${shown.label} ${shown.description} ${english.label} ${english.description} ${'kind' in shown ? shown.kind : ''}`.toLowerCase();

/**
 * The items in `language` that match a search, all of them for an empty one. A layer is found
 * by its shown or its English name and description: lecture notes and slides use both.
 */
export function searchPalette(query: string, language: Language): readonly PaletteItem[] {
  const items = paletteItemsIn(language);
  const q = query.trim().toLowerCase();
  return q ? items.filter((item, i) => searchText(item, paletteItems[i]!).includes(q)) : items;
}

export function findPaletteItem(id: string): PaletteItem | undefined {
  return paletteItems.find((item) => item.id === id);
}
