import { globalPool2dSpec } from './globalPooling';

export const globalAvgPool2dSpec = globalPool2dSpec('GlobalAvgPool2D', 'avg', {
  nodeName: 'gap',
});
