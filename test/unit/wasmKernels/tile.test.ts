import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmAndCpu, liveCounts, randomValues, size } from './harness';

beforeAll(initWasmAndCpu);

async function tileOn(
  backend: 'wasm' | 'cpu',
  values: Float32Array,
  shape: number[],
  reps: number[],
  dtype: tf.DataType,
) {
  await tf.setBackend(backend);
  const x = tf.tensor(values, shape, dtype);
  const tiled = tf.engine().runKernel('Tile', { x }, { reps }) as tf.Tensor;
  const out = { shape: tiled.shape, values: Array.from(tiled.dataSync() as ArrayLike<number>) };
  tf.dispose([x, tiled]);
  return out;
}

describe('Tile on wasm (block copies)', () => {
  it('equals the cpu backend for any rank, shape, repetitions and numeric dtype, without leaks', async () => {
    const cases = fc.integer({ min: 0, max: 5 }).chain((rank) =>
      fc.record({
        shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: rank, maxLength: rank }),
        reps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: rank, maxLength: rank }),
        dtype: fc.constantFrom<tf.DataType>('float32', 'int32', 'bool'),
        seed: fc.integer(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, reps, dtype, seed }) => {
        const values = randomValues(size(shape), seed).map((v) => (dtype === 'float32' ? v : Math.round(v * 5)));
        await tf.setBackend('wasm');
        const before = liveCounts();
        const wasm = await tileOn('wasm', values, shape, reps, dtype);
        expect(liveCounts()).toEqual(before);
        expect(wasm).toEqual(await tileOn('cpu', values, shape, reps, dtype));
      }),
      { numRuns: 200, seed: 20260408 },
    );
  });

  it("tiles batch norm's [1, 1, 1, C] statistics to an activation shape", async () => {
    const values = randomValues(5, 9);
    const wasm = await tileOn('wasm', values, [1, 1, 1, 5], [2, 3, 4, 1], 'float32');
    expect(wasm).toEqual(await tileOn('cpu', values, [1, 1, 1, 5], [2, 3, 4, 1], 'float32'));
  });
});
