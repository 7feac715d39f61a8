import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { isImage, type Tensor, transpose } from '../../../../shared/export';
import type { Graph, Shape } from '../../../../shared/graph/types';
import { PYTHON, probe, tempDir } from '../helpers';

/** Whether Debian's python3-onnx is there for onnx.checker; the checker tests skip, saying why, when not. */
export const onnxCheck = probe(['-c', 'import onnx']);

/** Runs an ONNX model on inputs given as Netwright holds them (NHWC images); outputs come back NHWC too. */
export async function runOnnx(bytes: Uint8Array, inputs: Tensor[], shapes: Shape[]): Promise<Tensor[]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    session.inputNames.forEach((name, i) => {
      const t = inputs[i]!;
      const held = isImage(shapes[i]!) ? transpose(t, [0, 3, 1, 2]) : t;
      feeds[name] = new ort.Tensor('float32', held.values, [...held.shape]);
    });
    const results = await session.run(feeds);
    return session.outputNames.map((name) => {
      const out = results[name]!;
      const t = { shape: [...out.dims], values: out.data as Float32Array };
      return t.shape.length === 4 ? transpose(t, [0, 2, 3, 1]) : t;
    });
  } finally {
    await session.release();
  }
}

/** TF.js's outputs for the same inputs (NHWC), in the model's output order. */
export function runTfjs(tf: typeof tfjs, model: tfjs.LayersModel, inputs: Tensor[]): Tensor[] {
  const xs = inputs.map((t) => tf.tensor(t.values, [...t.shape], 'float32'));
  const predicted = model.predict(xs.length === 1 ? xs[0]! : xs);
  const ys = Array.isArray(predicted) ? predicted : [predicted];
  const out = ys.map((y) => ({ shape: y.shape, values: Float32Array.from(y.dataSync()) }));
  for (const t of [...xs, ...ys]) t.dispose();
  return out;
}

/** Uniform values in [0, 1) from a seed: the same input for both runtimes. */
export function randomInput(shape: readonly number[], seed: number): Tensor {
  let s = seed >>> 0;
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    values[i] = s / 2 ** 32;
  }
  return { shape, values };
}

export function maxAbsDifference(a: Tensor[], b: Tensor[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  a.forEach((t, i) => {
    const u = b[i]!;
    if (JSON.stringify(t.shape) !== JSON.stringify(u.shape)) worst = Number.POSITIVE_INFINITY;
    else for (let j = 0; j < t.values.length; j++) worst = Math.max(worst, Math.abs(t.values[j]! - u.values[j]!));
  });
  return worst;
}

/**
 * onnx.checker.check_model (with full_check: strict shape inference too) on many files in one
 * Python process: importing onnx costs a second each time. Returns '' or the error, per file.
 */
export function checkModels(files: string[]): string[] {
  const dir = tempDir('onnx-check');
  const script = path.join(dir, 'check.py');
  writeFileSync(
    script,
    [
      'import json, sys, onnx',
      'results = []',
      'for path in json.load(open(sys.argv[1])):',
      '    try:',
      '        onnx.checker.check_model(onnx.load(path), full_check=True)',
      "        results.append('')",
      '    except Exception as e:',
      '        results.append(str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__)',
      'print(json.dumps(results))',
    ].join('\n'),
  );
  const list = path.join(dir, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const run = spawnSync(PYTHON, [script, list], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`onnx checker failed: ${run.stderr || run.error?.message}`);
  return JSON.parse(run.stdout) as string[];
}

/** The same graph with another input size (templates whose builders take no size). */
export function withInputShape(graph: Graph, shape: number[]): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.kind === 'Input' ? { ...n, params: { ...n.params, shape } } : n)),
  };
}
