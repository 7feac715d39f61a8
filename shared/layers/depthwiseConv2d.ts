import { z } from 'zod';
import { positiveInt } from './common';
import { convOutputFields, convSchema, convSpec, convWindowFields, kernelArea } from './convBase';

export const depthwiseConv2dSchema = convSchema(
  z.strictObject({
    ...convWindowFields(),
    depthMultiplier: positiveInt().default(1),
    ...convOutputFields(),
  }),
);

export type DepthwiseConv2DParams = z.output<typeof depthwiseConv2dSchema>;

/** Each input channel gets its own depthMultiplier filters, so outputs = Cin·dm and nothing mixes channels. */
export const depthwiseConv2dSpec = convSpec({
  kind: 'DepthwiseConv2D',
  label: 'Depthwise Conv2D',
  nodeName: 'depthwise',
  description: 'Filters every channel on its own (no channel mixing): the cheap spatial half of a separable conv.',
  schema: depthwiseConv2dSchema,
  outChannels: (channels, p) => channels * p.depthMultiplier,
  kernelWeights: (channels, p) => kernelArea(p) * channels * p.depthMultiplier,
  summaryTail: (p) => ` dw${p.depthMultiplier > 1 ? `, dm${p.depthMultiplier}` : ''}`,
});
