import type { LayerKind } from '../layers';

/**
 * Each layer kind's name and one-sentence description (palette tooltip, inspector) in
 * English, keyed by kind so a kind added to the catalog without its texts fails the type
 * check. Keras class names stay as they are in every language.
 */
export const layersEn = {
  label: {
    Input: 'Input',
    Conv2D: 'Conv2D',
    DepthwiseConv2D: 'Depthwise Conv2D',
    SeparableConv2D: 'Separable Conv2D',
    Conv2DTranspose: 'Conv2D transpose',
    ZeroPadding2D: 'Zero padding',
    Cropping2D: 'Cropping',
    UpSampling2D: 'Upsampling',
    Compress1x1: '1×1 compression',
    StridedReduction: 'Strided reduction',
    MaxPool2D: 'Max pooling',
    AvgPool2D: 'Average pooling',
    GlobalAvgPool2D: 'Global average pooling',
    GlobalMaxPool2D: 'Global max pooling',
    Concatenate: 'Concatenate',
    Add: 'Add',
    Multiply: 'Multiply',
    Subtract: 'Subtract',
    Average: 'Average',
    Maximum: 'Maximum',
    Minimum: 'Minimum',
    BatchNorm: 'Batch norm',
    LayerNormalization: 'Layer norm',
    Activation: 'Activation',
    ReLU: 'ReLU',
    LeakyReLU: 'Leaky ReLU',
    PReLU: 'PReLU',
    ELU: 'ELU',
    Rescaling: 'Rescaling',
    Normalization: 'Normalization',
    Dropout: 'Dropout',
    Flatten: 'Flatten',
    Reshape: 'Reshape',
    Permute: 'Permute',
    Dense: 'Dense',
  },
  description: {
    Input: 'Where data enters: an image [height, width, channels] or a vector [length], batch excluded.',
    Conv2D: 'Slides learned kh×kw filters over the image; any kernel shape, including 1×n and n×1.',
    DepthwiseConv2D:
      'Filters every channel on its own (no channel mixing): the cheap spatial half of a separable conv.',
    SeparableConv2D: 'A depthwise conv followed by a 1×1 conv: most of a Conv2D’s reach for a fraction of its cost.',
    Conv2DTranspose: 'Learned upsampling: each input pixel spreads a kh×kw filter over a strides-times larger output.',
    ZeroPadding2D: 'Adds rows and columns of zeros around the image, e.g. before a strided ‘valid’ conv.',
    Cropping2D: 'Cuts rows and columns off the edges of the image, e.g. to align two branches; no weights.',
    UpSampling2D: 'Enlarges the image by whole factors, repeating or interpolating pixels; no weights.',
    Compress1x1: 'A 1×1 conv that cuts the channel count (by a ratio or to a number) before an expensive conv.',
    StridedReduction: 'Shrinks height and width with a strided conv or pool, as Inception does between stages.',
    MaxPool2D: 'Keeps the largest value in each window: shrinks the image and keeps the strongest responses.',
    AvgPool2D: 'Averages each window: shrinks the image smoothly without learned weights.',
    GlobalAvgPool2D: 'Averages each channel over the whole image: one number per channel, no weights.',
    GlobalMaxPool2D: 'Takes the largest value of each channel over the whole image: one number per channel.',
    Concatenate: 'Stacks its inputs along one axis (channels by default), as Inception joins its branches.',
    Add: 'Adds its inputs element by element, as a residual (skip) connection does; shapes must match.',
    Multiply:
      'Multiplies its inputs element by element, e.g. a feature map by its channel weights in squeeze-and-excitation.',
    Subtract: 'Subtracts its second input from its first, element by element.',
    Average: 'Averages its inputs element by element.',
    Maximum: 'Keeps the largest of its inputs at each position.',
    Minimum: 'Keeps the smallest of its inputs at each position.',
    BatchNorm: 'Normalizes each channel over the batch, then rescales it: steadier, faster training.',
    LayerNormalization: 'Normalizes each position over its channels, then rescales; independent of the batch.',
    Activation: 'Applies a nonlinearity such as ReLU element by element; no weights, shape unchanged.',
    ReLU: 'Rectifier with options: a cap (6 gives ReLU6), a slope below zero and a threshold; no weights.',
    LeakyReLU: 'ReLU that lets a small slope of the negative values through; no weights.',
    PReLU: 'Leaky ReLU with learned slopes below zero: one per value, or per channel with shared axes.',
    ELU: 'Exponential linear unit: x above zero, a smooth curve down to −alpha below; no weights.',
    Rescaling: 'Multiplies every value by a scale and adds an offset, e.g. pixels 0…255 to 0…1; no weights.',
    Normalization: 'Subtracts a per-channel mean and divides by the standard deviation, as data preprocessing.',
    Dropout: 'While training, zeroes a random fraction of values to fight overfitting; does nothing at inference.',
    Flatten: 'Unrolls an image into one long vector, e.g. before a Dense layer.',
    Reshape: 'Rearranges the same values into a new shape; one axis may be -1 to take whatever is left.',
    Permute: 'Reorders the axes, e.g. swaps height and width; the values are the same.',
    Dense: 'Fully connected: every output unit weighs every value of the last axis.',
  },
  /** A layer Netwright cannot represent (an imported model's). */
  unsupported: {
    label: 'Unsupported layer',
    description: 'A layer Netwright cannot represent, kept with its output shape so the rest is analysed.',
  },
  /** The palette's extra offers of a kind (by offer id) and its modules. */
  offers: {
    conv: { label: 'Conv k×k' },
    convRow: {
      label: 'Conv 1×n',
      description: 'A one-row convolution: paired with an n×1 it sees an n×n window for 2/n of the cost.',
    },
    convColumn: {
      label: 'Conv n×1',
      description: 'A one-column convolution: the second half of an asymmetric n×n factorization.',
    },
    reluCapped: { label: 'ReLU (capped)' },
    gap: { label: 'Global average pool' },
    gapKeepDims: {
      label: 'Global average pool (1×1)',
      description: 'Averages each channel to a 1×1×C map, the squeeze of squeeze-and-excitation.',
    },
    gmp: { label: 'Global max pool' },
    softmax: { label: 'Softmax', description: 'Turns scores into class probabilities that sum to one.' },
  },
  modules: {
    gridReduction: 'Grid reduction (conv + pool)',
    inceptionA: 'Inception A',
    inceptionB: 'Inception B (1×n + n×1)',
    inceptionC: 'Inception C (filter bank)',
    reductionA: 'Reduction A',
    reductionB: 'Reduction B',
    connect: '{{description}} Select the node that feeds it before adding, and it is connected.',
  },
} as const satisfies {
  label: Record<LayerKind, string>;
  description: Record<LayerKind, string>;
  unsupported: { label: string; description: string };
  offers: Record<string, { label: string; description?: string }>;
  modules: Record<string, string>;
};
