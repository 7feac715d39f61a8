import { type DiagnosticText, english } from '../../../shared/i18n/diagnosticText';
import type { DatasetSpec, ImageInput } from '../../../shared/training';
import { type Dataset, DatasetProblem, loadDataset } from '../datasets';
import { decodeImage } from '../datasets/decode';
import { convertImage } from '../datasets/image';
import { featureProblem, featureText } from './texts';

/** A dataset problem as a value of a text: its own text where it has one, else its English message. */
const problemValue = (err: DatasetProblem) => (err.text && english(err.text) === err.message ? err.text : err.message);

/** A run's dataset as the run loaded it (same spec, input, classes and seed, so the same order). */
export interface DatasetRef {
  runId: string;
  spec: DatasetSpec;
  classes: number;
  seed: number;
}

/** Where an input comes from: sample `index` of a run's dataset (null: its size only), or an image file's bytes. */
export type InputSource =
  | { kind: 'dataset'; dataset: DatasetRef; index: number | null }
  | { kind: 'file'; name: string; bytes: Uint8Array };

export interface PreparedInput {
  /** [H, W, C] 8-bit at the network's input; null when only the dataset's size was asked. */
  pixels: Uint8Array | null;
  label: string | null;
  dataset: { count: number; description: string; descriptionText?: DiagnosticText | undefined } | null;
}

let cached: { runId: string; data: Dataset } | null = null;

function datasetOf(ref: DatasetRef, input: ImageInput): Dataset {
  if (cached?.runId === ref.runId) return cached.data;
  try {
    const data = loadDataset(ref.spec, input, ref.classes, ref.seed);
    cached = { runId: ref.runId, data };
    return data;
  } catch (err) {
    if (err instanceof DatasetProblem)
      throw featureProblem(featureText('datasetUnreadable', { reason: problemValue(err) }));
    throw err;
  }
}

/**
 * The chosen input converted to the network's input exactly as training data is (resized,
 * channels converted). Runs in the features worker: reading a dataset folder or decoding a big
 * JPEG takes seconds that the services' thread must not spend.
 */
export function prepareInput(source: InputSource, input: ImageInput): PreparedInput {
  const size = input.height * input.width * input.channels;
  if (source.kind === 'dataset') {
    const data = datasetOf(source.dataset, input);
    const { description, descriptionText } = data.info;
    const dataset = { count: data.count, description, ...(descriptionText ? { descriptionText } : {}) };
    if (source.index === null) return { pixels: null, label: null, dataset };
    if (source.index >= data.count) {
      throw featureProblem(featureText('noSample', { last: data.count - 1, index: source.index }));
    }
    const labelIndex = data.labels[source.index]!;
    return {
      pixels: data.pixels.slice(source.index * size, (source.index + 1) * size),
      label: data.info.classNames[labelIndex] ?? String(labelIndex),
      dataset,
    };
  }
  let raw: ReturnType<typeof decodeImage>;
  try {
    raw = decodeImage(source.name, source.bytes);
  } catch (err) {
    if (err instanceof DatasetProblem) throw featureProblem(featureText('notAnImage', { problem: problemValue(err) }));
    throw err;
  }
  const pixels = new Uint8Array(size);
  convertImage(raw, input, pixels, 0);
  return { pixels, label: null, dataset: null };
}
