import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelWeights } from '../../../../electron/services/export';
import { writeExportFiles } from '../../../../electron/services/export/writeFiles';
import {
  type ExportNetwork,
  generateExport,
  type KerasWeights,
  kerasWeightSpecs,
  type Tensor,
} from '../../../../shared/export';
import { generateOnnx } from '../../../../shared/export/onnx';
import type { Graph, Shape } from '../../../../shared/graph/types';
import { compileGraph } from '../../../../trainer/compile/compile';
import {
  announceSkip,
  type CheckResult,
  maxDifference,
  randomizeWeights,
  runProbe,
  tempDir,
  torchCheck,
} from '../helpers';
import { buildRandomGraph, recipe } from '../randomGraphs';
import { checkModels, maxAbsDifference, onnxCheck, randomInput, runOnnx, runTfjs } from './helpers';

announceSkip('ONNX vs PyTorch on random graphs', torchCheck, "Install Debian's python3-torch (see .ci/run).");
announceSkip('onnx.checker on random graphs', onnxCheck, "Install Debian's python3-onnx (see .ci/run).");

/**
 * Random small graphs (every layer kind, odd names, TF 'same' padding at every stride, the
 * heads that flatten, reshape and permute images) exported to ONNX. Those TF.js can compile
 * are compared with TF.js. The others use settings TF.js lacks (grouped and dilated
 * depthwise convs, hard_swish, Subtract, Normalization, ReLU thresholds, bilinear
 * upsampling, ...): they are compared with the PyTorch export of the same weights, a
 * conversion written separately, through its own check.py.
 */
const TFJS_RUNS = 30;
const OTHER_RUNS = 30;

const tfjsGraphs = fc.sample(recipe(), { seed: 4321, numRuns: TFJS_RUNS }).map((r) => buildRandomGraph(r, true));
const otherGraphs = fc.sample(recipe(), { seed: 1234, numRuns: OTHER_RUNS }).map((r) => buildRandomGraph(r, false));

const describeGraph = (graph: Graph) =>
  JSON.stringify({ nodes: graph.nodes.map((n) => [n.name, n.kind, n.params]), edges: graph.edges.map((e) => e.id) });

/** Random weights of trained-looking scale for every weight the network has (see randomizeWeights). */
function randomWeights(net: ExportNetwork, seed: number): KerasWeights {
  let s = seed;
  const weights = new Map<string, Tensor>();
  for (const id of net.order) {
    const node = net.nodes.get(id)!;
    for (const spec of kerasWeightSpecs(node)) {
      const u = randomInput(spec.shape, s++);
      const values = u.values.map((v) => {
        if (/variance|gamma/.test(spec.suffix)) return 0.5 + v;
        if (spec.suffix === 'count') return 10;
        if (/mean|beta|bias|alpha/.test(spec.suffix)) return (v - 0.5) * 0.6;
        const fanIn = Math.max(
          1,
          spec.shape.slice(0, -1).reduce((a, b) => a * b, 1),
        );
        return (2 * v - 1) * Math.sqrt(3 / fanIn);
      });
      weights.set(`${node.name}/${spec.suffix}`, { shape: spec.shape, values });
    }
  }
  return weights;
}

const inputShapes = (net: ExportNetwork): Shape[] => net.inputs.map((id) => net.nodes.get(id)!.outputShape);

