import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { getTemplate } from '../../../shared/templates';
import {
  ACTIVATION_TRAINING_FACTOR,
  estimateTrainingMemory,
  memoryRefusal,
  optimizerSlots,
} from '../../../shared/training';

describe('memory per batch', () => {
  it('is activations × batch × 4 bytes × the gradient factor, plus weights, gradients and optimizer slots', () => {
    const net = { activationElements: 1000, params: 500, trainableParams: 400 };
    const e = estimateTrainingMemory(net, { batchSize: 8, optimizer: 'adam', momentum: 0 }, 123);
    expect(e.activationBytes).toBe(1000 * 8 * 4 * ACTIVATION_TRAINING_FACTOR);
    expect(e.parameterBytes).toBe((500 + 400) * 4);
    expect(e.optimizerBytes).toBe(400 * 2 * 4);
    expect(e.totalBytes).toBe(e.activationBytes + e.parameterBytes + e.optimizerBytes + 123);
  });

  it('counts tfjs optimizer slots', () => {
    expect(optimizerSlots('sgd', 0)).toBe(0);
    expect(optimizerSlots('sgd', 0.9)).toBe(1);
    expect(optimizerSlots('adam', 0)).toBe(2);
    expect(optimizerSlots('rmsprop', 0)).toBe(2);
  });

  it('refuses Inception v3 at batch 256 on a 4 GiB backend and says which batch size fits', () => {
    const a = analyzeGraph(getTemplate('inception-v3')!.build());
    const e = estimateTrainingMemory(a.totals, { batchSize: 256, optimizer: 'rmsprop', momentum: 0 });
    const refusal = memoryRefusal(e, 4 * 2 ** 30, 'the 4 GiB the WebAssembly backend can address');
    expect(refusal).toMatch(
      /^Training needs about [\d.]+ GiB at batch size 256 .* more than the 4 GiB the WebAssembly backend can address\. Lower the batch size to \d+ or less/,
    );
    const fits = Number(/Lower the batch size to (\d+)/.exec(refusal!)![1]);
    const smaller = estimateTrainingMemory(a.totals, { batchSize: fits, optimizer: 'rmsprop', momentum: 0 });
    expect(memoryRefusal(smaller, 4 * 2 ** 30, 'x')).toBeNull();
    expect(
      memoryRefusal(
        { ...smaller, batchSize: fits + 1, totalBytes: smaller.totalBytes + smaller.bytesPerBatchSample },
        4 * 2 ** 30,
        'x',
      ),
    ).not.toBeNull();
  });

  it('lets the small Inception net train at batch 32', () => {
    const a = analyzeGraph(getTemplate('small-inception')!.build());
    const e = estimateTrainingMemory(a.totals, { batchSize: 32, optimizer: 'adam', momentum: 0 });
    expect(memoryRefusal(e, 2 ** 30, '1 GiB')).toBeNull();
  });
});
