import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeLayers,
  FeatureProblem,
  firstConvFilters,
  layerActivations,
  loadSerializedModel,
  maximiseChannel,
} from '../../../trainer/features';
import { serializeModel } from '../../../trainer/serialize';
import { useCpu } from '../train/helpers';
import { compiledFeatureNet, fixedInput } from './helpers';

beforeAll(useCpu);

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

/** The model as a run stores it, and back: what the feature worker gets. */
async function storedAndLoaded(model: tf.LayersModel) {
  return loadSerializedModel(tf, await serializeModel(tf, model));
}

describe('activation maps', () => {
  it('equal the compiled model’s intermediate outputs (tf.model with that layer as output) for a fixed input', async () => {
    const compiled = compiledFeatureNet(tf);
    const loaded = await storedAndLoaded(compiled);
    const input = fixedInput();
    for (const name of ['conv_a', 'bn_a', 'conv_b', 'pool']) {
      const maps = layerActivations(tf, loaded, name, input);
      const reference = tf.model({ inputs: compiled.inputs, outputs: compiled.getLayer(name).output });
      const expected = (reference.predict(tf.tensor4d(input, [1, 12, 12, 3])) as tf.Tensor).dataSync();
      expect(maps.values.length, name).toBe(expected.length);
      expect(maxAbsDiff(maps.values, expected), name).toBeLessThan(1e-5);
    }
    const pool = layerActivations(tf, loaded, 'pool', input);
    expect([pool.height, pool.width, pool.channels]).toEqual([6, 6, 5]);
  });

  it('of the first convolution equal conv2d + bias + ReLU computed by hand from its weights', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    const input = fixedInput();
    const [kernel, bias] = loaded.getLayer('conv_a').getWeights();
    const byHand = tf.relu(
      tf.add(tf.conv2d(tf.tensor4d(input, [1, 12, 12, 3]), kernel as tf.Tensor4D, 1, 'same'), bias!),
    );
    expect(maxAbsDiff(layerActivations(tf, loaded, 'conv_a', input).values, byHand.dataSync())).toBeLessThan(1e-5);
  });

  it('refuse a layer without spatial output, and a wrong-sized input, with a message saying what to choose', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    expect(() => layerActivations(tf, loaded, 'predictions', fixedInput())).toThrow(FeatureProblem);
    expect(() => layerActivations(tf, loaded, 'flat', fixedInput())).toThrow(
      /flat outputs \[180\], which has no height and width.*choose a convolution/,
    );
    expect(() => layerActivations(tf, loaded, 'nope', fixedInput())).toThrow(/no layer named nope/);
    expect(() => layerActivations(tf, loaded, 'conv_a', new Float32Array(10))).toThrow(/takes \[12, 12, 3\]/);
  });

  it('the layer list marks which layers have maps', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    expect(describeLayers(loaded).map((l) => [l.name, l.spatial])).toEqual([
      ['conv_a', true],
      ['bn_a', true],
      ['conv_b', true],
      ['pool', true],
      ['flat', false],
      ['predictions', false],
    ]);
  });
});

describe('first convolution filters', () => {
  it('are the first Conv2D kernel, [kh, kw, in, out]', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    const filters = firstConvFilters(loaded);
    expect(filters).toMatchObject({ layer: 'conv_a', kernelHeight: 3, kernelWidth: 3, inChannels: 3, outChannels: 6 });
    expect(Array.from(filters.values)).toEqual(Array.from(loaded.getLayer('conv_a').getWeights()[0]!.dataSync()));
  });
});

describe('activation maximisation', () => {
  const settings = { layer: 'conv_b', channel: 2, steps: 24, seed: 11 };

  it('raises the channel’s mean activation over the steps, the same for the same seed', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    const steps: number[] = [];
    const result = await maximiseChannel(tf, loaded, settings, { onStep: (s) => steps.push(s.step) });
    expect(result.status).toBe('completed');
    expect(steps).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    // From grey noise up to where the clipped image saturates (this linear layer has no other bound).
    expect(result.after).toBeGreaterThan(result.before + 0.2);
    const firstQuarter = result.activations.slice(0, 6).reduce((a, b) => a + b) / 6;
    const lastQuarter = result.activations.slice(-6).reduce((a, b) => a + b) / 6;
    expect(lastQuarter).toBeGreaterThan(firstQuarter);
    expect(Math.min(...result.image)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...result.image)).toBeLessThanOrEqual(1);
    const again = await maximiseChannel(tf, loaded, settings);
    expect(again.after).toBe(result.after);
  });

  it('stops within a step when cancelled and returns the image so far', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    let state: 'run' | 'cancel' = 'run';
    const result = await maximiseChannel(
      tf,
      loaded,
      { ...settings, steps: 100 },
      {
        control: { state: () => state },
        onStep: (s) => {
          if (s.step === 3) state = 'cancel';
        },
      },
    );
    expect(result).toMatchObject({ status: 'cancelled', steps: 3 });
    expect(result.activations).toHaveLength(3);
    expect(result.image).toHaveLength(12 * 12 * 3);
  });

  it('refuses a channel the layer does not have', async () => {
    const loaded = await storedAndLoaded(compiledFeatureNet(tf));
    await expect(maximiseChannel(tf, loaded, { ...settings, channel: 5 })).rejects.toThrow(
      /conv_b has channels 0 to 4; channel 5 does not exist/,
    );
  });
});
