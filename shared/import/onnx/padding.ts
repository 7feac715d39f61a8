import type { Context } from './context';
import { Unconvertible } from './context';
import type { OnnxNode } from './model';

/** Padding of one window op on H and W: [[top, bottom], [left, right]]. */
export type Pads = [[number, number], [number, number]];

export interface WindowAttrs {
  kernel: [number, number];
  strides: [number, number];
  dilation: [number, number];
  pads: Pads;
}

const pairOf = (v: number[] | undefined, fallback: number, what: string): [number, number] => {
  if (v === undefined) return [fallback, fallback];
  if (v.length !== 2 || v.some((x) => !Number.isInteger(x) || x < 1))
    throw new Unconvertible('onnx.windowPair', { what, value: JSON.stringify(v) });
  return [v[0]!, v[1]!];
};

/** TensorFlow's 'same' padding of one axis, which Keras's padding: 'same' means: the extra row goes after. */
export function samePads(input: number, kernel: number, stride: number, dilation: number): [number, number] {
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - input, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** The window of a Conv or pool, its auto_pad resolved into explicit pads for an [H, W] input. */
export function windowAttrs(cx: Context, node: OnnxNode, kernel: [number, number], hw: [number, number]): WindowAttrs {
  const strides = pairOf(cx.ints(node, 'strides'), 1, 'strides');
  const dilation = pairOf(cx.ints(node, 'dilations'), 1, 'dilations');
  const autoPad = cx.attr(node, 'auto_pad');
  let pads: Pads;
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const h = samePads(hw[0], kernel[0], strides[0], dilation[0]);
    const w = samePads(hw[1], kernel[1], strides[1], dilation[1]);
    pads =
      autoPad === 'SAME_UPPER'
        ? [h, w]
        : [
            [h[1], h[0]],
            [w[1], w[0]],
          ];
  } else if (autoPad === 'VALID') {
    pads = [
      [0, 0],
      [0, 0],
    ];
  } else {
    const p = cx.ints(node, 'pads') ?? [0, 0, 0, 0];
    if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0))
      throw new Unconvertible('onnx.pads', { pads: JSON.stringify(p) });
    pads = [
      [p[0]!, p[2]!],
      [p[1]!, p[3]!],
    ];
  }
  return { kernel, strides, dilation, pads };
}

/** 'valid', 'same' where the pads are exactly Keras's 'same', else null (explicit padding needed). */
export function kerasPadding(w: WindowAttrs, hw: [number, number]): 'valid' | 'same' | null {
  const [[t, b], [l, r]] = w.pads;
  if (t + b + l + r === 0) return 'valid';
  const h = samePads(hw[0], w.kernel[0], w.strides[0], w.dilation[0]);
  const ww = samePads(hw[1], w.kernel[1], w.strides[1], w.dilation[1]);
  return h[0] === t && h[1] === b && ww[0] === l && ww[1] === r ? 'same' : null;
}
