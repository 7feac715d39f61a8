import { z } from 'zod';
import { positiveInt } from './common';
import { convOutputFields, convSchema, convSpec, convWindowFields, kernelArea } from './convBase';
import { schemaOnce } from './spec';

export const depthwiseConv2dSchema = schemaOnce(() =>
  convSchema(
    z.strictObject({
      ...convWindowFields(),
      depthMultiplier: positiveInt().default(1),
      ...convOutputFields(),
    }),
  ),
);

export type DepthwiseConv2DParams = z.output<ReturnType<typeof depthwiseConv2dSchema>>;

/** Each input channel gets its own depthMultiplier filters, so outputs = Cin·dm and nothing mixes channels. */
export const depthwiseConv2dSpec = convSpec({
  kind: 'DepthwiseConv2D',
  nodeName: 'depthwise',
  get schema() {
    return depthwiseConv2dSchema();
  },
  outChannels: (channels, p) => channels * p.depthMultiplier,
  kernelWeights: (channels, p) => kernelArea(p) * channels * p.depthMultiplier,
  summaryTail: (p) => ` dw${p.depthMultiplier > 1 ? `, dm${p.depthMultiplier}` : ''}`,
});
