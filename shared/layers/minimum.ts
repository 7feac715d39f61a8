import { elementwiseSpec } from './elementwise';

export const minimumSpec = elementwiseSpec({
  kind: 'Minimum',
  label: 'Minimum',
  nodeName: 'minimum',
  description: 'Keeps the smallest of its inputs at each position.',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: 'min',
});
