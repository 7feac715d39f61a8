import { describe, expect, it } from 'vitest';
import { addCurvePoint, summary } from '../../../electron/services/train/records';
import { MAX_CURVE_POINTS, type RunRecord } from '../../../shared/training';

const progress = (epoch: number, batch: number, batches: number) => ({
  epoch,
  epochs: 1000,
  batch,
  batches,
  loss: 1 / (epoch * batches + batch),
  accuracy: 0.5,
  learningRate: 0.1,
  samplesPerSec: 1,
  etaSeconds: 1,
  fraction: 0,
});

describe('the per-batch curve kept with a run', () => {
  it('keeps every batch of a short run, with fractional epochs', () => {
    const record = { batches: [] } as unknown as RunRecord;
    let stride = 1;
    for (let e = 1; e <= 2; e++) for (let b = 1; b <= 4; b++) stride = addCurvePoint(record, progress(e, b, 4), stride);
    expect(record.batches.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(record.batches[5]!.epoch).toBe(1.5);
    expect(stride).toBe(1);
  });

  it('thins a long run to at most MAX_CURVE_POINTS, evenly spaced, to the end', () => {
    const record = { batches: [] } as unknown as RunRecord;
    let stride = 1;
    const batches = 100;
    for (let e = 1; e <= 100; e++)
      for (let b = 1; b <= batches; b++) stride = addCurvePoint(record, progress(e, b, batches), stride);
    expect(record.batches.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(record.batches.length).toBeGreaterThan(MAX_CURVE_POINTS / 2);
    const steps = record.batches.map((p) => p.step);
    const gaps = new Set(steps.slice(1).map((s, i) => s - steps[i]!));
    expect(gaps.size).toBe(1);
    expect(steps.at(-1)).toBeGreaterThan(10_000 - stride);
  });

  it('leaves the curve out of a run-list summary and adds the last epoch', () => {
    const s = summary({ batches: [{ step: 1 }], epochs: [{ epoch: 1 }, { epoch: 2 }] } as unknown as RunRecord);
    expect('batches' in s).toBe(false);
    expect(s.final).toEqual({ epoch: 2 });
  });
});
