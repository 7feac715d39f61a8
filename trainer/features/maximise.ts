import type * as tfjs from '@tensorflow/tfjs';
import { seededRandom } from '../../shared/training';
import type { TrainingControl } from '../control';
import { truncatedModel } from './activations';
import { inputShapeOf, layerNamed } from './model';
import { featureCheck } from './problem';

type Tf = typeof tfjs;

export interface MaximiseSettings {
  layer: string;
  channel: number;
  steps: number;
  seed: number;
  /** Step size on the gradient scaled to unit standard deviation, in input units (inputs lie in [0, 1]). */
  learningRate?: number;
  /** Largest random shift, in pixels, applied before each step; default 1/16 of the smaller side (at least 1). */
  jitter?: number;
  /** Blur the image every this many steps (default 3; Gaussian, σ = blurSigma, default 0.6 px); 0: never. */
  blurEvery?: number;
  blurSigma?: number;
  /** Weight of the penalty on the image's distance from mid-grey (mean square): keeps it from saturating. */
  l2?: number;
}

export interface MaximiseStep {
  step: number;
  steps: number;
  /** The channel's mean activation on this step's (jittered) image. */
  activation: number;
  /** The image after this step, [H, W, C], when `wantsPreview` asked for it. */
  preview?: Float32Array;
}

export interface MaximiseResult {
  status: 'completed' | 'cancelled';
  /** Steps done (fewer than asked when cancelled). */
  steps: number;
  height: number;
  width: number;
  channels: number;
  /** The image, [H, W, C] in input units ([0, 1]). */
  image: Float32Array;
  /** The channel's mean activation on the un-shifted image before the first and after the last step. */
  before: number;
  after: number;
  /** Per step, as reported to onStep. */
  activations: number[];
}

/** A normalised Gaussian, [k, k, C, 1] for a depthwise convolution. */
function gaussianKernel(tf: Tf, sigma: number, channels: number): tfjs.Tensor4D {
  const radius = Math.max(1, Math.ceil(2 * sigma));
  const size = 2 * radius + 1;
  const w1 = Array.from({ length: size }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = w1.reduce((a, b) => a + b, 0);
  const values: number[] = [];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) for (let c = 0; c < channels; c++) values.push((w1[y]! * w1[x]!) / (sum * sum));
  return tf.tensor4d(values, [size, size, channels, 1]);
}

/** Cyclic shift along `axis` by `shift` (tfjs has no roll); differentiable, being slices and a concat. */
function roll(tf: Tf, x: tfjs.Tensor4D, shift: number, axis: 1 | 2): tfjs.Tensor4D {
  const n = x.shape[axis];
  const s = ((shift % n) + n) % n;
  if (s === 0) return x;
  const begin = [0, 0, 0, 0];
  const size = [...x.shape] as number[];
  const tail = { begin: [...begin], size: [...size] };
  tail.begin[axis] = n - s;
  tail.size[axis] = s;
  const head = { begin: [...begin], size: [...size] };
  head.size[axis] = n - s;
  return tf.concat([tf.slice(x, tail.begin, tail.size), tf.slice(x, head.begin, head.size)], axis);
}

/**
 * Activation maximisation: the input that most excites one channel of one layer, found by
 * gradient ascent on the image from seeded grey noise. Each step shifts the image randomly
 * (jitter) so no pixel-exact pattern wins, and the L2 pull towards grey and a periodic blur keep
 * high frequencies down: the usual regularisation for readable pictures. `control` is read
 * before every step, so a cancel stops it within one step; the image so far is returned.
 */
