import * as tf from '@tensorflow/tfjs';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeaturesService } from '../../../electron/services/features';
import { TrainingService } from '../../../electron/services/train';
import { type ApiEvent, type ApiEventPayload, errorText } from '../../../shared/api';
import { renderText } from '../../../shared/i18n/diagnosticText';
import { layerActivations, loadSerializedModel } from '../../../trainer/features';
import { useCpu } from '../train/helpers';
import { featureNet } from './helpers';

const cpu = async () => ({ name: 'cpu' as const, reason: 'tests', attempts: [] });
const events: { event: ApiEvent; payload: unknown }[] = [];
const emit = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => events.push({ event, payload });
const training = new TrainingService({
  runsDir: null,
  keepRunsDir: null,
  backend: cpu,
  memoryBudget: () => ({ bytes: 2 ** 30, label: 'the test budget' }),
});
const features = new FeaturesService({ training, emit, backend: 'cpu', progressIntervalMs: 0 });
let trained: string;
let untrained: string;

const floats = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

function finished(jobId: string): Promise<ApiEventPayload<'featureFinished'>> {
  return new Promise((resolve) => {
    const look = () => {
      const found = events.find(
        (e) => e.event === 'featureFinished' && (e.payload as { jobId: string }).jobId === jobId,
      );
      if (found) resolve(found.payload as ApiEventPayload<'featureFinished'>);
      else setTimeout(look, 20);
    };
    look();
  });
}

beforeAll(async () => {
  await useCpu();
  const small = { dataset: { kind: 'synthetic', samples: 48 }, epochs: 1, batchSize: 16, seed: 5 };
  trained = (await training.start({ graph: featureNet(), options: small, networkName: 'features' })).runId;
  expect((await training.waitForRun(trained)).status).toBe('completed');
  // Five classes drawn for a three-class network: the run fails and keeps no weights.
  const wrong = { ...small, dataset: { kind: 'synthetic', samples: 48, classes: 5 } };
  untrained = (await training.start({ graph: featureNet(), options: wrong, networkName: 'no weights' })).runId;
  expect((await training.waitForRun(untrained)).status).toBe('failed');
}, 120_000);

afterAll(async () => {
  await features.dispose();
  await training.dispose();
});

