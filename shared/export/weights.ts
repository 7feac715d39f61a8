import { preluAlphaShape } from '../layers';
import type { ExportNetwork, ExportNode } from './network';
import { type NamedTensor, reshape, type Tensor, transpose } from './tensorFile';

/** Trained weights as TF.js saves them: `layerName/kernel` → tensor, in Keras layouts. */
export type KerasWeights = ReadonlyMap<string, Tensor>;

/** The weights do not belong to this graph; the message says which one and why. */
export class WeightsMismatch extends Error {
  override name = 'WeightsMismatch';
}

interface WeightSpec {
  suffix: string;
  shape: number[];
}

/** The weights Keras creates for a node, in `layer.get_weights()` order. */
export function kerasWeightSpecs(node: ExportNode): WeightSpec[] {
  const layer = node.layer;
  const input = node.inputShapes[0] ?? [];
  const cin = input.at(-1) ?? 0;
  switch (layer.kind) {
    case 'Conv2D': {
      const p = layer.params;
      const specs = [{ suffix: 'kernel', shape: [...p.kernelSize, cin / p.groups, p.filters] }];
      return p.useBias ? [...specs, { suffix: 'bias', shape: [p.filters] }] : specs;
    }
    case 'DepthwiseConv2D': {
      const p = layer.params;
      const specs = [{ suffix: 'depthwise_kernel', shape: [...p.kernelSize, cin, p.depthMultiplier] }];
      return p.useBias ? [...specs, { suffix: 'bias', shape: [cin * p.depthMultiplier] }] : specs;
    }
    case 'SeparableConv2D': {
      const p = layer.params;
      const specs = [
        { suffix: 'depthwise_kernel', shape: [...p.kernelSize, cin, p.depthMultiplier] },
        { suffix: 'pointwise_kernel', shape: [1, 1, cin * p.depthMultiplier, p.filters] },
      ];
      return p.useBias ? [...specs, { suffix: 'bias', shape: [p.filters] }] : specs;
    }
    case 'Conv2DTranspose': {
      // Keras keeps a transposed kernel as [kh, kw, filters, Cin]: out and in swapped.
      const p = layer.params;
      const specs = [{ suffix: 'kernel', shape: [...p.kernelSize, p.filters, cin] }];
      return p.useBias ? [...specs, { suffix: 'bias', shape: [p.filters] }] : specs;
    }
    case 'LayerNormalization': {
      const p = layer.params;
      return [
        ...(p.scale ? [{ suffix: 'gamma', shape: [cin] }] : []),
        ...(p.center ? [{ suffix: 'beta', shape: [cin] }] : []),
      ];
    }
    case 'Dense': {
      const p = layer.params;
      const specs = [{ suffix: 'kernel', shape: [cin, p.units] }];
      return p.useBias ? [...specs, { suffix: 'bias', shape: [p.units] }] : specs;
    }
    case 'BatchNorm': {
      const p = layer.params;
      return [
        ...(p.scale ? [{ suffix: 'gamma', shape: [cin] }] : []),
        ...(p.center ? [{ suffix: 'beta', shape: [cin] }] : []),
        { suffix: 'moving_mean', shape: [cin] },
        { suffix: 'moving_variance', shape: [cin] },
      ];
    }
    case 'PReLU':
      return [{ suffix: 'alpha', shape: preluAlphaShape(input, layer.params) }];
    case 'Normalization':
      // Only adapted statistics are weights; given ones are constants in the layer's config.
      if (layer.params.mean !== null) return [];
      return [
        { suffix: 'mean', shape: [cin] },
        { suffix: 'variance', shape: [cin] },
        { suffix: 'count', shape: [] },
      ];
    default:
      return [];
  }
}

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Every node's weights, checked against the graph, in Keras order; extra weights are an error too. */
export function collect(net: ExportNetwork, weights: KerasWeights): Map<string, Map<string, Tensor>> {
  const byNode = new Map<string, Map<string, Tensor>>();
  const used = new Set<string>();
  for (const id of net.order) {
    const node = net.nodes.get(id)!;
    const found = new Map<string, Tensor>();
    // A shared layer's later calls use the first call's weights, saved under its name.
    const specs = node.sharesWeightsOf === undefined ? kerasWeightSpecs(node) : [];
    for (const spec of specs) {
      const key = `${node.name}/${spec.suffix}`;
      const tensor = weights.get(key);
      if (!tensor)
        throw new WeightsMismatch(`The saved model has no weight "${key}": it was not trained from this network`);
      if (!sameShape(tensor.shape, spec.shape)) {
        throw new WeightsMismatch(
          `Weight "${key}" has shape [${tensor.shape.join(', ')}] but this network needs [${spec.shape.join(', ')}]`,
        );
      }
      found.set(spec.suffix, tensor);
      used.add(key);
    }
    byNode.set(id, found);
  }
  const extra = [...weights.keys()].filter((k) => !used.has(k));
  if (extra.length > 0) {
    throw new WeightsMismatch(`The saved model has weights this network does not: ${extra.slice(0, 5).join(', ')}`);
  }
  return byNode;
}

