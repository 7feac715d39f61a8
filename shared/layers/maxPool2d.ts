import { pool2dSpec } from './pooling';

export const maxPool2dSpec = pool2dSpec('MaxPool2D', 'max', {
  nodeName: 'maxpool',
});
