import { z } from 'zod';
import { formatBytes } from '../analysis/format';
import type { DiagnosticText } from '../i18n/diagnosticText';
import type { OptimizerKind } from './options';
import { type RunMessage, runMessage, runText } from './runText';

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

/** What a run may use, and how that figure was found ("70% of this machine's 16 GiB of memory"). */
export interface MemoryBudget {
  bytes: number;
  /** In English. */
  label: string;
  /** The same in any language. */
  text?: DiagnosticText;
}

/** A byte count as formatBytes writes it ("1.5 GiB"), with the language's decimal separator. */
export const bytesValue = (bytes: number) => ({ decimal: formatBytes(bytes) });

/**
 * null when the estimate fits the budget; otherwise the refusal, with the numbers and the
 * largest batch size that would fit (or why none would).
 */
export function memoryRefusalMessage(estimate: MemoryEstimate, budget: MemoryBudget): RunMessage | null {
  if (estimate.totalBytes <= budget.bytes) return null;
  const fixed = estimate.parameterBytes + estimate.optimizerBytes + estimate.datasetBytes;
  const needs = runText('memoryNeeds', {
    total: bytesValue(estimate.totalBytes),
    batch: { int: estimate.batchSize },
    activations: bytesValue(estimate.activationBytes),
    parameters: bytesValue(estimate.parameterBytes),
    optimizer: bytesValue(estimate.optimizerBytes),
    dataset: bytesValue(estimate.datasetBytes),
    budget: budget.text ?? budget.label,
  });
  const fits = Math.floor((budget.bytes - fixed) / estimate.bytesPerBatchSample);
  if (fits >= 1) return runMessage('memoryLowerBatch', { needs, fits: { int: fits } });
  if (estimate.datasetBytes > budget.bytes / 2) return runMessage('memoryFewerSamples', { needs });
  return runMessage('memoryNothingFits', { needs });
}

/** The English of memoryRefusalMessage. */
export function memoryRefusal(estimate: MemoryEstimate, budgetBytes: number, budgetLabel: string): string | null {
  return memoryRefusalMessage(estimate, { bytes: budgetBytes, label: budgetLabel })?.message ?? null;
}
