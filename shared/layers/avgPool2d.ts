import { pool2dSpec } from './pooling';

export const avgPool2dSpec = pool2dSpec('AvgPool2D', 'avg', {
  nodeName: 'avgpool',
  label: 'Average pooling',
  description: 'Averages each window: shrinks the image smoothly without learned weights.',
});
