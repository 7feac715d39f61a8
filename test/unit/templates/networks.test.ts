import { describe, expect, it } from 'vitest';
import { buildAlexNet } from '../../../shared/templates/alexnet';
import { buildInceptionV3 } from '../../../shared/templates/inceptionV3';
import { buildMobileNetV1 } from '../../../shared/templates/mobilenetV1';
import { buildResNet50 } from '../../../shared/templates/resnet50';
import { buildVgg16 } from '../../../shared/templates/vgg16';
import { analyse, errors, memberSums, shapeOf } from './helpers';

// Reference figures: Keras Applications, include_top, 1000 classes (docs/conventions.md, Numbers).
describe('whole networks reproduce the Keras Applications figures exactly', () => {
  it('InceptionV3 at 299×299: 23,851,784 params (34,432 non-trainable), 5,713,216,096 MACs', () => {
    const graph = buildInceptionV3();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(23_851_784);
    expect(a.totals.nonTrainableParams).toBe(34_432);
    expect(a.totals.trainableParams).toBe(23_851_784 - 34_432);
    expect(a.totals.macs).toBe(5_713_216_096);
    expect(a.totals.flops).toBe(2 * 5_713_216_096);
    // Keras's own comments in inception_v3.py give these grid sizes.
    expect(shapeOf(graph, a, 'mixed0')).toEqual([35, 35, 256]);
    expect(shapeOf(graph, a, 'mixed1')).toEqual([35, 35, 288]);
    expect(shapeOf(graph, a, 'mixed2')).toEqual([35, 35, 288]);
    expect(shapeOf(graph, a, 'mixed3')).toEqual([17, 17, 768]);
    for (const m of ['mixed4', 'mixed5', 'mixed6', 'mixed7']) expect(shapeOf(graph, a, m)).toEqual([17, 17, 768]);
    expect(shapeOf(graph, a, 'mixed8')).toEqual([8, 8, 1280]);
    expect(shapeOf(graph, a, 'mixed9')).toEqual([8, 8, 2048]);
    expect(shapeOf(graph, a, 'mixed10')).toEqual([8, 8, 2048]);
    expect(shapeOf(graph, a, 'predictions')).toEqual([1000]);
    // 94 conv2d_bn blocks, named the way Keras names them.
    expect(graph.nodes.filter((n) => n.kind === 'Conv2D')).toHaveLength(94);
    expect(graph.nodes.some((n) => n.name === 'conv2d_93')).toBe(true);
    expect(graph.groups.map((g) => g.name)).toEqual(Array.from({ length: 11 }, (_, i) => `mixed${i}`));
  });

  it('VGG16 at 224×224: 138,357,544 params, 15,470,264,320 MACs', () => {
    const graph = buildVgg16();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(138_357_544);
    expect(a.totals.nonTrainableParams).toBe(0);
    expect(a.totals.macs).toBe(15_470_264_320);
    expect(shapeOf(graph, a, 'block5_pool')).toEqual([7, 7, 512]);
    expect(shapeOf(graph, a, 'flatten')).toEqual([25_088]);
  });

  // Reference: torchvision 0.14's model definitions, counted with Debian's python3-torchvision
  // (parameters: sum of numel; MACs: per conv and linear layer, from the module list).
  it('VGG19 at 224×224: 143,667,240 params, 19,632,062,464 MACs (Keras and torchvision)', () => {
    const graph = buildVgg16({ depth: 19 });
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(143_667_240);
    expect(a.totals.macs).toBe(19_632_062_464);
    expect(graph.nodes.filter((n) => n.kind === 'Conv2D')).toHaveLength(16);
    expect(shapeOf(graph, a, 'block5_pool')).toEqual([7, 7, 512]);
  });

  it('AlexNet (torchvision) at 224×224: 61,100,840 params, 714,188,480 MACs', () => {
    const graph = buildAlexNet();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(61_100_840);
    expect(a.totals.macs).toBe(714_188_480);
    expect(shapeOf(graph, a, 'conv1')).toEqual([55, 55, 64]);
    expect(shapeOf(graph, a, 'pool2')).toEqual([13, 13, 192]);
    expect(shapeOf(graph, a, 'flatten')).toEqual([9216]);
  });

  it('MobileNet v1 at 224×224: 4,253,864 params (21,888 non-trainable), 568,740,352 MACs', () => {
    const graph = buildMobileNetV1();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(4_253_864);
    expect(a.totals.nonTrainableParams).toBe(21_888);
    expect(a.totals.macs).toBe(568_740_352);
    expect(shapeOf(graph, a, 'conv1_relu')).toEqual([112, 112, 32]);
    expect(shapeOf(graph, a, 'conv_pad_2')).toEqual([113, 113, 64]);
    expect(shapeOf(graph, a, 'conv_dw_2')).toEqual([56, 56, 64]);
    expect(shapeOf(graph, a, 'conv_pw_13_relu')).toEqual([7, 7, 1024]);
    expect(shapeOf(graph, a, 'reshape_1')).toEqual([1, 1, 1024]);
    expect(shapeOf(graph, a, 'predictions')).toEqual([1000]);
  });

  it('ResNet50 at 224×224: 25,636,712 params (53,120 non-trainable)', () => {
    const graph = buildResNet50();
    const a = analyse(graph);
    expect(errors(a)).toEqual([]);
    expect(a.totals.params).toBe(25_636_712);
    expect(a.totals.nonTrainableParams).toBe(53_120);
    // No published reference; this is the convention's count (convs + dense, biases excluded).
    expect(a.totals.macs).toBe(3_857_973_248);
    expect(shapeOf(graph, a, 'pool1_pool')).toEqual([56, 56, 64]);
    expect(shapeOf(graph, a, 'conv2_block3_out')).toEqual([56, 56, 256]);
    expect(shapeOf(graph, a, 'conv3_block4_out')).toEqual([28, 28, 512]);
    expect(shapeOf(graph, a, 'conv4_block6_out')).toEqual([14, 14, 1024]);
    expect(shapeOf(graph, a, 'conv5_block3_out')).toEqual([7, 7, 2048]);
    expect(graph.groups).toHaveLength(16);
  });
});

describe('module (group) totals are the sums over their members', () => {
  it.each([
    ['InceptionV3', buildInceptionV3],
    ['VGG16', buildVgg16],
    ['MobileNet v1', buildMobileNetV1],
    ['ResNet50', buildResNet50],
  ])('%s', (_label, build) => {
    const graph = build();
    const a = analyse(graph);
    expect(graph.groups.length).toBeGreaterThan(0);
    let groupedParams = 0;
    for (const g of graph.groups) {
      const t = a.groups[g.id];
      expect(t, g.id).toBeDefined();
      const sums = memberSums(graph, a, g.id);
      expect({ params: t!.params, nonTrainableParams: t!.nonTrainableParams, macs: t!.macs }, g.id).toEqual(sums);
      if (!g.parentId) groupedParams += t!.params;
    }
    // Top-level modules plus ungrouped nodes make up the whole network.
    const ungrouped = graph.nodes.filter((n) => !n.groupId).reduce((s, n) => s + a.nodes[n.id]!.paramCount.total, 0);
    expect(groupedParams + ungrouped).toBe(a.totals.params);
  });
});
