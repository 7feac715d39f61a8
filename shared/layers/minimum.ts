import { elementwiseSpec } from './elementwise';

export const minimumSpec = elementwiseSpec({
  kind: 'Minimum',
  nodeName: 'minimum',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: 'min',
});
