import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCandidates } from '../../../electron/services/tfjs';
import { allowTrainingWithoutScaleOrCenter } from '../../../trainer/compile/batchNormFix';
import { enableClosedFormTraining } from '../../../trainer/compile/batchNormLayer';
import { batchNormTraining } from '../../../trainer/compile/batchNormTraining';
import { compileGraph } from '../../../trainer/compile/compile';
import { bnNet } from './bnNet';

type Backend = 'cpu' | 'wasm';
const BACKENDS: Backend[] = ['cpu', 'wasm'];

beforeAll(async () => {
  // wasm as the app loads it (with Netwright's kernels), then back to cpu like the other suites.
  await defaultCandidates()
    .find((c) => c.name === 'wasm')!
    .load();
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend did not initialise');
  await tf.setBackend('cpu');
});

/**
 * max |a − b| / max(max |b|, floor): relative to the tensor's scale, since per-element ratios blow
 * up near zero. `floor` is for a result that is zero in exact arithmetic (see inputGradientScale).
 */
function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>, floor = 0): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = floor;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return scale === 0 ? diff : diff / scale;
}

interface Config {
  scale: boolean;
  center: boolean;
  momentum: number;
  epsilon: number;
}

/** A BatchNormalization as the builder makes it: stock (with the scale/center stand-ins) or also ours. */
function makeLayer(config: Config, shape: number[], closedForm: boolean, weights: tf.Tensor[]): tf.layers.Layer {
  const channels = shape.at(-1)!;
  const layer = tf.layers.batchNormalization({ axis: -1, ...config });
  layer.apply(tf.input({ batchShape: shape })); // builds it, and a used layer can be disposed
  layer.setWeights(weights);
  allowTrainingWithoutScaleOrCenter(tf, layer, channels, config.scale, config.center);
  if (closedForm) enableClosedFormTraining(tf, layer);
  return layer;
}

/** Random weights in the layer's order: gamma?, beta?, moving mean, moving variance. */
function randomWeights(config: Config, channels: number, seed: number): tf.Tensor[] {
  const weights: tf.Tensor[] = [];
  if (config.scale) weights.push(tf.randomUniform([channels], 0.5, 1.5, 'float32', seed));
  if (config.center) weights.push(tf.randomUniform([channels], -1, 1, 'float32', seed + 1));
  weights.push(tf.randomUniform([channels], -1, 1, 'float32', seed + 2));
  weights.push(tf.randomUniform([channels], 0.5, 2, 'float32', seed + 3));
  return weights;
}

/**
 * The input gradient's size before its mean terms cancel: max |dy|·|γ|/√(σ² + ε). With one row
 * (N = 1) they cancel exactly, dx = 0, and both layers return only rounding noise of this size.
 */
function inputGradientScale(x: tf.Tensor, dy: tf.Tensor, gamma: tf.Tensor | null, epsilon: number): number {
  return tf.tidy(() => {
    const { variance } = tf.moments(x, [...Array(x.rank - 1).keys()]);
    const slope = tf.div(gamma ? tf.abs(gamma) : 1, tf.sqrt(tf.add(variance, epsilon)));
    return tf.max(slope).dataSync()[0]! * tf.max(tf.abs(dy)).dataSync()[0]!;
  });
}

interface TrainingCall {
  output: Float32Array;
  /** d(Σ output·dy) for the input, then each trainable weight (gamma, beta as present). */
  grads: Float32Array[];
  /** All weights after the call: the trainable ones unchanged, the moving statistics updated. */
  weights: Float32Array[];
}

/** One training call of `layer` on x, its gradients for an upstream gradient dy, and the state after. */
function trainingCall(layer: tf.layers.Layer, x: tf.Tensor, dy: tf.Tensor): TrainingCall {
  const input = tf.variable(x, true);
  const trainable = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  let output: tf.Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const y = layer.apply(input, { training: true }) as tf.Tensor;
    output = tf.keep(y.clone());
    return tf.sum(tf.mul(y, dy));
  }, [input, ...trainable]);
  const result = {
    output: output!.dataSync() as Float32Array,
    grads: [input, ...trainable].map((v) => grads[v.name]!.dataSync() as Float32Array),
    weights: layer.getWeights().map((w) => w.dataSync() as Float32Array),
  };
  tf.dispose([value, output!, input, ...Object.values(grads)]);
  return result;
}

