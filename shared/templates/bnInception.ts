import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';
import { convBnRelu } from './convBnRelu';

/** Group template ids: the stride-1 module and the stride-2 one (3c, 4e). */
export const BN_INCEPTION_MODULE = 'bn-inception-module';
export const BN_INCEPTION_REDUCTION = 'bn-inception-reduction';

/** A row of the paper's Table 1; c1 = 0 and proj = 0 mark the stride-2 modules. */
interface BnInceptionRow {
  name: string;
  c1: number;
  c3red: number;
  c3: number;
  d3red: number;
  d3: number;
  pool: 'avg' | 'max';
  proj: number;
  stride: 1 | 2;
}

const row = (
  name: string,
  [c1, c3red, c3, d3red, d3]: [number, number, number, number, number],
  pool: 'avg' | 'max',
  proj: number,
  stride: 1 | 2 = 1,
): BnInceptionRow => ({ name, c1, c3red, c3, d3red, d3, pool, proj, stride });

/** #1×1, #3×3 reduce, #3×3, #double 3×3 reduce, #double 3×3, pool + projection. */
const ROWS: readonly BnInceptionRow[] = [
  row('inception_3a', [64, 64, 64, 64, 96], 'avg', 32),
  row('inception_3b', [64, 64, 96, 64, 96], 'avg', 64),
  row('inception_3c', [0, 128, 160, 64, 96], 'max', 0, 2),
  row('inception_4a', [224, 64, 96, 96, 128], 'avg', 128),
  row('inception_4b', [192, 96, 128, 96, 128], 'avg', 128),
  row('inception_4c', [160, 128, 160, 128, 160], 'avg', 128),
  row('inception_4d', [96, 128, 192, 160, 192], 'avg', 128),
  row('inception_4e', [0, 128, 192, 192, 256], 'max', 0, 2),
  row('inception_5a', [352, 192, 320, 160, 224], 'avg', 128),
  row('inception_5b', [352, 192, 320, 192, 224], 'max', 128),
];

/**
 * 1×1 | 1×1→3×3 | 1×1→3×3→3×3 | pool→1×1, concatenated. With stride 2 the last 3×3 of
 * both 3×3 branches and the max pool stride, there is no 1×1 branch and the pooled
 * input passes through unprojected.
 */
function bnInceptionModule(b: GraphBuilder, x: NodeRef, r: BnInceptionRow): NodeRef {
  const template = r.stride === 2 ? BN_INCEPTION_REDUCTION : BN_INCEPTION_MODULE;
  return b.group(r.name, template, () => {
    const n = r.name;
    const strides: [number, number] = [r.stride, r.stride];
    const branches: NodeRef[] = [];
    if (r.c1) branches.push(convBnRelu(b, x, `${n}_1x1`, r.c1, 1));
    const b3 = convBnRelu(b, x, `${n}_3x3_reduce`, r.c3red, 1);
    branches.push(convBnRelu(b, b3, `${n}_3x3`, r.c3, 3, { strides }));
    let d3 = convBnRelu(b, x, `${n}_double_3x3_reduce`, r.d3red, 1);
    d3 = convBnRelu(b, d3, `${n}_double_3x3_1`, r.d3, 3);
    branches.push(convBnRelu(b, d3, `${n}_double_3x3_2`, r.d3, 3, { strides }));
    const poolParams = { poolSize: [3, 3], strides, padding: 'same' };
    const pool = b.add(r.pool === 'avg' ? 'AvgPool2D' : 'MaxPool2D', poolParams, [x], `${n}_pool`);
    branches.push(r.proj ? convBnRelu(b, pool, `${n}_pool_proj`, r.proj, 1) : pool);
    return b.add('Concatenate', { axis: -1 }, branches, n);
  });
}

/**
 * BN-Inception (Inception v2; Ioffe & Szegedy 2015, the network of Table 1), which
 * torchvision does not have: GoogLeNet with every 5×5 replaced by two 3×3s, a batch norm
 * after every convolution (no bias: beta replaces it), 3×3 stride-2 modules (3c, 4e) in
 * place of GoogLeNet's separate max pools, and neither dropout nor local response
 * normalisation. The stem's 3×3 convolution has its 64-filter 1×1 reduction in front, as
 * the table's reduce column says. Channel counts follow the table's filter columns; its
 * output column disagrees with them for 4c–4e (608, 608, 1056 here). 11,285,224 trainable
 * parameters (20,032 moving statistics besides), 2,032,600,064 multiply-adds at 224×224×3.
 */
export function buildBnInception({ classes = 1000 }: { classes?: number } = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([224, 224, 3]);
  const maxPool = (name: string) =>
    b.add('MaxPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'same' }, [x], name);
  // 224 → 112 → 56 → 56 → 28.
  x = convBnRelu(b, x, 'conv1_7x7', 64, 7, { strides: [2, 2] });
  x = maxPool('pool1');
  x = convBnRelu(b, x, 'conv2_3x3_reduce', 64, 1);
  x = convBnRelu(b, x, 'conv2_3x3', 192, 3);
  x = maxPool('pool2');
  for (const r of ROWS) x = bnInceptionModule(b, x, r);
  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'avg_pool');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'fc');
  return b.build();
}
