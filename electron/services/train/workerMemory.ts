import {
  bytesValue,
  type MemoryBudget,
  type MemoryEstimate,
  type RunMessage,
  runMessage,
} from '../../../shared/training';

/** What each data-parallel worker holds for itself: weights, gradients, optimizer state, its copy of the dataset. */
const perWorkerBytes = (m: MemoryEstimate) => m.parameterBytes + m.optimizerBytes + m.datasetBytes;

/** Bytes `workers` data-parallel workers hold together; the batch's activations are split among them. */
export function parallelBytes(m: MemoryEstimate, workers: number): number {
  return workers * perWorkerBytes(m) + m.activationBytes;
}

/**
 * How many workers a run gets in `ram` bytes: the `wanted` number when they fit; fewer when the
 * number was the default; a refusal naming what fits when the user asked for that many.
 */
export function workersInMemory(
  m: MemoryEstimate,
  wanted: number,
  asked: boolean,
  ram: MemoryBudget,
): { workers: number; refusal: RunMessage | null } {
  if (wanted <= 1 || parallelBytes(m, wanted) <= ram.bytes) return { workers: wanted, refusal: null };
  const fit = Math.max(1, Math.floor((ram.bytes - m.activationBytes) / perWorkerBytes(m)));
  if (!asked) return { workers: Math.min(wanted, fit), refusal: null };
  return {
    workers: wanted,
    refusal: runMessage(
      'workersNeed',
      {
        wanted,
        total: bytesValue(parallelBytes(m, wanted)),
        each: bytesValue(perWorkerBytes(m)),
        budget: ram.text ?? ram.label,
        fit,
      },
      fit,
    ),
  };
}
