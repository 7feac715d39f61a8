import type * as tfjs from '@tensorflow/tfjs';

type Tf = typeof tfjs;
type Layer = tfjs.layers.Layer;

/** The fields of tfjs-layers' Conv2D that its call reads. */
interface ConvFields {
  kernel: { read(): tfjs.Tensor };
  strides: [number, number];
  padding: string;
  dataFormat: string;
  dilationRate: [number, number];
}

/**
 * Trains a Conv2D without bias and activation (the conv → batch-norm pattern) through
 * tf.conv2d instead of tfjs-layers' fused convolution. The same kernel runs forward, but the
 * fused op's gradient computes the input's gradient eagerly, where tf.conv2d's computes each
 * gradient only when the tape needs it. A conv on the network's input then skips the images'
 * gradient, which nothing reads: on wasm 1.4 ms of the 31 ms of kernels in a batch-16 step of
 * the three-conv + BN bench network. Every other call (inference, other layouts) is the stock one.
 */
export function trainWithLazyInputGradient(tf: Tf, layer: Layer): void {
  const conv = layer as unknown as ConvFields;
  const stockCall = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => {
    const input = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0]! : null) : inputs;
    if (kwargs.training !== true || input === null || input.rank !== 4 || conv.dataFormat !== 'channelsLast') {
      return stockCall(inputs, kwargs);
    }
    return tf.tidy(() =>
      tf.conv2d(
        input as tfjs.Tensor4D,
        conv.kernel.read() as tfjs.Tensor4D,
        conv.strides,
        conv.padding === 'same' ? 'same' : 'valid',
        'NHWC',
        conv.dilationRate,
      ),
    );
  };
}
