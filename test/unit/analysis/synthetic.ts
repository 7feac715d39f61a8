import { GraphBuilder, type NodeRef } from '../../../shared/graph/builder';
import type { Graph, Group } from '../../../shared/graph/types';
import { seededRandom } from '../../../shared/training/random';

/**
 * A deterministic, error-free, CNN-like graph of exactly `nodeCount` nodes for
 * benchmarks and scale tests: conv / batch-norm / ReLU chains, residual blocks,
 * Inception-like branch-and-concatenate modules, and a stride-2 reduction at each
 * sixth of the way so the image shrinks like a real network's (224 → 4) but never
 * below 1×1. Ends with global pooling and a dense classifier when there is room.
 */
export function syntheticGraph(nodeCount: number, seed = 1): Graph {
  const b = new GraphBuilder();
  if (nodeCount <= 0) return b.build();
  const random = seededRandom(seed);
  let x: NodeRef = b.input([224, 224, 3]);
  let used = 1;
  let size = 224;
  let channels = 3;
  let stage = 0;
  let modules = 0;
  const headNodes = nodeCount >= 8 ? 2 : 0;
  const bodyEnd = nodeCount - headNodes;
  const stages = 6;

  const convBnRelu = (input: NodeRef, filters: number, kernel: [number, number], strides = 1): NodeRef => {
    const conv = b.add('Conv2D', { filters, kernelSize: kernel, strides: [strides, strides], useBias: false }, [input]);
    const bn = b.add('BatchNorm', { scale: false }, [conv]);
    used += 3;
    return b.add('Activation', { activation: 'relu' }, [bn]);
  };

  // 23 nodes: four branches (1×1; 1×1→3×3; 1×1→two 3×3 or 1×7→7×1; pool→1×1), concatenated.
  const inception = (input: NodeRef): NodeRef => {
    const f = width(stage);
    return b.group(`mixed_${modules++}`, 'inception-a', () => {
      const b1 = convBnRelu(input, f, [1, 1]);
      const b2 = convBnRelu(convBnRelu(input, f / 2, [1, 1]), f, [3, 3]);
      const factorized = random() < 0.5;
      const b3a = convBnRelu(input, f / 2, [1, 1]);
      const b3 = factorized
        ? convBnRelu(convBnRelu(b3a, f / 2, [1, 7]), f, [7, 1])
        : convBnRelu(convBnRelu(b3a, f, [3, 3]), f, [3, 3]);
      const pool = b.add('AvgPool2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, [input]);
      used += 1;
      const b4 = convBnRelu(pool, f / 2, [1, 1]);
      used += 1;
      channels = 3 * f + f / 2;
      return b.add('Concatenate', { axis: -1 }, [b1, b2, b3, b4]);
    });
  };

  // 7 nodes: two 3×3 convs with an identity shortcut, as in ResNet.
  const residual = (input: NodeRef): NodeRef => {
    const a = convBnRelu(input, channels, [3, 3]);
    const conv = b.add('Conv2D', { filters: channels, kernelSize: [3, 3], useBias: false }, [a]);
    const bn = b.add('BatchNorm', {}, [conv]);
    const sum = b.add('Add', {}, [bn, input]);
    used += 4;
    return b.add('Activation', { activation: 'relu' }, [sum]);
  };

  // 5 nodes: a stride-2 conv beside a stride-2 max pool, concatenated (Inception's reduction).
  const reduction = (input: NodeRef): NodeRef => {
    const f = width(stage);
    return b.group(`reduction_${stage}`, 'reduction', () => {
      const conv = convBnRelu(input, f, [3, 3], 2);
      const pool = b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'same' }, [input]);
      used += 2;
      size = Math.ceil(size / 2);
      channels += f;
      return b.add('Concatenate', { axis: -1 }, [conv, pool]);
    });
  };

  while (used < bodyEnd) {
    const left = bodyEnd - used;
    const dueStage = Math.floor(((used - 1) / Math.max(1, bodyEnd - 1)) * stages);
    if (stage < dueStage && left >= 5 && size > 1) {
      stage++;
      x = reduction(x);
    } else if (left >= 23 && random() < 0.35) {
      x = inception(x);
    } else if (left >= 7 && channels > 3 && random() < 0.5) {
      x = residual(x);
    } else if (left >= 3) {
      x = convBnRelu(x, width(stage), [3, 3]);
      channels = width(stage);
    } else {
      x = b.add('Activation', { activation: 'relu' }, [x]);
      used += 1;
    }
  }
  if (headNodes) {
    const pooled = b.add('GlobalAvgPool2D', {}, [x]);
    b.add('Dense', { units: 1000, activation: 'softmax' }, [pooled], 'predictions');
  }
  return b.build();
}

/** An input and one ReLU inside `depth` modules, each inside the one before. */
export function nestedModules(depth: number): Graph {
  const groups: Group[] = [];
  for (let d = 0; d < depth; d++) {
    const group: Group = { id: `m${d}`, name: `m${d}`, template: 'custom', collapsed: false };
    if (d > 0) group.parentId = `m${d - 1}`;
    groups.push(group);
  }
  return {
    nodes: [
      { id: 'in', name: 'in', kind: 'Input', params: { shape: [8, 8, 3] }, groupId: 'm0' },
      { id: 'relu', name: 'relu', kind: 'Activation', params: { activation: 'relu' }, groupId: `m${depth - 1}` },
    ],
    edges: [{ id: 'e', source: 'in', target: 'relu', targetIndex: 0 }],
    groups,
  };
}

/** An input and `length` convs in a chain, kernels 3×3, 5×5 and 7×7 in turn: what factorize --all rewrites. */
export function convChain(length: number): Graph {
  const b = new GraphBuilder();
  let x = b.input([16, 16, 32]);
  const kernels = [3, 5, 7];
  for (let i = 0; i < length; i++) {
    const k = kernels[i % 3]!;
    x = b.add('Conv2D', { filters: 32, kernelSize: [k, k], padding: 'same', activation: 'relu' }, [x]);
  }
  return b.build();
}

/** Channels grow with depth like a real network's, capped to keep the numbers sane. */
function width(stage: number): number {
  return Math.min(32 * 2 ** stage, 256);
}
