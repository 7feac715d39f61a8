import { elementwiseSpec } from './elementwise';

export const maximumSpec = elementwiseSpec({
  kind: 'Maximum',
  label: 'Maximum',
  nodeName: 'maximum',
  description: 'Keeps the largest of its inputs at each position.',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: 'max',
});
