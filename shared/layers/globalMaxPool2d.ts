import { globalPool2dSpec } from './globalPooling';

export const globalMaxPool2dSpec = globalPool2dSpec('GlobalMaxPool2D', 'max', {
  nodeName: 'gmp',
  label: 'Global max pooling',
  description: 'Takes the largest value of each channel over the whole image: one number per channel.',
});
