import type { ImageInput } from '../../../shared/training';
import { type Dataset, DatasetProblem } from '../../../trainer/dataset';
import type { TransferredDataset } from './protocol';

/** The dataset the services loaded, checked against the network it is to train. */
export function handedDataset(data: TransferredDataset, input: ImageInput, classes: number): Dataset {
  const size = input.height * input.width * input.channels;
  const shape = (i: ImageInput) => `${i.height}×${i.width}×${i.channels}`;
  if (
    data.input.height !== input.height ||
    data.input.width !== input.width ||
    data.input.channels !== input.channels
  ) {
    throw new DatasetProblem(
      `The dataset's images are ${shape(data.input)}, the network takes ${shape(input)}: load it again for this network.`,
    );
  }
  if (data.classes !== classes) {
    throw new DatasetProblem(
      `The dataset has ${data.classes} classes, the network outputs ${classes}: match the last Dense layer's units to it.`,
    );
  }
  const pixels = new Uint8Array(data.pixels);
  const labels = new Int32Array(data.labels);
  if (pixels.length !== data.count * size || labels.length !== data.count) {
    throw new DatasetProblem(
      `The dataset's buffers hold ${pixels.length} bytes and ${labels.length} labels, not ${data.count} images of ${shape(input)}.`,
    );
  }
  // The network decides whether images are flattened; the pixels are the same either way.
  return { ...data, input, pixels, labels };
}
