import { describe, expect, it } from 'vitest';
import { fillBatch, loadDataset, NORMALISATION } from '../../../electron/services/datasets';
import { drawSynthetic } from '../../../electron/services/datasets/synthetic';

const rgb32 = { height: 32, width: 32, channels: 3 as const, flatten: false };

describe('the built-in synthetic dataset', () => {
  it('has the requested size, balanced classes and the network’s input shape', () => {
    const d = loadDataset({ kind: 'synthetic', samples: 100 }, rgb32, 10, 1);
    expect(d.count).toBe(100);
    expect(d.pixels.length).toBe(100 * 32 * 32 * 3);
    const perClass = new Array(10).fill(0);
    for (const l of d.labels) perClass[l] += 1;
    expect(perClass).toEqual(new Array(10).fill(10));
    expect(d.info.classNames.slice(0, 3)).toEqual(['disc', 'square', 'triangle']);
    expect(d.info.normalisation).toBe(NORMALISATION);
    expect(d.info.conversion).toBeNull();
  });

  it('is the same for the same seed and differs for another', () => {
    const a = loadDataset({ kind: 'synthetic', samples: 20 }, rgb32, 4, 5);
    const b = loadDataset({ kind: 'synthetic', samples: 20 }, rgb32, 4, 5);
    const c = loadDataset({ kind: 'synthetic', samples: 20 }, rgb32, 4, 6);
    expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels))).toBe(true);
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(Buffer.from(c.pixels).equals(Buffer.from(a.pixels))).toBe(false);
  });

  it('draws any size and any number of classes, grey too', () => {
    const d = loadDataset(
      { kind: 'synthetic', samples: 30, classes: 25 },
      { height: 9, width: 13, channels: 1, flatten: false },
      25,
      2,
    );
    expect(d.pixels.length).toBe(30 * 9 * 13);
    expect(d.info.classNames[24]).toBe('cross 3'); // 24 = 2·10 + 4: the fifth pattern, third variant
  });

  it('gives different classes different pictures', () => {
    const disc = drawSynthetic(0, 10, 1, 0, rgb32);
    const stripes = drawSynthetic(5, 10, 1, 0, rgb32);
    expect(Buffer.from(disc.data).equals(Buffer.from(stripes.data))).toBe(false);
  });

  it('refuses a class count the network does not have', () => {
    expect(() => loadDataset({ kind: 'synthetic', samples: 10, classes: 4 }, rgb32, 10, 1)).toThrow(
      /has 4 classes but the network outputs 10 class scores: set the output layer's units to 4, or draw as many classes/,
    );
  });

  it('builds batches as pixel / 255 in [0, 1]', () => {
    const d = loadDataset({ kind: 'synthetic', samples: 4 }, { height: 2, width: 2, channels: 1, flatten: true }, 2, 1);
    const x = new Float32Array(2 * 4);
    const y = new Int32Array(2);
    fillBatch(d, [3, 1], 0, 2, x, y);
    expect(x[0]).toBeCloseTo(d.pixels[12]! / 255, 6);
    expect(x[4]).toBeCloseTo(d.pixels[4]! / 255, 6);
    expect(Array.from(y)).toEqual([d.labels[3], d.labels[1]]);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
  });
});
