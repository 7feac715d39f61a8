import * as tf from '@tensorflow/tfjs';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeaturesService } from '../../../electron/services/features';
import { TrainingRefused } from '../../../electron/services/train';
import { layerActivations } from '../../../trainer/features';
import { modelJsonText, serializeModel } from '../../../trainer/serialize';
import { useCpu } from '../train/helpers';
import { compiledFeatureNet } from './helpers';

const noRuns = {
  get: async (runId: string) => {
    throw new TrainingRefused(`There is no run ${runId}.`, 'run');
  },
  exportModel: async (runId: string) => {
    throw new TrainingRefused(`There is no run ${runId}.`, 'run');
  },
};
const features = new FeaturesService({ training: noRuns, backend: 'cpu' });
let model: tf.LayersModel;
let files: { modelJson: string; weights: { name: string; base64: string }[] };

const greyPng = (value: number) => {
  const png = new pngjs.PNG({ width: 12, height: 12 });
  png.data.fill(value);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  return pngjs.PNG.sync.write(png).toString('base64');
};

beforeAll(async () => {
  await useCpu();
  model = compiledFeatureNet(tf);
  const serialized = await serializeModel(tf, model);
  files = {
    modelJson: modelJsonText(serialized, 'test'),
    weights: [{ name: 'weights.bin', base64: Buffer.from(serialized.weightData).toString('base64') }],
  };
});

afterAll(() => features.dispose());

describe('an opened TF.js model.json with its weight files', () => {
  it('gets the same views as a trained run: layers, filters, maps of a picked image', async () => {
    const { runId, name } = await features.importModel('model.json', files.modelJson, files.weights);
    expect(name).toBe('model.json');
    const layers = await features.layers(runId);
    expect(layers.inputShape).toEqual([12, 12, 3]);
    expect(layers.dataset).toBeNull();
    expect(layers.datasetMessage).toMatch(/comes without its dataset: choose an image file/);
    const filters = await features.filters(runId);
    expect(filters).toMatchObject({ layer: 'conv_a', outChannels: 6 });

    const maps = await features.activations(runId, 'conv_b', { kind: 'file', name: 'grey.png', base64: greyPng(51) });
    const expected = layerActivations(tf, model, 'conv_b', new Float32Array(12 * 12 * 3).fill(51 / 255)).values;
    const bytes = Buffer.from(maps.base64, 'base64');
    const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(Array.from(values)).toEqual(Array.from(expected));
    await expect(features.activations(runId, 'conv_b', { kind: 'dataset', index: 0 })).rejects.toThrow(
      /without its dataset/,
    );
  });

  it('keeps the four models opened last', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await features.importModel('model.json', files.modelJson, files.weights)).runId);
    await expect(features.layers(ids[0]!)).rejects.toThrow(/There is no run model-\d+/);
    expect((await features.layers(ids[1]!)).inputShape).toEqual([12, 12, 3]);
  });

  it('refuses files that are not such a model, saying what to choose', async () => {
    await expect(features.importModel('model.json', files.modelJson, [])).rejects.toThrow(
      /^model\.json names the weight file weights\.bin, which was not chosen: choose model\.json together with all its weight files\.$/,
    );
    await expect(features.importModel('notes.json', 'hello', [])).rejects.toThrow(/^notes\.json is not JSON/);
    await expect(features.importModel('other.json', '{"a": 1}', [])).rejects.toThrow(
      /is not a TF\.js Layers model\.json \(it needs modelTopology and weightsManifest\)/,
    );
    const truncated = [{ name: 'weights.bin', base64: files.weights[0]!.base64.slice(0, 40) }];
    await expect(features.importModel('model.json', files.modelJson, truncated)).rejects.toThrow(
      /^TensorFlow\.js could not load model\.json: /,
    );
    await expect(features.filters('model-99')).rejects.toThrow(/There is no run model-99/);
  });
});
