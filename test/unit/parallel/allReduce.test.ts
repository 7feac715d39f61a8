import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AllReduce, createAllReduceGroup, GroupClosed } from '../../../trainer/allReduce';

const entry = new URL('./allReduce.worker.ts', import.meta.url).href;

function runWorker(data: object): Promise<Float32Array[]> {
  const worker = new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { entry, ...data } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** A seeded generator, so a failure repeats. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('all-reduce over a SharedArrayBuffer (real worker threads)', () => {
  it.each([1, 2, 3, 4])(
    'sums %i workers’ vectors of random sizes, every worker the same sums, round after round',
    async (workers) => {
      const random = lcg(workers * 97);
      // Sizes around and across the chunk (64 floats here), and empty.
      const sizes = [1, 63, 64, 65, 200, 0, Math.floor(random() * 500) + 1];
      const rounds = sizes.length * 3;
      const vectors = Array.from({ length: workers }, () =>
        Array.from({ length: rounds }, (_, r) =>
          Float32Array.from({ length: sizes[r % sizes.length]! }, () => random() * 2 - 1),
        ),
      );
      const group = createAllReduceGroup(workers, 64);
      const results = await Promise.all(vectors.map((v, rank) => runWorker({ group, rank, vectors: v })));
      for (let r = 0; r < rounds; r++) {
        const expected = Float32Array.from({ length: sizes[r % sizes.length]! }, (_, i) =>
          vectors.reduce((sum, v) => sum + v[r]![i]!, 0),
        );
        for (const result of results) {
          expect(result[r]!.length).toBe(expected.length);
          for (let i = 0; i < expected.length; i++) expect(result[r]![i]).toBeCloseTo(expected[i]!, 5);
          // Bit-identical across workers, not just close.
          expect(Buffer.from(result[r]!.buffer).equals(Buffer.from(results[0]![r]!.buffer))).toBe(true);
        }
      }
    },
    60_000,
  );

  it('agrees on rank 0’s decision, and a closed group releases a waiting worker', () => {
    const single = new AllReduce(createAllReduceGroup(1), 0);
    expect(single.agree(2)).toBe(2);
    const group = createAllReduceGroup(2, 8);
    const lonely = new AllReduce(group, 1);
    new AllReduce(group, 0).close();
    expect(() => lonely.barrier()).toThrow(GroupClosed);
  });

  it('refuses a group of no workers with a clear message', () => {
    expect(() => createAllReduceGroup(0)).toThrow('workers must be a whole number ≥ 1, got 0');
  });
});
