import type * as tfjs from '@tensorflow/tfjs';
import { type AxisWindow, type CroppedWindow, cropWindow } from './geometry';
import type { HeapBackend } from './heap';

export type Tf = typeof tfjs;
type Attrs = tfjs.NamedAttrMap;
type Inputs = tfjs.NamedTensorInfoMap;
export type Info = tfjs.TensorInfo;
export type Pads4D = [[number, number], [number, number], [number, number], [number, number]];

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

  /** A kernel with several outputs (SplitV, …), each owned like run's. */
  runMany(kernelName: string, inputs: Inputs, attrs: Attrs = {}): Info[] {
    const kernel = this.tf.getKernel(kernelName, 'wasm');
    if (!kernel) throw new Error(`wasm backend has no ${kernelName} kernel`);
    const outs = kernel.kernelFunc({ inputs, attrs, backend: this.backend }) as Info[];
    for (const out of outs) this.owned.push(out.dataId);
    return outs;
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
    const out = heap.makeOutput(shape, 'float32');
    this.owned.push(out.dataId);
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

  zeros(shape: number[]): Info {
    return this.run('Fill', {}, { shape, value: 0, dtype: 'float32' });
  }

  /**
   * Crops the spatial axes (1 and 2, NHWC) of `x` to the real rows of two
   * windows and returns the zero padding still needed around them, which the
   * convolution applies implicitly. Null when a window holds no real row.
   */
  cropSpatial(x: Info, rows: AxisWindow, cols: AxisWindow): { x: Info; pads: Pads4D } | null {
    const r = cropWindow(x.shape[1]!, rows);
    const c = cropWindow(x.shape[2]!, cols);
    if (!r || !c) return null;
    const whole = (w: CroppedWindow, size: number) => w.begin === 0 && w.length === size;
    const cropped =
      whole(r, x.shape[1]!) && whole(c, x.shape[2]!)
        ? x
        : this.run(
            'Slice',
            { x },
            { begin: [0, r.begin, c.begin, 0], size: [x.shape[0]!, r.length, c.length, x.shape[3]!] },
          );
    const pads: Pads4D = [
      [0, 0],
      [r.padBefore, r.padAfter],
      [c.padBefore, c.padAfter],
      [0, 0],
    ];
    return { x: cropped, pads };
  }

  /**
   * Output gradient [n, oh, ow, c] spread onto the stride grid: row i goes to
   * i·strideH, with zeros between (and stride−1 trailing zeros, harmless since
   * the caller's window decides what is read). One rank-5 pad does both axes:
   * viewed as [n·oh, 1, ow, 1, c], padding axes 1 and 3 at their ends interleaves
   * the zeros, and the result is row-major [n, oh·sh, ow·sw, c].
   */
  insertZeros(dy: Info, strideH: number, strideW: number): Info {
    if (strideH === 1 && strideW === 1) return dy;
    const [n, oh, ow, c] = dy.shape as [number, number, number, number];
    const spread = this.run(
      'PadV2',
      { x: this.view(dy, [n * oh, 1, ow, 1, c]) },
      {
        paddings: [
          [0, 0],
          [0, strideH - 1],
          [0, 0],
          [0, strideW - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    return this.view(spread, [n, oh * strideH, ow * strideW, c]);
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
