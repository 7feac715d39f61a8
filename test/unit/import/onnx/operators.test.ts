import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../../shared/analysis';
import { createProjectFile, parseProjectValue, serializeProject } from '../../../../shared/graph/projectFile';
import { diagnosticText } from '../../../../shared/i18n';
import { importOnnx } from '../../../../shared/import/onnx';
import { type TinyModel, tinyModel } from './builder';

function imported(model: TinyModel, options = {}) {
  const result = importOnnx(tinyModel(model), options);
  if (!result.ok) throw new Error(result.error);
  return { ...result, analysis: analyzeGraph(result.graph) };
}

const kinds = (r: ReturnType<typeof imported>) => r.graph.nodes.map((n) => n.kind);

describe('ONNX operators onto Netwright layers', () => {
  it('a conv with symmetric pads at stride 1 is a same conv; NCHW becomes H×W×C', () => {
    const r = imported({
      weights: { w: [8, 3, 3, 3], b: [8] },
      nodes: [{ op: 'Conv', inputs: ['x', 'w', 'b'], attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } }],
    });
    expect(kinds(r)).toEqual(['Input', 'Conv2D']);
    expect(r.graph.nodes[1]!.params).toMatchObject({ filters: 8, padding: 'same', useBias: true });
    const conv = r.analysis.nodes[r.graph.nodes[1]!.id]!;
    expect(conv.outputShape).toEqual([32, 32, 8]);
    expect(conv.paramCount.total).toBe(8 * 27 + 8);
    expect(conv.macs).toBe(27 * 8 * 32 * 32);
  });

  it("a stride-2 conv padded 1 on each side is zero padding then a 'valid' conv (Keras's 'same' pads after)", () => {
    const r = imported({
      weights: { w: [8, 3, 3, 3] },
      nodes: [{ op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] } }],
    });
    expect(kinds(r)).toEqual(['Input', 'ZeroPadding2D', 'Conv2D']);
    expect(r.graph.nodes[2]!.params).toMatchObject({ padding: 'valid', strides: [2, 2], useBias: false });
    expect(r.analysis.nodes[r.graph.nodes[2]!.id]!.outputShape).toEqual([16, 16, 8]);
  });

  it('auto_pad SAME_UPPER is same; group == channels is a depthwise conv with its multiplier', () => {
    const r = imported({
      input: [1, 4, 15, 15],
      weights: { w: [8, 1, 3, 3] },
      nodes: [
        {
          op: 'Conv',
          inputs: ['x', 'w'],
          attrs: { kernel_shape: [3, 3], group: 4, strides: [2, 2], auto_pad: 'SAME_UPPER' },
        },
      ],
    });
    expect(r.graph.nodes[1]).toMatchObject({
      kind: 'DepthwiseConv2D',
      params: { depthMultiplier: 2, padding: 'same' },
    });
    expect(r.analysis.nodes[r.graph.nodes[1]!.id]!.outputShape).toEqual([8, 8, 8]);
  });

  it("ConvTranspose is Conv2DTranspose: PyTorch's k4 s2 p1 is Keras's 'same', no pads its 'valid'", () => {
    const r = imported({
      weights: { w: [3, 8, 4, 4], b: [8], v: [8, 5, 3, 3] },
      nodes: [
        {
          op: 'ConvTranspose',
          inputs: ['x', 'w', 'b'],
          outputs: ['y'],
          attrs: { strides: [2, 2], pads: [1, 1, 1, 1] },
        },
        { op: 'ConvTranspose', inputs: ['y', 'v'], attrs: { strides: [2, 2] } },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'Conv2DTranspose', 'Conv2DTranspose']);
    expect(r.graph.nodes[1]!.params).toMatchObject({ filters: 8, kernelSize: [4, 4], padding: 'same', useBias: true });
    expect(r.graph.nodes[2]!.params).toMatchObject({ filters: 5, padding: 'valid', useBias: false });
    const [up, valid] = [1, 2].map((i) => r.analysis.nodes[r.graph.nodes[i]!.id]!);
    // PyTorch: (32 − 1)·2 − 2 + 4 = 64; then (64 − 1)·2 + 3 = 129.
    expect(up!.outputShape).toEqual([64, 64, 8]);
    expect(up!.paramCount.total).toBe(3 * 8 * 16 + 8);
    expect(up!.macs).toBe(16 * 3 * 8 * 32 * 32);
    expect(valid!.outputShape).toEqual([129, 129, 5]);
    expect(r.analysis.partial).toBe(false);
  });

  it('a grouped ConvTranspose, or one of another output size, stays a placeholder with its computed shape', () => {
    const r = imported({
      weights: { w: [4, 2, 3, 3], v: [4, 4, 3, 3] },
      input: [1, 4, 8, 8],
      nodes: [
        { op: 'ConvTranspose', inputs: ['x', 'w'], outputs: ['y'], attrs: { group: 2 } },
        { op: 'ConvTranspose', inputs: ['y', 'v'], attrs: { strides: [2, 2], output_padding: [1, 1] } },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'Unsupported', 'Unsupported']);
    const shapes = [1, 2].map((i) => r.analysis.nodes[r.graph.nodes[i]!.id]!.outputShape);
    // group 2: 8 + 3 − 1 = 10, 2·2 channels; then (10 − 1)·2 + 1 + 3 = 22: Keras gives 20 or 21.
    expect(shapes).toEqual([
      [10, 10, 4],
      [22, 22, 4],
    ]);
    expect(r.analysis.partial).toBe(true);
  });

  it('grouped convs keep their groups; a weight that disagrees with the input is refused as a placeholder', () => {
    const ok = imported({
      input: [1, 8, 8, 8],
      weights: { w: [16, 4, 1, 1] },
      nodes: [{ op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [1, 1], group: 2 } }],
    });
    expect(ok.graph.nodes[1]!.params).toMatchObject({ groups: 2, filters: 16 });
    const bad = imported({
      input: [1, 8, 8, 8],
      weights: { w: [16, 3, 1, 1] },
      nodes: [{ op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [1, 1] } }],
    });
    expect(bad.graph.nodes[1]!.kind).toBe('Unsupported');
    expect(bad.warnings[0]).toMatchObject({ code: 'unsupported-layer', kerasClass: 'ONNX Conv' });
    expect(bad.warnings[0]!.message).toContain('expects 3 input channels');
  });

  it('Clip(0, 6) is relu6, batch norm has PyTorch’s split, Gemm is Dense after Flatten', () => {
    const r = imported({
      input: [1, 3, 4, 4],
      weights: { w: [5, 3, 1, 1], g: [5], be: [5], m: [5], v: [5], fw: [10, 80], fb: [10] },
      floats: { lo: [0], hi: [6] },
      nodes: [
        { op: 'Conv', inputs: ['x', 'w'], attrs: { kernel_shape: [1, 1] } },
        { op: 'BatchNormalization', inputs: ['prev', 'g', 'be', 'm', 'v'], attrs: { epsilon: 0.001, momentum: 0.9 } },
        { op: 'Clip', inputs: ['prev', 'lo', 'hi'] },
        { op: 'Flatten', inputs: ['prev'], attrs: { axis: 1 } },
        { op: 'Gemm', inputs: ['prev', 'fw', 'fb'], attrs: { transB: 1 } },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'Conv2D', 'BatchNorm', 'Activation', 'Flatten', 'Dense']);
    expect(r.graph.nodes[3]!.params).toEqual({ activation: 'relu6' });
    expect(r.analysis.totals).toMatchObject({ trainableParams: 15 + 10 + 810, nonTrainableParams: 10 });
    expect(r.warnings.map((w) => w.code)).toContain('parameter-convention');
  });

  it('MatMul then Add of a bias vector is one Dense with a bias', () => {
    const r = imported({
      input: [1, 6],
      weights: { w: [6, 4] },
      floats: { b: [0, 0, 0, 0] },
      nodes: [
        { op: 'MatMul', inputs: ['x', 'w'] },
        { op: 'Add', inputs: ['prev', 'b'] },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'Dense']);
    expect(r.analysis.totals.params).toBe(6 * 4 + 4);
  });

  it("pools: ceil_mode's extra row is Keras's 'same'; count_include_pad keeps zero padding exact; so does ReLU before -∞ padding", () => {
    const r = imported({
      input: [1, 3, 112, 112],
      nodes: [
        { op: 'Relu', inputs: ['x'] },
        { op: 'MaxPool', inputs: ['prev'], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] } },
        { op: 'MaxPool', inputs: ['prev'], attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 } },
        {
          op: 'AveragePool',
          inputs: ['prev'],
          attrs: { kernel_shape: [3, 3], strides: [1, 1], pads: [1, 1, 1, 1], count_include_pad: 1 },
        },
      ],
    });
    const shapes = r.analysis.order.map((id) => r.analysis.nodes[id]!.outputShape);
    // PyTorch: 112 → 56 (pad 1) → ceil((56 − 3) / 2) + 1 = 28 → 28.
    expect(shapes.at(-1)).toEqual([28, 28, 3]);
    expect(r.warnings.filter((w) => w.code === 'inexact-import')).toEqual([]);
    expect(r.graph.nodes.filter((n) => n.kind === 'MaxPool2D').map((n) => n.params.padding)).toEqual(['valid', 'same']);
    const padOf = r.graph.nodes.filter((n) => n.kind === 'ZeroPadding2D').map((n) => n.params.padding);
    expect(padOf).toEqual([
      [
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    ]);
  });

  it('a max pool padding a tensor that can be negative says the zero padding is inexact', () => {
    const r = imported({
      nodes: [{ op: 'MaxPool', inputs: ['x'], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] } }],
    });
    expect(r.warnings.find((w) => w.code === 'inexact-import')?.message).toContain('−∞');
  });

  it('Concat on channels, Pad with zeros, Reshape from its shape arithmetic, Dropout and Identity vanish', () => {
    const r = imported({
      input: [1, 3, 8, 8],
      ints: { pads: [0, 0, 1, 2, 0, 0, 1, 2], zero: [0], minus: [-1] },
      nodes: [
        { op: 'Identity', inputs: ['x'], outputs: ['a'] },
        { op: 'Dropout', inputs: ['a'], outputs: ['b'] },
        { op: 'Concat', inputs: ['a', 'b'], outputs: ['c'], attrs: { axis: 1 } },
        { op: 'Pad', inputs: ['c', 'pads'], outputs: ['d'] },
        { op: 'Shape', inputs: ['d'], outputs: ['s'] },
        { op: 'Gather', inputs: ['s', 'zero'], outputs: ['n'], attrs: { axis: 0 } },
        { op: 'Concat', inputs: ['n', 'minus'], outputs: ['target'], attrs: { axis: 0 } },
        { op: 'Reshape', inputs: ['d', 'target'], outputs: ['e'] },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'Concatenate', 'ZeroPadding2D', 'Flatten']);
    expect(r.analysis.nodes[r.graph.nodes[3]!.id]!.outputShape).toEqual([6 * 10 * 12]);
  });

  it('an operator without a layer in the middle: the rest is counted exactly and the totals are partial', () => {
    const r = imported({
      weights: { w1: [8, 3, 3, 3], w2: [4, 8, 1, 1] },
      nodes: [
        { op: 'Conv', inputs: ['x', 'w1'], attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
        { op: 'Erf', inputs: ['prev'] },
        { op: 'Conv', inputs: ['prev', 'w2'], attrs: { kernel_shape: [1, 1] } },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'Conv2D', 'Unsupported', 'Conv2D']);
    expect(r.graph.nodes[2]!.params).toMatchObject({ onnxOp: 'Erf', kerasClass: 'ONNX Erf', outputShape: 'input' });
    expect(r.analysis.partial).toBe(true);
    expect(r.analysis.totals).toMatchObject({ params: 216 + 32, macs: (216 + 32) * 32 * 32 });
  });

  it('an operator without a layer keeps its op type and shape (a HardSigmoid of another slope); Mul is Multiply, Resize ×2 UpSampling2D', () => {
    const r = imported({
      input: [1, 4, 8, 8],
      floats: { scales: [1, 1, 2, 2] },
      nodes: [
        { op: 'GlobalAveragePool', inputs: ['x'], outputs: ['g'] },
        { op: 'HardSigmoid', inputs: ['g'], outputs: ['h'] },
        { op: 'Mul', inputs: ['x', 'h'], outputs: ['m'] },
        { op: 'Resize', inputs: ['m', '', 'scales'], outputs: ['r'], attrs: { mode: 'nearest' } },
      ],
    });
    // ONNX's default HardSigmoid slope is 0.2 (Keras 2's), not hard_sigmoid's 1/6.
    expect(r.graph.nodes.filter((n) => n.kind === 'Unsupported').map((n) => n.params.onnxOp)).toEqual(['HardSigmoid']);
    expect(r.graph.nodes.filter((n) => n.kind === 'Multiply')).toHaveLength(1);
    expect(r.graph.nodes.find((n) => n.kind === 'UpSampling2D')?.params).toEqual({
      size: [2, 2],
      interpolation: 'nearest',
    });
    expect(r.analysis.nodes[r.graph.nodes.at(-1)!.id]!.outputShape).toEqual([16, 16, 4]);
    expect(r.analysis.partial).toBe(true);
  });

  it('strict refuses the first operator without a layer, in one line', () => {
    const result = importOnnx(tinyModel({ nodes: [{ op: 'Erf', inputs: ['x'] }] }), { strict: true });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Cannot import: ONNX Erf '.*' is an operator/),
      text: expect.anything(),
    });
    expect(!result.ok && diagnosticText({ message: result.error, text: result.text }, 'de')).toMatch(
      /^Import nicht möglich: ONNX Erf '.*' ist ein Operator, den Netwright nicht importiert\.$/,
    );
  });

  it('open spatial sizes need an input shape; given one, it is used and noted', () => {
    const model = tinyModel({ input: [1, 3, 'h', 'w'], nodes: [{ op: 'Relu', inputs: ['x'] }] });
    const refused = importOnnx(model);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('open sizes') });
    expect(!refused.ok && refused.error).toContain('--input-shape');
    const given = importOnnx(model, { inputShape: [64, 48, 3] });
    expect(given.ok && given.graph.nodes[0]!.params.shape).toEqual([64, 48, 3]);
  });

  it('an imported model, placeholders included, saves as a project and loads back the same', () => {
    const r = imported({
      nodes: [
        { op: 'Relu', inputs: ['x'], name: '/features/features.0/Relu' },
        { op: 'Erf', inputs: ['prev'], name: '/features/features.0/Erf' },
      ],
    });
    expect(r.name).toBe('tiny');
    const back = parseProjectValue(JSON.parse(serializeProject(createProjectFile('m', r.graph))));
    expect(back.ok && back.project.graph.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['x', 'Input'],
      ['features/features.0/Relu', 'Activation'],
      ['features/features.0/Erf', 'Unsupported'],
    ]);
  });

  it('Squeeze of the 1×1 map after a global pool is a Flatten; a flattening softmax (opset 11) on a map is not a softmax', () => {
    const r = imported({
      input: [1, 4, 8, 8],
      ints: { axes: [2, 3] },
      nodes: [
        { op: 'GlobalAveragePool', inputs: ['x'] },
        { op: 'Squeeze', inputs: ['prev', 'axes'] },
      ],
    });
    expect(kinds(r)).toEqual(['Input', 'GlobalAvgPool2D', 'Flatten']);
    const old = imported({ opset: 11, nodes: [{ op: 'Softmax', inputs: ['x'], attrs: { axis: 1 } }] });
    expect(old.graph.nodes[1]).toMatchObject({
      kind: 'Unsupported',
      params: { onnxOp: 'Softmax', outputShape: 'input' },
    });
  });

  it('Resize in linear mode, or by a fractional scale, keeps the computed shape as a placeholder', () => {
    for (const [mode, scale] of [
      ['linear', 2],
      ['nearest', 1.5],
    ] as const) {
      const r = imported({
        input: [1, 4, 8, 8],
        floats: { scales: [1, 1, scale, scale] },
        nodes: [{ op: 'Resize', inputs: ['x', '', 'scales'], outputs: ['r'], attrs: { mode } }],
      });
      const node = r.graph.nodes.at(-1)!;
      expect(node.kind, `${mode} ×${scale}`).toBe('Unsupported');
      expect(r.analysis.nodes[node.id]!.outputShape).toEqual([Math.floor(8 * scale), Math.floor(8 * scale), 4]);
    }
  });
});
