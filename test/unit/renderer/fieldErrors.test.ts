import { describe, expect, it } from 'vitest';
import { errorsByField } from '../../../renderer/inspector/fieldErrors';

describe("the inspector's errors per field", () => {
  it('files each message under the field the issue names', () => {
    const errors = errorsByField('Conv2D', { filters: 0, kernelSize: 3, strides: 2, dilation: 2 });
    expect([...errors.keys()]).toEqual(['filters', 'dilation']);
    expect(errors.get('filters')).toBe('expected a positive whole number, got 0');
    expect(errors.get('dilation')).toMatch(/^strides 2×2 together with dilation 2×2 is not supported/);
  });

  it('shows the message as the schema wrote it, colons included', () => {
    const errors = errorsByField('Input', { shape: 'a:b' });
    expect(errors.get('shape')).toBe(
      'expected [height, width, channels] or [length] of positive whole numbers, got "a:b"',
    );
  });

  it('puts problems of no one setting under the empty key', () => {
    expect(errorsByField('Dense', { units: 4, bias: true }).get('')).toMatch(/bias/);
    expect(errorsByField('Conv3D', {}).get('')).toBe('Unknown layer kind "Conv3D".');
  });

  it('is empty for valid settings', () => {
    expect(errorsByField('Dense', { units: 4 }).size).toBe(0);
  });
});
