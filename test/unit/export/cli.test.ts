import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { GraphBuilder } from '../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';
import { compileGraph } from '../../../trainer/compile/compile';
import { PYTHON, pythonCheck, saveTfjsModel, tempDir } from './helpers';

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

function smallNet(units = 10): Graph {
  const b = new GraphBuilder();
  const x = b.input([8, 8, 3]);
  const c = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same' }, [x], 'conv');
  const f = b.add('Flatten', {}, [c], 'flatten');
  b.add('Dense', { units, activation: 'softmax' }, [f], 'head');
  return b.build();
}

function brokenNet(): Graph {
  const b = new GraphBuilder();
  const x = b.input([4, 4, 3]);
  b.add('Conv2D', { filters: 4, kernelSize: [7, 7], padding: 'valid' }, [x], 'too_big');
  return b.build();
}

beforeAll(() => {
  dir = tempDir('export-cli');
});

describe('netwright export', () => {
  it('writes model.py, train.py and README.md for PyTorch (exit 0)', async () => {
    const out = path.join(dir, 'torch');
    const { code, out: stdout } = await netwright(
      'export',
      project('small', smallNet()),
      '--to',
      'pytorch',
      '--out',
      out,
    );
    expect(code).toBe(0);
    for (const f of ['model.py', 'train.py', 'README.md']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(stdout).toMatch(/Exported "small" as PyTorch code to .*: model\.py, train\.py, README\.md/);
    expect(readFileSync(path.join(out, 'model.py'), 'utf8')).toContain('def build_model():');
  });

  it('writes the training settings it is given into train.py', async () => {
    const out = path.join(dir, 'keras');
    const args = ['--to', 'keras', '--out', out, '--label-smoothing', '0.2', '--optimizer', 'rmsprop'];
    const { code } = await netwright('export', project('small', smallNet()), ...args, '--schedule', 'step');
    expect(code).toBe(0);
    const train = readFileSync(path.join(out, 'train.py'), 'utf8');
    expect(train).toContain('LABEL_SMOOTHING = 0.2');
    expect(train).toContain('OPTIMIZER = "rmsprop"');
    expect(train).toContain('SCHEDULE = "step"');
    expect(train).toContain('keras.losses.CategoricalCrossentropy(');
    expect(train).toContain('tf.distribute.MultiWorkerMirroredStrategy()');
  });

  it('--json prints one JSON object with the files written', async () => {
    const out = path.join(dir, 'json');
    const { code, out: stdout } = await netwright(
      'export',
      project('small', smallNet()),
      '--to',
      'pytorch',
      '--out',
      out,
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      exported: true,
      target: 'pytorch',
      out,
      files: ['model.py', 'train.py', 'README.md'],
      weights: false,
      renamed: [],
    });
  });

  it('refuses a network with errors: exit 1, the problems on stderr, nothing written', async () => {
    const out = path.join(dir, 'broken');
    const { code, err } = await netwright('export', project('broken', brokenNet()), '--to', 'pytorch', '--out', out);
    expect(code).toBe(1);
    expect(err).toMatch(/nothing was exported/);
    expect(err).toMatch(/too_big: .*7×7 kernel/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['--out', 'x'], /Missing --to/],
    [['--to', 'tensorflow', '--out', 'x'], /--to must be pytorch, keras or onnx, got "tensorflow"/],
    [['--to', 'pytorch'], /Missing --out DIR/],
    [['--to', 'pytorch', '--out', 'x', '--label-smoothing', '1.5'], /--label-smoothing: expected .* got 1\.5/],
    [['--to', 'pytorch', '--out', 'x', '--lr', 'fast'], /--lr must be a number, got "fast"/],
    [['--to', 'pytorch', '--out', 'x', '--optimizer', 'lion'], /--optimizer: expected one of .* got "lion"/],
  ])('bad arguments %j exit 2 with one line', async (args, message) => {
    const { code, err } = await netwright('export', project('small', smallNet()), ...(args as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message as RegExp);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('a missing FILE exits 2', async () => {
    const { code, err } = await netwright('export', path.join(dir, 'nope.json'), '--to', 'keras', '--out', dir);
    expect(code).toBe(2);
    expect(err).toMatch(/does not exist/);
  });

  it('--out naming a file exits 2', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    const { code, err } = await netwright('export', project('small', smallNet()), '--to', 'keras', '--out', file);
    expect(code).toBe(2);
    expect(err).toMatch(/is a file/);
  });

  it('--weights: a folder without model.json exits 2', async () => {
    const args = ['--to', 'pytorch', '--out', path.join(dir, 'w'), '--weights', path.join(dir, 'no-model')];
    const { code, err } = await netwright('export', project('small', smallNet()), ...args);
    expect(code).toBe(2);
    expect(err).toMatch(/model\.json does not exist/);
  });

  it('--weights of a different network exits 2, naming the weight that does not fit', async () => {
    await tf.setBackend('cpu');
    const { model } = compileGraph(tf, smallNet(5));
    const saved = path.join(dir, 'other-model');
    await saveTfjsModel(tf, model, saved);
    model.dispose();
    const args = ['--to', 'pytorch', '--out', path.join(dir, 'w2'), '--weights', saved];
    const { code, err } = await netwright('export', project('small', smallNet(10)), ...args);
    expect(code).toBe(2);
    expect(err).toMatch(/Weight "head\/kernel" has shape \[64, 5\] but this network needs \[64, 10\]/);
  });

  it.skipIf(!pythonCheck.ok)(
    'a network named with Python code exports code that parses and runs none of it',
    async () => {
      const name = `"""+str(open('PWNED.txt','w').write('x'))+"""`;
      const file = path.join(dir, 'hostile.netwright');
      writeFileSync(file, serializeProject(createProjectFile(name, smallNet())));
      for (const to of ['pytorch', 'keras']) {
        const out = path.join(dir, `hostile-${to}`);
        const { code } = await netwright('export', file, '--to', to, '--out', out);
        expect(code).toBe(0);
        const parse = spawnSync(
          PYTHON,
          ['-c', 'import ast, sys\nfor f in sys.argv[1:]: ast.parse(open(f, "rb").read(), f)', 'model.py', 'train.py'],
          { cwd: out, encoding: 'utf8' },
        );
        expect(parse.stderr).toBe('');
        expect(parse.status).toBe(0);
        // Shown in the docstring as a literal, and off the first two lines (encoding declarations).
        const lines = readFileSync(path.join(out, 'model.py'), 'utf8').split('\n');
        expect(lines.slice(0, 2).join('\n')).not.toContain('PWNED');
        expect(lines.join('\n')).toContain(`The network "\\\\"\\\\"\\\\"+str(open('PWNED.txt','w')`);
      }
    },
  );

  it('is listed in the main help and has its own', async () => {
    expect((await netwright('--help')).out).toMatch(/export FILE/);
    const help = await netwright('export', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--label-smoothing EPS/);
  });
});

describe('netwright export of an empty network', () => {
  it('exits 2 saying there is nothing to export', async () => {
    const file = project('empty', { nodes: [], edges: [], groups: [] });
    const { code, err } = await netwright('export', file, '--to', 'pytorch', '--out', path.join(dir, 'empty'));
    expect(code).toBe(2);
    expect(err).toMatch(/no Input layer/);
  });
});
