import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import {
  type ExportTarget,
  generateExport,
  kerasWeightSpecs,
  prepareNetwork,
  type Tensor,
  type TrainedState,
  type TrainingOptionsInput,
} from '../../../shared/export';
import type { Graph } from '../../../shared/graph/types';
import { templates } from '../../../shared/templates';
import { announceSkip, blackCheck, PYTHON, tempDir } from './helpers';
import { buildRandomGraph, recipe } from './randomGraphs';

announceSkip('black formatting check of exports', blackCheck, "Install Debian's black (see .ci/run).");

/** Zero weights and a zero reference of the right shapes: enough to write every file of an export. */
function fakeTrainedState(graph: Graph): TrainedState {
  const prepared = prepareNetwork(graph, 'x');
  if (!prepared.ok) throw new Error('graph has errors');
  const net = prepared.network;
  const zeros = (shape: readonly number[]): Tensor => ({
    shape,
    values: new Float32Array(shape.reduce((a, b) => a * b, 1)),
  });
  const weights = new Map<string, Tensor>();
  for (const node of net.nodes.values()) {
    for (const spec of kerasWeightSpecs(node)) weights.set(`${node.name}/${spec.suffix}`, zeros(spec.shape));
  }
  const batch = (id: string) => zeros([1, ...net.nodes.get(id)!.outputShape]);
  return { weights, reference: { inputs: net.inputs.map(batch), outputs: net.outputs.map(batch) } };
}

const optionSets: TrainingOptionsInput[] = [
  {},
  { optimizer: 'rmsprop', schedule: 'step', labelSmoothing: 0, momentum: 0.9, weightDecay: 4e-5 },
  { optimizer: 'adam', schedule: 'cosine', learningRate: 0.001, batchSize: 256, epochs: 90 },
];

const small = templates.filter((t) => !['vgg16', 'resnet50'].includes(t.id));
const randomGraphs = fc.sample(recipe(), { seed: 5, numRuns: 20 }).map((r) => buildRandomGraph(r, false));
/** The same graph with 30-odd-character names, so that many statements have to be broken. */
function withLongNames(graph: Graph): Graph {
  const long = (name: string) => `${name}_of_the_${'feature_extractor'.slice(0, 5 + (name.length % 12))}`;
  const ids = new Map(graph.nodes.map((n) => [n.id, long(n.id)]));
  return {
    nodes: graph.nodes.map((n) => ({
      ...n,
      id: ids.get(n.id)!,
      name: long(n.name),
      ...(n.groupId ? { groupId: n.groupId } : {}),
    })),
    edges: graph.edges.map((e) => ({ ...e, source: ids.get(e.source)!, target: ids.get(e.target)! })),
    groups: graph.groups.map((g) => ({ ...g, name: long(g.name) })),
  };
}

const cases: { name: string; graph: Graph }[] = [
  ...small.map((t) => ({ name: t.id, graph: t.build() })),
  ...randomGraphs.map((graph, i) => ({ name: `random-${i}`, graph })),
  ...randomGraphs.slice(0, 10).map((graph, i) => ({ name: `long-${i}`, graph: withLongNames(graph) })),
];

describe.skipIf(!blackCheck.ok)('generated Python is black-formatted', () => {
  const files: string[] = [];

  beforeAll(async () => {
    const root = tempDir('black');
    const seen = new Set<string>();
    for (const [i, { name, graph }] of cases.entries()) {
      for (const target of ['pytorch', 'keras'] as ExportTarget[]) {
        const trained = i % 2 === 0 ? fakeTrainedState(graph) : undefined;
        const training = optionSets[i % optionSets.length]!;
        const result = generateExport({ graph, name, target, training, ...(trained ? { trained } : {}) });
        if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
        // Only the Python files, each text once: black's verdict depends on the text alone, and
        // many exports share a train.py or check.py (the weights files are ~1 GB in all).
        const python = result.export.files.filter((f) => f.path.endsWith('.py') && !seen.has(f.contents as string));
        for (const f of python) seen.add(f.contents as string);
        const dir = path.join(root, `${name}-${target}`);
        await writeExportFiles(dir, python);
        files.push(...python.map((f) => path.join(dir, f.path)));
      }
    }
  }, 120_000);

  it('black --check leaves every generated file unchanged', () => {
    const run = spawnSync(PYTHON, ['-m', 'black', '--check', '--diff', '--quiet', ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(run.stdout.slice(0, 4000)).toBe('');
    expect(run.status).toBe(0);
  });

  it('keeps lines within 88 columns', () => {
    const long = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.length > 88)
        .map((line) => `${file}: ${line}`),
    );
    expect(long).toEqual([]);
  });
});
