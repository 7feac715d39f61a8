import { describe, expect, it } from 'vitest';
import { fieldsFor, parseTyped } from '../../../renderer/inspector/fieldModel';

describe('inspector fields that take a number or one per channel (Rescaling)', () => {
  const scale = fieldsFor('Rescaling').find((f) => f.key === 'scale')!;

  it('are their own kind', () => {
    expect(fieldsFor('Rescaling').map((f) => [f.key, f.kind])).toEqual([
      ['scale', 'numbers'],
      ['offset', 'numbers'],
    ]);
  });

  it('read one number, a decimal comma included, or a list of them', () => {
    expect(parseTyped(scale, '0.5', 'en')).toEqual({ value: 0.5 });
    expect(parseTyped(scale, '0,5', 'en')).toEqual({ value: 0.5 });
    expect(parseTyped(scale, '2.09, 2.11, 2.1', 'en')).toEqual({ value: [2.09, 2.11, 2.1] });
    expect(parseTyped(scale, '[1, -2, 0.5]', 'en')).toEqual({ value: [1, -2, 0.5] });
    expect(parseTyped(scale, '', 'en')).toEqual({ value: undefined });
    expect(parseTyped(scale, 'half', 'en')).toEqual({
      problem: '"half" is not a number: type 0.5, or one per channel: 0.5, 0.25, 2.',
    });
    expect(parseTyped(scale, 'half', 'de')).toEqual({
      problem: '„half“ ist keine Zahl: 0,5 eingeben, oder eine je Kanal: 0,5; 0,25; 2.',
    });
  });

  it('leave size lists as they were: "3,3" is a 3×3 kernel', () => {
    const kernel = fieldsFor('Conv2D').find((f) => f.key === 'kernelSize')!;
    expect(kernel.kind).toBe('list');
    expect(parseTyped(kernel, '3,3', 'en')).toEqual({ value: [3, 3] });
  });
});
