import type { onnx } from 'onnx-proto';
import * as onnxProto from 'onnx-proto';

// Node's ESM loader sees onnx-proto (CommonJS) as a default export only; bundlers give the names too.
export const schema = ((onnxProto as { default?: typeof onnxProto }).default ?? onnxProto).onnx;

export type { onnx };

export const FLOAT = 1;
export const INT64 = 7;

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** float32 values as ONNX stores raw data: little-endian bytes. */
export function floatBytes(values: Float32Array): Uint8Array {
  // A view, not a copy: a whole network's weights are hundreds of megabytes.
  if (littleEndian) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return out;
}

export function floatTensor(name: string, dims: readonly number[], values: Float32Array): onnx.ITensorProto {
  return { name, dims: [...dims], dataType: FLOAT, rawData: floatBytes(values) };
}

export function int64Tensor(name: string, values: readonly number[]): onnx.ITensorProto {
  return { name, dims: [values.length], dataType: INT64, int64Data: [...values] };
}

export type AttrValue = number | number[] | string | { float: number };

/** Attribute strings here are ONNX keywords ('nearest', 'floor'): ASCII. */
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const T = () => schema.AttributeProto.AttributeType;

/** Whole numbers become INT(S), `{ float }` and fractions FLOAT, strings STRING. */
export function attribute(name: string, value: AttrValue): onnx.IAttributeProto {
  if (typeof value === 'string') return { name, type: T().STRING, s: ascii(value) };
  if (Array.isArray(value)) return { name, type: T().INTS, ints: value };
  if (typeof value === 'object') return { name, type: T().FLOAT, f: value.float };
  return Number.isInteger(value) ? { name, type: T().INT, i: value } : { name, type: T().FLOAT, f: value };
}

/** A float tensor's type; a string dimension is symbolic (the batch). */
export function tensorType(dims: readonly (number | string)[]): onnx.ITypeProto {
  return {
    tensorType: {
      elemType: FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  };
}
