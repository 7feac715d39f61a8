import { describe, expect, it } from 'vitest';
import { TrainingService } from '../../../electron/services/train';
import { gpuMemoryBudget } from '../../../electron/services/train/memoryBudget';
import { errorText } from '../../../shared/api';
import { tinyConvNet } from './helpers';

const service = () =>
  new TrainingService({
    runsDir: null,
    keepRunsDir: null,
    backend: async () => ({
      name: 'wasm',
      reason: 'tests',
      attempts: [
        { name: 'tensorflow-gpu', ok: false, reason: 'needs CUDA 11.2' },
        { name: 'tensorflow', ok: false, reason: '@tensorflow/tfjs-node is not installed' },
        { name: 'wasm', ok: true, reason: 'tests' },
      ],
    }),
    memoryBudget: () => ({ bytes: 2 ** 30, label: 'the test budget' }),
  });

const request = (backend: string) => ({
  graph: tinyConvNet(),
  options: { dataset: { kind: 'synthetic', samples: 16 }, epochs: 1, batchSize: 8, workers: 2 },
  backend: backend as never,
});

describe('a backend pinned for one run', () => {
  it('is refused with the reason it did not load at start', async () => {
    await expect(service().plan(request('tensorflow'))).rejects.toThrow(
      'The tensorflow backend cannot be used here: @tensorflow/tfjs-node is not installed',
    );
  });

  it('is refused in German too, its English reason kept where the report has no text', async () => {
    const refusal = await service()
      .plan(request('tensorflow'))
      .catch((err: unknown) => err);
    expect(errorText(refusal, 'de')).toBe(
      'Das Backend tensorflow ist hier nicht nutzbar: @tensorflow/tfjs-node is not installed',
    );
  });

  it('decides the workers and the budget: wasm trains data-parallel, the others on one worker', async () => {
    expect((await service().plan(request('wasm'))).options.workers).toBe(2);
    expect((await service().plan(request('cpu'))).options.workers).toBe(1);
    const gpu = await service().plan(request('webgl'));
    expect(gpu.options.workers).toBe(1);
    expect(gpu.budget.label).toMatch(/^the 4 GiB assumed for the GPU/);
  });

  it('GPU memory: 4 GiB assumed, or what NETWRIGHT_GPU_MEMORY_MB says', () => {
    expect(gpuMemoryBudget({}).bytes).toBe(4 * 2 ** 30);
    expect(gpuMemoryBudget({ NETWRIGHT_GPU_MEMORY_MB: '24576' })).toMatchObject({
      bytes: 24576 * 2 ** 20,
      label: "the GPU's 24 GiB (NETWRIGHT_GPU_MEMORY_MB)",
    });
    expect(gpuMemoryBudget({ NETWRIGHT_GPU_MEMORY_MB: 'lots' }).bytes).toBe(4 * 2 ** 30);
  });
});
