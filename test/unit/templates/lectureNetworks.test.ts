import { describe, expect, it } from 'vitest';
import { buildBnInception } from '../../../shared/templates/bnInception';
import { buildGoogLeNet } from '../../../shared/templates/googlenet';
import { buildZfNet } from '../../../shared/templates/zfnet';
import { analyse, errors, memberSums, shapeOf } from './helpers';

// Committed figures. GoogLeNet's are torchvision 0.14's (googlenet(aux_logits=False), parameters() and
// running statistics, MACs from forward hooks on every Conv2d and Linear); ZFNet's and BN-Inception's
// are those of the PyTorch definitions in torchCounts.py. torchvision.test.ts recounts all of them
// where Debian's python3-torchvision is installed.

/** ZFNet's weight layers from the paper's Figure 3: kernel, input channels, filters, output side. */
const ZF_LAYERS = [
  { name: 'conv1', k: 7, cin: 3, cout: 96, side: 110 },
  { name: 'conv2', k: 5, cin: 96, cout: 256, side: 26 },
  { name: 'conv3', k: 3, cin: 256, cout: 384, side: 13 },
  { name: 'conv4', k: 3, cin: 384, cout: 384, side: 13 },
  { name: 'conv5', k: 3, cin: 384, cout: 256, side: 13 },
  // A dense layer is a 1×1 "convolution" on a 1×1 grid.
  { name: 'fc6', k: 1, cin: 6 * 6 * 256, cout: 4096, side: 1 },
  { name: 'fc7', k: 1, cin: 4096, cout: 4096, side: 1 },
  { name: 'predictions', k: 1, cin: 4096, cout: 1000, side: 1 },
];

describe('ZFNet (Zeiler & Fergus 2013), built from the paper', () => {
  const graph = buildZfNet();
  const a = analyse(graph);

  it('62,357,608 params and 1,168,032,896 MACs at 224×224×3', () => {
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(62_357_608);
    expect(a.totals.nonTrainableParams).toBe(0);
    expect(a.totals.macs).toBe(1_168_032_896);
  });

  it("has the figure's sizes: 110, 55, 26, 13, 13, 13, 13, 6", () => {
    expect(shapeOf(graph, a, 'conv1')).toEqual([110, 110, 96]);
    expect(shapeOf(graph, a, 'pool1')).toEqual([55, 55, 96]);
    expect(shapeOf(graph, a, 'conv2')).toEqual([26, 26, 256]);
    expect(shapeOf(graph, a, 'pool2')).toEqual([13, 13, 256]);
    expect(shapeOf(graph, a, 'conv3')).toEqual([13, 13, 384]);
    expect(shapeOf(graph, a, 'conv4')).toEqual([13, 13, 384]);
    expect(shapeOf(graph, a, 'conv5')).toEqual([13, 13, 256]);
    expect(shapeOf(graph, a, 'pool5')).toEqual([6, 6, 256]);
    expect(shapeOf(graph, a, 'predictions')).toEqual([1000]);
  });

  it('each layer counts k·k·Cin·Cout + Cout weights and side²·Cout·k·k·Cin MACs, closed form', () => {
    let params = 0;
    let macs = 0;
    for (const { name, k, cin, cout, side } of ZF_LAYERS) {
      const layerParams = k * k * cin * cout + cout;
      const layerMacs = side * side * cout * k * k * cin;
      params += layerParams;
      macs += layerMacs;
      const node = a.nodes[graph.nodes.find((n) => n.name === name)!.id]!;
      expect({ name, params: node.paramCount.total, macs: node.macs }).toEqual({
        name,
        params: layerParams,
        macs: layerMacs,
      });
    }
    expect(params).toBe(a.totals.params);
    expect(macs).toBe(a.totals.macs);
  });
});

const GOOGLENET_MODULES: [string, number, number][] = [
  ['inception3a', 28, 256],
  ['inception3b', 28, 480],
  ['inception4a', 14, 512],
  ['inception4b', 14, 512],
  ['inception4c', 14, 512],
  ['inception4d', 14, 528],
  ['inception4e', 14, 832],
  ['inception5a', 7, 832],
  ['inception5b', 7, 1024],
];

describe('GoogLeNet as torchvision builds it', () => {
  const graph = buildGoogLeNet();
  const a = analyse(graph);

  it('6,624,904 trainable params, 14,560 batch-norm statistics, 1,498,376,192 MACs (torchvision 0.14)', () => {
    expect(errors(a)).toEqual([]);
    expect(a.totals.trainableParams).toBe(6_624_904);
    expect(a.totals.nonTrainableParams).toBe(14_560);
    expect(a.totals.macs).toBe(1_498_376_192);
  });

  it('nine Inception modules, one group each, with the paper’s output sizes', () => {
    expect(graph.groups.map((g) => [g.name, g.template])).toEqual(
      GOOGLENET_MODULES.map(([name]) => [name, 'googlenet-inception']),
    );
    for (const [name, side, channels] of GOOGLENET_MODULES) {
      expect(shapeOf(graph, a, name), name).toEqual([side, side, channels]);
    }
    expect(shapeOf(graph, a, 'maxpool1')).toEqual([56, 56, 64]);
    expect(shapeOf(graph, a, 'fc')).toEqual([1000]);
  });

  it('a bias-free convolution, then batch norm, in every one of its 57 convolutions', () => {
    const convs = graph.nodes.filter((n) => n.kind === 'Conv2D');
    expect(convs).toHaveLength(57);
    for (const conv of convs) {
      expect(conv.params.useBias, conv.name).toBe(false);
      const next = graph.edges
        .filter((e) => e.source === conv.id)
        .map((e) => graph.nodes.find((n) => n.id === e.target));
      expect(next.map((n) => n?.kind)).toEqual(['BatchNorm']);
    }
  });

  it("torchvision's 3×3 in the 5×5 branch by default; the paper's 5×5 on request", () => {
    const kernels = (g: ReturnType<typeof buildGoogLeNet>) =>
      g.nodes.filter((n) => n.name.endsWith('_5x5')).map((n) => n.params.kernelSize);
    expect(kernels(graph)).toEqual(Array(9).fill([3, 3]));
    const paper = buildGoogLeNet({ fiveByFive: 5 });
    expect(kernels(paper)).toEqual(Array(9).fill([5, 5]));
    const p = analyse(paper);
    expect(errors(p)).toEqual([]);
    // Only those nine convolutions grow: 25/9 of their weights and multiply-adds.
    const fiveByFive = (an: typeof a, g: typeof graph) =>
      g.nodes.filter((n) => n.name.endsWith('_5x5')).reduce((s, n) => s + an.nodes[n.id]!.macs, 0);
    expect(fiveByFive(p, paper) * 9).toBe(fiveByFive(a, graph) * 25);
    expect(p.totals.macs - a.totals.macs).toBe(fiveByFive(p, paper) - fiveByFive(a, graph));
  });
});

