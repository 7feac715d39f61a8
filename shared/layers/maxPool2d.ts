import { pool2dSpec } from './pooling';

export const maxPool2dSpec = pool2dSpec('MaxPool2D', 'max', {
  nodeName: 'maxpool',
  label: 'Max pooling',
  description: 'Keeps the largest value in each window: shrinks the image and keeps the strongest responses.',
});
