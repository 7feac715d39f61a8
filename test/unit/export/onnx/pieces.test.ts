import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelWeights } from '../../../../electron/services/export';
import { analyzeGraph } from '../../../../shared/analysis';
import { prepareNetwork } from '../../../../shared/export';
import { generateOnnx, initialWeights } from '../../../../shared/export/onnx';
import { heldAxis } from '../../../../shared/export/onnx/layers';
import { schema } from '../../../../shared/export/onnx/proto';
import { GraphBuilder } from '../../../../shared/graph/builder';
import type { Graph } from '../../../../shared/graph/types';
import { importOnnx } from '../../../../shared/import/onnx';
import { getTemplate } from '../../../../shared/templates';
import { compileGraph } from '../../../../trainer/compile/compile';
import { maxAbsDifference, randomInput, runOnnx, runTfjs } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const negative = (shape: number[]) => {
  const t = randomInput(shape, 5);
  return { shape, values: t.values.map((v) => -1 - v) };
};

async function compare(graph: Graph, input = randomInput([1, ...inputShape(graph)], 3)) {
  const { model } = compileGraph(tf, graph);
  const weights = await modelWeights(tf, model);
  const result = generateOnnx({ graph, name: 'piece', weights });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const expected = runTfjs(tf, model, [input]);
  model.dispose();
  return {
    result,
    difference: maxAbsDifference(await runOnnx(result.export.bytes, [input], [inputShape(graph)]), expected),
  };
}

const inputShape = (graph: Graph) => graph.nodes.find((n) => n.kind === 'Input')!.params.shape as number[];

describe('ONNX export, piece by piece', () => {
  it('zero padding before a max pool stays zeros, on inputs that are all negative', async () => {
    for (const poolSize of [
      [3, 3],
      [3, 1],
    ]) {
      const b = new GraphBuilder();
      const x = b.input([5, 6, 2]);
      const p = b.add(
        'ZeroPadding2D',
        {
          padding: [
            [1, 1],
            [2, 2],
          ],
        },
        [x],
        'pad',
      );
      b.add('MaxPool2D', { poolSize, strides: [1, 1], padding: 'valid' }, [p], 'pool');
      const graph = b.build();
      const { difference } = await compare(graph, negative([1, 5, 6, 2]));
      expect(difference, `pool ${poolSize}`).toBe(0);
    }
  });

  it('without weights: the seeded initial weights, the same file every time, and TF.js agrees with them', async () => {
    const graph = getTemplate('small-inception')!.build();
    const a = generateOnnx({ graph, name: 'small' });
    const b = generateOnnx({ graph, name: 'small' });
    if (!a.ok || !b.ok) throw new Error('not exported');
    expect(Buffer.from(a.export.bytes).equals(Buffer.from(b.export.bytes))).toBe(true);
    expect(a.export.hasWeights).toBe(false);

    const prepared = prepareNetwork(graph, 'small');
    if (!prepared.ok) throw new Error('not prepared');
    const initial = initialWeights(prepared.network);
    const { model } = compileGraph(tf, graph);
    for (const w of model.weights) {
      const t = initial.get(w.originalName)!;
      w.write(tf.tensor(t.values, [...t.shape]));
    }
    const input = randomInput([1, 32, 32, 3], 4);
    const expected = runTfjs(tf, model, [input]);
    model.dispose();
    expect(maxAbsDifference(await runOnnx(a.export.bytes, [input], [[32, 32, 3]]), expected)).toBeLessThan(1e-5);
  });

  it('says its layout in the file: doc_string, producer, opset 13, a free batch dimension', () => {
    const result = generateOnnx({ graph: getTemplate('small-inception')!.build(), name: 'small' });
    if (!result.ok) throw new Error('not exported');
    const model = schema.ModelProto.decode(result.export.bytes);
    expect(model.docString).toMatch(/NCHW \(batch, channels, height, width\)/);
    expect(model.producerName).toBe('Netwright');
    expect(model.opsetImport.map((o) => Number(o.version))).toEqual([13]);
    const dims = model.graph!.input![0]!.type!.tensorType!.shape!.dim!;
    expect(dims.map((d) => d.dimParam || Number(d.dimValue))).toEqual(['batch', 3, 32, 32]);
  });

  it("imported back, it has the analysis's parameter counts (PyTorch's convention agrees)", () => {
    for (const id of ['small-inception', 'inception-a']) {
      const graph = getTemplate(id)!.build();
      const result = generateOnnx({ graph, name: id });
      if (!result.ok) throw new Error('not exported');
      const back = importOnnx(result.export.bytes);
      if (!back.ok) throw new Error(JSON.stringify(back));
      const analysis = analyzeGraph(graph);
      // ONNX's BatchNormalization always takes a scale and a shift: Keras's scale=False
      // (Inception's conv2d_bn) is written as a tensor of ones, which a reader counts.
      const addedScales = graph.nodes
        .filter((n) => n.kind === 'BatchNorm' && n.params.scale === false)
        .reduce((sum, n) => sum + analysis.nodes[n.id]!.outputShape!.at(-1)!, 0);
      const after = analyzeGraph(back.graph).totals;
      expect([after.trainableParams, after.nonTrainableParams], id).toEqual([
        analysis.totals.trainableParams + addedScales,
        analysis.totals.nonTrainableParams,
      ]);
    }
  });

  it('maps Keras axes (batch counted) to the axes of NCHW images', () => {
    expect([1, 2, 3, -1, -2, -3].map((a) => heldAxis(a, 3))).toEqual([2, 3, 1, 1, 3, 2]);
    expect([1, -1].map((a) => heldAxis(a, 1))).toEqual([1, 1]);
    expect([1, 2, -1].map((a) => heldAxis(a, 2))).toEqual([1, 2, 2]);
  });

  it('refuses a network without an Input, and one with errors, as the code exports do', () => {
    const empty = generateOnnx({ graph: { nodes: [], edges: [], groups: [] }, name: 'empty' });
    expect(empty).toEqual({ ok: false, problem: 'unsupported', message: expect.stringMatching(/no Input layer/) });
    const b = new GraphBuilder();
    b.add('Conv2D', { filters: 4, kernelSize: [7, 7], padding: 'valid' }, [b.input([4, 4, 3])], 'too_big');
    const broken = generateOnnx({ graph: b.build(), name: 'broken' });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problem).toBe('network-errors');
  });
});
