import type { FeaturePixels } from '../../shared/api';

/** An image ready for a canvas: RGBA, row-major. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function decodeBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** The services send float32 arrays as their little-endian bytes in base64. */
export function decodeFloats(base64: string): Float32Array {
  return new Float32Array(decodeBytes(base64).buffer);
}

export function encodeBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function rgba(width: number, height: number, pixel: (i: number) => [number, number, number]): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = pixel(i);
    data.set([r, g, b, 255], i * 4);
  }
  return { width, height, data };
}

/** An 8-bit grey or RGB image from the services. */
export function pixelsToRgba(p: FeaturePixels): Rgba {
  const bytes = decodeBytes(p.base64);
  return rgba(p.width, p.height, (i) =>
    p.channels === 3 ? [bytes[i * 3]!, bytes[i * 3 + 1]!, bytes[i * 3 + 2]!] : [bytes[i]!, bytes[i]!, bytes[i]!],
  );
}

export interface FilterTile {
  /** The output channel (filter) this tile shows. */
  filter: number;
  /** The input channel shown in grey; null for an RGB tile of all three. */
  input: number | null;
  image: Rgba;
}

/**
 * A first convolution's kernel ([kh, kw, in, out] as tfjs keeps it) as image tiles: one RGB tile
 * per filter when the input is RGB, else one grey tile per filter and input channel (the first
 * `maxInputs`). Each filter is scaled on its own so that 0 is mid-grey and its largest |weight|
 * is full black or white: the sign stays visible, and weak filters are not lost beside strong ones.
 */
export function filterTiles(
  k: { kernelHeight: number; kernelWidth: number; inChannels: number; outChannels: number; values: Float32Array },
  maxInputs = 8,
): FilterTile[] {
  const { kernelHeight: kh, kernelWidth: kw, inChannels: cin, outChannels: cout, values } = k;
  const at = (y: number, x: number, i: number, o: number) => values[((y * kw + x) * cin + i) * cout + o]!;
  const tiles: FilterTile[] = [];
  for (let o = 0; o < cout; o++) {
    let maxAbs = 0;
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++) for (let i = 0; i < cin; i++) maxAbs = Math.max(maxAbs, Math.abs(at(y, x, i, o)));
    const shade = (v: number) => Math.round(127.5 + (maxAbs > 0 ? (127.5 * v) / maxAbs : 0));
    const pos = (p: number) => [Math.floor(p / kw), p % kw] as const;
    if (cin === 3) {
      tiles.push({
        filter: o,
        input: null,
        image: rgba(kw, kh, (p) => {
          const [y, x] = pos(p);
          return [shade(at(y, x, 0, o)), shade(at(y, x, 1, o)), shade(at(y, x, 2, o))];
        }),
      });
      continue;
    }
    for (let i = 0; i < Math.min(cin, maxInputs); i++) {
      tiles.push({
        filter: o,
        input: i,
        image: rgba(kw, kh, (p) => {
          const [y, x] = pos(p);
          const v = shade(at(y, x, i, o));
          return [v, v, v];
        }),
      });
    }
  }
  return tiles;
}

export interface MapTile {
  channel: number;
  min: number;
  max: number;
  image: Rgba;
}

/**
 * Activation maps [H, W, C] as one grey tile per channel, each stretched from its own minimum
 * (black) to its maximum (white); a constant channel (a dead ReLU's zeros) stays black.
 */
export function mapTiles(values: Float32Array, height: number, width: number, channels: number): MapTile[] {
  return Array.from({ length: channels }, (_, c) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < height * width; p++) {
      const v = values[p * channels + c]!;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const range = max - min;
    const image = rgba(width, height, (p) => {
      const v = range > 0 ? Math.round((255 * (values[p * channels + c]! - min)) / range) : 0;
      return [v, v, v];
    });
    return { channel: c, min, max, image };
  });
}
