import { formatBytes } from '../../../shared/analysis';
import type { MemoryEstimate } from '../../../shared/training';

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
  ram: { bytes: number; label: string },
): { workers: number; refusal: string | null } {
  if (wanted <= 1 || parallelBytes(m, wanted) <= ram.bytes) return { workers: wanted, refusal: null };
  const fit = Math.max(1, Math.floor((ram.bytes - m.activationBytes) / perWorkerBytes(m)));
  if (!asked) return { workers: Math.min(wanted, fit), refusal: null };
  return {
    workers: wanted,
    refusal:
      `${wanted} training workers need about ${formatBytes(parallelBytes(m, wanted))} (each holds the weights, ` +
      `optimizer state and dataset, ${formatBytes(perWorkerBytes(m))}), more than ${ram.label}: ` +
      `use ${fit} worker${fit === 1 ? '' : 's'} or fewer.`,
  };
}
