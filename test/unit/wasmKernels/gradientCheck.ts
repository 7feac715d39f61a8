import * as tf from '@tensorflow/tfjs';
import { type ConvCase, outputShape } from './convCases';
import { denseFromDilated, dilatedFromDense, liveCounts, randomValues, relativeError, size, valuesOn } from './harness';

const kernelNames = {
  dense: { filter: 'Conv2DBackpropFilter', input: 'Conv2DBackpropInput' },
  depthwise: { filter: 'DepthwiseConv2dNativeBackpropFilter', input: 'DepthwiseConv2dNativeBackpropInput' },
};

export interface GradientCheck {
  filterError: number;
  inputError: number;
  /** Tensors and wasm data buffers left behind by the two wasm kernel calls. */
  leakedTensors: number;
  leakedData: number;
}

const run = (name: string, inputs: tf.NamedTensorMap, attrs: object) =>
  tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;

/**
 * Both backprop kernels of one configuration on wasm (ours) against cpu. The cpu
 * kernels ignore dilations, so cpu gets the dilated filter written out densely
 * (see denseFromDilated). Null when the configuration has no output.
 */
export async function checkGradients(c: ConvCase, depthwise: boolean): Promise<GradientCheck | null> {
  const yShape = outputShape(c, depthwise);
  if (!yShape) return null;
  const names = kernelNames[depthwise ? 'depthwise' : 'dense'];
  const xShape = [c.batch, c.height, c.width, c.inChannels];
  const filterShape = [...c.kernel, c.inChannels, c.outChannels];
  const x = randomValues(size(xShape), c.seed);
  const dy = randomValues(size(yShape), c.seed ^ 0x5bd1e995);
  const filter = randomValues(size(filterShape), c.seed ^ 0x27d4eb2f);
  const [dh, dw] = c.dilations;
  const dense = denseFromDilated(filter, filterShape, dh, dw);
  const geometry = { strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode, dataFormat: 'NHWC' };

  await tf.setBackend('wasm');
  const before = liveCounts();
  const wasmFilterGrad = await valuesOn('wasm', () =>
    run(
      names.filter,
      { x: tf.tensor(x, xShape), dy: tf.tensor(dy, yShape) },
      { ...geometry, dilations: c.dilations, filterShape },
    ),
  );
  const wasmInputGrad = await valuesOn('wasm', () =>
    run(
      names.input,
      { dy: tf.tensor(dy, yShape), filter: tf.tensor(filter, filterShape) },
      { ...geometry, dilations: c.dilations, inputShape: xShape },
    ),
  );
  const after = liveCounts();

  const cpuDenseFilterGrad = await valuesOn('cpu', () =>
    run(
      names.filter,
      { x: tf.tensor(x, xShape), dy: tf.tensor(dy, yShape) },
      { ...geometry, dilations: 1, filterShape: dense.shape },
    ),
  );
  const cpuInputGrad = await valuesOn('cpu', () =>
    run(
      names.input,
      { dy: tf.tensor(dy, yShape), filter: tf.tensor(dense.values, dense.shape) },
      { ...geometry, dilations: 1, inputShape: xShape },
    ),
  );
  return {
    filterError: relativeError(wasmFilterGrad, dilatedFromDense(cpuDenseFilterGrad, filterShape, dh, dw)),
    inputError: relativeError(wasmInputGrad, cpuInputGrad),
    leakedTensors: after.tensors - before.tensors,
    leakedData: after.data - before.data,
  };
}
