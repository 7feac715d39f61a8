import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { createAllReduceGroup } from '../../../trainer/allReduce';
import { shareOf } from '../../../trainer/dataParallel';
import { options, tinyConvNet } from '../train/helpers';

const entry = new URL('./dataParallel.worker.ts', import.meta.url).href;
type Result = { status: string; message?: string; weights: Float32Array[] };

function runWorker(data: object): Promise<Result> {
  const worker = new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { entry, ...data } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Trains with `workers` workers (0: the single-worker path, no group); every worker's weights. */
function train(graph: Graph, workers: number, raw: Record<string, unknown>, perturbRank?: number): Promise<Result[]> {
  const o = options(raw);
  if (workers === 0) return Promise.all([runWorker({ group: null, rank: 0, graph, options: o })]);
  const group = createAllReduceGroup(workers);
  return Promise.all(
    Array.from({ length: workers }, (_, rank) => runWorker({ group, rank, graph, options: o, perturbRank })),
  );
}

/** Conv, pool, dense: no batch norm and no dropout, whose statistics and masks depend on the split. */
function plainConvNet(): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x]);
  x = b.add('MaxPool2D', { poolSize: [2, 2], strides: [2, 2] }, [x]);
  x = b.add('Flatten', {}, [x]);
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('data-parallel training (real worker threads, cpu)', () => {
  it('splits a batch into contiguous shares that cover it, sizes differing by at most one', () => {
    for (const [size, workers] of [
      [16, 2],
      [17, 3],
      [2, 3],
      [1, 4],
    ] as const) {
      const shares = Array.from({ length: workers }, (_, r) => shareOf(10, 10 + size, r, workers));
      expect(shares[0]!.from).toBe(10);
      expect(shares.at(-1)!.to).toBe(10 + size);
      for (let r = 1; r < workers; r++) expect(shares[r]!.from).toBe(shares[r - 1]!.to);
      const sizes = shares.map((s) => s.to - s.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the weights of every worker bit-identical (batch norm, dropout, an uneven last batch)', async () => {
    // 50 samples, batch 16: batches of 16, 16, 16 and 2, so with 3 workers one share of the last is empty.
    const results = await train(tinyConvNet(), 3, {
      dataset: { kind: 'synthetic', samples: 50, classes: 3 },
      epochs: 2,
      validationSplit: 0,
      labelSmoothing: 0.1,
      weightDecay: 1e-3,
    });
    for (const r of results) expect(r.status).toBe('completed');
    const [first, ...others] = results;
    for (const other of others) {
      other!.weights.forEach((w, i) => {
        expect(bytes(w).equals(bytes(first!.weights[i]!))).toBe(true);
      });
    }
  }, 60_000);

  it('stops every worker at the epoch’s end when one worker’s weights drift', async () => {
    const raw = { dataset: { kind: 'synthetic', samples: 32, classes: 3 }, epochs: 2, validationSplit: 0 };
    const results = await train(plainConvNet(), 2, raw, 1);
    for (const r of results) {
      expect(r.status).toBe('threw');
      expect(r.message).toMatch(
        /^the 2 training workers no longer hold identical weights \(hashes \d+, \d+\); train with one worker/,
      );
    }
  }, 60_000);

  it('matches single-worker training with the same global batch within 1e-5 after 5 steps', async () => {
    const raw = { dataset: { kind: 'synthetic', samples: 80, classes: 3 }, epochs: 1, validationSplit: 0 };
    const [[single], [two]] = await Promise.all([train(plainConvNet(), 0, raw), train(plainConvNet(), 2, raw)]);
    expect(single!.weights).toHaveLength(4);
    single!.weights.forEach((w, i) => {
      const other = two!.weights[i]!;
      let maxDiff = 0;
      for (let j = 0; j < w.length; j++) maxDiff = Math.max(maxDiff, Math.abs(w[j]! - other[j]!));
      expect(maxDiff).toBeLessThan(1e-5);
    });
    // Five steps end elsewhere than one: equal because trained alike, not because barely trained.
    const [oneStep] = await train(plainConvNet(), 0, {
      ...raw,
      dataset: { kind: 'synthetic', samples: 1, classes: 3 },
    });
    expect(bytes(oneStep!.weights[0]!).equals(bytes(single!.weights[0]!))).toBe(false);
  }, 60_000);
});
