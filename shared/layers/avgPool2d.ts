import { pool2dSpec } from './pooling';

export const avgPool2dSpec = pool2dSpec(
  'AvgPool2D',
  'avg',
  'Average pooling',
  'Averages each window: shrinks the image smoothly without learned weights.',
);
