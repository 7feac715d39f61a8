import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelWeights } from '../../../../electron/services/export';
import { analyzeGraph } from '../../../../shared/analysis';
import type { Tensor } from '../../../../shared/export';
import { generateOnnx } from '../../../../shared/export/onnx';
import type { Graph } from '../../../../shared/graph/types';
import { getTemplate, templates } from '../../../../shared/templates';
import { buildInceptionV3 } from '../../../../shared/templates/inceptionV3';
import { buildInceptionV3Unfactorized } from '../../../../shared/templates/inceptionV3Unfactorized';
import { buildResNet50 } from '../../../../shared/templates/resnet50';
import { buildVgg16 } from '../../../../shared/templates/vgg16';
import { compileGraph } from '../../../../trainer/compile/compile';
import { announceSkip, randomizeWeights, tempDir, withLinearOutputs } from '../helpers';
import { checkModels, maxAbsDifference, onnxCheck, randomInput, runOnnx, runTfjs, withInputShape } from './helpers';

announceSkip('onnx.checker on exported ONNX files', onnxCheck, "Install Debian's python3-onnx (see .ci/run).");

/** The smallest square input (with the template's channels) the network's layers accept. */
function smallestInput(graph: Graph): Graph {
  const input = graph.nodes.find((n) => n.kind === 'Input')!;
  const channels = (input.params.shape as number[])[2]!;
  for (let size = 8; size <= 299; size++) {
    const resized = withInputShape(graph, [size, size, channels]);
    if (!analyzeGraph(resized).diagnostics.some((d) => d.severity === 'error')) return resized;
  }
  throw new Error('no input size fits');
}

const template = (id: string) => getTemplate(id)!.build();

/**
 * Every template, exported with random weights (biases and batch-norm statistics away from
 * 0 and 1, see randomizeWeights) and run by onnxruntime-node against TF.js's cpu backend on
 * the same input, batch 1. The Inception modules and the small network run at their full
 * size. The whole networks run at a small input, because TF.js's plain JavaScript backend
 * takes seconds to tens of seconds per pass at full size on a shared CI core (Inception v3 at
 * 75×75, the smallest Keras allows; VGG at 32×32 with 10 classes; ResNet50 at 32×32; AlexNet,
 * ZFNet, GoogLeNet, BN-Inception and MobileNet at the smallest input they accept): the same
 * layers, and the 'same' paddings still meet both even and odd sizes.
 */
const cases: Record<string, { input: string; build: () => Graph }> = {
  'small-inception': { input: '32×32 (full)', build: () => template('small-inception') },
  'inception-v3': { input: '75×75, the smallest Keras allows', build: () => buildInceptionV3({ size: 75 }) },
  'inception-v3-unfactorized': {
    input: '75×75, the smallest Keras allows',
    build: () => buildInceptionV3Unfactorized({ size: 75 }),
  },
  vgg16: { input: '32×32, 10 classes', build: () => buildVgg16({ size: 32, classes: 10 }) },
  vgg19: { input: '32×32, 10 classes', build: () => buildVgg16({ size: 32, classes: 10, depth: 19 }) },
  // Their full size writes 245 MB files (the 4096-unit dense layers read 6×6×256) and takes
  // 14–21 s each; at their smallest input the dense layers shrink and the convs are the same.
  alexnet: { input: 'the smallest it accepts', build: () => smallestInput(template('alexnet')) },
  zfnet: { input: 'the smallest it accepts', build: () => smallestInput(template('zfnet')) },
  googlenet: { input: 'the smallest it accepts', build: () => smallestInput(template('googlenet')) },
  'bn-inception': { input: 'the smallest it accepts', build: () => smallestInput(template('bn-inception')) },
  'mobilenet-v1': { input: 'the smallest it accepts', build: () => smallestInput(template('mobilenet-v1')) },
  resnet50: { input: '32×32', build: () => buildResNet50({ size: 32 }) },
  'inception-a': { input: '35×35×192 (full)', build: () => template('inception-a') },
  'inception-b': { input: '17×17×768 (full)', build: () => template('inception-b') },
  'inception-c': { input: '8×8×1280 (full)', build: () => template('inception-c') },
  'inception-reduction-a': { input: '35×35×288 (full)', build: () => template('inception-reduction-a') },
  'inception-reduction-b': { input: '17×17×768 (full)', build: () => template('inception-reduction-b') },
};

interface Outcome {
  difference: number;
  file: string;
  bytes: number;
  seconds: number;
  input: string;
}

describe('ONNX export of every template runs in onnxruntime with TF.js’s outputs', () => {
  const outcomes = new Map<string, Outcome>();
  let checks: string[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const root = tempDir('onnx-templates');
    for (const [i, [id, { build }]] of Object.entries(cases).entries()) {
      const started = performance.now();
      // Logits, not probabilities: a conversion mistake cannot hide in a saturated softmax.
      // The small network keeps its softmax, so the exported Softmax is compared too.
      const graph = id === 'small-inception' ? build() : withLinearOutputs(build());
      const { model } = compileGraph(tf, graph);
      randomizeWeights(tf, model, 100 * i + 1);
      const weights = await modelWeights(tf, model);
      const result = generateOnnx({ graph, name: id, weights });
      if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result)}`);
      const net = result.export.network;
      const shapes = net.inputs.map((n) => net.nodes.get(n)!.outputShape);
      const inputs: Tensor[] = shapes.map((s, k) => randomInput([1, ...s], 17 * i + k));
      const expected = runTfjs(tf, model, inputs);
      model.dispose();
      const got = await runOnnx(result.export.bytes, inputs, shapes);
      const file = path.join(root, `${id}.onnx`);
      writeFileSync(file, result.export.bytes);
      const seconds = (performance.now() - started) / 1000;
      outcomes.set(id, {
        difference: maxAbsDifference(got, expected),
        file,
        bytes: result.export.bytes.length,
        seconds,
        input: shapes.map((sh) => sh.join('×')).join(', '),
      });
    }
    if (onnxCheck.ok) checks = checkModels([...outcomes.values()].map((o) => o.file));
    const table = [...outcomes]
      .map(
        ([id, o]) =>
          `  ${id} at ${o.input}: ${o.difference.toExponential(2)}, ${(o.bytes / 1e6).toFixed(1)} MB, ${o.seconds.toFixed(1)} s`,
      )
      .join('\n');
    console.log(`max |onnxruntime - TF.js| per template:\n${table}`);
  }, 900_000);

  it('covers every template', () => {
    expect(Object.keys(cases).sort()).toEqual(templates.map((t) => t.id).sort());
  });

  for (const id of Object.keys(cases)) {
    it(`${id} (${cases[id]!.input}): outputs within 1e-4`, () => {
      expect(outcomes.get(id)!.difference).toBeLessThanOrEqual(1e-4);
    });
  }

  it.skipIf(!onnxCheck.ok)('every file passes onnx.checker.check_model (full check)', () => {
    const failed = [...outcomes.keys()].map((id, i) => [id, checks[i]]).filter(([, error]) => error);
    expect(failed).toEqual([]);
  });
});
