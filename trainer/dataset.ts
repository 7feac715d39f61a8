import type { DiagnosticText } from '../shared/i18n';
import type { DatasetInfo, ImageInput } from '../shared/training';

/** A dataset at the network's input size, in a seeded random order (so a split is not one class). */
export interface Dataset {
  /** count × H × W × C bytes, row-major per image; divided by 255 when a batch is built. */
  pixels: Uint8Array;
  labels: Int32Array;
  count: number;
  input: ImageInput;
  classes: number;
  info: Omit<DatasetInfo, 'trainSamples' | 'validationSamples'>;
}

/** A dataset the user pointed at cannot be used; the message names the file and what is wrong with it. */
export class DatasetProblem extends Error {
  override name = 'DatasetProblem';
  constructor(
    message: string,
    /** The message in any language, where there is one. */
    readonly text?: DiagnosticText,
  ) {
    super(message);
  }
}

/** Fills `out` with samples `indices[start..end)` as floats in [0, 1], and their labels. */
export function fillBatch(
  data: Dataset,
  indices: ArrayLike<number>,
  start: number,
  end: number,
  out: Float32Array,
  labelsOut: Int32Array,
): void {
  const size = data.input.height * data.input.width * data.input.channels;
  for (let b = 0; b < end - start; b++) {
    const i = indices[start + b]!;
    const src = i * size;
    const dst = b * size;
    for (let k = 0; k < size; k++) out[dst + k] = data.pixels[src + k]! / 255;
    labelsOut[b] = data.labels[i]!;
  }
}
