import { elementwiseSpec } from './elementwise';

export const subtractSpec = elementwiseSpec({
  kind: 'Subtract',
  nodeName: 'subtract',
  maxInputs: 2,
  summary: 'a − b',
});
