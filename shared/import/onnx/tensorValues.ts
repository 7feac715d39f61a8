import type { onnx } from 'onnx-proto';

/** A stored tensor cannot be read as weights; the message says why. */
export class WeightProblem extends Error {
  override name = 'WeightProblem';
}

const FLOAT = 1;
const FLOAT16 = 10;
const DOUBLE = 11;
const EXTERNAL = 1;

const count = (t: onnx.ITensorProto) => (t.dims ?? []).reduce<number>((a, d) => a * Number(d), 1);

/** IEEE half precision to a number (PyTorch's .half() models export their weights so). */
function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** A stored floating-point tensor's values as float32, in ONNX's (row-major) order. */
export function floatValues(t: onnx.ITensorProto, what: string): Float32Array {
  if (t.dataLocation === EXTERNAL)
    throw new WeightProblem(
      `${what} is kept in a separate file (ONNX external data): save the model as one file (onnx.save_model(..., save_as_external_data=False)).`,
    );
  const n = count(t);
  const type = t.dataType ?? 0;
  if (type !== FLOAT && type !== DOUBLE && type !== FLOAT16)
    throw new WeightProblem(`${what} holds data type ${type}, not floating point; export the model in float32.`);
  const raw = t.rawData && t.rawData.byteLength > 0 ? t.rawData : null;
  let out: Float32Array | null = null;
  if (raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const width = type === DOUBLE ? 8 : type === FLOAT16 ? 2 : 4;
    if (raw.byteLength === n * width) {
      out = new Float32Array(n);
      for (let i = 0; i < n; i++)
        out[i] =
          type === DOUBLE
            ? view.getFloat64(i * 8, true)
            : type === FLOAT16
              ? half(view.getUint16(i * 2, true))
              : view.getFloat32(i * 4, true);
    }
  } else if (type === FLOAT && t.floatData?.length === n) out = Float32Array.from(t.floatData);
  else if (type === DOUBLE && t.doubleData?.length === n) out = Float32Array.from(t.doubleData);
  else if (type === FLOAT16 && t.int32Data?.length === n) out = Float32Array.from(t.int32Data, half);
  else if (n === 0) out = new Float32Array(0);
  if (!out) throw new WeightProblem(`${what} does not hold its ${n} values; export the model again.`);
  return out;
}
