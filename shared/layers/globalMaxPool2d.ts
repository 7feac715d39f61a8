import { globalPool2dSpec } from './globalPooling';

export const globalMaxPool2dSpec = globalPool2dSpec(
  'GlobalMaxPool2D',
  'max',
  'Global max pooling',
  'Takes the largest value of each channel over the whole image: one number per channel.',
);
