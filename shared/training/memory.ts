import { z } from 'zod';
import { formatBytes, formatInt } from '../analysis/format';
import type { OptimizerKind } from './options';

const BYTES_PER_FLOAT = 4;

/**
 * Backprop keeps every forward activation for the backward pass and materialises a
 * gradient of the same size, plus short-lived temporaries (im2col, transposes): about
 * three times the forward activations.
 */
export const ACTIVATION_TRAINING_FACTOR = 3;

export const MemoryEstimate = z.object({
  batchSize: z.number().int(),
  /** activations per sample × batch × 4 bytes × ACTIVATION_TRAINING_FACTOR. */
  activationBytes: z.number(),
  /** Weights (all parameters) and one gradient per trainable parameter. */
  parameterBytes: z.number(),
  /** Optimizer slots per trainable parameter (momentum, Adam's two moments, RMSProp's two accumulators). */
  optimizerBytes: z.number(),
  /** The dataset as stored: one byte per pixel value at the network's input size. */
  datasetBytes: z.number(),
  totalBytes: z.number(),
  /** Bytes each extra sample in a batch adds, for "lower the batch size to …". */
  bytesPerBatchSample: z.number(),
});
export type MemoryEstimate = z.output<typeof MemoryEstimate>;

/** Slot variables tfjs keeps per trainable weight (tfjs's RMSProp always keeps a moments slot). */
export function optimizerSlots(optimizer: OptimizerKind, momentum: number): number {
  if (optimizer === 'sgd') return momentum > 0 ? 1 : 0;
  return 2;
}

export interface NetworkSize {
  /** Sum of every node's output elements per sample (analysis.totals.activationElements). */
  activationElements: number;
  params: number;
  trainableParams: number;
}

export function estimateTrainingMemory(
  net: NetworkSize,
  settings: { batchSize: number; optimizer: OptimizerKind; momentum: number },
  datasetBytes = 0,
): MemoryEstimate {
  const bytesPerBatchSample = net.activationElements * BYTES_PER_FLOAT * ACTIVATION_TRAINING_FACTOR;
  const activationBytes = bytesPerBatchSample * settings.batchSize;
  const parameterBytes = (net.params + net.trainableParams) * BYTES_PER_FLOAT;
  const optimizerBytes = net.trainableParams * optimizerSlots(settings.optimizer, settings.momentum) * BYTES_PER_FLOAT;
  return {
    batchSize: settings.batchSize,
    activationBytes,
    parameterBytes,
    optimizerBytes,
    datasetBytes,
    totalBytes: activationBytes + parameterBytes + optimizerBytes + datasetBytes,
    bytesPerBatchSample,
  };
}

/**
 * null when the estimate fits `budgetBytes`; otherwise the refusal, with the numbers
 * and the largest batch size that would fit (or why none would).
 */
export function memoryRefusal(estimate: MemoryEstimate, budgetBytes: number, budgetLabel: string): string | null {
  if (estimate.totalBytes <= budgetBytes) return null;
  const fixed = estimate.parameterBytes + estimate.optimizerBytes + estimate.datasetBytes;
  const needs =
    `Training needs about ${formatBytes(estimate.totalBytes)} at batch size ${formatInt(estimate.batchSize)} ` +
    `(activations and their gradients ${formatBytes(estimate.activationBytes)}, weights and gradients ` +
    `${formatBytes(estimate.parameterBytes)}, optimizer state ${formatBytes(estimate.optimizerBytes)}, ` +
    `dataset ${formatBytes(estimate.datasetBytes)}), more than ${budgetLabel}.`;
  const fits = Math.floor((budgetBytes - fixed) / estimate.bytesPerBatchSample);
  if (fits >= 1) return `${needs} Lower the batch size to ${formatInt(fits)} or less, or use a smaller input.`;
  if (estimate.datasetBytes > budgetBytes / 2) return `${needs} Use fewer samples or a smaller input.`;
  return `${needs} Even one sample per batch does not fit: use a smaller network or input.`;
}
