import { describe, expect, it } from 'vitest';
import { DivergenceWatch, divergedMessage } from '../../../trainer/divergence';

const feed = (watch: DivergenceWatch, losses: number[]) => losses.map((l) => watch.afterBatch(l));

describe('DivergenceWatch', () => {
  it('takes the first loss as the start, but never less than ln K', () => {
    const a = new DivergenceWatch(10, 100);
    a.afterBatch(5);
    expect(a.bound).toBe(50);
    const b = new DivergenceWatch(10, 100);
    b.afterBatch(0.01); // a network that starts out confident (warm start) is not held to 10 × 0.01
    expect(b.bound).toBeCloseTo(10 * Math.log(10), 10);
  });

  it('needs five batches in a row above the bound; a spike is forgiven', () => {
    const w = new DivergenceWatch(10, 100);
    expect(feed(w, [2.3, 500, 2.2, 30, 40, 50, 60]).every((d) => d === null)).toBe(true);
    expect(w.afterBatch(70)).toMatchObject({ kind: 'bound', loss: 70, batches: 5 });
  });

  it('stops at once on NaN and Infinity', () => {
    expect(new DivergenceWatch(3, 10).afterBatch(Number.NaN)).toEqual({ kind: 'not-finite', loss: Number.NaN });
    const w = new DivergenceWatch(3, 10);
    w.afterBatch(1.1);
    expect(w.afterBatch(Number.POSITIVE_INFINITY)?.kind).toBe('not-finite');
  });

  it('judges an epoch by its mean and its last batch', () => {
    const w = new DivergenceWatch(10, 3);
    feed(w, [2.3, 1e6, 2.0]);
    expect(w.afterEpoch((2.3 + 1e6 + 2) / 3, 2.0)).toBeNull();
    feed(w, [2.3, 1e6, 1e7]);
    expect(w.afterEpoch(3e6, 1e7)).toMatchObject({ kind: 'bound', loss: 1e7, batches: 2 });
  });

  it('explains itself', () => {
    const d = { kind: 'bound' as const, loss: 2.5e21, start: 2.31, bound: 23.1, batches: 5 };
    expect(divergedMessage(d, 1, 9, 1000)).toBe(
      'The loss reached 2.50e+21, above 10× its start (2.31) for 5 batches in a row, at epoch 1, batch 9 ' +
        '(learning rate 1.00e+3): training diverged. The learning rate is probably too high: try 1.0e+2, or add batch normalization.',
    );
  });
});
