import type * as tfjs from '@tensorflow/tfjs';
import { batchNormTraining } from './batchNormTraining';

type Tf = typeof tfjs;
type Layer = tfjs.layers.Layer;

interface LayerVariable {
  read(): tfjs.Tensor;
  write(value: tfjs.Tensor): unknown;
}

/** The fields of tfjs-layers' BatchNormalization that its training branch reads. */
interface BatchNormFields {
  axis: number;
  momentum: number;
  epsilon: number;
  scale: boolean;
  center: boolean;
  gamma?: LayerVariable;
  beta?: LayerVariable;
  movingMean: LayerVariable;
  movingVariance: LayerVariable;
}

/**
 * Trains a tfjs BatchNormalization through batchNormTraining (closed-form gradient, a quarter of
 * the time on wasm) instead of autodiff through tf.moments + tf.batchNorm. Only `call` changes,
 * on this instance: the class, config, weights, saved model.json ("BatchNormalization") and
 * inference are the stock layer's. Channels-last float32 inputs only; anything else, and every
 * call with training off, goes to the stock `call`. The moving statistics are updated exactly as
 * tfjs-layers 4.22 does (normalization.js): v ← v − (v − batch)·(1 − momentum), with the batch's
 * biased variance (tfjs applies no N/(N−1) correction, unlike Keras).
 */
export function enableClosedFormTraining(tf: Tf, layer: Layer): void {
  const bn = layer as unknown as BatchNormFields;
  const stockCall = layer.call.bind(layer);
  const movingAverage = (variable: LayerVariable, value: tfjs.Tensor) =>
    tf.tidy(() => {
      const original = variable.read();
      variable.write(tf.sub(original, tf.mul(tf.sub(original, value), 1 - bn.momentum)));
    });
  layer.call = (inputs, kwargs) => {
    // A frozen batch norm runs in inference mode, on its moving statistics, and leaves them
    // as they are: Keras's rule since 2.1.3, which fine-tuning a pretrained base relies on.
    if (!layer.trainable) return stockCall(inputs, { ...kwargs, training: false });
    const input = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0]! : null) : inputs;
    const ours =
      kwargs.training === true &&
      input !== null &&
      input.rank >= 2 &&
      input.dtype === 'float32' &&
      (bn.axis === -1 || bn.axis === input.rank - 1);
    if (!ours) return stockCall(inputs, kwargs);
    return tf.tidy(() =>
      batchNormTraining(
        tf,
        input,
        bn.scale ? bn.gamma!.read() : null,
        bn.center ? bn.beta!.read() : null,
        bn.epsilon,
        (mean, variance) => {
          movingAverage(bn.movingMean, mean);
          movingAverage(bn.movingVariance, variance);
        },
      ),
    );
  };
}
