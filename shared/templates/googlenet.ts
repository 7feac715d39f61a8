import { GraphBuilder, type NodeRef } from '../graph/builder';
import type { Graph } from '../graph/types';
import { convBnRelu } from './convBnRelu';

/** Group template ids: a GoogLeNet Inception module, an auxiliary classifier. */
export const GOOGLENET_INCEPTION = 'googlenet-inception';
export const GOOGLENET_AUX = 'googlenet-aux';

/** One row of the paper's Table 1 (torchvision's Inception arguments, same order). */
interface InceptionV1Row {
  name: string;
  ch1x1: number;
  ch3x3red: number;
  ch3x3: number;
  ch5x5red: number;
  ch5x5: number;
  poolProj: number;
}

const row = (name: string, ...c: [number, number, number, number, number, number]): InceptionV1Row => ({
  name,
  ch1x1: c[0],
  ch3x3red: c[1],
  ch3x3: c[2],
  ch5x5red: c[3],
  ch5x5: c[4],
  poolProj: c[5],
});

const STAGE3 = [row('inception3a', 64, 96, 128, 16, 32, 32), row('inception3b', 128, 128, 192, 32, 96, 64)];
const STAGE4 = [
  row('inception4a', 192, 96, 208, 16, 48, 64),
  row('inception4b', 160, 112, 224, 24, 64, 64),
  row('inception4c', 128, 128, 256, 24, 64, 64),
  row('inception4d', 112, 144, 288, 32, 64, 64),
  row('inception4e', 256, 160, 320, 32, 128, 128),
];
const STAGE5 = [row('inception5a', 256, 160, 320, 32, 128, 128), row('inception5b', 384, 192, 384, 48, 128, 128)];

/**
 * torchvision's Inception module: 1×1 | 1×1→3×3 | 1×1→"5×5" | 3×3 max pool→1×1, concatenated.
 * torchvision's "5×5" branch is a 3×3 convolution (a bug it keeps so its trained weights
 * still load); the paper's is 5×5. `fiveByFive` picks the kernel.
 */
function inceptionV1(b: GraphBuilder, x: NodeRef, r: InceptionV1Row, fiveByFive: number): NodeRef {
  return b.group(r.name, GOOGLENET_INCEPTION, () => {
    const n = r.name;
    const b1 = convBnRelu(b, x, `${n}_1x1`, r.ch1x1, 1);
    const b2 = convBnRelu(b, convBnRelu(b, x, `${n}_3x3_reduce`, r.ch3x3red, 1), `${n}_3x3`, r.ch3x3, 3);
    const b3 = convBnRelu(b, convBnRelu(b, x, `${n}_5x5_reduce`, r.ch5x5red, 1), `${n}_5x5`, r.ch5x5, fiveByFive);
    const pool = b.add('MaxPool2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, [x], `${n}_pool`);
    const b4 = convBnRelu(b, pool, `${n}_pool_proj`, r.poolProj, 1);
    return b.add('Concatenate', { axis: -1 }, [b1, b2, b3, b4], n);
  });
}

/**
 * An auxiliary classifier (torchvision's InceptionAux, the paper's side head after 4a and 4d):
 * 14×14 → 4×4 average pool → 1×1 conv 128 → fc 1024 → dropout 0.7 → fc. torchvision pools
 * adaptively to 4×4; the paper's 5×5/3 pool used here gives the same grid, and pools have
 * no weights, so the counts are torchvision's.
 */
function auxHead(b: GraphBuilder, x: NodeRef, name: string, classes: number): NodeRef {
  return b.group(name, GOOGLENET_AUX, () => {
    let y = b.add('AvgPool2D', { poolSize: [5, 5], strides: [3, 3], padding: 'valid' }, [x], `${name}_pool`);
    y = convBnRelu(b, y, `${name}_conv`, 128, 1);
    y = b.add('Flatten', {}, [y], `${name}_flatten`);
    y = b.add('Dense', { units: 1024, useBias: true, activation: 'relu' }, [y], `${name}_fc1`);
    y = b.add('Dropout', { rate: 0.7 }, [y], `${name}_dropout`);
    return b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [y], `${name}_fc2`);
  });
}

export interface GoogLeNetOptions {
  classes?: number;
  /** Kernel of the "5×5" branch: 3 as torchvision builds it (default), 5 as in the paper. */
  fiveByFive?: 3 | 5;
  /** The two auxiliary classifiers (torchvision's aux_logits=True): two more outputs. Default false. */
  auxHeads?: boolean;
}

/**
 * GoogLeNet (Inception v1) as torchvision.models.googlenet(aux_logits=False) builds it:
 * 6,624,904 trainable parameters (and 14,560 batch-norm moving statistics, PyTorch's
 * buffers) and 1,498,376,192 multiply-adds at 224×224×3, as torchvision 0.14 counts.
 * torchvision puts a batch norm after every convolution, and without aux_logits
 * leaves the two auxiliary heads out; the 2014 paper had no batch norm and trained with
 * both heads (auxHeads adds them), and had 5×5 convolutions where torchvision has 3×3
 * (fiveByFive picks). Its max pools round up (ceil_mode); Keras's
 * 'same' gives the same windows at these sizes (112 → 56 → 28 → 14). The 7×7/2 stem
 * convolution pads 3 on every side, so it is an explicit zero padding here; the adaptive
 * average pool is a global one, and its input normalisation (transform_input) has no
 * weights.
 */
export function buildGoogLeNet({ classes = 1000, fiveByFive = 3, auxHeads = false }: GoogLeNetOptions = {}): Graph {
  const b = new GraphBuilder();
  let x = b.input([224, 224, 3]);
  const maxPool = (k: number, name: string, padding: 'same' | 'valid' = 'same') =>
    b.add('MaxPool2D', { poolSize: [k, k], strides: [2, 2], padding }, [x], name);

  x = b.add(
    'ZeroPadding2D',
    {
      padding: [
        [3, 3],
        [3, 3],
      ],
    },
    [x],
    'conv1_pad',
  );
  x = convBnRelu(b, x, 'conv1', 64, 7, { strides: [2, 2], padding: 'valid' });
  x = maxPool(3, 'maxpool1');
  x = convBnRelu(b, x, 'conv2', 64, 1);
  x = convBnRelu(b, x, 'conv3', 192, 3);
  x = maxPool(3, 'maxpool2');
  for (const r of STAGE3) x = inceptionV1(b, x, r, fiveByFive);
  x = maxPool(3, 'maxpool3');
  for (const r of STAGE4) {
    x = inceptionV1(b, x, r, fiveByFive);
    if (auxHeads && r.name === 'inception4a') auxHead(b, x, 'aux1', classes);
    if (auxHeads && r.name === 'inception4d') auxHead(b, x, 'aux2', classes);
  }
  x = maxPool(2, 'maxpool4', 'valid');
  for (const r of STAGE5) x = inceptionV1(b, x, r, fiveByFive);
  x = b.add('GlobalAvgPool2D', { keepDims: false }, [x], 'avgpool');
  x = b.add('Dropout', { rate: 0.2 }, [x], 'dropout');
  b.add('Dense', { units: classes, useBias: true, activation: 'softmax' }, [x], 'fc');
  return b.build();
}
