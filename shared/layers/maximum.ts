import { elementwiseSpec } from './elementwise';

export const maximumSpec = elementwiseSpec({
  kind: 'Maximum',
  nodeName: 'maximum',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: 'max',
});
