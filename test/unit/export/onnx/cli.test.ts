import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { loadSavedModel } from '../../../../electron/services/export';
import { GraphBuilder } from '../../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../../shared/graph/projectFile';
import type { Graph } from '../../../../shared/graph/types';
import { tempDir } from '../helpers';
import { maxAbsDifference, randomInput, runOnnx, runTfjs } from './helpers';

let dir: string;

async function netwright(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function project(name: string, graph: Graph): string {
  const file = path.join(dir, `${name}.netwright`);
  writeFileSync(file, serializeProject(createProjectFile(name, graph)));
  return file;
}

/** 8×8×3 → conv → batch norm → relu → pool → dense softmax: trains in a second on the cpu backend. */
function smallNet(): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add(
    'Conv2D',
    { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same', useBias: false },
    [x],
    'conv',
  );
  x = b.add('BatchNorm', {}, [x], 'bn');
  x = b.add('Activation', { activation: 'relu' }, [x], 'relu');
  x = b.add('Flatten', {}, [x], 'flatten');
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

/** conv → a Keras Lambda the importer could not represent (its shape known) → conv. */
function withUnsupported(): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same' }, [x], 'c1');
  const params = { kerasClass: 'Lambda', reason: 'is a layer class Netwright does not support', outputShape: 'input' };
  x = b.add('Unsupported', params, [x], 'scale');
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same' }, [x], 'c2');
  return b.build();
}

beforeAll(async () => {
  process.env.NETWRIGHT_BACKEND = 'cpu'; // the training worker inherits it
  await tf.setBackend('cpu');
  dir = tempDir('onnx-cli');
});

describe('netwright export --to onnx', () => {
  it('writes one .onnx file that runs, NCHW input with a free batch (exit 0)', async () => {
    const out = path.join(dir, 'new-folder', 'model.onnx');
    const { code, out: stdout } = await netwright('export', project('small', smallNet()), '--to', 'onnx', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/as ONNX \(opset 13, initial weights, fixed seed\)/);
    expect(stdout).toMatch(/inputs: {2}input \[batch, 3, 8, 8\] {2}\(NCHW\)/);
    const bytes = readFileSync(out);
    const [y] = await runOnnx(bytes, [randomInput([2, 8, 8, 3], 1)], [[8, 8, 3]]);
    expect(y!.shape).toEqual([2, 3]);
    // Probabilities: the softmax is in the file.
    expect(y!.values[0]! + y!.values[1]! + y!.values[2]!).toBeCloseTo(1, 5);
  });

  it('the same network gives the same file every time (seeded initial weights)', async () => {
    const file = project('small', smallNet());
    const [a, b] = [path.join(dir, 'a.onnx'), path.join(dir, 'b.onnx')];
    await netwright('export', file, '--to', 'onnx', '--out', a);
    await netwright('export', file, '--to', 'onnx', '--out', b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('--json prints the file, its opset and its tensors', async () => {
    const out = path.join(dir, 'json.onnx');
    const { code, out: stdout } = await netwright(
      'export',
      project('small', smallNet()),
      '--to',
      'onnx',
      '--out',
      out,
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      exported: true,
      target: 'onnx',
      out,
      bytes: readFileSync(out).length,
      opset: 13,
      weights: false,
      inputs: [{ name: 'input', shape: [null, 3, 8, 8] }],
      outputs: [{ name: 'predictions', shape: [null, 3] }],
    });
  });

  it("--weights of a trained run: the file gives the run's outputs", async () => {
    const file = project('small', smallNet());
    const saved = path.join(dir, 'run');
    const train = await netwright(
      'train',
      file,
      ...['--epochs', '1', '--samples', '32', '--batch-size', '8', '--classes', '3', '--seed', '3'],
      ...['--save', saved],
    );
    expect(train.code, train.err).toBe(0);
    const out = path.join(dir, 'trained.onnx');
    const exported = await netwright('export', file, '--to', 'onnx', '--out', out, '--weights', saved);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/trained weights/);

    const model = await loadSavedModel(tf, saved);
    const input = randomInput([4, 8, 8, 3], 9);
    const expected = runTfjs(tf, model, [input]);
    model.dispose();
    const got = await runOnnx(readFileSync(out), [input], [[8, 8, 3]]);
    expect(maxAbsDifference(got, expected)).toBeLessThanOrEqual(1e-5);
    // And they are the run's weights, not the initial ones.
    const initial = path.join(dir, 'initial.onnx');
    await netwright('export', file, '--to', 'onnx', '--out', initial);
    const untrained = await runOnnx(readFileSync(initial), [input], [[8, 8, 3]]);
    expect(maxAbsDifference(untrained, expected)).toBeGreaterThan(1e-3);
  }, 120_000);

  it.each([
    [['--to', 'tensorflow', '--out', 'x.onnx'], /--to must be pytorch, keras or onnx, got "tensorflow"/],
    [['--to', 'onnx'], /Missing --out FILE/],
    [['--to', 'onnx', '--out', 'x.onnx', '--optimizer', 'sgd'], /--optimizer is a training option for code exports/],
  ])('bad arguments %j exit 2 with one line', async (args, message) => {
    const { code, err } = await netwright('export', project('small', smallNet()), ...(args as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message as RegExp);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('an unwritable --out exits 2 with one line, naming it', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const out = path.join(blocker, 'model.onnx');
    const { code, err } = await netwright('export', project('small', smallNet()), '--to', 'onnx', '--out', out);
    expect(code).toBe(2);
    expect(err).toMatch(/Cannot write to .*a-file.* \(--out\)/);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('--out naming a folder exits 2, saying to give a file', async () => {
    const { code, err } = await netwright('export', project('small', smallNet()), '--to', 'onnx', '--out', dir);
    expect(code).toBe(2);
    expect(err).toMatch(/is a folder; an ONNX export is one file/);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('a network with an Unsupported node exits 2 naming it, and writes nothing', async () => {
    const out = path.join(dir, 'unsupported.onnx');
    const { code, err } = await netwright('export', project('lambda', withUnsupported()), '--to', 'onnx', '--out', out);
    expect(code).toBe(2);
    expect(err).toMatch(/'scale' \(Lambda\)\. Replace it/);
    expect(err.split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('is in the help', async () => {
    const help = await netwright('export', '--help');
    expect(help.out).toMatch(/--to onnx --out model\.onnx/);
    expect(help.out).toMatch(/NCHW/);
  });
});
