import type { Shape } from '../graph/types';
import {
  type ActivationName,
  type ActivationParams,
  type BatchNormParams,
  type Compress1x1Params,
  type ConcatenateParams,
  type Conv2DParams,
  compress1x1AsConv2D,
  type DenseParams,
  type DepthwiseConv2DParams,
  type DropoutParams,
  type GlobalPool2DParams,
  type InputParams,
  type Pool2DParams,
  type ReshapeParams,
  type SeparableConv2DParams,
  type StridedReductionParams,
  stridedReductionEquivalent,
  type ZeroPadding2DParams,
} from '../layers';

/**
 * A node as the layer an exporter writes: the two convenience kinds (Compress1x1,
 * StridedReduction) become the plain Conv2D or pool they stand for, through the same
 * functions the analysis and the TF.js compiler use, so the three cannot disagree.
 */
export type PlainLayer =
  | { kind: 'Input'; params: InputParams }
  | { kind: 'Conv2D'; params: Conv2DParams }
  | { kind: 'DepthwiseConv2D'; params: DepthwiseConv2DParams }
  | { kind: 'SeparableConv2D'; params: SeparableConv2DParams }
  | { kind: 'ZeroPadding2D'; params: ZeroPadding2DParams }
  | { kind: 'MaxPool2D' | 'AvgPool2D'; params: Pool2DParams }
  | { kind: 'GlobalAvgPool2D' | 'GlobalMaxPool2D'; params: GlobalPool2DParams }
  | { kind: 'Concatenate'; params: ConcatenateParams }
  | { kind: 'Add'; params: Record<string, never> }
  | { kind: 'BatchNorm'; params: BatchNormParams }
  | { kind: 'Activation'; params: ActivationParams }
  | { kind: 'Dropout'; params: DropoutParams }
  | { kind: 'Flatten'; params: Record<string, never> }
  | { kind: 'Reshape'; params: ReshapeParams }
  | { kind: 'Dense'; params: DenseParams };

export type PlainKind = PlainLayer['kind'];

const plainKinds: ReadonlySet<string> = new Set<PlainKind>([
  'Input',
  'Conv2D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'ZeroPadding2D',
  'MaxPool2D',
  'AvgPool2D',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
  'Concatenate',
  'Add',
  'BatchNorm',
  'Activation',
  'Dropout',
  'Flatten',
  'Reshape',
  'Dense',
]);

/** Thrown for a layer kind an exporter does not know: a new kind was added to the catalog. */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** `params` are the analysis's validated params (defaults filled); `inputShapes` its input shapes. */
export function plainLayer(kind: string, params: Record<string, unknown>, inputShapes: readonly Shape[]): PlainLayer {
  if (kind === 'Compress1x1') {
    return { kind: 'Conv2D', params: compress1x1AsConv2D(inputShapes[0]!, params as Compress1x1Params) };
  }
  if (kind === 'StridedReduction') {
    return stridedReductionEquivalent(inputShapes[0]!, params as StridedReductionParams);
  }
  if (!plainKinds.has(kind)) throw new ExportError(`Export does not support layer kind "${kind}" yet`);
  return { kind, params } as PlainLayer;
}

/** The fused activation of a layer that has one (convs, Dense), else null. */
export function fusedActivation(layer: PlainLayer): ActivationName | null {
  switch (layer.kind) {
    case 'Conv2D':
    case 'DepthwiseConv2D':
    case 'SeparableConv2D':
    case 'Dense':
      return layer.params.activation;
    default:
      return null;
  }
}
