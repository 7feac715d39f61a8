import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import type { ExportNetwork } from '../../../shared/export';
import { torchShape } from '../../../shared/export';
import type { Graph } from '../../../shared/graph/types';
import { seededRandom } from '../../../shared/training/random';

/**
 * Debian's interpreter, where `apt-get install python3-torch` puts torch (see .ci/run);
 * NETWRIGHT_TEST_PYTHON picks another one with torch installed.
 */
export const PYTHON = process.env.NETWRIGHT_TEST_PYTHON ?? '/usr/bin/python3';

export function probe(args: string[]): { ok: boolean; reason: string } {
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 120_000 });
  if (run.error) return { ok: false, reason: `${PYTHON} cannot run (${run.error.message})` };
  if (run.status !== 0) return { ok: false, reason: (run.stderr || run.stdout).trim().split('\n').at(-1) ?? 'failed' };
  return { ok: true, reason: '' };
}

/** Whether `import torch` works; the tests that run exported code skip, saying why, when not. */
export const pythonCheck = probe(['-c', 'pass']);
export const torchCheck = probe(['-c', 'import torch']);
export const blackCheck = probe(['-m', 'black', '--version']);

export function announceSkip(what: string, check: { ok: boolean; reason: string }, fix: string): void {
  if (!check.ok) console.warn(`SKIPPED ${what}: ${check.reason}. ${fix}`);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `netwright-${prefix}-`));
}

export interface StructureCase {
  dir: string;
  mode: 'structure';
  modules: string[];
  inputs: number[][];
}

export interface CheckCase {
  dir: string;
  mode: 'check';
}

export interface StructureResult {
  trainable: number;
  frozenParameters: number;
  nonTrainable: number;
  shapes: Record<string, number[]>;
  outputs: number[][];
  finite: boolean;
  error?: string;
}

export interface CheckResult {
  exitCode: number;
  stdout: string;
  error?: string;
}

/** Runs probe.py once for many exports: importing torch costs seconds per process. */
export function runProbe<R>(cases: (StructureCase | CheckCase)[]): R[] {
  const dir = tempDir('probe');
  const spec = path.join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify({ cases }));
  const run = spawnSync(PYTHON, [path.join(import.meta.dirname, 'probe.py'), spec], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`probe.py failed: ${run.stderr || run.error?.message}`);
  return (JSON.parse(run.stdout) as { results: R[] }).results;
}

/** The structure probe for an exported PyTorch model: every module with a path, every input. */
export function structureCase(dir: string, net: ExportNetwork, modulePaths: Map<string, string | null>): StructureCase {
  return {
    dir,
    mode: 'structure',
    modules: [...modulePaths.values()].filter((p): p is string => p !== null),
    inputs: net.inputs.map((id) => torchShape(net.nodes.get(id)!.outputShape)),
  };
}

/** Node name → mismatch text for every module whose output shape differs from the analysis. */
export function shapeMismatches(
  net: ExportNetwork,
  modulePaths: Map<string, string | null>,
  result: StructureResult,
): string[] {
  const problems: string[] = [];
  for (const [id, modulePath] of modulePaths) {
    const node = net.nodes.get(id)!;
    const want = torchShape(node.outputShape);
    if (modulePath === null) {
      if (!node.finalSoftmax) problems.push(`${node.name}: no module`);
      continue;
    }
    const got = result.shapes[modulePath];
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      problems.push(`${node.name}: PyTorch ${JSON.stringify(got)}, analysis ${JSON.stringify(want)}`);
    }
  }
  const outputs = net.outputs.map((id) => torchShape(net.nodes.get(id)!.outputShape));
  if (JSON.stringify(outputs) !== JSON.stringify(result.outputs)) {
    problems.push(`outputs: PyTorch ${JSON.stringify(result.outputs)}, analysis ${JSON.stringify(outputs)}`);
  }
  return problems;
}

/** "max |PyTorch - TF.js| = 3.2e-07 (...)" → 3.2e-07. */
export function maxDifference(stdout: string): number {
  const match = /= ([0-9.e+-]+|nan|inf) /.exec(stdout);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Replaces every weight with random values of a sensible scale, as training would leave
 * them: kernels uniform in ±√(3 / fan-in) (Glorot's scale), biases and batch-norm statistics
 * away from 0 and 1 so that a conversion mistake in any of them shows in the output. The
 * values come from a plain-JavaScript generator, not tf.random*: on the cpu backend those take
 * tens of seconds for the templates' hundreds of millions of weights.
 */
export function randomizeWeights(tf: typeof tfjs, model: tfjs.LayersModel, seed: number): void {
  let s = seed;
  for (const w of model.weights) {
    const name = w.originalName;
    // Weights always have fully known shapes.
    const shape = w.shape as number[];
    const random = seededRandom(s++);
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    // Batch norm's moving_variance and Normalization's variance must stay positive.
    if (name.endsWith('variance') || name.endsWith('gamma')) fillUniform(values, random, 0.5, 1.5);
    else if (/(moving_mean|beta|bias)$/.test(name)) fillNormal(values, random, 0.3);
    else {
      const limit = Math.sqrt(3 / fanIn(shape));
      fillUniform(values, random, -limit, limit);
    }
    const value = tf.tensor(values, shape, 'float32');
    w.write(value);
    value.dispose();
  }
}

/** Inputs feeding one output of a kernel: everything but the last axis. */
const fanIn = (shape: readonly number[]) =>
  Math.max(
    1,
    shape.slice(0, -1).reduce((a, b) => a * b, 1),
  );

function fillUniform(values: Float32Array, random: () => number, low: number, high: number): void {
  for (let i = 0; i < values.length; i++) values[i] = low + (high - low) * random();
}

/** Normal values with mean 0 (Box–Muller). */
function fillNormal(values: Float32Array, random: () => number, stddev: number): void {
  for (let i = 0; i < values.length; i++) {
    const u = 1 - random();
    values[i] = stddev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
}

/** Saves a TF.js model as model.json + weights.bin, the files `--weights DIR` reads. */
export async function saveTfjsModel(tf: typeof tfjs, model: tfjs.LayersModel, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData as ArrayBuffer;
      writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(data));
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

/** A copy of the graph whose output layers give logits: compares more than saturated probabilities. */
export function withLinearOutputs(graph: Graph): Graph {
  const consumed = new Set(graph.edges.map((e) => e.source));
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      !consumed.has(n.id) && n.params.activation === 'softmax'
        ? { ...n, params: { ...n.params, activation: 'linear' } }
        : n,
    ),
  };
}