describe('FeaturesService (worker thread)', () => {
  it('lists the layers, the first filters and a dataset sample’s maps equal to the stored model’s outputs', async () => {
    const layers = await features.layers(trained);
    expect(layers.inputShape).toEqual([12, 12, 3]);
    expect(layers.dataset?.count).toBe(48);
    expect(layers.layers.filter((l) => l.spatial).map((l) => l.name)).toEqual(['conv_a', 'bn_a', 'conv_b', 'pool']);

    const exported = await training.exportModel(trained);
    const json = JSON.parse(exported.modelJson);
    const bytes = Buffer.from(exported.weightsBase64, 'base64');
    const model = await loadSerializedModel(tf, {
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });

    const filters = await features.filters(trained);
    expect(filters).toMatchObject({ layer: 'conv_a', kernelHeight: 3, kernelWidth: 3, inChannels: 3, outChannels: 6 });
    expect(Array.from(floats(filters.base64))).toEqual(
      Array.from(model.getLayer('conv_a').getWeights()[0]!.dataSync()),
    );

    const maps = await features.activations(trained, 'conv_b', { kind: 'dataset', index: 4 });
    expect([maps.height, maps.width, maps.channels]).toEqual([12, 12, 5]);
    expect(maps.label).toMatch(/\S/);
    const input = Float32Array.from(Buffer.from(maps.input.base64, 'base64'), (p) => p / 255);
    const expected = layerActivations(tf, model, 'conv_b', input).values;
    expect(Array.from(floats(maps.base64))).toEqual(Array.from(expected));
  });

  it('takes a PNG the user picked, resized to the network’s input', async () => {
    const png = new pngjs.PNG({ width: 30, height: 20 });
    png.data.fill(200);
    const base64 = pngjs.PNG.sync.write(png).toString('base64');
    const maps = await features.activations(trained, 'pool', { kind: 'file', name: 'grey.png', base64 });
    expect([maps.height, maps.width, maps.channels]).toEqual([6, 6, 5]);
    expect([maps.input.height, maps.input.width, maps.input.channels]).toEqual([12, 12, 3]);
    expect(maps.label).toBeNull();
  });

  it('refuses bad input with a clear message: not an image, no spatial output, no weights, no such sample', async () => {
    const text = Buffer.from('these are not pixels').toString('base64');
    await expect(
      features.activations(trained, 'conv_a', { kind: 'file', name: 'notes.txt', base64: text }),
    ).rejects.toThrow(
      /^notes\.txt is neither a PNG nor a JPEG \(it starts with 74 68 65 73\)\. Choose a PNG or JPEG image\.$/,
    );
    await expect(features.activations(trained, 'predictions', { kind: 'dataset', index: 0 })).rejects.toThrow(
      /^predictions outputs \[3\], which has no height and width/,
    );
    await expect(features.activations(trained, 'conv_a', { kind: 'dataset', index: 48 })).rejects.toThrow(
      /has samples 0 to 47; there is no sample 48/,
    );
    await expect(features.filters(untrained)).rejects.toThrow(
      /has no trained weights \(it failed without keeping a model\)/,
    );
    await expect(features.layers('run-nope')).rejects.toThrow(/There is no run run-nope/);
  });

  it('sends what the worker refuses with its text, so the window can say it in German', async () => {
    const sample = await features
      .activations(trained, 'conv_a', { kind: 'dataset', index: 48 })
      .catch((err: unknown) => err);
    expect(errorText(sample, 'de')).toBe(
      'Der Datensatz des Laufs hat die Beispiele 0 bis 47; ein Beispiel 48 gibt es nicht.',
    );
  });

  it('says when the run’s dataset lies outside the folders this session may read, and still takes picked images', async () => {
    const elsewhere = new FeaturesService({
      training: {
        get: async (id) => {
          const record = await training.get(id);
          return { ...record, settings: { ...record.settings, dataset: { kind: 'idx', path: '/elsewhere/mnist' } } };
        },
        exportModel: (id) => training.exportModel(id),
      },
      backend: 'cpu',
      mayReadDataset: () => false,
    });
    try {
      const layers = await elsewhere.layers(trained);
      expect(layers.dataset).toBeNull();
      expect(layers.datasetMessage).toBe(
        "This run's dataset (/elsewhere/mnist) is outside the folders this session may read: choose an image file instead, or allow that folder.",
      );
      expect(renderText(layers.datasetText!, 'de')).toMatch(/^Der Datensatz dieses Laufs \(\/elsewhere\/mnist\) liegt/);
      await expect(elsewhere.activations(trained, 'pool', { kind: 'dataset', index: 0 })).rejects.toThrow(
        /outside the folders this session may read/,
      );
    } finally {
      await elsewhere.dispose();
    }
  });

  it('maximises a channel with progress events; maps come between its steps; a cancel stops another within a step', async () => {
    const { jobId } = await features.maximise({ runId: trained, layer: 'conv_b', channel: 1, steps: 12, seed: 3 });
    const done = await finished(jobId);
    expect(done).toMatchObject({ status: 'completed', steps: 12, message: null });
    expect(done.after!).toBeGreaterThan(done.before!);
    expect(done.image).toMatchObject({ height: 12, width: 12, channels: 3 });
    const steps = events
      .filter((e) => e.event === 'featureProgress' && (e.payload as { jobId: string }).jobId === jobId)
      .map((e) => (e.payload as { step: number }).step);
    expect(steps).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const other = await features.maximise({ runId: trained, layer: 'conv_b', channel: 2, steps: 2000 });
    await new Promise<void>((resolve) => {
      const look = () => {
        const started = events.some(
          (e) => e.event === 'featureProgress' && (e.payload as { jobId: string }).jobId === other.jobId,
        );
        if (started) resolve();
        else setTimeout(look, 10);
      };
      look();
    });
    // Maps are answered between the maximisation's steps, not after its 2000.
    const maps = await features.activations(trained, 'pool', { kind: 'dataset', index: 1 });
    expect(maps.channels).toBe(5);
    const finishedYet = () =>
      events.some((e) => e.event === 'featureFinished' && (e.payload as { jobId: string }).jobId === other.jobId);
    expect(finishedYet()).toBe(false);
    // The picture so far comes with a progress event about once a second.
    await new Promise<void>((resolve) => {
      const look = () => {
        const preview = events.some(
          (e) =>
            e.event === 'featureProgress' &&
            (e.payload as { jobId: string; image?: unknown }).jobId === other.jobId &&
            (e.payload as { image?: unknown }).image,
        );
        if (preview) resolve();
        else setTimeout(look, 20);
      };
      look();
    });
    features.cancel(other.jobId);
    const cancelled = await finished(other.jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps).toBeLessThan(2000);
    expect(cancelled.message).toMatch(/^Cancelled after \d+ of 2000 steps\.$/);
    expect(renderText(cancelled.text!, 'de')).toMatch(/^Abgebrochen nach \d+ von 2\.000 Schritten\.$/);
    expect(cancelled.image).not.toBeNull();
    expect(() => features.cancel(other.jobId)).toThrow(/no maximisation features-\d+ running/);
  });
});
