import { elementwiseSpec } from './elementwise';

export const averageSpec = elementwiseSpec({
  kind: 'Average',
  label: 'Average',
  nodeName: 'average',
  description: 'Averages its inputs element by element.',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: 'mean',
});
