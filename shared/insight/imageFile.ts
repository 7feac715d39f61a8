/**
 * Whether dropped bytes are a picture the view can show, told by their first bytes rather than
 * the file name (a renamed text file must not reach the image decoder as if it were a PNG).
 */
const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { type: 'image/webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'image/bmp', test: (b) => ascii(b, 0, 2) === 'BM' && b.length > 26 },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

export type ImageSniff = { ok: true; type: string } | { ok: false; message: string };

/** The picture type of `bytes`, or one line naming the file and what to drop instead. */
export function sniffImage(name: string, bytes: Uint8Array): ImageSniff {
  if (bytes.length === 0)
    return { ok: false, message: `"${name}" is empty: drop a PNG, JPEG, GIF, WebP or BMP picture.` };
  const match = SIGNATURES.find((s) => s.test(bytes));
  if (match) return { ok: true, type: match.type };
  return {
    ok: false,
    message: `"${name}" is not a picture Netwright can show: drop a PNG, JPEG, GIF, WebP or BMP file.`,
  };
}
