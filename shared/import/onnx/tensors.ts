import type { ConstTensor } from './model';

/**
 * What one ONNX tensor name stands for while converting: a value flowing from the network's
 * input (a layer's output, `node` is its id) or a constant known before it runs.
 */
export type Value = DataValue | ConstValue;

export interface DataValue {
  kind: 'data';
  node: string;
  /** Netwright's per-sample shape: ONNX [N, C, H, W] is [H, W, C]; [N, F] is [F]. Null after an operator of unknown shape. */
  shape: number[] | null;
  /** Known to be ≥ 0 (after ReLU, sigmoid, …): zero padding then equals max pooling's own padding. */
  nonNegative: boolean;
}

export type KnownData = DataValue & { shape: number[] };

export interface ConstValue extends ConstTensor {
  kind: 'const';
}

/** ONNX's per-sample shape (batch excluded, channels first) of a data value. */
export function onnxShape(shape: readonly number[]): number[] {
  if (shape.length === 3) return [shape[2]!, shape[0]!, shape[1]!];
  return [...shape];
}

/** Netwright's shape of an ONNX shape given without its batch axis. */
export function ourShape(onnx: readonly number[]): number[] {
  if (onnx.length === 3) return [onnx[1]!, onnx[2]!, onnx[0]!];
  return [...onnx];
}

/** ONNX's broadcasting of two shapes (numpy rules), on ONNX per-sample shapes; null when they do not broadcast. */
export function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(Math.max(x, y));
  }
  return out;
}

export const elements = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);
