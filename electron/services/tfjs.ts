import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendReport } from '../../shared/api';
import { type BackendCandidate, selectBackend } from './backend';
import { registerWasmTrainingKernels } from './wasmKernels';
import { simdKernels } from './wasmKernels/simdModule';

/** Optional packages are imported by a computed name so bundlers and tsc leave them alone. */
async function importOptional(name: string): Promise<void> {
  await import(name);
}

function wasmDirectory(): string {
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return path.dirname(entry) + path.sep;
}

/** The chain from DEVELOPERS.md: native GPU, native CPU, WebAssembly, plain JavaScript. */
export function defaultCandidates(): BackendCandidate[] {
  return [
    {
      name: 'tensorflow-gpu',
      tfName: 'tensorflow',
      load: () => importOptional('@tensorflow/tfjs-node-gpu'),
      whyChosen: 'libtensorflow with CUDA loaded: training runs on the GPU.',
    },
    {
      name: 'tensorflow',
      tfName: 'tensorflow',
      load: () => importOptional('@tensorflow/tfjs-node'),
      whyChosen: 'libtensorflow loaded: native multi-threaded CPU kernels.',
    },
    {
      name: 'wasm',
      tfName: 'wasm',
      load: async () => {
        setWasmPaths(wasmDirectory());
        // wasm lacks the conv filter-gradient kernels (and its input gradient is a naive loop): conv nets could not train.
        registerWasmTrainingKernels(tf);
      },
      // Our kernels run in a SIMD module sharing the backend's memory: training would fail later without it.
      verify: () => {
        simdKernels(tf.backend());
      },
      whyChosen: 'WebAssembly (SIMD): the fastest backend that loads without libtensorflow.',
    },
    {
      name: 'cpu',
      tfName: 'cpu',
      load: async () => {},
      whyChosen: 'plain JavaScript: slow, used because no faster backend loaded.',
    },
  ];
}

let selection: Promise<BackendReport> | undefined;

/** Selects once per process (`pinned` or NETWRIGHT_BACKEND first); later callers share the answer. */
export function ensureBackend(pinned?: string): Promise<BackendReport> {
  selection ??= selectBackend(tf, defaultCandidates(), pinned ?? process.env.NETWRIGHT_BACKEND);
  return selection;
}

export { tf };
