/** Base64 of `bytes`, in slices: String.fromCharCode takes a limited number of arguments. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** Decodes `base64` into `out` at `offset`; returns the number of bytes written. */
export function fromBase64Into(base64: string, out: Uint8Array, offset: number): number {
  const text = atob(base64);
  if (offset + text.length > out.length) {
    throw new Error(`received ${offset + text.length} bytes where ${out.length} were announced`);
  }
  for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  return text.length;
}
