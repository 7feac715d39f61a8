import type * as tfjs from '@tensorflow/tfjs';
import type { HeapBackend } from './heap';

export type Tf = typeof tfjs;
type Attrs = tfjs.NamedAttrMap;
type Inputs = tfjs.NamedTensorInfoMap;
export type Info = tfjs.TensorInfo;

/**
 * Runs wasm's own kernel functions from inside one of our kernels and frees
 * every intermediate it made. Kernels must not call tf ops (those would go
 * through the engine, be tracked as tensors and nest kernel invocations), so
 * composition happens here, at the kernel-function level, with the backend's
 * reference-counted `disposeData`.
 */
export class KernelScope {
  /** Data ids this scope owns, one entry per reference it holds. */
  private readonly owned: tfjs.DataId[] = [];

  constructor(
    private readonly tf: Tf,
    readonly backend: tfjs.KernelBackend,
  ) {}

  run(kernelName: string, inputs: Inputs, attrs: Attrs = {}): Info {
    const kernel = this.tf.getKernel(kernelName, 'wasm');
    if (!kernel) throw new Error(`wasm backend has no ${kernelName} kernel`);
    const out = kernel.kernelFunc({ inputs, attrs, backend: this.backend }) as Info;
    this.owned.push(out.dataId);
    return out;
  }

  /** Same data, another shape: free (row-major reshape needs no copy and no kernel). */
  view(t: Info, shape: number[]): Info {
    return { dataId: t.dataId, shape, dtype: t.dtype };
  }

  /** A transpose, or a free view when it only moves axes of size 1. */
  transpose(x: Info, perm: number[]): Info {
    const moved = perm.filter((axis) => x.shape[axis] !== 1);
    const identity = moved.every((axis, i) => i === 0 || moved[i - 1]! < axis);
    const shape = perm.map((axis) => x.shape[axis]!);
    return identity ? this.view(x, shape) : this.run('Transpose', { x }, { perm });
  }

  /**
   * A float32 tensor written by plain JavaScript on the wasm heap, for
   * rearrangements no wasm kernel does in one pass. `write` gets views of the
   * new tensor and of `inputs`, taken after the allocation (which may grow the
   * heap and so detach views taken before it). The new tensor starts uninitialised.
   */
  onHeap(shape: number[], inputs: Info[], write: (out: Float32Array, ...ins: Float32Array[]) => void): Info {
    const heap = this.backend as HeapBackend;
    const out = this.allocate(shape);
    write(
      heap.typedArrayFromHeap(out) as Float32Array,
      ...inputs.map((t) => heap.typedArrayFromHeap(t) as Float32Array),
    );
    return out;
  }

  /** A new tensor this scope owns, uninitialised: for our SIMD kernels to write. */
  allocate(shape: number[], dtype: 'float32' | 'int32' = 'float32'): Info {
    const out = (this.backend as HeapBackend).makeOutput(shape, dtype);
    this.owned.push(out.dataId);
    return out;
  }

  /**
   * Hands `result` to the caller: its reference leaves this scope. A result
   * that is (a view of) one of the kernel's inputs gets a reference of its own
   * through Identity, because the engine takes ownership of every output.
   */
  keep(result: Info): Info {
    const at = this.owned.lastIndexOf(result.dataId);
    if (at >= 0) {
      this.owned.splice(at, 1);
      return result;
    }
    const copy = this.run('Identity', { x: result });
    this.owned.pop();
    return { ...copy, shape: result.shape };
  }

  disposeAll(): void {
    for (const dataId of this.owned.splice(0)) this.backend.disposeData(dataId);
  }
}

/**
 * Runs `body` with a fresh scope; intermediates are freed even when it throws.
 * `backend` is what the engine passes a kernel (typed `{}` by tfjs): the wasm backend.
 */
export function withScope(tf: Tf, backend: object, body: (k: KernelScope) => Info): Info {
  const scope = new KernelScope(tf, backend as tfjs.KernelBackend);
  try {
    return scope.keep(body(scope));
  } finally {
    scope.disposeAll();
  }
}
