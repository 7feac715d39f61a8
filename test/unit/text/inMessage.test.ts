import { describe, expect, it } from 'vitest';
import { inMessage } from '../../../shared/text';

describe('inMessage', () => {
  it('keeps a message on one line whatever the name holds', () => {
    for (const name of ['a\nb', 'a\rb', 'a\u2028b', 'a\u0085b', 'a\u0000b', 'a\u202eb']) {
      const shown = inMessage(name);
      expect([...shown].every((ch) => ch >= ' ' && ch !== '\u2028' && ch !== '\u0085' && ch !== '\u202e')).toBe(true);
      expect(shown.startsWith('a\\')).toBe(true);
    }
  });

  it('leaves plain names alone and cuts long ones with an ellipsis', () => {
    expect(inMessage('conv 3×3')).toBe('conv 3×3');
    const cut = inMessage('x'.repeat(200));
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
  });
});
