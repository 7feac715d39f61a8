import { globalPool2dSpec } from './globalPooling';

export const globalAvgPool2dSpec = globalPool2dSpec('GlobalAvgPool2D', 'avg', {
  nodeName: 'gap',
  label: 'Global average pooling',
  description: 'Averages each channel over the whole image: one number per channel, no weights.',
});
