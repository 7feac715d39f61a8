import { transposedOutputLength } from '../../layers/shapeMath';
import { part, Unconvertible } from './context';
import type { OpConverter } from './ops';
import { pendingShape } from './pendingShape';

/**
 * ConvTranspose as Conv2DTranspose. ONNX states its output size by pads (and output_padding or
 * output_shape); Keras by 'same' (H·s) or 'valid' (H·s + max(k_dilated − s, 0)). The weights,
 * and so the counts, are the same either way: the node is imported when the file's output size
 * is one of Keras's two, and kept as a placeholder with its computed shape otherwise.
 */
export const convTranspose: OpConverter = (cx, node, id) => {
  const x = cx.data(node);
  const shape = () => pendingShape(cx, node);
  if (x.shape.length !== 3) throw new Unconvertible('onnx.transposeRank', { rank: x.shape.length + 1 });
  const [h, w, channels] = x.shape as [number, number, number];
  const [inChannels, perGroup, kh, kw] = cx.dims(node, 1, 4, part('weight')) as [number, number, number, number];
  const group = cx.int(node, 'group', 1);
  if (group !== 1) throw new Unconvertible('onnx.transposeGroups', { group }, shape());
  if (inChannels !== channels) throw new Unconvertible('onnx.transposeChannels', { expected: inChannels, channels });
  const pair = (name: string, fallback: number): [number, number] => {
    const v = cx.ints(node, name);
    return v?.length === 2 ? [v[0]!, v[1]!] : [fallback, fallback];
  };
  const strides = pair('strides', 1);
  const dilation = pair('dilations', 1);
  const kernelSize: [number, number] = [kh, kw];
  const out = shape();
  if (!Array.isArray(out)) throw new Unconvertible('onnx.transposeSize');
  const matches = (padding: 'same' | 'valid') =>
    [h, w].every(
      (input, a) =>
        transposedOutputLength(input, kernelSize[a]!, strides[a as 0 | 1], dilation[a as 0 | 1], padding) === out[a],
    );
  const padding = matches('same') ? 'same' : matches('valid') ? 'valid' : null;
  if (!padding) throw new Unconvertible('onnx.transposePadding', { size: `${out[0]}×${out[1]}` }, out);
  const useBias = node.inputs[2] !== undefined && node.inputs[2] !== '';
  return cx.layer(id, 'Conv2DTranspose', { filters: perGroup, kernelSize, strides, dilation, padding, useBias }, [x]);
};
