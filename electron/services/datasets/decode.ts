import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { errorMessage } from '../../../shared/issues';
import type { RawImage } from './image';
import { datasetProblem } from './problem';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const firstBytes = (bytes: Uint8Array) =>
  Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ') || 'none: the file is empty';

/**
 * Decodes a PNG or JPEG by its content (not its extension) to 8-bit RGBA. Every failure
 * names the file and says what is wrong with it.
 */
export function decodeImage(file: string, bytes: Uint8Array): RawImage {
  const isPng = startsWith(bytes, PNG_SIGNATURE);
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) {
    throw datasetProblem('notImage', { file, bytes: firstBytes(bytes) });
  }
  try {
    if (isPng) {
      const png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, channels: 4, data: png.data };
    }
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, channels: 4, data: img.data };
  } catch (err) {
    const reason = errorMessage(err);
    throw datasetProblem('damagedImage', { file, format: isPng ? 'PNG' : 'JPEG', reason });
  }
}
