import { globalPool2dSpec } from './globalPooling';

export const globalMaxPool2dSpec = globalPool2dSpec('GlobalMaxPool2D', 'max', {
  nodeName: 'gmp',
});