describe('ONNX export of random graphs', () => {
  const tfjsDifferences: number[] = [];
  const shapeProblems: string[] = [];
  let torchChecks: CheckResult[] = [];
  let checkerErrors: string[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const root = tempDir('onnx-random');
    const files: string[] = [];
    for (const [i, graph] of tfjsGraphs.entries()) {
      const { model } = compileGraph(tf, graph);
      randomizeWeights(tf, model, 1000 + i);
      const result = generateOnnx({ graph, name: `random ${i}`, weights: await modelWeights(tf, model) });
      if (!result.ok) throw new Error(`random graph ${i}: ${JSON.stringify(result)}\n${describeGraph(graph)}`);
      const shapes = inputShapes(result.export.network);
      const inputs = shapes.map((shape, k) => randomInput([2, ...shape], 31 * i + k));
      const expected = runTfjs(tf, model, inputs);
      model.dispose();
      tfjsDifferences.push(maxAbsDifference(await runOnnx(result.export.bytes, inputs, shapes), expected));
      files.push(path.join(root, `tfjs-${i}.onnx`));
      writeFileSync(files.at(-1)!, result.export.bytes);
    }

    const torchDirs: string[] = [];
    for (const [i, graph] of otherGraphs.entries()) {
      const probe = generateOnnx({ graph, name: `other ${i}` });
      if (!probe.ok) throw new Error(`random graph ${i}: ${JSON.stringify(probe)}\n${describeGraph(graph)}`);
      const net = probe.export.network;
      const weights = randomWeights(net, 5000 + 100 * i);
      const result = generateOnnx({ graph, name: `other ${i}`, weights });
      if (!result.ok) throw new Error('exported once, not twice');
      const shapes = inputShapes(net);
      const inputs = shapes.map((shape, k) => randomInput([2, ...shape], 7 * i + k));
      const outputs = await runOnnx(result.export.bytes, inputs, shapes);
      const want = net.outputs.map((id) => [2, ...net.nodes.get(id)!.outputShape]);
      const got = outputs.map((o) => [...o.shape]);
      if (JSON.stringify(got) !== JSON.stringify(want))
        shapeProblems.push(`graph ${i}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      files.push(path.join(root, `other-${i}.onnx`));
      writeFileSync(files.at(-1)!, result.export.bytes);
      if (!torchCheck.ok) continue;
      const torch = generateExport({
        graph,
        name: `other ${i}`,
        target: 'pytorch',
        trained: { weights, reference: { inputs, outputs } },
      });
      if (!torch.ok) throw new Error(`random graph ${i} has no PyTorch export: ${JSON.stringify(torch)}`);
      const dir = path.join(root, `torch-${i}`);
      await writeExportFiles(dir, torch.export.files);
      torchDirs.push(dir);
    }
    if (torchDirs.length > 0) torchChecks = runProbe<CheckResult>(torchDirs.map((dir) => ({ dir, mode: 'check' })));
    if (onnxCheck.ok) checkerErrors = checkModels(files);
    console.log(
      `max |onnxruntime - TF.js| over ${TFJS_RUNS} graphs: ${Math.max(...tfjsDifferences)}; ` +
        `max |PyTorch - onnxruntime| over ${torchChecks.length}: ${Math.max(...torchChecks.map((c) => maxDifference(c.stdout)))}`,
    );
  }, 600_000);

  it(`${TFJS_RUNS} graphs TF.js compiles: onnxruntime gives TF.js's outputs within 1e-4`, () => {
    const failures = tfjsDifferences
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => !(d <= 1e-4))
      .map(({ d, i }) => `graph ${i}: ${d}\n${describeGraph(tfjsGraphs[i]!)}`);
    expect(failures).toEqual([]);
  });

  it(`${OTHER_RUNS} graphs with settings TF.js lacks: the outputs have the analysis's shapes`, () => {
    expect(shapeProblems).toEqual([]);
  });

  it.skipIf(!torchCheck.ok)(`${OTHER_RUNS} graphs with settings TF.js lacks: PyTorch agrees within 1e-4`, () => {
    const failures = torchChecks
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.error || c.exitCode !== 0 || !(maxDifference(c.stdout) <= 1e-4))
      .map(({ c, i }) => `graph ${i}: ${c.error ?? c.stdout}\n${describeGraph(otherGraphs[i]!)}`);
    expect(failures).toEqual([]);
  });

  it.skipIf(!onnxCheck.ok)('every file passes onnx.checker.check_model (full check)', () => {
    const failures = checkerErrors.map((e, i) => ({ e, i })).filter(({ e }) => e);
    expect(failures).toEqual([]);
  });
});
