import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFolder, pathKind, readBytes } from './files';
import { datasetProblem, datasetText, grouped } from './problem';
import type { ImageSource } from './source';

const SIDE = 32;
const PLANE = SIDE * SIDE;
const RECORD = 1 + 3 * PLANE;
const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** The batch files: PATH is one .bin, or the cifar-10-batches-bin folder (training batches, else the test batch). */
function locateBatches(target: string): string[] {
  if (pathKind(target, 'cifar10') === 'file') return [target];
  const bins = listFolder(target)
    .filter((e) => !e.folder && e.name.endsWith('.bin'))
    .map((e) => e.name);
  const training = bins.filter((n) => /^data_batch_\d+\.bin$/.test(n));
  const chosen = training.length ? training : bins.filter((n) => n === 'test_batch.bin');
  if (!chosen.length) {
    throw datasetProblem('cifarNoBatches', { folder: target });
  }
  return chosen.map((n) => path.join(target, n));
}

/** batches.meta.txt lists the class names, one a line, when it is beside the batches. */
function classNames(folder: string): string[] {
  const meta = path.join(folder, 'batches.meta.txt');
  if (!existsSync(meta)) return CIFAR10_CLASSES;
  const names = readFileSync(meta, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return names.length === 10 ? names : CIFAR10_CLASSES;
}

/**
 * CIFAR-10 binary batches: records of 1 label byte (0–9) then 3,072 pixel bytes, the
 * red, green and blue planes of a 32×32 image, each row-major. Converted to [H, W, C] on read.
 */
export function cifar10Source(target: string): ImageSource {
  const files = locateBatches(target);
  const chunks: Uint8Array[] = [];
  for (const file of files) {
    const bytes = readBytes(file);
    if (bytes.length === 0 || bytes.length % RECORD !== 0) {
      const hint = bytes.length % (RECORD + 1) === 0 && bytes.length > 0 ? datasetText('cifar100') : '';
      throw datasetProblem('cifarRecords', { file, bytes: grouped(bytes.length), hint });
    }
    for (let r = 0; r < bytes.length / RECORD; r++) {
      const label = bytes[r * RECORD]!;
      if (label > 9) {
        throw datasetProblem('cifarLabel', { file, record: grouped(r + 1), label });
      }
    }
    chunks.push(bytes);
  }
  const count = chunks.reduce((n, c) => n + c.length / RECORD, 0);
  const records = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const labels = Int32Array.from({ length: count }, (_, i) => records[i * RECORD]!);
  const folder = files.length === 1 && pathKind(target, 'cifar10') === 'file' ? path.dirname(target) : target;
  const names = files.map((f) => path.basename(f));
  return {
    description: datasetText('described.cifar10', { folder, names: names.join(', '), count: grouped(count) }),
    count,
    labels,
    classNames: classNames(folder),
    nativeShape: { width: SIDE, height: SIDE, channels: 3 },
    image: (i) => {
      const base = i * RECORD + 1;
      const data = new Uint8Array(PLANE * 3);
      for (let p = 0; p < PLANE; p++) {
        data[p * 3] = records[base + p]!;
        data[p * 3 + 1] = records[base + PLANE + p]!;
        data[p * 3 + 2] = records[base + 2 * PLANE + p]!;
      }
      return { width: SIDE, height: SIDE, channels: 3, data };
    },
  };
}
