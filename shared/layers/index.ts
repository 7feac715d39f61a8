/** The layer catalog's public surface: import from 'shared/layers', not from the per-kind files. */
export { type ActivationParams, activationSpec } from './activation';
export { type AddParams, addSpec } from './add';
export { averageSpec } from './average';
export { avgPool2dSpec } from './avgPool2d';
export { type BatchNormParams, batchNormSpec } from './batchNorm';
export { ACTIVATIONS, type ActivationName, describeValue, PADDINGS, type PadPair } from './common';
export { type Compress1x1Params, compress1x1AsConv2D, compress1x1Spec } from './compress1x1';
export { type ConcatenateParams, concatenateSpec } from './concatenate';
export { type Conv2DParams, conv2dSpec } from './conv2d';
export { type Conv2DTransposeParams, conv2dTransposeSpec } from './conv2dTranspose';
export type { ConvParams } from './convBase';
export { type Cropping2DParams, cropping2dSpec } from './cropping2d';
export { type DenseParams, denseSpec } from './dense';
export { type DepthwiseConv2DParams, depthwiseConv2dSpec } from './depthwiseConv2d';
export { type DropoutParams, dropoutSpec } from './dropout';
export type { ElementwiseParams } from './elementwise';
export { type ELUParams, eluSpec } from './elu';
export { type FlattenParams, flattenSpec } from './flatten';
export { globalAvgPool2dSpec } from './globalAvgPool2d';
export { globalMaxPool2dSpec } from './globalMaxPool2d';
export type { GlobalPool2DParams } from './globalPooling';
export { type InputParams, inputSpec } from './input';
export { type LayerNormalizationParams, layerNormalizationSpec } from './layerNormalization';
export { type LeakyReLUParams, leakyReluSpec } from './leakyRelu';
export { maximumSpec } from './maximum';
export { maxPool2dSpec } from './maxPool2d';
export { minimumSpec } from './minimum';
export { multiplySpec } from './multiply';
export { type NormalizationParams, normalizationSpec } from './normalization';
export { type PermuteParams, permuteSpec } from './permute';
export type { Pool2DParams } from './pooling';
export { type PReLUParams, preluAlphaShape, preluSpec } from './prelu';
export {
  type AnyLayerSpec,
  getLayerSpec,
  isLayerKind,
  type LayerKind,
  layerKinds,
  layerSpecs,
  type ParamsOf,
  type ParamsResult,
  validateParams,
  validateWithSpec,
} from './registry';
export { type ReLUParams, reluSpec } from './relu';
export { isUniform, type RescalingParams, rescalingSpec, rescalingValues } from './rescaling';
export { type ReshapeParams, reshapeSpec } from './reshape';
export { type SeparableConv2DParams, separableConv2dSpec } from './separableConv2d';
export {
  dilatedSize,
  formatPair,
  formatShape,
  type Padding,
  type Pair,
  product,
  transposedOutputLength,
  windowOutput,
  windowOutputLength,
} from './shapeMath';
export { LayerError, type LayerSpec, type PaletteCategory, type ParamCount, type RfStep } from './spec';
export {
  type StridedReductionEquivalent,
  type StridedReductionParams,
  stridedReductionEquivalent,
  stridedReductionSpec,
} from './stridedReduction';
export { type ZeroPadding2DParams, zeroPadding2dSpec } from './zeroPadding2d';
