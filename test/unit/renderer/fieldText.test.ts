import { describe, expect, it } from 'vitest';
import { checkFieldValue, fieldApplies, parseNumberText } from '../../../renderer/inspector/fieldModel';

describe('number fields read what people type', () => {
  it('accepts decimals with a dot or a comma, signs and exponents', () => {
    expect(parseNumberText('0.1')).toBe(0.1);
    expect(parseNumberText('.1')).toBe(0.1);
    expect(parseNumberText('0,1')).toBe(0.1);
    expect(parseNumberText('0.')).toBe(0);
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('1e3')).toBe(1000);
    expect(parseNumberText('  ')).toBeUndefined();
  });

  it('says NaN for half-typed or foreign text instead of guessing', () => {
    for (const text of ['-', '.', '1e', 'abc', '1,000,000', '0x10']) expect(parseNumberText(text), text).toBeNaN();
  });
});

describe('inspector values are checked before they reach the model', () => {
  it("returns the layer schema's message for a refused value and nothing for an accepted one", () => {
    expect(checkFieldValue('Conv2D', { filters: 64 }, 'filters', -3)).toMatch(/./);
    expect(checkFieldValue('Conv2D', { filters: 64 }, 'filters', 1000)).toBeUndefined();
  });

  it('shows 1×1 compression the field its mode reads', () => {
    expect(fieldApplies('Compress1x1', 'ratio', { mode: 'ratio' })).toBe(true);
    expect(fieldApplies('Compress1x1', 'filters', { mode: 'ratio' })).toBe(false);
    expect(fieldApplies('Compress1x1', 'filters', { mode: 'count' })).toBe(true);
    expect(fieldApplies('Conv2D', 'filters', {})).toBe(true);
  });
});