const configs: Config[] = [
  { scale: true, center: true, momentum: 0.99, epsilon: 1e-3 },
  { scale: false, center: true, momentum: 0.9, epsilon: 1e-3 },
  { scale: true, center: false, momentum: 0.5, epsilon: 1e-2 },
  { scale: false, center: false, momentum: 0.9, epsilon: 1e-5 },
];
// NHWC as in the networks, a dense layer's [batch, features], and one-sample and prime row counts.
const shapes = [
  [4, 5, 6, 3],
  [2, 8, 8, 16],
  [7, 5],
  [1, 4],
  [3, 1, 1, 2],
];

describe('closed-form batch norm training matches the stock tfjs BatchNormalization', () => {
  for (const backend of BACKENDS) {
    it(`on ${backend}: output, input/gamma/beta gradients and moving statistics within 1e-5, no leaks`, async () => {
      await tf.setBackend(backend);
      let seed = 1;
      for (const config of configs) {
        for (const shape of shapes) {
          seed += 10;
          const channels = shape.at(-1)!;
          // Per-channel offsets and spreads, so the statistics are far from 0 and 1 and each channel differs.
          const x = tf.tidy(() =>
            tf.add(
              tf.mul(
                tf.randomNormal(shape, 0, 1, 'float32', seed),
                tf.randomUniform([channels], 0.5, 3, 'float32', seed + 5),
              ),
              tf.randomUniform([channels], -4, 4, 'float32', seed + 6),
            ),
          );
          const dy = tf.randomNormal(shape, 0, 1, 'float32', seed + 7);
          const weights = randomWeights(config, channels, seed);
          const stock = makeLayer(config, shape, false, weights);
          const ours = makeLayer(config, shape, true, weights);
          const before = tf.memory().numTensors;
          const expected = trainingCall(stock, x, dy);
          const actual = trainingCall(ours, x, dy);
          expect(tf.memory().numTensors).toBe(before);
          const where = `${JSON.stringify(config)} ${JSON.stringify(shape)}`;
          expect(relativeError(actual.output, expected.output), `output ${where}`).toBeLessThan(1e-5);
          expect(actual.grads.length, where).toBe(1 + Number(config.scale) + Number(config.center));
          const floor = inputGradientScale(x, dy, config.scale ? weights[0]! : null, config.epsilon);
          actual.grads.forEach((g, i) => {
            const error = relativeError(g, expected.grads[i]!, i === 0 ? floor : 0);
            expect(error, `gradient ${i} ${where}`).toBeLessThan(1e-5);
          });
          actual.weights.forEach((w, i) => {
            expect(relativeError(w, expected.weights[i]!), `weight ${i} after the call ${where}`).toBeLessThan(1e-5);
          });
          // The moving statistics did move (momentum < 1), so the comparison above checks the update.
          expect(relativeError(actual.weights.at(-1)!, weights.at(-1)!.dataSync())).toBeGreaterThan(1e-3);
          stock.dispose();
          ours.dispose();
          tf.dispose([x, dy, ...weights]);
        }
      }
    });
  }

  it('leaves inference and channels on another axis to the stock layer, bit for bit', async () => {
    await tf.setBackend('cpu');
    const config = { scale: true, center: true, momentum: 0.9, epsilon: 1e-3 };
    const x = tf.randomNormal([3, 4, 5], 2, 3, 'float32', 3);
    const weights = randomWeights(config, 5, 4);
    const stock = makeLayer(config, x.shape, false, weights);
    const ours = makeLayer(config, x.shape, true, weights);
    const inference = (l: tf.layers.Layer) => tf.tidy(() => (l.apply(x, { training: false }) as tf.Tensor).dataSync());
    const axisWeights = randomWeights(config, 4, 5);
    const before = tf.memory().numTensors;
    expect(inference(ours)).toEqual(inference(stock));
    // Channels on axis 1: the closed form reduces over all but the last axis, so this must be stock.
    const byAxis = (closedForm: boolean) => {
      const layer = tf.layers.batchNormalization({ axis: 1, ...config });
      layer.apply(tf.input({ batchShape: x.shape }));
      layer.setWeights(axisWeights);
      if (closedForm) enableClosedFormTraining(tf, layer);
      const out = layer.apply(x, { training: true }) as tf.Tensor;
      const values = [out, ...layer.getWeights()].map((t) => t.dataSync());
      out.dispose();
      layer.dispose();
      return values;
    };
    expect(byAxis(true)).toEqual(byAxis(false));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, ...weights, ...axisWeights]);
    stock.dispose();
    ours.dispose();
  });

  it('is closer than stock to a float64 reference on wasm, where tf.mean sums in one long float32 run', async () => {
    await tf.setBackend('wasm');
    const shape = [16, 16, 16, 8];
    const channels = 8;
    const eps = 1e-3;
    const x = tf.tidy(() =>
      tf.add(tf.randomNormal(shape, 0, 2, 'float32', 11), tf.randomUniform([channels], -3, 3, 'float32', 12)),
    );
    const gamma = tf.randomUniform([channels], 0.5, 1.5, 'float32', 13);
    const beta = tf.randomUniform([channels], -1, 1, 'float32', 14);
    const dy = tf.randomNormal(shape, 0, 1, 'float32', 15);
    // y = γ·x̂ + β and the three gradients, accumulated in doubles.
    const [xs, dys, gs, bs] = [x, dy, gamma, beta].map((t) => t.dataSync());
    const count = x.size / channels;
    const mean = new Float64Array(channels);
    const variance = new Float64Array(channels);
    xs!.forEach((v, i) => {
      mean[i % channels]! += v / count;
    });
    xs!.forEach((v, i) => {
      variance[i % channels]! += (v - mean[i % channels]!) ** 2 / count;
    });
    const invStd = variance.map((v) => 1 / Math.sqrt(v + eps));
    const xhat = Float64Array.from(xs!, (v, i) => (v - mean[i % channels]!) * invStd[i % channels]!);
    const dBeta = new Float64Array(channels);
    const dGamma = new Float64Array(channels);
    dys!.forEach((d, i) => {
      dBeta[i % channels]! += d;
      dGamma[i % channels]! += d * xhat[i]!;
    });
    const reference = [
      xhat.map((h, i) => gs![i % channels]! * h + bs![i % channels]!),
      xhat.map((h, i) => {
        const c = i % channels;
        return ((gs![c]! * invStd[c]!) / count) * (count * dys![i]! - dBeta[c]! - h * dGamma[c]!);
      }),
      dGamma,
      dBeta,
    ];
    const stockOp = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const moments = tf.moments(a, [0, 1, 2]);
      return tf.batchNorm(a, moments.mean, moments.variance, b, g, eps);
    };
    const oursOp = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => batchNormTraining(tf, a, g, b, eps);
    const errors = (op: typeof stockOp) => {
      const y = op(x, gamma, beta);
      const grads = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(op(a, g, b), dy)))([
        x,
        gamma,
        beta,
      ]);
      const result = [y, ...grads].map((t, i) => relativeError(t.dataSync(), reference[i]!));
      tf.dispose([y, ...grads]);
      return result;
    };
    const ours = errors(oursOp);
    const stock = errors(stockOp);
    for (const e of ours) expect(e).toBeLessThan(1e-6);
    expect(Math.max(...ours)).toBeLessThan(Math.max(...stock));
    tf.dispose([x, gamma, beta, dy]);
    await tf.setBackend('cpu');
  });
});