/** Keras export: the TF.js weights unchanged (same layouts), named `layer/suffix` in get_weights() order. */
export function kerasWeightTensors(net: ExportNetwork, weights: KerasWeights): NamedTensor[] {
  const out: NamedTensor[] = [];
  for (const [id, found] of collect(net, weights)) {
    const name = net.nodes.get(id)!.name;
    for (const [suffix, t] of found) out.push({ name: `${name}/${suffix}`, ...t });
  }
  return out;
}

/** [kh, kw, in, out] (HWIO) → [out, in, kh, kw] (OIHW). */
export const hwioToOihw = (t: Tensor) => transpose(t, [3, 2, 0, 1]);

/** Depthwise [kh, kw, cin, dm] → [cin·dm, 1, kh, kw]: output channel c·dm + m, as both frameworks order them. */
export function depthwiseToTorch(t: Tensor): Tensor {
  const [kh, kw, cin, dm] = t.shape as [number, number, number, number];
  const chw = transpose(reshape(t, [kh, kw, cin * dm]), [2, 0, 1]);
  return reshape(chw, [cin * dm, 1, kh, kw]);
}

/** PyTorch export: state_dict entries for `modulePaths` (node id → module path). */
export function pytorchWeightTensors(
  net: ExportNetwork,
  modulePaths: ReadonlyMap<string, string | null>,
  weights: KerasWeights,
): NamedTensor[] {
  const out: NamedTensor[] = [];
  for (const [id, found] of collect(net, weights)) {
    if (found.size === 0) continue;
    const path = modulePaths.get(id)!;
    const put = (key: string, t: Tensor | undefined) => {
      if (t) out.push({ name: `${path}.${key}`, ...t });
    };
    switch (net.nodes.get(id)!.layer.kind) {
      case 'Conv2D':
        put('weight', hwioToOihw(found.get('kernel')!));
        put('bias', found.get('bias'));
        break;
      case 'DepthwiseConv2D':
        put('weight', depthwiseToTorch(found.get('depthwise_kernel')!));
        put('bias', found.get('bias'));
        break;
      case 'SeparableConv2D':
        put('depthwise.weight', depthwiseToTorch(found.get('depthwise_kernel')!));
        put('pointwise.weight', hwioToOihw(found.get('pointwise_kernel')!));
        put('pointwise.bias', found.get('bias'));
        break;
      case 'Dense':
        // Flatten keeps Keras's NHWC order (KerasFlatten), so the kernel only needs [in, out] → [out, in].
        put('weight', transpose(found.get('kernel')!, [1, 0]));
        put('bias', found.get('bias'));
        break;
      case 'Conv2DTranspose':
        // [kh, kw, out, in] → nn.ConvTranspose2d's [in, out, kh, kw].
        put('weight', hwioToOihw(found.get('kernel')!));
        put('bias', found.get('bias'));
        break;
      case 'LayerNormalization':
        put('weight', found.get('gamma'));
        put('bias', found.get('beta'));
        break;
      case 'PReLU': {
        const alpha = found.get('alpha')!;
        // An image's slopes [H, W, C] go to NCHW's [C, H, W], as the input does.
        put('weight', alpha.shape.length === 3 ? transpose(alpha, [2, 0, 1]) : alpha);
        break;
      }
      case 'Normalization':
        put('mean', found.get('mean'));
        put('variance', found.get('variance'));
        put('count', found.get('count'));
        break;
      case 'BatchNorm':
        put('weight', found.get('gamma'));
        put('bias', found.get('beta'));
        put('running_mean', found.get('moving_mean'));
        put('running_var', found.get('moving_variance'));
        break;
    }
  }
  return out;
}
