/**
 * Netwright's tensor file, read by the generated Python: NAME.json lists each tensor's
 * name, shape and byte offset; NAME.bin holds the float32 values back to back,
 * little-endian. Plain enough to load with torch.frombuffer or numpy.frombuffer, so no
 * pickle has to be written from JavaScript.
 */

export interface Tensor {
  shape: readonly number[];
  values: Float32Array;
}

export interface NamedTensor extends Tensor {
  name: string;
}

export interface TensorFile {
  index: string;
  data: Uint8Array;
}

export const TENSOR_FORMAT = 'netwright-tensors';

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Every platform Node runs on is little-endian; the check keeps a surprise from going unnoticed. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeTensors(tensors: readonly NamedTensor[]): TensorFile {
  if (!littleEndian) throw new Error('Writing tensor files needs a little-endian machine');
  const total = tensors.reduce((sum, t) => sum + t.values.length * 4, 0);
  const data = new Uint8Array(total);
  const entries: { name: string; shape: number[]; offset: number }[] = [];
  let offset = 0;
  for (const t of tensors) {
    if (t.values.length !== count(t.shape)) {
      throw new Error(`Tensor ${t.name}: ${t.values.length} values do not fill shape [${t.shape.join(', ')}]`);
    }
    data.set(new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength), offset);
    entries.push({ name: t.name, shape: [...t.shape], offset });
    offset += t.values.byteLength;
  }
  const index = { format: TENSOR_FORMAT, version: 1, dtype: 'float32', byteOrder: 'little', tensors: entries };
  return { index: `${JSON.stringify(index, null, 1)}\n`, data };
}

/** The inverse, for tests and for reading a reference back. */
export function decodeTensors(index: string, data: Uint8Array): NamedTensor[] {
  const parsed = JSON.parse(index) as { tensors: { name: string; shape: number[]; offset: number }[] };
  return parsed.tensors.map((e) => {
    const n = count(e.shape);
    const bytes = data.slice(e.offset, e.offset + n * 4);
    return { name: e.name, shape: e.shape, values: new Float32Array(bytes.buffer, 0, n) };
  });
}

/**
 * Axes permuted: `perm[i]` is the source axis of result axis i, as in numpy.transpose.
 * Used to turn Keras's HWIO kernels into PyTorch's OIHW and the like.
 */
export function transpose(t: Tensor, perm: readonly number[]): Tensor {
  const rank = t.shape.length;
  const shape = perm.map((p) => t.shape[p]!);
  const srcStrides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; i--) {
    srcStrides[i] = s;
    s *= t.shape[i]!;
  }
  const stride = perm.map((p) => srcStrides[p]!);
  const out = new Float32Array(t.values.length);
  const index = new Array<number>(rank).fill(0);
  for (let k = 0; k < out.length; k++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += index[i]! * stride[i]!;
    out[k] = t.values[src]!;
    for (let i = rank - 1; i >= 0; i--) {
      if (++index[i]! < shape[i]!) break;
      index[i] = 0;
    }
  }
  return { shape, values: out };
}

export const reshape = (t: Tensor, shape: readonly number[]): Tensor => {
  if (count(shape) !== t.values.length)
    throw new Error(`Cannot reshape [${t.shape.join(', ')}] to [${shape.join(', ')}]`);
  return { shape, values: t.values };
};
