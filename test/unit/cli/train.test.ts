import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { GraphBuilder } from '../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';
import type { Language } from '../../../shared/i18n';

let dir: string;
let tiny: string;

function tinyNet(classes = 10): Graph {
  const b = new GraphBuilder();
  let x = b.input([8, 8, 3]);
  x = b.add('Conv2D', { filters: 4, kernelSize: [3, 3], activation: 'relu' }, [x]);
  x = b.add('Flatten', {}, [x]);
  b.add('Dense', { units: classes, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

function writeProject(name: string, graph: Graph): string {
  const file = path.join(dir, `${name}.netwright`);
  writeFileSync(file, serializeProject(createProjectFile(name, graph)));
  return file;
}

async function trainIn(language: Language, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['train', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), language });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const train = (...args: string[]) => trainIn('en', ...args);

beforeAll(async () => {
  process.env.NETWRIGHT_BACKEND = 'cpu'; // the worker inherits it
  await tf.setBackend('cpu');
  dir = mkdtempSync(path.join(tmpdir(), 'netwright-cli-train-'));
  tiny = writeProject('tiny', tinyNet());
});

describe('netwright train', () => {
  it('trains a tiny net for one epoch and prints the promised JSON', async () => {
    const r = await train(
      tiny,
      '--epochs',
      '1',
      '--samples',
      '40',
      '--batch-size',
      '8',
      '--label-smoothing',
      '0.1',
      '--seed',
      '3',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).slice(0, 3)).toEqual(['backend', 'epochs', 'params']);
    expect(json).toMatchObject({ backend: 'cpu', params: 2682, status: 'completed', message: null });
    expect(json.epochs).toHaveLength(1);
    expect(Object.keys(json.epochs[0])).toEqual(['loss', 'accuracy', 'valLoss', 'valAccuracy', 'ece', 'samplesPerSec']);
    expect(json.epochs[0].ece).toBeGreaterThanOrEqual(0);
    expect(r.err).toMatch(
      /^Training tiny \(2,682 parameters\): 1 epoch, batch 8, adam lr 0\.001, label smoothing 0\.1, seed 3/,
    );
    expect(r.err).toMatch(
      /epoch 1\/1 {2}loss [\d.]+ {2}acc [\d.]+ {2}val_loss [\d.]+ {2}val_acc [\d.]+ {2}ECE [\d.]+ {2}[\d,]+ samples\/s/,
    );
    expect(r.err).toMatch(/pixel values divided by 255/);
  }, 60_000);

  it('--save that fails after training says why and where the trained run is kept (exit 2)', async () => {
    const out = path.join(dir, 'blocked');
    mkdirSync(path.join(out, 'weights.bin'), { recursive: true }); // a folder where the weights go
    const keep = path.join(dir, 'data');
    process.env.NETWRIGHT_DATA_DIR = keep;
    try {
      const r = await train(tiny, '--epochs', '1', '--samples', '16', '--batch-size', '8', '--save', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `--save: Cannot save to ${path.join(out, 'weights.bin')}: a folder of that name is in the way`,
      );
      expect(r.err.match(/Cannot save/g)).toHaveLength(1);
      expect(r.err).toContain(`The trained run is kept in ${path.join(keep, 'runs')}`);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      const kept = readdirSync(path.join(keep, 'runs'));
      expect(kept).toHaveLength(1);
      expect(readdirSync(path.join(keep, 'runs', kept[0]!))).toEqual(
        expect.arrayContaining(['model.json', 'run.json']),
      );
    } finally {
      delete process.env.NETWRIGHT_DATA_DIR;
    }
  }, 60_000);

  it('--save writes a loadable TF.js model, curves.csv and run.json', async () => {
    const out = path.join(dir, 'saved');
    const r = await train(
      tiny,
      '--epochs',
      '2',
      '--samples',
      '30',
      '--optimizer',
      'sgd',
      '--lr',
      '0.05',
      '--save',
      out,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['curves.csv', 'model.json', 'run.json', 'weights.bin']);
    expect(readFileSync(path.join(out, 'curves.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    const json = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    const weights = readFileSync(path.join(out, 'weights.bin'));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      }),
    );
    expect(model.countParams()).toBe(2682);
    model.dispose();
    expect(JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')).settings).toMatchObject({
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
    });
  }, 60_000);

  it.each([
    [['--label-smoothing', '1'], /^netwright: --label-smoothing: expected a label smoothing ε in \[0, 1\), got 1$/],
    [['--epochs', 'two'], /^netwright: --epochs must be a number, got "two"\.$/],
    [['--optimizer', 'lbfgs'], /^netwright: --optimizer: expected one of 'sgd', 'adam', 'rmsprop', got "lbfgs"$/],
    [
      ['--bn-statistics', 'ema'],
      /^netwright: --bn-statistics: expected one of 'recompute', 'moving-average', got "ema"$/,
    ],
    [
      ['--dataset', 'imagenet'],
      /--dataset must be synthetic, mnist, idx:PATH, cifar10:PATH or folder:PATH, got "imagenet"/,
    ],
    [['--dataset', 'idx:'], /--dataset idx:PATH needs a path after the colon/],
    [['--dataset', 'mnist', '--classes', '3'], /--classes applies to --dataset synthetic only/],
    [['--batch-size', '0'], /^netwright: --batch-size: .*got 0$/],
  ])('refuses %j with exit code 2 and one line', async (args, message) => {
    const r = await train(tiny, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('reports a missing dataset file with exit code 2, naming it', async () => {
    const missing = path.join(dir, 'no-such-folder');
    const r = await train(tiny, '--dataset', `cifar10:${missing}`, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`failed: The CIFAR-10 dataset ${missing} does not exist\\.`));
    expect(JSON.parse(r.out)).toMatchObject({ status: 'failed', epochs: [] });
  }, 30_000);

  it('says why a dataset cannot be used in German, --json keeping the English', async () => {
    const missing = path.join(dir, 'no-such-folder');
    const r = await trainIn('de', tiny, '--dataset', `cifar10:${missing}`, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Der CIFAR-10-Datensatz ${missing} existiert nicht.`);
    expect(r.err).not.toContain('does not exist');
    expect(JSON.parse(r.out)).toMatchObject({
      status: 'failed',
      message: `The CIFAR-10 dataset ${missing} does not exist.`,
    });
  }, 30_000);

  it.each([
    ['0', '--workers: expected a number of workers from 1 to 256, got 0'],
    ['1.5', '--workers: expected a number of workers from 1 to 256, got 1.5'],
    ['all', '--workers must be a number, got "all".'],
  ])('refuses --workers %s with exit code 2 and one line', async (value, message) => {
    const r = await train(tiny, '--workers', value);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(message);
  });

  it.each([
    [
      'webgl',
      /^netwright: --backend webgl: the command line has no browser GPU; train on WebGL in the app or in browser mode \(npm start\)\.$/,
    ],
    ['webgpu', /^netwright: --backend webgpu: the command line has no browser GPU; .*\(npm start\)\.$/],
    ['cuda', /^netwright: --backend must be one of tensorflow-gpu, tensorflow, wasm, cpu, got "cuda"\.$/],
  ])('refuses --backend %s with exit code 2 and one line, before training', async (value, message) => {
    const r = await train(tiny, '--backend', value);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
  });

  it('--backend cpu trains on the backend named', async () => {
    const saved = process.env.NETWRIGHT_BACKEND;
    delete process.env.NETWRIGHT_BACKEND;
    try {
      const r = await train(
        tiny,
        '--backend',
        'cpu',
        '--epochs',
        '1',
        '--samples',
        '16',
        '--batch-size',
        '8',
        '--json',
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).backend).toBe('cpu');
    } finally {
      process.env.NETWRIGHT_BACKEND = saved;
    }
  }, 60_000);

  it('exits 1 for a network that cannot be trained or has errors', async () => {
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 2, kernelSize: [9, 9], padding: 'valid' }, [x], 'big');
    const broken = await train(writeProject('broken', b.build()));
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^error: big: /);
    const wrongClasses = await train(tiny, '--classes', '4');
    expect(wrongClasses.code).toBe(2);
    expect(wrongClasses.err).toMatch(/has 4 classes but the network outputs 10 class scores/);
  }, 30_000);

  it('keeps stdout to the one JSON object when run as `npx netwright` (tfjs banners go to stderr)', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/netwright.js', 'train', tiny, '--epochs', '1', '--samples', '16', '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, NETWRIGHT_BACKEND: 'cpu' },
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ backend: 'cpu', status: 'completed' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('is listed in the help', async () => {
    const out: string[] = [];
    await runCli(['--help'], { out: (t) => out.push(t), err: () => {} });
    expect(out.join('\n')).toMatch(/^ {2}train FILE +Train on a built-in or chosen dataset/m);
    const help = await train('--help');
    expect(help.out).toMatch(/--label-smoothing EPS uses Keras's targets y·\(1 − EPS\) \+ EPS\/K/);
  });

  it("says why a run stopped in the output's language; --json keeps the English message", async () => {
    // SGD at 1000 blows the loss up within the first batches.
    const args = [
      tiny,
      '--epochs',
      '1',
      '--samples',
      '40',
      '--batch-size',
      '8',
      '--optimizer',
      'sgd',
      '--lr',
      '1000',
      '--seed',
      '3',
    ];
    // --json prints the object on stdout and the same lines as without it on stderr: one German
    // run shows both the German text and the English message.
    const de = await trainIn('de', ...args, '--json');
    expect(de.code).toBe(1);
    expect(de.err).toMatch(
      /^divergiert: Der Verlust .* in Epoche 1, Batch \d \(Lernrate 1,00e\+3\): Das Training ist divergiert\./m,
    );
    const en = await trainIn('en', ...args);
    expect(en.err).toMatch(
      /^diverged: The loss .* at epoch 1, batch \d \(learning rate 1\.00e\+3\): training diverged\./m,
    );
    const json = JSON.parse(de.out);
    expect(json.message).toMatch(/^The loss /);
    expect(en.err).toContain(`diverged: ${json.message}`);
  }, 120_000);

  it('refuses a network it cannot train in the language of its output', async () => {
    const b = new GraphBuilder();
    let x = b.input([8, 8, 3]);
    x = b.add('Flatten', {}, [x]);
    b.add('Dense', { units: 4, activation: 'relu' }, [x], 'scores');
    const relu = writeProject('relu', b.build());
    const de = await trainIn('de', relu, '--epochs', '1', '--samples', '16');
    expect(de.code).toBe(1);
    expect(de.err).toContain('scores endet in einer relu-Aktivierung; das Training zur Klassifikation braucht Softmax');
    expect((await train(relu, '--epochs', '1', '--samples', '16')).err).toContain(
      'scores ends in a relu activation; classification training needs softmax',
    );
  }, 30_000);

  it('names the flag of an invalid setting in the language of its output', async () => {
    const de = await trainIn('de', tiny, '--epochs', '0');
    expect(de.code).toBe(2);
    expect(de.err).toBe('netwright: --epochs: eine ganze Zahl von Epochen von 1 bis 10.000 erwartet, 0 erhalten');
    expect((await train(tiny, '--epochs', '0')).err).toBe(
      'netwright: --epochs: expected a whole number of epochs from 1 to 10,000, got 0',
    );
  }, 30_000);
});
