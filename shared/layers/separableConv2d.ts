import { z } from 'zod';
import { positiveInt } from './common';
import { convOutputFields, convSchema, convSpec, convWindowFields, kernelArea } from './convBase';
import { schemaOnce } from './spec';

export const separableConv2dSchema = schemaOnce(() =>
  convSchema(
    z.strictObject({
      filters: positiveInt(),
      ...convWindowFields(),
      depthMultiplier: positiveInt().default(1),
      ...convOutputFields(),
    }),
  ),
);

export type SeparableConv2DParams = z.output<ReturnType<typeof separableConv2dSchema>>;

/**
 * Keras's SeparableConv2D: a depthwise conv (Cin·dm channels) then a 1×1 pointwise conv to
 * `filters`. Only the pointwise part carries a bias, as in Keras.
 */
export const separableConv2dSpec = convSpec({
  kind: 'SeparableConv2D',
  nodeName: 'separable',
  get schema() {
    return separableConv2dSchema();
  },
  outChannels: (_channels, p) => p.filters,
  kernelWeights(channels, p) {
    const middle = channels * p.depthMultiplier;
    return kernelArea(p) * middle + middle * p.filters;
  },
  summaryTail: (p) => ` sep, ${p.filters}${p.depthMultiplier > 1 ? `, dm${p.depthMultiplier}` : ''}`,
});
