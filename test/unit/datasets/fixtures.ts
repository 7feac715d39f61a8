import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'netwright-data-'));

/** An IDX file: 0, 0, type 0x08, ndims, big-endian dims, bytes. */
export function idxBytes(dims: number[], data: Uint8Array | number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => {
    header.writeUInt32BE(d, 4 + 4 * i);
  });
  return Buffer.concat([header, Buffer.from(data)]);
}

/** n images of rows×cols whose pixels all equal 10·label, labels 0..classes-1 in turn. */
export function writeMnist(dir: string, n: number, rows = 28, cols = 28, classes = 10): void {
  const labels = Array.from({ length: n }, (_, i) => i % classes);
  const pixels = new Uint8Array(n * rows * cols);
  labels.forEach((l, i) => {
    pixels.fill(10 * l, i * rows * cols, (i + 1) * rows * cols);
  });
  writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), idxBytes([n, rows, cols], pixels));
  writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idxBytes([n], labels));
}

/** CIFAR-10 records: label, then R, G, B planes; pixel (y, x) of record i has R = i, G = y, B = x. */
export function cifarBytes(labels: number[]): Buffer {
  const out = Buffer.alloc(labels.length * 3073);
  labels.forEach((label, i) => {
    const base = i * 3073;
    out[base] = label;
    for (let p = 0; p < 1024; p++) {
      out[base + 1 + p] = i;
      out[base + 1 + 1024 + p] = Math.floor(p / 32);
      out[base + 1 + 2048 + p] = p % 32;
    }
  });
  return out;
}

export function pngBytes(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const png = new pngjs.PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set(rgba, i * 4);
  return pngjs.PNG.sync.write(png);
}

export function jpegBytes(width: number, height: number, rgb: [number, number, number]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return jpeg.encode({ width, height, data }, 95).data;
}

/** root/<class>/<file> for each entry. */
export function writeFolder(root: string, files: Record<string, Record<string, Buffer | string>>): string {
  for (const [cls, entries] of Object.entries(files)) {
    mkdirSync(path.join(root, cls), { recursive: true });
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(path.join(root, cls, name), bytes);
  }
  return root;
}
