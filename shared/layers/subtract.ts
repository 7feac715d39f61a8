import { elementwiseSpec } from './elementwise';

export const subtractSpec = elementwiseSpec({
  kind: 'Subtract',
  label: 'Subtract',
  nodeName: 'subtract',
  description: 'Subtracts its second input from its first, element by element.',
  maxInputs: 2,
  summary: 'a − b',
});
