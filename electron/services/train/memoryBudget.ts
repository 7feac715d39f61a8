import os from 'node:os';
import type { BackendName } from '../../../shared/api';
import { type MemoryBudget, runMessage } from '../../../shared/training';

const GiB = 2 ** 30;
const WASM_HEAP_BYTES = 4 * GiB - 64 * 1024; // wasm32: tfjs-backend-wasm's getHeapMax()

/**
 * How much a run may use on a backend: 70% of the machine's memory (the rest is the OS,
 * the app and the dataset's copies), and for wasm no more than its 4 GiB address space.
 * libtensorflow's GPU memory is not visible from here; the same system-memory rule is used.
 */
export function defaultMemoryBudget(backend: BackendName): MemoryBudget {
  const total = os.totalmem();
  const share = Math.floor(total * 0.7);
  if (backend === 'wasm' && WASM_HEAP_BYTES < share) return budget(WASM_HEAP_BYTES, runMessage('budgetWasm'));
  return budget(share, runMessage('budgetMachine', { gib: Math.round(total / GiB) }));
}

const budget = (bytes: number, said: { message: string; text: MemoryBudget['text'] }): MemoryBudget => ({
  bytes,
  label: said.message,
  text: said.text,
});

const DEFAULT_GPU_BYTES = 4 * GiB;

/**
 * What a run on the browser engine's GPU may use. Browsers do not tell a page how much memory
 * its GPU has, so Netwright assumes 4 GiB (a common integrated or entry-level GPU), unless
 * NETWRIGHT_GPU_MEMORY_MB says how much this machine's GPU has.
 */
export function gpuMemoryBudget(env: NodeJS.ProcessEnv = process.env): MemoryBudget {
  const mb = Number(env.NETWRIGHT_GPU_MEMORY_MB);
  if (Number.isFinite(mb) && mb > 0)
    return budget(mb * 2 ** 20, runMessage('budgetGpuSet', { size: { decimal: formatMb(mb) } }));
  return budget(DEFAULT_GPU_BYTES, runMessage('budgetGpuAssumed'));
}

const formatMb = (mb: number) => (mb >= 1024 ? `${Math.round((mb / 1024) * 10) / 10} GiB` : `${Math.round(mb)} MB`);
