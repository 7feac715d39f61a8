import { errorMessage } from '../../../shared/issues';
import type { HeapBackend } from './heap';
import { simdModuleBase64 } from './simdModule.generated';

/** Netwright's own SIMD kernels (./assembly); every pointer is a byte offset into tfjs's wasm heap. */
export interface SimdKernels {
  /** `geometry`: the fifteen int32 values convGeometry (convInfo.ts) writes. */
  /** `scratch`: as many floats as the filter, for its packed taps. */
  conv2dForward(
    x: number,
    w: number,
    bias: number,
    hasBias: boolean,
    y: number,
    geometry: number,
    scratch: number,
  ): void;
  conv2dInputGrad(dy: number, w: number, dx: number, geometry: number, scratch: number, narrow: boolean): void;
  conv2dFilterGrad(x: number, dy: number, dw: number, geometry: number): void;
  depthwiseInputGrad(dy: number, w: number, dx: number, geometry: number): void;
  depthwiseFilterGrad(x: number, dy: number, dw: number, geometry: number): void;
  maxPoolGrad(
    x: number,
    dy: number,
    dx: number,
    batch: number,
    inH: number,
    inW: number,
    channels: number,
    outH: number,
    outW: number,
    strideH: number,
    strideW: number,
    filterH: number,
    filterW: number,
    padTop: number,
    padLeft: number,
  ): void;
  clampInPlace(t: number, count: number, lo: number, hi: number): void;
  copyRuns(src: number, srcStep: number, dst: number, dstStep: number, runs: number, runBytes: number): void;
}

/** The runtime's WebAssembly API, as far as used here (Node's types for it are not in the ES lib). */
declare const WebAssembly: {
  Memory: abstract new () => object;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

/** The emscripten module inside tfjs-backend-wasm 4.x exposes its exports, memory included, as `wasm.asm`. */
type WasmBackendInternals = { wasm?: { asm?: { memory?: unknown } } };

let compiled: object | undefined;
const instances = new WeakMap<object, SimdKernels>();

/**
 * The kernel module instantiated over `backend`'s own memory, so kernels read
 * and write tensors where tfjs keeps them, with no copy. One instance per
 * backend; throws a sentence naming what is missing when it cannot start.
 */
export function simdKernels(backend: object): SimdKernels {
  const known = instances.get(backend);
  if (known) return known;
  const memory = (backend as WasmBackendInternals).wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) {
    throw new Error(
      "Netwright's wasm training kernels cannot reach tfjs-backend-wasm's memory (this tfjs version does not expose it); use @tensorflow/tfjs-backend-wasm 4.22.0, or NETWRIGHT_BACKEND=cpu.",
    );
  }
  try {
    compiled ??= new WebAssembly.Module(Uint8Array.from(atob(simdModuleBase64), (ch) => ch.charCodeAt(0)));
  } catch (err) {
    throw new Error(
      `Netwright's wasm training kernels need WebAssembly SIMD, which this runtime rejected (${errorMessage(err)}); update Node/Electron, or use NETWRIGHT_BACKEND=cpu.`,
    );
  }
  const kernels = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as SimdKernels;
  instances.set(backend, kernels);
  return kernels;
}

type TensorInfo = Parameters<HeapBackend['typedArrayFromHeap']>[0];

/** Byte offset of a tensor's data in the wasm heap. */
export function heapAddress(backend: HeapBackend, t: TensorInfo): number {
  return backend.typedArrayFromHeap(t).byteOffset;
}

/** Where a tensor's data lies in the wasm heap, and the bytes per element there (bool is one byte). */
export function heapLocation(backend: HeapBackend, t: TensorInfo): { address: number; elementBytes: number } {
  const view = backend.typedArrayFromHeap(t);
  return { address: view.byteOffset, elementBytes: view.BYTES_PER_ELEMENT };
}
