import { describe, expect, it } from 'vitest';
import { analyse, analysisErrors, importFixture } from './helpers';

/**
 * The Keras Applications networks, written as the JSON real Keras / TF.js versions
 * produce (test/fixtures/keras/generate.ts), imported and analysed: the figures are
 * the reference values of docs/conventions.md, reproduced exactly.
 */

function shapeOf(a: ReturnType<typeof analyse>, id: string) {
  return a.nodes[id]?.outputShape;
}

describe('Keras Applications networks import and reproduce the reference figures', () => {
  it('InceptionV3 at 299 (Keras 2.2.4 Model, nested inbound_nodes): 23,851,784 params, 34,432 non-trainable, 5,713,216,096 MACs', () => {
    const r = importFixture('inception_v3.keras22.json');
    expect(r.format).toBe('Keras 2 Model');
    expect(r.name).toBe('inception_v3');
    expect(r.warnings).toEqual([]);
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals.params).toBe(23_851_784);
    expect(a.totals.nonTrainableParams).toBe(34_432);
    expect(a.totals.macs).toBe(5_713_216_096);
    expect(a.totals.flops).toBe(2 * 5_713_216_096);
    // The grid sizes in inception_v3.py's comments.
    expect(shapeOf(a, 'mixed0')).toEqual([35, 35, 256]);
    expect(shapeOf(a, 'mixed2')).toEqual([35, 35, 288]);
    expect(shapeOf(a, 'mixed3')).toEqual([17, 17, 768]);
    expect(shapeOf(a, 'mixed7')).toEqual([17, 17, 768]);
    expect(shapeOf(a, 'mixed8')).toEqual([8, 8, 1280]);
    expect(shapeOf(a, 'mixed10')).toEqual([8, 8, 2048]);
    expect(shapeOf(a, 'predictions')).toEqual([1000]);
  });

  it('VGG16 at 224, tf.keras 2.x Functional: 138,357,544 params, 15,470,264,320 MACs', () => {
    const r = importFixture('vgg16.tf2.json');
    expect(r.format).toBe('TF 2.x Keras Functional');
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals.params).toBe(138_357_544);
    expect(a.totals.nonTrainableParams).toBe(0);
    expect(a.totals.macs).toBe(15_470_264_320);
    expect(shapeOf(a, 'block5_pool')).toEqual([7, 7, 512]);
  });

  it('VGG16 at 224, TF.js model.save() Sequential: same figures, and the weightsManifest agrees', () => {
    const r = importFixture('vgg16.tfjs-sequential.model.json');
    expect(r.format).toBe('TensorFlow.js model.json (TensorFlow.js Layers Sequential)');
    // Sequential: the input comes from the first layer's batch_input_shape.
    expect(r.graph.nodes[0]).toMatchObject({
      id: 'block1_conv1_input',
      kind: 'Input',
      params: { shape: [224, 224, 3] },
    });
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals.params).toBe(138_357_544);
    expect(a.totals.macs).toBe(15_470_264_320);
    expect(r.declaredWeights).toBe(a.totals.params);
    expect(r.warnings.map((w) => w.code)).toEqual(['weights-ignored']);
  });

  it('MobileNet v1 (alpha 1, 224), TF.js converter model.json: 4,253,864 params, 21,888 non-trainable, 568,740,352 MACs', () => {
    const r = importFixture('mobilenet_v1.tfjs-converter.model.json');
    expect(r.format).toBe('TensorFlow.js model.json (TF 2.x Keras Functional)');
    expect(r.name).toBe('mobilenet_1.00_224');
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals.params).toBe(4_253_864);
    expect(a.totals.nonTrainableParams).toBe(21_888);
    expect(a.totals.macs).toBe(568_740_352);
    expect(r.declaredWeights).toBe(4_253_864);
    // ReLU(6.) became relu6; BN's built axis [3] was accepted as the channel axis.
    expect(r.graph.nodes.find((n) => n.id === 'conv1_relu')).toMatchObject({
      kind: 'Activation',
      params: { activation: 'relu6' },
    });
    expect(r.graph.nodes.find((n) => n.id === 'global_average_pooling2d')?.params).toEqual({ keepDims: true });
    expect(shapeOf(a, 'conv_pw_13_relu')).toEqual([7, 7, 1024]);
  });

  it('ResNet50 at 224, Keras 3 Functional (args / keras_history, build_config): 25,636,712 params, 53,120 non-trainable', () => {
    const r = importFixture('resnet50.keras3.json');
    expect(r.format).toBe('Keras 3 Functional');
    expect(r.warnings).toEqual([]);
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    expect(a.totals.params).toBe(25_636_712);
    expect(a.totals.nonTrainableParams).toBe(53_120);
    // Not a docs/conventions.md reference; the usual "3.86 G mult-adds" for ResNet50 at 224, recorded so it cannot drift.
    expect(a.totals.macs).toBe(3_857_973_248);
    const add = r.graph.edges.filter((e) => e.target === 'conv2_block1_add');
    expect(add.map((e) => [e.source, e.targetIndex])).toEqual([
      ['conv2_block1_0_bn', 0],
      ['conv2_block1_3_bn', 1],
    ]);
    expect(shapeOf(a, 'conv5_block3_out')).toEqual([7, 7, 2048]);
  });

  it('mnist_cnn as Keras 2.1 (config is the bare layer list) and Keras 3 Sequential: 1,199,882 params', () => {
    for (const [file, format] of [
      ['mnist_cnn.keras21-sequential.json', 'Keras 2 Sequential'],
      ['mnist_cnn.keras3-sequential.json', 'Keras 3 Sequential'],
    ] as const) {
      const r = importFixture(file);
      expect(r.format).toBe(format);
      const a = analyse(r);
      expect(analysisErrors(a)).toEqual([]);
      expect(a.totals.params).toBe(1_199_882);
      expect(a.totals.macs).toBe(11_992_448);
    }
  });

  it('node ids are the Keras layer names, edges keep input order, positions are left to the editor', () => {
    const r = importFixture('inception_v3.keras22.json');
    const ids = r.graph.nodes.map((n) => n.id);
    expect(ids[0]).toBe('input_1');
    expect(ids).toContain('conv2d_94');
    expect(ids).toContain('batch_normalization_94');
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of r.graph.nodes) {
      expect(n.name).toBe(n.id);
      expect(n.position).toBeUndefined();
    }
    const mixed0 = r.graph.edges.filter((e) => e.target === 'mixed0').sort((a, b) => a.targetIndex - b.targetIndex);
    expect(mixed0.map((e) => e.source)).toEqual(['activation_6', 'activation_8', 'activation_11', 'activation_12']);
    expect(r.graph.groups).toEqual([]);
  });

  it('reads the class aliases and odd spellings (Convolution2D, MaxPool2D with null strides, activation dicts, Softmax)', () => {
    const r = importFixture('aliases.keras2.json');
    expect(r.warnings).toEqual([]);
    const a = analyse(r);
    expect(analysisErrors(a)).toEqual([]);
    const params = (id: string) => r.graph.nodes.find((n) => n.id === id)?.params;
    expect(params('c1')).toMatchObject({ kernelSize: [3, 3], padding: 'valid', activation: 'swish' });
    expect(params('r1')).toEqual({ activation: 'relu' });
    expect(params('r6')).toEqual({ activation: 'relu6' });
    expect(params('p1')).toEqual({ poolSize: [2, 2], strides: [2, 2], padding: 'valid' });
    expect(params('p2')).toEqual({ poolSize: [2, 2], strides: [2, 2], padding: 'same' });
    expect(params('sep')).toMatchObject({ filters: 16, activation: 'gelu' });
    expect(params('g')).toMatchObject({ groups: 4 });
    expect(params('d1')).toMatchObject({ activation: 'tanh' });
    expect(params('d2')).toEqual({ units: 3, useBias: false, activation: 'linear' });
    expect(params('sm')).toEqual({ activation: 'softmax' });
    expect(params('pad')).toEqual({
      padding: [
        [1, 1],
        [1, 1],
      ],
    });
    // 32 → pad 34 → conv 32 → pool 16 → dw ×2 channels → sep 16 → avgpool same 8 → gconv → global max.
    expect(shapeOf(a, 'sep')).toEqual([16, 16, 16]);
    expect(shapeOf(a, 'p2')).toEqual([8, 8, 16]);
    expect(a.nodes.bn?.paramCount).toEqual({ trainable: 16, nonTrainable: 32, total: 48 });
  });
});
