import type { ImageInput } from '../../../shared/training';
import { seededRandom } from '../../../shared/training';
import type { RawImage } from './image';
import { datasetText, grouped } from './problem';
import type { ImageSource } from './source';

const PATTERNS = [
  'disc',
  'square',
  'triangle',
  'ring',
  'cross',
  'horizontal stripes',
  'vertical stripes',
  'checkerboard',
  'diagonal stripes',
  'dots',
] as const;

/** Inside-the-pattern test in coordinates centred on the shape, radius 1; `freq` sets texture density. */
function inside(pattern: number, u: number, v: number, freq: number): boolean {
  switch (PATTERNS[pattern]) {
    case 'disc':
      return u * u + v * v <= 1;
    case 'square':
      return Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
    case 'triangle':
      return v >= -0.85 && v <= 0.85 && Math.abs(u) <= ((v + 0.85) / 1.7) * 0.95;
    case 'ring': {
      const d = Math.sqrt(u * u + v * v);
      return d >= 0.55 && d <= 1;
    }
    case 'cross':
      return (Math.abs(u) <= 0.28 && Math.abs(v) <= 1) || (Math.abs(v) <= 0.28 && Math.abs(u) <= 1);
    case 'horizontal stripes':
      return Math.sin(v * freq) > 0;
    case 'vertical stripes':
      return Math.sin(u * freq) > 0;
    case 'checkerboard':
      return Math.sin(u * freq) * Math.sin(v * freq) > 0;
    case 'diagonal stripes':
      return Math.sin((u + v) * freq * 0.75) > 0;
    default:
      return Math.sin(u * freq) > 0.4 && Math.sin(v * freq) > 0.4;
  }
}

/** HSV (h in [0, 1)) to 8-bit RGB. */
function hsv(h: number, s: number, v: number): [number, number, number] {
  const i = Math.floor(h * 6);
  const f = h * 6 - i;
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  const rgb = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ][((i % 6) + 6) % 6]!;
  return rgb.map((c) => Math.round(c * 255)) as [number, number, number];
}

/**
 * Draws sample `index` of class `label`: the class fixes the pattern (shape or texture,
 * ten kinds, then denser variants for K > 10) and a hue; position, size, background and
 * noise vary with the seed. Colour alone would make it trivial, and is gone on grey inputs,
 * so the shapes carry the class too.
 */
export function drawSynthetic(label: number, classes: number, seed: number, index: number, size: ImageInput): RawImage {
  const random = seededRandom((seed * 0x9e3779b1 + index * 0x85ebca6b) >>> 0);
  const { height: H, width: W } = size;
  const pattern = label % PATTERNS.length;
  const variant = Math.floor(label / PATTERNS.length);
  const fg = hsv((label / classes + (random() - 0.5) * 0.03 + 1) % 1, 0.55 + random() * 0.4, 0.7 + random() * 0.3);
  const bgLevel = 20 + random() * 60;
  const bg = [bgLevel + random() * 20, bgLevel + random() * 20, bgLevel + random() * 20];
  const side = Math.min(H, W);
  const radius = side * (0.22 + random() * 0.14) * (variant % 2 ? 0.8 : 1);
  const cx = W * (0.35 + random() * 0.3);
  const cy = H * (0.35 + random() * 0.3);
  const freq = 4 + variant * 1.5 + random();
  const data = new Uint8Array(H * W * 3);
  let o = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const on = inside(pattern, (x + 0.5 - cx) / radius, (y + 0.5 - cy) / radius, freq);
      const limited = pattern >= 5 ? (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= (radius * 1.3) ** 2 : true;
      const colour = on && limited ? fg : bg;
      for (let c = 0; c < 3; c++) {
        const noise = (random() - 0.5) * 24;
        data[o++] = Math.min(255, Math.max(0, Math.round(colour[c]! + noise)));
      }
    }
  }
  return { width: W, height: H, channels: 3, data };
}

/** The built-in dataset: `count` images in `classes` balanced classes, drawn at the network's input size. */
export function syntheticSource(count: number, classes: number, seed: number, size: ImageInput): ImageSource {
  const labels = Int32Array.from({ length: count }, (_, i) => i % classes);
  const classNames = Array.from({ length: classes }, (_, k) => {
    const variant = Math.floor(k / PATTERNS.length);
    return `${PATTERNS[k % PATTERNS.length]}${variant ? ` ${variant + 1}` : ''}`;
  });
  return {
    // The seed is an identifier, not an amount: never grouped.
    description: datasetText('described.synthetic', { count: grouped(count), classes, seed: String(seed) }),
    count,
    labels,
    classNames,
    nativeShape: { width: size.width, height: size.height, channels: 3 },
    image: (i) => drawSynthetic(labels[i]!, classes, seed, i, size),
  };
}
