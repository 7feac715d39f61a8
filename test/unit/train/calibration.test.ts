import { describe, expect, it } from 'vitest';
import { calibrationOf, ECE_BINS, topPredictions } from '../../../shared/training';

describe('expected calibration error (15 bins)', () => {
  it('is 0 when confidence equals accuracy in every bin', () => {
    // Bin (0.6, 0.667]: confidence 0.65 and 2 of 3 ≈ 0.667 right would not be exact; use 0.5 and 0.75 exactly.
    const c = calibrationOf([0.5, 0.5, 0.75, 0.75, 0.75, 0.75], [1, 0, 1, 1, 1, 0]);
    expect(c.ece).toBeCloseTo(0, 12);
    expect(c.meanConfidence).toBeCloseTo(4 / 6, 12);
    expect(c.accuracy).toBeCloseTo(4 / 6, 12);
  });

  it('matches a hand computation on over-confident predictions', () => {
    // Four at 0.95 (bin 14), two right: |0.5 − 0.95| = 0.45, weight 4/6.
    // Two at 0.35 (bin 5, (0.333, 0.4]), one right: |0.5 − 0.35| = 0.15, weight 2/6.
    const c = calibrationOf([0.95, 0.95, 0.95, 0.95, 0.35, 0.35], [true, true, false, false, true, false]);
    expect(c.ece).toBeCloseTo((4 / 6) * 0.45 + (2 / 6) * 0.15, 12);
    expect(c.bins).toHaveLength(ECE_BINS);
    expect(c.bins[14]).toMatchObject({ count: 4, accuracy: 0.5 });
    expect(c.bins[14]!.meanConfidence).toBeCloseTo(0.95, 12);
    expect(c.bins[5]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(c.bins[5]!.lower).toBeCloseTo(5 / 15, 12);
    expect(c.bins[0]).toMatchObject({ count: 0, accuracy: null, meanConfidence: null });
    expect(c.meanConfidence).toBeCloseTo((4 * 0.95 + 2 * 0.35) / 6, 12);
    expect(c.meanConfidence).toBeGreaterThan(c.accuracy);
  });

  it('puts a bin edge in the lower bin and 0 and 1 in the first and last', () => {
    const c = calibrationOf([0, 1 / 15, 1], [0, 0, 1]);
    expect(c.bins[0]!.count).toBe(2);
    expect(c.bins[14]!.count).toBe(1);
  });

  it('takes top-1 confidence and correctness from row-major probabilities', () => {
    const probs = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.4, 0.5, 0.1];
    const { confidences, correct } = topPredictions(probs, [0, 0, 1], 3);
    expect(Array.from(confidences)).toEqual([0.7, 0.6, 0.5]);
    expect(Array.from(correct)).toEqual([1, 0, 1]);
  });

  it('refuses mismatched arrays', () => {
    expect(() => calibrationOf([0.5], [])).toThrow(/1 confidences but 0 outcomes/);
  });
});
