import type { Shape } from '../graph/types';
import {
  type ActivationName,
  compress1x1AsConv2D,
  isLayerKind,
  type LayerKind,
  type ParamsOf,
  stridedReductionEquivalent,
} from '../layers';

/** Kinds that stand for another layer and are written as it (see plainLayer). */
type ConvenienceKind = 'Compress1x1' | 'StridedReduction';

/** What an exporter writes: every catalog kind but the convenience ones, so a new kind must be handled by each exporter. */
export type PlainKind = Exclude<LayerKind, ConvenienceKind>;

/**
 * A node as the layer an exporter writes: the two convenience kinds (Compress1x1,
 * StridedReduction) become the plain Conv2D or pool they stand for, through the same
 * functions the analysis and the TF.js compiler use, so the three cannot disagree.
 */
export type PlainLayer = { [K in PlainKind]: { kind: K; params: ParamsOf<K> } }[PlainKind];

/** Thrown for a layer kind an exporter does not know: a new kind was added to the catalog. */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** `params` are the analysis's validated params (defaults filled); `inputShapes` its input shapes. */
export function plainLayer(kind: string, params: Record<string, unknown>, inputShapes: readonly Shape[]): PlainLayer {
  if (!isLayerKind(kind)) throw new ExportError(`Export does not support layer kind "${kind}" yet`);
  const [input = []] = inputShapes;
  if (kind === 'Compress1x1') {
    return { kind: 'Conv2D', params: compress1x1AsConv2D(input, params as ParamsOf<'Compress1x1'>) };
  }
  if (kind === 'StridedReduction') return stridedReductionEquivalent(input, params as ParamsOf<'StridedReduction'>);
  return { kind, params } as PlainLayer;
}

/** The fused activation of a layer that has one (convs, Dense), else null. */
export function fusedActivation(layer: PlainLayer): ActivationName | null {
  switch (layer.kind) {
    case 'Conv2D':
    case 'DepthwiseConv2D':
    case 'SeparableConv2D':
    case 'Conv2DTranspose':
    case 'Dense':
      return layer.params.activation;
    default:
      return null;
  }
}
