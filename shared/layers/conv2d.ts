import { z } from 'zod';
import { said } from '../i18n/diagnosticText';
import { positiveInt } from './common';
import { convOutputFields, convSchema, convSpec, convWindowFields, kernelArea } from './convBase';
import { LayerError, schemaOnce } from './spec';

export const conv2dSchema = schemaOnce(() =>
  convSchema(
    z.strictObject({
      filters: positiveInt(),
      ...convWindowFields(),
      groups: positiveInt().default(1),
      ...convOutputFields(),
    }),
  ),
);

export type Conv2DParams = z.output<ReturnType<typeof conv2dSchema>>;

/** Input channels per group; grouped convs split channels evenly, so both counts must divide. */
function channelsPerGroup(channels: number, p: Conv2DParams): number {
  if (channels % p.groups !== 0 || p.filters % p.groups !== 0) {
    throw new LayerError(said('layer.groups', { groups: p.groups, channels, filters: p.filters }));
  }
  return channels / p.groups;
}

export const conv2dSpec = convSpec({
  kind: 'Conv2D',
  nodeName: 'conv',
  get schema() {
    return conv2dSchema();
  },
  outChannels(channels, p) {
    channelsPerGroup(channels, p);
    return p.filters;
  },
  kernelWeights: (channels, p) => kernelArea(p) * channelsPerGroup(channels, p) * p.filters,
  summaryTail: (p) => `, ${p.filters}${p.groups > 1 ? `, g${p.groups}` : ''}`,
});
