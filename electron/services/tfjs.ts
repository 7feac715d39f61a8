import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendReport } from '../../shared/api';
import { said } from '../../shared/i18n/diagnosticText';
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
      whyChosen: said('backend.chosen.cuda'),
    },
    {
      name: 'tensorflow',
      tfName: 'tensorflow',
      load: () => importOptional('@tensorflow/tfjs-node'),
      whyChosen: said('backend.chosen.native'),
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
      whyChosen: said('backend.chosen.wasm'),
    },
    {
      name: 'cpu',
      tfName: 'cpu',
      load: async () => {},
      whyChosen: said('backend.chosen.cpu'),
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
