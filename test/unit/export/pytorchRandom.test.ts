import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTrainedModel } from '../../../electron/services/export';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { type GeneratedExport, generateExport } from '../../../shared/export';
import type { Graph } from '../../../shared/graph/types';
import { compileGraph } from '../../../trainer/compile/compile';
import {
  announceSkip,
  type CheckResult,
  maxDifference,
  randomizeWeights,
  runProbe,
  type StructureResult,
  shapeMismatches,
  structureCase,
  tempDir,
  torchCheck,
} from './helpers';
import { buildRandomGraph, recipe } from './randomGraphs';

announceSkip('PyTorch exports of random graphs', torchCheck, "Install Debian's python3-torch (see .ci/run).");

/**
 * Random small graphs (every layer kind, odd names, nested and overlapping modules, TF
 * 'same' padding at every stride) exported to PyTorch. Recipes come from fast-check with
 * a fixed seed and run in one Python process; a failure prints the graph to reproduce it.
 */
const STRUCTURE_RUNS = 80;
const WEIGHT_RUNS = 40;

const structureGraphs = fc
  .sample(recipe(), { seed: 1234, numRuns: STRUCTURE_RUNS })
  .map((r) => buildRandomGraph(r, false));
const weightGraphs = fc.sample(recipe(), { seed: 4321, numRuns: WEIGHT_RUNS }).map((r) => buildRandomGraph(r, true));

const describeGraph = (graph: Graph) =>
  JSON.stringify({
    nodes: graph.nodes.map((n) => [n.name, n.kind, n.params, n.groupId]),
    edges: graph.edges.map((e) => e.id),
  });

describe.skipIf(!torchCheck.ok)('PyTorch export of random graphs', () => {
  const exports: GeneratedExport[] = [];
  let structure: StructureResult[] = [];
  let checks: CheckResult[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const root = tempDir('random');
    const structureCases = [];
    for (const [i, graph] of structureGraphs.entries()) {
      const result = generateExport({ graph, name: `random ${i}`, target: 'pytorch' });
      if (!result.ok)
        throw new Error(`random graph ${i} did not export: ${JSON.stringify(result)}\n${describeGraph(graph)}`);
      const dir = path.join(root, `structure-${i}`);
      await writeExportFiles(dir, result.export.files);
      exports.push(result.export);
      structureCases.push(structureCase(dir, result.export.network, result.export.modulePaths!));
    }
    const checkCases = [];
    for (const [i, graph] of weightGraphs.entries()) {
      const { model } = compileGraph(tf, graph);
      randomizeWeights(tf, model, 1000 + i);
      const outDir = path.join(root, `weights-${i}`);
      const outcome = await exportTrainedModel(tf, model, { graph, name: `random ${i}`, target: 'pytorch', outDir });
      model.dispose();
      if (!outcome.ok) throw new Error(`random graph ${i}: ${JSON.stringify(outcome.diagnostics)}`);
      checkCases.push({ dir: outDir, mode: 'check' as const });
    }
    const results = runProbe<StructureResult | CheckResult>([...structureCases, ...checkCases]);
    structure = results.slice(0, structureCases.length) as StructureResult[];
    checks = results.slice(structureCases.length) as CheckResult[];
    const diffs = checks.map((c) => maxDifference(c.stdout));
    console.log(`max |PyTorch - TF.js| over ${diffs.length} random graphs: ${Math.max(...diffs)}`);
  }, 600_000);

  it(`${STRUCTURE_RUNS} random graphs: parameter counts and every layer's shape match the analysis`, () => {
    const failures: string[] = [];
    structure.forEach((result, i) => {
      const { network, modulePaths } = exports[i]!;
      const totals = network.analysis.totals;
      const problems = result.error
        ? [result.error]
        : [
            ...(result.trainable === totals.trainableParams
              ? []
              : [`trainable ${result.trainable} ≠ ${totals.trainableParams}`]),
            ...(result.nonTrainable === totals.nonTrainableParams
              ? []
              : [`non-trainable ${result.nonTrainable} ≠ ${totals.nonTrainableParams}`]),
            ...shapeMismatches(network, modulePaths!, result),
          ];
      if (problems.length) failures.push(`graph ${i}: ${problems.join('; ')}\n${describeGraph(structureGraphs[i]!)}`);
    });
    expect(failures).toEqual([]);
  });

  it(`${WEIGHT_RUNS} random graphs with trained weights: PyTorch's outputs equal TF.js's within 1e-4`, () => {
    const failures = checks
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.error || c.exitCode !== 0 || !(maxDifference(c.stdout) <= 1e-4))
      .map(({ c, i }) => `graph ${i}: ${c.error ?? c.stdout}\n${describeGraph(weightGraphs[i]!)}`);
    expect(failures).toEqual([]);
  });

  it('the random graphs use every layer kind and several modules', () => {
    const kinds = new Set([...structureGraphs, ...weightGraphs].flatMap((g) => g.nodes.map((n) => n.kind)));
    expect([...kinds].sort()).toEqual(
      [
        'Activation',
        'Add',
        'AvgPool2D',
        'BatchNorm',
        'Compress1x1',
        'Concatenate',
        'Conv2D',
        'Conv2DTranspose',
        'Cropping2D',
        'Dense',
        'DepthwiseConv2D',
        'Dropout',
        'ELU',
        'Flatten',
        'GlobalAvgPool2D',
        'GlobalMaxPool2D',
        'Input',
        'LayerNormalization',
        'LeakyReLU',
        'MaxPool2D',
        'Average',
        'Maximum',
        'Minimum',
        'Multiply',
        'Normalization',
        'Permute',
        'PReLU',
        'ReLU',
        'Rescaling',
        'Reshape',
        'SeparableConv2D',
        'StridedReduction',
        'Subtract',
        'UpSampling2D',
        'ZeroPadding2D',
      ].sort(),
    );
    expect(structureGraphs.filter((g) => g.groups.length > 0).length).toBeGreaterThan(3);
  });
});
