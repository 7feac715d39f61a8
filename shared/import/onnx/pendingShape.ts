import type { Context } from './context';
import type { OnnxNode } from './model';
import { broadcast, type KnownData, onnxShape, ourShape } from './tensors';

/**
 * The output shape of an operator in PENDING_OPS, so its placeholder keeps the analysis going:
 * 'input' for element-wise ones, the broadcast shape for Mul / Sub, the arithmetic for
 * ConvTranspose and Resize; undefined where it cannot be known.
 */
export function pendingShape(cx: Context, node: OnnxNode): number[] | 'input' | undefined {
  const data = node.inputs
    .map((n) => cx.value(n))
    .filter((v): v is KnownData => v?.kind === 'data' && v.shape !== null);
  const [x] = data;
  if (!x) return undefined;
  switch (node.opType) {
    case 'Mul':
    case 'Sub': {
      if (data.length === 1) {
        const other = node.inputs.map((n) => cx.value(n)).find((v) => v?.kind === 'const');
        const dims = other?.kind === 'const' ? other.dims : null;
        // A constant with the batch axis or fewer dims than the data broadcasts into the data's shape.
        if (dims && dims.length <= onnxShape(x.shape).length) {
          const out = broadcast(onnxShape(x.shape), dims);
          return out && out.join() === onnxShape(x.shape).join() ? 'input' : undefined;
        }
        return undefined;
      }
      const out = broadcast(onnxShape(data[0]!.shape), onnxShape(data[1]!.shape));
      return out ? ourShape(out) : undefined;
    }
    case 'ConvTranspose':
      return convTransposeShape(cx, node, x);
    case 'Resize':
    case 'Upsample':
      return resizeShape(cx, node, x);
    default:
      return data.length === 1 ? 'input' : undefined;
  }
}

function convTransposeShape(cx: Context, node: OnnxNode, x: KnownData): number[] | undefined {
  const w = cx.value(node.inputs[1] ?? '');
  if (w?.kind !== 'const' || w.dims?.length !== 4 || x.shape.length !== 3) return undefined;
  const group = cx.int(node, 'group', 1);
  const strides = cx.ints(node, 'strides') ?? [1, 1];
  const dilations = cx.ints(node, 'dilations') ?? [1, 1];
  const pads = cx.ints(node, 'pads') ?? [0, 0, 0, 0];
  const extra = cx.ints(node, 'output_padding') ?? [0, 0];
  const stated = cx.ints(node, 'output_shape');
  const hw = [0, 1].map((a) =>
    stated?.length === 2
      ? stated[a]!
      : strides[a]! * (x.shape[a]! - 1) +
        extra[a]! +
        (w.dims![a + 2]! - 1) * dilations[a]! +
        1 -
        pads[a]! -
        pads[a + 2]!,
  );
  const out = [hw[0]!, hw[1]!, w.dims[1]! * group];
  return out.every((d) => Number.isInteger(d) && d > 0) ? out : undefined;
}

function resizeShape(cx: Context, node: OnnxNode, x: KnownData): number[] | undefined {
  if (x.shape.length !== 3) return undefined;
  const constant = (i: number) => {
    const v = cx.value(node.inputs[i] ?? '');
    return v?.kind === 'const' && v.values && v.values.length === 4 ? v.values : undefined;
  };
  // Upsample: scales at 1; Resize: scales at 2, or sizes at 3.
  const scales = node.opType === 'Upsample' ? constant(1) : constant(2);
  const sizes = node.opType === 'Resize' ? constant(3) : undefined;
  if (sizes) return ourShape(sizes.slice(1));
  if (!scales) return undefined;
  const out = onnxShape(x.shape).map((d, i) => Math.floor(d * scales[i + 1]!));
  return out.every((d) => d > 0) ? ourShape(out) : undefined;
}
