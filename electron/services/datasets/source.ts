import type { DiagnosticText } from '../../../shared/i18n/diagnosticText';
import type { RawImage } from './image';

/** A dataset before conversion: labelled images at their own size, read or drawn on demand. */
export interface ImageSource {
  /** One line naming where the data came from, e.g. "CIFAR-10 binary batches in /data (data_batch_1.bin, …)". */
  description: DiagnosticText;
  count: number;
  labels: Int32Array;
  classNames: string[];
  /** The images' own size, for the conversion note (the first image's where sizes vary). */
  nativeShape: { width: number; height: number; channels: number };
  /** Sample i; may throw DatasetProblem naming the file (decoding is lazy: only the samples used are read). */
  image(i: number): RawImage;
}
