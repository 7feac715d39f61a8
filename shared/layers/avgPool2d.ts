import { pool2dSpec } from './pooling';

export const avgPool2dSpec = pool2dSpec('AvgPool2D', 'avg', {
  nodeName: 'avgpool',
});
