import { elementwiseSpec } from './elementwise';

export const multiplySpec = elementwiseSpec({
  kind: 'Multiply',
  nodeName: 'multiply',
  maxInputs: Number.POSITIVE_INFINITY,
  summary: '×',
});
