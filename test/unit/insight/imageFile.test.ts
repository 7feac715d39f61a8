import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../shared/insight';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('sniffImage', () => {
  it('tells pictures by their first bytes', () => {
    expect(sniffImage('a.png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toEqual({
      ok: true,
      type: 'image/png',
    });
    expect(sniffImage('a.jpg', bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ ok: true, type: 'image/jpeg' });
    expect(sniffImage('a.gif', bytes('GIF89a'))).toEqual({ ok: true, type: 'image/gif' });
    expect(sniffImage('a.webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toEqual({ ok: true, type: 'image/webp' });
  });

  it('refuses a renamed text file and an empty file with one line naming it', () => {
    expect(sniffImage('notes.png', bytes('these are notes'))).toEqual({
      ok: false,
      message: '"notes.png" is not a picture Netwright can show: drop a PNG, JPEG, GIF, WebP or BMP file.',
    });
    expect(sniffImage('empty.jpg', new Uint8Array())).toEqual({
      ok: false,
      message: '"empty.jpg" is empty: drop a PNG, JPEG, GIF, WebP or BMP picture.',
    });
    // The first bytes of a PNG, cut short, are not a PNG.
    expect(sniffImage('cut.png', bytes(0x89, 'PN')).ok).toBe(false);
  });
});
