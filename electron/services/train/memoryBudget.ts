import os from 'node:os';
import type { BackendName } from '../../../shared/api';

const GiB = 2 ** 30;
const WASM_HEAP_BYTES = 4 * GiB - 64 * 1024; // wasm32: tfjs-backend-wasm's getHeapMax()

/**
 * How much a run may use on a backend: 70% of the machine's memory (the rest is the OS,
 * the app and the dataset's copies), and for wasm no more than its 4 GiB address space.
 * libtensorflow's GPU memory is not visible from here; the same system-memory rule is used.
 */
export function defaultMemoryBudget(backend: BackendName): { bytes: number; label: string } {
  const total = os.totalmem();
  const share = Math.floor(total * 0.7);
  const ram = { bytes: share, label: `70% of this machine's ${Math.round(total / GiB)} GiB of memory` };
  if (backend === 'wasm' && WASM_HEAP_BYTES < share) {
    return { bytes: WASM_HEAP_BYTES, label: 'the 4 GiB the WebAssembly backend can address' };
  }
  return ram;
}

const DEFAULT_GPU_BYTES = 4 * GiB;

/**
 * What a run on the browser engine's GPU may use. Browsers do not tell a page how much memory
 * its GPU has, so Netwright assumes 4 GiB (a common integrated or entry-level GPU), unless
 * NETWRIGHT_GPU_MEMORY_MB says how much this machine's GPU has.
 */
export function gpuMemoryBudget(env: NodeJS.ProcessEnv = process.env): { bytes: number; label: string } {
  const mb = Number(env.NETWRIGHT_GPU_MEMORY_MB);
  if (Number.isFinite(mb) && mb > 0) {
    return { bytes: mb * 2 ** 20, label: `the GPU's ${formatMb(mb)} (NETWRIGHT_GPU_MEMORY_MB)` };
  }
  return {
    bytes: DEFAULT_GPU_BYTES,
    label:
      'the 4 GiB assumed for the GPU (browsers do not report GPU memory; set NETWRIGHT_GPU_MEMORY_MB to what yours has)',
  };
}

const formatMb = (mb: number) => (mb >= 1024 ? `${Math.round((mb / 1024) * 10) / 10} GiB` : `${Math.round(mb)} MB`);
