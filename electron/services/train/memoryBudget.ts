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
