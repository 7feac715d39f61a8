import { describe, expect, it } from 'vitest';
import { learningRateAt, type ScheduleSettings } from '../../../shared/training';

const base: ScheduleSettings = { schedule: 'constant', learningRate: 0.1, epochs: 10, stepEpochs: 2, stepFactor: 0.5 };

describe('learning-rate schedules', () => {
  it('constant keeps the base rate', () => {
    expect([0, 3.5, 9.99].map((e) => learningRateAt(base, e))).toEqual([0.1, 0.1, 0.1]);
  });

  it('step multiplies by the factor every stepEpochs epochs, as a staircase', () => {
    const s = { ...base, schedule: 'step' as const };
    expect([0, 1.9, 2, 3.99, 4, 9].map((e) => learningRateAt(s, e))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.00625]);
  });

  it('step with the paper settings: 0.94 every 2 epochs', () => {
    const s = { ...base, schedule: 'step' as const, learningRate: 0.045, stepFactor: 0.94 };
    expect(learningRateAt(s, 4)).toBeCloseTo(0.045 * 0.94 ** 2, 12);
  });

  it('cosine anneals from the base rate to 0 over the run, half-way at the middle', () => {
    const s = { ...base, schedule: 'cosine' as const };
    expect(learningRateAt(s, 0)).toBe(0.1);
    expect(learningRateAt(s, 5)).toBeCloseTo(0.05, 12);
    expect(learningRateAt(s, 10)).toBeCloseTo(0, 12);
    expect(learningRateAt(s, 2.5)).toBeCloseTo(0.1 * 0.5 * (1 + Math.cos(Math.PI / 4)), 12);
    expect(learningRateAt(s, 7)).toBeLessThan(learningRateAt(s, 6));
  });
});
