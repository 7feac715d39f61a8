import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTrainedModel, modelWeights } from '../../../electron/services/export';
import { generateExport } from '../../../shared/export';
import { generateOnnx } from '../../../shared/export/onnx';
import { GraphBuilder } from '../../../shared/graph/builder';
import type { Graph } from '../../../shared/graph/types';
import { compileGraph } from '../../../trainer/compile/compile';
import { importFixture } from '../import/helpers';
import {
  announceSkip,
  type CheckResult,
  maxDifference,
  randomizeWeights,
  runProbe,
  tempDir,
  torchCheck,
  withLinearOutputs,
} from './helpers';
import { maxAbsDifference, randomInput, runOnnx, runTfjs } from './onnx/helpers';

announceSkip('PyTorch check of the preprocessing layers', torchCheck, "Install Debian's python3-torch (see .ci/run).");

/**
 * EfficientNet's preprocessing and a Subtract, now that TF.js trains them: Normalization with
 * adapted statistics (weights) and given ones (constants), a per-channel Rescaling on an image
 * and on a vector, and Subtract with a stretched [1, 1, C] second input. Their TF.js outputs,
 * on random weights, are the reference for the ONNX and PyTorch exports.
 */
function preprocessing(): Graph {
  const b = new GraphBuilder();
  const image = b.input([5, 6, 3]);
  let x = b.add('Rescaling', { scale: 1 / 255, offset: 0 }, [image], 'rescaling');
  x = b.add('Normalization', {}, [x], 'normalization');
  x = b.add('Rescaling', { scale: [2.09, 2.11, 2.1], offset: [0, -0.5, 0.25] }, [x], 'rescaling_1');
  const conv = b.add('Conv2D', { filters: 3, kernelSize: [3, 3], padding: 'same', activation: 'relu' }, [x], 'conv');
  const pooled = b.add('GlobalAvgPool2D', { keepDims: true }, [conv], 'pooled');
  x = b.add('Subtract', {}, [x, pooled], 'centred');
  x = b.add('Normalization', { mean: [0.1, -0.2, 0.3], variance: [0.5, 2, 0.25] }, [x], 'fixed_norm');
  x = b.add('GlobalAvgPool2D', {}, [x], 'gap');
  x = b.add('Rescaling', { scale: [1, -2, 0.5] }, [x], 'vector_scale');
  b.add('Dense', { units: 4 }, [x], 'logits');
  return b.build();
}

const INPUT = [5, 6, 3];

describe('Normalization, per-channel Rescaling and Subtract export as TF.js computes them', () => {
  const graph = preprocessing();
  let onnxDifference = Number.NaN;
  let torch: CheckResult | undefined;
  let kerasCode = '';

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const { model } = compileGraph(tf, graph);
    randomizeWeights(tf, model, 17);
    // Pixels 0…255, so the 1/255 and the statistics all matter.
    const input = randomInput([2, ...INPUT], 5);
    const pixels = { shape: input.shape, values: input.values.map((v) => 255 * v) };
    const onnx = generateOnnx({ graph, name: 'preprocessing', weights: await modelWeights(tf, model) });
    if (!onnx.ok) throw new Error(JSON.stringify(onnx));
    onnxDifference = maxAbsDifference(
      await runOnnx(onnx.export.bytes, [pixels], [INPUT]),
      runTfjs(tf, model, [pixels]),
    );
    const keras = generateExport({ graph, name: 'preprocessing', target: 'keras' });
    if (!keras.ok) throw new Error(JSON.stringify(keras));
    kerasCode = keras.export.files.map((f) => (typeof f.contents === 'string' ? f.contents : '')).join('\n');
    if (torchCheck.ok) {
      const outDir = path.join(tempDir('preprocessing'), 'torch');
      const outcome = await exportTrainedModel(tf, model, { graph, name: 'preprocessing', target: 'pytorch', outDir });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
      [torch] = runProbe<CheckResult>([{ dir: outDir, mode: 'check' }]);
    }
    model.dispose();
  }, 120_000);

  it('onnxruntime gives TF.js’s outputs within 1e-4', () => {
    expect(onnxDifference).toBeLessThan(1e-4);
  });

  it.skipIf(!torchCheck.ok)('PyTorch, with the trained weights, gives TF.js’s outputs within 1e-4', () => {
    expect(torch?.error).toBeUndefined();
    expect(torch?.exitCode).toBe(0);
    expect(maxDifference(torch!.stdout)).toBeLessThanOrEqual(1e-4);
  });

  it('the Keras code writes the per-channel scale as a list, and Subtract and Normalization as Keras layers', () => {
    expect(kerasCode).toMatch(/Rescaling\(\s*\[2\.09, 2\.11, 2\.1\],\s*offset=\[0\.0, -0\.5, 0\.25\]/);
    expect(kerasCode).toMatch(/layers\.Subtract\(/);
    expect(kerasCode).toMatch(/Normalization\(\s*mean=\[0\.1, -0\.2, 0\.3\]/);
  });
});

describe('EfficientNetB0 as Keras ≥ 2.10 writes it, trained in TF.js, exported', () => {
  it('at 32×32 with random weights: onnxruntime and PyTorch give TF.js’s logits within 1e-4', async () => {
    await tf.setBackend('cpu');
    const side = [32, 32, 3];
    const imported = importFixture('efficientnet_b0.keras210.json').graph;
    const graph = withLinearOutputs({
      ...imported,
      nodes: imported.nodes.map((n) => (n.kind === 'Input' ? { ...n, params: { ...n.params, shape: side } } : n)),
    });
    const { model } = compileGraph(tf, graph);
    randomizeWeights(tf, model, 23);
    const input = randomInput([2, ...side], 9);
    const pixels = { shape: input.shape, values: input.values.map((v) => 255 * v) };
    const onnx = generateOnnx({ graph, name: 'efficientnet', weights: await modelWeights(tf, model) });
    if (!onnx.ok) throw new Error(JSON.stringify(onnx));
    const expected = runTfjs(tf, model, [pixels]);
    expect(maxAbsDifference(await runOnnx(onnx.export.bytes, [pixels], [side]), expected)).toBeLessThan(1e-4);
    if (torchCheck.ok) {
      const outDir = path.join(tempDir('efficientnet'), 'torch');
      const outcome = await exportTrainedModel(tf, model, { graph, name: 'efficientnet', target: 'pytorch', outDir });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
      const [check] = runProbe<CheckResult>([{ dir: outDir, mode: 'check' }]);
      expect(check?.exitCode, check?.stdout).toBe(0);
      expect(maxDifference(check!.stdout)).toBeLessThanOrEqual(1e-4);
    }
    model.dispose();
  }, 180_000);
});
