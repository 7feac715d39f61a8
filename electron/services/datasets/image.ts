import type { ImageInput } from '../../../shared/training';

/** A decoded image, 8-bit, row-major [height, width, channels]; channels 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA). */
export interface RawImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** BT.601 luma, the weights PIL's convert('L') and tf.image.rgbToGrayscale use. */
const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/**
 * One source pixel as grey or RGB. Alpha is composited over black (premultiplied),
 * so fully transparent pixels become black whatever colour they store.
 */
function readPixel(img: RawImage, offset: number, out: Float64Array, channels: 1 | 3): void {
  const d = img.data;
  let r: number;
  let g: number;
  let b: number;
  let a = 1;
  if (img.channels <= 2) {
    r = g = b = d[offset]!;
    if (img.channels === 2) a = d[offset + 1]! / 255;
  } else {
    r = d[offset]!;
    g = d[offset + 1]!;
    b = d[offset + 2]!;
    if (img.channels === 4) a = d[offset + 3]! / 255;
  }
  if (channels === 1) out[0] = luma(r, g, b) * a;
  else {
    out[0] = r * a;
    out[1] = g * a;
    out[2] = b * a;
  }
}

function addWeighted(
  img: RawImage,
  y: number,
  x: number,
  weight: number,
  px: Float64Array,
  acc: Float64Array,
  C: 1 | 3,
): void {
  if (weight === 0) return;
  readPixel(img, (y * img.width + x) * img.channels, px, C);
  for (let c = 0; c < C; c++) acc[c]! += weight * px[c]!;
}

/**
 * Resizes and converts one image into `out` at `offset`, [H, W, C] of the target.
 * Shrinking averages each output pixel's source box (no aliasing from big photos);
 * enlarging interpolates bilinearly with half-pixel centres (as PIL and tf.image do).
 */
export function convertImage(img: RawImage, target: ImageInput, out: Uint8Array, offset: number): void {
  const { height: H, width: W, channels: C } = target;
  if (img.height === H && img.width === W && img.channels === C) {
    out.set(img.data.subarray(0, H * W * C), offset); // the common case (CIFAR at 32×32×3): a plain copy
    return;
  }
  const sy = img.height / H;
  const sx = img.width / W;
  const px = new Float64Array(3);
  const acc = new Float64Array(3);
  let o = offset;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      acc.fill(0);
      if (sy > 1 || sx > 1) {
        const y0 = Math.floor(y * sy);
        const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
        for (let yy = y0; yy < y1; yy++) {
          for (let xx = x0; xx < x1; xx++) {
            readPixel(img, (yy * img.width + xx) * img.channels, px, C);
            for (let c = 0; c < C; c++) acc[c]! += px[c]!;
          }
        }
        const n = (y1 - y0) * (x1 - x0);
        for (let c = 0; c < C; c++) acc[c]! /= n;
      } else {
        const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
        const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
        const y0 = Math.floor(fy);
        const x0 = Math.floor(fx);
        const y1 = Math.min(y0 + 1, img.height - 1);
        const x1 = Math.min(x0 + 1, img.width - 1);
        const wy = fy - y0;
        const wx = fx - x0;
        addWeighted(img, y0, x0, (1 - wy) * (1 - wx), px, acc, C);
        addWeighted(img, y0, x1, (1 - wy) * wx, px, acc, C);
        addWeighted(img, y1, x0, wy * (1 - wx), px, acc, C);
        addWeighted(img, y1, x1, wy * wx, px, acc, C);
      }
      for (let c = 0; c < C; c++) out[o++] = Math.min(255, Math.max(0, Math.round(acc[c]!)));
    }
  }
}

/** "28×28×1 → 32×32×3 (bilinear, grey copied to RGB)", or null when nothing changes. */
export function describeConversion(
  from: { width: number; height: number; channels: number },
  to: ImageInput,
): string | null {
  const parts: string[] = [];
  if (from.width !== to.width || from.height !== to.height) {
    parts.push(from.width > to.width || from.height > to.height ? 'shrunk by area averaging' : 'enlarged bilinearly');
  }
  const fromColour = from.channels >= 3;
  if (fromColour && to.channels === 1) parts.push('RGB to grey (BT.601 luma)');
  if (!fromColour && to.channels === 3) parts.push('grey copied to R, G and B');
  if (from.channels === 2 || from.channels === 4) parts.push('alpha composited over black');
  if (to.flatten) parts.push(`flattened to ${to.height * to.width * to.channels} values`);
  if (!parts.length) return null;
  return `${from.height}×${from.width}×${from.channels} → ${to.height}×${to.width}×${to.channels} (${parts.join(', ')})`;
}
