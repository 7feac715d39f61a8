import { describe, expect, it } from 'vitest';
import { decodeFloats, encodeBase64, filterTiles, mapTiles, pixelsToRgba } from '../../../renderer/features/pixels';

const pixel = (data: Uint8ClampedArray, i: number) => Array.from(data.subarray(i * 4, i * 4 + 4));

describe('feature view pixels', () => {
  it('draws an RGB filter with 0 as mid-grey and its largest |weight| at full strength', () => {
    // 1×2 kernel, 3 inputs, 2 filters: [kh, kw, in, out] flattened.
    const values = new Float32Array(1 * 2 * 3 * 2);
    const set = (x: number, i: number, o: number, v: number) => {
      values[(x * 3 + i) * 2 + o] = v;
    };
    set(0, 0, 0, 2); // filter 0: red +2 at x 0, blue −1 at x 1
    set(1, 2, 0, -1);
    set(0, 1, 1, 0.001); // filter 1: tiny weights are stretched just the same
    const tiles = filterTiles({ kernelHeight: 1, kernelWidth: 2, inChannels: 3, outChannels: 2, values });
    expect(tiles.map((t) => [t.filter, t.input])).toEqual([
      [0, null],
      [1, null],
    ]);
    expect(pixel(tiles[0]!.image.data, 0)).toEqual([255, 128, 128, 255]);
    expect(pixel(tiles[0]!.image.data, 1)).toEqual([128, 128, 64, 255]);
    expect(pixel(tiles[1]!.image.data, 0)).toEqual([128, 255, 128, 255]);
  });

  it('draws one grey tile per filter and input channel when the input is not RGB', () => {
    const values = Float32Array.from([1, -1, 0.5, 0.25]); // 1×1 kernel, 2 inputs, 2 filters
    const tiles = filterTiles({ kernelHeight: 1, kernelWidth: 1, inChannels: 2, outChannels: 2, values });
    expect(tiles.map((t) => [t.filter, t.input, t.image.data[0]])).toEqual([
      [0, 0, 255],
      [0, 1, 191],
      [1, 0, 0],
      [1, 1, 159],
    ]);
  });

  it('stretches each activation map from its own minimum to maximum; a constant map is black', () => {
    // 1×3 map, 2 channels: channel 0 = [0, 5, 10], channel 1 all zero (a dead ReLU).
    const values = Float32Array.from([0, 0, 5, 0, 10, 0]);
    const [c0, c1] = mapTiles(values, 1, 3, 2);
    expect([c0!.min, c0!.max]).toEqual([0, 10]);
    expect([0, 1, 2].map((i) => c0!.image.data[i * 4])).toEqual([0, 128, 255]);
    expect([0, 1, 2].map((i) => c1!.image.data[i * 4])).toEqual([0, 0, 0]);
  });

  it('decodes the services’ float32 and 8-bit images', () => {
    const floats = Float32Array.from([1.5, -2, 0.125]);
    expect(Array.from(decodeFloats(encodeBase64(new Uint8Array(floats.buffer))))).toEqual([1.5, -2, 0.125]);
    const grey = pixelsToRgba({ height: 1, width: 2, channels: 1, base64: encodeBase64(Uint8Array.from([10, 200])) });
    expect(pixel(grey.data, 1)).toEqual([200, 200, 200, 255]);
  });
});