describe('compiled networks keep the stock layer outside training', () => {
  for (const bn of [{}, { scale: false }]) {
    it(`trains through the closed form, then saves and reloads as a plain BatchNormalization (${JSON.stringify(bn)})`, async () => {
      await tf.setBackend('cpu');
      const { model } = compileGraph(tf, bnNet(bn));
      const stockBn = tf.layers.batchNormalization({ axis: -1, ...bn });
      stockBn.apply(tf.input({ shape: [4, 4, 4] }));
      expect(model.getLayer('bn').countParams()).toBe(stockBn.countParams());
      const xs = tf.randomNormal([4, 6, 6, 3], 0, 1, 'float32', 21);
      const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3);
      const kernels = await tf.profile(() =>
        tf.dispose(
          tf.variableGrads(
            () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar,
          ),
        ),
      );
      const names = new Set(kernels.kernels.map((k) => k.name));
      expect(names.has('FusedDepthwiseConv2D')).toBe(true);
      expect(names.has('FusedBatchNorm')).toBe(false);
      let saved: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          saved = artifacts;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
      const topology = JSON.stringify(saved!.modelTopology);
      expect(topology).toContain('"class_name":"BatchNormalization"');
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
      expect(loaded.countParams()).toBe(model.countParams());
      const a = model.predict(xs) as tf.Tensor;
      const b = loaded.predict(xs) as tf.Tensor;
      expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
      tf.dispose([xs, ys, a, b]);
      stockBn.dispose();
      model.dispose();
      loaded.dispose();
    });
  }
});
