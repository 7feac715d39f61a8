import type { Context } from './context';
import type { ConstTensor, OnnxNode } from './model';
import { type ConstValue, onnxShape } from './tensors';

const unknown: ConstValue = { kind: 'const', dims: null, values: null, weight: false };

const known = (dims: number[] | null, values: number[] | null, weight = false): ConstValue => ({
  kind: 'const',
  dims,
  values,
  weight,
});

/**
 * Evaluates an operator whose inputs are all constants (shape arithmetic, Constant, Identity of a
 * weight), so a later Reshape or Clip can read its value. What it cannot evaluate becomes a
 * constant of unknown value: no layer, nothing counted.
 */
export function foldConstant(cx: Context, node: OnnxNode): void {
  const ins = node.inputs.map((n) => cx.value(n));
  const c = (i: number) => {
    const v = ins[i];
    return v?.kind === 'const' ? v : unknown;
  };
  let out: ConstValue = unknown;
  switch (node.opType) {
    case 'Constant': {
      const value = cx.attr(node, 'value');
      if (value && typeof value === 'object' && !Array.isArray(value)) out = known(value.dims, value.values);
      const ints = cx.attr(node, 'value_ints') ?? cx.attr(node, 'value_floats');
      if (Array.isArray(ints)) out = known([ints.length], ints);
      const one = cx.attr(node, 'value_int') ?? cx.attr(node, 'value_float');
      if (typeof one === 'number') out = known([], [one]);
      break;
    }
    case 'Identity':
    case 'Cast':
      out = c(0);
      break;
    case 'Shape': {
      const v = ins[0];
      if (v?.kind === 'data' && v.shape) {
        const dims = [1, ...onnxShape(v.shape)];
        out = known([dims.length], dims);
      } else if (v?.kind === 'const' && v.dims) out = known([v.dims.length], v.dims);
      break;
    }
    case 'Gather': {
      const data = c(0).values;
      const index = c(1);
      if (data && index.values && cx.int(node, 'axis', 0) === 0 && c(0).dims?.length === 1) {
        const picked = index.values.map((i) => data[i < 0 ? i + data.length : i]!);
        out = known(index.dims, picked);
      }
      break;
    }
    case 'Unsqueeze':
    case 'Squeeze': {
      const v = c(0);
      if (v.values)
        out = known(v.values.length === 1 && node.opType === 'Unsqueeze' ? [1] : [v.values.length], v.values);
      break;
    }
    case 'Concat': {
      const parts = ins.map((_, i) => c(i).values);
      if (parts.every((p) => p !== null)) {
        const values = parts.flat() as number[];
        out = known([values.length], values);
      }
      break;
    }
  }
  cx.values.set(node.outputs[0] ?? '', out);
}

/** Operator inputs that hold weights rather than data (the rest of the inputs flow from the network's input). */
const WEIGHT_SLOTS: Readonly<Record<string, readonly number[]>> = {
  Conv: [1, 2],
  ConvTranspose: [1, 2],
  BatchNormalization: [1, 2, 3, 4],
  InstanceNormalization: [1, 2],
  Gemm: [1, 2],
  MatMul: [1],
  PRelu: [1],
};

/**
 * The graph inputs that are weights: files exported without their weights (export_params=False)
 * list every weight as an input with its shape. A weight is only ever read in a weight slot,
 * directly or through Identity / Cast (which eval-mode exports put in front of folded weights).
 */
export function weightInputs(nodes: readonly OnnxNode[], names: readonly string[]): Set<string> {
  const uses = new Map<string, [OnnxNode, number][]>();
  for (const node of nodes)
    node.inputs.forEach((name, slot) => {
      const list = uses.get(name) ?? [];
      list.push([node, slot]);
      uses.set(name, list);
    });
  const memo = new Map<string, boolean>();
  const isWeight = (name: string, depth: number): boolean => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    const list = uses.get(name) ?? [];
    const result =
      depth < 8 &&
      list.length > 0 &&
      list.every(([node, slot]) =>
        node.opType === 'Identity' || node.opType === 'Cast'
          ? node.outputs.every((o) => isWeight(o, depth + 1))
          : (WEIGHT_SLOTS[node.opType] ?? []).includes(slot),
      );
    memo.set(name, result);
    return result;
  };
  return new Set(names.filter((n) => isWeight(n, 0)));
}

export const weightTensor = (dims: (number | null)[] | null): ConstTensor => ({
  dims: dims?.every((d) => d !== null) ? (dims as number[]) : null,
  values: null,
  weight: true,
});