describe('GoogLeNet with its two auxiliary classifiers (torchvision aux_logits=True)', () => {
  const graph = buildGoogLeNet({ auxHeads: true });
  const a = analyse(graph);

  it('13,004,888 trainable params, 15,072 statistics, 1,506,748,416 MACs; three outputs', () => {
    expect(errors(a)).toEqual([]);
    expect(a.totals.trainableParams).toBe(13_004_888);
    expect(a.totals.nonTrainableParams).toBe(15_072);
    expect(a.totals.macs).toBe(1_506_748_416);
    expect(a.outputs.map((id) => a.nodes[id]!.outputShape)).toEqual([[1000], [1000], [1000]]);
  });

  it('heads after 4a and 4d, each a group, on a 4×4 grid', () => {
    const aux = graph.groups.filter((g) => g.template === 'googlenet-aux').map((g) => g.name);
    expect(aux).toEqual(['aux1', 'aux2']);
    const inputOf = (name: string) => graph.edges.find((e) => e.target === name)!.source;
    expect(inputOf('aux1_pool')).toBe('inception4a');
    expect(inputOf('aux2_pool')).toBe('inception4d');
    expect(shapeOf(graph, a, 'aux1_pool')).toEqual([4, 4, 512]);
    expect(shapeOf(graph, a, 'aux2_flatten')).toEqual([2048]);
  });
});

const BN_INCEPTION_MODULES: [string, number, number, string][] = [
  ['inception_3a', 28, 256, 'bn-inception-module'],
  ['inception_3b', 28, 320, 'bn-inception-module'],
  ['inception_3c', 14, 576, 'bn-inception-reduction'],
  ['inception_4a', 14, 576, 'bn-inception-module'],
  ['inception_4b', 14, 576, 'bn-inception-module'],
  ['inception_4c', 14, 608, 'bn-inception-module'],
  ['inception_4d', 14, 608, 'bn-inception-module'],
  ['inception_4e', 7, 1056, 'bn-inception-reduction'],
  ['inception_5a', 7, 1024, 'bn-inception-module'],
  ['inception_5b', 7, 1024, 'bn-inception-module'],
];

describe("BN-Inception (Inception v2), built from the paper's Table 1", () => {
  const graph = buildBnInception();
  const a = analyse(graph);

  it('11,285,224 trainable params, 20,032 batch-norm statistics, 2,032,600,064 MACs', () => {
    expect(errors(a)).toEqual([]);
    expect(a.totals.trainableParams).toBe(11_285_224);
    expect(a.totals.nonTrainableParams).toBe(20_032);
    expect(a.totals.macs).toBe(2_032_600_064);
  });

  it('ten modules, one group each; 3c and 4e halve the grid', () => {
    expect(graph.groups.map((g) => [g.name, g.template])).toEqual(
      BN_INCEPTION_MODULES.map(([name, , , template]) => [name, template]),
    );
    for (const [name, side, channels] of BN_INCEPTION_MODULES) {
      expect(shapeOf(graph, a, name), name).toEqual([side, side, channels]);
    }
    expect(shapeOf(graph, a, 'pool2')).toEqual([28, 28, 192]);
    expect(shapeOf(graph, a, 'fc')).toEqual([1000]);
  });

  it('no 5×5 anywhere, batch norm after every convolution, no dropout', () => {
    const convs = graph.nodes.filter((n) => n.kind === 'Conv2D');
    const wide = convs.filter((n) => (n.params.kernelSize as number[]).some((k) => k > 3)).map((n) => n.name);
    expect(wide).toEqual(['conv1_7x7']);
    expect(graph.nodes.filter((n) => n.kind === 'BatchNorm')).toHaveLength(convs.length);
    expect(graph.nodes.some((n) => n.kind === 'Dropout')).toBe(false);
  });
});

describe('module totals of the lecture networks are the sums over their members', () => {
  it.each([
    ['GoogLeNet', () => buildGoogLeNet()],
    ['GoogLeNet with auxiliary heads', () => buildGoogLeNet({ auxHeads: true })],
    ['BN-Inception', buildBnInception],
  ])('%s', (_label, build) => {
    const graph = build();
    const a = analyse(graph);
    for (const g of graph.groups) {
      const t = a.groups[g.id]!;
      expect({ params: t.params, nonTrainableParams: t.nonTrainableParams, macs: t.macs }, g.id).toEqual(
        memberSums(graph, a, g.id),
      );
    }
  });
});
