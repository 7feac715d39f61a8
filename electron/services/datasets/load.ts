import { english } from '../../../shared/i18n/diagnosticText';
import type { DatasetSpec, ImageInput } from '../../../shared/training';
import { seededRandom, shuffleInPlace } from '../../../shared/training';
import type { Dataset } from '../../../trainer/dataset';
import { cifar10Source } from './cifar10';
import { folderSource } from './folder';
import { idxSource } from './idx';
import { convertImage, describeConversion } from './image';
import { mnistPackageSource } from './mnistPackage';
import { datasetProblem, datasetText, grouped } from './problem';
import type { ImageSource } from './source';
import { syntheticSource } from './synthetic';

/** Stated with every run: Netwright feeds pixels / 255 and nothing else. */
export const NORMALISATION =
  'pixel values divided by 255, so inputs lie in [0, 1]; no mean or standard-deviation normalisation';

function openSource(spec: DatasetSpec, input: ImageInput, classes: number, seed: number): ImageSource {
  switch (spec.kind) {
    case 'synthetic':
      return syntheticSource(spec.samples, spec.classes ?? classes, seed, input);
    case 'mnist':
      return mnistPackageSource();
    case 'idx':
      return idxSource(spec.path);
    case 'cifar10':
      return cifar10Source(spec.path);
    case 'folder':
      return folderSource(spec.path);
  }
}

/**
 * Reads (or draws) the dataset and converts every sample used to the network's input:
 * resized, channels converted, flattened where the network takes a vector.
 * `classes` is the network's output size; the dataset must have exactly that many.
 */
export function loadDataset(spec: DatasetSpec, input: ImageInput, classes: number, seed: number): Dataset {
  const source = openSource(spec, input, classes, seed);
  const sourceClasses = source.classNames.length;
  if (sourceClasses !== classes) {
    throw datasetProblem('classCount', {
      source: source.description,
      classes: sourceClasses,
      outputs: classes,
      synthetic: spec.kind === 'synthetic' ? datasetText('drawMore') : '',
    });
  }
  const order = shuffleInPlace(
    Int32Array.from({ length: source.count }, (_, i) => i),
    seededRandom(seed ^ 0x5eed),
  );
  const count = Math.min(spec.samples ?? source.count, source.count);
  const size = input.height * input.width * input.channels;
  const pixels = new Uint8Array(count * size);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const index = order[i]!;
    const label = source.labels[index]!;
    if (label >= classes)
      throw datasetProblem('labelOutside', {
        source: source.description,
        sample: grouped(index + 1),
        label,
        last: classes - 1,
      });
    labels[i] = label;
    convertImage(source.image(index), input, pixels, i * size);
  }
  const description =
    count < source.count
      ? datasetText('described.used', { description: source.description, count: grouped(count) })
      : source.description;
  return {
    pixels,
    labels,
    count,
    input,
    classes,
    info: {
      description: english(description),
      descriptionText: description,
      normalisation: NORMALISATION,
      inputShape: input.flatten ? [size] : [input.height, input.width, input.channels],
      classes,
      classNames: source.classNames,
      conversion: describeConversion(source.nativeShape, input),
    },
  };
}
