import path from 'node:path';
import { listFolder, pathKind, readBytes } from './files';
import { datasetProblem, datasetText, grouped } from './problem';
import type { ImageSource } from './source';

interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/**
 * IDX (LeCun's MNIST format): two zero bytes, a type byte (0x08 = unsigned byte),
 * the number of dimensions, each dimension as a big-endian 32-bit integer, then the data.
 */
export function parseIdx(file: string, bytes: Uint8Array): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw datasetProblem('idxMagic', { file });
  }
  if (bytes[2] !== 0x08) {
    throw datasetProblem('idxType', { file, type: bytes[2]!.toString(16).padStart(2, '0') });
  }
  const ndims = bytes[3]!;
  const header = 4 + 4 * ndims;
  if (ndims === 0 || bytes.length < header) throw datasetProblem('idxHeader', { file });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - header;
  if (actual !== expected) {
    throw datasetProblem('idxSize', {
      file,
      dims: dims.join('×'),
      expected: grouped(expected),
      actual: grouped(actual),
      truncated: actual < expected ? datasetText('idxTruncated') : '',
    });
  }
  return { dims, data: bytes.subarray(header) };
}

const isImages = (name: string) => /images?/i.test(name) && /idx3/i.test(name);

/** The images file and its labels file: PATH is either, or a folder holding MNIST's train-*-idx*-ubyte files. */
function locateFiles(target: string): { images: string; labels: string } {
  if (pathKind(target, 'idx') === 'folder') {
    const names = listFolder(target)
      .filter((e) => !e.folder)
      .map((e) => e.name);
    const pick = (test: (n: string) => boolean) => names.find((n) => test(n) && /train/i.test(n)) ?? names.find(test);
    const images = pick(isImages);
    const labels = pick((n) => /labels?/i.test(n) && /idx1/i.test(n));
    if (!images || !labels) {
      throw datasetProblem(images ? 'idxNoLabels' : 'idxNoImages', { folder: target });
    }
    return { images: path.join(target, images), labels: path.join(target, labels) };
  }
  const base = path.basename(target);
  const labelsName = base.replace(/images/i, 'labels').replace(/idx3/i, 'idx1');
  if (labelsName === base) {
    throw datasetProblem('idxWhichLabels', { target });
  }
  return { images: target, labels: path.join(path.dirname(target), labelsName) };
}

/** MNIST-format IDX files (also Fashion-MNIST, KMNIST, EMNIST): grey images [N, rows, cols] and labels [N]. */
export function idxSource(target: string): ImageSource {
  const files = locateFiles(target);
  const images = parseIdx(files.images, readBytes(files.images));
  const labels = parseIdx(files.labels, readBytes(files.labels));
  if (images.dims.length !== 3) {
    throw datasetProblem('idxImageDims', {
      file: files.images,
      count: images.dims.length,
      dims: images.dims.join('×'),
    });
  }
  if (labels.dims.length !== 1) {
    throw datasetProblem('idxLabelDims', { file: files.labels, count: labels.dims.length });
  }
  const [count, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== count) {
    throw datasetProblem('idxCounts', {
      images: files.images,
      count: grouped(count),
      labels: files.labels,
      labelCount: grouped(labels.dims[0]!),
    });
  }
  if (count === 0) throw datasetProblem('idxEmpty', { file: files.images });
  const labelArray = Int32Array.from(labels.data);
  const classes = labelArray.reduce((a, b) => Math.max(a, b), 0) + 1;
  const size = rows * cols;
  return {
    description: datasetText('described.idx', {
      images: files.images,
      labels: path.basename(files.labels),
      count: grouped(count),
      rows,
      cols,
    }),
    count,
    labels: labelArray,
    classNames: Array.from({ length: classes }, (_, k) => String(k)),
    nativeShape: { width: cols, height: rows, channels: 1 },
    image: (i) => ({ width: cols, height: rows, channels: 1, data: images.data.subarray(i * size, (i + 1) * size) }),
  };
}