export async function maximiseChannel(
  tf: Tf,
  model: tfjs.LayersModel,
  settings: MaximiseSettings,
  hooks: {
    control?: TrainingControl;
    onStep?: (step: MaximiseStep) => void;
    /** Asked after each step: whether onStep should get the image so far (reading it costs a copy). */
    wantsPreview?: (step: number) => boolean;
  } = {},
): Promise<MaximiseResult> {
  const shape = inputShapeOf(model);
  if (shape.length !== 3) {
    throw featureCheck('flatInput', { shape: `[${shape.join(', ')}]` });
  }
  const [height, width, channels] = shape as [number, number, number];
  const layer = layerNamed(model, settings.layer);
  const sub = truncatedModel(tf, model, layer);
  const outShape = (layer.output as tfjs.SymbolicTensor).shape;
  const units = outShape.at(-1) ?? 0;
  if (!Number.isInteger(settings.channel) || settings.channel < 0 || settings.channel >= units) {
    throw featureCheck('noChannel', { layer: settings.layer, last: units - 1, channel: settings.channel });
  }
  const lr = settings.learningRate ?? 0.05;
  const jitter = settings.jitter ?? Math.max(1, Math.floor(Math.min(height, width) / 16));
  const blurEvery = settings.blurEvery ?? 3;
  const l2 = settings.l2 ?? 0.05;
  const random = seededRandom(settings.seed);
  const shift = () => Math.floor(random() * (2 * jitter + 1)) - jitter;
  const noise = Float32Array.from({ length: height * width * channels }, () => 0.5 + 0.1 * (random() - 0.5));

  const channelMean = (x: tfjs.Tensor4D) => {
    const out = sub.apply(x, { training: false }) as tfjs.Tensor;
    // A slice, not a gather: gather's gradient needs UnsortedSegmentSum, which the wasm backend lacks.
    const begin = out.shape.map((_, axis) => (axis === out.rank - 1 ? settings.channel : 0));
    const size = out.shape.map((_, axis) => (axis === out.rank - 1 ? 1 : -1));
    return tf.mean(tf.slice(out, begin, size));
  };
  const measure = (x: tfjs.Tensor4D) => tf.tidy(() => channelMean(x).dataSync()[0]!);

  let image = tf.tensor4d(noise, [1, height, width, channels]);
  const blur = gaussianKernel(tf, settings.blurSigma ?? 0.6, channels);
  const activations: number[] = [];
  try {
    const before = measure(image);
    let done = 0;
    for (let step = 1; step <= settings.steps; step++) {
      if (hooks.control?.state() === 'cancel') break;
      const dy = shift();
      const dx = shift();
      let value = 0;
      const next = tf.tidy(() => {
        const objective = (x: tfjs.Tensor) => {
          const shifted = roll(tf, roll(tf, x as tfjs.Tensor4D, dy, 1), dx, 2);
          const act = channelMean(shifted);
          value = act.dataSync()[0]!;
          return tf.sub(act, tf.mul(l2, tf.mean(tf.square(tf.sub(x, 0.5)))));
        };
        const grad = tf.grad(objective)(image) as tfjs.Tensor4D;
        const { variance } = tf.moments(grad);
        const scaled = tf.div(grad, tf.add(tf.sqrt(variance), 1e-8));
        let x = tf.add(image, tf.mul(scaled, lr)) as tfjs.Tensor4D;
        if (blurEvery > 0 && step % blurEvery === 0) {
          // Mirrored edges: zero padding would darken the border a little more at every blur.
          const r = (blur.shape[0] - 1) / 2;
          const padded = tf.mirrorPad(
            x,
            [
              [0, 0],
              [r, r],
              [r, r],
              [0, 0],
            ],
            'reflect',
          );
          x = tf.depthwiseConv2d(padded, blur, 1, 'valid');
        }
        return tf.clipByValue(x, 0, 1) as tfjs.Tensor4D;
      });
      image.dispose();
      image = next;
      done = step;
      activations.push(value);
      const preview = hooks.wantsPreview?.(step) ? (image.dataSync() as Float32Array) : undefined;
      hooks.onStep?.({ step, steps: settings.steps, activation: value, ...(preview ? { preview } : {}) });
      // Lets a host's event loop deliver the step's report before the next blocking step.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    return {
      status: done < settings.steps ? 'cancelled' : 'completed',
      steps: done,
      height,
      width,
      channels,
      image: image.dataSync() as Float32Array,
      before,
      after: measure(image),
      activations,
    };
  } finally {
    image.dispose();
    blur.dispose();
  }
}
