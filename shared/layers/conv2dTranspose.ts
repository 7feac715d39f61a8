import { z } from 'zod';
import { positiveInt } from './common';
import { convOutputFields, convSchema, convSpec, convWindowFields, kernelArea } from './convBase';
import { dilatedSize, imageShape, transposedOutputLength } from './shapeMath';
import { type LayerSpec, schemaOnce } from './spec';

export const conv2dTransposeSchema = schemaOnce(() =>
  convSchema(
    z.strictObject({
      filters: positiveInt(),
      ...convWindowFields(),
      ...convOutputFields(),
    }),
  ),
);

export type Conv2DTransposeParams = z.output<ReturnType<typeof conv2dTransposeSchema>>;

const base = convSpec({
  kind: 'Conv2DTranspose',
  nodeName: 'deconv',
  get schema() {
    return conv2dTransposeSchema();
  },
  outChannels: (_channels, p) => p.filters,
  kernelWeights: (channels, p) => kernelArea(p) * channels * p.filters,
  summaryTail: (p) => `, ${p.filters}`,
});

/**
 * The weights and bias are a convolution's (kh·kw·Cin·filters + filters, as Keras counts
 * them); the window runs backwards, so the output grows by the strides, and every input
 * pixel multiplies the whole kernel once: MACs = kh·kw·Cin·filters·Hin·Win. For the
 * receptive field each output sees ⌈k_dilated / s⌉ input pixels per axis, a window of
 * that size and stride 1 (the finer spacing of the outputs is left out).
 */
export const conv2dTransposeSpec: LayerSpec<Conv2DTransposeParams, 'Conv2DTranspose'> = {
  ...base,
  outputShape(inputs, p) {
    const [h, w] = imageShape(inputs, 'Conv2DTranspose');
    const axis = (input: number, i: 0 | 1) =>
      transposedOutputLength(input, p.kernelSize[i], p.strides[i], p.dilation[i], p.padding);
    return [axis(h, 0), axis(w, 1), p.filters];
  },
  macs(inputs, _output, p) {
    const [h, w, channels] = imageShape(inputs, 'Conv2DTranspose');
    return kernelArea(p) * channels * p.filters * h * w;
  },
  rfStep: (p) => {
    const reach = (i: 0 | 1) => Math.ceil(dilatedSize(p.kernelSize[i], p.dilation[i]) / p.strides[i]);
    return { type: 'window', kernel: [reach(0), reach(1)], stride: [1, 1], dilation: [1, 1] };
  },
};
