import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../shared/analysis';
import { type ImportSuccess, importKerasJson, UNSUPPORTED_KIND } from '../../../shared/import';
import { expectOneLine, fixture, importError, keras2Model, oneLayer } from './helpers';

function ok(text: string): ImportSuccess {
  const r = importKerasJson(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** The node 'x' of a one-layer model: kind and params, or the unsupported message. */
function layer(cls: string, config: Record<string, unknown>, inputShape?: (number | null)[]) {
  const r = ok(oneLayer(cls, config, inputShape));
  const node = r.graph.nodes.find((n) => n.id === 'x')!;
  if (node.kind === UNSUPPORTED_KIND) {
    const w = r.warnings.find((d) => d.nodeId === 'x')!;
    // A warning where the analysis can go on through it (an element-wise class keeps its input's shape).
    expect(w).toMatchObject({
      severity: 'outputShape' in node.params ? 'warning' : 'error',
      code: 'unsupported-layer',
    });
    expectOneLine(w.message);
    return { kind: node.kind, message: w.message };
  }
  return { kind: node.kind, params: node.params };
}

describe('Keras classes -> Netwright kinds', () => {
  it('Conv2D and Convolution2D: int-or-tuple arguments, defaults as in Keras', () => {
    expect(layer('Conv2D', { filters: 8, kernel_size: 3 })).toEqual({
      kind: 'Conv2D',
      params: {
        filters: 8,
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'valid',
        dilation: [1, 1],
        groups: 1,
        useBias: true,
        activation: 'linear',
      },
    });
    expect(
      layer('Convolution2D', { filters: 8, kernel_size: [1, 7], strides: [2], dilation_rate: 1, padding: 'same' })
        .params,
    ).toMatchObject({ kernelSize: [1, 7], strides: [2, 2], padding: 'same' });
  });

  it('DepthwiseConv2D and SeparableConv2D / SeparableConvolution2D', () => {
    expect(layer('DepthwiseConv2D', { kernel_size: [3, 3], depth_multiplier: 2, use_bias: false })).toEqual({
      kind: 'DepthwiseConv2D',
      params: {
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'valid',
        depthMultiplier: 2,
        dilation: [1, 1],
        useBias: false,
        activation: 'linear',
      },
    });
    for (const cls of ['SeparableConv2D', 'SeparableConvolution2D'])
      expect(layer(cls, { filters: 4, kernel_size: 3, activation: 'relu' })).toMatchObject({
        kind: 'SeparableConv2D',
        params: { filters: 4, kernelSize: [3, 3], depthMultiplier: 1, activation: 'relu' },
      });
  });

  it('pools: both spellings, null strides mean the pool size', () => {
    expect(layer('MaxPooling2D', { pool_size: [3, 3], strides: null })).toEqual({
      kind: 'MaxPool2D',
      params: { poolSize: [3, 3], strides: [3, 3], padding: 'valid' },
    });
    expect(layer('AvgPool2D', { pool_size: 2, strides: 1, padding: 'same' })).toEqual({
      kind: 'AvgPool2D',
      params: { poolSize: [2, 2], strides: [1, 1], padding: 'same' },
    });
    expect(layer('AveragePooling2D', {}).params).toEqual({ poolSize: [2, 2], strides: [2, 2], padding: 'valid' });
    expect(layer('GlobalAveragePooling2D', {})).toEqual({ kind: 'GlobalAvgPool2D', params: { keepDims: false } });
    expect(layer('GlobalMaxPooling2D', { keepdims: true })).toEqual({
      kind: 'GlobalMaxPool2D',
      params: { keepDims: true },
    });
  });

  it('activations: Keras names, silu as swish, Keras 3 dicts; an unknown one names itself and the layer', () => {
    const act = (a: unknown) => layer('Activation', { activation: a });
    for (const name of ['relu', 'relu6', 'sigmoid', 'tanh', 'softmax', 'linear', 'gelu', 'swish'])
      expect(act(name).params).toEqual({ activation: name });
    expect(act('silu').params).toEqual({ activation: 'swish' });
    expect(act({ class_name: 'function', config: 'gelu' }).params).toEqual({ activation: 'gelu' });
    expect(layer('Dense', { units: 3, activation: null }).params).toEqual({
      units: 3,
      useBias: true,
      activation: 'linear',
    });
    expect(act('elu').message).toBe(
      "Activation 'x' has settings Netwright cannot read: activation: 'elu' is not an activation Netwright has (relu, relu6, sigmoid, tanh, softmax, linear, gelu, swish, hard_sigmoid, hard_swish).",
    );
    expect(layer('Conv2D', { filters: 2, kernel_size: 1, activation: 'hard_sigmoid' }).params).toMatchObject({
      activation: 'hard_sigmoid',
    });
    expect(act('hard_swish').params).toEqual({ activation: 'hard_swish' });
    expect(act('hard_silu').params).toEqual({ activation: 'hard_swish' });
    expect(act('mish').message).toMatch(/'mish' is not an activation Netwright has/);
  });

  it('ReLU: plain is relu, max_value 6 is relu6, any other setting a ReLU node', () => {
    expect(layer('ReLU', {}).params).toEqual({ activation: 'relu' });
    expect(layer('ReLU', { max_value: 6.0, negative_slope: 0, threshold: 0 }).params).toEqual({ activation: 'relu6' });
    expect(layer('ReLU', { negative_slope: 0.1 })).toEqual({
      kind: 'ReLU',
      params: { maxValue: null, negativeSlope: 0.1, threshold: 0 },
    });
    expect(layer('ReLU', { max_value: 4 }).params).toEqual({ maxValue: 4, negativeSlope: 0, threshold: 0 });
    expect(layer('ReLU', { threshold: 1 }).params).toMatchObject({ threshold: 1 });
    // Read as given; the analysis names the bad value, as for any node.
    const bad = analyzeGraph(ok(oneLayer('ReLU', { max_value: -1 })).graph);
    expect(bad.diagnostics.map((d) => d.message).join('\n')).toContain('maxValue: expected a number ≥ 0, got -1');
    expect(layer('Softmax', { axis: -1 }).params).toEqual({ activation: 'softmax' });
    expect(layer('Softmax', { axis: 1 }).message).toMatch(/softmax over axis 1/);
  });

  it('BatchNormalization: the last axis in any spelling; another axis, several axes or renorm are clear messages', () => {
    const bn = { kind: 'BatchNorm', params: { center: true, scale: true, epsilon: 0.001, momentum: 0.99 } };
    expect(layer('BatchNormalization', {})).toEqual(bn);
    expect(layer('BatchNormalization', { axis: 3 })).toEqual(bn);
    expect(layer('BatchNormalization', { axis: [3] })).toEqual(bn);
    expect(layer('BatchNormalization', { axis: [-1], scale: false, epsilon: 1e-5 }).params).toMatchObject({
      scale: false,
      epsilon: 1e-5,
    });
    expect(layer('BatchNormalization', { axis: 1 }).message).toBe(
      "BatchNormalization 'x' normalizes axis 1, not the last (channel) axis; Netwright's BatchNorm normalizes the last axis only (was the model built channels_first?).",
    );
    expect(layer('BatchNormalization', { axis: [1, 2] }).message).toMatch(/normalizes several axes \(\[1,2\]\)/);
    expect(layer('BatchNormalization', { renorm: true }).message).toMatch(/batch renormalization/);
    // After Flatten the tensor has rank 2, so axis 1 is the last one.
    const r = ok(
      keras2Model([
        ['f', 'Flatten', {}, ['in']],
        ['b', 'BatchNormalization', { axis: 1 }, ['f']],
        ['b3', 'BatchNormalization', { axis: 3 }, ['f']],
      ]),
    );
    expect(r.graph.nodes.find((n) => n.id === 'b')?.kind).toBe('BatchNorm');
    expect(r.graph.nodes.find((n) => n.id === 'b3')?.kind).toBe(UNSUPPORTED_KIND);
  });

  it('ZeroPadding2D, Concatenate, Add, Flatten, Reshape, Dropout, Dense', () => {
    expect(
      layer('ZeroPadding2D', {
        padding: [
          [0, 1],
          [2, 3],
        ],
      }).params,
    ).toEqual({
      padding: [
        [0, 1],
        [2, 3],
      ],
    });
    expect(layer('ZeroPadding2D', { padding: [1, 2] }).params).toEqual({
      padding: [
        [1, 1],
        [2, 2],
      ],
    });
    expect(layer('ZeroPadding2D', { padding: 3 }).params).toEqual({
      padding: [
        [3, 3],
        [3, 3],
      ],
    });
    expect(layer('Flatten', {})).toEqual({ kind: 'Flatten', params: {} });
    expect(layer('Reshape', { target_shape: [-1, 3] })).toEqual({ kind: 'Reshape', params: { targetShape: [-1, 3] } });
    expect(layer('Dropout', { rate: 0.3, noise_shape: null })).toEqual({ kind: 'Dropout', params: { rate: 0.3 } });
    expect(layer('Dense', { units: 10, use_bias: false, activation: 'softmax' })).toEqual({
      kind: 'Dense',
      params: { units: 10, useBias: false, activation: 'softmax' },
    });
    const r = ok(
      keras2Model([
        ['a', 'Conv2D', { filters: 2, kernel_size: 1 }, ['in']],
        ['c3', 'Concatenate', { axis: 3 }, ['in', 'a']],
        ['c', 'Concatenate', {}, ['a', 'in']],
        ['s', 'Add', {}, ['c3', 'c']],
      ]),
    );
    const params = (id: string) => r.graph.nodes.find((n) => n.id === id)?.params;
    expect(params('c3')).toEqual({ axis: -1 });
    expect(params('c')).toEqual({ axis: -1 });
    expect(params('s')).toEqual({});
    expect(r.graph.edges.filter((e) => e.target === 'c').map((e) => [e.source, e.targetIndex])).toEqual([
      ['a', 0],
      ['in', 1],
    ]);
  });

  it('LeakyReLU (alpha in Keras 2, negative_slope in Keras 3), PReLU, ELU', () => {
    expect(layer('LeakyReLU', { alpha: 0.2 })).toEqual({ kind: 'LeakyReLU', params: { negativeSlope: 0.2 } });
    expect(layer('LeakyReLU', { negative_slope: 0.1 }).params).toEqual({ negativeSlope: 0.1 });
    expect(layer('LeakyReLU', {}).params).toEqual({ negativeSlope: 0.3 });
    expect(layer('LeakyReLU', { alpha: 'x' }).message).toMatch(/expected a number ≥ 0, got "x"/);
    expect(layer('PReLU', { shared_axes: [1, 2] })).toEqual({ kind: 'PReLU', params: { sharedAxes: [1, 2] } });
    expect(layer('PReLU', { shared_axes: null }).params).toEqual({ sharedAxes: null });
    expect(layer('ELU', { alpha: 0.5 })).toEqual({ kind: 'ELU', params: { alpha: 0.5 } });
  });

  it('Rescaling and Normalization (statistics adapted, or given in any nesting)', () => {
    expect(layer('Rescaling', { scale: 0.00392156862745098, offset: 0.0 })).toEqual({
      kind: 'Rescaling',
      params: { scale: 0.00392156862745098, offset: 0 },
    });
    expect(layer('Normalization', { axis: -1, mean: null, variance: null })).toEqual({
      kind: 'Normalization',
      params: { mean: null, variance: null },
    });
    expect(
      layer('Normalization', { axis: [3], mean: [[[0.485, 0.456, 0.406]]], variance: [[[0.05, 0.05, 0.05]]] }),
    ).toEqual({
      kind: 'Normalization',
      params: { mean: [0.485, 0.456, 0.406], variance: [0.05, 0.05, 0.05] },
    });
    expect(layer('Normalization', { axis: 1 }).message).toMatch(
      /normalizes axis 1; Netwright's Normalization works on the last/,
    );
    expect(layer('Normalization', { invert: true }).message).toMatch(/invert: true/);
  });

  it('Conv2DTranspose, Cropping2D, UpSampling2D, LayerNormalization, Permute', () => {
    expect(
      layer('Conv2DTranspose', { filters: 8, kernel_size: 3, strides: 2, padding: 'same', output_padding: null }),
    ).toEqual({
      kind: 'Conv2DTranspose',
      params: {
        filters: 8,
        kernelSize: [3, 3],
        strides: [2, 2],
        padding: 'same',
        dilation: [1, 1],
        useBias: true,
        activation: 'linear',
      },
    });
    expect(layer('Conv2DTranspose', { filters: 8, kernel_size: 3, output_padding: [1, 1] }).message).toMatch(
      /sets output_padding \[1,1\]; Netwright's Conv2DTranspose has Keras's default \(null\) only/,
    );
    expect(
      layer('Cropping2D', {
        cropping: [
          [0, 1],
          [0, 1],
        ],
      }).params,
    ).toEqual({
      cropping: [
        [0, 1],
        [0, 1],
      ],
    });
    expect(layer('Cropping2D', {}).params).toEqual({
      cropping: [
        [0, 0],
        [0, 0],
      ],
    });
    expect(layer('UpSampling2D', { size: [2, 2], interpolation: 'bilinear' })).toEqual({
      kind: 'UpSampling2D',
      params: { size: [2, 2], interpolation: 'bilinear' },
    });
    expect(layer('UpSampling2D', { interpolation: 'lanczos3' }).message).toMatch(/expected 'nearest' or 'bilinear'/);
    expect(layer('LayerNormalization', { axis: [3], epsilon: 1e-6 })).toEqual({
      kind: 'LayerNormalization',
      params: { center: true, scale: true, epsilon: 1e-6 },
    });
    expect(layer('LayerNormalization', { axis: [1, 2, 3] }).message).toMatch(/normalizes over axes \[1,2,3\]/);
    expect(layer('Permute', { dims: [2, 1, 3] })).toEqual({ kind: 'Permute', params: { dims: [2, 1, 3] } });
  });

  it("EfficientNet's stem and squeeze-and-excitation analyse to Keras's counts", () => {
    const r = ok(
      keras2Model(
        [
          ['rescaling', 'Rescaling', { scale: 1 / 255, offset: 0 }, ['in']],
          ['normalization', 'Normalization', { axis: -1, mean: null, variance: null }, ['rescaling']],
          ['stem', 'Conv2D', { filters: 16, kernel_size: 3, use_bias: false, activation: 'swish' }, ['normalization']],
          ['squeeze', 'GlobalAveragePooling2D', { keepdims: true }, ['stem']],
          ['reduce', 'Conv2D', { filters: 4, kernel_size: 1, activation: 'relu' }, ['squeeze']],
          ['expand', 'Conv2D', { filters: 16, kernel_size: 1, activation: 'hard_sigmoid' }, ['reduce']],
          ['excite', 'Multiply', {}, ['stem', 'expand']],
        ],
        [32, 32, 3],
      ),
    );
    expect(r.graph.nodes.map((n) => n.kind)).not.toContain(UNSUPPORTED_KIND);
    const analysis = analyzeGraph(r.graph);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.nodes.excite!.outputShape).toEqual([30, 30, 16]);
    // Normalization: mean, variance (3 each) and count; stem 3·3·3·16; SE 16·4 + 4 and 4·16 + 16.
    expect(analysis.totals.nonTrainableParams).toBe(7);
    expect(analysis.totals.trainableParams).toBe(432 + 68 + 80);
  });

  it('Multiply, Subtract, Average, Maximum, Minimum', () => {
    const r = ok(
      keras2Model([
        ['a', 'Conv2D', { filters: 3, kernel_size: 1 }, ['in']],
        ['m', 'Multiply', {}, ['in', 'a']],
        ['s', 'Subtract', {}, ['m', 'a']],
        ['v', 'Average', {}, ['s', 'a']],
        ['x', 'Maximum', {}, ['v', 'a']],
        ['n', 'Minimum', {}, ['x', 'a']],
      ]),
    );
    const kinds = r.graph.nodes.filter((n) => n.id.length === 1 && n.id !== 'a').map((n) => [n.id, n.kind]);
    expect(kinds).toEqual([
      ['m', 'Multiply'],
      ['s', 'Subtract'],
      ['v', 'Average'],
      ['x', 'Maximum'],
      ['n', 'Minimum'],
    ]);
  });

  it('channels_first anywhere fails the import with one line naming the layer', () => {
    for (const cls of ['Conv2D', 'MaxPooling2D', 'GlobalAveragePooling2D', 'Flatten'])
      expect(importError(oneLayer(cls, { filters: 2, kernel_size: 1, data_format: 'channels_first' }, [3, 8, 8]))).toBe(
        `Layer 'x' (${cls}) uses data_format 'channels_first'; Netwright reads channels_last models only: rebuild or re-save the model with channels_last.`,
      );
  });

  it('unknown classes, nested models and bad configs are marked, never thrown', () => {
    expect(layer('LSTM', { units: 3 }).message).toBe(
      "LSTM 'x' is a layer class Netwright does not support; replace it with a layer from the palette or remove it.",
    );
    // A model used as a layer is read as its layers (nested.test.ts); an empty one is damaged.
    expect(importError(oneLayer('Sequential', { layers: [] }))).toBe(
      "In the nested model 'x': The Sequential model has no layers.",
    );
    expect(layer('Dense', { units: -3 }).message).toBe(
      "Dense 'x' has settings Netwright cannot read: units: expected a positive whole number, got -3.",
    );
    expect(layer('Conv2D', { filters: 2, kernel_size: 3, padding: 'causal' }).message).toMatch(
      /padding: expected 'same' or 'valid', got "causal"/,
    );
    expect(layer('constructor', {}).kind).toBe(UNSUPPORTED_KIND);
    expect(layer('__proto__', {}).kind).toBe(UNSUPPORTED_KIND);
  });

  it('strict mode fails on the first layer it would mark', () => {
    expect(importError(oneLayer('LSTM', { units: 3 }), { strict: true })).toBe(
      "Cannot import: LSTM 'x' is a layer class Netwright does not support; replace it with a layer from the palette or remove it.",
    );
  });
});

describe('model structure', () => {
  it('Keras 3 merge layers take a list of keras tensors in args', () => {
    const tensor = (name: string) => ({
      class_name: '__keras_tensor__',
      config: { shape: [null, 4, 4, 3], dtype: 'float32', keras_history: [name, 0, 0] },
    });
    const entry = (name: string, cls: string, config: object, args: unknown[]) => ({
      module: 'keras.layers',
      class_name: cls,
      config: { name, ...config },
      registered_name: null,
      name,
      inbound_nodes: args.length ? [{ args, kwargs: {} }] : [],
    });
    const text = JSON.stringify({
      module: 'keras.src.models.functional',
      class_name: 'Functional',
      config: {
        name: 'k3',
        layers: [
          entry('a', 'InputLayer', { batch_shape: [null, 4, 4, 3] }, []),
          entry('b', 'InputLayer', { batch_shape: [null, 4, 4, 3] }, []),
          entry('cat', 'Concatenate', { axis: -1 }, [[tensor('b'), tensor('a')]]),
          entry('conv', 'Conv2D', { filters: 2, kernel_size: 1 }, [tensor('cat')]),
        ],
        input_layers: [
          ['a', 0, 0],
          ['b', 0, 0],
        ],
        output_layers: [['conv', 0, 0]],
      },
      registered_name: 'Functional',
    });
    const r = ok(text);
    expect(r.format).toBe('Keras 3 Functional');
    expect(r.graph.edges.map((e) => `${e.source}->${e.target}:${e.targetIndex}`)).toEqual([
      'b->cat:0',
      'a->cat:1',
      'cat->conv:0',
    ]);
  });

  it('a functional model listed out of order is put in dependency order', () => {
    const r = ok(
      keras2Model([
        ['second', 'Dense', { units: 2 }, ['first']],
        ['first', 'Flatten', {}, ['in']],
      ]),
    );
    expect(r.graph.nodes.map((n) => n.id)).toEqual(['in', 'first', 'second']);
  });

  it('dangling references, duplicate names and nameless layers are one line each', () => {
    expect(importError(keras2Model([['d', 'Dense', { units: 2 }, ['nowhere']]]))).toBe(
      "Layer 'd' takes input from 'nowhere', which is not a layer of this model.",
    );
    expect(
      importError(
        keras2Model([
          ['d', 'Flatten', {}, ['in']],
          ['d', 'Dense', { units: 2 }, ['d']],
        ]),
      ),
    ).toMatch(/^Two layers are named 'd'/);
    const nameless = JSON.parse(keras2Model([['d', 'Flatten', {}, ['in']]]));
    delete nameless.config.layers[1].name;
    delete nameless.config.layers[1].config.name;
    expect(importError(JSON.stringify(nameless))).toBe('Model layer #2 (Flatten) has no name.');
    expect(importError(keras2Model([['d', 'Dense', { units: 2 }, ['d']]]))).toMatch(
      /^The model has a cycle: 'd' → 'd'/,
    );
  });

  it('malformed inbound_nodes and layer entries are one line each', () => {
    const model = JSON.parse(keras2Model([['d', 'Flatten', {}, ['in']]]));
    model.config.layers[1].inbound_nodes = [[['in', 'zero', 0, {}]]];
    expect(importError(JSON.stringify(model))).toMatch(/^Layer 'd' has malformed inbound_nodes: expected/);
    model.config.layers[1].inbound_nodes = [[['in', 1, 0, {}]]];
    expect(importError(JSON.stringify(model))).toBe(
      "Layer 'd' takes input from call 2 of 'in', which is applied only once: the file is inconsistent.",
    );
    model.config.layers[1] = 'Flatten';
    expect(importError(JSON.stringify(model))).toBe(
      'Model layer #2 is not a Keras layer: expected {class_name, config, …}.',
    );
  });

  it('Sequential: the input comes from an InputLayer, batch_input_shape, batch_shape or build_input_shape', () => {
    const seq = (layers: object[], extra: object = {}) =>
      JSON.stringify({ class_name: 'Sequential', config: { name: 's', layers, ...extra } });
    const dense = (config: object = {}) => ({ class_name: 'Dense', config: { units: 4, ...config } });
    const shapeOf = (text: string) => ok(text).graph.nodes[0];
    expect(shapeOf(seq([dense({ name: 'fc', batch_input_shape: [null, 8] })]))).toMatchObject({
      id: 'fc_input',
      params: { shape: [8] },
    });
    expect(shapeOf(seq([dense({ batch_shape: [null, 4, 4, 2] })]))).toMatchObject({
      id: 'dense_input',
      params: { shape: [4, 4, 2] },
    });
    expect(shapeOf(seq([dense()], { build_input_shape: [null, 5] }))).toMatchObject({ params: { shape: [5] } });
    expect(
      shapeOf(seq([{ class_name: 'InputLayer', config: { name: 'inp', batch_shape: [null, 6] } }, dense()])),
    ).toMatchObject({ id: 'inp', params: { shape: [6] } });
    expect(importError(seq([dense()]))).toBe(
      'The Sequential model declares no input shape (no InputLayer, batch_input_shape or batch_shape): pass --input-shape H,W,C.',
    );
  });

  it('unnamed Sequential layers get Keras-style names', () => {
    const text = JSON.stringify({
      class_name: 'Sequential',
      config: [
        { class_name: 'Conv2D', config: { filters: 2, kernel_size: 3, batch_input_shape: [null, 8, 8, 1] } },
        { class_name: 'BatchNormalization', config: {} },
        { class_name: 'Conv2D', config: { filters: 2, kernel_size: 3 } },
        { class_name: 'MaxPooling2D', config: {} },
      ],
    });
    expect(ok(text).graph.nodes.map((n) => n.id)).toEqual([
      'conv2d_input',
      'conv2d',
      'batch_normalization',
      'conv2d_1',
      'max_pooling2d',
    ]);
  });

  it('wrappers: TF.js artifacts with weightSpecs, HDF5-style model_config strings', () => {
    const bare = fixture('vgg16.tf2.json');
    const artifacts = JSON.stringify({
      modelTopology: JSON.parse(bare),
      weightSpecs: [
        { name: 'a', shape: [3, 3, 3, 64], dtype: 'float32' },
        { name: 'b', shape: [64], dtype: 'float32' },
      ],
    });
    expect(ok(artifacts)).toMatchObject({
      declaredWeights: 1792,
      format: 'TensorFlow.js model.json (TF 2.x Keras Functional)',
    });
    expect(ok(JSON.stringify({ model_config: bare })).format).toBe('Keras model_config (TF 2.x Keras Functional)');
    expect(importError(JSON.stringify({ model_config: '{"class_name": ' }))).toMatch(
      /^The embedded model_config is not valid JSON: Not valid JSON at position 15 \(the file may be truncated\)/,
    );
    expect(importError(JSON.stringify({ modelTopology: null, weightsManifest: [] }))).toMatch(
      /no usable 'modelTopology' \(got null\)/,
    );
  });

  it('something that is not a model says what it is', () => {
    expect(importError('[1, 2, 3]')).toBe(
      "This JSON is not a Keras or TensorFlow.js model: expected an object with 'class_name' and 'config' (or a TF.js model.json with 'modelTopology'), got an array.",
    );
    expect(importError('42')).toMatch(/got a number\.$/);
    expect(importError(JSON.stringify({ class_name: 'Conv2D', config: { filters: 3 } }))).toBe(
      "This JSON describes a single 'Conv2D' layer, not a model: expected class_name 'Sequential', 'Functional' or 'Model'.",
    );
    expect(importError(JSON.stringify({ class_name: 'Model', config: { layers: [] } }))).toBe(
      'The model has no layers.',
    );
    expect(importError(JSON.stringify({ class_name: 'Sequential', config: { layers: [] } }))).toBe(
      'The Sequential model has no layers.',
    );
  });

  it('a custom functional model class is read as functional, with a warning', () => {
    const model = JSON.parse(keras2Model([['d', 'Flatten', {}, ['in']]]));
    model.class_name = 'MyModel';
    const r = ok(JSON.stringify(model));
    expect(r.warnings.map((w) => w.code)).toEqual(['unusual-model-class']);
  });

  it('frozen layers are reported once', () => {
    const r = ok(
      keras2Model([
        ['a', 'Conv2D', { filters: 2, kernel_size: 1, trainable: false }, ['in']],
        ['b', 'Conv2D', { filters: 2, kernel_size: 1, trainable: false }, ['a']],
      ]),
    );
    // Notes also carry their text without its language (test/unit/i18n/importNotes.test.ts).
    expect(r.warnings).toMatchObject([
      {
        nodeId: null,
        severity: 'info',
        code: 'frozen-layers',
        message:
          "2 layers ('a', …) are frozen (trainable: false) in the file: kept frozen, their weights counted as non-trainable and left untouched by training.",
      },
    ]);
    expect(r.graph.nodes.filter((n) => n.frozen).map((n) => n.name)).toEqual(['a', 'b']);
  });

  it("counts a frozen layer's weights as non-trainable, as Keras does (BatchNorm included)", () => {
    const r = ok(
      keras2Model([
        ['a', 'Conv2D', { filters: 2, kernel_size: 1 }, ['in']],
        ['bn', 'BatchNormalization', { axis: -1, trainable: false }, ['a']],
        ['b', 'Conv2D', { filters: 2, kernel_size: 1, trainable: false }, ['bn']],
      ]),
    );
    const totals = analyzeGraph(r.graph).totals;
    // conv a: 3×2+2 = 8 trainable; bn: 4×2 = 8, all frozen; conv b: 2×2+2 = 6 frozen.
    expect(totals).toMatchObject({ params: 22, trainableParams: 8, nonTrainableParams: 14 });
  });

  it('input shapes: malformed or partly unknown ones are one line', () => {
    expect(importError(oneLayer('Flatten', {}, [null, 32, 3]))).toBe(
      "Input 'in' has unknown size (None×32×3): pass --input-shape H,W,C.",
    );
    expect(importError(oneLayer('Flatten', {}, [0, 32, 3] as number[]))).toBe(
      "Input 'in' has a malformed shape [null,0,32,3]: expected [null, H, W, C].",
    );
    const model = JSON.parse(oneLayer('Flatten', {}));
    model.config.layers[0].config = { name: 'in' };
    expect(importError(JSON.stringify(model))).toBe("Input 'in' declares no shape: pass --input-shape H,W,C.");
  });
});
