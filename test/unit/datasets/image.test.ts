import { describe, expect, it } from 'vitest';
import { convertImage, describeConversion, type RawImage } from '../../../electron/services/datasets/image';
import type { ImageInput } from '../../../shared/training';

const target = (height: number, width: number, channels: 1 | 3, flatten = false): ImageInput => ({
  height,
  width,
  channels,
  flatten,
});
const convert = (img: RawImage, t: ImageInput) => {
  const out = new Uint8Array(t.height * t.width * t.channels);
  convertImage(img, t, out, 0);
  return Array.from(out);
};

describe('resizing and channel conversion', () => {
  it('copies an image already at the target size', () => {
    const img = { width: 2, height: 1, channels: 3, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    expect(convert(img, target(1, 2, 3))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('copies grey into R, G and B, and turns RGB into BT.601 luma', () => {
    expect(convert({ width: 1, height: 1, channels: 1, data: Uint8Array.from([77]) }, target(1, 1, 3))).toEqual([
      77, 77, 77,
    ]);
    expect(convert({ width: 1, height: 1, channels: 3, data: Uint8Array.from([255, 0, 0]) }, target(1, 1, 1))).toEqual([
      76,
    ]);
    expect(
      convert({ width: 1, height: 1, channels: 3, data: Uint8Array.from([100, 100, 100]) }, target(1, 1, 1)),
    ).toEqual([100]);
  });

  it('composites alpha over black', () => {
    const half = { width: 1, height: 1, channels: 4, data: Uint8Array.from([200, 100, 50, 128]) };
    expect(convert(half, target(1, 1, 3))).toEqual([100, 50, 25]);
  });

  it('shrinks by averaging each output pixel’s source box', () => {
    const img = { width: 4, height: 2, channels: 1, data: Uint8Array.from([0, 100, 200, 200, 100, 0, 40, 40]) };
    expect(convert(img, target(1, 2, 1))).toEqual([50, 120]);
  });

  it('enlarges bilinearly with half-pixel centres', () => {
    const img = { width: 2, height: 1, channels: 1, data: Uint8Array.from([0, 100]) };
    // Output x centres at 0.5, 1.5, 2.5, 3.5 map to source −0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1).
    expect(convert(img, target(1, 4, 1))).toEqual([0, 25, 75, 100]);
  });

  it('describes what it did', () => {
    expect(describeConversion({ width: 28, height: 28, channels: 1 }, target(32, 32, 3))).toBe(
      '28×28×1 → 32×32×3 (enlarged bilinearly, grey copied to R, G and B)',
    );
    expect(describeConversion({ width: 32, height: 32, channels: 3 }, target(32, 32, 3))).toBeNull();
    expect(describeConversion({ width: 28, height: 28, channels: 1 }, target(28, 28, 1, true))).toMatch(
      /flattened to 784 values/,
    );
  });
});
