import { english } from '../../i18n/diagnosticText';
import { errorMessage } from '../../issues';
import { oneLine } from '../json';
import { reasonText } from '../reasons';
import type { ImportOptions, ImportResult } from '../types';
import { convertModel } from './convert';
import { readOnnxModel } from './model';

export { OPSETS } from './model';
export { PENDING_OPS } from './pending';
export { looksLikeOnnx } from './sniff';
export {
  importOnnxWithWeights,
  type LayerWeights,
  type NamedWeight,
  NO_WEIGHTS_MESSAGE,
  type OnnxWeightsImport,
} from './weights';

/** Why --input-shape cannot be used, or null. */
function badOverride(shape: ImportOptions['inputShape']): string | null {
  if (shape === undefined) return null;
  const ok = Array.isArray(shape) && shape.length === 3 && shape.every((d) => Number.isInteger(d) && d > 0);
  return ok
    ? null
    : `The input shape must be three positive whole numbers H,W,C, got ${oneLine(JSON.stringify(shape) ?? '', 40)}.`;
}

/**
 * Reads an ONNX model (opsets 11 to 18, the operators convolutional networks use) into a Graph
 * in Netwright's layout: NCHW tensors become H×W×C, counts follow PyTorch's convention. An
 * operator without a layer becomes an Unsupported node keeping its op type, with its output
 * shape where it can be known, so the rest is analysed. Never throws.
 */
export function importOnnx(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  try {
    const bad = badOverride(options.inputShape);
    if (bad) return { ok: false, error: bad };
    const read = readOnnxModel(bytes);
    if (!read.ok) return read;
    return convertModel(read.model, options);
  } catch (error) {
    const text = reasonText('internal.onnx', { detail: oneLine(errorMessage(error), 120) });
    return { ok: false, error: english(text), text };
  }
}
