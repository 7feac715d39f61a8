import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTrainedModel, modelWeights } from '../../../electron/services/export';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { decodeTensors, generateExport, kerasClassOf, prepareNetwork } from '../../../shared/export';
import type { Graph } from '../../../shared/graph/types';
import { getTemplate, templates } from '../../../shared/templates';
import { compileGraph } from '../../../trainer/compile/compile';
import { announceSkip, PYTHON, pythonCheck, randomizeWeights, tempDir } from './helpers';
import { buildRandomGraph, recipe } from './randomGraphs';

/**
 * TensorFlow cannot be installed on these machines, so the Keras export is checked
 * structurally: every file compiles (py_compile) and the layers model.py declares,
 * parsed from its source, are the graph's nodes with the right Keras classes.
 */

/** The Python string literal starting at `start` (a quote), decoded. */
function readString(src: string, start: number): { value: string; end: number } {
  const quote = src[start]!;
  let value = '';
  let i = start + 1;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
  while (src[i] !== quote) {
    if (src[i] === '\\') {
      const next = src[i + 1]!;
      const digits = { x: 2, u: 4, U: 8 }[next];
      if (digits) {
        value += String.fromCodePoint(Number.parseInt(src.slice(i + 2, i + 2 + digits), 16));
        i += 2 + digits;
      } else {
        value += escapes[next] ?? next;
        i += 2;
      }
    } else value += src[i++];
  }
  return { value, end: i + 1 };
}

/** Every `layers.X(... name="...")` and `keras.Input(... name="...")` in the source: name → class. */
function declaredLayers(src: string): Map<string, string> {
  const found = new Map<string, string>();
  const call = /(?:layers\.(\w+)|keras\.(Input))\(/g;
  for (let m = call.exec(src); m; m = call.exec(src)) {
    const cls = m[1] ?? m[2]!;
    let depth = 1;
    let name: string | undefined;
    let i = m.index + m[0].length;
    while (depth > 0) {
      const ch = src[i]!;
      if (ch === '"' || ch === "'") {
        i = readString(src, i).end;
        continue;
      }
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
      else if (depth === 1 && src.startsWith('name=', i) && /[\s,(]/.test(src[i - 1]!)) {
        const literal = readString(src, i + 5);
        name = literal.value;
        i = literal.end;
        continue;
      }
      i++;
    }
    if (name === undefined) throw new Error(`layers.${cls} without a name at ${m.index}`);
    if (found.has(name)) throw new Error(`layer name "${name}" declared twice`);
    found.set(name, cls);
  }
  return found;
}

function expectedLayers(graph: Graph): Map<string, string> {
  const prepared = prepareNetwork(graph, 'x');
  if (!prepared.ok) throw new Error('graph has errors');
  return new Map(
    [...prepared.network.nodes.values()].map((n) => [
      n.name,
      n.layer.kind === 'Input' ? 'Input' : kerasClassOf[n.layer.kind]!,
    ]),
  );
}

announceSkip('py_compile of Keras exports', pythonCheck, 'Install python3.');

function pyCompile(files: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(PYTHON, ['-m', 'py_compile', ...files], { encoding: 'utf8' });
  return { status: run.error ? -1 : run.status, stderr: run.stderr || String(run.error ?? '') };
}

const randomGraphs = fc.sample(recipe(), { seed: 99, numRuns: 25 }).map((r) => buildRandomGraph(r, false));
const graphs: [string, Graph][] = [
  ...templates.map((t): [string, Graph] => [t.id, t.build()]),
  ...randomGraphs.map((g, i): [string, Graph] => [`random ${i}`, g]),
];

describe('Keras export', () => {
  const dirs = new Map<string, string>();

  beforeAll(async () => {
    const root = tempDir('keras');
    for (const [name, graph] of graphs) {
      const result = generateExport({ graph, name, target: 'keras' });
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
      const dir = path.join(root, name.replace(/\W/g, '-'));
      await writeExportFiles(dir, result.export.files);
      dirs.set(name, dir);
    }
  });

  it.skipIf(!pythonCheck.ok)('every file of every export compiles (python3 -m py_compile)', () => {
    const files = [...dirs.values()].flatMap((d) => ['model.py', 'train.py'].map((f) => path.join(d, f)));
    const run = pyCompile(files);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  for (const [name, graph] of graphs) {
    it(`${name}: model.py declares exactly the graph's layers, by name and Keras class`, () => {
      const src = readFileSync(path.join(dirs.get(name)!, 'model.py'), 'utf8');
      expect(declaredLayers(src)).toEqual(expectedLayers(graph));
    });
  }

  it('writes InceptionV3 as one function per Inception module, mixed0 … mixed10', () => {
    const src = readFileSync(path.join(dirs.get('inception-v3')!, 'model.py'), 'utf8');
    const functions = [...src.matchAll(/^def (\w+)\(/gm)].map((m) => m[1]);
    expect(functions.filter((f) => f?.startsWith('mixed'))).toEqual(
      Array.from({ length: 11 }, (_, i) => `mixed${i}_block`),
    );
    expect(src).toContain('return keras.Model(inputs=inputs, outputs=x, name="inception_v3")');
  });
});

describe('Keras export with trained weights', () => {
  it('writes the TF.js weights unchanged, in get_weights() order, with a check.py that compiles', async () => {
    await tf.setBackend('cpu');
    const graph = getTemplate('small-inception')!.build();
    const { model } = compileGraph(tf, graph);
    randomizeWeights(tf, model, 5);
    const outDir = tempDir('keras-weights');
    const outcome = await exportTrainedModel(tf, model, { graph, name: 'small', target: 'keras', outDir });
    expect(outcome.ok).toBe(true);
    const weights = await modelWeights(tf, model);
    model.dispose();

    const saved = decodeTensors(
      readFileSync(path.join(outDir, 'weights.json'), 'utf8'),
      new Uint8Array(readFileSync(path.join(outDir, 'weights.bin'))),
    );
    expect(new Set(saved.map((t) => t.name))).toEqual(new Set(weights.keys()));
    for (const t of saved) {
      expect(t.shape, t.name).toEqual(weights.get(t.name)!.shape);
      expect(t.values, t.name).toEqual(weights.get(t.name)!.values);
    }
    // Keras's BatchNormalization.get_weights(): gamma, beta, moving mean, moving variance.
    const bn = saved.filter((t) => t.name.startsWith('batch_normalization/')).map((t) => t.name.split('/')[1]);
    expect(bn).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);

    if (pythonCheck.ok) {
      const run = pyCompile(['model.py', 'train.py', 'check.py'].map((f) => path.join(outDir, f)));
      expect(run.stderr).toBe('');
    }
  });
});
