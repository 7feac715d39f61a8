import { describe, expect, it } from 'vitest';
import { cropWindow, filterGradWindow, inputGradWindow } from '../../../electron/services/wasmKernels/geometry';

describe('backprop window arithmetic', () => {
  it('splits a window into kept rows and zero padding', () => {
    expect(cropWindow(8, { start: -1, end: 9 })).toEqual({ begin: 0, length: 8, padBefore: 1, padAfter: 1 });
    expect(cropWindow(8, { start: 0, end: 7 })).toEqual({ begin: 0, length: 7, padBefore: 0, padAfter: 0 });
    expect(cropWindow(3, { start: -2, end: -1 })).toBeNull();
  });

  it("filter gradient: 'same' 3×3 stride 2 on 8 rows reads rows 0..8 (one zero row at the bottom)", () => {
    // 'same': out 4, total pad (4−1)·2 + 3 − 8 = 1, all of it at the bottom.
    expect(filterGradWindow(3, 4, 2, 1, 0)).toEqual({ start: 0, end: 9 });
  });

  it("filter gradient: 'valid' 3×3 stride 3 on 8 rows never reads rows 6 and 7 (cropped)", () => {
    // out = floor((8 − 3) / 3) + 1 = 2; output 1's last tap reads row 3 + 2 = 5, so rows 6 and 7 are cropped.
    expect(filterGradWindow(3, 2, 3, 1, 0)).toEqual({ start: 0, end: 6 });
  });

  it('input gradient: a 3×3 kernel with dilation 2 and pad 2 reads the spread dy from row −2', () => {
    // keff = 5, so the window starts at 2 − 4 = −2 and spans 6 + 5 − 1 = 10 rows.
    expect(inputGradWindow(3, 6, 2, 2)).toEqual({ start: -2, end: 8 });
  });
});
