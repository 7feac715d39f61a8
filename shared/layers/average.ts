import { elementwiseSpec } from './elementwise';

export const averageSpec = elementwiseSpec({
  kind: 'Average',
  nodeName: 'average',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: 'mean',
});
