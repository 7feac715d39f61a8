import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeaturesService } from '../../../electron/services/features';
import { TrainingRefused } from '../../../electron/services/train';
import { layerActivations, onnxLayersModel } from '../../../trainer/features';
import { announceSkip, PYTHON, probe, tempDir } from '../export/helpers';
import { useCpu } from '../train/helpers';

const check = probe(['-c', 'import torch']);
announceSkip('opening ONNX files in the feature views', check, "Install Debian's python3-torch.");

const noRuns = {
  get: async (runId: string) => {
    throw new TrainingRefused(`There is no run ${runId}.`, 'run');
  },
  exportModel: async (runId: string) => {
    throw new TrainingRefused(`There is no run ${runId}.`, 'run');
  },
};
const features = new FeaturesService({ training: noRuns, backend: 'cpu' });
afterAll(() => features.dispose());

const greyPng = (side: number, value: number) => {
  const png = new pngjs.PNG({ width: side, height: side });
  png.data.fill(value);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  return pngjs.PNG.sync.write(png).toString('base64');
};

describe.skipIf(!check.ok)('an ONNX file opened in the feature views', () => {
  let files: { file: string; bare: string };
  beforeAll(async () => {
    await useCpu();
    const script = path.join(import.meta.dirname, '../import/onnx/exportWithWeights.py');
    const run = spawnSync(PYTHON, [script, tempDir('onnx-features'), 'small_cnn'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`torch.onnx.export failed: ${run.stderr.split('\n').slice(-4).join(' ')}`);
    files = JSON.parse(run.stdout.trim().split('\n').at(-1)!).small_cnn;
  }, 120_000);

  it('gets the views a TF.js model gets, computed from the file’s weights', async () => {
    const bytes = readFileSync(files.file);
    const { runId, name } = await features.importOnnx('small.onnx', bytes.toString('base64'));
    expect(name).toBe('small.onnx');
    const layers = await features.layers(runId);
    expect(layers.inputShape).toEqual([16, 16, 3]);
    expect(layers.layers.map((l) => l.name)).toContain('bn2/BatchNormalization');
    const filters = await features.filters(runId);
    expect(filters).toMatchObject({ layer: 'conv1/Conv', kernelHeight: 3, inChannels: 3, outChannels: 8 });

    const maps = await features.activations(runId, 'bn2/BatchNormalization', {
      kind: 'file',
      name: 'grey.png',
      base64: greyPng(16, 51),
    });
    const model = onnxLayersModel(tf, new Uint8Array(bytes), 'small.onnx');
    const input = new Float32Array(16 * 16 * 3).fill(51 / 255);
    const expected = layerActivations(tf, model, 'bn2/BatchNormalization', input).values;
    model.dispose();
    const raw = Buffer.from(maps.base64, 'base64');
    const values = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    expect(Array.from(values)).toEqual(Array.from(expected));
  });

  it('refuses a file without weights, or not ONNX at all, saying what to do', async () => {
    const bare = readFileSync(files.bare).toString('base64');
    await expect(features.importOnnx('bare.onnx', bare)).rejects.toThrow(
      /^bare\.onnx: This ONNX file holds no weights: export it with export_params=True/,
    );
    await expect(features.importOnnx('notes.onnx', Buffer.from('{"a": 1}').toString('base64'))).rejects.toThrow(
      /^notes\.onnx is not an ONNX model: choose a \.onnx file/,
    );
    const truncated = readFileSync(files.file).subarray(0, 300).toString('base64');
    await expect(features.importOnnx('cut.onnx', truncated)).rejects.toThrow(/^cut\.onnx: /);
  });
});
